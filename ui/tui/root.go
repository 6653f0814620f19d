package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/config"
	"dubao/ui/render"
	"dubao/ui/state"
	"dubao/ui/styles"
)

// Page is one full-screen page the root model routes between: the reader,
// the shelf, the bookmarks and the error page. A page gets every message
// while it is shown, and the size and style messages always.
type Page interface {
	// Update handles a message.
	Update(msg tea.Msg) (Page, tea.Cmd)
	// View draws the page: at most Height lines of at most Width columns
	// of the last SizeMsg.
	View() string
}

// SizeMsg gives every page the terminal size.
type SizeMsg struct{ Width, Height int }

// StylesMsg gives every page new styles (after the terminal background
// has been detected).
type StylesMsg struct{ Styles styles.Styles }

// OpenMsg opens an issue in the reader, at article number Article (0: the
// article read last, or the first) and position Pos in it (the zero Pos:
// where reading stopped, or its top).
type OpenMsg struct {
	Issue *issue.Issue
	// Name names the issue in the window title and messages.
	Name string
	// Key identifies the issue by its content (shelf.Key): its reading
	// state is remembered under it. Empty: nothing is remembered.
	Key string
	// Path is where the issue was read from (a file, or the folder of its
	// files), so that a bookmark can open it again; empty for stdin.
	Path string
	// Entry is the issue's entry when it was opened from the shelf: the
	// reader's < and > then go to the previous and next day.
	Entry   *shelf.Entry
	Article int
	Pos     issue.Pos
	// Query, when set, is searched for in the issue as the reader's /
	// does, and the match at Pos (or the first after it) is the current
	// one: a result of the shelf's search opens at its match, highlighted.
	Query string

	// back is where esc and backspace return to from the issue opened
	// (an issue left for a bookmark of another); note is a message for
	// the status line once it is open.
	back *OpenMsg
	note string
}

// BackMsg asks to leave the reader (esc in the headline list, backspace
// with no jump to return from). The root shows the shelf when there is
// one; without a shelf it is ignored. Article and Pos say where the reader
// was, for the shelf to remember.
type BackMsg struct {
	Issue   *issue.Issue
	Key     string
	Entry   *shelf.Entry
	Article int
	Pos     issue.Pos
}

// StepIssueMsg asks the shelf for the issue of the same paper before (Dir
// −1) or after (Dir +1) the one open in the reader (< and >).
type StepIssueMsg struct {
	Key   string
	Entry *shelf.Entry
	Dir   int
}

// NoticeMsg shows a message in the status line of the page shown, until
// the next key; Err marks it as an error.
type NoticeMsg struct {
	Text string
	Err  bool
}

// ErrorMsg shows the error page: a file could not be opened as an issue.
// Any key leaves it (back to the shelf, or quit).
type ErrorMsg struct {
	Name string
	Err  error
}

// ShowBookmarksMsg shows the list of bookmarks of every issue (M).
type ShowBookmarksMsg struct{}

// Model is the root model: it owns the terminal modes, the size, the
// styles and the reading state, and routes messages to the page shown.
type Model struct {
	opt     Options
	keys    KeyMap
	mode    styles.Mode
	st      styles.Styles
	rnd     *render.Renderer
	width   int
	height  int
	showing showing
	before  showing // the page the bookmarks list was opened from
	shelf   *shelfPage
	reader  *Reader
	marks   *bookmarksPage
	errPage *errorPage
	title   string
	measure int // the reading measure, kept from one issue to the next
	initial int // the configured reading measure, which = restores
	ambWide bool
	initCmd tea.Cmd // work started by New, returned by Init

	store   *state.Store
	states  map[string]*state.Issue // the reading state of the issues opened, by key
	saveErr bool                    // a failed save was reported
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
		d.Style, d.Measure, d.AmbiguousWide = cfg.Style, cfg.Measure, cfg.AmbiguousWide
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
		keys:    NewKeyMap(cfg.Keys),
		mode:    mode,
		measure: cfg.Measure,
		initial: cfg.Measure,
		ambWide: opt.AmbiguousWide || cfg.AmbiguousWide,
		width:   80,
		height:  24,
		store:   opt.State,
		states:  map[string]*state.Issue{},
	}
	if m.store == nil {
		m.store = state.Disabled()
	}
	m.setStyles(readerStyles(mode, true, opt.NoColor))
	var cmds []tea.Cmd
	if opt.Shelf != nil {
		m.shelf = newShelfPage(opt.Shelf, opt.Indexing, m.env(), m.store)
		m.showing = showShelf
		cmds = append(cmds, m.shelf.init())
	}
	if is != nil {
		cmds = append(cmds, m.open(OpenMsg{Issue: is, Name: opt.Name, Key: opt.Key, Path: opt.Path,
			Entry: opt.Entry, Article: opt.Article}))
	}
	m.initCmd = tea.Batch(cmds...)
	return m
}

// readerStyles returns the styles of the reader for a mode: notty still
// needs attributes (reverse for the selection) to be usable, so it gets
// NoColor.
func readerStyles(mode styles.Mode, isDark, noColor bool) styles.Styles {
	if mode == styles.NoTTY {
		return styles.NoColor()
	}
	return styles.ForMode(mode, isDark, noColor)
}

func (m *Model) setStyles(st styles.Styles) {
	m.st = st
	m.rnd = render.New(st)
}

