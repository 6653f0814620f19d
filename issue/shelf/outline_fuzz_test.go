package shelf

import (
	"slices"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/issue/search"
	"dubao/issue/source"
)

// FuzzSearchOutlined: the search of one text issue by its outline (the
// piece maps: articles searched from the text, without a parse), when
// it does not fall back, gives the whole parse's hits, all of them in the
// same order (the articles it passes over for lack of a loose match
// included: a match the markup splits, search.Query.Loose); an outline written and
// read back is the one written; and an outline corrupted (its checksum
// made right again, so that the checks behind it are tried) or read
// against text that changed never panics — the search then falls back
// or gives only hits of the whole parse's shape. The same for the text
// read as two page files and searched by their files map (checkFilesMap).
func FuzzSearchOutlined(f *testing.F) {
	for _, c := range []struct {
		text, q string
	}{
		{"# 第一版 要闻\n\n## 渡口发展\n\n本报讯(记者 叶晓) 云岭渡口的船。发展！\n\n第二段，发展。“发展”\n\n## 老街改造\n\n老街云\n岭，分两行发\n展。\n\n## 夜市**重开**\n\n云**岭**夜市，`发展`。\n", "发展"},
		{"# 第一版 要闻\n\n## 渡口发展\n\n云岭渡口的船。\n\n## 老街\n\n老街云\n岭。\n", "云岭"},
		{"# 第二版 综合\n\n## 蘋果豐收\n\n台灣的蘋果發展得好。\n\n> 引文發展。\n\n- 一项发展\n- 二项\n\n## 苹果\n\n苹果发展，发展发展。\n", "苹果"},
		{"# 第一版 要闻\n\n## 渡口\n\n云岭渡口的船，说到一半(下转第二版)\n\n# 第二版 综合\n\n## 渡口\n\n(上接第一版)云岭的船说完了。\n\n## 夜市\n\n云`岭`夜市。\n", "云岭"},
		{"# 第一版 要闻\n\n## 甲题\n\n发展甲。\n\n第二段发展。\n\n# 第二版 综合\n\n## 乙题\n\n发展乙。\n\n## 丙\n\n丙发展。\n", "发展"},
		{"星河日报\n\n# 第一版 要闻\n\n## 题\n\n正文 GDP 5G，“好”。\n\n#### \n\n无题的一段文字，比二十个字还要长得多得多得多得多。\n", "gdp"},
		{markupSplit, "云岭"},
	} {
		f.Add(c.text, c.q, uint16(7), byte(1), false)
		f.Add(c.text, c.q, uint16(30), byte(0x80), true)
	}
	f.Fuzz(func(t *testing.T, text, query string, at uint16, flip byte, recrc bool) {
		q := search.New(query)
		if q.Empty() || len(text) > 1<<16 {
			return
		}
		_, o, err := issue.ParseOutlined([]byte(text), issue.Options{Name: "fuzz.md", Encoding: "utf-8"})
		if err != nil || o == nil || !o.Verbatim {
			return
		}
		enc := encodeOutline(o)
		back := decodeOutline(enc)
		if back == nil || !slices.Equal(back.Spans, o.Spans) || back.Len != o.Len || len(back.Maps) != len(o.Maps) {
			t.Fatalf("outline read back as %+v, written %+v", back, o)
		}
		for k := range o.Maps {
			if back.Maps[k].Headline != o.Maps[k].Headline || !slices.Equal(back.Maps[k].Pieces, o.Maps[k].Pieces) {
				t.Fatalf("map %d read back as %+v, written %+v", k, back.Maps[k], o.Maps[k])
			}
		}
		e := &Entry{}
		whole, err := issue.ParseOwned([]byte(text), issue.Options{Name: "fuzz.md", Encoding: "utf-8"})
		if err != nil {
			t.Fatal(err)
		}
		want := parsedHits(e, whole, q)
		got, ok := searchOutlined(e, q, q.Loose(), nil, []byte(text), back, nil, new(lineMem))
		if ok && !slices.Equal(got, want) {
			t.Fatalf("by outline:\n%+v\nwhole parse:\n%+v", got, want)
		}
		// The maps read as a search reads them: only those of the
		// articles where a match may be, when first asked for
		// (outlineMemory.open), with the facts their reading found;
		// and all of them read first.
		var mem outlineMemory
		for _, eager := range []bool{false, true} {
			d := mem.open(enc)
			if eager {
				d = mem.decode(enc)
				checkFacts(t, &mem, d)
			}
			if got, ok := searchOutlined(e, q, q.Loose(), nil, []byte(text), d, &mem, new(lineMem)); ok && !slices.Equal(got, want) {
				t.Fatalf("by outline read as it is searched (all first: %t):\n%+v\nwhole parse:\n%+v", eager, got, want)
			}
			checkFacts(t, &mem, d)
		}
		checkFilesMap(t, text, q, int(at), flip, recrc)
		// A corrupt outline.
		bad := slices.Clone(enc)
		bad[int(at)%len(bad)] ^= flip
		if recrc && len(bad) >= 4 {
			bad = appendCRC(bad[:len(bad)-4])
		}
		if d := decodeOutline(bad); d != nil {
			searchOutlined(e, q, q.Loose(), nil, []byte(text), d, nil, nil)
		}
		if d := mem.open(bad); d != nil {
			searchOutlined(e, q, q.Loose(), nil, []byte(text), d, &mem, nil)
			checkFacts(t, &mem, d)
		}
		// The text changed since the outline was made (same length,
		// shorter).
		changed := []byte(text)
		changed[int(at)%len(changed)] ^= flip
		searchOutlined(e, q, q.Loose(), nil, changed, back, nil, nil)
		searchOutlined(e, q, q.Loose(), nil, changed[:int(at)%len(changed)], back, nil, nil)
	})
}

