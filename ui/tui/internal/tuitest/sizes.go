package tuitest

import (
	"fmt"
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The terminal sizes EverySize draws a page at: from nothing and 1×1 up,
// around the width where the reader goes from one pane to two.
var (
	tinyWidths  = []int{0, 1, 2, 3, 4, 5, 7, 10, 15, 20, 25, 33, 45, 69, 70, 71, 100, 200}
	tinyHeights = []int{0, 1, 2, 3, 4, 5, 6, 8, 12, 30}
)

// EverySize draws m (a page, named name) at every size of tinyWidths and
// tinyHeights: never a panic, never a line wider or a screen taller than
// the terminal, the cursor on the screen, and nothing on it but text and
// styling.
func EverySize(t *testing.T, name string, m tea.Model) {
	t.Helper()
	for _, w := range tinyWidths {
		for _, h := range tinyHeights {
			m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			where := fmt.Sprintf("%s at %dx%d", name, w, h)
			CheckScreen(t, m.View().Content, w, h, where)
			CheckSafeView(t, m.View(), w, h, where)
		}
	}
}

// ResizeStorm draws m (a page, named name) through a storm of random
// resizes with keys pressed in between, checking each screen as
// EverySize does.
func ResizeStorm(t *testing.T, name string, m tea.Model, press func(key string)) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, uint64(len(name))))
	keys := []string{"j", "k", "G", "g", "space", "b", "d", "u", "+", "-"}
	for i := range 400 {
		w, h := rng.IntN(120), rng.IntN(40)
		if i%7 == 0 {
			w, h = rng.IntN(6), rng.IntN(6)
		}
		m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		if rng.IntN(3) == 0 {
			press(keys[rng.IntN(len(keys))])
		}
		where := fmt.Sprintf("%s, resize %d to %dx%d", name, i, w, h)
		CheckScreen(t, m.View().Content, w, h, where)
		CheckSafeView(t, m.View(), w, h, where)
	}
}
