// Package shelf is the shelf page of the full-screen program: the issues
// of a folder (dubao/issue/shelf, imported under the same name) grouped by
// year and month, newest first; the panel of the files that are not
// issues; and a search of every issue whose results stream in. It opens an
// issue by sending common.OpenMsg to the root.
package shelf

import (
	"fmt"
	"path"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/state"
	"dubao/ui/tui/common"
)

// indexMsg carries an update of the shelf's background indexing; closed
// is set when the channel of updates is closed.
type indexMsg struct {
	u      shelf.Update
	closed bool
}

// RouteTo routes the message to the shelf, whatever page is shown.
func (indexMsg) RouteTo() common.PageID { return common.ShelfPage }

// Page is the shelf: the issues of a folder grouped by year and
// month, newest first, with their paper, date, pages and articles; a
// panel of the files that are not issues; and a search of every issue
// whose results stream in (shelfsearch.go).
type Page struct {
	env   common.Env
	keys  common.KeyMap // its own copy: what is enabled is the shelf's
	store *state.Store

	s       *shelf.Shelf
	updates <-chan shelf.Update // the background indexing; nil when done
	index   struct {
		done, total int
		running     bool
	}
	seen map[string]bool // keys of issues with saved reading state
	// readN is how many articles of each issue (by key) are marked read:
	// read from every state file in the background (readCounts), and
	// updated when the reader comes back from an issue.
	readN    map[string]int
	counting bool // readN is being read (see readCounts)
	// lastRead is the key of the issue read last (its state saved last):
	// the shelf opens with it selected, once it is on the shelf, unless
	// an issue was chosen before (chosen).
	lastRead string
	chosen   bool
	byPath   map[string]*shelf.Entry // entries by their first file

	width, height int
	g             common.Geom
	rows          []shelfRow
	entries       []int // row of each entry, in shelf order
	paperW        int   // width of the paper column
	papers        int   // number of papers on the shelf
	sel           int   // index in entries of the selected issue
	list          common.Scroller

	panel     bool // the panel of skipped files is shown
	panelRows common.Scroller
	help      bool
	helpRows  common.Help

	input       common.Prompt // the search prompt
	lastQuery   string        // the query searched last, which ↑ brings back in the prompt
	find        shelfSearch
	searchPause time.Duration // searchPause; shorter in tests
	batchMax    int           // batchMax; fewer in tests

	note common.Status // the status line's message, until the next key

	// fronts are the front pages read of the issues selected on a wide
	// screen (see front.go).
	fronts    map[*shelf.Entry]front
	frontRead frontRead
}

// shelfRow is a row of the shelf list: a month's header, or an issue.
type shelfRow struct {
	e     *shelf.Entry // nil for a header
	year  int
	month time.Month
	count int // issues in the month (header)
}

// New returns the shelf page on s, whose background indexing sends
// updates (nil when s is complete), with the reading state of its issues in
// store.
func New(s *shelf.Shelf, updates <-chan shelf.Update, e common.Env, store *state.Store) *Page {
	p := &Page{env: e, keys: e.Keys, store: store, updates: updates, seen: map[string]bool{}, readN: map[string]int{},
		fronts: map[*shelf.Entry]front{}}
	var latest time.Time
	for key, at := range store.SavedTimes() {
		p.seen[key] = true
		if p.lastRead == "" || at.After(latest) || at.Equal(latest) && key < p.lastRead {
			p.lastRead, latest = key, at
		}
	}
	p.counting = len(p.seen) > 0
	p.index.running = updates != nil
	p.index.total = s.Pending
	p.searchPause, p.batchMax = searchPause, batchMax
	p.frontRead.pause = frontPause
	p.input = common.NewPrompt(e.St)
	p.setShelf(s)
	p.setSize(80, 24)
	p.syncKeys()
	return p
}

// Init starts listening to the background indexing.
func (p *Page) Init() tea.Cmd {
	return tea.Batch(waitIndex(p.updates), p.readCounts())
}

// readCountsMsg carries the number of articles marked read of each issue
// with saved reading state.
type readCountsMsg map[string]int

// RouteTo routes the message to the shelf, whatever page is shown.
func (readCountsMsg) RouteTo() common.PageID { return common.ShelfPage }

