package render

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	gstyles "charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/issue"
	"dubao/ui/styles"
)

// tableArticle returns an article that is one table.
func tableArticle(rows ...[]string) *issue.Article {
	return &issue.Article{Title: "表", Paragraphs: []string{"前文。"}, Blocks: []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: rows}}}
}

// tableLines returns the lines of the first table of l and whether glamour
// drew them.
func tableLines(t *testing.T, l *Layout) ([]Line, bool) {
	t.Helper()
	for u := range l.units {
		if l.units[u].kind == unitTable {
			ls := l.unitLines(u)
			if len(ls) > 0 && ls[len(ls)-1].Text == "" {
				ls = ls[:len(ls)-1] // the gap after the unit
			}
			return ls, ls[0].styled != ""
		}
	}
	t.Fatal("no table")
	return nil, false
}

func TestTableChoice(t *testing.T) {
	fix := fixture().Blocks[3].Rows // 年份 | 亩产(公斤): 19 columns at natural size
	wide := [][]string{
		{"项目名称", "所在区域", "总投资(亿元)", "计划竣工", "备注"},
		{"青溪5G智能制造产业园", "高新区", "42.0", "2026年", "一期"},
		{"三江口综合客运枢纽", "三江区", "35.5", "2027年", ""},
	}
	literal := [][]string{{"符号", "含义"}, {"A|B", "**粗** <b>x</b> & [链接](u) `码` \\n"}, {"# 井号", "1. 不是列表"}}
	for _, tc := range []struct {
		name  string
		rows  [][]string
		width int
		amb   bool
		glam  bool
	}{
		{"narrow table, room", fix, 40, false, true},
		{"narrow table, exactly its natural width", fix, 19, false, true},
		{"narrow table, one column short: glamour would cut 亩产(公斤)", fix, 18, false, false},
		{"narrow table, tiny", fix, 8, false, false},
		{"wide table, room", wide, 80, false, true},
		{"wide table, too narrow", wide, 50, false, false},
		{"markdown characters read literally", literal, 60, false, true},
		{"width disagreement ☰", [][]string{{"卦", "名"}, {"☰", "乾"}}, 40, false, false},
		{"emoji with skin tone", [][]string{{"表情", "名"}, {"👍🏻", "赞"}}, 40, false, false},
		{"ambiguous wide, ASCII rules", fix, 40, true, true},
		{"ambiguous wide, ambiguous cell", [][]string{{"引号", "例"}, {"“是”", "…"}}, 40, true, false},
		{"ambiguous narrow, ambiguous cell", [][]string{{"引号", "例"}, {"“是”", "…"}}, 40, false, true},
		{"header only", [][]string{{"年份", "亩产"}}, 40, false, false},
		{"control characters", [][]string{{"列\x1b[31m一", "列二"}, {"a", "b"}}, 40, false, false},
		{"empty cells", [][]string{{"", "乙"}, {"甲", ""}, {"", ""}}, 40, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := tableArticle(tc.rows...)
			r := New(styles.New(true))
			l := r.Layout(a, Options{Width: tc.width, AmbiguousWide: tc.amb})
			checkLayout(t, r, l, tc.name)
			lines, glam := tableLines(t, l)
			if glam != tc.glam {
				t.Fatalf("glamour = %v, want %v:\n%s", glam, tc.glam, dump(r, lines))
			}
			out := ansi.Strip(dump(r, lines))
			for _, row := range tc.rows {
				for _, cell := range row {
					if glam && !strings.Contains(out, cell) {
						t.Errorf("cell %q not whole in\n%s", cell, out)
					}
				}
			}
			if strings.Contains(out, "…") && !strings.Contains(fmt.Sprint(tc.rows), "…") {
				t.Errorf("text cut:\n%s", out)
			}
			if glam && tc.amb && strings.ContainsAny(out, "│─┼") {
				t.Errorf("box-drawing rules with ambiguous characters wide:\n%s", out)
			}
		})
	}
}

