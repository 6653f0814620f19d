package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/ui/render"
	"dubao/ui/state"
)

// bookmarksPage lists the bookmarks of every issue (M), newest first:
// enter opens one, m removes it, esc goes back.
type bookmarksPage struct {
	env
	keys   KeyMap
	list   []state.Bookmark
	loaded bool
	err    error

	width, height int
	g             geom
	sel, top      int
	help          bool
	helpTop       int

	msg    string
	msgErr bool
}

// bookmarksMsg carries the bookmarks read from the reading state.
type bookmarksMsg struct {
	list []state.Bookmark
	err  error
}

// openBookmarkMsg asks the root to open a bookmark.
type openBookmarkMsg struct{ b state.Bookmark }

// dropBookmarkMsg asks the root to remove a bookmark.
type dropBookmarkMsg struct{ b state.Bookmark }

// leaveBookmarksMsg goes back from the bookmarks to the page before.
type leaveBookmarksMsg struct{}

func newBookmarksPage(e env, w, h int) *bookmarksPage {
	p := &bookmarksPage{env: e, keys: *e.keys}
	p.setSize(w, h)
	p.syncKeys()
	return p
}

func (p *bookmarksPage) setSize(w, h int) {
	p.width, p.height = max(w, 0), max(h, 0)
	p.g = computeGeom(p.width, p.height, 1)
	p.ensureVisible()
}

// ensureVisible scrolls to the selected bookmark.
func (p *bookmarksPage) ensureVisible() {
	h := p.g.bodyH
	if h <= 0 {
		return
	}
	if p.sel < p.top {
		p.top = p.sel
	}
	if p.sel >= p.top+h {
		p.top = p.sel - h + 1
	}
	p.top = min(max(p.top, 0), max(len(p.list)-h, 0))
}

// syncKeys enables the keys that do something here.
func (p *bookmarksPage) syncKeys() {
	k := &p.keys
	k.Open.SetEnabled(len(p.list) > 0)
	k.Bookmark.SetEnabled(len(p.list) > 0)
	k.Back.SetEnabled(true)
	k.Bookmarks.SetEnabled(true)
	k.NextPage.SetEnabled(false)
	k.PrevPage.SetEnabled(false)
	k.Search.SetEnabled(false)
	k.Skipped.SetEnabled(false)
}

// Update handles a message.
func (p *bookmarksPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case SizeMsg:
		p.setSize(msg.Width, msg.Height)
	case StylesMsg:
		p.st = msg.Styles
	case NoticeMsg:
		p.msg, p.msgErr = msg.Text, msg.Err
	case bookmarksMsg:
		p.list, p.err, p.loaded = msg.list, msg.err, true
		p.sel = min(p.sel, max(len(p.list)-1, 0))
		p.ensureVisible()
		p.syncKeys()
	case tea.KeyPressMsg:
		cmd := p.key(msg)
		p.syncKeys()
		return p, cmd
	}
	return p, nil
}

// key handles a key press.
func (p *bookmarksPage) key(msg tea.KeyPressMsg) tea.Cmd {
	p.msg, p.msgErr = "", false
	k := &p.keys
	if key.Matches(msg, k.Interrupt) {
		return tea.Interrupt
	}
	if p.help {
		p.helpKey(msg)
		return nil
	}
	send := func(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }
	page := max(p.g.bodyH-1, 1)
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		p.help, p.helpTop = true, 0
	case key.Matches(msg, k.Back, k.Bookmarks):
		return send(leaveBookmarksMsg{})
	case key.Matches(msg, k.Open):
		if p.sel < len(p.list) {
			p.msg = "正在打开…"
			return send(openBookmarkMsg{p.list[p.sel]})
		}
	case key.Matches(msg, k.Bookmark):
		if p.sel < len(p.list) {
			return send(dropBookmarkMsg{p.list[p.sel]})
		}
	default:
		p.sel, _ = scrollStep(msg, k, p.sel, page, page, len(p.list)-1)
	}
	p.sel = min(max(p.sel, 0), max(len(p.list)-1, 0))
	p.ensureVisible()
	return nil
}

// helpKey scrolls the help (j/k, space/b, d/u, g/G) or closes it (any
// other key), as in the reader.
func (p *bookmarksPage) helpKey(msg tea.KeyPressMsg) {
	top, scrolled := helpScroll(msg, &p.keys, p.helpTop, len(p.helpLines()), p.g.bodyH)
	p.helpTop, p.help = top, scrolled
}

// helpLines lays out the help of the keys of the list.
func (p *bookmarksPage) helpLines() []string {
	return helpColumns(p.keys.ShelfHelp(), max(p.width-2, 1), p.st, p.ambWide)
}

