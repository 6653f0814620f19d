package reader

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/ui/render"
	"dubao/ui/tui/common"
)

// The reader's reading state (ui/state): where reading stopped in each
// article and which article was read last, which articles were read, and
// the bookmarks. An article counts as read once it is shown with the
// article pane focused. The state is saved (in the background) when the
// article changes and when the reader is left.

// trackState updates the reading state after a message: when the current
// article changed from before (its layout lay, scrolled to top, before the
// message), the place reached in the article left is remembered and saved.
// It returns a message for the status line when saving failed.
func (r *Page) trackState(before int, lay *render.Layout, top render.Loc) string {
	if r.state == nil {
		return ""
	}
	note := ""
	if r.cur != before && before >= 0 && before < len(r.arts) {
		a := r.arts[before]
		var pos issue.Pos
		if lay != nil && lay.Article() == a {
			pos = lay.PosOf(top)
		}
		r.state.SetPosition(a.N, a.Headline(), pos)
		if cur := r.Article(); cur != nil {
			r.state.SetLast(cur.N)
		}
		note = r.env.Save(r.state)
	}
	r.markRead()
	return note
}

// markRead marks the current article read when the article pane has the
// focus.
func (r *Page) markRead() {
	a := r.Article()
	if r.state == nil || a == nil || r.focus != focusArticle || r.state.IsRead(a.N) {
		return
	}
	r.state.SetRead(a.N, a.Headline(), true)
}

// rememberPlace records where reading is in the current article, makes it
// the last one read and saves the state (when the reader is left).
func (r *Page) rememberPlace() {
	a := r.Article()
	if r.state == nil || a == nil {
		return
	}
	n, pos := r.Position()
	r.state.SetPosition(n, a.Headline(), pos)
	r.env.Save(r.state)
}

// isUnread reports whether article i is to be marked unread in the list.
func (r *Page) isUnread(i int) bool {
	return r.state != nil && !r.state.IsRead(r.arts[i].N)
}

// isBookmarked reports whether article i is bookmarked.
func (r *Page) isBookmarked(i int) bool {
	return r.state != nil && r.state.IsBookmarked(r.arts[i].N)
}

// nextUnread shows the next article not read yet, going round to the
// first (U).
func (r *Page) nextUnread() {
	a := r.Article()
	if r.state == nil || a == nil {
		return
	}
	n := r.state.NextUnread(r.is, a.N)
	switch {
	case n == 0:
		r.msg = "本期文章都读过了"
	case n == a.N:
		r.msg = "没有别的未读文章"
	default:
		r.show(r.indexOf(n))
		r.msg = fmt.Sprintf("未读：第%d篇", n)
	}
}

// toggleBookmark bookmarks the current article where reading is, or
// removes its bookmark (m), and saves the state at once.
func (r *Page) toggleBookmark() {
	a := r.Article()
	if r.state == nil || a == nil {
		return
	}
	n, pos := r.Position()
	r.state.SetPosition(n, a.Headline(), pos)
	if r.state.ToggleBookmark(n, a.Headline(), time.Now()) {
		r.msg = fmt.Sprintf("★ 第%d篇已加书签(M 看全部书签)", n)
	} else {
		r.msg = fmt.Sprintf("第%d篇的书签已删除", n)
	}
	if note := r.env.Save(r.state); note != "" {
		r.msg, r.msgErr = note, true
	}
}

// stepIssue asks the shelf for the previous (dir −1) or next (+1) day of
// the paper (< and >).
func (r *Page) stepIssue(dir int) tea.Cmd {
	if !r.shelved {
		r.msg = "不在书架中，没有前一期、后一期"
		return nil
	}
	r.rememberPlace()
	msg := common.StepIssueMsg{Key: r.issueKey, Entry: r.entry, Dir: dir}
	return func() tea.Msg { return msg }
}

// searchAt searches the issue for q, as / does, with the match in
// article n at pos (or the first after it) as the current one: a result
// of the shelf's search opens at its match.
func (r *Page) searchAt(q string, n int, pos issue.Pos) {
	matches, _ := findMatches(r.arts, q)
	if len(matches) == 0 {
		return
	}
	s := &r.search
	s.query, s.matches, s.cur, s.list, s.marksHave = q, matches, 0, common.Scroller{}, false
	found := false
	for i, m := range matches {
		if m.N == n && (m.Piece > pos.Piece || m.Piece == pos.Piece && m.Start >= pos.Offset) {
			s.cur, found = i, true
			break
		}
	}
	if !found {
		for i, m := range matches {
			if m.N == n {
				s.cur = i
				break
			}
		}
	}
	r.buildResultRows()
	r.showMatch()
	r.focus = focusArticle
}
