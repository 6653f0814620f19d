package tui

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/textsafe"
	"dubao/ui/config"
	"dubao/ui/render"
	"dubao/ui/state"
	"dubao/ui/styles"
	"dubao/ui/tui/bookmarks"
	"dubao/ui/tui/common"
	"dubao/ui/tui/reader"
	shelfpage "dubao/ui/tui/shelf"
)

// Model is the root model: it owns the terminal modes, the size, the
// styles and the reading state, and routes messages to the page shown.
type Model struct {
	opt     Options
	keys    common.KeyMap
	mode    styles.Mode
	st      styles.Styles
	rnd     *render.Renderer
	width   int
	height  int
	showing showing
	before  showing // the page the bookmarks list was opened from
	shelf   *shelfpage.Page
	reader  *reader.Page
	marks   *bookmarks.Page
	errPage *errorPage
	errFrom showing // the page the error page was shown over
	title   string
	measure int               // the reading measure, kept from one issue to the next
	initial int               // the configured reading measure, which = restores
	script  script.Conversion // how text is shown (繁简), kept from one issue to the next
	ambWide bool
	initCmd tea.Cmd // work started by New, returned by Init
	// arriving is the latest reading of Run's issue while it arrives
	// (Options.Arrivals).
	arriving *issue.Issue
	// shownOnce is set once the first screen is made (Options.Shown).
	shownOnce bool
	// stopping are the | commands stopped, until they end (see quit)
	stopping []<-chan struct{}

	store   *state.Store
	states  map[string]*state.Issue // the reading state of the issues opened, by key
	saveErr bool                    // a failed save was reported

	// bg is the terminal's background as it answered; fewColors is set on
	// a terminal of 16 colours or fewer (the selection is then reverse
	// video: see styles.FewColors).
	bg        background
	fewColors bool
	// fullPunct and indentOnly are how text is set (config punctuation
	// and paragraphs).
	fullPunct, indentOnly bool
	// savedMeasure is the reading measure remembered from the last run
	// (state.Prefs), 0 for none: the measure is saved on quitting when it
	// changed.
	savedMeasure int
}

// showing says which page the root shows.
type showing uint8

const (
	showReader showing = iota
	showShelf
	showError
	showBookmarks
)

// New returns the root model showing is in the reader, or the shelf
// (opt.Shelf) when is is nil.
func New(is *issue.Issue, opt Options) *Model {
	cfg := opt.Config
	if cfg.Keys == nil { // the zero Config
		d := config.Defaults()
		d.Style, d.Measure, d.AmbiguousWide, d.Script = cfg.Style, cfg.Measure, cfg.AmbiguousWide, cfg.Script
		cfg = d
	}
	if cfg.Measure <= 0 {
		cfg.Measure = config.DefaultMeasure
	}
	mode := opt.Style
	if mode == "" {
		mode = cfg.Style
	}
	if mode == "" {
		mode = styles.Auto
	}
	m := &Model{
		opt:     opt,
		keys:    common.NewKeyMap(cfg.Keys),
		mode:    mode,
		measure: cfg.Measure,
		initial: cfg.Measure,
		script:  cfg.Script,
		ambWide: opt.AmbiguousWide || cfg.AmbiguousWide,
		width:   80,
		height:  24,
		store:   opt.State,
		states:  map[string]*state.Issue{},
	}
	m.fullPunct, m.indentOnly = cfg.FullWidthPunct, cfg.IndentOnly
	if m.store == nil {
		m.store = state.Disabled()
	}
	// the measure set with + and - last time (a damaged file: the configured one)
	if p, err := m.store.LoadPrefs(); err == nil && p.Measure >= config.MinMeasure && p.Measure <= config.MaxMeasure {
		m.measure, m.savedMeasure = p.Measure, p.Measure
	}
	m.setStyles(readerStyles(mode, bgUnknown, opt.NoColor, false))
	var cmds []tea.Cmd
	if opt.Shelf != nil {
		m.shelf = shelfpage.New(opt.Shelf, opt.Indexing, m.env(), m.store)
		m.showing = showShelf
		cmds = append(cmds, m.shelf.Init())
	}
	if is != nil {
		cmds = append(cmds, m.open(common.OpenMsg{Issue: is, Name: opt.Name, Key: opt.Key, Path: opt.Path,
			Entry: opt.Entry, Article: opt.Article}))
	}
	if opt.Arrivals != nil {
		m.arriving = is
		cmds = append(cmds, waitArrival(opt.Arrivals))
	}
	m.initCmd = tea.Batch(cmds...)
	return m
}

