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
// the bookmarks. An article counts as read once its end has been shown, in
// either pane (beside the list too), or once it has been shown for
// readDwell; x marks it read or unread by hand (and an article marked
// unread stays so until another is shown), P every article of its page, A
// the whole issue. The state is saved (in the background) when the
// article changes, when marks are set by hand and when the reader is left.

// readDwell is how long an article is shown before it counts as read,
// though its end was not reached.
const readDwell = 4 * time.Second

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
		r.keepUnread = -1
	}
	if r.markRead() && note == "" {
		note = r.env.Save(r.state)
	}
	return note
}

// articleShown reports whether the current article's text is on the
// screen: beside the list, or in the article pane alone (the help or a
// command's output over it for a moment do not count).
func (r *Page) articleShown() bool {
	return r.Article() != nil && r.g.BodyH > 0 && (r.g.Wide || r.focus == focusArticle)
}

// startShown notes when the current article came on screen (its dwell
// time, see readDwell), after a message that may have changed the article
// (before) or whether it is shown (was).
func (r *Page) startShown(before int, was bool) {
	switch shown := r.articleShown(); {
	case !shown:
		r.shownAt = time.Time{}
	case r.cur != before || !was || r.shownAt.IsZero():
		r.shownAt = r.now()
	}
}

// markRead marks the current article read when its end is on screen or
// it has been shown for readDwell (not one marked unread by hand while it
// is still shown), and reports whether it did.
func (r *Page) markRead() bool {
	a := r.Article()
	if r.state == nil || a == nil || r.state.IsRead(a.N) || r.keepUnread == r.cur || !r.articleShown() {
		return false
	}
	dwelt := !r.shownAt.IsZero() && r.now().Sub(r.shownAt) >= readDwell
	if !r.atEnd() && !dwelt {
		return false
	}
	r.state.SetRead(a.N, a.Headline(), true)
	return true
}

// toggleRead marks the current article unread when it was read, else read
// (x); an article marked unread stays so while it is shown.
func (r *Page) toggleRead() {
	a := r.Article()
	if r.state == nil || a == nil {
		return
	}
	read := !r.state.IsRead(a.N)
	r.state.SetRead(a.N, a.Headline(), read)
	if read {
		r.keepUnread = -1
		r.note.Set(fmt.Sprintf("第%d篇已标为已读", a.N))
	} else {
		r.keepUnread = r.cur
		r.note.Set(fmt.Sprintf("第%d篇已标为未读", a.N))
	}
	if note := r.env.Save(r.state); note != "" {
		r.note.Fail(note)
	}
}

// markAllRead marks read every article of the current page (P, page
// true) or of the issue (A).
func (r *Page) markAllRead(page bool) {
	if r.state == nil || r.Article() == nil {
		return
	}
	n := 0
	for i, a := range r.arts {
		if page && r.sec[i] != r.sec[r.cur] {
			continue
		}
		if !r.state.IsRead(a.N) {
			r.state.SetRead(a.N, a.Headline(), true)
			n++
		}
	}
	r.keepUnread = -1
	switch {
	case page:
		r.note.Set(fmt.Sprintf("%s：%d篇标为已读", common.PageName(r.is, r.sec[r.cur]), n))
	default:
		r.note.Set(fmt.Sprintf("全期%d篇标为已读", n))
	}
	if note := r.env.Save(r.state); note != "" {
		r.note.Fail(note)
	}
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
		r.note.Set("本期文章都读过了")
	case n == a.N:
		r.note.Set("没有别的未读文章")
	default:
		r.show(r.indexOf(n))
		r.note.Set(fmt.Sprintf("未读：第%d篇", n))
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
	on := r.state.ToggleBookmark(n, a.Headline(), time.Now())
	if on {
		r.note.Set(fmt.Sprintf("★ 第%d篇已加书签(%s)", n, common.Hint("看全部书签", r.keys.Bookmarks)))
	} else {
		r.note.Set(fmt.Sprintf("第%d篇的书签已删除", n))
	}
	// Saved at once, so that the status says whether it is kept.
	save := r.env.SaveNow
	if save == nil {
		save = r.env.Save
	}
	if why := save(r.state); why != "" {
		what := fmt.Sprintf("★ 第%d篇已加书签", n)
		if !on {
			what = fmt.Sprintf("第%d篇的书签已删除", n)
		}
		r.note.Fail(what + "，但保存不了，只在本次有效：" + why)
	}
}

// stepIssue asks the shelf for the previous (dir −1) or next (+1) day of
// the paper (< and >).
func (r *Page) stepIssue(dir int) tea.Cmd {
	if !r.shelved {
		r.note.Set("不在书架中，没有前一期、后一期")
		return nil
	}
	r.rememberPlace()
	msg := common.StepIssueMsg{Key: r.issueKey, Entry: r.entry, Dir: dir, Read: -1}
	if r.state != nil {
		msg.Read = r.state.ReadCount(r.is)
	}
	return func() tea.Msg { return msg }
}

// searchAt searches the issue for q, as / does, with the match in
// article n at pos (or the first after it) as the current one: a result
// of the shelf's search opens at its match.
func (r *Page) searchAt(q string, n int, pos issue.Pos) {
	matches, _ := findMatches(r.arts, q, nil)
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