// open shows an issue in a new reader, where its reading state says
// reading stopped; the command counts its articles' characters in the
// background.
func (m *Model) open(msg OpenMsg) tea.Cmd {
	if m.reader != nil {
		m.leave()
	}
	st, notice := m.stateOf(msg)
	if st != nil && msg.Article == 0 && st.Last != 0 {
		msg.Article, msg.Pos = st.Last, st.Position(st.Last)
	}
	m.reader = newReader(msg, m.env(), st, m.width, m.height)
	m.reader.shelved = m.shelf != nil && msg.Entry != nil
	m.reader.syncKeys()
	m.reader.before = msg.back
	if msg.note != "" {
		m.reader.msg = msg.note
	}
	if notice != "" {
		m.reader.msg, m.reader.msgErr = notice, true
	}
	if m.shelf != nil && msg.Key != "" {
		m.shelf.seen[msg.Key] = true
		if msg.Entry != nil {
			m.shelf.selectEntry(m.shelf.lookup(msg.Key, msg.Entry))
			m.shelf.chosen = true
		}
	}
	m.showing = showReader
	m.marks = nil
	m.title = windowTitle(msg.Issue, msg.Name, msg.Path)
	return m.reader.countChars()
}

// stateOf returns the reading state of the issue msg opens (nil when it
// has no key), bound to the issue as parsed now, and a notice when its
// saved state could not be read.
func (m *Model) stateOf(msg OpenMsg) (*state.Issue, string) {
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

// env is what the root shares with its pages.
func (m *Model) env() env {
	return env{keys: &m.keys, st: m.st, rnd: m.rnd, measure: m.initial, current: m.measure, ambWide: m.ambWide, save: m.save}
}

// Init asks the terminal for its background colour (for the auto style)
// and starts the background work of the issue opened and of the shelf.
func (m *Model) Init() tea.Cmd {
	if m.mode == styles.Auto && !m.opt.NoColor {
		return tea.Batch(tea.RequestBackgroundColor, m.initCmd)
	}
	return m.initCmd
}

// Update routes a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		return m, m.broadcast(SizeMsg{m.width, m.height})
	case tea.BackgroundColorMsg:
		if m.mode != styles.Auto {
			return m, nil
		}
		m.setStyles(readerStyles(m.mode, msg.IsDark(), m.opt.NoColor))
		return m, m.broadcast(StylesMsg{m.st})
	case OpenMsg:
		return m, m.open(msg)
	case BackMsg:
		if m.shelf == nil {
			return m, nil
		}
		m.leave()
		m.showing = showShelf
		m.title = ""
		return m, m.send(msg)
	case StepIssueMsg:
		if m.shelf == nil {
			return m, nil
		}
		return m, m.shelf.step(msg)
	case shelfMsg:
		// the shelf's background work goes on while the reader is shown
		if m.shelf == nil {
			return m, nil
		}
		_, cmd := m.shelf.Update(msg)
		return m, cmd
	case ShowBookmarksMsg:
		if m.showing != showBookmarks {
			m.before = m.showing
		}
		m.leave()
		m.marks = newBookmarksPage(m.env(), m.width, m.height)
		m.showing = showBookmarks
		return m, m.loadBookmarks()
	case bookmarksMsg:
		if m.marks != nil {
			m.marks.Update(msg)
		}
		return m, nil
	case openBookmarkMsg:
		return m, m.openBookmark(msg.b)
	case dropBookmarkMsg:
		return m, m.dropBookmark(msg.b)
	case leaveBookmarksMsg:
		m.marks = nil
		m.showing = m.before
		if m.showing == showReader && m.reader == nil || m.showing == showShelf && m.shelf == nil {
			return m, tea.Quit
		}
		return m, nil
	case ErrorMsg:
		m.errPage = newErrorPage(msg, m.keys, m.st, m.width, m.height)
		m.showing = showError
		return m, nil
	case leaveErrorMsg:
		m.errPage = nil
		switch {
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

// send gives msg to the page shown.
func (m *Model) send(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case m.showing == showError && m.errPage != nil:
		_, cmd = m.errPage.Update(msg)
	case m.showing == showBookmarks && m.marks != nil:
		_, cmd = m.marks.Update(msg)
	case m.showing == showShelf && m.shelf != nil:
		_, cmd = m.shelf.Update(msg)
	case m.showing == showReader && m.reader != nil:
		_, cmd = m.reader.Update(msg)
	}
	return cmd
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
func (m *Model) pages() []Page {
	var out []Page
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

// View draws the page shown, full screen, with the mouse on.
func (m *Model) View() tea.View {
	content := ""
	var cursor *tea.Cursor
	switch {
	case m.showing == showError && m.errPage != nil:
		content = m.errPage.View()
	case m.showing == showBookmarks && m.marks != nil:
		content = m.marks.View()
	case m.showing == showShelf && m.shelf != nil:
		content = m.shelf.View()
		cursor = m.shelf.cursor()
	case m.showing == showReader && m.reader != nil:
		content = m.reader.View()
		cursor = m.reader.cursor()
	}
	v := tea.NewView(fit(content, m.width, m.height))
	if m.width > 0 && m.height > 0 { // no cell to put it on otherwise
		v.Cursor = cursor
	}
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "dubao"
	if m.showing == showReader && m.title != "" {
		v.WindowTitle = "dubao · " + render.Clean(m.title)
	}
	return v
}

// fit cuts content to at most height lines of at most width columns: the
// last guard that nothing drawn is wider or taller than the terminal.
func fit(content string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(content, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > width {
			lines[i] = truncateANSI(l, width)
		}
	}
	return strings.Join(lines, "\n")
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
	r.rememberPlace()
	r.stopPipe() // a | command ends with the reader, and with dubao
	m.measure = r.measure
	if m.opt.OnLeave != nil {
		n, pos := r.Position()
		m.opt.OnLeave(r.is, n, pos)
	}
}

// quit leaves the reader and waits until the reading state is written.
func (m *Model) quit() error {
	m.leave()
	if m.shelf != nil {
		m.shelf.stopSearch()
	}
	return m.store.Flush()
}
