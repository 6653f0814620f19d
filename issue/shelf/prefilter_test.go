package shelf

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dubao/issue"
	"dubao/issue/internal/issuegen"
	"dubao/issue/search"
	"dubao/issue/source"
)

// TestSearchPrefilter: a search makes the prefilter of each issue it
// reads and keeps it in the cache; the next search skips, without
// reading them, the issues that lack a character the query needs — in
// every script: 苹果 still finds 蘋果 (and 頭髮 finds 头发) through the
// prefilter, and an issue of Big5 text is filtered as its decoded text.
// TestSearchPrefilter, on a shelf scanned with and without the content
// keys (the prefilters are known by the files' identity).
func TestSearchPrefilter(t *testing.T) {
	for _, noKey := range []bool{false, true} {
		t.Run(map[bool]string{false: "keyed", true: "nokey"}[noKey], func(t *testing.T) { testSearchPrefilter(t, noKey) })
	}
}

func testSearchPrefilter(t *testing.T, noKey bool) {
	big5, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hk-sample-big5.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := writeShelf(t, []fixture{
		{path: "2024-02-06.md", content: "## 果园\n\n今年蘋果丰收，头发花白的老农笑了。\n"},
		{path: "2024-02-07.md", content: "## 云岭\n\n云岭的步道今天开放。\n"},
		{path: "2024-02-08.md", content: "## 苹乡\n\n苹乡的河边，没有另一个字。\n"},
		{path: "2024-02-09.txt", content: string(big5)},
	})
	opt := Options{CacheDir: t.TempDir(), NoKey: noKey}
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	hits := func(q string) (files []string, errs []string) {
		t.Helper()
		for _, b := range collect(t, s, q, SearchOptions{}) {
			if b.Err != nil {
				errs = append(errs, b.Entry.Files[0].Path)
			}
			if len(b.Hits) > 0 {
				files = append(files, b.Entry.Files[0].Path)
			}
		}
		slices.Sort(files)
		slices.Sort(errs)
		return files, errs
	}
	// The first search reads every issue and makes the prefilters.
	if got, errs := hits("苹果"); !slices.Equal(got, []string{"2024-02-06.md", "2024-02-09.txt"}) || len(errs) > 0 {
		t.Fatalf("苹果, first search: hits in %v, errors in %v", got, errs)
	}
	name, err := prefilterPath(opt.CacheDir, dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(name); err != nil {
		t.Fatalf("no prefilter file: %v", err)
	}
	// The issues without 果 (or 菓) and without 云 are gone: a search that
	// read them would say so.
	for _, f := range []string{"2024-02-07.md", "2024-02-08.md"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	if got, errs := hits("苹果"); !slices.Equal(got, []string{"2024-02-06.md", "2024-02-09.txt"}) || len(errs) > 0 {
		t.Errorf("苹果 through the prefilter: hits in %v, errors in %v (an issue lacking 果 was read)", got, errs)
	}
	if got, errs := hits("頭髮"); !slices.Equal(got, []string{"2024-02-06.md", "2024-02-09.txt"}) || len(errs) > 0 {
		t.Errorf("頭髮 through the prefilter: hits in %v, errors in %v", got, errs)
	}
	// 云 is in the issue whose file is gone: the prefilter lets it be read.
	if got, errs := hits("云岭"); len(got) > 0 || !slices.Equal(errs, []string{"2024-02-07.md"}) {
		t.Errorf("云岭: hits in %v, errors in %v; want the read of the missing file to fail", got, errs)
	}
	// A new shelf (another run) loads the prefilters from the cache.
	s, err = Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	if pf := loadPrefilters(s); len(pf.known) < 2 {
		t.Errorf("%d prefilters loaded", len(pf.known))
	}
	// A shelf scanned to be searched has them read while it is walked:
	// its first search takes those, a later one reads them again.
	opt.Search = true
	if s, err = Scan(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	if s.preloaded == nil || s.preloaded.Load() == nil {
		t.Fatal("Options.Search: no prefilters read while the shelf was walked")
	}
	if got, errs := hits("苹果"); !slices.Equal(got, []string{"2024-02-06.md", "2024-02-09.txt"}) || len(errs) > 0 {
		t.Errorf("苹果 on a shelf scanned to be searched: hits in %v, errors in %v", got, errs)
	}
	if s.preloaded.Load() != nil {
		t.Error("the first search did not take the prefilters read while walking")
	}
	if pf := loadPrefilters(s); len(pf.known) < 2 || pf.path != name {
		t.Errorf("second search: %d prefilters loaded, file %q", len(pf.known), pf.path)
	}
}

// TestHanSet: a set holds exactly the Han characters of its text, and a
// group of forms that reaches outside its range always passes (a text's
// compatibility ideograph is not in the set).
func TestHanSet(t *testing.T) {
	var b hanBits
	b.add([]byte("中文abc，。㐀鿿\xe4\xb8"))
	b.add([]byte("龍\xff蘋"))
	h := b.set()
	for _, r := range "中文㐀鿿龍蘋" {
		if !h.has(r) {
			t.Errorf("%c not in the set", r)
		}
	}
	for _, r := range "苹果一" {
		if h.has(r) {
			t.Errorf("%c in the set", r)
		}
	}
	if len(h) != 2*6 {
		t.Errorf("set of %d bytes, want 12", len(h))
	}
	for _, tc := range []struct {
		q    string
		want bool
	}{{"中文", true}, {"苹", true}, {"苹果", false}, {"abc", true}, {"一", false}, {"龙", true}} {
		if got := h.mayMatch(search.New(tc.q).Needs()); got != tc.want {
			t.Errorf("mayMatch(%s) = %v", tc.q, got)
		}
	}
	if !h.mayMatch([][]rune{{'一', 0xF900}}) {
		t.Error("a group with a form outside the range is refused")
	}
	if !hanSet(nil).mayMatch([][]rune{{'一'}}) {
		t.Error("an unknown set refuses")
	}
}

// TestPrefilterFile: the file reads back what was saved, the set and the
// outline of an issue; a corrupt one — cut short, a count past its end, a
// set of odd length — reads as none.
func TestPrefilterFile(t *testing.T) {
	dir := writeShelf(t, []fixture{{path: "2024-02-06.md", content: "## 果园\n\n今年苹果丰收。\n"}})
	opt := Options{CacheDir: t.TempDir()}
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	collect(t, s, "苹果", SearchOptions{})
	pf := loadPrefilters(s)
	if h := pf.han(s.Issues[0].key()); !h.has('苹') || h.has('一') {
		t.Fatalf("loaded set %v", h)
	}
	if o := decodeOutline(pf.outlineOf(s.Issues[0].key())); o == nil || len(o.Spans) != 1 || o.Spans[0].N != 1 || o.Mode == 0 || !o.Verbatim {
		t.Fatalf("loaded outline %+v", o)
	}
	data, err := os.ReadFile(pf.path)
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"cut":     data[:len(data)-1],
		"long":    append(append([]byte{}, data...), 0),
		"magic":   append([]byte("X"), data[1:]...),
		"count":   append(append([]byte{}, data[:len(prefilterMagic)+2+mapsTokenSize]...), 0xff, 0xff, 0xff, 0x7f),
		"parser":  otherParser(data),
		"odd set": oddSet(data),
		"set bit": setBitFlipped(data),
	} {
		if _, _, err := decodePrefilters(bad); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}

// oddSet is a prefilter file of one set whose length is odd.
func oddSet(data []byte) []byte {
	b := append([]byte{}, data[:len(prefilterMagic)+3+mapsTokenSize+32]...) // magic, version, parser, token, count 1, key
	return appendCRC(append(b, 3, 1, 2, 3, 0))
}

// setBitFlipped is the prefilter file data with a bit of its first set
// changed, as a disk may change it: a search would pass over the issue
// for a character the set no longer holds.
func setBitFlipped(data []byte) []byte {
	b := append([]byte{}, data...)
	at := len(prefilterMagic) + 3 + mapsTokenSize + 32 // magic, version, parser, token, count 1, key
	_, n := binary.Uvarint(b[at:])                     // the set's length
	b[at+n] ^= 4
	return b
}

// otherParser is the prefilter file data written by another version of
// the parser.
func otherParser(data []byte) []byte {
	b := append([]byte{}, data[:len(data)-4]...) // without the checksum
	b[len(prefilterMagic)+1] ^= 2                // the parser's version (a small varint)
	return appendCRC(b)
}

// TestHanSetCoversPieces: every Han character of every article's text,
// as the search reads it (Pieces), is in the set made from the decoded
// bytes of its file — for every text sample and hostile input: the
// prefilter never hides a match.
func TestHanSetCoversPieces(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "issues", "*"))
	paths = append(append(paths, filepath.Join("..", "..", "testdata", "sample.md"), filepath.Join("..", "..", "testdata", "hk-sample-big5.txt"), filepath.Join("..", "..", "testdata", "gb18030.txt")), more...)
	checked := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil || source.Sniff(data) != source.FormatText {
			continue
		}
		res, err := issue.DecodeBytes(data, "")
		if err != nil {
			continue
		}
		var b hanBits
		b.add(res.Text)
		h := b.set()
		is, err := source.Parse(p, data, source.Options{})
		if err != nil {
			continue
		}
		checked++
		for _, a := range is.Articles() {
			for _, pc := range a.Pieces() {
				for _, r := range pc.Text {
					if r >= hanLo && r <= hanHi && !h.has(r) {
						t.Errorf("%s: %c of article %d is not in the set of its text", p, r, a.N)
					}
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d samples checked", checked)
	}
}

// TestSearchOutlinedSame: a search that parses only the articles where a
// match may be (the outline known from an earlier search) finds exactly
// what parsing every issue whole finds — hits, lines, positions — on a
// generated shelf (page files among them, searched by their files map) and on a
// shelf of the samples, for common, rare and absent words, a match that
// markup splits, and one across a stitched seam.
func TestSearchOutlinedSame(t *testing.T) {
	gen, _ := generated(t, smallConfig())
	samples := t.TempDir()
	for _, name := range []string{"sample.md", "hk-sample.md", "gb18030.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(samples, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(samples, "2024-02-01.md"), []byte("# 第一版 要闻\n\n## 渡口恢复通航\n\n云**岭**渡口的船，说到一半(下转第二版)\n\n## 老街改造完工\n\n老街云岭。\n\n"+
		"# 第二版 综合\n\n## 渡口恢复通航\n\n(上接第一版)云岭的船说完了。\n\n## 夜市重开\n\n云`岭`夜市。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Articles whose pieces are slices of the text (searched without a
	// parse) beside ones with pieces that are not: lines joined, markup
	// in a match, a match across a line break, Traditional text, blocks.
	if err := os.WriteFile(filepath.Join(samples, "2024-02-02.md"), []byte("# 第一版 要闻\n\n## 渡口发展\n\n本报讯(记者 叶晓) 云岭渡口的船。发展！\n\n第二段，发展。“发展”\n\n## 老街改造\n\n老街云\n岭，分两行发\n展。\n\n## 夜市**重开**\n\n云**岭**夜市，`发展`。\n\n"+
		"# 第二版 综合\n\n## 蘋果豐收\n\n台灣的蘋果發展得好。云 岭。\n\n> 引文發展。\n\n- 一项发展\n- 二项\n\n## 题\n\n![图 发展](a.png)\n\n——某人发展\n\n## 苹果\n\n苹果发展，发展发展发展。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, size := range []int{30 << 10, 200 << 10} {
		if err := os.WriteFile(filepath.Join(samples, fmt.Sprintf("2024-03-0%d.md", i+1)), issuegen.Issue(size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	queries := []string{"发展", "蓝鲸", "云岭", "通航", "报", "苹果", "没有这个词", "發展", "发", "渡口", "GDP", "“", "。", "5G", "本报讯"}
	for _, dir := range []string{gen, samples} {
		whole, err := Scan(context.Background(), dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		cached, err := Scan(context.Background(), dir, Options{CacheDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range queries {
			collect(t, cached, q, SearchOptions{}) // makes the outlines
		}
		pf := loadPrefilters(cached)
		outlined, mapped, filesMaps := 0, 0, 0
		for _, e := range cached.Issues {
			if b := pf.outlineOf(e.key()); b != nil {
				outlined++
				o := decodeOutline(b)
				if o == nil {
					if decodeFilesMap(b) == nil {
						t.Fatalf("%s: an outline that does not read back", dir)
					}
					filesMaps++
					continue
				}
				for _, m := range o.Maps {
					if m.Complete() {
						mapped++
					}
				}
			}
		}
		if outlined == 0 || mapped == 0 || dir == gen && filesMaps == 0 {
			t.Fatalf("%s: %d outlines made, %d articles mapped whole, %d files maps", dir, outlined, mapped, filesMaps)
		}
		for _, q := range queries {
			want, got := hitsOf(t, whole, q), hitsOf(t, cached, q)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s: article by article:\n%v\nwhole:\n%v", dir, q, got, want)
			}
		}
	}
}

// hitsOf returns the hits of a search as lines to compare.
func hitsOf(t *testing.T, s *Shelf, q string) []string {
	t.Helper()
	var out []string
	for _, b := range collect(t, s, q, SearchOptions{}) {
		if b.Err != nil {
			t.Fatal(b.Err)
		}
		for _, h := range b.Hits {
			out = append(out, fmt.Sprintf("%s %d %d %s %s %v %+v", h.Entry.Files[0].Path, h.Page, h.N, h.Title, h.Line, h.Match, h.Pos))
		}
	}
	return out
}

// TestPrefilterFileLarge: an outline that stands past what an index may
// hold (maxIndexSize) in the outlines file is read: the outlines are some
// 5 KB an issue, so a shelf of 13,000 issues reached that cap when they
// were in the prefilter file, and each search then found nothing known,
// read every issue and wrote the file again.
func TestPrefilterFileLarge(t *testing.T) {
	opt := Options{CacheDir: t.TempDir()}
	dir := t.TempDir()
	name, err := prefilterPath(opt.CacheDir, dir, opt.variant())
	if err != nil {
		t.Fatal(err)
	}
	token := bytes.Repeat([]byte{7}, mapsTokenSize)
	record := appendCRC([]byte("an outline"))
	off := int64(maxIndexSize + 1<<20)
	var e encoder
	e.b = append(e.b, prefilterMagic...)
	e.uint(prefilterVersion)
	e.int(int64(issue.ParserVersion))
	e.b = append(e.b, token...)
	e.uint(1)
	key := keySum{1}
	e.b = append(e.b, key[:]...)
	e.uint(0) // no set
	e.uint(uint64(len(record)))
	e.uint(uint64(off))
	e.b = append(e.b, record[len(record)-4:]...)
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, appendCRC(e.b), 0o600); err != nil {
		t.Fatal(err)
	}
	// A sparse file: the record at its end, nothing written before.
	f, err := os.Create(mapsPath(name))
	if err != nil {
		t.Fatal(err)
	}
	_, err1 := f.Write(append([]byte(mapsMagic), token...))
	_, err2 := f.WriteAt(record, off)
	if err := errors.Join(err1, err2, f.Close()); err != nil {
		t.Fatal(err)
	}
	p := readPrefilters(opt, dir)
	defer p.close()
	if got := p.outlineOf(key); !bytes.Equal(got, record) {
		t.Fatalf("the outline at %d of the outlines file read as %q (%d issues known)", off, got, len(p.known))
	}
}
