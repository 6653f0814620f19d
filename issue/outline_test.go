package issue

import (
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dubao/issue/internal/issuegen"
)

// checkOutline parses text whole with its outline and holds every
// article the outline says can be read alone to ParseArticle: the very
// article the whole parse gave, number, page and all. It returns how many
// articles it read alone.
func checkOutline(t *testing.T, name, text string) int {
	t.Helper()
	is, o := parseTextOutlined(text, Options{}, true)
	if o == nil {
		return 0
	}
	want := map[int]*Article{}
	page := map[int]int{}
	for s := range is.Sections {
		for a := range is.Sections[s].Articles {
			art := &is.Sections[s].Articles[a]
			want[art.N], page[art.N] = art, is.Sections[s].Page
		}
	}
	alone, seen := 0, map[int]bool{}
	for i, sp := range o.Spans {
		if i > 0 && sp.Start < o.Spans[i-1].End {
			t.Errorf("%s: span %d starts at %d, before the end of the one before (%d)", name, i, sp.Start, o.Spans[i-1].End)
		}
		if sp.N == 0 {
			continue
		}
		if seen[sp.N] || want[sp.N] == nil || page[sp.N] != sp.Page {
			t.Errorf("%s: span %d: article %d, page %d (twice %v)", name, i, sp.N, sp.Page, seen[sp.N])
			continue
		}
		seen[sp.N] = true
		got := ParseArticle(text, o, i)
		if got == nil {
			t.Errorf("%s: article %d (%q) does not read alone", name, sp.N, want[sp.N].Headline())
			continue
		}
		if !reflect.DeepEqual(got, want[sp.N]) {
			t.Errorf("%s: article %d read alone differs:\n%+v\nwant\n%+v", name, sp.N, *got, *want[sp.N])
			continue
		}
		alone++
	}
	return alone
}

// TestOutlineArticlesAlone: on every text sample, the fuzz corpus and
// generated issues, each article the outline marks as readable alone
// reads, alone, as the whole parse read it (see checkOutline).
func TestOutlineArticlesAlone(t *testing.T) {
	root := repoRoot(t)
	total, files := 0, 0
	walk := func(dir string) {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || !textSample(p) {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			res, err := DecodeBytes(data, "")
			if err != nil {
				return nil
			}
			files++
			total += checkOutline(t, p, string(res.Text))
			return nil
		})
	}
	walk(filepath.Join(root, "testdata"))
	walk(filepath.Join(root, "issue", "testdata"))
	// The real issues, when ../shared is there.
	walk(filepath.Join(root, "..", "shared", "seed"))
	walk(filepath.Join(root, "..", "shared", "real"))
	for _, size := range []int{20 << 10, 300 << 10} {
		total += checkOutline(t, "generated", string(issuegen.Issue(size)))
	}
	if files < 40 || total < 500 {
		t.Errorf("%d files, %d articles read alone", files, total)
	}
	t.Logf("%d files, %d articles read alone", files, total)
}

// TestOutlineAfterComment: an article (or a page's first one) that starts
// with the text after the end of a comment opened on a line before
// (<!--, then 注 -->正文。) does not read alone from its own lines, which do
// not open the comment; the outline marked it as readable alone (FuzzParse
// 0805a0c0cb86307d). Each article the outline marks reads alone as the
// whole parse read it (checkOutline), and a comment on one line still
// leaves the issue its outline.
func TestOutlineAfterComment(t *testing.T) {
	for _, tc := range []struct {
		text    string
		outline bool
	}{
		{"第1版\n<!--\n-->!\n#", false},
		{"# 第一版\n\n<!--\n注 -->正文。\n\n# 题\n\n正文二。\n", false},
		{"# 第一版\n\n## 甲\n\n正文。\n\n# 第二版\n\n<!--\n注 -->正文乙。\n\n## 题\n\n正文二。\n", false},
		{"# 第一版\n\n## 甲\n\n正文。\n\n# 第二版\n\n<!-- 注 -->正文乙。\n\n## 题\n\n正文二。\n", true},
	} {
		checkOutline(t, tc.text, tc.text)
		if _, o := parseTextOutlined(tc.text, Options{}, true); (o != nil) != tc.outline {
			t.Errorf("%q: outline %+v", tc.text, o)
		}
	}
}

