// Package reader is the reader page of the full-screen program: the
// masthead, the headline list grouped by page beside the article pane
// (laid out by ui/render), and the status line, on one issue; with the
// search of the issue and its results, the jump lines followed (o), the
// reading state (read marks, bookmarks), the mouse, the help and the
// output of a | command. The root (ui/tui) makes one for each issue
// opened (New) and routes its background results (search, character
// counts, the command) back to it.
package reader

import (
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/search"
	"dubao/issue/shelf"
	"dubao/issue/textsafe"
	"dubao/ui/config"
	"dubao/ui/render"
	"dubao/ui/state"
	"dubao/ui/tui/common"
)

// focus says which pane gets the keys.
type focus uint8

const (
	focusList focus = iota
	focusArticle
)

// overlay is what covers the panes, if anything.
type overlay uint8

const (
	overlayNone   overlay = iota
	overlayHelp           // the key help
	overlayOutput         // the output of a | command
)

// prompt is what the bottom line is asking for, if anything.
type prompt uint8

const (
	promptNone   prompt = iota
	promptSearch        // a search query (/)
	promptPipe          // a shell command (|)
)

// Page is the reader page: the headline list, the article pane, the
// masthead and the status line, on one issue.
type Page struct {
	env  common.Env
	keys common.KeyMap // its own copy: what is enabled is the reader's
	is   *issue.Issue
	name string
	path string // where the issue was read from (common.OpenMsg.Path)

	// The issue's identity and reading state (see readstate.go): issueKey and
	// state are empty when nothing is remembered; entry is the issue on
	// the shelf, and shelved is set when < and > can go to another day.
	issueKey string
	entry    *shelf.Entry
	shelved  bool
	state    *state.Issue

	arts []*issue.Article // in issue order
	sec  []int            // section index of each article
	byN  map[int]int      // index in arts by article number
	// secFirst and secLen are the index in arts of each section's first
	// article (−1 for none) and the number of its articles.
	secFirst, secLen []int
	// unread is the number of unread articles the status line shows,
	// counted from state when its ReadMarks were marks; n < 0 when not
	// counted since the issue was indexed.
	unread struct {
		state *state.Issue
		marks uint64
		n     int
	}

	cur     int // index in arts of the article shown
	focus   focus
	width   int
	height  int
	g       common.Geom
	measure int // the reading measure, in 汉字

	lay *render.Layout // the current article at the current text width
	top render.Loc     // the first line shown
	// anchor is the exact place the reader opened at (a remembered
	// position, a bookmark), kept through new layouts (the window's size
	// when the program starts, + and -) until the reader moves, so that
	// the line shown is the one holding it, not the start of the line
	// that held it in the layout before; nil once the reader moved.
	anchor *issue.Pos

	list common.Scroller // the headline list's rows shown
	rows []row

	search    searchState
	lastQuery string // the query searched last, which ↑ brings back in the / prompt
	// searchGen is the number of the latest search started, read by the
	// searches running in the background so that an older one stops.
	searchGen atomic.Int64

	jumpNext int             // index (in the article's jumps) of the next jump o takes
	history  []place         // where o jumped from, for backspace
	before   *common.OpenMsg // where the reader was before a bookmark opened this issue

	digits string // a typed number, which enter jumps to

	overlay  overlay
	help     common.Help
	helpOver overlay // the overlay the help was opened over, shown again when it closes
	output   outputView

	prompt prompt
	input  common.Prompt

	// keepUnread is the article marked unread by hand (x), which is not
	// marked read again while it is shown; −1 for none. shownAt is when
	// the current article came on screen (zero when it is not shown), and
	// now the clock (time.Now; a test's own).
	keepUnread int
	shownAt    time.Time
	now        func() time.Time

	note common.Status // the status line's message, until the next key

	// arriving is the status of an issue still arriving (正在下载 7/20版 ·
	// 63篇), shown first in the status line; "" once it is all in.
	arriving string
	// moved is set by the first key or mouse event: the reader is no
	// longer where it opened (see resume).
	moved bool

	charCount []int // per article, −1 until counted
	counted   bool  // the background count is done (or not needed)

	script scriptView // how the text is shown (繁简)
}

