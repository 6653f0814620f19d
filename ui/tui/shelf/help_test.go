package shelf

import (
	"strings"
	"testing"

	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// TestShelfHelpTopBottom: the shelf's help scrolls like the reader's: g
// and G go to its top and bottom, space and d page it, j/k move a line,
// instead of closing it; another key closes it.
func TestShelfHelpTopBottom(t *testing.T) {
	m := newShelfModel(t, tuitest.ScanShelf(t, tuitest.ShelfDir(t)), nil, nil, 40, 12)
	p := m.shelf
	press(t, m, "?")
	last := len(common.HelpColumns(p.keys.ShelfHelp(), 38, p.env.St, p.env.AmbWide)) - (p.g.BodyH - 1)
	if !p.help || last <= 1 {
		t.Fatalf("help shown %v, %d lines past the screen: nothing to scroll", p.help, last)
	}
	for _, step := range []struct {
		key string
		top int
	}{
		{"G", last}, {"k", last - 1}, {"g", 0}, {"j", 1}, {"g", 0},
		{"space", min(p.g.BodyH-2, last)}, {"g", 0}, {"d", min(p.g.BodyH-2, last)}, {"end", last}, {"home", 0},
	} {
		press(t, m, step.key)
		if !p.help || p.helpRows.Top != step.top {
			t.Fatalf("%s in the shelf help: shown %v, top %d, want the help at %d", step.key, p.help, p.helpRows.Top, step.top)
		}
	}
	press(t, m, "G")
	lines := strings.Split(screen(m), "\n")
	if desc := p.keys.ShelfHelp()[len(p.keys.ShelfHelp())-1].Help().Desc; !strings.Contains(strings.Join(lines[len(lines)-4:], "\n"), desc) {
		t.Errorf("G does not show the last key %q:\n%s", desc, screen(m))
	}
	press(t, m, "x")
	if p.help {
		t.Errorf("another key does not close the shelf help")
	}
}