// background is what the root knows of the terminal's background.
type background uint8

const (
	bgUnknown background = iota // not answered (yet): the fallback palette
	bgDark
	bgLight
)

// readerStyles returns the styles of the reader for a mode, the terminal's
// background as far as it is known and whether the terminal has only 16
// colours (or fewer): notty still needs attributes (reverse for the
// selection) to be usable, so it gets NoColor; auto uses the palette for
// the background the terminal answered, and the fallback palette, which
// reads on both, while it has not (tmux 3.3 and GNU screen never answer).
func readerStyles(mode styles.Mode, bg background, noColor, few bool) styles.Styles {
	var st styles.Styles
	if mode == styles.NoTTY {
		st = styles.NoColor()
	} else {
		st = styles.ForBackground(mode, bg != bgLight, bg != bgUnknown, noColor)
	}
	if few {
		st = st.FewColors()
	}
	return st
}

func (m *Model) setStyles(st styles.Styles) {
	m.st = st
	m.rnd = render.New(st)
}

// open shows an issue in a new reader, where its reading state says
// reading stopped; the command counts its articles' characters in the
// background.
func (m *Model) open(msg common.OpenMsg) tea.Cmd {
	if m.reader != nil {
		m.leave()
	}
	st, notice := m.stateOf(msg)
	if st != nil && msg.Article == 0 && st.Last != 0 {
		msg.Article, msg.Pos = st.Last, st.Position(st.Last)
	}
	if notice != "" {
		msg.Note = common.Status{Text: notice, Err: true}
	}
	m.reader = reader.New(msg, m.env(), st, m.shelf != nil && msg.Entry != nil, m.width, m.height)
	if m.shelf != nil {
		m.shelf.Opened(msg.Key, msg.Entry)
	}
	m.showing = showReader
	m.marks = nil
	m.title = common.WindowTitle(msg.Issue, msg.Name, msg.Path)
	return m.reader.Init()
}

// stateOf returns the reading state of the issue msg opens (nil when it
// has no key), bound to the issue as parsed now, and a notice when its
// saved state could not be read.
func (m *Model) stateOf(msg common.OpenMsg) (*state.Issue, string) {
	if msg.Key == "" {
		return nil, ""
	}
	notice := ""
	st := m.states[msg.Key]
	if st == nil {
		var err error
		st, err = m.store.Load(msg.Key)
		switch {
		case errors.Is(err, state.ErrCorrupt):
			notice = "阅读记录已损坏，从头开始(旧文件已改名为 .corrupt)"
		case err != nil:
			// The state package names what it is; the notice says it.
			if inner := errors.Unwrap(err); inner != nil {
				err = inner
			}
			notice = "读不了阅读记录：" + err.Error()
		}
		m.states[msg.Key] = st
	}
	st.Bind(msg.Issue)
	path := msg.Path
	if path == "" {
		path = st.Path // keep where it was read from before
	}
	describeState(st, msg, path)
	return st, notice
}

// save writes st in the background; the first failure is reported in the
// status line, once.
func (m *Model) save(st *state.Issue) string {
	if st == nil {
		return ""
	}
	if err := m.store.SaveLater(st); err != nil && !m.saveErr {
		m.saveErr = true
		return "阅读记录没能保存：" + err.Error()
	}
	return ""
}

// saveNow writes st at once: "" when it is kept, else why not (the
// change stays for the session).
func (m *Model) saveNow(st *state.Issue) string {
	if st == nil {
		return ""
	}
	if err := m.store.Save(st); err != nil {
		return textsafe.Line(err.Error())
	}
	return ""
}

// env is what the root shares with its pages.
func (m *Model) env() common.Env {
	return common.Env{Keys: m.keys, St: m.st, Rnd: m.rnd, Measure: m.initial, Current: m.measure, AmbWide: m.ambWide,
		Script: m.script, FullWidthPunct: m.fullPunct, IndentOnly: m.indentOnly, Save: m.save, SaveNow: m.saveNow}
}