// readCounts reads how many articles of each issue are marked read, in
// the background: it reads every state file (a year of issues read is a
// year of files), which start-up does not wait for.
func (p *Page) readCounts() tea.Cmd {
	if !p.counting {
		return nil
	}
	store := p.store
	return func() tea.Msg { return readCountsMsg(store.ReadCounts()) }
}

// countsRead takes the read counts from the state files; a count the
// reader gave since (an issue read meanwhile) is newer and kept.
func (p *Page) countsRead(counts readCountsMsg) {
	p.counting = false
	for key, n := range counts {
		if _, ok := p.readN[key]; !ok {
			p.readN[key] = n
		}
	}
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

// setShelf shows s (a newer shelf from the indexing), keeping the issue
// selected.
func (p *Page) setShelf(s *shelf.Shelf) {
	var keep *shelf.Entry
	if e := p.Selected(); e != nil {
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
			p.paperW = max(p.paperW, common.StringWidth(common.EntryLabel(e), p.env.AmbWide))
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
			p.Select(e)
		}
	}
	p.panelRows.Top = min(p.panelRows.Top, max(len(s.Skipped)-1, 0))
	p.ensureVisible()
}

// Selected returns the selected issue, or nil.
func (p *Page) Selected() *shelf.Entry {
	if p.sel < 0 || p.sel >= len(p.entries) {
		return nil
	}
	return p.rows[p.entries[p.sel]].e
}

// lookup finds an issue on the shelf shown: by its key, else by its first
// file (an entry of an older shelf, or one still pending then).
func (p *Page) lookup(key string, e *shelf.Entry) *shelf.Entry {
	if found := p.s.ByKey(key); found != nil {
		return found
	}
	if e != nil {
		return p.byPath[e.Files[0].Path]
	}
	return nil
}

// Opened is told that the issue of key, entry e when it is on the shelf,
// was opened in the reader: it is marked as read before, and selected.
func (p *Page) Opened(key string, e *shelf.Entry) {
	if key == "" {
		return
	}
	p.seen[key] = true
	if e != nil {
		p.Select(p.lookup(key, e))
		p.chosen = true
	}
}

// OpenKey opens the issue of key, if it is on the shelf, at article n and
// position pos; nil when it is not on the shelf.
func (p *Page) OpenKey(key string, n int, pos issue.Pos) tea.Cmd {
	e := p.lookup(key, nil)
	if e == nil {
		return nil
	}
	return p.open(e, n, pos, "")
}

// Select selects e (an entry of the shelf shown).
func (p *Page) Select(e *shelf.Entry) {
	for i, r := range p.entries {
		if p.rows[r].e == e {
			p.sel = i
			p.ensureVisible()
			return
		}
	}
}

func (p *Page) setSize(w, h int) {
	p.width, p.height = max(w, 0), max(h, 0)
	p.g = common.NewGeom(p.width, p.height, 1)
	p.input.SetWidth(p.width)
	p.ensureVisible()
	p.ensureHitVisible()
}

// ensureVisible scrolls the list to the selected issue, with its month's
// header when it is the first of its month.
func (p *Page) ensureVisible() {
	first, last := 0, -1
	if p.sel >= 0 && p.sel < len(p.entries) {
		last = p.entries[p.sel]
		first = last
		if last > 0 && p.rows[last-1].e == nil {
			first = last - 1
		}
	}
	p.list.Show(first, last, len(p.rows), p.g.BodyH)
}

// Update handles a message, and starts reading the front page of the
// issue selected when it is shown beside the list.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	var pg common.Page
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case frontMsg:
		p.gotFront(msg)
		return p, p.wantFront() // the issue selected may be one whose reading was cancelled
	case frontTickMsg:
		pg, cmd = p, p.frontTick(msg)
	default:
		pg, cmd = p.update(msg)
	}
	if want := p.wantFront(); want != nil {
		cmd = tea.Batch(cmd, want)
	}
	return pg, cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case common.SizeMsg:
		p.setSize(msg.Width, msg.Height)
	case common.StylesMsg:
		p.env.SetStyles(msg.Styles)
		p.input.SetStyles(msg.Styles)
	case indexMsg:
		return p, p.indexed(msg)
	case readCountsMsg:
		p.countsRead(msg)
	case batchMsg:
		return p, p.gotBatches(msg)
	case searchTickMsg:
		return p, p.searchTick(msg)
	case common.BackMsg:
		p.back(msg)
	case common.StepIssueMsg:
		if msg.Key != "" && msg.Read >= 0 {
			p.readN[msg.Key] = msg.Read
		}
		return p, p.step(msg)
	case common.NoticeMsg:
		p.note = common.Status(msg)
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
		if p.input.IsOpen() {
			_, cmd := p.input.Update(msg)
			return p, cmd
		}
	}
	return p, nil
}

