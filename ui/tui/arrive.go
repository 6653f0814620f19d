package tui

import (
	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/ui/state"
	"dubao/ui/tui/common"
)

// Arrival is Run's issue read again while it still arrives (dubao URL
// fetching a day: the reader opens on the first page, and the headlines
// and articles fill in as the rest lands), sent on Options.Arrivals.
type Arrival struct {
	// Issue is the issue with what has arrived so far; nil when it could
	// not be read (the last one read stays).
	Issue *issue.Issue
	// Status is what the status line shows while the issue arrives
	// (正在下载 7/20版 · 63篇), then, with Done, what arrived (已下载
	// 20版 · 120篇) or what could not (Failed).
	Status string
	// Done says the issue is all in (the last arrival); Failed that some
	// of it could not be had.
	Done, Failed bool
	// Key is the issue's key once Done (its reading state is kept under
	// it from then on); "" before, as the content still changes.
	Key string
	// Resume, on the last arrival, opens the article the reading state
	// remembers as read last, at its place, as opening the issue does —
	// unless the reader has moved since it opened (the start of a large
	// issue shown while the rest is parsed: see shelf.Preview).
	Resume bool
}

// arrivalMsg carries an arrival; ok is false when the channel is closed.
type arrivalMsg struct {
	a  Arrival
	ok bool
}

// waitArrival waits for the next arrival.
func waitArrival(ch <-chan Arrival) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		a, ok := <-ch
		return arrivalMsg{a, ok}
	}
}

// arrive shows an arrival in the reader, when it still shows the issue
// that arrives (not another one opened since from a bookmark), and waits
// for the next one. The last binds the reading state to the issue.
func (m *Model) arrive(msg arrivalMsg) tea.Cmd {
	if !msg.ok {
		return nil
	}
	a := msg.a
	var next tea.Cmd
	if !a.Done {
		next = waitArrival(m.opt.Arrivals)
	}
	if m.reader == nil || m.reader.Issue() != m.arriving {
		return next
	}
	var st *state.Issue
	if a.Done && a.Key != "" && a.Issue != nil {
		st, _ = m.stateOf(common.OpenMsg{Issue: a.Issue, Name: m.opt.Name, Key: a.Key, Path: m.opt.Path})
	}
	cmd := m.reader.Arrive(a.Issue, a.Status, a.Done, a.Failed, a.Key, st, a.Resume)
	if a.Issue != nil {
		m.arriving = a.Issue
		m.title = common.WindowTitle(a.Issue, m.opt.Name, m.opt.Path)
	}
	return tea.Batch(cmd, next)
}
