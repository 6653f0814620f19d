package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/rivo/uniseg"

	"dubao/issue"
	"dubao/issue/textsafe"
	"dubao/ui/styles"
)

func TestPlain(t *testing.T) {
	for _, w := range []int{0, 30} {
		t.Run(fmt.Sprintf("width%d", w), func(t *testing.T) {
			golden.RequireEqual(t, Plain(fixture(), Options{Width: w}))
		})
	}
}

func TestStyled(t *testing.T) {
	for _, tc := range []struct {
		name string
		st   styles.Styles
		w    int
	}{
		{"plain40", styles.Plain(), 40},
		{"plain16", styles.Plain(), 16},
		{"dark40", styles.New(true), 40},
		{"nocolor40", styles.NoColor(), 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden.RequireEqual(t, New(tc.st).Styled(fixture(), Options{Width: tc.w}))
		})
	}
}

// TestPlainShape checks the contract of Plain that the CLI relies on.
func TestPlainShape(t *testing.T) {
	a := fixture()
	for _, w := range []int{0, 1, 2, 7, 30, 80} {
		out := Plain(a, Options{Width: w})
		if !strings.HasSuffix(out, "\n") {
			t.Errorf("width %d: no final newline", w)
		}
		for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if strings.ContainsRune(line, '\x1b') {
				t.Errorf("width %d line %d: escape sequence: %q", w, i, line)
			}
			if strings.TrimRight(line, " \u3000") != line {
				t.Errorf("width %d line %d: trailing space: %q", w, i, line)
			}
			if w > 0 && ansi.StringWidth(line) > w && uniseg.GraphemeClusterCount(line) > 1 {
				t.Errorf("width %d line %d: %d columns: %q", w, i, ansi.StringWidth(line), line)
			}
		}
	}
	got := strings.SplitN(Plain(a, Options{}), "\n", 6)
	want := []string{a.Kicker, a.Title, a.Subtitle, a.Byline, ""}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("line %d = %q, want %q", i, got[i], w)
		}
	}
	// width 0: one paragraph per line
	for _, p := range a.Paragraphs {
		if !strings.Contains(Plain(a, Options{}), "\n"+p+"\n") {
			t.Errorf("paragraph not on a line of its own: %q", p)
		}
	}
}

// articles returns the fixture, the articles of the repo's sample issue,
// and the seed's when ../shared is present.
func articles(t testing.TB) []*issue.Article {
	out := []*issue.Article{fixture(), hostile()}
	root := repoRoot(t)
	for _, p := range []string{
		filepath.Join(root, "testdata", "sample.md"),
		filepath.Join(root, "..", "shared", "seed", "000_f6fea3e315053468.txt"),
	} {
		f, err := os.Open(p)
		if err != nil {
			t.Logf("%s not found: not using it (%v)", p, err)
			continue
		}
		is, err := issue.Parse(f, issue.Options{Name: filepath.Base(p)})
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, is.Articles()...)
	}
	return out
}

// repoRoot returns the directory holding go.mod.
func repoRoot(t testing.TB) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

// hostile returns an article whose text holds terminal controls.
func hostile() *issue.Article {
	return &issue.Article{
		N:          9,
		Title:      "标题\x1b]0;pwned\x07带控制符\u202e反转",
		Byline:     "本报讯\x9b31m(记者\x00 某)",
		Paragraphs: []string{"正文\x1b[2J清屏\x1b]52;c;aGk=\x07剪贴板\u2066隔离\u2069,结束。", "a\u0301e\u200b零宽\x7f删除\x08退格"},
		Blocks:     []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: [][]string{{"列\x1b[31m一", "列二"}, {"**粗**", "<b>x</b>|y"}}}},
	}
}

