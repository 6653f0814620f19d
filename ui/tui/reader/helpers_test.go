package reader

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// Model stands in for the root model (ui/tui) in the reader's tests: it
// gives the reader the terminal size and every message, opens a new reader
// for an OpenMsg, and ignores what asks for another page (there is none).
type Model struct {
	reader        *Page
	env           common.Env
	width, height int
}

// testEnv is the root's environment with the default configuration and
// the dark styles.
func testEnv() common.Env { return tuitest.Env() }

// newPage returns the stand-in on msg's issue, at the root's default
// size (80×24).
func newPage(msg common.OpenMsg, env common.Env) *Model {
	m := &Model{env: env, width: 80, height: 24}
	m.open(msg)
	return m
}

// open shows msg's issue in a new reader, as the root does.
func (m *Model) open(msg common.OpenMsg) {
	env := m.env
	if m.reader != nil {
		m.reader.Leave()
		env.Current = m.reader.ReadingMeasure()
	}
	m.reader = New(msg, env, nil, false, m.width, m.height)
}

// newModel returns the reader on is at w×h, with colours (dark).
func newModel(t testing.TB, is *issue.Issue, w, h int) *Model {
	t.Helper()
	m := newPage(common.OpenMsg{Issue: is, Name: "test"}, testEnv())
	run(m, m.Init(), 0)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// Init starts the reader's background work.
func (m *Model) Init() tea.Cmd { return m.reader.Init() }

// Update gives the reader a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		_, cmd := m.reader.Update(common.SizeMsg{Width: m.width, Height: m.height})
		return m, cmd
	case common.OpenMsg:
		m.open(msg)
		return m, m.reader.Init()
	case common.BackMsg, common.StepIssueMsg, common.ShowBookmarksMsg:
		return m, nil
	}
	_, cmd := m.reader.Update(msg)
	return m, cmd
}

// View draws the reader as the root does.
func (m *Model) View() tea.View {
	return tuitest.PageView(m.reader.View(), m.reader.Cursor(), m.width, m.height)
}

// feed reports the messages the program gives back to the reader.
func feed(msg tea.Msg) bool {
	switch msg.(type) {
	case searchDoneMsg, pipeDoneMsg, countsMsg, scriptDetectedMsg, common.BackMsg, common.OpenMsg, common.NoticeMsg,
		common.StepIssueMsg, common.ShowBookmarksMsg, common.ErrorMsg:
		return true
	}
	return false
}

func sample(t testing.TB) *issue.Issue             { return tuitest.Sample(t) }
func jumpIssue() *issue.Issue                      { return tuitest.JumpIssue() }
func keyMsg(k string) tea.KeyPressMsg              { return tuitest.Key(k) }
func press(t testing.TB, m *Model, keys ...string) { t.Helper(); tuitest.Press(t, m, feed, keys...) }
func send(m *Model, msg tea.Msg) []tea.Msg         { return tuitest.Send(m, msg, feed) }
func run(m *Model, cmd tea.Cmd, _ int) []tea.Msg   { return tuitest.Run(m, cmd, feed) }
func screen(m *Model) string                       { return tuitest.Screen(m) }
func reader(m *Model) *Page                        { return m.reader }
func checkScreen(t testing.TB, m *Model, w, h int, where string) {
	t.Helper()
	tuitest.CheckScreen(t, m.View().Content, w, h, where)
}
