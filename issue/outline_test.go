package issue

import (
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