// TestLayoutInvariants lays out every test article at many widths, in
// both layouts, and checks: no line wider than the width, spans tile each
// line and point at the right text of their piece, no text lost, and
// positions convert to lines and back.
func TestLayoutInvariants(t *testing.T) {
	r := New(styles.New(true))
	for _, a := range articles(t) {
		for _, plain := range []bool{false, true} {
			for w := 1; w <= 90; w += 1 + w/8 {
				opt := Options{Width: w, Plain: plain}
				l := r.Layout(a, opt)
				if plain {
					l = newLayout(a, opt, nil)
				}
				checkLayout(t, r, l, fmt.Sprintf("article %d plain=%v width %d", a.N, plain, w))
			}
		}
	}
}

func checkLayout(t *testing.T, r *Renderer, l *Layout, name string) {
	t.Helper()
	w := l.Options().Width
	pieces := l.Pieces()
	seen := make([]strings.Builder, len(pieces))
	for i, ln := range l.All() {
		// A line may only be wider than the width when it holds a single
		// character that is wider (a Han character at width 1).
		single := uniseg.GraphemeClusterCount(ln.Text) == 1
		if got := ln.Indent + ln.Width; got > w && !single {
			t.Errorf("%s: line %d is %d columns: %q", name, i, got, ln.Text)
		}
		// measured by the widest of uniseg, x/ansi and wcwidth (they
		// disagree on a few characters such as 〽, see width.go)
		if got := strictWidth(ansi.Strip(r.Line(ln, nil)), l.Options().AmbiguousWide); got > w && !single {
			t.Errorf("%s: styled line %d is %d columns: %q", name, i, got, r.Line(ln, nil))
		}
		pos := 0
		for _, s := range ln.Spans {
			if s.Start != pos || s.End < s.Start || s.End > len(ln.Text) {
				t.Fatalf("%s: line %d: spans do not tile %q: %+v", name, i, ln.Text, ln.Spans)
			}
			pos = s.End
			if s.Piece < 0 {
				continue
			}
			p := pieces[s.Piece].Text
			if s.Offset < 0 || s.Offset+s.End-s.Start > len(p) || p[s.Offset:s.Offset+s.End-s.Start] != ln.Text[s.Start:s.End] {
				t.Fatalf("%s: line %d: span %+v does not match piece %d %q", name, i, s, s.Piece, p)
			}
			seen[s.Piece].WriteString(ln.Text[s.Start:s.End])
		}
		if len(ln.Spans) > 0 && pos != len(ln.Text) {
			t.Fatalf("%s: line %d: spans end at %d of %d", name, i, pos, len(ln.Text))
		}
	}
	for i, p := range pieces {
		if got, want := noSpace(seen[i].String()), noSpace(p.Text); got != want {
			t.Errorf("%s: piece %d text lost:\n got %q\nwant %q", name, i, got, want)
		}
	}
	// Loc ↔ Pos round trip on lines that start with article text (the
	// first 500 lines: LocOf scans a unit's lines).
	for loc, n := (Loc{}), 0; n < 500; n++ {
		lines := l.Lines(loc, 1)
		if len(lines) == 1 && len(lines[0].Spans) > 0 && lines[0].Spans[0].Piece >= 0 {
			if back := l.LocOf(l.PosOf(loc)); back != loc {
				t.Errorf("%s: LocOf(PosOf(%v)) = %v", name, loc, back)
			}
		}
		next := l.Step(loc, 1)
		if next == loc {
			break
		}
		if d := l.Distance(loc, next); d != 1 {
			t.Fatalf("%s: Distance(%v, %v) = %d", name, loc, next, d)
		}
		loc = next
	}
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || textsafe.Unsafe(r) {
			return -1
		}
		return r
	}, s)
}