// Init asks the terminal for its background colour (for the auto style)
// and starts the background work of the issue opened and of the shelf.
func (m *Model) Init() tea.Cmd {
	if m.mode == styles.Auto && !m.opt.NoColor {
		return tea.Batch(tea.RequestBackgroundColor, m.initCmd)
	}
	return m.initCmd
}

// Update routes a message: the size and styles to every page, the
// results of a page's background work to that page (common.Routed), the
// messages between pages to the root's own handling, and the rest (keys,
// the mouse) to the page shown.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		return m, m.broadcast(common.SizeMsg{Width: m.width, Height: m.height})
	case tea.BackgroundColorMsg:
		if m.mode != styles.Auto {
			return m, nil
		}
		m.bg = bgLight
		if msg.IsDark() {
			m.bg = bgDark
		}
		m.setStyles(readerStyles(m.mode, m.bg, m.opt.NoColor, m.fewColors))
		return m, m.broadcast(common.StylesMsg{Styles: m.st})
	case tea.ColorProfileMsg:
		few := msg.Profile != colorprofile.Unknown && msg.Profile <= colorprofile.ANSI
		if few == m.fewColors {
			return m, nil
		}
		m.fewColors = few
		m.setStyles(readerStyles(m.mode, m.bg, m.opt.NoColor, m.fewColors))
		return m, m.broadcast(common.StylesMsg{Styles: m.st})
	case common.Routed:
		return m, m.route(msg)
	case arrivalMsg:
		return m, m.arrive(msg)
	case common.OpenMsg:
		return m, m.open(msg)
	case common.BackMsg:
		if m.shelf == nil {
			return m, nil
		}
		m.leave()
		m.showing = showShelf
		m.title = ""
		return m, m.send(msg)
	case common.StepIssueMsg:
		if m.shelf == nil {
			return m, nil
		}
		_, cmd := m.shelf.Update(msg)
		return m, cmd
	case common.ShowBookmarksMsg:
		if m.showing != showBookmarks {
			m.before = m.showing
		}
		m.leave()
		m.marks = bookmarks.New(m.env(), m.width, m.height)
		m.showing = showBookmarks
		return m, m.loadBookmarks()
	case bookmarks.OpenMsg:
		return m, m.openBookmark(msg.Bookmark)
	case bookmarks.DropMsg:
		return m, m.dropBookmark(msg.Bookmark)
	case bookmarks.LeaveMsg:
		m.marks = nil
		m.showing = m.before
		if m.showing == showReader && m.reader == nil || m.showing == showShelf && m.shelf == nil {
			return m, tea.Quit
		}
		return m, nil
	case common.ErrorMsg:
		if m.showing != showError {
			m.errFrom = m.showing
		}
		m.errPage = newErrorPage(msg, m.keys, m.st, m.width, m.height)
		m.showing = showError
		if m.shelf != nil {
			// The shelf's 正在打开… is over.
			m.shelf.Update(common.NoticeMsg{})
		}
		return m, nil
	case leaveErrorMsg:
		// Back where the error came from: the reader stays on its
		// article when the issue it stepped to (<, >) cannot be opened.
		name := ""
		if m.errPage != nil {
			name = m.errPage.msg.Name
		}
		m.errPage = nil
		switch {
		case m.errFrom == showReader && m.reader != nil:
			m.showing = showReader
			m.reader.Update(common.NoticeMsg{Text: "无法打开 " + textsafe.Line(name), Err: true})
		case m.shelf != nil:
			m.showing = showShelf
		case m.reader != nil:
			m.showing = showReader
		default:
			return m, tea.Quit
		}
		return m, nil
	}
	return m, m.send(msg)
}

// route gives the result of a page's background work to that page, shown
// or not; the result of a page that is gone is dropped.
func (m *Model) route(msg common.Routed) tea.Cmd {
	var p common.Page
	switch msg.RouteTo() {
	case common.ReaderPage:
		if m.reader != nil {
			p = m.reader
		}
	case common.ShelfPage:
		if m.shelf != nil {
			p = m.shelf
		}
	case common.BookmarksPage:
		if m.marks != nil {
			p = m.marks
		}
	}
	if p == nil {
		return nil
	}
	_, cmd := p.Update(msg)
	return cmd
}