// place is a position in the issue: an article and a position in it, and
// which of its jump lines o takes next.
type place struct {
	art      int
	pos      issue.Pos
	jumpNext int
	// lay and top are the exact place when the layout is still the same.
	lay *render.Layout
	top render.Loc
}

// New returns the reader on the issue msg opens, w×h, with its reading
// state st (nil: nothing is remembered); shelved says that the issue is on
// the shelf, so that < and > go to the day before and after.
func New(msg common.OpenMsg, e common.Env, st *state.Issue, shelved bool, w, h int) *Page {
	r := &Page{env: e, keys: e.Keys, is: msg.Issue, name: msg.Name, path: msg.Path, measure: e.Measure, byN: map[int]int{},
		issueKey: msg.Key, entry: msg.Entry, state: st, shelved: shelved, before: msg.Back, keepUnread: -1, now: time.Now}
	r.note = msg.Note
	if e.Current > 0 {
		r.measure = e.Current
	}
	r.index()
	r.input = common.NewPrompt(e.St)
	r.initScript()
	r.setSize(w, h)
	if msg.Article > 0 {
		if i := r.indexOf(msg.Article); i >= 0 {
			r.cur = i
			r.focus = focusArticle
		}
	}
	r.relayout()
	if msg.Pos != (issue.Pos{}) && r.lay != nil {
		r.top = r.clampTop(r.lay.LocOf(msg.Pos))
		pos := msg.Pos
		r.anchor = &pos
	}
	r.ensureListVisible()
	if msg.Query != "" {
		r.searchAt(msg.Query, msg.Article, msg.Pos)
	}
	r.startShown(-1, false)
	r.markRead()
	r.syncKeys()
	return r
}

// index lists the issue's articles in order (arts, sec, byN) and the
// headline list's rows (rows), which depend on them alone.
func (r *Page) index() {
	r.arts, r.sec, r.byN = r.arts[:0], r.sec[:0], map[int]int{}
	r.secFirst, r.secLen = make([]int, len(r.is.Sections)), make([]int, len(r.is.Sections))
	r.unread.n = -1
	for s := range r.is.Sections {
		r.secFirst[s], r.secLen[s] = -1, len(r.is.Sections[s].Articles)
		if r.secLen[s] > 0 {
			r.secFirst[s] = len(r.arts)
		}
		for a := range r.is.Sections[s].Articles {
			art := &r.is.Sections[s].Articles[a]
			if _, dup := r.byN[art.N]; !dup {
				r.byN[art.N] = len(r.arts)
			}
			r.arts = append(r.arts, art)
			r.sec = append(r.sec, s)
		}
	}
	r.rows = buildRows(r.is, r.arts, r.sec)
}

// indexOf returns the index in arts of the article numbered n, or −1.
func (r *Page) indexOf(n int) int {
	if i, ok := r.byN[n]; ok {
		return i
	}
	return -1
}

// Article returns the article shown, or nil for an issue without one.
func (r *Page) Article() *issue.Article {
	if r.cur < 0 || r.cur >= len(r.arts) {
		return nil
	}
	return r.arts[r.cur]
}

// Position returns the article shown (its number) and the position of the
// first line shown.
func (r *Page) Position() (int, issue.Pos) {
	a := r.Article()
	if a == nil || r.lay == nil {
		return 0, issue.Pos{}
	}
	if r.anchor != nil {
		return a.N, *r.anchor
	}
	return a.N, r.lay.PosOf(r.top)
}

// Notice returns the message the status line shows, if any.
func (r *Page) Notice() common.Status { return r.note }

// Reading reports whether the article pane has the keys (rather than the
// headline list): an article is read once it is shown so.
func (r *Page) Reading() bool { return r.focus == focusArticle }

// Search returns the query of the search shown and its current match;
// ok is false when no search is shown.
func (r *Page) Search() (query string, cur search.Match, ok bool) {
	s := &r.search
	if !s.active() || s.cur < 0 || s.cur >= len(s.matches) {
		return "", search.Match{}, false
	}
	return s.query, s.matches[s.cur], true
}