// indexed shows a newer shelf from the background indexing.
func (p *Page) indexed(msg indexMsg) tea.Cmd {
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
		if u.Err == nil && p.note.Text == "" {
			p.note.Set(fmt.Sprintf("索引完成：%d期", len(u.Shelf.Issues)))
		}
	}
	p.syncKeys()
	return waitIndex(p.updates)
}

// back shows the shelf again, at the issue the reader was on.
func (p *Page) back(msg common.BackMsg) {
	p.note, p.chosen = common.Status{}, true
	if msg.Key != "" {
		p.seen[msg.Key] = true
		if msg.Read >= 0 {
			p.readN[msg.Key] = msg.Read
		}
	}
	if e := p.lookup(msg.Key, msg.Entry); e != nil {
		p.Select(e)
	}
}

// syncKeys enables the bindings that do something now, so that help never
// shows a dead key.
func (p *Page) syncKeys() {
	k := &p.keys
	searching := p.find.query != ""
	k.Open.SetEnabled(len(p.entries) > 0 || searching)
	k.Back.SetEnabled(searching || p.panel || p.input.IsOpen())
	k.NextPage.SetEnabled(!searching && len(p.rows) > len(p.entries)+1)
	k.PrevPage.SetEnabled(!searching && len(p.rows) > len(p.entries)+1)
	k.Skipped.SetEnabled(len(p.s.Skipped) > 0)
	k.Bookmark.SetEnabled(false)
	k.Bookmarks.SetEnabled(true)
}

// key handles a key press.
func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	p.note = common.Status{}
	k := &p.keys
	if common.Matches(msg, k.Interrupt) {
		return tea.Interrupt
	}
	switch {
	case p.input.IsOpen():
		return p.promptKey(msg)
	case p.help:
		p.helpKey(msg)
		return nil
	case p.panel:
		p.panelKey(msg)
		return nil
	}
	switch {
	case common.Matches(msg, k.Quit):
		return tea.Quit
	case common.Matches(msg, k.Help):
		p.help, p.helpRows.Top = true, 0
	case common.Matches(msg, k.Search):
		// a new query each time, as in less (↑ brings back the last one)
		hint := "搜索书架上的各期(标题和正文)"
		if p.lastQuery != "" {
			hint = "搜索书架上的各期(↑ 调出上次的" + common.Quoted(p.lastQuery) + ")"
		}
		return p.input.Open("/", hint)
	case common.Matches(msg, k.Skipped) && len(p.s.Skipped) == 0:
		p.note.Set("没有跳过的文件")
	case common.Matches(msg, k.Skipped):
		p.panel, p.panelRows.Top = true, 0
	case common.Matches(msg, k.Bookmarks):
		return common.Send(common.ShowBookmarksMsg{})
	case p.find.query != "":
		return p.resultKey(msg)
	default:
		return p.listKey(msg)
	}
	return nil
}

// listKey handles the keys of the list of issues.
func (p *Page) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &p.keys
	page := max(p.g.BodyH-1, 1)
	if next, ok := common.Step(msg, k, p.sel, page, max(page/2, 1), len(p.entries)-1); ok {
		p.move(next)
		return nil
	}
	switch {
	case common.Matches(msg, k.NextPage):
		p.moveMonth(+1)
	case common.Matches(msg, k.PrevPage):
		p.moveMonth(-1)
	case common.Matches(msg, k.Open):
		if e := p.Selected(); e != nil {
			return p.open(e, 0, issue.Pos{}, "")
		}
	case common.Matches(msg, k.Back):
		p.note.Set(common.Hint("退出", k.Quit))
	}
	return nil
}

// move selects the issue at index i in the list.
func (p *Page) move(i int) {
	if len(p.entries) == 0 {
		return
	}
	p.sel = min(max(i, 0), len(p.entries)-1)
	p.ensureVisible()
}

// moveMonth selects the first issue of the next (dir +1, older) or
// previous (−1, newer) month.
func (p *Page) moveMonth(dir int) {
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
			p.note.Set("已是最早的月份")
			return
		}
	} else {
		if row != h+1 {
			// not at the month's first issue: go there first
			p.selectRow(h + 1)
			return
		}
		if h == 0 {
			p.note.Set("已是最近的月份")
			return
		}
		for h--; h > 0 && p.rows[h].e != nil; h-- {
		}
	}
	p.selectRow(h + 1)
}

