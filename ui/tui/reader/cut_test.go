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
					src := textsafe.Line(strings.ReplaceAll(r.convert(r.arts[r.search.rows[n].art].Pieces()[mt.Piece].Text), "\n", " "))
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
			drawn := ansi.Strip(lines[n])
			// the mark, the number and the flag
			drawn = strings.TrimLeft(strings.TrimPrefix(drawn, "▌"), " 0123456789•★")
			title, kicker := drawn, ""
			if k := textsafe.Line(r.kicker(rw.art)); k != "" {
				if i := strings.LastIndex(drawn, "  "); i >= 0 && strings.HasPrefix(k, string([]rune(strings.TrimLeft(drawn[i:], " "))[:1])) {
					title, kicker = drawn[:i], strings.TrimSpace(drawn[i:])
				}
				if kicker != "" {
					tuitest.CheckCuts(t, fmt.Sprintf("list kicker at %d columns", w), kicker, k)
				}
			}
			tuitest.CheckCuts(t, fmt.Sprintf("list at %d columns", w), strings.TrimRight(title, " "), textsafe.Line(r.headline(rw.art)))
		}
	}
	// the reported case: a 34-column list
	m := newModel(t, sample(t), 114, 30)
	if sc := screen(m); strings.Contains(sc, "增长7…") || !strings.Contains(sc, "增加值增长…") {
		t.Errorf("the title with 7.2%% at 114 columns:\n%s", sc)
	}
}

// TestTitleFirst checks that the headline list shows an article's title
// first, its number on the same row, and its kicker dimmed after it when
// there is room (one pane at 79 columns), left out when not (the list
// beside the article at 80 and 200 columns, which is as wide as the
// longest title, and one pane at 40): one row an article, so the list
// never starts in the middle of one.
func TestTitleFirst(t *testing.T) {
	a := sample(t).Sections[0].Articles[1]
	if a.Kicker == "" {
		t.Fatal("article 2 of the sample has no kicker")
	}
	title, kicker := textsafe.Line(a.Title), textsafe.Line(a.Kicker)
	for _, tc := range []struct {
		w          int
		withKicker bool
	}{{79, true}, {80, false}, {40, false}, {200, false}} {
		m := newModel(t, sample(t), tc.w, 30)
		sc := screen(m)
		var row string
		for _, l := range strings.Split(sc, "\n") {
			if strings.Contains(l, "2 "+string([]rune(title)[:3])) {
				row = l
				break
			}
		}
		if row == "" {
			t.Errorf("%d columns: the row of article 2 does not start with its title: %q\n%s", tc.w, row, sc)
			continue
		}
		if got := strings.Contains(row, string([]rune(kicker)[:3])); got != tc.withKicker {
			t.Errorf("%d columns: the kicker after the title: %v, want %v: %q", tc.w, got, tc.withKicker, row)
		}
		if i, j := strings.Index(row, string([]rune(title)[:3])), strings.Index(row, string([]rune(kicker)[:3])); j >= 0 && j < i {
			t.Errorf("%d columns: the kicker before the title: %q", tc.w, row)
		}
	}
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	for n, rw := range r.rows {
		if n > 0 && rw.kind == rowTitle && r.rows[n-1].kind == rowTitle && r.rows[n-1].art == rw.art {
			t.Errorf("article %d has two rows", r.arts[rw.art].N)
		}
	}
	press(t, m, "j", "j")
	if r.Article().N != 3 {
		t.Errorf("j j from article 1 selects %d", r.Article().N)
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
