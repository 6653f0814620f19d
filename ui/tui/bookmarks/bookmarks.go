// Package bookmarks is the page that lists the bookmarks of every issue
// (M), newest first. It reads them in the background (Load) and asks the
// root, which keeps the reading state, to open one (OpenMsg), remove one
// (DropMsg) or go back (LeaveMsg).
package bookmarks

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"dubao/issue/textsafe"
	"dubao/ui/state"
	"dubao/ui/tui/common"
)

// Page lists the bookmarks of every issue (M), newest first:
// enter opens one, m removes it, esc goes back.
type Page struct {
	env    common.Env
	keys   common.KeyMap // its own copy: what is enabled is the list's
	list   []state.Bookmark
	loaded bool
	err    error

	width, height int
	g             common.Geom
	sel           int
	rows          common.Scroller
	help          bool
	helpRows      common.Help

	note common.Status // the status line's message, until the next key
}

// listMsg carries the bookmarks read from the reading state.
type listMsg struct {
	list []state.Bookmark
	err  error
}

// RouteTo routes the message to the bookmarks, whatever page is shown.
func (listMsg) RouteTo() common.PageID { return common.BookmarksPage }

// OpenMsg asks the root to open a bookmark.
type OpenMsg struct{ Bookmark state.Bookmark }

// DropMsg asks the root to remove a bookmark (and Load them again).
type DropMsg struct{ Bookmark state.Bookmark }

// LeaveMsg goes back from the bookmarks to the page before.
type LeaveMsg struct{}

// Load reads the bookmarks of every issue in the background: from the
// state files of store once what is being saved is written, or, when
// nothing is saved (--no-state), from opened, the issues read in this run.
func Load(store *state.Store, opened []*state.Issue) tea.Cmd {
	// The issues opened in this run are listed as this run knows them —
	// with the bookmarks a failed save kept for the session only.
	var mine []state.Bookmark
	keys := map[string]bool{}
	for _, st := range opened {
		mine = append(mine, st.BookmarkList()...)
		keys[st.Key] = true
	}
	if !store.Enabled() {
		state.SortBookmarks(mine)
		return common.Send(listMsg{list: mine})
	}
	return func() tea.Msg {
		ferr := store.Flush()
		saved, err := store.Bookmarks()
		list := mine
		for _, b := range saved {
			if !keys[b.Key] {
				list = append(list, b)
			}
		}
		state.SortBookmarks(list)
		return listMsg{list: list, err: joinErrors(ferr, err)}
	}
}

// joinErrors joins the errors that are not nil into one, said on one
// line ("a; b"), not errors.Join's one line each.
func joinErrors(errs ...error) error {
	var msgs []string
	for _, err := range errs {
		if err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}

// New returns the (empty) list of bookmarks, w×h, until Load's message
// comes.
func New(e common.Env, w, h int) *Page {
	p := &Page{env: e, keys: e.Keys}
	p.setSize(w, h)
	p.syncKeys()
	return p
}

func (p *Page) setSize(w, h int) {
	p.width, p.height = max(w, 0), max(h, 0)
	p.g = common.NewGeom(p.width, p.height, 1)
	p.ensureVisible()
}

// ensureVisible scrolls to the selected bookmark.
func (p *Page) ensureVisible() {
	p.rows.Show(p.sel, p.sel, len(p.list), p.g.BodyH)
}

// syncKeys enables the keys that do something here.
func (p *Page) syncKeys() {
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
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case common.SizeMsg:
		p.setSize(msg.Width, msg.Height)
	case common.StylesMsg:
		p.env.St = msg.Styles
	case common.NoticeMsg:
		p.note = common.Status(msg)
	case listMsg:
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
func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	p.note = common.Status{}
	k := &p.keys
	if common.Matches(msg, k.Interrupt) {
		return tea.Interrupt
	}
	if p.help {
		p.helpKey(msg)
		return nil
	}
	page := max(p.g.BodyH-1, 1)
	switch {
	case common.Matches(msg, k.Quit):
		return tea.Quit
	case common.Matches(msg, k.Help):
		p.help, p.helpRows.Top = true, 0
	case common.Matches(msg, k.Back, k.Bookmarks):
		return common.Send(LeaveMsg{})
	case common.Matches(msg, k.Open):
		if p.sel < len(p.list) {
			p.note.Set("正在打开…")
			return common.Send(OpenMsg{p.list[p.sel]})
		}
	case common.Matches(msg, k.Bookmark):
		if p.sel < len(p.list) {
			return common.Send(DropMsg{p.list[p.sel]})
		}
	default:
		p.sel, _ = common.Step(msg, k, p.sel, page, page, len(p.list)-1)
	}
	p.sel = min(max(p.sel, 0), max(len(p.list)-1, 0))
	p.ensureVisible()
	return nil
}

// helpKey scrolls the help (j/k, space/b, d/u, g/G) or closes it (any
// other key), as in the reader.
func (p *Page) helpKey(msg tea.KeyPressMsg) {
	p.help = p.helpRows.Key(msg, &p.keys, len(p.helpLines()), p.g.BodyH)
}

// helpLines lays out the help of the keys of the list.
func (p *Page) helpLines() []string {
	return common.HelpColumns(p.keys.ShelfHelp(), max(p.width-2, 1), p.env.St, p.env.AmbWide)
}

// View draws the bookmarks: a header, one line a bookmark, the status line.
func (p *Page) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	w, st := p.width, p.env.St
	lines := make([]string, 0, p.height)
	if p.g.MastH > 0 {
		head := common.Truncate(fmt.Sprintf(" 书签 · %d个", len(p.list)), w, p.env.AmbWide)
		lines = append(lines, st.Masthead.Render(common.Pad(head, w, p.env.AmbWide)))
	}
	body := make([]string, 0, p.g.BodyH)
	switch {
	case p.help:
		body = common.HelpOverlay(p.helpLines(), p.helpRows.Top, w, p.g.BodyH, &p.keys, st, p.env.AmbWide)
	case !p.loaded:
		body = append(body, " "+st.Kicker.Render(common.Truncate("正在读取书签…", w-1, p.env.AmbWide)))
	case len(p.list) == 0:
		body = append(body, " "+st.Kicker.Render(common.Truncate("还没有书签：读文章时按 "+common.Hint("加书签", p.keys.Bookmark), w-1, p.env.AmbWide)))
	}
	if !p.help {
		dateW, paperW, numW := p.columns()
		for i := p.rows.Top; i < len(p.list) && len(body) < p.g.BodyH; i++ {
			body = append(body, p.line(p.list[i], w, i == p.sel, dateW, paperW, numW))
		}
	}
	for len(body) < p.g.BodyH {
		body = append(body, "")
	}
	lines = append(lines, body[:p.g.BodyH]...)
	if p.g.StatusH > 0 {
		lines = append(lines, common.StatusLine(st, p.env.AmbWide, w, p.note, "",
			func(int) (string, lipgloss.Style) {
				if p.err != nil {
					return textsafe.Line(p.err.Error()), st.StatusError
				}
				k := &p.keys
				return strings.Join([]string{common.Hint("打开", k.Open), common.Hint("删除书签", k.Bookmark),
					common.Hint("返回", k.Back), common.Hint("帮助", k.Help)}, " · "), st.Status
			}))
	}
	return strings.Join(lines, "\n")
}