func TestStep(t *testing.T) {
	r := New(styles.Plain())
	l := r.Layout(fixture(), Options{Width: 20})
	n := len(l.All())
	last := l.Last()
	if d := l.Distance(Loc{}, last); d != n-1 {
		t.Fatalf("Distance(first, last) = %d, want %d", d, n-1)
	}
	for _, tc := range []struct {
		from Loc
		n    int
		want int // lines from the first
	}{
		{Loc{}, 0, 0}, {Loc{}, 5, 5}, {Loc{}, -3, 0}, {Loc{}, n + 10, n - 1},
		{last, -2, n - 3}, {last, 3, n - 1}, {Loc{Unit: -4}, 1, 1}, {Loc{Unit: 999, Line: 9}, 0, n - 1},
	} {
		got := l.Step(tc.from, tc.n)
		if d := l.Distance(Loc{}, got); d != tc.want {
			t.Errorf("Step(%v, %d) is line %d, want %d", tc.from, tc.n, d, tc.want)
		}
	}
	if mt := l.MaxTop(10); l.Distance(mt, last) != 9 {
		t.Errorf("MaxTop(10) is %d lines from the end", l.Distance(mt, last))
	}
	if mt := l.MaxTop(n + 5); mt != (Loc{}) {
		t.Errorf("MaxTop(taller than the article) = %v", mt)
	}
	if f := l.Fraction(Loc{}); f != 0 {
		t.Errorf("Fraction(first) = %v", f)
	}
	if f := l.Fraction(last); f <= 0.9 || f > 1 {
		t.Errorf("Fraction(last) = %v", f)
	}
}

func TestEmptyArticle(t *testing.T) {
	r := New(styles.New(false))
	l := r.Layout(&issue.Article{}, Options{Width: 10})
	if !l.Empty() || len(l.Lines(Loc{}, 5)) != 0 || l.Step(Loc{}, 3) != (Loc{}) || l.PosOf(Loc{}) != (issue.Pos{}) {
		t.Error("empty article does not give an empty layout")
	}
	if got := Plain(&issue.Article{}, Options{}); got != "" {
		t.Errorf("Plain(empty) = %q", got)
	}
}

// TestLazy checks that showing the top of a long article lays out only
// the units it needs.
func TestLazy(t *testing.T) {
	a := long(2000)
	l := New(styles.New(true)).Layout(a, Options{Width: 40})
	l.Lines(Loc{}, 30)
	done := 0
	for _, ls := range l.lines {
		if ls != nil {
			done++
		}
	}
	if done > 30 {
		t.Errorf("%d of %d units laid out for one screen", done, len(l.units))
	}
}

func TestLocOfMatch(t *testing.T) {
	a := fixture()
	for _, w := range []int{12, 40} { // the table as a grid, by glamour
		testLocOfMatch(t, New(styles.Plain()).Layout(a, Options{Width: w}))
	}
}

func testLocOfMatch(t *testing.T, l *Layout) {
	pieces := l.Pieces()
	for pi, p := range pieces {
		for off := 0; off < len(p.Text); off += 7 {
			loc := l.LocOf(issue.Pos{Piece: pi, Offset: off})
			ln := l.Lines(loc, 1)[0]
			ok := false
			for _, s := range ln.Spans {
				if s.Piece == pi && s.Offset <= off && off < s.Offset+s.End-s.Start+3 {
					ok = true
				}
			}
			if !ok {
				t.Errorf("width %d: LocOf(%d,%d) = %v, line %q does not hold it", l.Options().Width, pi, off, loc, ln.Text)
			}
		}
	}
}

func TestMarks(t *testing.T) {
	st := styles.New(true)
	r := New(st)
	a := &issue.Article{Title: "标题", Paragraphs: []string{"青溪河畔青溪人"}}
	l := r.Layout(a, Options{Width: 12}) // both matches whole on a line
	// pieces: 0 title, 1 paragraph; "青溪" at bytes 0 and 12
	marks := []Mark{{Piece: 1, Start: 12, End: 18, Current: true}, {Piece: 1, Start: 0, End: 6}}
	SortMarks(marks)
	var b, plain strings.Builder
	for _, ln := range l.All() {
		b.WriteString(r.Line(ln, marks))
		b.WriteByte('\n')
		plain.WriteString(r.Line(ln, nil))
		plain.WriteByte('\n')
	}
	out := b.String()
	if got, want := ansi.Strip(out), ansi.Strip(plain.String()); got != want {
		t.Errorf("text changed by marks: %q, want %q", got, want)
	}
	m, cur := r.sgr[sgrMatch], r.sgr[sgrMatchCur]
	if !strings.Contains(out, m.open+"青溪"+m.close) || !strings.Contains(out, cur.open+"青溪"+cur.close) {
		t.Errorf("matches not highlighted: %q", out)
	}
}