// View draws the bookmarks: a header, one line a bookmark, the status line.
func (p *bookmarksPage) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	w, st := p.width, p.st
	lines := make([]string, 0, p.height)
	if p.g.mastH > 0 {
		head := truncate(fmt.Sprintf(" 书签 · %d个", len(p.list)), w, p.ambWide)
		lines = append(lines, st.Masthead.Render(pad(head, w, p.ambWide)))
	}
	body := make([]string, 0, p.g.bodyH)
	switch {
	case p.help:
		body = helpOverlay(p.helpLines(), p.helpTop, w, p.g.bodyH, st, p.ambWide)
	case !p.loaded:
		body = append(body, " "+st.Kicker.Render(truncate("正在读取书签…", w-1, p.ambWide)))
	case len(p.list) == 0:
		body = append(body, " "+st.Kicker.Render(truncate("还没有书签：读文章时按 m 加书签", w-1, p.ambWide)))
	}
	if !p.help {
		dateW, paperW, numW := p.columns()
		for i := p.top; i < len(p.list) && len(body) < p.g.bodyH; i++ {
			body = append(body, p.line(p.list[i], w, i == p.sel, dateW, paperW, numW))
		}
	}
	for len(body) < p.g.bodyH {
		body = append(body, "")
	}
	lines = append(lines, body[:p.g.bodyH]...)
	if p.g.statusH > 0 {
		var left string
		switch {
		case p.msg != "" && p.msgErr:
			left = st.StatusError.Render(truncate(render.Clean(p.msg), w, p.ambWide))
		case p.msg != "":
			left = st.StatusInfo.Render(truncate(render.Clean(p.msg), w, p.ambWide))
		case p.err != nil:
			left = st.StatusError.Render(truncate(render.Clean(p.err.Error()), w, p.ambWide))
		default:
			left = st.Status.Render(truncate("enter 打开 · m 删除书签 · esc 返回 · ? 帮助", w, p.ambWide))
		}
		lines = append(lines, left)
	}
	return strings.Join(lines, "\n")
}

// bookmarkPaper names a bookmark's issue in the list: its paper, else the
// name the reader gave it, else the base name of its file.
func bookmarkPaper(b state.Bookmark) string {
	switch {
	case b.Paper != "":
		return render.Clean(b.Paper)
	case b.Name != "":
		return render.Clean(b.Name)
	}
	return baseLabel(b.Path)
}

// minTitleW is the width (in columns) a bookmark's title keeps at least
// before the date and paper columns give way to it: four 汉字.
const minTitleW = 8

// columns returns the widths of the date, paper and number columns of the
// list: as wide as their widest cell (the paper column at most a third of
// the width), measured in terminal columns. When the titles would be left
// less than minTitleW, the date column is dropped (width 0), then the
// paper column narrowed to four columns, then dropped.
func (p *bookmarksPage) columns() (dateW, paperW, numW int) {
	titleW := 0
	for _, b := range p.list {
		dateW = max(dateW, stringWidth(render.Clean(b.Date), p.ambWide))
		paperW = max(paperW, stringWidth(bookmarkPaper(b), p.ambWide))
		numW = max(numW, len(fmt.Sprint(b.N)))
		titleW = max(titleW, stringWidth(render.Clean(b.Title), p.ambWide))
	}
	paperW = min(paperW, max(p.width/3, 4))
	room := func() int { return p.width - headWidth(dateW, paperW, numW) }
	need := min(titleW, minTitleW)
	if room() < need {
		dateW = 0
	}
	if room() < need {
		paperW = min(paperW, max(paperW-(need-room()), 4))
	}
	if room() < need {
		paperW = 0
	}
	return dateW, paperW, numW
}

// headWidth is the width of a bookmark's line before its title: the mark,
// the date, paper and number columns (a column of width 0 is left out).
func headWidth(dateW, paperW, numW int) int {
	w := 2 + 2 + numW + 1
	if dateW > 0 {
		w += dateW + 1
	}
	if paperW > 0 {
		w += paperW + 1
	}
	return w - 1
}

