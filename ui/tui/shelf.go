package tui

import (
	"fmt"
	"path"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/state"
)

// shelfMsg is a message of the shelf's background work (indexing,
// searching): the root gives it to the shelf even while another page is
// shown.
type shelfMsg interface{ shelfMsg() }

// indexMsg carries an update of the shelf's background indexing; closed
// is set when the channel of updates is closed.
type indexMsg struct {
	u      shelf.Update
	closed bool
}

func (indexMsg) shelfMsg() {}

// shelfPage is the shelf: the issues of a folder grouped by year and
// month, newest first, with their paper, date, pages and articles; a
// panel of the files that are not issues; and a search of every issue
// whose results stream in (shelfsearch.go).
type shelfPage struct {
	env
	keys  KeyMap // its own copy: what is enabled differs from the reader's
	store *state.Store

	s       *shelf.Shelf
	updates <-chan shelf.Update // the background indexing; nil when done
	index   struct {
		done, total int
		running     bool
	}
	seen map[string]bool // keys of issues with saved reading state
	// lastRead is the key of the issue read last (its state saved last):
	// the shelf opens with it selected, once it is on the shelf, unless
	// an issue was chosen before (chosen).
	lastRead string
	chosen   bool
	byPath   map[string]*shelf.Entry // entries by their first file

	width, height int
	g             geom
	rows          []shelfRow
	entries       []int // row of each entry, in shelf order
	paperW        int   // width of the paper column
	papers        int   // number of papers on the shelf
	sel           int   // index in entries of the selected issue
	top           int   // first row shown

	panel    bool // the panel of skipped files is shown
	panelTop int
	help     bool
	helpTop  int

	prompt      bool // the search prompt is open
	input       textinput.Model
	lastQuery   string // the query searched last, which ↑ brings back in the prompt
	find        shelfSearch
	searchPause time.Duration // searchPause; shorter in tests
	batchMax    int           // batchMax; fewer in tests

	msg    string // a message in the status line until the next key
	msgErr bool
}

// shelfRow is a row of the shelf list: a month's header, or an issue.
type shelfRow struct {
	e     *shelf.Entry // nil for a header
	year  int
	month time.Month
	count int // issues in the month (header)
}

func newShelfPage(s *shelf.Shelf, updates <-chan shelf.Update, e env, store *state.Store) *shelfPage {
	p := &shelfPage{env: e, keys: *e.keys, store: store, updates: updates, seen: map[string]bool{}}
	var latest time.Time
	for key, at := range store.SavedTimes() {
		p.seen[key] = true
		if p.lastRead == "" || at.After(latest) || at.Equal(latest) && key < p.lastRead {
			p.lastRead, latest = key, at
		}
	}
	p.index.running = updates != nil
	p.index.total = s.Pending
	p.searchPause, p.batchMax = searchPause, batchMax
	p.input = textinput.New()
	p.input.SetVirtualCursor(false)
	p.input.Prompt = "/"
	p.styleInput()
	p.setShelf(s)
	p.setSize(80, 24)
	p.syncKeys()
	return p
}

// init starts listening to the background indexing.
func (p *shelfPage) init() tea.Cmd {
	return waitIndex(p.updates)
}

// waitIndex waits for the next update of the indexing.
func waitIndex(ch <-chan shelf.Update) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		u, ok := <-ch
		return indexMsg{u: u, closed: !ok}
	}
}

// styleInput gives the prompt the page's styles.
func (p *shelfPage) styleInput() {
	s := p.input.Styles()
	for _, st := range []*textinput.StyleState{&s.Focused, &s.Blurred} {
		st.Prompt = p.st.Prompt
		st.Text = p.st.Body
		st.Placeholder = p.st.Kicker
	}
	p.input.SetStyles(s)
}

// setShelf shows s (a newer shelf from the indexing), keeping the issue
// selected.
func (p *shelfPage) setShelf(s *shelf.Shelf) {
	var keep *shelf.Entry
	if e := p.selected(); e != nil {
		keep = e
	}
	p.s = s
	p.rows = p.rows[:0]
	p.entries = p.entries[:0]
	p.byPath = make(map[string]*shelf.Entry, len(s.Issues))
	papers := map[string]bool{}
	p.paperW = 0
	for _, m := range s.Months() {
		p.rows = append(p.rows, shelfRow{year: m.Year, month: m.Month, count: len(m.Issues)})
		for _, e := range m.Issues {
			p.entries = append(p.entries, len(p.rows))
			p.rows = append(p.rows, shelfRow{e: e})
			p.byPath[e.Files[0].Path] = e
			if e.Paper != "" {
				papers[e.Paper] = true
			}
			p.paperW = max(p.paperW, stringWidth(entryLabel(e), p.ambWide))
		}
	}
	p.papers = len(papers)
	p.sel = 0
	if !p.chosen && p.lastRead != "" {
		if e := p.s.ByKey(p.lastRead); e != nil {
			keep = e
		}
	}
	if keep != nil {
		if e := p.lookup(keep.Key, keep); e != nil {
			p.selectEntry(e)
		}
	}
	p.panelTop = min(p.panelTop, max(len(s.Skipped)-1, 0))
	p.ensureVisible()
}

