package common

import (
	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/styles"
)

// Page is one full-screen page the root model routes between: the reader,
// the shelf, the bookmarks and the error page. A page gets every message
// while it is shown, the size and style messages always, and the results
// of its own background work (Routed) whatever page is shown.
type Page interface {
	// Update handles a message.
	Update(msg tea.Msg) (Page, tea.Cmd)
	// View draws the page: at most Height lines of at most Width columns
	// of the last SizeMsg.
	View() string
}

// PageID names a page, for routing messages to it.
type PageID uint8

// The pages that do background work.
const (
	ReaderPage PageID = iota + 1
	ShelfPage
	BookmarksPage
)

// Routed is a message of a page's background work (a search, a count, a
// command, the indexing): the root gives it to the page RouteTo names,
// whatever page is shown, so that nothing a page started is lost when
// another page is shown before it ends.
type Routed interface {
	RouteTo() PageID
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
	// Key identifies the issue by its content (source.Key): its reading
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

	// Back is where esc and backspace return to from the issue opened
	// (an issue left for a bookmark of another); Note is a message for
	// the status line once it is open.
	Back *OpenMsg
	Note Status
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
	// Read is how many articles of the issue are marked read, for the
	// shelf's unread count; −1 when nothing is remembered.
	Read int
}

// StepIssueMsg asks the shelf for the issue of the same paper before (Dir
// −1) or after (Dir +1) the one open in the reader (< and >).
type StepIssueMsg struct {
	Key   string
	Entry *shelf.Entry
	Dir   int
	// Read is how many articles of the issue left are marked read (−1:
	// nothing is remembered), as in BackMsg.
	Read int
}

// NoticeMsg shows a message in the status line of the page shown, until
// the next key; Err marks it as an error.
type NoticeMsg Status

// ErrorMsg shows the error page: a file could not be opened as an issue.
// Any key leaves it (back to the shelf, or quit).
type ErrorMsg struct {
	Name string
	Err  error
}

// ShowBookmarksMsg shows the list of bookmarks of every issue (M).
type ShowBookmarksMsg struct{}

// Send returns a command that gives msg.
func Send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
