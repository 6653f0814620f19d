package shelf

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/ui/tui/internal/tuitest"
)

// TestShelfSearchHeading: while searching and when done, the heading
// tells the issues with a hit from the issues searched.
func TestShelfSearchHeading(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 120, 30)
	msgs := send(m, keyMsg("/"))
	for _, r := range "蓝鲸" {
		msgs = append(msgs, send(m, keyMsg(string(r)))...)
	}
	msgs = append(msgs, send(m, keyMsg("enter"))...)
	stream(t, m, msgs, 3)
	if h := m.shelf.resultsHeading(); !m.shelf.find.running || !strings.Contains(h, "(已搜") || !strings.Contains(h, "/46期)") {
		t.Errorf("heading while searching: %q", h)
	}
	stream(t, m, []tea.Msg{batchMsg{id: m.shelf.find.id}}, 0)
	f := m.shelf.find
	issues := map[*shelf.Entry]bool{}
	for _, h := range f.hits {
		issues[h.Entry] = true
	}
	want := fmt.Sprintf("%d处 · %d期 (已搜46期)", len(f.hits), len(issues))
	if h := m.shelf.resultsHeading(); f.running || !strings.Contains(h, want) {
		t.Errorf("heading when done: %q, want %q", h, want)
	}
}