// TestHostileStyled checks that nothing from the source controls the
// terminal: the styled output's escape sequences are only SGR ones.
func TestHostileStyled(t *testing.T) {
	for _, st := range []styles.Styles{styles.New(true), styles.NoColor(), styles.Plain()} {
		out := New(st).Styled(hostile(), Options{Width: 30}) + Plain(hostile(), Options{Width: 30})
		for _, bad := range []string{"\x07", "\x00", "\x08", "\x7f", "\u009b", "\u202e", "\u2066", "\x1b]", "\x1b[2J"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: output holds %q", st.Name, bad)
			}
		}
		if !strings.Contains(ansi.Strip(out), "**粗**") {
			t.Errorf("%s: table cell text changed: %q", st.Name, ansi.Strip(out))
		}
	}
}

// long returns an article of n paragraphs of about 100 characters each.
func long(n int) *issue.Article {
	a := &issue.Article{N: 1, Title: "长文", Byline: "本报讯"}
	p := strings.Repeat("青溪河生态廊道全线贯通,沿岸12个村居共享绿色红利。", 4)
	for range n {
		a.Paragraphs = append(a.Paragraphs, p)
	}
	return a
}

func FuzzLayout(f *testing.F) {
	f.Add("标题", "本报讯", "第一段,正文。\n第二段(下转第二版)", 20)
	f.Add("", "", "a\u0301\u200b“”……——", 1)
	f.Add("\x1b[31m", "x", "|a|b|\n|-|-|", 3)
	f.Add("卦象☰乾", "点赞👍🏻", "一家👨\u200d👩\u200d👧出游,符号〽️与⌚\ufe0e。\n\n中\u09be文", 6)
	// the articles of the repository's samples and of testdata/hostile,
	// as parsed, and the raw bytes of the hostile files as a body
	for i, a := range seedArticles(f) {
		f.Add(a.Title, a.Byline, strings.Join(a.Paragraphs, "\n\n"), 1+i*7%90)
	}
	for i, raw := range hostileRaw(f) {
		f.Add(raw[:min(len(raw), 40)], "本报讯\x1b[1m", raw, 2+i*5%60)
	}
	f.Fuzz(func(t *testing.T, title, byline, body string, w int) {
		w = w%120 + 1
		if w < 1 {
			w = -w + 1
		}
		// the parser hands over valid UTF-8 (invalid bytes become U+FFFD)
		title, byline, body = strings.ToValidUTF8(title, "\ufffd"), strings.ToValidUTF8(byline, "\ufffd"), strings.ToValidUTF8(body, "\ufffd")
		a := &issue.Article{Title: title, Byline: byline, Paragraphs: strings.Split(body, "\n\n")}
		if len(body) > 3 {
			a.Blocks = []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: [][]string{{body[:3], title}}}}
			a.Jumps = []issue.Jump{{Page: 2, Para: 0, Offset: 1, Text: body[1:3]}}
		}
		// a table that glamour draws when it fits and is clean
		a.Blocks = append(a.Blocks, issue.Block{After: 1, Kind: issue.BlockTable, Rows: [][]string{{title, byline}, {byline, title}, {"", body}}})
		r := New(styles.New(true))
		checkLayout(t, r, r.Layout(a, Options{Width: w}), "fuzz")
		checkLayout(t, r, newLayout(a, Options{Width: w, Plain: true}, nil), "fuzz plain")
		out := Plain(a, Options{Width: w})
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("escape in plain output %q", out)
		}
		checkSafe(t, out, false, "plain")
		if safe := textsafe.Text(out); safe != out {
			t.Errorf("textsafe.Text changes the plain output %q to %q", out, safe)
		}
		for _, ln := range r.Layout(a, Options{Width: w}).All() {
			checkSafe(t, r.Line(ln, nil), true, "styled line")
		}
	})
}
