// Package tui is dubao's full-screen program, a bubbletea program: Run
// starts it on one issue, or on a shelf of many.
//
// The root model (Model) owns the terminal (its size, its modes, the
// styles for its background), the reading state of each issue (ui/state)
// and the routing between pages, each a package of its own so that the
// root cannot touch a page's fields: the shelf (ui/tui/shelf), which opens
// an issue in the reader by sending common.OpenMsg and gets common.BackMsg
// when the reader is left; the reader (ui/tui/reader); the list of
// bookmarks (ui/tui/bookmarks); and the error page (here). What they share
// — keys, messages, the status line, the prompt, the scroller — is in
// ui/tui/common.
//
// The root gives the page shown the keys and the mouse, every page the
// size and the styles, and the results of a page's background work
// (common.Routed: a search, a count, a | command, the indexing) to that
// page whatever page is shown. A new page is a package with a Page type
// (common.Page), a PageID when it works in the background, a field and a
// case in Model's routing here.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/config"
	"dubao/ui/state"
	"dubao/ui/styles"
)

// Options configure the reader.
type Options struct {
	// Name names the source (a file name, "stdin", "sample") in the
	// window title and error messages.
	Name string
	// Style is the style mode: auto (detect the background), dark, light
	// or notty (no colours). Empty means Config.Style.
	Style styles.Mode
	// NoColor disables colours (NO_COLOR is set); the caller reads the
	// environment.
	NoColor bool
	// AmbiguousWide counts East Asian Ambiguous characters as two columns;
	// it is or-ed with Config.AmbiguousWide.
	AmbiguousWide bool
	// Config is the configuration (config.Load); a zero Config means the
	// defaults.
	Config config.Config
	// Article is the number (Article.N) of the article to open at; 0 opens
	// the article read last (see State), or the first.
	Article int
	// Key identifies Run's issue by its content (shelf.Key), for its
	// reading state; empty remembers nothing. Path is where it was read
	// from (for bookmarks); empty for stdin.
	Key, Path string
	// Input is where keys are read from; nil means stdin, or the
	// terminal (/dev/tty) when stdin is not one — so an issue read from
	// stdin (dubao -) needs nothing here.
	Input io.Reader
	// Output is where the screen is drawn; nil means stdout.
	Output io.Writer
	// Shelf, when not nil, is a folder of issues shown as the shelf page:
	// Run's issue may be nil, and the shelf is shown first. Indexing is
	// the channel of the shelf's background indexing (shelf.ScanLazy), nil
	// when the shelf is complete. Entry is Run's issue on the shelf, if it
	// is one of its issues (dubao FOLDER DATE): back then goes to the
	// shelf, and < and > to the previous and next day.
	Shelf    *shelf.Shelf
	Indexing <-chan shelf.Update
	Entry    *shelf.Entry
	// Arrivals, when not nil, sends Run's issue again and again while it
	// still arrives (see Arrival); Key is then "" until the last arrival.
	Arrivals <-chan Arrival
	// Shown, when not nil, is called once, when the first screen is
	// made: work that can wait (reading the rest of an issue shown from
	// its start) starts then, and does not hold up the first screen.
	Shown func()
	// State keeps the reading state of each issue; nil remembers nothing
	// beyond this run (--no-state).
	State *state.Store
	// OpenPath reads the issue at a path, for a bookmark of an issue that
	// is neither the one open nor on the shelf; nil uses shelf.Load.
	OpenPath func(path string) (*shelf.Loaded, error)
	// OnLeave, when not nil, is told where the reader was when it is left
	// (back to the shelf, or quitting): the issue, the article number and
	// the position of the first line shown — for remembering the place.
	OnLeave func(is *issue.Issue, article int, pos issue.Pos)

	// crashOn makes the reader panic on that key (tests of what a crash
	// leaves: see crash.go).
	crashOn string
	// pasteTimeout replaces pasteTimeout (tests).
	pasteTimeout time.Duration
}

// Run shows the reader on is until the user quits or ctx is cancelled.
// It returns nil on a normal quit, an error wrapping tea.ErrInterrupted
// when interrupted (exit status 130), and other errors (terminal
// failures) with context.
func Run(ctx context.Context, is *issue.Issue, opt Options) error {
	if is == nil && opt.Shelf == nil {
		return errors.New("reader: no issue to show")
	}
	m := New(is, opt)
	report := &crashReport{dir: os.TempDir()}
	if opt.State.Enabled() {
		report.dir = opt.State.Dir()
	}
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	input := opt.Input
	if input == nil {
		in, closeIn, err := keyboard()
		if err != nil {
			return fmt.Errorf("reader: no terminal to read keys from: %w", err)
		}
		defer closeIn()
		input = in
	}
	timeout := pasteTimeout
	if opt.pasteTimeout > 0 {
		timeout = opt.pasteTimeout
	}
	popts = append(popts, tea.WithInput(guardInput(input, timeout)))
	if opt.Output != nil {
		popts = append(popts, tea.WithOutput(opt.Output))
	}
	_, err := tea.NewProgram(crashGuard{m: m, report: report}, popts...).Run()
	if errors.Is(err, tea.ErrProgramPanic) {
		// The terminal is restored; keep what was read, if the model
		// still can.
		func() {
			defer func() { _ = recover() }()
			_ = m.quit()
		}()
		return fmt.Errorf("reader: %w", report.err())
	}
	saveErr := m.quit()
	if err != nil {
		if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
			return fmt.Errorf("reader: %w", tea.ErrInterrupted)
		}
		return fmt.Errorf("reader: %w", err)
	}
	if saveErr != nil {
		return fmt.Errorf("reader: %w", saveErr)
	}
	return nil
}