// Issue returns the issue shown.
func (r *Page) Issue() *issue.Issue { return r.is }

// ReadingMeasure returns the reading measure, in 汉字, which the next issue
// opened starts with.
func (r *Page) ReadingMeasure() int { return r.measure }

// Leave is told that the reader is left (for another issue, the shelf,
// the bookmarks, or quitting): it remembers where reading is (saved in the
// background) and stops its | command. It returns a channel closed once
// that command has ended (nil when none ran), for quitting to wait on (at
// most StopWait), so that no process is left behind.
func (r *Page) Leave() <-chan struct{} {
	r.markRead() // shown long enough
	r.rememberPlace()
	return r.stopPipe()
}

func (r *Page) setSize(w, h int) {
	r.width, r.height = max(w, 0), max(h, 0)
	r.regeom()
	r.input.SetWidth(r.width)
	r.relayout()
	r.ensureListVisible()
}

// relayout gets the layout of the current article at the current text
// width, keeping the reading position.
func (r *Page) relayout() {
	a := r.Article()
	if a == nil {
		r.lay = nil
		return
	}
	opt := render.Options{Width: r.g.TextW, AmbiguousWide: r.env.AmbWide, Script: r.script.conv,
		FullWidthPunct: r.env.FullWidthPunct, IndentOnly: r.env.IndentOnly}
	if r.lay != nil && r.lay.Article() == a && r.lay.Options() == opt {
		r.top = r.clampTop(r.top)
		return
	}
	var pos issue.Pos
	keep := r.lay != nil && r.lay.Article() == a
	if keep {
		pos = r.lay.PosOf(r.top)
		if r.anchor != nil {
			pos = *r.anchor
		}
	}
	r.lay = r.env.Rnd.Layout(a, opt)
	r.top = render.Loc{}
	if keep {
		r.top = r.clampTop(r.lay.LocOf(pos))
	}
}

// clampTop keeps the window inside the article: never past the top that
// shows the last line at the bottom.
func (r *Page) clampTop(t render.Loc) render.Loc {
	if r.lay == nil {
		return render.Loc{}
	}
	if mt := r.lay.MaxTop(r.g.BodyH); mt.Before(t) {
		return mt
	}
	return r.lay.Step(t, 0)
}

// atEnd reports whether the last line of the article is shown.
func (r *Page) atEnd() bool {
	return r.lay == nil || !r.top.Before(r.lay.MaxTop(r.g.BodyH))
}

// show makes article i the current one, at its top.
func (r *Page) show(i int) {
	if len(r.arts) == 0 {
		return
	}
	i = min(max(i, 0), len(r.arts)-1)
	if i != r.cur {
		r.cur = i
		r.jumpNext = 0
	}
	r.lay = nil
	r.relayout()
	r.top = render.Loc{}
	r.ensureListVisible()
}

// showAt makes article i current with the line holding pos in view, a
// third down the pane.
func (r *Page) showAt(i int, pos issue.Pos) {
	r.show(i)
	if r.lay == nil {
		return
	}
	loc := r.lay.LocOf(pos)
	r.top = r.clampTop(r.lay.Step(loc, -r.g.BodyH/3))
}

func (r *Page) scroll(n int) {
	if r.lay == nil {
		return
	}
	r.top = r.clampTop(r.lay.Step(r.top, n))
}

// Update handles a message, and keeps the reading state up to date.
func (r *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	before, lay, top, shown := r.cur, r.lay, r.top, r.articleShown()
	if r.markRead() { // shown long enough before this message
		if note := r.env.Save(r.state); note != "" {
			r.note.Fail(note)
		}
	}
	p, cmd := r.update(msg)
	if r.cur != before || r.lay == lay && r.top != top {
		r.anchor = nil // the reader moved
	}
	r.startShown(before, shown)
	if note := r.trackState(before, lay, top); note != "" {
		r.note.Fail(note)
	}
	return p, cmd
}

