package tui

import (
	"fmt"
	"strconv"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/config"
	"dubao/ui/render"
	"dubao/ui/state"
	"dubao/ui/styles"
)

// env is what the root shares with its pages.
type env struct {
	keys    *KeyMap
	st      styles.Styles
	rnd     *render.Renderer
	measure int // the configured reading measure, in 汉字 (= restores it)
	current int // the reading measure to start with (kept across issues)
	ambWide bool
	// save writes an issue's reading state in the background; it returns
	// a message for the status line when saving fails (once).
	save func(*state.Issue) string
}

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

// digitDelay is how long after the last digit a typed number jumps by
// itself.
const digitDelay = 1200 * time.Millisecond

// Reader is the reader page: the headline list, the article pane, the
// masthead and the status line, on one issue.
type Reader struct {
	env
	is   *issue.Issue
	name string
	path string // where the issue was read from (OpenMsg.Path)

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

	cur     int // index in arts of the article shown
	focus   focus
	width   int
	height  int
	g       geom
	measure int // the reading measure, in 汉字

	lay *render.Layout // the current article at the current text width
	top render.Loc     // the first line shown

	listTop int // first row of the list shown
	rows    []row

	search    searchState
	lastQuery string // the query searched last, which ↑ brings back in the / prompt

	jumpNext int      // index (in the article's jumps) of the next jump o takes
	history  []place  // where o jumped from, for backspace
	before   *OpenMsg // where the reader was before a bookmark opened this issue

	digits    string
	digitSeq  int
	digitWait time.Duration // digitDelay; shorter in tests

	overlay  overlay
	helpTop  int
	helpOver overlay // the overlay the help was opened over, shown again when it closes
	output   outputView

	prompt prompt
	input  textinput.Model

	msg    string // a message in the status line until the next key
	msgErr bool

	charCount []int // per article, −1 until counted
	counted   bool  // the background count is done (or not needed)
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

func newReader(msg OpenMsg, e env, st *state.Issue, w, h int) *Reader {
	r := &Reader{env: e, is: msg.Issue, name: msg.Name, path: msg.Path, measure: e.measure, byN: map[int]int{},
		issueKey: msg.Key, entry: msg.Entry, state: st}
	if e.current > 0 {
		r.measure = e.current
	}
	for s := range r.is.Sections {
		for a := range r.is.Sections[s].Articles {
			art := &r.is.Sections[s].Articles[a]
			if _, dup := r.byN[art.N]; !dup {
				r.byN[art.N] = len(r.arts)
			}
			r.arts = append(r.arts, art)
			r.sec = append(r.sec, s)
		}
	}
	r.input = textinput.New()
	// the terminal's own cursor, so that an input method places its
	// candidate window at the text (see cursor)
	r.input.SetVirtualCursor(false)
	r.styleInput()
	r.digitWait = digitDelay
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
	}
	r.ensureListVisible()
	if msg.Query != "" {
		r.searchAt(msg.Query, msg.Article, msg.Pos)
	}
	r.markRead()
	return r
}

// indexOf returns the index in arts of the article numbered n, or −1.
func (r *Reader) indexOf(n int) int {
	if i, ok := r.byN[n]; ok {
		return i
	}
	return -1
}

// article returns the article shown, or nil for an issue without one.
func (r *Reader) article() *issue.Article {
	if r.cur < 0 || r.cur >= len(r.arts) {
		return nil
	}
	return r.arts[r.cur]
}

// Position returns the article shown (its number) and the position of the
// first line shown.
func (r *Reader) Position() (int, issue.Pos) {
	a := r.article()
	if a == nil || r.lay == nil {
		return 0, issue.Pos{}
	}
	return a.N, r.lay.PosOf(r.top)
}

func (r *Reader) setSize(w, h int) {
	r.width, r.height = max(w, 0), max(h, 0)
	r.g = computeGeom(r.width, r.height, r.measure)
	r.input.SetWidth(max(r.width-4, 1))
	r.rows = buildRows(r.arts, r.sec, r.g.bodyH >= 12)
	r.relayout()
	r.ensureListVisible()
}

