package render

import (
	"strings"
	"testing"

	"dubao/issue"
	"dubao/ui/styles"
)

// TestFullWidthPunctLayout: the styled layout with FullWidthPunct shows
// 指出，今年 where the source has 指出,今年, keeps 1.2万元 and 2,861.3,
// and maps a search match on the source onto the characters shown; the
// plain layout without it keeps the source's marks.
func TestFullWidthPunctLayout(t *testing.T) {
	a := fixture()
	a.Paragraphs = append(a.Paragraphs, "GDP达到2,861.3亿元,增长5.8%,A,B两组")
	r := New(styles.Plain())
	l := r.Layout(a, Options{Width: 40, FullWidthPunct: true})
	text := ""
	for _, ln := range l.All() {
		text += ln.Text + "\n"
	}
	for _, want := range []string{"3月7日清晨，薄雾还没散尽，", "本报讯（记者 林晓帆）", "起初村里人并不看好：", "2,861.3亿元，增长5.8%,A,B两组", "1.2万元"} {
		if !strings.Contains(strings.ReplaceAll(text, "\n", ""), want) {
			t.Errorf("the layout lacks %q:\n%s", want, text)
		}
	}
	// a match on the source (薄雾, after a half-width comma) is drawn on 薄雾
	ps := l.Pieces()
	src := a.Pieces()
	for i, p := range src {
		at := strings.Index(p.Text, "薄雾")
		if at < 0 {
			continue
		}
		marks := l.Marks([]Mark{{Piece: i, Start: at, End: at + len("薄雾")}})
		if len(marks) != 1 || ps[i].Text[marks[0].Start:marks[0].End] != "薄雾" {
			t.Errorf("the match maps to %v in %q", marks, ps[i].Text)
		}
		loc := l.LocOf(issue.Pos{Piece: i, Offset: at})
		if back := l.LocOf(l.PosOf(loc)); back != loc {
			t.Errorf("the line of position %d (%v) maps back to %v", at, loc, back)
		}
	}
	if plain := Plain(a, Options{}); !strings.Contains(plain, "3月7日清晨,薄雾") {
		t.Errorf("plain text does not keep the source's commas:\n%s", plain)
	}
	if plain := Plain(a, Options{Width: 40, FullWidthPunct: true}); !strings.Contains(plain, "清晨，薄雾") {
		t.Errorf("plain text at a width for reading does not set them full width")
	}
}

// TestIndentOnly: paragraphs set as print does have no blank line between
// them, while a crosshead, a quote, a list and a table keep theirs; the
// plain layout (no indent) keeps a blank line between paragraphs.
func TestIndentOnly(t *testing.T) {
	a := fixture()
	a.Paragraphs = append(a.Paragraphs[:3:3], "第四段。", "第五段。", "第六段。")
	a.Cut = nil
	r := New(styles.Plain())
	lines := func(opt Options) []string {
		var out []string
		for _, ln := range r.Layout(a, opt).All() {
			out = append(out, strings.Repeat(" ", ln.Indent)+ln.Text)
		}
		return out
	}
	after := func(ls []string, prefix string) string {
		for i, l := range ls {
			if strings.HasPrefix(strings.TrimSpace(l), prefix) && i+1 < len(ls) {
				return ls[i+1]
			}
		}
		return "?"
	}
	compact := lines(Options{Width: 200, IndentOnly: true})
	if next := after(compact, "第五段"); !strings.HasPrefix(next, "    第六段") {
		t.Errorf("indent only: after 第五段 comes %q, want 第六段 indented on the next line\n%s", next, strings.Join(compact, "\n"))
	}
	if next := after(compact, "从“门外汉”"); next != "" {
		t.Errorf("indent only: no blank line after the crosshead: %q", next)
	}
	spaced := lines(Options{Width: 200})
	if next := after(spaced, "第五段"); next != "" {
		t.Errorf("spaced: after 第五段 comes %q, want a blank line", next)
	}
	if len(compact) >= len(spaced) {
		t.Errorf("indent only is not shorter: %d lines, spaced %d", len(compact), len(spaced))
	}
	plain := Plain(a, Options{Width: 200, IndentOnly: true})
	if !strings.Contains(plain, "第五段。\n\n第六段。") {
		t.Errorf("plain text lost the blank line between paragraphs:\n%s", plain)
	}
}