// bookmarkPaper names a bookmark's issue in the list: its paper, else the
// name the reader gave it, else the base name of its file.
func bookmarkPaper(b state.Bookmark) string {
	switch {
	case b.Paper != "":
		return textsafe.Line(b.Paper)
	case b.Name != "":
		return textsafe.Line(b.Name)
	}
	return common.BaseLabel(b.Path)
}

// minTitleW is the width (in columns) a bookmark's title keeps at least
// before the date and paper columns give way to it: four 汉字.
const minTitleW = 8

// columns returns the widths of the date, paper and number columns of the
// list: as wide as their widest cell (the paper column at most a third of
// the width), measured in terminal columns. When the titles would be left
// less than minTitleW, the date column is dropped (width 0), then the
// paper column narrowed to four columns, then dropped.
func (p *Page) columns() (dateW, paperW, numW int) {
	titleW := 0
	for _, b := range p.list {
		dateW = max(dateW, common.StringWidth(textsafe.Line(b.Date), p.env.AmbWide))
		paperW = max(paperW, common.StringWidth(bookmarkPaper(b), p.env.AmbWide))
		numW = max(numW, len(fmt.Sprint(b.N)))
		titleW = max(titleW, common.StringWidth(textsafe.Line(b.Title), p.env.AmbWide))
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
func (p *Page) line(b state.Bookmark, w int, sel bool, dateW, paperW, numW int) string {
	mark := " "
	if sel {
		mark = "▌"
	}
	cell := func(s string, cw int) string {
		return common.Pad(common.Truncate(s, cw, p.env.AmbWide), cw, p.env.AmbWide)
	}
	var cols []string
	if dateW > 0 {
		cols = append(cols, cell(textsafe.Line(b.Date), dateW))
	}
	if paperW > 0 {
		cols = append(cols, cell(bookmarkPaper(b), paperW))
	}
	head := mark + " " + strings.Join(cols, " ")
	if len(cols) > 0 {
		head += " "
	}
	head += fmt.Sprintf(" %*d ", numW, b.N)
	title := textsafe.Line(b.Title)
	if sel {
		return p.env.St.Selected.Render(common.Pad(common.Truncate(head+title, w, p.env.AmbWide), w, p.env.AmbWide))
	}
	head = common.Truncate(head, w, p.env.AmbWide)
	return p.env.St.Number.Render(head) + p.env.St.Headline.Render(common.Truncate(title, w-common.StringWidth(head, p.env.AmbWide), p.env.AmbWide))
}