// relayout gets the layout of the current article at the current text
// width, keeping the reading position.
func (r *Reader) relayout() {
	a := r.article()
	if a == nil {
		r.lay = nil
		return
	}
	opt := render.Options{Width: r.g.textW, AmbiguousWide: r.ambWide}
	if r.lay != nil && r.lay.Article() == a && r.lay.Options() == opt {
		r.top = r.clampTop(r.top)
		return
	}
	var pos issue.Pos
	keep := r.lay != nil && r.lay.Article() == a
	if keep {
		pos = r.lay.PosOf(r.top)
	}
	r.lay = r.rnd.Layout(a, opt)
	r.top = render.Loc{}
	if keep {
		r.top = r.clampTop(r.lay.LocOf(pos))
	}
}

// clampTop keeps the window inside the article: never past the top that
// shows the last line at the bottom.
func (r *Reader) clampTop(t render.Loc) render.Loc {
	if r.lay == nil {
		return render.Loc{}
	}
	if mt := r.lay.MaxTop(r.g.bodyH); mt.Before(t) {
		return mt
	}
	return r.lay.Step(t, 0)
}

// atEnd reports whether the last line of the article is shown.
func (r *Reader) atEnd() bool {
	return r.lay == nil || !r.top.Before(r.lay.MaxTop(r.g.bodyH))
}

// show makes article i the current one, at its top.
func (r *Reader) show(i int) {
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
func (r *Reader) showAt(i int, pos issue.Pos) {
	r.show(i)
	if r.lay == nil {
		return
	}
	loc := r.lay.LocOf(pos)
	r.top = r.clampTop(r.lay.Step(loc, -r.g.bodyH/3))
}

func (r *Reader) scroll(n int) {
	if r.lay == nil {
		return
	}
	r.top = r.clampTop(r.lay.Step(r.top, n))
}

// Update handles a message, and keeps the reading state up to date.
func (r *Reader) Update(msg tea.Msg) (Page, tea.Cmd) {
	before, lay, top := r.cur, r.lay, r.top
	p, cmd := r.update(msg)
	if note := r.trackState(before, lay, top); note != "" {
		r.msg, r.msgErr = note, true
	}
	return p, cmd
}

func (r *Reader) update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case NoticeMsg:
		r.msg, r.msgErr = msg.Text, msg.Err
		return r, nil
	case SizeMsg:
		r.setSize(msg.Width, msg.Height)
		return r, nil
	case StylesMsg:
		r.st = msg.Styles
		r.rnd = render.New(msg.Styles)
		r.styleInput()
		r.lay = nil
		top := r.top
		r.relayout()
		r.top = r.clampTop(top)
		return r, nil
	case digitTimeoutMsg:
		if msg.seq == r.digitSeq && r.digits != "" {
			r.gotoDigits()
		}
		return r, nil
	case searchDoneMsg:
		r.searchDone(msg)
		return r, nil
	case countsMsg:
		if msg.is == r.is {
			r.charCount, r.counted = msg.counts, true
		}
		return r, nil
	case pipeDoneMsg:
		r.pipeDone(msg)
		return r, nil
	case tea.MouseWheelMsg:
		r.wheel(msg.Mouse())
		return r, nil
	case tea.MouseClickMsg:
		r.click(msg.Mouse())
		return r, nil
	case tea.KeyPressMsg:
		cmd := r.key(msg)
		r.syncKeys()
		return r, cmd
	}
	if r.prompt != promptNone {
		var cmd tea.Cmd
		r.input, cmd = r.input.Update(msg)
		return r, cmd
	}
	return r, nil
}

// syncKeys enables the bindings that do something now, so that help never
// shows a dead key.
func (r *Reader) syncKeys() {
	k := r.keys
	k.NextMatch.SetEnabled(len(r.search.matches) > 0)
	k.PrevMatch.SetEnabled(len(r.search.matches) > 0)
	a := r.article()
	k.Follow.SetEnabled(a != nil && len(a.Jumps) > 0)
	k.PrevIssue.SetEnabled(r.shelved)
	k.NextIssue.SetEnabled(r.shelved)
	k.NextUnread.SetEnabled(r.state != nil && len(r.arts) > 1)
	k.Bookmark.SetEnabled(r.state != nil && a != nil)
	k.Bookmarks.SetEnabled(true)
	k.Skipped.SetEnabled(false)
}

