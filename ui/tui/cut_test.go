package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"dubao/issue/search"
	"dubao/ui/render"
)

// TestCutFront checks the left cut of a snippet's context: never inside a
// number or a Latin word, an opening quote kept with its text, a clause
// start preferred.
func TestCutFront(t *testing.T) {
	tests := []struct {
		s          string
		want, most int
		out        string
	}{
		{"短文", 10, 10, "短文"},
		// a number is taken whole when it fits, else left out
		{"去年全市GDP达到2,861.3", 12, 16, "…达到2,861.3"},
		{"去年全市GDP达到2,861.3", 10, 16, "…到2,861.3"},
		{"去年全市GDP达到2,861.3", 8, 8, "…2,861.3"},
		{"去年全市GDP达到2,861.3", 7, 7, "…"},
		{"此次开工的24个项目总投资186.4", 5, 14, "…186.4"},
		{"此次开工的24个项目总投资186.4", 5, 5, "…"},
		{"新增就业岗位1,000", 5, 8, "…1,000"},
		{"新增就业岗位1,000", 5, 5, "…"},
		{"开工的24个项目总投资", 15, 16, "…24个项目总投资"},
		{"开工的24个项目总投资", 14, 14, "…个项目总投资"},
		{"采用GDP核算", 7, 7, "…核算"},
		// a clause start one or two characters away is preferred
		{"全部建成后,预计可新增", 15, 16, "…预计可新增"},
		{"全部建成后，预计可新增", 15, 16, "…预计可新增"},
		{"建成后，预计可新增", 13, 13, "…预计可新增"},
		// a quotation is kept whole, or left out when it does not fit
		{"与县政府就“青溪新材料产业园二期工程项目”达成", 30, 40, "…“青溪新材料产业园二期工程项目”达成"},
		{"与县政府就“青溪新材料产业园二期工程项目”达成", 30, 30, "…达成"},
		{"并称“微改造", 9, 9, "…“微改造"},
		{"他说“微改造", 8, 10, "…“微改造"},
		{"他说“微改造”一词", 8, 8, "…一词"},
	}
	for _, tc := range tests {
		if got := cutFront(tc.s, tc.want, tc.most, false, false); got != tc.out {
			t.Errorf("cutFront(%q, %d, %d) = %q, want %q", tc.s, tc.want, tc.most, got, tc.out)
		}
		if w := stringWidth(cutFront(tc.s, tc.want, tc.most, false, false), false); w > max(tc.want, tc.most) {
			t.Errorf("cutFront(%q, %d, %d) is %d columns", tc.s, tc.want, tc.most, w)
		}
	}
}

// TestCutBack checks the right cut of a snippet's context and of a title.
func TestCutBack(t *testing.T) {
	tests := []struct {
		s   string
		w   int
		out string
	}{
		{"修复生态岸线21公里", 20, "修复生态岸线21公里"},
		{"修复生态岸线21公里", 14, "修复生态岸线…"},
		{"修复生态岸线21公里", 14, "修复生态岸线…"},
		{"前两月全市规上工业增加值增长7.2%", 31, "前两月全市规上工业增加值增长…"},
		{"增长5.8%。今年", 9, "增长5.8%…"},
		{"增长5.8%。今年", 8, "增长…"},
		{"项目名为“青溪新材", 11, "项目名为…"},
		{"项目名为“青溪新材", 13, "项目名为“青…"},
		{"采用GDP核算", 6, "采用…"},
	}
	for _, tc := range tests {
		if got := cutBack(tc.s, tc.w, false); got != tc.out {
			t.Errorf("cutBack(%q, %d) = %q, want %q", tc.s, tc.w, got, tc.out)
		}
	}
	// a title that is one long word is still shown in part
	if got := truncateTitle("CRH380A型动车组", 5, false); got != "CRH3…" {
		t.Errorf("truncateTitle of a long word = %q", got)
	}
}

// checkCuts checks a snippet or a title as drawn (lead and … stripped):
// each part between the … must be a piece of src that starts and ends
// between words, and not just after an opening mark.
func checkCuts(t *testing.T, where, drawn, src string) {
	t.Helper()
	for _, part := range strings.Split(drawn, "…") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		ok := false
		for from := 0; !ok; {
			i := strings.Index(src[from:], part)
			if i < 0 {
				break
			}
			i += from
			j := i + len(part)
			before, _ := utf8.DecodeLastRuneInString(src[:i])
			ok = !search.CutsWord(src, i) && !search.CutsWord(src, j) && !isOpener(before)
			from = i + 1
			for from < len(src) && !utf8.RuneStart(src[from]) {
				from++
			}
		}
		if !ok {
			t.Errorf("%s: %q cuts a word or parts with its opening mark (drawn %q)", where, part, drawn)
		}
	}
}