// TestOutlineStitched: an article continued on a later page, and its
// continuation, are read only with the whole issue; the others alone.
func TestOutlineStitched(t *testing.T) {
	text := "# 第一版 要闻\n\n## 渡口恢复通航\n\n正文一，说到一半(下转第二版)\n\n## 老街改造完工\n\n正文二。\n\n" +
		"# 第二版 综合\n\n## 渡口恢复通航\n\n(上接第一版)说完了。\n\n## 夜市重开\n\n正文三。\n"
	is, o := parseTextOutlined(text, Options{}, true)
	if o == nil || len(o.Spans) != 4 || is.Count() != 3 {
		t.Fatalf("outline %+v, %d articles", o, is.Count())
	}
	var ns []int
	for _, sp := range o.Spans {
		ns = append(ns, sp.N)
	}
	if !reflect.DeepEqual(ns, []int{0, 2, 0, 3}) {
		t.Errorf("numbers %v, want [0 2 0 3]", ns)
	}
	if a := ParseArticle(text, o, 3); a == nil || a.Title != "夜市重开" || a.N != 3 || o.Spans[3].Page != 2 {
		t.Errorf("article 3 alone: %+v", a)
	}
	if ParseArticle(text, o, 0) != nil || ParseArticle(text, o, 9) != nil {
		t.Error("a stitched article, or none, read alone")
	}
	// Lines that do not read as the article (the text changed): nil.
	changed := strings.Replace(text, "夜市重开", "夜市重闭", 1)
	if ParseArticle(changed, o, 3) != nil {
		t.Error("another headline read as the article")
	}
	// Text without titles, and front matter: no outline.
	for _, s := range []string{"一段没有标题的文字。\n\n又一段。\n", "---\ntitle: 题\n---\n\n正文。\n"} {
		if _, o := parseTextOutlined(s, Options{}, true); o != nil {
			t.Errorf("%q: an outline", s)
		}
	}
}

// TestOutlineVerbatim: the outline says whether the decoded text is the
// bytes parsed.
func TestOutlineVerbatim(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"## 题\n\n正文。\n", true},
		{"## 题\n\n正\x01文。\n", false},
		{"\ufeff## 题\n\n正文。\n", false},
	} {
		_, o, err := ParseOutlined([]byte(tc.text), Options{})
		if err != nil || o == nil || o.Verbatim != tc.want {
			t.Errorf("%q: %v, outline %+v, want Verbatim %v", tc.text, err, o, tc.want)
		}
	}
}

// TestParseVerbatim: text whose outline says it decodes to itself parses
// with Options.Verbatim (not decoded again) into the issue a parse that
// decodes it makes, on every text sample and generated issues; some
// samples are not verbatim (CRLF, controls, other encodings) and are
// left out, as the search leaves them out.
func TestParseVerbatim(t *testing.T) {
	root := repoRoot(t)
	verbatim := 0
	check := func(name string, data []byte) {
		_, o, err := ParseOutlined(append([]byte(nil), data...), Options{Name: name, Encoding: "utf-8"})
		if err != nil || o == nil || !o.Verbatim {
			return
		}
		verbatim++
		want, err := ParseOwned(append([]byte(nil), data...), Options{Name: name, Encoding: "utf-8"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := ParseOwned(append([]byte(nil), data...), Options{Name: name, Encoding: "utf-8", Verbatim: true})
		if err != nil {
			t.Fatalf("%s, verbatim: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: parsed verbatim differs:\n%+v\nwant\n%+v", name, got, want)
		}
	}
	for _, dir := range []string{filepath.Join(root, "testdata"), filepath.Join(root, "issue", "testdata")} {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || !textSample(p) {
				return nil
			}
			if data, err := os.ReadFile(p); err == nil {
				check(p, data)
			}
			return nil
		})
	}
	for _, size := range []int{20 << 10, 300 << 10} {
		check("generated", issuegen.Issue(size))
	}
	if verbatim < 10 {
		t.Errorf("only %d samples decode to themselves", verbatim)
	}
}

// pieceMapCases are issues whose articles mix pieces that are slices of
// the text with pieces that are not: paragraphs of several lines, inline
// markup, an untitled article, Traditional text, stitched jump lines.
var pieceMapCases = []string{
	"# 第一版 要闻\n\n## 渡口恢复通航\n\n本报讯(记者 叶晓) 云岭渡口的船。\n\n第二段，发展。\n\n## 老街改造\n\n老街云\n岭，分两行。\n\n## 夜市**重开**\n\n云**岭**夜市，`发展`。\n",
	"# 第一版 要闻\n\n## 渡口恢复通航\n\n云岭渡口的船，说到一半(下转第二版)\n\n## 老街\n\n老街。\n\n# 第二版 综合\n\n## 渡口恢复通航\n\n(上接第一版)云岭的船说完了。\n\n## 夜市\n\n夜市發展。\n",
	"# 第一版 要闻\n\n## 蘋果豐收\n\n台灣的蘋果發展得好。\n\n> 引文發展。\n\n- 一项发展\n- 二项\n\n| 甲 | 乙 |\n|---|---|\n| 发展 | 丙 |\n\n## 题\n\n![图 发展](a.png)\n\n——某人\n",
	"# 第一版 要闻\n\n## 题一\n\n正文一句发展。\n\n#### \n\n无题的一段文字，比二十个字还要长得多得多得多得多。\n",
}

