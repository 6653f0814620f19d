package reader

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"dubao/issue"
	"dubao/ui/render"
	"dubao/ui/tui/internal/tuitest"
)

// TestScreens draws the sample issue at 100×30 and 50×20 after a few key
// presses and compares the screens (without styles) with golden files
// (go test ./ui -update rewrites them).
func TestScreens(t *testing.T) {
	steps := []struct {
		name string
		keys []string
	}{
		{"start", nil},
		{"article", []string{"enter"}},
		{"scrolled", []string{"enter", "space"}},
		{"table", []string{"6", "enter", "enter"}},
		{"list", []string{"7", "enter", "enter", "G"}},
		{"search", []string{"/", "青", "溪", "enter", "n"}},
		{"results", []string{"/", "茶", "enter", "esc"}},
		{"help", []string{"?"}},
	}
	for _, size := range [][2]int{{100, 30}, {50, 20}} {
		for _, st := range steps {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], st.name), func(t *testing.T) {
				m := newModel(t, sample(t), size[0], size[1])
				press(t, m, st.keys...)
				checkScreen(t, m, size[0], size[1], st.name)
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// Characters that must not start or end a line of body text (the line
// breaker's rules; a sample of them).
const (
	noStart = "、，。．：；！？”’）］｝〕】》〉」』,.:;?!)]}%％‰℃"
	noEnd   = "“‘（［｛〔【《〈「『([{"
)

// TestBodyLineRules checks every article of the sample (and of the seed
// when ../shared is present) as the reader lays it out at several
// widths: no body line starts or ends with a prohibited mark, and none is
// wider than the text column.
func TestBodyLineRules(t *testing.T) {
	issues := map[string]*issue.Issue{"sample": sample(t)}
	if is := tuitest.Seed(t); is != nil {
		issues["seed"] = is
	}
	for name, is := range issues {
		for _, size := range [][2]int{{100, 30}, {50, 20}, {200, 40}, {24, 8}} {
			m := newModel(t, is, size[0], size[1])
			r := reader(m)
			for i := range r.arts {
				r.show(i)
				for n, ln := range r.lay.All() {
					if ln.Indent+ln.Width > r.g.TextW {
						t.Errorf("%s %v article %d line %d: %d columns in a %d-column text: %q", name, size, r.arts[i].N, n, ln.Indent+ln.Width, r.g.TextW, ln.Text)
					}
					if !bodyLine(ln) || r.g.TextW < 8 {
						continue
					}
					first, _ := utf8.DecodeRuneInString(ln.Text)
					last, _ := utf8.DecodeLastRuneInString(ln.Text)
					if strings.ContainsRune(noStart, first) {
						t.Errorf("%s %v article %d line %d starts with %q: %q", name, size, r.arts[i].N, n, first, ln.Text)
					}
					if strings.ContainsRune(noEnd, last) {
						t.Errorf("%s %v article %d line %d ends with %q: %q", name, size, r.arts[i].N, n, last, ln.Text)
					}
				}
			}
		}
	}
}

// bodyLine reports whether ln is prose (not a table row or a decoration).
func bodyLine(ln render.Line) bool {
	for _, s := range ln.Spans {
		if s.Role == render.RoleMarker || s.Role == render.RoleTableHead {
			return false
		}
	}
	return len(ln.Spans) > 0
}

// TestTinyTerminals draws every screen at sizes down to 1×1 and checks
// that nothing is wider or taller than the terminal and nothing panics.
func TestTinyTerminals(t *testing.T) {
	keys := []string{"j", "enter", "space", "G", "?", "esc", "/", "青", "enter", "n", "esc", "o", "|", "esc", "+", "J", "]", "esc"}
	for w := 1; w <= 72; w += 1 + w/6 {
		for _, h := range []int{1, 2, 3, 4, 5, 6, 8, 13} {
			m := newModel(t, sample(t), w, h)
			checkScreen(t, m, w, h, fmt.Sprintf("%dx%d start", w, h))
			for _, k := range keys {
				press(t, m, k)
				checkScreen(t, m, w, h, fmt.Sprintf("%dx%d after %s", w, h, k))
			}
		}
	}
}

// TestResizeSequences resizes rapidly and randomly while reading: never a
// panic, never a line wider than the terminal, and the reading position
// survives (the line at the top holds the same text as before).
func TestResizeSequences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "1", "0", "enter", "enter", "space")
	for i := range 300 {
		w, h := rng.IntN(160), rng.IntN(60)
		if i%10 == 0 {
			w, h = 0, 0
		}
		m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		checkScreen(t, m, max(w, 1), max(h, 1), fmt.Sprintf("resize %d: %dx%d", i, w, h))
		if rng.IntN(4) == 0 {
			press(t, m, []string{"j", "k", "space", "b", "J", "K", "+", "-"}[rng.IntN(8)])
		}
	}
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "g")
	press(t, m, "j", "j", "j", "j", "j", "j")
	_, pos := r.Position()
	for _, s := range [][2]int{{50, 20}, {180, 50}, {72, 10}, {100, 30}} {
		m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
	}
	if _, got := r.Position(); got.Piece != pos.Piece || got.Offset > pos.Offset {
		t.Errorf("reading position moved from %v to %v across resizes", pos, got)
	}
}