// checkFilesMap reads text as an issue of two page files, cut at a line
// break after its middle (moved by at), and holds the search by its files map to the search of
// the issue parsed and joined: the same hits when the map is made and
// read back; and a corrupt map never panics.
func checkFilesMap(t *testing.T, text string, q search.Query, at int, flip byte, recrc bool) {
	from := (len(text)/2 + at) % len(text)
	cut := strings.IndexByte(text[from:], '\n')
	if cut < 0 {
		return
	}
	cut += from + 1
	texts := [][]byte{[]byte(text[:cut]), []byte(text[cut:])}
	parts := make([]*issue.Issue, len(texts))
	for i, b := range texts {
		p, err := issue.ParseOwned(b, issue.Options{Name: "fuzz.md", Encoding: "utf-8"})
		if err != nil {
			return
		}
		parts[i] = source.WithPage(p, i+1)
	}
	is := source.Join(parts)
	m := mapFiles(is, texts)
	if m == nil {
		return
	}
	e := &Entry{}
	want := parsedHits(e, is, q)
	enc := encodeFilesMap(m)
	back := decodeFilesMap(enc)
	if back == nil || decodeOutline(enc) != nil {
		t.Fatalf("files map %+v does not read back as one", m)
	}
	got, ok := searchFilesMap(e, q, texts, back, new(lineMem))
	if !ok || !slices.Equal(got, want) {
		t.Fatalf("by files map (%v):\n%+v\nparsed:\n%+v", ok, got, want)
	}
	bad := slices.Clone(enc)
	bad[at%len(bad)] ^= flip
	if recrc {
		bad = appendCRC(bad[:len(bad)-4])
	}
	if d := decodeFilesMap(bad); d != nil {
		searchFilesMap(e, q, texts, d, nil)
	}
	texts[0][at%len(texts[0])] ^= flip
	searchFilesMap(e, q, texts, back, nil)
}

// markupSplit is an issue whose articles hold 云岭 split by marks the
// parse drops (a blockquote's > on the next line, a link's brackets and
// address, an image's) beside articles without it.
const markupSplit = "# 第一版 要闻\n\n## 甲\n\n> 引文老街云\n> 岭渡口。\n\n## 乙\n\n- 列表云\n  岭项\n\n## 丙\n\n见云\\*岭。\n\n" +
	"# 第二版 综合\n\n## 丁\n\n云[岭](x)，见[云](http://x.cn/(a))岭。\n\n## 戊\n\n图片云![岭](a.png)渡口。\n\n## 己\n\n别的。\n\n## 庚\n\n别的。\n\n## 辛\n\n别的。\n\n## 壬\n\n别的。\n\n## 癸\n\n别的。\n\n## 子\n\n别的。\n"

// TestSearchOutlinedThroughMarkup: the search of an issue by its outline
// finds the matches that marks split in the text, which the parse drops
// (it looked for them with the marks in and passed over the articles
// that hold them: a second search of a shelf lost hits the first, which
// parsed the issue whole, had found).
func TestSearchOutlinedThroughMarkup(t *testing.T) {
	q := search.New("云岭")
	whole, o, err := issue.ParseOutlined([]byte(markupSplit), issue.Options{Name: "split.md", Encoding: "utf-8"})
	if err != nil || o == nil {
		t.Fatalf("no outline: %v", err)
	}
	e := &Entry{}
	want := parsedHits(e, whole, q)
	if len(want) != 5 {
		t.Fatalf("the whole parse finds %d matches, want 5: %+v", len(want), want)
	}
	got, ok := searchOutlined(e, q, q.Loose(), nil, []byte(markupSplit), o, nil, new(lineMem))
	if !ok || !slices.Equal(got, want) {
		t.Errorf("by outline (%v):\n%+v\nwhole parse:\n%+v", ok, got, want)
	}
}