// key handles a key press.
func (r *Reader) key(msg tea.KeyPressMsg) tea.Cmd {
	r.msg, r.msgErr = "", false
	if pressed(msg, r.keys.Interrupt) {
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
	k := r.keys
	if pressed(msg, k.Digits) {
		r.digits += msg.Text
		if len(r.digits) > 6 {
			r.digits = r.digits[len(r.digits)-6:]
		}
		r.digitSeq++
		seq := r.digitSeq
		return tea.Tick(r.digitWait, func(time.Time) tea.Msg { return digitTimeoutMsg{seq} })
	}
	if r.digits != "" {
		switch {
		case pressed(msg, k.Confirm):
			r.gotoDigits()
			return nil
		case pressed(msg, k.Cancel):
			r.digits = ""
			return nil
		case pressed(msg, k.Erase):
			r.digits = r.digits[:len(r.digits)-1]
			return nil
		}
		r.digits = ""
	}
	switch {
	case pressed(msg, k.Quit):
		return tea.Quit
	case pressed(msg, k.Help):
		r.overlay, r.helpTop, r.helpOver = overlayHelp, 0, overlayNone
	case pressed(msg, k.Search):
		r.prompt = promptSearch
		r.input.Prompt = "/"
		// a new query each time, as in less (↑ brings back the last one)
		r.input.Placeholder = "搜索全期(标题和正文)"
		if r.lastQuery != "" {
			r.input.Placeholder = "搜索全期(↑ 调出上次的" + quoted(r.lastQuery) + ")"
		}
		r.input.SetValue("")
		return r.input.Focus()
	case pressed(msg, k.Pipe):
		if r.article() == nil {
			return nil
		}
		r.prompt = promptPipe
		r.input.Prompt = "| "
		r.input.Placeholder = "把本文交给命令，如 wc -m"
		r.input.SetValue("")
		return r.input.Focus()
	case pressed(msg, k.NextArticle):
		r.step(+1)
	case pressed(msg, k.PrevArticle):
		r.step(-1)
	case pressed(msg, k.NextPage):
		r.turnPage(+1)
	case pressed(msg, k.PrevPage):
		r.turnPage(-1)
	case pressed(msg, k.NextMatch, k.PrevMatch) && len(r.search.matches) == 0:
		r.msg = "还没有搜索(按 / 搜索)"
	case pressed(msg, k.NextMatch):
		r.nextMatch(+1)
	case pressed(msg, k.PrevMatch):
		r.nextMatch(-1)
	case pressed(msg, k.Follow):
		r.follow()
	case pressed(msg, k.Return) && len(r.history) == 0 && r.before != nil:
		return r.returnBack()
	case pressed(msg, k.Return):
		return r.jumpBack()
	case pressed(msg, k.Wider):
		r.stepMeasure(+1)
	case pressed(msg, k.Narrower):
		r.stepMeasure(-1)
	case pressed(msg, k.ResetMeasure):
		r.setMeasure(r.env.measure)
	case pressed(msg, k.Copy):
		return r.copyArticle()
	case pressed(msg, k.PrevIssue):
		return r.stepIssue(-1)
	case pressed(msg, k.NextIssue):
		return r.stepIssue(+1)
	case pressed(msg, k.NextUnread, k.Bookmark) && r.state == nil:
		r.msg = "这一期不记阅读状态(读自标准输入，或用了 --no-state)"
	case pressed(msg, k.NextUnread):
		r.nextUnread()
	case pressed(msg, k.Bookmark):
		r.toggleBookmark()
	case pressed(msg, k.Skipped):
		r.msg = "跳过的文件只在书架上列出"
	case pressed(msg, k.Bookmarks):
		return func() tea.Msg { return ShowBookmarksMsg{} }
	case pressed(msg, k.Back):
		return r.back()
	case r.focus == focusList:
		return r.listKey(msg)
	default:
		return r.articleKey(msg)
	}
	return nil
}

// back handles esc/h/←: clear the search, else go to the list, else leave
// the reader.
func (r *Reader) back() tea.Cmd {
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

// place returns an OpenMsg that opens the issue again where the reader is
// now.
func (r *Reader) place() *OpenMsg {
	n, pos := r.Position()
	return &OpenMsg{Issue: r.is, Name: r.name, Key: r.issueKey, Path: r.path, Entry: r.entry, Article: n, Pos: pos}
}

// returnBack goes back to where the reader was before a bookmark opened
// this issue (esc, backspace).
func (r *Reader) returnBack() tea.Cmd {
	msg := *r.before
	r.before = nil
	msg.note = "已返回打开书签前的地方"
	return func() tea.Msg { return msg }
}

// backMsg asks to leave the reader for the shelf.
func (r *Reader) backMsg() tea.Cmd {
	n, pos := r.Position()
	msg := BackMsg{Issue: r.is, Key: r.issueKey, Entry: r.entry, Article: n, Pos: pos}
	return func() tea.Msg { return msg }
}

// listKey handles the keys of the headline (or search result) list.
func (r *Reader) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	if r.search.active() {
		return r.resultKey(msg)
	}
	page := max(r.g.bodyH/2, 1)
	switch {
	case pressed(msg, k.Down):
		r.show(r.cur + 1)
	case pressed(msg, k.Up):
		r.show(r.cur - 1)
	case pressed(msg, k.PageDown, k.PageUp):
		r.pageFromList(pressed(msg, k.PageDown))
	case pressed(msg, k.HalfDown):
		r.show(r.cur + page)
	case pressed(msg, k.HalfUp):
		r.show(r.cur - page)
	case pressed(msg, k.Top):
		r.show(0)
	case pressed(msg, k.Bottom):
		r.show(len(r.arts) - 1)
	case pressed(msg, k.Open):
		if r.article() != nil {
			r.focus = focusArticle
		}
	}
	return nil
}

// pageFromList pages the article shown beside the list (space, b) as in
// mutt or newsboat, the list keeping the keys: down at its end goes on to
// the next article. When the screen is too narrow to show the article
// beside the list, space opens it and b pages the list up.
func (r *Reader) pageFromList(down bool) {
	switch {
	case r.article() == nil:
	case r.g.wide && down:
		r.readOn()
	case r.g.wide:
		r.scroll(-max(r.g.bodyH-2, 1))
	case down:
		r.focus = focusArticle
	default:
		r.show(r.cur - max(r.g.bodyH/2, 1))
	}
}

// articleKey handles the keys of the article pane.
func (r *Reader) articleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	h := max(r.g.bodyH, 1)
	switch {
	case pressed(msg, k.Down):
		r.scroll(1)
	case pressed(msg, k.Up):
		r.scroll(-1)
	case pressed(msg, k.PageDown):
		r.readOn()
	case pressed(msg, k.PageUp):
		r.scroll(-max(h-2, 1))
	case pressed(msg, k.HalfDown):
		r.scroll(max(h/2, 1))
	case pressed(msg, k.HalfUp):
		r.scroll(-max(h/2, 1))
	case pressed(msg, k.Top):
		r.top = render.Loc{}
	case pressed(msg, k.Bottom):
		if r.lay != nil {
			r.top = r.lay.MaxTop(r.g.bodyH)
		}
	}
	return nil
}