// selected returns the selected issue, or nil.
func (p *shelfPage) selected() *shelf.Entry {
	if p.sel < 0 || p.sel >= len(p.entries) {
		return nil
	}
	return p.rows[p.entries[p.sel]].e
}

// lookup finds an issue on the shelf shown: by its key, else by its first
// file (an entry of an older shelf, or one still pending then).
func (p *shelfPage) lookup(key string, e *shelf.Entry) *shelf.Entry {
	if found := p.s.ByKey(key); found != nil {
		return found
	}
	if e != nil {
		return p.byPath[e.Files[0].Path]
	}
	return nil
}

// selectEntry selects e (an entry of the shelf shown).
func (p *shelfPage) selectEntry(e *shelf.Entry) {
	for i, r := range p.entries {
		if p.rows[r].e == e {
			p.sel = i
			p.ensureVisible()
			return
		}
	}
}

func (p *shelfPage) setSize(w, h int) {
	p.width, p.height = max(w, 0), max(h, 0)
	p.g = computeGeom(p.width, p.height, 1)
	p.input.SetWidth(max(p.width-4, 1))
	p.ensureVisible()
	p.ensureHitVisible()
}

// ensureVisible scrolls the list to the selected issue, with its month's
// header when it is the first of its month.
func (p *shelfPage) ensureVisible() {
	h := p.g.bodyH
	if h <= 0 || len(p.rows) == 0 {
		p.top = 0
		return
	}
	if p.sel >= 0 && p.sel < len(p.entries) {
		row := p.entries[p.sel]
		first := row
		if row > 0 && p.rows[row-1].e == nil {
			first = row - 1
		}
		if first < p.top {
			p.top = first
		}
		if row >= p.top+h {
			p.top = row - h + 1
		}
	}
	p.top = min(max(p.top, 0), max(len(p.rows)-h, 0))
}

// Update handles a message.
func (p *shelfPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case SizeMsg:
		p.setSize(msg.Width, msg.Height)
	case StylesMsg:
		p.st = msg.Styles
		p.styleInput()
	case indexMsg:
		return p, p.indexed(msg)
	case batchMsg:
		return p, p.gotBatches(msg)
	case searchTickMsg:
		return p, p.searchTick(msg)
	case BackMsg:
		p.back(msg)
	case NoticeMsg:
		p.msg, p.msgErr = msg.Text, msg.Err
	case tea.MouseWheelMsg:
		p.wheel(msg.Mouse())
	case tea.MouseClickMsg:
		p.chosen = true
		return p, p.click(msg.Mouse())
	case tea.KeyPressMsg:
		p.chosen = true
		cmd := p.key(msg)
		p.syncKeys()
		return p, cmd
	default:
		if p.prompt {
			var cmd tea.Cmd
			p.input, cmd = p.input.Update(msg)
			return p, cmd
		}
	}
	return p, nil
}

// indexed shows a newer shelf from the background indexing.
func (p *shelfPage) indexed(msg indexMsg) tea.Cmd {
	if msg.closed {
		p.updates = nil
		p.index.running = false
		return nil
	}
	u := msg.u
	p.index.done, p.index.total = u.Done, u.Total
	p.setShelf(u.Shelf)
	if u.Final {
		p.index.running = false
		if u.Err == nil && p.msg == "" {
			p.msg = fmt.Sprintf("索引完成：%d期", len(u.Shelf.Issues))
		}
	}
	p.syncKeys()
	return waitIndex(p.updates)
}

// back shows the shelf again, at the issue the reader was on.
func (p *shelfPage) back(msg BackMsg) {
	p.msg, p.msgErr, p.chosen = "", false, true
	if msg.Key != "" {
		p.seen[msg.Key] = true
	}
	if e := p.lookup(msg.Key, msg.Entry); e != nil {
		p.selectEntry(e)
	}
}

// syncKeys enables the bindings that do something now, so that help never
// shows a dead key.
func (p *shelfPage) syncKeys() {
	k := &p.keys
	searching := p.find.query != ""
	k.Open.SetEnabled(len(p.entries) > 0 || searching)
	k.Back.SetEnabled(searching || p.panel || p.prompt)
	k.NextPage.SetEnabled(!searching && len(p.rows) > len(p.entries)+1)
	k.PrevPage.SetEnabled(!searching && len(p.rows) > len(p.entries)+1)
	k.Skipped.SetEnabled(len(p.s.Skipped) > 0)
	k.Bookmark.SetEnabled(false)
	k.Bookmarks.SetEnabled(true)
}

