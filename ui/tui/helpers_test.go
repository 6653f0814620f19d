package tui

import (
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/render"
	"dubao/ui/state"
	"dubao/ui/styles"
	"dubao/ui/tui/bookmarks"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
	"dubao/ui/tui/reader"
)

// sample parses the repo's sample issue.
func sample(t testing.TB) *issue.Issue { return tuitest.Sample(t) }

// newModel returns a root model on is at w×h, with colours (dark).
func newModel(t testing.TB, is *issue.Issue, w, h int) *Model {
	t.Helper()
	return start(New(is, Options{Name: "test", Style: styles.Dark}), w, h)
}

// newStateModel returns a root model on the sample issue, with its
// reading state kept in store, at w×h.
func newStateModel(t testing.TB, store *state.Store, w, h int) *Model {
	t.Helper()
	m := New(sample(t), Options{Name: "sample", Key: sampleKey, Path: "/papers/sample.md", State: store, Style: styles.Dark})
	t.Cleanup(func() { _ = store.Flush() }) // before the state folder is removed
	return start(m, w, h)
}

// newShelfModel returns a root model showing s at w×h; store may be nil.
func newShelfModel(t testing.TB, s *shelf.Shelf, updates <-chan shelf.Update, store *state.Store, w, h int) *Model {
	t.Helper()
	m := New(nil, Options{Shelf: s, Indexing: updates, State: store, Style: styles.Dark})
	m.shelf.SetSearchPause(0) // the pause's tick is not fed back: no wait for it
	if store != nil {
		t.Cleanup(func() { _ = store.Flush() }) // before the state folder is removed
	}
	if updates == nil { // else Init would wait for the indexing's first update
		run(m, m.Init(), 0)
	}
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// start runs m's initial commands and gives it the size w×h.
func start(m *Model, w, h int) *Model {
	run(m, m.Init(), 0)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// feed reports the messages the program gives back to the root: those
// between pages and the results of their background work, not the
// timers' ticks nor the shelf search's batches (which stream feeds).
func feed(msg tea.Msg) bool {
	if tick(msg) || isBatch(msg) {
		return false
	}
	switch msg.(type) {
	case common.Routed, common.OpenMsg, common.BackMsg, common.StepIssueMsg, common.NoticeMsg,
		common.ErrorMsg, common.ShowBookmarksMsg, leaveErrorMsg,
		bookmarks.OpenMsg, bookmarks.DropMsg, bookmarks.LeaveMsg:
		return true
	}
	return false
}

func keyMsg(k string) tea.KeyPressMsg { return tuitest.Key(k) }
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	tuitest.Press(t, m, feed, keys...)
}
func send(m *Model, msg tea.Msg) []tea.Msg       { return tuitest.Send(m, msg, feed) }
func run(m *Model, cmd tea.Cmd, _ int) []tea.Msg { return tuitest.Run(m, cmd, feed) }
func screen(m *Model) string                     { return tuitest.Screen(m) }
func readerOf(m *Model) *reader.Page             { return m.reader }

// msgName is the name of msg's type: the pages' own messages are not
// exported.
func msgName(msg tea.Msg) string { return reflect.TypeOf(msg).String() }

// tick reports a timer's message (the shelf prompt's pause).
func tick(msg tea.Msg) bool {
	return msgName(msg) == "shelf.searchTickMsg"
}

// isBatch reports a message of results of the shelf's search.
func isBatch(msg tea.Msg) bool { return msgName(msg) == "shelf.batchMsg" }

// stream feeds the batch messages among msgs back to m, and those that
// follow (see tuitest.Stream).
func stream(_ testing.TB, m *Model, msgs []tea.Msg, steps int) int {
	return tuitest.Stream(m, msgs, steps, isBatch, func(cmd tea.Cmd) []tea.Msg { return run(m, cmd, 0) })
}

// checkScreen checks that the view fits w×h.
func checkScreen(t testing.TB, m *Model, w, h int, where string) {
	t.Helper()
	tuitest.CheckScreen(t, m.View().Content, w, h, where)
}

// checkPos reports whether m's reader shows pos on its first line (or
// as near the top as the end of the article allows), as a reader opened
// at pos does.
func checkPos(t *testing.T, m *Model, pos issue.Pos, where string) {
	t.Helper()
	r := m.reader
	a := r.Article()
	if a == nil {
		t.Fatalf("%s: no article", where)
	}
	g := common.NewGeom(m.width, m.height, r.ReadingMeasure())
	lay := render.New(m.st).Layout(a, render.Options{Width: g.TextW, AmbiguousWide: m.ambWide, FullWidthPunct: m.fullPunct, IndentOnly: m.indentOnly})
	want := lay.LocOf(pos)
	if mt := lay.MaxTop(g.BodyH); mt.Before(want) {
		want = mt
	}
	if _, top := r.Position(); lay.LocOf(top) != want {
		t.Errorf("%s: top %v, want the line of %v (at %v)", where, top, pos, lay.PosOf(want))
	}
}