// TestResultSnippetCuts searches the sample for words next to numbers and
// checks every result's snippet at every width from 50 to 130: no number
// or Latin word is cut (2,861.3 is never shown as …,861.3).
func TestResultSnippetCuts(t *testing.T) {
	for _, q := range []string{"亿元", "个", "公里", "项目", "万", "5G"} {
		for w := 50; w <= 130; w++ {
			m := newModel(t, sample(t), w, 30)
			r := reader(m)
			press(t, m, "/")
			press(t, m, strings.Split(q, "")...)
			press(t, m, "enter", "esc")
			if !r.search.active() || r.focus != focusList {
				t.Fatalf("/%s: no results list", q)
			}
			lw := r.g.listW
			for top := 0; top < len(r.search.rows); top += r.g.bodyH - 1 {
				r.search.top = top
				lines := r.resultsView(lw, r.g.bodyH)
				for i, line := range lines[1:] {
					n := top + i
					if n >= len(r.search.rows) || r.search.rows[n].kind != rowMatch {
						continue
					}
					mt := r.search.matches[r.search.rows[n].match]
					src := render.Clean(strings.ReplaceAll(r.arts[r.search.rows[n].art].Pieces()[mt.Piece].Text, "\n", " "))
					drawn := strings.TrimPrefix(strings.TrimPrefix(ansi.Strip(line), " ▌ "), "   ")
					if strings.HasPrefix(drawn, "标题 ") {
						continue
					}
					checkCuts(t, fmt.Sprintf("/%s at %d columns", q, w), drawn, src)
				}
			}
		}
	}
}

// TestListTitleCuts checks the titles and kickers of the headline list at
// every width from 40 to 140: a title cut with … never ends inside a
// number (…增长7… for 增长7.2%).
func TestListTitleCuts(t *testing.T) {
	for w := 40; w <= 140; w++ {
		m := newModel(t, sample(t), w, 40)
		r := reader(m)
		lines := r.listView(r.g.listW, len(r.rows))
		for n, rw := range r.rows {
			if rw.kind == rowPage {
				continue
			}
			a := r.arts[rw.art]
			src := render.Clean(a.Headline())
			if rw.kind == rowKicker {
				src = render.Clean(a.Kicker)
			}
			drawn := ansi.Strip(lines[n])
			// the mark, the number and the flag
			drawn = strings.TrimLeft(strings.TrimPrefix(drawn, "▌"), " 0123456789•★")
			checkCuts(t, fmt.Sprintf("list at %d columns", w), drawn, src)
		}
	}
	// the reported case: a 34-column list
	m := newModel(t, sample(t), 114, 30)
	if sc := screen(m); strings.Contains(sc, "增长7…") || !strings.Contains(sc, "增加值增长…") {
		t.Errorf("the title with 7.2%% at 114 columns:\n%s", sc)
	}
}

// TestKickerRows checks that a kicker in the headline list opens its
// article's rows — the article's number on it, the title under it — and
// that both rows of the selected article are marked.
func TestKickerRows(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	a := r.arts[1]
	if a.Kicker == "" {
		t.Fatal("article 2 of the sample has no kicker")
	}
	lines := strings.Split(screen(m), "\n")
	k := -1
	for i, l := range lines {
		if strings.Contains(l, render.Clean(a.Kicker)) {
			k = i
			break
		}
	}
	if k < 0 || k+1 >= len(lines) {
		t.Fatalf("no kicker row:\n%s", screen(m))
	}
	if !strings.HasPrefix(lines[k], "  2•"+render.Clean(a.Kicker)) && !strings.HasPrefix(lines[k], "  2 "+render.Clean(a.Kicker)) {
		t.Errorf("the kicker row does not start with the article's number: %q", lines[k])
	}
	title := []rune(render.Clean(a.Title))
	if !strings.HasPrefix(lines[k+1], "    "+string(title[:3])) {
		t.Errorf("the title row under the kicker: %q", lines[k+1])
	}
	press(t, m, "j")
	lines = strings.Split(screen(m), "\n")
	if !strings.HasPrefix(lines[k], "▌ 2") || !strings.HasPrefix(lines[k+1], "▌   ") {
		t.Errorf("the selected article's rows are not both marked:\n%s\n%s", lines[k], lines[k+1])
	}
	// the list still numbers and selects by article
	press(t, m, "j")
	if r.article().N != 3 {
		t.Errorf("j from article 2 selects %d", r.article().N)
	}
}

// TestQuotedHeading checks that a query with quotation marks of its own
// is not put in quotation marks again.
func TestQuotedHeading(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	press(t, m, "/", "\"", "微", "改", "造", "\"", "enter")
	sc := screen(m)
	if strings.Contains(sc, "“\"") || !strings.Contains(sc, "\"微改造\" ") {
		t.Errorf("heading of a quoted query:\n%s", sc)
	}
	m = newModel(t, sample(t), 100, 30)
	press(t, m, "/", "茶", "enter")
	if sc := screen(m); !strings.Contains(sc, "“茶” ") {
		t.Errorf("heading of a plain query:\n%s", sc)
	}
}
