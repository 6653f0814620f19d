package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/config"
	"dubao/ui/state"
	"dubao/ui/tui"
)

// read is `dubao [FILE|FOLDER|-] [DATE]`: the reader (the shelf for a
// folder of many issues), or the whole issue as text when stdout is not a
// terminal.
func (r *runner) read(ctx context.Context, cmd *cobra.Command, args []string) error {
	cfg, err := r.settings(cmd)
	if err != nil {
		return err
	}
	arg := argAt(args, 0)
	_, isTerm := r.app.terminalWidth(r.stdout)
	if r.app.isDumbTerminal(r.stdout) {
		// The reader draws with escape sequences a dumb terminal shows
		// as text: print the issue (or the shelf's list) instead.
		_, _ = fmt.Fprintf(r.stderr, "%s: TERM=dumb: the reader needs a terminal that takes escape sequences; printing the text instead\n", r.root.Name())
	}
	switch {
	case isWebAddress(arg):
		if len(args) > 1 {
			return usagef(cmd.CommandPath(), "a web address names its day: no DATE after it (%q)", args[1])
		}
		if isTerm {
			return r.readArriving(ctx, cmd, arg, cfg)
		}
		dir, err := r.fetchForReading(ctx, cmd, arg, r.urlFlags)
		if err != nil {
			return err
		}
		args = []string{dir}
		arg = dir
	case len(args) == 0:
		if dir, ok := r.papersExist(); ok {
			args = []string{dir}
			arg = dir
		}
	}
	if isTerm && len(args) < 2 && isDir(arg) {
		return r.readFolder(ctx, arg, cfg)
	}
	if isTerm && len(args) < 2 && arg != "" && arg != "-" {
		if pv := shelf.Preview(arg, r.shelfOptions()); pv != nil {
			return r.readPreviewed(ctx, arg, pv, cfg)
		}
	}
	src, err := r.open(ctx, arg)
	if err != nil {
		return err
	}
	if src.shelf != nil && len(args) < 2 {
		return r.listShelf(src, cfg.Script)
	}
	if src, err = r.pickIssue(ctx, cmd.CommandPath(), src, argAt(args, 1)); err != nil {
		return err
	}
	is := src.issue
	if !isTerm {
		return r.finish(src, r.cat(ctx, is, is.Articles(), catOptions{}, cfg))
	}
	opt := r.readerOptions(cfg, src)
	opt.Shelf, opt.Entry = src.shelf, src.entry
	return r.reader(ctx, is, opt)
}

// readFolder opens a folder in the reader: the shelf of its issues, shown
// at once and indexed in the background (with its cache, the second time
// is instant), or the one issue it holds.
func (r *runner) readFolder(ctx context.Context, dir string, cfg config.Config) error {
	ictx, stop := context.WithCancel(ctx)
	defer stop()
	// A long walk (a large folder, ~ given by mistake) says how far it
	// got before the reader starts; the indexing after it is the reader's
	// to show.
	sopt := r.shelfOptions()
	prog := r.app.newProgress(r.stderr, dir, shelfDelay)
	sopt.Walking = prog.walking
	r.app.Memory.Expect(shelfExpect)
	l, s, updates, err := shelf.OpenPathLazy(ictx, dir, sopt)
	prog.done()
	if err != nil {
		return err
	}
	if l != nil {
		return r.reader(ctx, l.Issue, r.readerOptions(cfg, input{name: dir, issue: l.Issue, key: l.Key, path: absPath(dir)}))
	}
	opt := r.readerOptions(cfg, input{name: dir})
	opt.Shelf, opt.Indexing = s, updates
	err = r.reader(ctx, nil, opt)
	// Stop the indexing and wait until what it read is saved in the
	// cache, so that the next start goes on from there.
	stop()
	if updates != nil {
		for range updates {
		}
	}
	return err
}

// readPreviewed opens the large issue file at path in the reader on its
// first pages, pv (see shelf.Preview), and reads and parses the whole
// issue once they are on the screen (so that its work does not hold up
// the first screen on a machine of two cores); the whole then takes
// their place, where the reader is — or, when nothing has moved the
// reader yet, at the article the reading state remembers.
func (r *runner) readPreviewed(ctx context.Context, path string, pv *issue.Issue, cfg config.Config) error {
	sopt := r.shelfOptions()
	// Buffered for both arrivals: the reading never waits for a reader
	// that has quit.
	arrivals := make(chan tui.Arrival, 2)
	arrivals <- tui.Arrival{Status: "正在读取全文"}
	shown := make(chan struct{})
	go func() {
		defer close(arrivals)
		select {
		case <-shown:
		case <-ctx.Done():
			return
		}
		l, err := shelf.Load(path, sopt)
		if err != nil {
			arrivals <- tui.Arrival{Status: "读不了全文：" + err.Error(), Done: true, Failed: true}
			return
		}
		arrivals <- tui.Arrival{Issue: l.Issue, Key: l.Key, Done: true, Resume: true}
	}()
	opt := r.readerOptions(cfg, input{name: path, issue: pv, path: absPath(path)})
	opt.Arrivals = arrivals
	opt.Shown = func() { close(shown) }
	return r.reader(ctx, pv, opt)
}

// readerOptions are the reader's options for src: the style, the keys,
// the reading state (unless --no-state).
func (r *runner) readerOptions(cfg config.Config, src input) tui.Options {
	return tui.Options{
		Name:          src.name,
		Key:           src.key,
		Path:          src.path,
		Style:         cfg.Style,
		NoColor:       r.app.getenv("NO_COLOR") != "",
		AmbiguousWide: cfg.AmbiguousWide,
		Config:        cfg,
		State:         r.stateStore(),
		OpenPath: func(path string) (*shelf.Loaded, error) {
			return shelf.Load(path, r.shelfOptions())
		},
		// Input stays nil: the reader then takes keys from stdin, or from
		// the terminal when stdin is not one (dubao -, or a pipe).
		Output: r.stdout,
	}
}

// stateStore returns where reading state is kept: under
// $XDG_STATE_HOME/dubao (~/.local/state/dubao), or nowhere with
// --no-state (or without a home folder).
func (r *runner) stateStore() *state.Store {
	if r.noState {
		return state.Disabled()
	}
	dir, err := state.DefaultDir(r.app.getenv)
	if err != nil {
		return state.Disabled()
	}
	return state.Open(dir)
}

// isDir reports whether path names a folder (or a link to one).
func isDir(path string) bool {
	if path == "" || path == "-" {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
