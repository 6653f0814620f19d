package reader

import (
	"fmt"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// TestHostileScreens opens every file of testdata/hostile that must open
// as the command line does (shelf.Load) and draws it in the reader at
// several sizes, through every article and the keys of
// tuitest.HostileKeys: nothing but styling reaches the terminal, and no
// line is wider than it. (The files that must be refused: the root's
// TestHostileScreens.)
func TestHostileScreens(t *testing.T) {
	sizes := [][2]int{{100, 30}, {60, 15}, {24, 8}, {9, 3}}
	for _, path := range tuitest.HostilePaths(t) {
		if tuitest.IsBad(path) {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			l, err := shelf.Load(path, shelf.Options{})
			if err != nil {
				t.Fatalf("does not open: %v", err)
			}
			for _, s := range sizes {
				m := newPage(common.OpenMsg{Issue: l.Issue, Name: path}, testEnv())
				run(m, m.Init(), 0)
				m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
				where := fmt.Sprintf("%dx%d", s[0], s[1])
				tuitest.CheckSafeView(t, m.View(), s[0], s[1], where+" start")
				for i := range m.reader.arts {
					for _, k := range tuitest.HostileKeys {
						press(t, m, k)
						w := fmt.Sprintf("%s article %d after %s", where, i+1, k)
						tuitest.CheckSafeView(t, m.View(), s[0], s[1], w)
						checkScreen(t, m, s[0], s[1], w)
					}
					m.reader.show(i + 1)
					if i > 20 { // many-articles.md: the first ones show it all
						break
					}
				}
			}
		})
	}
}