// line draws one bookmark in aligned columns: 2024-03-08 星河日报  3 标题;
// a column of width 0 is left out.
func (p *bookmarksPage) line(b state.Bookmark, w int, sel bool, dateW, paperW, numW int) string {
	mark := " "
	if sel {
		mark = "▌"
	}
	cell := func(s string, cw int) string {
		return pad(truncate(s, cw, p.ambWide), cw, p.ambWide)
	}
	var cols []string
	if dateW > 0 {
		cols = append(cols, cell(render.Clean(b.Date), dateW))
	}
	if paperW > 0 {
		cols = append(cols, cell(bookmarkPaper(b), paperW))
	}
	head := mark + " " + strings.Join(cols, " ")
	if len(cols) > 0 {
		head += " "
	}
	head += fmt.Sprintf(" %*d ", numW, b.N)
	title := render.Clean(b.Title)
	if sel {
		return p.st.Selected.Render(pad(truncate(head+title, w, p.ambWide), w, p.ambWide))
	}
	head = truncate(head, w, p.ambWide)
	return p.st.Number.Render(head) + p.st.Headline.Render(truncate(title, w-stringWidth(head, p.ambWide), p.ambWide))
}

// loadBookmarks reads the bookmarks of every issue in the background:
// from the state files once what is being saved is written, or, when
// nothing is saved (--no-state), from the issues read in this run.
func (m *Model) loadBookmarks() tea.Cmd {
	if !m.store.Enabled() {
		var list []state.Bookmark
		for _, st := range m.states {
			list = append(list, st.BookmarkList()...)
		}
		state.SortBookmarks(list)
		return func() tea.Msg { return bookmarksMsg{list: list} }
	}
	store := m.store
	return func() tea.Msg {
		ferr := store.Flush()
		list, err := store.Bookmarks()
		return bookmarksMsg{list: list, err: errors.Join(ferr, err)}
	}
}

// openBookmark opens the issue of a bookmark at its article and place:
// the issue in the reader, one on the shelf, or the file it was last
// read from.
func (m *Model) openBookmark(b state.Bookmark) tea.Cmd {
	var back *OpenMsg
	if r := m.reader; r != nil && m.before == showReader {
		back = r.place()
	}
	return withBack(m.bookmarkCmd(b), back)
}

// withBack makes the OpenMsg that cmd gives return to back on esc or
// backspace.
func withBack(cmd tea.Cmd, back *OpenMsg) tea.Cmd {
	if back == nil {
		return cmd
	}
	return func() tea.Msg {
		msg := cmd()
		if o, ok := msg.(OpenMsg); ok {
			o.back = back
			return o
		}
		return msg
	}
}

// bookmarkCmd reads the issue of bookmark b and opens it at its article
// and place.
func (m *Model) bookmarkCmd(b state.Bookmark) tea.Cmd {
	if r := m.reader; r != nil && r.issueKey == b.Key {
		msg := OpenMsg{Issue: r.is, Name: r.name, Key: r.issueKey, Path: r.path, Entry: r.entry, Article: b.N, Pos: b.Pos}
		return func() tea.Msg { return msg }
	}
	if m.shelf != nil {
		if e := m.shelf.lookup(b.Key, nil); e != nil {
			return m.shelf.open(e, b.N, b.Pos, "")
		}
	}
	if b.Path == "" {
		return func() tea.Msg {
			return NoticeMsg{Text: "这一期不知道从哪里打开(它读自标准输入或内置样刊)", Err: true}
		}
	}
	load := m.opt.OpenPath
	if load == nil {
		load = func(p string) (*shelf.Loaded, error) { return shelf.Load(p, shelf.Options{}) }
	}
	return func() tea.Msg {
		l, err := load(b.Path)
		if err != nil {
			return ErrorMsg{Name: b.Path, Err: err}
		}
		if l.Key != b.Key {
			return ErrorMsg{Name: b.Path, Err: errors.New("这个文件的内容变了，已不是加书签时的那一期")}
		}
		return OpenMsg{Issue: l.Issue, Name: windowTitle(l.Issue, b.Path, b.Path), Key: l.Key, Path: b.Path, Article: b.N, Pos: b.Pos}
	}
}

// dropBookmark removes a bookmark and lists the bookmarks again.
func (m *Model) dropBookmark(b state.Bookmark) tea.Cmd {
	st := m.states[b.Key]
	if st == nil {
		var err error
		if st, err = m.store.Load(b.Key); err != nil {
			return func() tea.Msg { return NoticeMsg{Text: err.Error(), Err: true} }
		}
		m.states[b.Key] = st
	}
	if st.IsBookmarked(b.N) {
		st.ToggleBookmark(b.N, b.Title, time.Now())
	}
	note := m.save(st)
	if m.marks != nil {
		m.marks.msg, m.marks.msgErr = fmt.Sprintf("已删除书签：第%d篇 %s", b.N, render.Clean(b.Title)), false
		if note != "" {
			m.marks.msg, m.marks.msgErr = note, true
		}
	}
	return m.loadBookmarks()
}