func (r *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case common.NoticeMsg:
		r.note = common.Status(msg)
		return r, nil
	case common.SizeMsg:
		r.setSize(msg.Width, msg.Height)
		return r, nil
	case common.StylesMsg:
		r.env.SetStyles(msg.Styles)
		r.input.SetStyles(msg.Styles)
		r.lay = nil
		top := r.top
		r.relayout()
		r.top = r.clampTop(top)
		return r, nil
	case searchDoneMsg:
		r.searchDone(msg)
		return r, nil
	case countsMsg:
		if msg.is == r.is {
			r.charCount, r.counted = msg.counts, true
		}
		return r, nil
	case scriptDetectedMsg:
		r.scriptDetected(msg)
		return r, nil
	case pipeDoneMsg:
		r.pipeDone(msg)
		return r, nil
	case execDoneMsg:
		r.execDone(msg)
		return r, nil
	case tea.MouseWheelMsg:
		r.moved = true
		r.wheel(msg.Mouse())
		return r, nil
	case tea.MouseClickMsg:
		r.moved = true
		r.click(msg.Mouse())
		return r, nil
	case tea.KeyPressMsg:
		r.moved = true
		cmd := r.key(msg)
		r.syncKeys()
		return r, cmd
	}
	if r.prompt != promptNone {
		res, cmd := r.input.Update(msg) // a paste
		if res == common.PromptEdited && r.prompt == promptSearch {
			cmd = tea.Batch(cmd, r.searchTyped())
		}
		return r, cmd
	}
	return r, nil
}

// syncKeys enables the bindings that do something now, so that help never
// shows a dead key.
func (r *Page) syncKeys() {
	k := &r.keys
	k.NextMatch.SetEnabled(len(r.search.matches) > 0)
	k.PrevMatch.SetEnabled(len(r.search.matches) > 0)
	a := r.Article()
	k.Follow.SetEnabled(a != nil && len(a.Jumps) > 0)
	k.Return.SetEnabled(len(r.history) > 0 || r.before != nil)
	k.PrevIssue.SetEnabled(r.shelved)
	k.NextIssue.SetEnabled(r.shelved)
	k.NextUnread.SetEnabled(r.state != nil && len(r.arts) > 1)
	k.ToggleRead.SetEnabled(r.state != nil && a != nil)
	k.PageRead.SetEnabled(r.state != nil && a != nil)
	k.IssueRead.SetEnabled(r.state != nil && a != nil)
	k.SwitchPane.SetEnabled(a != nil)
	k.Bookmark.SetEnabled(r.state != nil && a != nil)
	k.Bookmarks.SetEnabled(true)
	k.Skipped.SetEnabled(false)
	k.Script.SetEnabled(len(r.arts) > 0)
}

