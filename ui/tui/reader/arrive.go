package reader

import (
	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/ui/render"
	"dubao/ui/state"
	"dubao/ui/tui/common"
)

// Arrive shows is, the issue read again while it still arrives (dubao URL
// fetching a day: the headlines of the pages in so far, then the articles
// as they land), in place of the one shown, where the reader is: the same
// article (found by its headline, else by its number) at the same
// position, the same pane, the headline list where it was. A search shown
// is dropped (its matches were in the old issue). status is the words
// the status line shows first while the issue arrives; done says it is
// all in: status is then shown as a message (an error when failed is
// set: some of it could not be had), and the reading state st is bound
// to the issue under key (nil and "": nothing is remembered); with resume,
// the reader then opens the article st remembers as read last, at its
// place, unless it has been moved since it opened (see resume).
func (r *Page) Arrive(is *issue.Issue, status string, done, failed bool, key string, st *state.Issue, resume bool) tea.Cmd {
	var cmd tea.Cmd
	if is != nil && is != r.is {
		r.replace(is)
		cmd = r.Init()
	}
	r.arriving = status
	if done {
		r.arriving = ""
		r.note = common.Status{Text: status, Err: failed}
		r.issueKey, r.state = key, st
		if resume {
			r.resume(st)
		}
		r.markRead()
	}
	return cmd
}

// resume opens the article st remembers as read last, at its place, as
// New does for an issue opened with its state — unless a key or the
// mouse has moved the reader since it opened: the reader then stays.
func (r *Page) resume(st *state.Issue) {
	if r.moved || st == nil || st.Last == 0 {
		return
	}
	i := r.indexOf(st.Last)
	if i < 0 {
		return
	}
	r.cur, r.jumpNext, r.focus = i, 0, focusArticle
	r.lay, r.top = nil, render.Loc{}
	r.relayout()
	if pos := st.Position(st.Last); pos != (issue.Pos{}) && r.lay != nil {
		r.top = r.clampTop(r.lay.LocOf(pos))
	}
	r.ensureListVisible()
	r.startShown(-1, false)
}

// replace puts is in place of the issue shown, keeping the reader's place.
func (r *Page) replace(is *issue.Issue) {
	var (
		headline string
		n        int
		pos      issue.Pos
	)
	if a := r.Article(); a != nil {
		headline = a.Headline()
		n, pos = r.Position()
	}
	r.is = is
	r.index()
	cur := -1
	if headline != "" {
		for i, a := range r.arts {
			if a.Headline() == headline {
				cur = i
				break
			}
		}
	}
	same := cur >= 0
	if !same {
		cur = r.indexOf(n)
	}
	r.cur = min(max(cur, 0), max(len(r.arts)-1, 0))
	r.lay, r.top = nil, render.Loc{}
	r.charCount, r.counted = nil, false
	r.script.shown = nil // the articles as shown, by index: of the issue before
	r.history, r.jumpNext = nil, 0
	if r.search.active() || r.search.running != "" {
		r.search = searchState{id: r.search.id + 1} // a search still running is stale
	}
	r.regeom()
	r.relayout()
	if same && pos != (issue.Pos{}) && r.lay != nil {
		r.top = r.clampTop(r.lay.LocOf(pos))
	}
	r.ensureListVisible()
}