// TestSearchOpenedDamaged: an outline damaged anywhere (its checksum
// made right again), opened as a search opens it (its maps read when
// asked for): the search never goes on past a map that does not read —
// it falls back — and where every map reads, it gives what the search of
// the outline read whole gives.
func TestSearchOpenedDamaged(t *testing.T) {
	text := "# 第一版 要闻\n\n## 渡口发展\n\n本报讯(记者 叶晓) 云岭渡口的船。发展！\n\n第二段，发展。“发展”\n\n## 老街\n\n老街。\n\n## 夜市发展\n\n夜市，发展。\n\n发展二。\n"
	_, o, err := issue.ParseOutlined([]byte(text), issue.Options{Name: "t.md", Encoding: "utf-8"})
	if err != nil || o == nil || o.Maps == nil {
		t.Fatalf("no outline with maps: %v", err)
	}
	q := search.New("发展")
	e := &Entry{}
	enc := encodeOutline(o)
	fellBack, bad := 0, 0
	for i := 0; i < len(enc)-4; i++ {
		for _, flip := range []byte{1, 0x80, 0xFF} {
			b := slices.Clone(enc)
			b[i] ^= flip
			b = appendCRC(b[:len(b)-4])
			var mem outlineMemory
			d := mem.open(b)
			if d == nil {
				continue
			}
			got, ok := searchOutlined(e, q, q.Loose(), nil, []byte(text), d, &mem, new(lineMem))
			for k, f := range mem.facts {
				if f&mapBad != 0 {
					bad++
					if ok {
						t.Fatalf("damaged at %d: map %d does not read, yet the search went on", i, k)
					}
				}
			}
			if !ok {
				fellBack++
				continue
			}
			if whole := decodeOutline(b); whole != nil {
				want, wok := searchOutlined(e, q, q.Loose(), nil, []byte(text), whole, nil, new(lineMem))
				if !wok || !slices.Equal(got, want) {
					t.Fatalf("damaged at %d: opened %+v, read whole (%t) %+v", i, got, wok, want)
				}
			}
		}
	}
	if bad == 0 || fellBack == 0 {
		t.Fatalf("%d maps that do not read, %d searches fell back: the damage tried nothing", bad, fellBack)
	}
}

// TestSearchOutlinedKnownMatch: the walk of a mapped article starts at
// the first match searchOutlined found in it (search.Finder.NextAt) and
// must still find every hit the whole parse does, in order: the first
// match in a later piece than the first, in the first piece's first
// character, one of the loose query only (云**岭**) with the query's own
// right after it, a first character that starts no match next to one
// that does (发发展), in a query narrowed to one form of its first
// character as a search of Simplified text narrows it.
func TestSearchOutlinedKnownMatch(t *testing.T) {
	simp := func(r rune) bool { return r != '發' && r != '髮' }
	for _, c := range []struct{ text, q string }{
		{"# 第一版 要闻\n\n## 渡口\n\n第一段没有。\n\n第二段发展，再发展。\n\n第三段发发展。\n\n## 老街\n\n发展老街。\n\n发展。\n", "发展"},
		{"# 第一版 要闻\n\n## 夜市\n\n云**岭**夜市，云岭。\n\n云岭云\n岭。\n\n## 云岭\n\n云岭。\n", "云岭"},
		{"# 第一版 要闻\n\n## 甲\n\n发发展发展。\n\n乙发展。\n\n## 丙\n\n发**展**，发展。\n", "发展"},
		{"发展日报发\n\n# 第一版 要闻\n\n## 题\n\n展开发展。\n", "发展"},
	} {
		for _, q := range []search.Query{search.New(c.q), search.New(c.q).Narrowed(simp)} {
			whole, o, err := issue.ParseOutlined([]byte(c.text), issue.Options{Name: "known.md", Encoding: "utf-8"})
			if err != nil || o == nil || !o.Verbatim {
				t.Fatalf("%q: no outline: %v", c.text, err)
			}
			e := &Entry{}
			want := parsedHits(e, whole, q)
			if len(want) < 2 {
				t.Fatalf("%q: the whole parse finds %d matches: %+v", c.text, len(want), want)
			}
			loose := q.Loose()
			for _, f := range []*search.Finder{nil, loose.In(c.text)} {
				got, ok := searchOutlined(e, q, loose, f, []byte(c.text), o, nil, new(lineMem))
				if !ok || !slices.Equal(got, want) {
					t.Errorf("%q in %q by outline (%v):\n%+v\nwhole parse:\n%+v", c.q, c.text, ok, got, want)
				}
			}
		}
	}
}

// parsedHits returns the hits of q in every article of the parsed issue
// is, page by page, as the search of a parsed issue finds them: what the
// outlined and files-map searches must give back.
func parsedHits(e *Entry, is *issue.Issue, q search.Query) []Hit {
	var hits []Hit
	for si := range is.Sections {
		sec := &is.Sections[si]
		for a := range sec.Articles {
			hits = appendHits(hits, e, sec.Page, &sec.Articles[a], q, nil)
		}
	}
	return hits
}