// key handles a key press.
func (r *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	r.note = common.Status{}
	if common.Matches(msg, r.keys.Interrupt) {
		return tea.Interrupt
	}
	if r.pipeKey(msg) { // esc stops a running | command
		return nil
	}
	if r.prompt != promptNone {
		return r.promptKey(msg)
	}
	switch r.overlay {
	case overlayHelp:
		return r.helpKey(msg)
	case overlayOutput:
		return r.outputKey(msg)
	}
	k := &r.keys
	if common.Matches(msg, k.Digits) { // a number, which waits for enter
		r.digits += msg.Text
		if len(r.digits) > 6 {
			r.digits = r.digits[len(r.digits)-6:]
		}
		return nil
	}
	if r.digits != "" {
		switch {
		case common.Matches(msg, k.Confirm):
			r.gotoDigits()
			return nil
		case common.Matches(msg, k.Cancel):
			r.digits = ""
			return nil
		case common.Matches(msg, k.Erase):
			r.digits = r.digits[:len(r.digits)-1]
			return nil
		}
		r.digits = ""
	}
	switch {
	case common.Matches(msg, k.Quit):
		return tea.Quit
	case common.Matches(msg, k.Help):
		r.overlay, r.help.Top, r.helpOver = overlayHelp, 0, overlayNone
	case common.Matches(msg, k.Search):
		r.prompt = promptSearch
		r.search.typed, r.search.note = false, ""
		// a new query each time, as in less (↑ brings back the last one)
		hint := "搜索全期(标题和正文)"
		if r.lastQuery != "" {
			hint = "搜索全期(↑ 调出上次的" + common.Quoted(r.lastQuery) + ")"
		}
		return r.input.Open("/", hint)
	case common.Matches(msg, k.Pipe):
		if r.Article() == nil {
			return nil
		}
		r.prompt = promptPipe
		return r.input.Open("| ", "把本文交给命令，如 wc -m、less(!开头：交出终端)")
	case common.Matches(msg, k.NextArticle):
		r.step(+1)
	case common.Matches(msg, k.PrevArticle):
		r.step(-1)
	case common.Matches(msg, k.NextPage):
		r.turnPage(+1)
	case common.Matches(msg, k.PrevPage):
		r.turnPage(-1)
	case common.Matches(msg, k.NextMatch, k.PrevMatch) && len(r.search.matches) == 0:
		r.note.Set("还没有搜索(按 " + common.Hint("搜索", r.keys.Search) + ")")
	case common.Matches(msg, k.NextMatch):
		r.nextMatch(+1)
	case common.Matches(msg, k.PrevMatch):
		r.nextMatch(-1)
	case common.Matches(msg, k.Follow):
		r.follow()
	case common.Matches(msg, k.Return) && len(r.history) == 0 && r.before != nil:
		return r.returnBack()
	case common.Matches(msg, k.Return):
		return r.jumpBack()
	case common.Matches(msg, k.Wider):
		r.stepMeasure(+1)
	case common.Matches(msg, k.Narrower):
		r.stepMeasure(-1)
	case common.Matches(msg, k.ResetMeasure):
		r.setMeasure(r.env.Measure)
	case common.Matches(msg, k.Copy):
		return r.copyArticle()
	case common.Matches(msg, k.Script):
		r.switchScript()
	case common.Matches(msg, k.PrevIssue):
		return r.stepIssue(-1)
	case common.Matches(msg, k.NextIssue):
		return r.stepIssue(+1)
	case common.Matches(msg, k.NextUnread, k.Bookmark, k.ToggleRead, k.PageRead, k.IssueRead) && r.state == nil:
		r.note.Set("这一期不记阅读状态(读自标准输入，或用了 --no-state)")
	case common.Matches(msg, k.NextUnread):
		r.nextUnread()
	case common.Matches(msg, k.ToggleRead):
		r.toggleRead()
	case common.Matches(msg, k.PageRead, k.IssueRead):
		r.markAllRead(common.Matches(msg, k.PageRead))
	case common.Matches(msg, k.SwitchPane):
		r.switchPane()
	case common.Matches(msg, k.Bookmark):
		r.toggleBookmark()
	case common.Matches(msg, k.Skipped):
		r.note.Set("跳过的文件只在书架上列出")
	case common.Matches(msg, k.Bookmarks):
		return func() tea.Msg { return common.ShowBookmarksMsg{} }
	case common.Matches(msg, k.Back):
		return r.back()
	case r.focus == focusList:
		return r.listKey(msg)
	default:
		return r.articleKey(msg)
	}
	return nil
}

// switchPane gives the keys to the other pane (tab): the article from the
// list, the list from the article.
func (r *Page) switchPane() {
	switch {
	case r.focus == focusArticle:
		r.focus = focusList
		r.ensureListVisible()
	case r.Article() != nil:
		r.focus = focusArticle
	}
}

// back handles esc/h/←: clear the search, else go to the list, else leave
// the reader.
func (r *Page) back() tea.Cmd {
	switch {
	case r.focus == focusArticle:
		r.focus = focusList
		r.ensureListVisible()
	case r.search.active():
		r.clearSearch()
	case r.before != nil:
		return r.returnBack()
	default:
		return r.backMsg()
	}
	return nil
}

// Place returns the OpenMsg that opens the issue again where the reader
// is now.
func (r *Page) Place() common.OpenMsg {
	n, pos := r.Position()
	return common.OpenMsg{Issue: r.is, Name: r.name, Key: r.issueKey, Path: r.path, Entry: r.entry, Article: n, Pos: pos}
}