// key handles a key press.
func (p *shelfPage) key(msg tea.KeyPressMsg) tea.Cmd {
	p.msg, p.msgErr = "", false
	k := &p.keys
	if key.Matches(msg, k.Interrupt) {
		return tea.Interrupt
	}
	switch {
	case p.prompt:
		return p.promptKey(msg)
	case p.help:
		p.helpKey(msg)
		return nil
	case p.panel:
		p.panelKey(msg)
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		p.help, p.helpTop = true, 0
	case key.Matches(msg, k.Search):
		// a new query each time, as in less (↑ brings back the last one)
		p.prompt = true
		p.input.SetValue("")
		p.input.Placeholder = "搜索书架上的各期(标题和正文)"
		if p.lastQuery != "" {
			p.input.Placeholder = "搜索书架上的各期(↑ 调出上次的" + quoted(p.lastQuery) + ")"
		}
		return p.input.Focus()
	case key.Matches(msg, k.Skipped):
		p.panel, p.panelTop = true, 0
	case key.Matches(msg, k.Bookmarks):
		return func() tea.Msg { return ShowBookmarksMsg{} }
	case p.find.query != "":
		return p.resultKey(msg)
	default:
		return p.listKey(msg)
	}
	return nil
}

// listKey handles the keys of the list of issues.
func (p *shelfPage) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &p.keys
	page := max(p.g.bodyH-1, 1)
	if next, ok := scrollStep(msg, k, p.sel, page, max(page/2, 1), len(p.entries)-1); ok {
		p.move(next)
		return nil
	}
	switch {
	case key.Matches(msg, k.NextPage):
		p.moveMonth(+1)
	case key.Matches(msg, k.PrevPage):
		p.moveMonth(-1)
	case key.Matches(msg, k.Open):
		if e := p.selected(); e != nil {
			return p.open(e, 0, issue.Pos{}, "")
		}
	case key.Matches(msg, k.Back):
		p.msg = "q 退出"
	}
	return nil
}

// move selects the issue at index i in the list.
func (p *shelfPage) move(i int) {
	if len(p.entries) == 0 {
		return
	}
	p.sel = min(max(i, 0), len(p.entries)-1)
	p.ensureVisible()
}

// moveMonth selects the first issue of the next (dir +1, older) or
// previous (−1, newer) month.
func (p *shelfPage) moveMonth(dir int) {
	if len(p.entries) == 0 {
		return
	}
	row := p.entries[p.sel]
	// the header of the selected issue's month
	h := row
	for h > 0 && p.rows[h].e != nil {
		h--
	}
	if dir > 0 {
		for h++; h < len(p.rows) && p.rows[h].e != nil; h++ {
		}
		if h >= len(p.rows) {
			p.msg = "已是最早的月份"
			return
		}
	} else {
		if row != h+1 {
			// not at the month's first issue: go there first
			p.selectRow(h + 1)
			return
		}
		if h == 0 {
			p.msg = "已是最近的月份"
			return
		}
		for h--; h > 0 && p.rows[h].e != nil; h-- {
		}
	}
	p.selectRow(h + 1)
}

// selectRow selects the issue of row r.
func (p *shelfPage) selectRow(r int) {
	for i, er := range p.entries {
		if er == r {
			p.sel = i
			p.ensureVisible()
			return
		}
	}
}

// panelKey scrolls or closes the panel of skipped files.
func (p *shelfPage) panelKey(msg tea.KeyPressMsg) {
	k := &p.keys
	h := max(p.g.bodyH-1, 1)
	top, ok := scrollStep(msg, k, p.panelTop, h, h, len(p.s.Skipped))
	p.panel = ok // s, esc or any other key closes the panel
	p.panelTop = min(max(top, 0), max(len(p.s.Skipped)-h, 0))
}

// helpKey scrolls the help (j/k, space/b, d/u, g/G) or closes it (any
// other key), as in the reader.
func (p *shelfPage) helpKey(msg tea.KeyPressMsg) {
	n := len(helpColumns(p.keys.ShelfHelp(), max(p.width-2, 1), p.st, p.ambWide))
	top, scrolled := helpScroll(msg, &p.keys, p.helpTop, n, p.g.bodyH)
	p.helpTop, p.help = top, scrolled
}

// open reads issue e in the background and opens it in the reader at
// article n and position pos (0: where reading stopped), with query
// searched for in it when set.
func (p *shelfPage) open(e *shelf.Entry, n int, pos issue.Pos, query string) tea.Cmd {
	s := p.s
	label := entryLabel(e)
	if e.Date != "" {
		label += " " + e.Date
	}
	p.msg = "正在打开 " + label + " …"
	return func() tea.Msg {
		l, err := s.Open(e)
		if err != nil {
			return ErrorMsg{Name: e.Name(), Err: err}
		}
		where := entryPath(s, e)
		return OpenMsg{Issue: l.Issue, Name: windowTitle(l.Issue, label, where), Key: l.Key, Path: where, Entry: e,
			Article: n, Pos: pos, Query: query}
	}
}

