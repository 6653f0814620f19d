package shelf

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/tui/internal/tuitest"
)

// TestShelfFrontPage: from 120 columns the shelf shows the front page of
// the issue selected beside its list — the first page's name and its
// headlines, read in the background — and follows the selection; below
// 120 columns the list has the screen to itself.
func TestShelfFrontPage(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	p := m.shelf
	send(m, tea.WindowSizeMsg{Width: 160, Height: 30}) // reads the selected issue's front page (fed back)
	e := p.Selected()
	l, err := s.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	first := l.Issue.Sections[0].Articles[0].Headline()
	sc := screen(m)
	if !strings.Contains(sc, "第1版") || !strings.Contains(sc, first) {
		t.Fatalf("no front page of %s %s beside the list (want %q):\n%s", e.Paper, e.Date, first, sc)
	}
	for _, line := range strings.Split(sc, "\n")[1:3] {
		if !strings.Contains(line, "│") {
			t.Errorf("no rule between the list and the front page: %q", line)
		}
	}
	checkScreen(t, m, 160, 30, "front page")
	press(t, m, "j")
	if p.Selected() == e {
		t.Fatal("j does not move")
	}
	if _, ok := p.fronts[p.Selected()]; !ok {
		t.Errorf("the front page of the issue selected next is not read")
	}
	// narrow: no front page
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if strings.Contains(screen(m), "│") {
		t.Errorf("a front page at 100 columns:\n%s", screen(m))
	}
}