// returnBack goes back to where the reader was before a bookmark opened
// this issue (esc, backspace).
func (r *Page) returnBack() tea.Cmd {
	msg := *r.before
	r.before = nil
	msg.Note = common.Status{Text: "已返回打开书签前的地方"}
	return common.Send(msg)
}

// backMsg asks to leave the reader for the shelf.
func (r *Page) backMsg() tea.Cmd {
	n, pos := r.Position()
	msg := common.BackMsg{Issue: r.is, Key: r.issueKey, Entry: r.entry, Article: n, Pos: pos, Read: -1}
	if r.state != nil {
		msg.Read = r.state.ReadCount(r.is)
	}
	return func() tea.Msg { return msg }
}

// listKey handles the keys of the headline (or search result) list.
func (r *Page) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &r.keys
	if r.search.active() {
		return r.resultKey(msg)
	}
	page := max(r.g.BodyH/2, 1)
	switch {
	case common.Matches(msg, k.Down):
		r.show(r.cur + 1)
	case common.Matches(msg, k.Up):
		r.show(r.cur - 1)
	case common.Matches(msg, k.PageDown, k.PageUp):
		r.pageFromList(common.Matches(msg, k.PageDown))
	case common.Matches(msg, k.HalfDown):
		r.show(r.cur + page)
	case common.Matches(msg, k.HalfUp):
		r.show(r.cur - page)
	case common.Matches(msg, k.Top):
		r.show(0)
	case common.Matches(msg, k.Bottom):
		r.show(len(r.arts) - 1)
	case common.Matches(msg, k.Open):
		if r.Article() != nil {
			r.focus = focusArticle
		}
	}
	return nil
}

// pageFromList pages the article shown beside the list (space, b) as in
// mutt or newsboat, the list keeping the keys: down at its end goes on to
// the next article. When the screen is too narrow to show the article
// beside the list, space opens it and b pages the list up.
func (r *Page) pageFromList(down bool) {
	switch {
	case r.Article() == nil:
	case r.g.Wide && down:
		r.readOn()
	case r.g.Wide:
		r.scroll(-max(r.g.BodyH-2, 1))
	case down:
		r.focus = focusArticle
	default:
		r.show(r.cur - max(r.g.BodyH/2, 1))
	}
}

// articleKey handles the keys of the article pane.
func (r *Page) articleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &r.keys
	h := max(r.g.BodyH, 1)
	switch {
	case common.Matches(msg, k.Down):
		r.scroll(1)
	case common.Matches(msg, k.Up):
		r.scroll(-1)
	case common.Matches(msg, k.PageDown):
		r.readOn()
	case common.Matches(msg, k.PageUp):
		r.scroll(-max(h-2, 1))
	case common.Matches(msg, k.HalfDown):
		r.scroll(max(h/2, 1))
	case common.Matches(msg, k.HalfUp):
		r.scroll(-max(h/2, 1))
	case common.Matches(msg, k.Top):
		r.top = render.Loc{}
	case common.Matches(msg, k.Bottom):
		if r.lay != nil {
			r.top = r.lay.MaxTop(r.g.BodyH)
		}
	}
	return nil
}

// step shows the next (dir +1) or previous (−1) article, or says that
// there is none.
func (r *Page) step(dir int) {
	switch {
	case len(r.arts) == 0:
	case r.cur+dir >= len(r.arts):
		r.note.Set("已是最后一篇")
	case r.cur+dir < 0:
		r.note.Set("已是第一篇")
	default:
		r.show(r.cur + dir)
	}
}

// readOn pages the article down (space); at its end it goes on to the
// next article, naming it, and at the end of the last it says so.
func (r *Page) readOn() {
	if !r.atEnd() {
		r.scroll(max(r.g.BodyH-2, 1))
		return
	}
	if r.cur+1 >= len(r.arts) {
		r.note.Set("已是最后一篇")
		return
	}
	r.show(r.cur + 1)
	a := r.arts[r.cur]
	r.note.Set(fmt.Sprintf("下一篇：第%d篇 %s", a.N, textsafe.Line(a.Headline())))
}

