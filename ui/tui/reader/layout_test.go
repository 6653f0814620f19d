package reader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/issue"
	"dubao/issue/textsafe"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// TestLayoutWidths draws the reader at 70, 80, 120, 160 and 200 columns
// on the sample and the real 20-page issue: one pane below 80 columns, two
// from 80; every headline of up to 30 汉字 whole from 160 columns (the
// real issue at 200×50 cut 8 of 27 before); the text beside the list (the
// margin between the rule and the text two columns), at the measure when
// the window holds it.
func TestLayoutWidths(t *testing.T) {
	issues := map[string]*issue.Issue{"sample": sample(t)}
	if real := tuitest.Real(t); real != nil {
		issues["real"] = real
	}
	for _, w := range []int{70, 80, 120, 160, 200} {
		for name, is := range issues {
			t.Run(fmt.Sprintf("%s/%d", name, w), func(t *testing.T) {
				m := newModel(t, is, w, 40)
				r := reader(m)
				if r.g.Wide != (w >= 80) {
					t.Errorf("two panes: %v", r.g.Wide)
				}
				lines := r.listView(r.g.ListW, len(r.rows))
				cut, long := 0, 0
				for n, rw := range r.rows {
					if rw.kind != rowTitle {
						continue
					}
					title := textsafe.Line(r.headline(rw.art))
					if common.StringWidth(title, false) > 2*common.HeadlineWhole {
						long++
						continue
					}
					if !strings.Contains(ansi.Strip(lines[n]), title) {
						cut++
					}
				}
				if w >= common.WholeHeadlines && cut > 0 {
					t.Errorf("%d headlines of up to 30 汉字 cut", cut)
				}
				if r.g.Wide && r.g.TextX != r.g.ArtX+2 {
					t.Errorf("the text starts %d columns after the rule, want 2", r.g.TextX-r.g.ArtX)
				}
				checkScreen(t, m, w, 40, "layout")
				t.Logf("list %d columns, text %d at %d; %d headlines cut (%d longer than 30 字)", r.g.ListW, r.g.TextW, r.g.TextX, cut, long)
			})
		}
	}
}