// step shows the next (dir +1) or previous (−1) article, or says that
// there is none.
func (r *Reader) step(dir int) {
	switch {
	case len(r.arts) == 0:
	case r.cur+dir >= len(r.arts):
		r.msg = "已是最后一篇"
	case r.cur+dir < 0:
		r.msg = "已是第一篇"
	default:
		r.show(r.cur + dir)
	}
}

// readOn pages the article down (space); at its end it goes on to the
// next article, naming it, and at the end of the last it says so.
func (r *Reader) readOn() {
	if !r.atEnd() {
		r.scroll(max(r.g.bodyH-2, 1))
		return
	}
	if r.cur+1 >= len(r.arts) {
		r.msg = "已是最后一篇"
		return
	}
	r.show(r.cur + 1)
	a := r.arts[r.cur]
	r.msg = fmt.Sprintf("下一篇：第%d篇 %s", a.N, render.Clean(a.Headline()))
}

// turnPage shows the first article of the next (dir +1) or previous page
// that has articles.
func (r *Reader) turnPage(dir int) {
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
		r.msg = "已是第一版"
	} else {
		r.msg = "已是最后一版"
	}
}

// firstOfSection returns the index of the first article of section s.
func (r *Reader) firstOfSection(s int) int {
	for i, si := range r.sec {
		if si == s {
			return i
		}
	}
	return -1
}

