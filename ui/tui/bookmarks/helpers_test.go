package bookmarks

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/state"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// Model stands in for the root model (ui/tui) in the tests of the list of
// bookmarks: it gives the list the terminal size and every message, and
// keeps what the list asks of the root instead of doing it.
type Model struct {
	marks         *Page
	width, height int
	asked         []tea.Msg // OpenMsg, DropMsg, LeaveMsg
}

// newStateModel returns the list of the bookmarks saved in store, at w×h.
func newStateModel(t testing.TB, store *state.Store, w, h int) *Model {
	t.Helper()
	t.Cleanup(func() { _ = store.Flush() }) // before the state folder is removed
	m := &Model{marks: New(tuitest.Env(), 80, 24), width: 80, height: 24}
	run(m, Load(store, nil))
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// Init starts nothing.
func (m *Model) Init() tea.Cmd { return nil }

// Update gives the list a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		_, cmd := m.marks.Update(common.SizeMsg{Width: m.width, Height: m.height})
		return m, cmd
	case OpenMsg, DropMsg, LeaveMsg:
		m.asked = append(m.asked, msg)
		return m, nil
	}
	_, cmd := m.marks.Update(msg)
	return m, cmd
}

// View draws the list as the root does.
func (m *Model) View() tea.View { return tuitest.PageView(m.marks.View(), nil, m.width, m.height) }

// feed reports the messages the program gives back to the list.
func feed(msg tea.Msg) bool {
	switch msg.(type) {
	case listMsg, OpenMsg, DropMsg, LeaveMsg, common.NoticeMsg:
		return true
	}
	return false
}

func press(t testing.TB, m *Model, keys ...string) { t.Helper(); tuitest.Press(t, m, feed, keys...) }
func run(m *Model, cmd tea.Cmd) []tea.Msg          { return tuitest.Run(m, cmd, feed) }
func screen(m *Model) string                       { return tuitest.Screen(m) }
func checkScreen(t testing.TB, m *Model, w, h int, where string) {
	t.Helper()
	tuitest.CheckScreen(t, m.View().Content, w, h, where)
}
