package reader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/issue/textsafe"
	"dubao/ui/tui/internal/tuitest"
)

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
			lw := r.g.ListW
			for top := 0; top < len(r.search.rows); top += r.g.BodyH - 1 {
				r.search.list.Top = top
				lines := r.resultsView(lw, r.g.BodyH)
				for i, line := range lines[1:] {
					n := top + i
					if n >= len(r.search.rows) || r.search.rows[n].kind != rowMatch {
						continue
					}
					mt := r.search.matches[r.search.rows[n].match]
					src := textsafe.Line(strings.ReplaceAll(r.arts[r.search.rows[n].art].Pieces()[mt.Piece].Text, "\n", " "))
					drawn := strings.TrimPrefix(strings.TrimPrefix(ansi.Strip(line), " ▌ "), "   ")
					if strings.HasPrefix(drawn, "标题 ") {
						continue
					}
					tuitest.CheckCuts(t, fmt.Sprintf("/%s at %d columns", q, w), drawn, src)
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
		lines := r.listView(r.g.ListW, len(r.rows))
		for n, rw := range r.rows {
			if rw.kind == rowPage {
				continue
			}
			a := r.arts[rw.art]
			src := textsafe.Line(a.Headline())
			if rw.kind == rowKicker {
				src = textsafe.Line(a.Kicker)
			}
			drawn := ansi.Strip(lines[n])
			// the mark, the number and the flag
			drawn = strings.TrimLeft(strings.TrimPrefix(drawn, "▌"), " 0123456789•★")
			tuitest.CheckCuts(t, fmt.Sprintf("list at %d columns", w), drawn, src)
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
		if strings.Contains(l, textsafe.Line(a.Kicker)) {
			k = i
			break
		}
	}
	if k < 0 || k+1 >= len(lines) {
		t.Fatalf("no kicker row:\n%s", screen(m))
	}
	if !strings.HasPrefix(lines[k], "  2•"+textsafe.Line(a.Kicker)) && !strings.HasPrefix(lines[k], "  2 "+textsafe.Line(a.Kicker)) {
		t.Errorf("the kicker row does not start with the article's number: %q", lines[k])
	}
	title := []rune(textsafe.Line(a.Title))
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
	if r.Article().N != 3 {
		t.Errorf("j from article 2 selects %d", r.Article().N)
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