// entryPath returns where issue e of s can be opened again on its own: its
// file, or the folder of its files.
func entryPath(s *shelf.Shelf, e *shelf.Entry) string {
	rel := e.Files[0].Path
	if len(e.Files) > 1 {
		rel = path.Dir(rel)
	}
	name := filepath.Join(s.Dir, filepath.FromSlash(rel))
	if abs, err := filepath.Abs(name); err == nil {
		return abs
	}
	return name
}

// step opens the issue of the same paper before or after the one the
// reader shows (< and >); the reader says so when there is none.
func (p *shelfPage) step(msg StepIssueMsg) tea.Cmd {
	notice := func(text string) tea.Cmd {
		return func() tea.Msg { return NoticeMsg{Text: text} }
	}
	e := p.lookup(msg.Key, msg.Entry)
	if e == nil {
		return notice("这一期不在书架上")
	}
	to := p.neighbour(e, msg.Dir)
	if to == nil {
		if msg.Dir < 0 {
			return notice("已是最早的一期")
		}
		return notice("已是最新的一期")
	}
	p.selectEntry(to)
	return p.open(to, 0, issue.Pos{}, "")
}

// neighbour returns the issue of e's paper on the day before (dir −1) or
// after (dir +1) e. While the shelf is being indexed, an issue whose
// paper is not known yet counts as the same paper.
func (p *shelfPage) neighbour(e *shelf.Entry, dir int) *shelf.Entry {
	if p.s.Pending == 0 {
		if dir < 0 {
			return p.s.Prev(e)
		}
		return p.s.Next(e)
	}
	// Issues are newest first: older ones come after e.
	same := func(o *shelf.Entry) bool {
		return o.Paper == e.Paper || o.Pending || e.Pending
	}
	issues := p.s.Issues
	i := p.s.Index(e)
	if dir < 0 {
		for j := i + 1; j < len(issues); j++ {
			if issues[j].Date < e.Date && same(issues[j]) {
				return issues[j]
			}
		}
		return nil
	}
	for j := i - 1; j >= 0; j-- {
		if issues[j].Date > e.Date && same(issues[j]) {
			return issues[j]
		}
	}
	return nil
}

// wheel scrolls the list, the results or the panel.
func (p *shelfPage) wheel(m tea.Mouse) {
	d := 0
	switch m.Button {
	case tea.MouseWheelDown:
		d = wheelLines
	case tea.MouseWheelUp:
		d = -wheelLines
	default:
		return
	}
	switch {
	case p.prompt, p.help:
	case p.panel:
		p.panelTop = min(max(p.panelTop+d, 0), max(len(p.s.Skipped)-(p.g.bodyH-1), 0))
	case p.find.query != "":
		f := &p.find
		f.top = min(max(f.top+d, 0), max(2*len(f.hits)-(p.g.bodyH-1), 0))
	default:
		p.top = min(max(p.top+d, 0), max(len(p.rows)-p.g.bodyH, 0))
	}
}

// click selects the issue (or result) under the pointer; a click on the
// one selected opens it.
func (p *shelfPage) click(m tea.Mouse) tea.Cmd {
	if m.Button != tea.MouseLeft || p.prompt || p.help || p.panel {
		return nil
	}
	y := m.Y - p.g.bodyY
	if y < 0 || y >= p.g.bodyH {
		return nil
	}
	if p.find.query != "" {
		f := &p.find
		i := (f.top + y - 1) / 2
		if y == 0 || i < 0 || i >= len(f.hits) {
			return nil
		}
		if i == f.cur {
			return p.openHit()
		}
		f.cur = i
		return nil
	}
	row := p.top + y
	if row >= len(p.rows) || p.rows[row].e == nil {
		return nil
	}
	if p.selected() == p.rows[row].e {
		return p.open(p.rows[row].e, 0, issue.Pos{}, "")
	}
	p.selectRow(row)
	return nil
}

// cursor returns the terminal cursor: in the prompt when it is open.
func (p *shelfPage) cursor() *tea.Cursor {
	if !p.prompt || p.g.statusH == 0 || p.help {
		return nil
	}
	runes := []rune(p.input.Value())
	pos := min(max(p.input.Position(), 0), len(runes))
	x := stringWidth(p.input.Prompt, p.ambWide) + stringWidth(string(runes[:pos]), p.ambWide)
	return tea.NewCursor(min(x, max(p.width-1, 0)), p.height-1)
}