// turnPage shows the first article of the next (dir +1) or previous page
// that has articles.
func (r *Page) turnPage(dir int) {
	if len(r.arts) == 0 {
		return
	}
	s := r.sec[r.cur]
	for i := r.cur; i >= 0 && i < len(r.arts); i += dir {
		if r.sec[i] != s {
			// first article of that section
			t := r.sec[i]
			for i > 0 && r.sec[i-1] == t {
				i--
			}
			r.show(i)
			return
		}
	}
	if dir < 0 {
		r.show(r.firstOfSection(s))
		r.note.Set("已是第一版")
	} else {
		r.note.Set("已是最后一版")
	}
}

// firstOfSection returns the index of the first article of section s.
func (r *Page) firstOfSection(s int) int {
	if s < 0 || s >= len(r.secFirst) {
		return -1
	}
	return r.secFirst[s]
}

// unreadCount returns the number of unread articles, counted again only
// when the issue or its read marks changed.
func (r *Page) unreadCount() int {
	u := &r.unread
	if u.n < 0 || u.state != r.state || u.marks != r.state.ReadMarks() {
		u.state, u.marks, u.n = r.state, r.state.ReadMarks(), r.state.Unread(r.is)
	}
	return u.n
}

// setMeasure changes the reading measure (in 汉字).
func (r *Page) setMeasure(m int) {
	r.measure = min(max(m, config.MinMeasure), config.MaxMeasure)
	r.regeom()
	r.relayout()
	r.ensureListVisible()
	r.note.Set(fmt.Sprintf("版心 %d字", r.measure))
	if r.g.TextW < r.measure*2 {
		r.note.Text += fmt.Sprintf("(窗口只容%d字)", r.g.TextW/2)
	}
}

// stepMeasure widens (d = +1) or narrows (−1) the reading measure by one
// 汉字 from the measure shown, which is at most what the window holds: +
// stops there rather than count on past it.
func (r *Page) stepMeasure(d int) {
	shown := min(r.measure, r.g.Fit)
	switch {
	case d > 0 && shown >= config.MaxMeasure:
		r.note.Set(fmt.Sprintf("版心 %d字，已是最宽", shown))
	case d > 0 && shown >= r.g.Fit:
		r.note.Set(fmt.Sprintf("版心 %d字，已是窗口能容的最宽", shown))
	case d < 0 && shown <= config.MinMeasure:
		r.note.Set(fmt.Sprintf("版心 %d字，已是最窄", shown))
	default:
		r.setMeasure(shown + d)
	}
}

// maxClipboard is the longest text copied with OSC 52: its base64 (a
// third more) stays under the ~100 kB that terminals take (xterm, tmux and
// others drop a longer one, unsaid).
const maxClipboard = 72 << 10

// copyArticle copies the article as plain text to the clipboard (OSC 52).
// An article too long for it is not sent: the status says so, and how to
// copy it all (| with a clipboard tool).
func (r *Page) copyArticle() tea.Cmd {
	a := r.Article()
	if a == nil {
		return nil
	}
	text := render.Plain(a, render.Options{Script: r.script.conv})
	if len(text) > maxClipboard {
		r.note.Fail(fmt.Sprintf("第%d篇太长(%d KB)，终端的剪贴板装不下：用 | 交给 pbcopy、wl-copy 或 xclip -selection clipboard", a.N, len(text)>>10))
		return nil
	}
	r.note.Set(fmt.Sprintf("已复制第%d篇(%d字)到剪贴板", a.N, r.chars(r.cur)))
	return tea.SetClipboard(text)
}

// gotoDigits jumps to the headline numbered by the typed digits.
func (r *Page) gotoDigits() {
	n, _ := strconv.Atoi(r.digits)
	r.digits = ""
	i := r.indexOf(n)
	if i < 0 {
		r.note.Fail(fmt.Sprintf("没有第%d篇(本期共%d篇)", n, len(r.arts)))
		return
	}
	r.show(i)
}

// Cursor returns the terminal cursor to show: at the insertion point of
// the prompt when one is open, else none.
func (r *Page) Cursor() *tea.Cursor {
	if r.prompt == promptNone || r.g.StatusH == 0 || r.overlay != overlayNone {
		return nil
	}
	return r.input.Cursor(r.width, r.height, r.env.AmbWide)
}