// selectRow selects the issue of row r.
func (p *Page) selectRow(r int) {
	for i, er := range p.entries {
		if er == r {
			p.sel = i
			p.ensureVisible()
			return
		}
	}
}

// panelKey scrolls the panel of skipped files (j/k, space/b, d/u, g/G)
// or closes it (s, esc or any other key).
func (p *Page) panelKey(msg tea.KeyPressMsg) {
	p.panel = p.panelRows.Key(msg, &p.keys, len(p.s.Skipped), max(p.g.BodyH-1, 1))
}

// helpLines lays out the help of the keys of the shelf.
func (p *Page) helpLines() []string {
	return common.HelpColumns(p.keys.ShelfHelp(), max(p.width-2, 1), p.env.St, p.env.AmbWide)
}

// helpKey scrolls the help (j/k, space/b, d/u, g/G) or closes it (any
// other key), as in the reader.
func (p *Page) helpKey(msg tea.KeyPressMsg) {
	p.help = p.helpRows.Key(msg, &p.keys, len(p.helpLines()), p.g.BodyH)
}

// open reads issue e in the background and opens it in the reader at
// article n and position pos (0: where reading stopped), with query
// searched for in it when set.
func (p *Page) open(e *shelf.Entry, n int, pos issue.Pos, query string) tea.Cmd {
	s := p.s
	label := common.EntryLabel(e)
	if e.Date != "" {
		label += " " + e.Date
	}
	p.note.Set("正在打开 " + label + " …")
	return func() tea.Msg {
		l, err := s.Open(e)
		if err != nil {
			return common.ErrorMsg{Name: e.Name(), Err: err}
		}
		where := entryPath(s, e)
		return common.OpenMsg{Issue: l.Issue, Name: common.WindowTitle(l.Issue, label, where), Key: l.Key, Path: where, Entry: e,
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
func (p *Page) step(msg common.StepIssueMsg) tea.Cmd {
	notice := func(text string) tea.Cmd {
		return func() tea.Msg { return common.NoticeMsg{Text: text} }
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
	p.Select(to)
	return p.open(to, 0, issue.Pos{}, "")
}

// neighbour returns the issue of e's paper on the day before (dir −1) or
// after (dir +1) e. While the shelf is being indexed, an issue whose
// paper is not known yet counts as the same paper.
func (p *Page) neighbour(e *shelf.Entry, dir int) *shelf.Entry {
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
func (p *Page) wheel(m tea.Mouse) {
	switch {
	case p.input.IsOpen(), p.help:
	case p.panel:
		p.panelRows.Wheel(m, len(p.s.Skipped), p.g.BodyH-1)
	case p.find.query != "":
		p.find.rows.Wheel(m, len(p.find.hitRows), p.g.BodyH-1)
	default:
		p.list.Wheel(m, len(p.rows), p.g.BodyH)
	}
}

// click selects the issue (or result) under the pointer; a click on the
// one selected opens it.
func (p *Page) click(m tea.Mouse) tea.Cmd {
	if m.Button != tea.MouseLeft || p.input.IsOpen() || p.help || p.panel {
		return nil
	}
	y := m.Y - p.g.BodyY
	if y < 0 || y >= p.g.BodyH {
		return nil
	}
	if p.find.query != "" {
		f := &p.find
		row := f.rows.Top + y - 1
		if y == 0 || row < 0 || row >= len(f.hitRows) {
			return nil
		}
		i := f.hitRows[row].hit
		if i == f.cur {
			return p.openHit()
		}
		f.cur = i
		return nil
	}
	row := p.list.Top + y
	if row >= len(p.rows) || p.rows[row].e == nil {
		return nil
	}
	if p.Selected() == p.rows[row].e {
		return p.open(p.rows[row].e, 0, issue.Pos{}, "")
	}
	p.selectRow(row)
	return nil
}

// Cursor returns the terminal cursor: in the prompt when it is open.
func (p *Page) Cursor() *tea.Cursor {
	if !p.input.IsOpen() || p.g.StatusH == 0 || p.help {
		return nil
	}
	return p.input.Cursor(p.width, p.height, p.env.AmbWide)
}
