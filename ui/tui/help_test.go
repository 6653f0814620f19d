package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestHelpTopBottom: g and G go to the top and the bottom of the help, as
// space and d page it, instead of closing it.
func TestHelpTopBottom(t *testing.T) {
	m := newModel(t, sample(t), 40, 12)
	r := reader(m)
	press(t, m, "?")
	last := len(r.helpLines(38)) - (r.g.bodyH - 1)
	if last <= 0 {
		t.Fatalf("the help fits: nothing to scroll")
	}
	press(t, m, "G")
	if r.overlay != overlayHelp || r.helpTop != last {
		t.Fatalf("G in the help: overlay %d, top %d, want the help at %d", r.overlay, r.helpTop, last)
	}
	lines := strings.Split(screen(m), "\n")
	if !strings.Contains(lines[len(lines)-2], r.keys.Interrupt.Help().Desc) {
		t.Errorf("G does not show the last key:\n%s", screen(m))
	}
	press(t, m, "g")
	if r.overlay != overlayHelp || r.helpTop != 0 {
		t.Errorf("g in the help: overlay %d, top %d", r.overlay, r.helpTop)
	}
	press(t, m, "d")
	if r.helpTop == 0 {
		t.Errorf("d does not scroll the help")
	}
	press(t, m, "x")
	if r.overlay != overlayNone {
		t.Errorf("another key does not close the help")
	}
}

// TestShelfHelpTopBottom: the shelf's help scrolls like the reader's: g
// and G go to its top and bottom, space and d page it, j/k move a line,
// instead of closing it; another key closes it.
func TestShelfHelpTopBottom(t *testing.T) {
	m := newShelfModel(t, scanShelf(t, shelfDir(t)), nil, nil, 40, 12)
	p := m.shelf
	press(t, m, "?")
	last := len(helpColumns(p.keys.ShelfHelp(), 38, p.st, p.ambWide)) - (p.g.bodyH - 1)
	if !p.help || last <= 1 {
		t.Fatalf("help shown %v, %d lines past the screen: nothing to scroll", p.help, last)
	}
	for _, step := range []struct {
		key string
		top int
	}{
		{"G", last}, {"k", last - 1}, {"g", 0}, {"j", 1}, {"g", 0},
		{"space", min(p.g.bodyH-2, last)}, {"g", 0}, {"d", min(p.g.bodyH-2, last)}, {"end", last}, {"home", 0},
	} {
		press(t, m, step.key)
		if !p.help || p.helpTop != step.top {
			t.Fatalf("%s in the shelf help: shown %v, top %d, want the help at %d", step.key, p.help, p.helpTop, step.top)
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

// TestHelpTiny: at tiny sizes the help's title still says how to close it,
// and every key's description can be read whole, scrolling down.
func TestHelpTiny(t *testing.T) {
	for _, size := range [][2]int{{20, 6}, {15, 6}, {10, 5}, {25, 8}, {33, 6}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := newModel(t, sample(t), w, h)
			r := reader(m)
			press(t, m, "?")
			if r.overlay != overlayHelp {
				t.Fatal("? shows no help")
			}
			var body []string
			for range 200 {
				lines := strings.Split(screen(m), "\n")
				if !strings.Contains(lines[1], "关闭") {
					t.Fatalf("title %q hides how to close the help", lines[1])
				}
				checkScreen(t, m, w, h, "help")
				top := r.helpTop
				body = append(body, lines[2+len(body)-top:1+r.g.bodyH]...)
				press(t, m, "j")
				if r.helpTop == top {
					break
				}
			}
			text := ""
			for _, l := range body {
				if strings.Contains(l, "…") {
					t.Errorf("help line cut: %q", l)
				}
				text += strings.TrimSpace(l)
			}
			for _, b := range r.helpEntries() {
				desc := strings.ReplaceAll(b.Help().Desc, " ", "")
				if !strings.Contains(strings.ReplaceAll(text, " ", ""), desc) {
					t.Errorf("description %q of %s not shown whole:\n%s", desc, b.Help().Key, strings.Join(body, "\n"))
				}
			}
		})
	}
}

// TestOutputHelp: ? over the output of a | command lists the keys of the
// output view, not the reader's.
func TestOutputHelp(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	send(m, pipeDoneMsg{command: "x", output: []byte("a\nb\n")})
	press(t, m, "?")
	sc := screen(m)
	for _, want := range []string{"关闭输出", "到末尾", "下一页"} {
		if !strings.Contains(sc, want) {
			t.Errorf("output help lacks %q:\n%s", want, sc)
		}
	}
	k := r.keys
	for _, b := range []string{k.NextArticle.Help().Desc, k.NextUnread.Help().Desc, k.Bookmark.Help().Desc, k.Open.Help().Desc, k.Search.Help().Desc} {
		if strings.Contains(sc, b) {
			t.Errorf("output help shows the reader's %q:\n%s", b, sc)
		}
	}
	press(t, m, "q")
	if r.overlay != overlayOutput {
		t.Errorf("closing the help does not return to the output")
	}
	// every key listed does what the help says in the output view
	send(m, pipeDoneMsg{command: "x", output: []byte(strings.Repeat("line\n", 200))})
	press(t, m, "G")
	if r.output.top == 0 {
		t.Errorf("G in the output does not go to the end")
	}
	press(t, m, "g", "d")
	if r.output.top != (r.g.bodyH-1)/2 {
		t.Errorf("d scrolls the output to %d, want half a page", r.output.top)
	}
	m.Update(tea.WindowSizeMsg{Width: 20, Height: 6})
	press(t, m, "?")
	checkScreen(t, m, 20, 6, "output help")
}