// TestStructureStyles: a crosshead is bold and unindented, the title set
// above it in weight (bold and coloured), and attributions, credits and
// end bylines are dimmed apart from the body.
func TestStructureStyles(t *testing.T) {
	st := styles.New(true)
	if !st.Heading.GetBold() || !st.Title.GetBold() || st.Title.GetForeground() == st.Heading.GetForeground() {
		t.Errorf("the title does not stand above the crossheads")
	}
	for name, s := range map[string]Role{"attribution": RoleAttribution, "credit": RoleCredit, "end byline": RoleEndByline} {
		if roleStyle(&st, s).GetForeground() != st.Kicker.GetForeground() {
			t.Errorf("%s is not dimmed", name)
		}
	}
	if st.Quote.GetItalic() || st.Caption.GetItalic() {
		t.Errorf("quotes or captions in faux italics")
	}
	a := &issue.Article{N: 1, Title: "标题", Paragraphs: []string{"正文一。", "正文二。"},
		Blocks: []issue.Block{{After: 1, Kind: issue.BlockHeading, Text: "小标题"}, {After: 2, Kind: issue.BlockByline, Text: "(本报记者 李明)"}}}
	l := New(st).Layout(a, Options{Width: 40, IndentOnly: true})
	var heading, byline *Line
	all := l.All()
	for i := range all {
		switch all[i].Text {
		case "小标题":
			heading = &all[i]
			if i == 0 || all[i-1].Text != "" {
				t.Errorf("no space above the crosshead")
			}
		case "(本报记者 李明)":
			byline = &all[i]
		}
	}
	if heading == nil || heading.Indent != 0 || heading.Spans[0].Role != RoleHeading {
		t.Errorf("crosshead: %+v", heading)
	}
	if byline == nil || byline.Spans[0].Role != RoleEndByline {
		t.Errorf("end byline: %+v", byline)
	}
}

// TestNumbersRightAligned: a column of numbers is right-aligned in the
// styled tables (glamour's and the grid), so that the digits line up; the
// plain grid keeps cells where their column starts.
func TestNumbersRightAligned(t *testing.T) {
	for in, want := range map[string]bool{"2022": true, "2,861.3": true, "-3.2%": true, "¥120": true, "0.5‰": true,
		"1.2万": false, "约3": false, "A1": false, "3.": false, ",3": false, "": false, "12 345": false} {
		if got := isNumber(in); got != want {
			t.Errorf("isNumber(%q) = %v", in, got)
		}
	}
	rows := [][]string{{"项目", "金额(亿元)", "备注"}, {"甲", "1.5", "一期"}, {"乙", "186.4", ""}, {"丙", "", "二期"}}
	if got := numericColumns(rows, 3); got[0] || !got[1] || got[2] {
		t.Errorf("numeric columns %v, want [false true false]", got)
	}
	a := &issue.Article{N: 1, Title: "表", Paragraphs: []string{"正文。"},
		Blocks: []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: rows}}}
	r := New(styles.Plain())
	for _, w := range []int{60, 20} { // glamour's table, then the grid
		var lines []string
		for _, ln := range r.Layout(a, Options{Width: w}).All() {
			lines = append(lines, ln.Text)
		}
		text := strings.Join(lines, "\n")
		end := func(s string) int {
			for _, l := range lines {
				if i := strings.Index(l, s); i >= 0 {
					return strWidth(l[:i]) + strWidth(s)
				}
			}
			return -1
		}
		if a, b := end("1.5"), end("186.4"); a < 0 || a != b {
			t.Errorf("width %d: 1.5 ends at %d, 186.4 at %d:\n%s", w, a, b, text)
		}
	}
}

// strWidth is the width of s in columns.
func strWidth(s string) int { return strictWidth(s, false) }