func dump(r *Renderer, lines []Line) string {
	var b strings.Builder
	for _, ln := range lines {
		b.WriteString(r.Line(ln, nil))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestGlamourCuts shows why the grid is kept: glamour, given the table at
// a width narrower than its natural size, cuts the header cell.
func TestGlamourCuts(t *testing.T) {
	rows := fixture().Blocks[3].Rows
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(tableStyle(styles.New(true), false)), glamour.WithWordWrap(16))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tr.Render(tableMarkdown(rows, 2))
	if err != nil {
		t.Fatal(err)
	}
	if out = ansi.Strip(out); strings.Contains(out, "亩产(公斤)") || !strings.Contains(out, "…") {
		t.Skipf("glamour no longer cuts the header at 16 columns:\n%s", out)
	}
	r := New(styles.New(true))
	mine := ansi.Strip(r.Styled(tableArticle(rows...), Options{Width: 16}))
	// the grid may break the header cell, but keeps all of it
	if !strings.Contains(strings.NewReplacer(" ", "", "\n", "", "│", "").Replace(mine), "年份亩产(公斤)") || strings.Contains(mine, "…") {
		t.Errorf("the grid lost text:\n%s", mine)
	}
}

// TestGlamourTableMarks checks search in a table glamour drew: a match is
// found on its line and highlighted there, the text and the width of the
// line do not change, and the header's style is restored after a match.
func TestGlamourTableMarks(t *testing.T) {
	a := fixture()
	r := New(styles.New(true))
	l := r.Layout(a, Options{Width: 40})
	lines, glam := tableLines(t, l)
	if !glam {
		t.Fatal("fixture table not drawn by glamour at 40 columns")
	}
	piece := func(text string) int {
		for i, p := range l.Pieces() {
			if p.Kind == issue.PieceCell && p.Text == text {
				return i
			}
		}
		t.Fatalf("no cell %q", text)
		return -1
	}
	p480, head := piece("480"), piece("亩产(公斤)")
	// LocOf finds the row of a cell
	loc := l.LocOf(issue.Pos{Piece: p480, Offset: 1})
	if got := l.Lines(loc, 1)[0]; !strings.Contains(got.Text, "480") {
		t.Errorf("LocOf(480) is the line %q", got.Text)
	}
	kai := strings.Index("亩产(公斤)", "公斤")
	marks := []Mark{{Piece: p480, Start: 0, End: 3, Current: true}, {Piece: head, Start: kai, End: kai + len("公斤")}}
	SortMarks(marks)
	cur, m := r.sgr[sgrMatchCur], r.sgr[sgrMatch]
	for _, ln := range lines {
		plain, marked := r.Line(ln, nil), r.Line(ln, marks)
		if ansi.Strip(plain) != ansi.Strip(marked) || ansi.StringWidth(plain) != ansi.StringWidth(marked) {
			t.Errorf("marks changed the line:\n%q\n%q", plain, marked)
		}
		switch {
		case strings.Contains(ln.Text, "480"):
			if !strings.Contains(marked, cur.open+"480"+cur.close) {
				t.Errorf("480 not highlighted: %q", marked)
			}
		case strings.Contains(ln.Text, "公斤"):
			bold := r.sgr[RoleTableHead].open
			if !strings.Contains(marked, m.open+"公斤"+m.close+bold+")") {
				t.Errorf("公斤 not highlighted, or the header style not restored: %q", marked)
			}
		}
	}
}

// TestMarkersLikeGlamour checks that lists and quotes, which our line
// breaker lays out, carry the markers glamour draws for them.
func TestMarkersLikeGlamour(t *testing.T) {
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(gstyles.DarkStyleConfig), glamour.WithWordWrap(60))
	if err != nil {
		t.Fatal(err)
	}
	a := &issue.Article{Title: "T", Blocks: []issue.Block{
		{Kind: issue.BlockList, Items: []string{"alpha"}},
		{Kind: issue.BlockList, Ordered: true, Items: []string{"beta", "gamma"}},
		{Kind: issue.BlockQuote, Text: "delta"},
	}}
	mine := ansi.Strip(New(styles.New(true)).Styled(a, Options{Width: 60}))
	for md, want := range map[string]string{"* alpha": "alpha", "1. beta\n2. gamma": "gamma", "> delta": "delta"} {
		out, err := tr.Render(md)
		if err != nil {
			t.Fatal(err)
		}
		var line string
		for _, s := range strings.Split(ansi.Strip(out), "\n") {
			if strings.Contains(s, want) {
				line = strings.TrimSpace(s)
			}
		}
		if line == "" || !strings.Contains(mine, "\n"+line+"\n") {
			t.Errorf("glamour draws %q as %q; we draw:\n%s", md, line, mine)
		}
	}
}

// TestCutMark checks that the mark of a paragraph cut off by the page
// layout follows its text on the same line, dimmed, and is never in Plain.
func TestCutMark(t *testing.T) {
	a := fixture()
	last := a.Paragraphs[3]
	r := New(styles.New(true))
	for _, w := range []int{12, 30, 40, 80, 0} {
		l := r.Layout(a, Options{Width: w})
		all := l.All()
		found := false
		for i, ln := range all {
			for _, s := range ln.Spans {
				if ln.Text[s.Start:s.End] != "" && strings.HasPrefix(cutMark, ln.Text[s.Start:s.End]) && s.Role == RoleMarker && s.Piece < 0 {
					found = true
					if s.Start == 0 {
						t.Errorf("width %d: the cut mark starts line %d: %q", w, i, ln.Text)
					}
					if !strings.Contains(r.Line(ln, nil), r.sgr[RoleMarker].open) {
						t.Errorf("width %d: the cut mark is not dim: %q", w, r.Line(ln, nil))
					}
				}
			}
		}
		if !found {
			t.Errorf("width %d: no cut mark", w)
		}
		if w == 0 && !strings.Contains(ansi.Strip(r.Styled(a, Options{})), last+cutMark) {
			t.Errorf("the cut mark does not follow the text")
		}
		if strings.Contains(Plain(a, Options{Width: w}), cutMark) {
			t.Errorf("width %d: cut mark in Plain", w)
		}
	}
}

func TestTableStyle(t *testing.T) {
	p := primitive(lipgloss.NewStyle().Bold(true).Italic(true).Foreground(lipgloss.Color("#1d5fb4")))
	if p.Bold == nil || !*p.Bold || p.Italic == nil || !*p.Italic || p.Underline != nil || p.Color == nil || *p.Color != "#1d5fb4" {
		t.Errorf("primitive = %+v", p)
	}
	if p := primitive(lipgloss.NewStyle()); p.Color != nil || p.Bold != nil {
		t.Errorf("primitive of the empty style = %+v", p)
	}
	for _, st := range []styles.Styles{styles.New(true), styles.New(false), styles.NoColor(), styles.Plain()} {
		cfg := tableStyle(st, false)
		if got, want := cfg.Strong.Bold != nil, st.Title.GetBold(); got != want {
			t.Errorf("%s: header bold %v, title bold %v", st.Name, got, want)
		}
		if cfg.Document.Margin != nil || cfg.Document.BlockPrefix != "" {
			t.Errorf("%s: the table style has a document margin", st.Name)
		}
	}
	// the notty style draws a table without escape sequences
	out := New(styles.Plain()).Styled(fixture(), Options{Width: 40})
	if strings.Contains(out, "\x1b") || !strings.Contains(out, "亩产(公斤)") {
		t.Errorf("notty table:\n%s", out)
	}
}
