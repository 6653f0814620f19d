package tui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/ui/state"
	"dubao/ui/styles"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
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
// prompt (its output: the reader's TestOutputAtEverySize); the shelf, its panel of skipped files, its help,
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
	dir := tuitest.ShelfDir(t)
	s := tuitest.ScanShelf(t, dir)
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
			send(m, common.ErrorMsg{Name: filepath.Join(dir, "坏\x1b]0;x\x07文件.md"), Err: err})
			return m
		}},
		{"widths", func(t *testing.T) *Model {
			l, err := shelf.Load(filepath.Join(tuitest.RepoDir(t), "testdata", "hostile", "widths.md"), shelf.Options{})
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

// TestEveryPageAtEverySize draws every page at every size of
// tuitest.EverySize, which never leaves the page, and then through a storm
// of random resizes with keys pressed in between (tuitest.ResizeStorm).
func TestEveryPageAtEverySize(t *testing.T) {
	for _, p := range pages(t) {
		t.Run(p.name, func(t *testing.T) {
			m := p.open(t)
			before := m.showing
			tuitest.EverySize(t, p.name, m)
			if m.showing != before {
				t.Errorf("resizing left the page")
			}
			tuitest.ResizeStorm(t, p.name, m, func(k string) { press(t, m, k) })
		})
	}
}
