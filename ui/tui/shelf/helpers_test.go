package shelf

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/ui/state"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// Model stands in for the root model (ui/tui) in the shelf's tests: it
// gives the shelf the terminal size and every message, and keeps what the
// shelf asks of the root — the issue to open, the error to show — instead
// of doing it.
type Model struct {
	shelf         *Page
	width, height int
	opened        *common.OpenMsg  // the last issue the shelf opened
	failed        *common.ErrorMsg // the last error it reported
	bookmarks     bool             // it asked for the bookmarks
}

// newShelfModel returns the shelf page on s at w×h; store may be nil.
func newShelfModel(t testing.TB, s *shelf.Shelf, updates <-chan shelf.Update, store *state.Store, w, h int) *Model {
	t.Helper()
	if store != nil {
		t.Cleanup(func() { _ = store.Flush() }) // before the state folder is removed
	}
	m := newPage(s, updates, store)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// newPage returns the shelf page on s at the root's default size, 80×24;
// store may be nil.
func newPage(s *shelf.Shelf, updates <-chan shelf.Update, store *state.Store) *Model {
	if store == nil {
		store = state.Disabled()
	}
	m := &Model{shelf: New(s, updates, tuitest.Env(), store), width: 80, height: 24}
	m.shelf.searchPause = 0
	m.shelf.frontRead.pause = 0
	m.shelf.batchMax = 1 // one issue's results a message: a search takes many
	// The unread counts, read in the background as the root's Init starts it.
	if cmd := m.shelf.readCounts(); cmd != nil {
		m.Update(cmd())
	}
	return m
}

// Init starts nothing.
func (m *Model) Init() tea.Cmd { return nil }

// Update gives the shelf a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		_, cmd := m.shelf.Update(common.SizeMsg{Width: m.width, Height: m.height})
		return m, cmd
	case common.OpenMsg:
		m.opened = &msg
		m.shelf.Opened(msg.Key, msg.Entry)
		return m, nil
	case common.ErrorMsg:
		m.failed = &msg
		return m, nil
	case common.ShowBookmarksMsg:
		m.bookmarks = true
		return m, nil
	}
	_, cmd := m.shelf.Update(msg)
	return m, cmd
}

// View draws the shelf as the root does.
func (m *Model) View() tea.View {
	return tuitest.PageView(m.shelf.View(), m.shelf.Cursor(), m.width, m.height)
}

// feed reports the messages the program gives back to the shelf: not the
// search's batches (see stream), nor its ticks; the front page's ticks are
// given at once (no pause in tests).
func feed(msg tea.Msg) bool {
	switch msg.(type) {
	case indexMsg, frontMsg, frontTickMsg, common.OpenMsg, common.ErrorMsg, common.NoticeMsg, common.ShowBookmarksMsg, common.BackMsg:
		return true
	}
	return false
}

// isBatch reports a message of results of the search.
func isBatch(msg tea.Msg) bool {
	_, ok := msg.(batchMsg)
	return ok
}

// stream feeds the batch messages among msgs back to m, and those that
// follow (see tuitest.Stream).
func stream(_ testing.TB, m *Model, msgs []tea.Msg, steps int) int {
	return tuitest.Stream(m, msgs, steps, isBatch, func(cmd tea.Cmd) []tea.Msg { return run(m, cmd, 0) })
}

func keyMsg(k string) tea.KeyPressMsg              { return tuitest.Key(k) }
func press(t testing.TB, m *Model, keys ...string) { t.Helper(); tuitest.Press(t, m, feed, keys...) }
func send(m *Model, msg tea.Msg) []tea.Msg         { return tuitest.Send(m, msg, feed) }
func run(m *Model, cmd tea.Cmd, _ int) []tea.Msg   { return tuitest.Run(m, cmd, feed) }
func screen(m *Model) string                       { return tuitest.Screen(m) }
func selectedEntry(m *Model) *shelf.Entry          { return m.shelf.Selected() }
func checkScreen(t testing.TB, m *Model, w, h int, where string) {
	t.Helper()
	tuitest.CheckScreen(t, m.View().Content, w, h, where)
}
