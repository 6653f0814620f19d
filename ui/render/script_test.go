package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/ui/styles"
)

// hkArticles returns the articles of the repo's fictional Hong Kong issue.
func hkArticles(t testing.TB) []*issue.Article {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot(t), "testdata", "hk-sample.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	is, err := issue.Parse(f, issue.Options{Name: "hk-sample.md"})
	if err != nil {
		t.Fatal(err)
	}
	return is.Articles()
}

// TestLayoutScript lays articles out converted: the lines are those of
// the converted article, and positions stay in the source's coordinates,
// every line's position leading back to that line (or to where a phrase
// broken over lines starts).
func TestLayoutScript(t *testing.T) {
	rnd := New(styles.New(true))
	lengthy := &issue.Article{N: 1, Title: "内存与互联网", Paragraphs: []string{
		strings.Repeat("用互联网看内存，再用U盘拷走。", 12), "头发要干燥，皇后也一样。"}}
	for _, tt := range []struct {
		c    script.Conversion
		arts []*issue.Article
	}{
		{script.T2S, hkArticles(t)}, {script.S2TWP, append(articles(t), lengthy)}, {script.TW2SP, hkArticles(t)},
	} {
		cv, err := script.Load(tt.c)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range tt.arts {
			for _, w := range []int{0, 16, 41} {
				opt := Options{Width: w}
				conv := Options{Width: w, Script: cv}
				lay := rnd.Layout(a, conv)
				want := rnd.Layout(script.Article(a, cv), opt)
				if lay.Article() != a {
					t.Fatalf("%s #%d: Article() is not the source", tt.c, a.N)
				}
				got, exp := lay.All(), want.All()
				if len(got) != len(exp) {
					t.Fatalf("%s #%d width %d: %d lines, the converted article has %d", tt.c, a.N, w, len(got), len(exp))
				}
				for i := range got {
					if got[i].Text != exp[i].Text {
						t.Fatalf("%s #%d width %d line %d: %q, want %q", tt.c, a.N, w, i, got[i].Text, exp[i].Text)
					}
				}
				pieces := a.Pieces()
				for loc := (Loc{}); ; {
					pos := lay.PosOf(loc)
					if pos.Piece < 0 || pos.Piece > len(pieces) || pos.Piece < len(pieces) && pos.Offset > len(pieces[pos.Piece].Text) {
						t.Fatalf("%s #%d: PosOf(%v) = %+v is not in the source", tt.c, a.N, loc, pos)
					}
					// Back to the line, or, for a line that starts inside a
					// phrase whose length changed (优化 → 最佳|化), to the
					// line where the phrase starts.
					if back := lay.LocOf(pos); back != loc && lay.PosOf(back) != pos &&
						!(back.Before(loc) && lay.Distance(back, loc) <= 2) {
						t.Fatalf("%s #%d width %d: PosOf(%v) = %+v, LocOf of it %v", tt.c, a.N, w, loc, pos, back)
					}
					next := lay.Step(loc, 1)
					if next == loc {
						break
					}
					loc = next
				}
			}
		}
	}
}

// TestLayoutScriptMarks maps search matches found in the source onto the
// converted text: the mark covers what the matched words became.
func TestLayoutScriptMarks(t *testing.T) {
	a := &issue.Article{N: 1, Title: "蘋果", Paragraphs: []string{"記憶體裡有蘋果。送上蘋果、麪包。"}}
	cv, err := script.Load(script.TW2SP)
	if err != nil {
		t.Fatal(err)
	}
	lay := New(styles.New(true)).Layout(a, Options{Width: 20, Script: cv})
	para := a.Pieces()[1].Text
	var marks []Mark
	for _, w := range []string{"記憶體", "蘋果"} {
		i := strings.Index(para, w)
		marks = append(marks, Mark{Piece: 1, Start: i, End: i + len(w)})
	}
	shown := lay.Pieces()[1].Text
	got := lay.Marks(marks)
	for i, want := range []string{"内存", "苹果"} {
		if m := got[i]; shown[m.Start:m.End] != want {
			t.Errorf("mark %d covers %q of %q, want %q", i, shown[m.Start:m.End], shown, want)
		}
	}
	if marks[0].Start != 0 {
		t.Error("Marks changed its argument")
	}
	// Each frame asks again: the marks are not mapped again …
	if n := testing.AllocsPerRun(10, func() { lay.Marks(marks) }); n != 0 {
		t.Errorf("Marks of the same marks again: %v allocations, want them kept", n)
	}
	// … until they change, in the same slice (the reader reuses its own).
	marks[1].Start, marks[1].End = marks[0].Start, marks[0].End
	if m := lay.Marks(marks)[1]; shown[m.Start:m.End] != "内存" {
		t.Errorf("the changed mark covers %q, want 内存", shown[m.Start:m.End])
	}
	if m := got[1]; shown[m.Start:m.End] != "苹果" {
		t.Errorf("an earlier result changed: its mark covers %q, want 苹果", shown[m.Start:m.End])
	}
	if plain := New(styles.New(true)).Layout(a, Options{Width: 20}); len(plain.Marks(marks)) != 2 || plain.Marks(marks)[1] != marks[1] {
		t.Error("Marks without a conversion changed the marks")
	}
}

// TestLayoutScriptConvertsOnce: the layouts of one article at other
// widths and options (a resize, the colours arriving) share one
// conversion of it — the whole article is not converted again — while
// another converter, or another article, gets its own.
func TestLayoutScriptConvertsOnce(t *testing.T) {
	rnd := New(styles.New(true))
	a := hkArticles(t)[0]
	t2s, err := script.Load(script.T2S)
	if err != nil {
		t.Fatal(err)
	}
	s2tw, err := script.Load(script.S2TW)
	if err != nil {
		t.Fatal(err)
	}
	l60 := rnd.Layout(a, Options{Width: 60, Script: t2s})
	l80 := rnd.Layout(a, Options{Width: 80, Script: t2s})
	plain := rnd.Layout(a, Options{Width: 80, Script: t2s, Plain: true})
	if l60.article != l80.article || l80.article != plain.article || &l60.maps[0] != &l80.maps[0] {
		t.Error("a layout at another width converted the article again")
	}
	if got := l80.Pieces()[0].Text; got == a.Pieces()[0].Text || !strings.Contains(l60.Pieces()[0].Text, got[:6]) {
		t.Errorf("the title shown %q, at 60 columns %q", got, l60.Pieces()[0].Text)
	}
	if other := rnd.Layout(a, Options{Width: 60, Script: s2tw}); other.article == l60.article {
		t.Error("another converter shares the conversion")
	}
	// Many articles: the oldest conversions go, the layouts stay right.
	for _, b := range hkArticles(t) {
		for _, w := range []int{30, 50} {
			if l := rnd.Layout(b, Options{Width: w, Script: t2s}); l.Article() != b || strings.Contains(l.Pieces()[0].Text, "經") {
				t.Errorf("layout of %q at %d: source %p, title %q", b.Title, w, l.Article(), l.Pieces()[0].Text)
			}
		}
	}
}