// TestPieceMaps: each piece an outline maps to a range of the text is
// that range exactly — in the article the search's whole parse (Verbatim
// or decoded) gives — on every text sample, generated issues and issues
// that mix plain and joined pieces; and most articles of generated
// issues are mapped whole (the search's fast path is taken).
func TestPieceMaps(t *testing.T) {
	root := repoRoot(t)
	var complete, articles int
	check := func(name string, data []byte) {
		_, o, err := ParseOutlined(append([]byte(nil), data...), Options{Name: name, Encoding: "utf-8"})
		if err != nil || o == nil || o.Maps == nil {
			return
		}
		res, err := DecodeBytes(data, "utf-8")
		if err != nil {
			t.Fatal(err)
		}
		text := string(res.Text)
		if o.Len != len(text) || len(o.Maps) != len(o.Spans) {
			t.Fatalf("%s: outline of %d bytes, %d maps, for %d bytes and %d spans", name, o.Len, len(o.Maps), len(text), len(o.Spans))
		}
		is, err := ParseOwned(append([]byte(nil), data...), Options{Name: name, Encoding: "utf-8", Verbatim: o.Verbatim})
		if err != nil {
			t.Fatal(err)
		}
		byN := map[int]int{}
		for k, sp := range o.Spans {
			if sp.N > 0 {
				byN[sp.N] = k
			} else if len(o.Maps[k].Pieces) != 0 {
				t.Errorf("%s: span %d read with the whole issue has a map", name, k)
			}
		}
		for _, a := range is.Articles() {
			k, ok := byN[a.N]
			if !ok {
				continue
			}
			articles++
			m := o.Maps[k]
			if m.Complete() {
				complete++
			}
			if h := m.Headline; h.Plain() && text[h.Start:h.End] != a.Headline() {
				t.Errorf("%s: article %d: headline %q mapped to %q", name, a.N, a.Headline(), text[h.Start:h.End])
			}
			pieces := a.Pieces()
			if len(m.Pieces) != len(pieces) {
				t.Errorf("%s: article %d: %d pieces mapped, %d parsed", name, a.N, len(m.Pieces), len(pieces))
				continue
			}
			for i, r := range m.Pieces {
				if r.Plain() && text[r.Start:r.End] != pieces[i].Text {
					t.Errorf("%s: article %d piece %d: %q mapped to %q", name, a.N, i, pieces[i].Text, text[r.Start:r.End])
				}
			}
		}
	}
	for _, dir := range []string{filepath.Join(root, "testdata"), filepath.Join(root, "issue", "testdata")} {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || !textSample(p) {
				return nil
			}
			if data, err := os.ReadFile(p); err == nil {
				check(p, data)
			}
			return nil
		})
	}
	for i, c := range pieceMapCases {
		check(fmt.Sprintf("case %d", i), []byte(c))
	}
	generated := articles
	for _, size := range []int{20 << 10, 150 << 10, 600 << 10} {
		check("generated", issuegen.Issue(size))
	}
	generated = articles - generated
	t.Logf("%d of %d articles mapped whole (%d generated)", complete, articles, generated)
	if generated == 0 || complete*2 < generated {
		t.Errorf("%d of %d articles mapped whole (%d generated)", complete, articles, generated)
	}
}

// TestHeadlineHash: HeadlineHash is the CRC-32C, the hash outlines kept
// on disk are made with, and SliceAt finds a slice's place and only a
// slice's.
func TestHeadlineHash(t *testing.T) {
	for _, s := range []string{"", "a", "青溪河生态廊道全线贯通", "GDP 5.8%\xff"} {
		if got, want := HeadlineHash(s), crc32.Checksum([]byte(s), crc32.MakeTable(crc32.Castagnoli)); got != want {
			t.Errorf("HeadlineHash(%q) = %#x, want %#x", s, got, want)
		}
	}
	text := strings.Repeat("廊道", 4)
	if off, ok := SliceAt(text[3:9], text); !ok || off != 3 {
		t.Errorf("SliceAt(text[3:9]) = %d, %v", off, ok)
	}
	for _, s := range []string{"", strings.Clone(text[3:9]), text[:0]} {
		if _, ok := SliceAt(s, text); ok {
			t.Errorf("SliceAt(%q) found a copy or an empty string in text", s)
		}
	}
	if _, ok := SliceAt(text, text[:len(text)-1]); ok {
		t.Error("SliceAt found a string longer than the text in it")
	}
}
