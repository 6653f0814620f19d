package tui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/issue/textsafe"
	"dubao/ui/state"
	"dubao/ui/tui/bookmarks"
	"dubao/ui/tui/common"
)

// The root's part in the bookmarks (ui/tui/bookmarks lists them): it
// keeps the reading state of the issues opened, so it removes a bookmark,
// and it opens one, in the reader or from the shelf or its file.

// loadBookmarks reads the bookmarks of every issue in the background (see
// bookmarks.Load).
func (m *Model) loadBookmarks() tea.Cmd {
	opened := make([]*state.Issue, 0, len(m.states))
	for _, st := range m.states {
		opened = append(opened, st)
	}
	return bookmarks.Load(m.store, opened)
}

// openBookmark opens the issue of a bookmark at its article and place:
// the issue in the reader, one on the shelf, or the file it was last
// read from.
func (m *Model) openBookmark(b state.Bookmark) tea.Cmd {
	var back *common.OpenMsg
	if r := m.reader; r != nil && m.before == showReader {
		here := r.Place()
		back = &here
	}
	return withBack(m.bookmarkCmd(b), back)
}

// withBack makes the OpenMsg that cmd gives return to back on esc or
// backspace.
func withBack(cmd tea.Cmd, back *common.OpenMsg) tea.Cmd {
	if back == nil {
		return cmd
	}
	return func() tea.Msg {
		msg := cmd()
		if o, ok := msg.(common.OpenMsg); ok {
			o.Back = back
			return o
		}
		return msg
	}
}

// bookmarkCmd reads the issue of bookmark b and opens it at its article
// and place.
func (m *Model) bookmarkCmd(b state.Bookmark) tea.Cmd {
	if m.reader != nil {
		if msg := m.reader.Place(); msg.Key == b.Key {
			msg.Article, msg.Pos = b.N, b.Pos
			return common.Send(msg)
		}
	}
	if m.shelf != nil {
		if cmd := m.shelf.OpenKey(b.Key, b.N, b.Pos); cmd != nil {
			return cmd
		}
	}
	if b.Path == "" {
		return common.Send(common.NoticeMsg{Text: "这一期不知道从哪里打开(它读自标准输入或内置样刊)", Err: true})
	}
	load := m.opt.OpenPath
	if load == nil {
		load = func(p string) (*shelf.Loaded, error) { return shelf.Load(p, shelf.Options{}) }
	}
	return func() tea.Msg {
		l, err := load(b.Path)
		if err != nil {
			return common.ErrorMsg{Name: b.Path, Err: err}
		}
		if l.Key != b.Key {
			return common.ErrorMsg{Name: b.Path, Err: errors.New("这个文件的内容变了，已不是加书签时的那一期")}
		}
		return common.OpenMsg{Issue: l.Issue, Name: common.WindowTitle(l.Issue, b.Path, b.Path), Key: l.Key, Path: b.Path, Article: b.N, Pos: b.Pos}
	}
}

// dropBookmark removes a bookmark and lists the bookmarks again.
func (m *Model) dropBookmark(b state.Bookmark) tea.Cmd {
	st := m.states[b.Key]
	if st == nil {
		var err error
		if st, err = m.store.Load(b.Key); err != nil {
			return common.Send(common.NoticeMsg{Text: err.Error(), Err: true})
		}
		m.states[b.Key] = st
	}
	if st.IsBookmarked(b.N) {
		st.ToggleBookmark(b.N, b.Title, time.Now())
	}
	notice := common.NoticeMsg{Text: fmt.Sprintf("已删除书签：第%d篇 %s", b.N, textsafe.Line(b.Title))}
	if why := m.saveNow(st); why != "" {
		notice = common.NoticeMsg{Text: notice.Text + "，但保存不了，只在本次有效：" + why, Err: true}
	}
	return tea.Batch(common.Send(notice), m.loadBookmarks())
}
