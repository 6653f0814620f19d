package tui

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/ui/state"
	"dubao/ui/styles"
)

// hostilePaste is text with escape sequences, controls and bidi controls,
// pasted into a prompt.
const hostilePaste = "油菜\x1b[2J\x1b]52;c;aGk=\x07花\u202e开\u2066了\x00\x07\u009b31m"

// page is a way to reach one page of the reader at 80×24.
type page struct {
	name string
	open func(t *testing.T) *Model
}

// pages reaches every page and overlay: the reader's list, article, help,
// search prompt (with pasted text), search results, typed number, pipe
// prompt and its output; the shelf, its panel of skipped files, its help,
// its search prompt and results; the bookmarks; the error page; and the
// reader on the widest characters of testdata/hostile.
func pages(t *testing.T) []page {
	t.Helper()
	reader := func(keys ...string) func(t *testing.T) *Model {
		return func(t *testing.T) *Model {
			m := newModel(t, sample(t), 80, 24)
			press(t, m, keys...)
			return m
		}
	}
	dir := shelfDir(t)
	s := scanShelf(t, dir)
	onShelf := func(keys ...string) func(t *testing.T) *Model {
		return func(t *testing.T) *Model {
			m := newShelfModel(t, s, nil, nil, 80, 24)
			msgs := press2(t, m, keys...)
			stream(t, m, msgs, 0)
			return m
		}
	}
	return []page{
		{"list", reader()},
		{"article", reader("enter", "space")},
		{"help", reader("?", "j")},
		{"search prompt", func(t *testing.T) *Model {
			m := newModel(t, sample(t), 80, 24)
			press(t, m, "/")
			send(m, tea.PasteMsg{Content: hostilePaste})
			press(t, m, "青", "溪")
			return m
		}},
		{"empty search prompt", reader("enter", "/")},
		{"results", reader("/", "茶", "enter", "esc")},
		{"results in article", reader("/", "茶", "enter", "n")},
		{"number", reader("1", "2")},
		{"pipe prompt", reader("enter", "|", "w", "c")},
		{"pipe output", func(t *testing.T) *Model {
			m := newModel(t, sample(t), 80, 24)
			press(t, m, "enter")
			out := strings.Repeat("输出的一行,很长很长很长很长很长很长很长很长很长很长\x1b[31m红\t制表\r\n", 40)
			send(m, pipeDoneMsg{command: "cat " + hostilePaste, output: []byte(out)})
			return m
		}},
		{"shelf", onShelf()},
		{"shelf skipped", onShelf("s")},
		{"shelf help", onShelf("?")},
		{"shelf prompt", onShelf("/", "蓝")},
		{"shelf results", onShelf("/", "蓝", "鲸", "enter")},
		{"shelf opened", onShelf("enter", "enter")},
		{"bookmarks", func(t *testing.T) *Model {
			m := newStateModel(t, state.Open(t.TempDir()), 80, 24)
			press(t, m, "3", "enter", "m", "J", "m", "M")
			if m.showing != showBookmarks {
				t.Fatal("M does not show the bookmarks")
			}
			return m
		}},
		{"error", func(t *testing.T) *Model {
			m := newModel(t, sample(t), 80, 24)
			err := errors.New(strings.Repeat("很长的错误信息 \x1b[2J", 20))
			send(m, ErrorMsg{Name: filepath.Join(dir, "坏\x1b]0;x\x07文件.md"), Err: err})
			return m
		}},
		{"widths", func(t *testing.T) *Model {
			l, err := shelf.Load(filepath.Join(repoDir(t), "testdata", "hostile", "widths.md"), shelf.Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := New(l.Issue, Options{Name: "widths.md", Style: styles.Dark})
			run(m, m.Init(), 0)
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			press(t, m, "enter")
			return m
		}},
	}
}

// tinySizes are the terminal sizes every page is drawn at: from nothing
// and 1×1 up, around the width where the reader goes from one pane to two.
var (
	tinyWidths  = []int{0, 1, 2, 3, 4, 5, 7, 10, 15, 20, 25, 33, 45, 69, 70, 71, 100, 200}
	tinyHeights = []int{0, 1, 2, 3, 4, 5, 6, 8, 12, 30}
)

// TestEveryPageAtEverySize draws every page at every size of tinySizes,
// and then through a storm of random resizes with keys pressed in
// between: never a panic, never a line wider or a screen taller than the
// terminal, the cursor on the screen, and nothing on it but text and
// styling.
func TestEveryPageAtEverySize(t *testing.T) {
	for _, p := range pages(t) {
		t.Run(p.name, func(t *testing.T) {
			m := p.open(t)
			before := m.showing
			for _, w := range tinyWidths {
				for _, h := range tinyHeights {
					m.Update(tea.WindowSizeMsg{Width: w, Height: h})
					where := fmt.Sprintf("%s at %dx%d", p.name, w, h)
					checkScreen(t, m, w, h, where)
					checkSafeView(t, m.View(), w, h, where)
				}
			}
			if m.showing != before {
				t.Errorf("resizing left the page")
			}
			rng := rand.New(rand.NewPCG(7, uint64(len(p.name))))
			keys := []string{"j", "k", "G", "g", "space", "b", "d", "u", "+", "-"}
			for i := range 400 {
				w, h := rng.IntN(120), rng.IntN(40)
				if i%7 == 0 {
					w, h = rng.IntN(6), rng.IntN(6)
				}
				m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				if rng.IntN(3) == 0 {
					press(t, m, keys[rng.IntN(len(keys))])
				}
				where := fmt.Sprintf("%s, resize %d to %dx%d", p.name, i, w, h)
				checkScreen(t, m, w, h, where)
				checkSafeView(t, m.View(), w, h, where)
			}
		})
	}
}