// send gives msg to the page shown.
func (m *Model) send(msg tea.Msg) tea.Cmd {
	if p := m.shown(); p != nil {
		_, cmd := p.Update(msg)
		return cmd
	}
	return nil
}

// shown returns the page shown, or nil.
func (m *Model) shown() common.Page {
	switch {
	case m.showing == showError && m.errPage != nil:
		return m.errPage
	case m.showing == showBookmarks && m.marks != nil:
		return m.marks
	case m.showing == showShelf && m.shelf != nil:
		return m.shelf
	case m.showing == showReader && m.reader != nil:
		return m.reader
	}
	return nil
}

// broadcast gives msg to every page.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range m.pages() {
		_, cmd := p.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// pages returns the pages that exist.
func (m *Model) pages() []common.Page {
	var out []common.Page
	if m.shelf != nil {
		out = append(out, m.shelf)
	}
	if m.reader != nil {
		out = append(out, m.reader)
	}
	if m.marks != nil {
		out = append(out, m.marks)
	}
	if m.errPage != nil {
		out = append(out, m.errPage)
	}
	return out
}

// cursorPage is a page that may place the terminal's cursor: in the
// field being typed into (the reader's search, the shelf's filter).
type cursorPage interface {
	Cursor() *tea.Cursor
}

// View draws the page shown, full screen, with the mouse on.
func (m *Model) View() tea.View {
	content := ""
	var cursor *tea.Cursor
	if p := m.shown(); p != nil {
		content = p.View()
		if c, ok := p.(cursorPage); ok {
			cursor = c.Cursor()
		}
	}
	v := tea.NewView(common.Fit(content, m.width, m.height))
	if m.width > 0 && m.height > 0 { // no cell to put it on otherwise
		v.Cursor = cursor
	}
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "dubao"
	if m.showing == showReader && m.title != "" {
		v.WindowTitle = "dubao · " + textsafe.Line(m.title)
	}
	if !m.shownOnce && m.opt.Shown != nil {
		m.shownOnce = true
		m.opt.Shown()
	}
	return v
}

// leaveErrorMsg leaves the error page.
type leaveErrorMsg struct{}

// leave remembers where the reader is in its issue (saved in the
// background), stops its | command, and tells Options.OnLeave.
func (m *Model) leave() {
	r := m.reader
	if r == nil {
		return
	}
	if ended := r.Leave(); ended != nil { // a | command ends with the reader
		m.stopping = append(m.stopping, ended)
	}
	m.measure = r.ReadingMeasure()
	m.script = r.Script()
	if m.opt.OnLeave != nil {
		n, pos := r.Position()
		m.opt.OnLeave(r.Issue(), n, pos)
	}
}

// quit leaves the reader, waits (at most reader.StopWait) until the |
// commands stopped have ended, and until the reading state is written.
func (m *Model) quit() error {
	m.leave()
	if m.shelf != nil {
		m.shelf.StopSearch()
	}
	deadline := time.After(reader.StopWait)
	for _, ended := range m.stopping {
		select {
		case <-ended:
		case <-deadline:
		}
	}
	m.stopping = nil
	err := m.store.Flush()
	if m.measure != m.savedMeasure && (m.savedMeasure != 0 || m.measure != m.initial) {
		if perr := m.store.SavePrefs(state.Prefs{Measure: m.measure}); perr != nil && err == nil {
			err = perr
		}
		m.savedMeasure = m.measure
	}
	return err
}

// describeState records in st what the reader shows for the issue msg
// opens, read from path: its paper and date as the masthead gives them,
// and the name and date the reader shows — the base name of the file when
// there is no paper, the date of the shelf's entry (from the file's name)
// when the masthead has none — so that its bookmarks are listed as the
// reader showed it.
func describeState(st *state.Issue, msg common.OpenMsg, path string) {
	st.Describe(msg.Issue, path)
	date := msg.Issue.Date
	if date == "" && msg.Entry != nil {
		date = msg.Entry.Date
	}
	st.Label(common.IssueLabel(msg.Issue, msg.Name, msg.Path), date)
}