// setMeasure changes the reading measure (in 汉字).
func (r *Reader) setMeasure(m int) {
	r.measure = min(max(m, config.MinMeasure), config.MaxMeasure)
	r.g = computeGeom(r.width, r.height, r.measure)
	r.relayout()
	r.msg = fmt.Sprintf("版心 %d字", r.measure)
	if r.g.textW < r.measure*2 {
		r.msg += fmt.Sprintf("(窗口只容%d字)", r.g.textW/2)
	}
}

// stepMeasure widens (d = +1) or narrows (−1) the reading measure by one
// 汉字 from the measure shown, which is at most what the window holds: +
// stops there rather than count on past it.
func (r *Reader) stepMeasure(d int) {
	shown := min(r.measure, r.g.fit)
	switch {
	case d > 0 && shown >= config.MaxMeasure:
		r.msg = fmt.Sprintf("版心 %d字，已是最宽", shown)
	case d > 0 && shown >= r.g.fit:
		r.msg = fmt.Sprintf("版心 %d字，已是窗口能容的最宽", shown)
	case d < 0 && shown <= config.MinMeasure:
		r.msg = fmt.Sprintf("版心 %d字，已是最窄", shown)
	default:
		r.setMeasure(shown + d)
	}
}

// copyArticle copies the article as plain text to the clipboard (OSC 52).
func (r *Reader) copyArticle() tea.Cmd {
	a := r.article()
	if a == nil {
		return nil
	}
	text := render.Plain(a, render.Options{})
	r.msg = fmt.Sprintf("已复制第%d篇(%d字)到剪贴板", a.N, r.chars(r.cur))
	return tea.SetClipboard(text)
}

// gotoDigits jumps to the headline numbered by the typed digits.
func (r *Reader) gotoDigits() {
	n, _ := strconv.Atoi(r.digits)
	r.digits = ""
	i := r.indexOf(n)
	if i < 0 {
		r.msg, r.msgErr = fmt.Sprintf("没有第%d篇(本期共%d篇)", n, len(r.arts)), true
		return
	}
	r.show(i)
}

// digitTimeoutMsg ends a typed number after a pause.
type digitTimeoutMsg struct{ seq int }

// cursor returns the terminal cursor to show: at the insertion point of
// the prompt when one is open, else none.
func (r *Reader) cursor() *tea.Cursor {
	if r.prompt == promptNone || r.g.statusH == 0 || r.overlay != overlayNone {
		return nil
	}
	runes := []rune(r.input.Value())
	pos := min(max(r.input.Position(), 0), len(runes))
	x := stringWidth(r.input.Prompt, r.ambWide) + stringWidth(string(runes[:pos]), r.ambWide)
	return tea.NewCursor(min(x, max(r.width-1, 0)), r.height-1)
}

// styleInput gives the prompt's text input the reader's styles.
func (r *Reader) styleInput() {
	s := r.input.Styles()
	for _, st := range []*textinput.StyleState{&s.Focused, &s.Blurred} {
		st.Prompt = r.st.Prompt
		st.Text = r.st.Body
		st.Placeholder = r.st.Kicker
	}
	r.input.SetStyles(s)
}
