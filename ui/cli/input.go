package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/issue/source"
)

// The names of the sources that are not files, as error messages show them.
const (
	sampleName = "sample"
	stdinName  = "stdin"
)

// input is what a FILE argument names: one issue, or a shelf (a folder of
// several issues).
type input struct {
	name  string       // for messages: the path, "sample" or "stdin"
	issue *issue.Issue // nil for a shelf
	key   string       // the issue's content key (shelf.Key), for reading state
	path  string       // the absolute path of the file or folder read; "" for stdin and the sample
	shelf *shelf.Shelf // a folder of several issues, or the one entry is on
	entry *shelf.Entry // the issue of the shelf picked by a DATE
}

// shelfExpect is the input a shelf is expected to be, for the memory
// limit: its issues are parsed a few at a time and dropped, in garbage that
// the collector's pace (GOGC=400) lets pile up to a few times the live
// heap — the limit of 256 MB this sets is what dubao has always had.
const shelfExpect = (256<<20 - memoryFloor) / memoryPerByte

// open reads what arg names: "" is the embedded sample, "-" is stdin,
// anything else a file, a folder holding one issue, or a folder of several
// issues (a shelf, scanned but not parsed).
func (r *runner) open(ctx context.Context, arg string) (input, error) {
	opt := r.shelfOptions()
	switch arg {
	case "":
		l, err := shelf.LoadBytes(sampleName, r.app.Sample, opt)
		if err != nil {
			return input{}, err
		}
		return input{name: sampleName, issue: l.Issue, key: l.Key}, nil
	case "-":
		// Stdin has no size to check first: it is read up to the limit
		// and refused past it, and refused as soon as its first bytes show
		// binary data.
		in := r.stdin
		if in == nil {
			in = strings.NewReader("")
		}
		data, err := readAll(ctx, in, opt.MaxBytes)
		r.app.Memory.Expect(int64(len(data)))
		switch {
		case err != nil:
			return input{}, fmt.Errorf("%s: %w", stdinName, err)
		case len(data) == 0:
			return input{}, fmt.Errorf("%s: empty input: %w", stdinName, issue.ErrNoArticles)
		}
		l, err := shelf.LoadBytes(stdinName, data, opt)
		if err != nil {
			return input{}, err
		}
		return input{name: stdinName, issue: l.Issue, key: l.Key}, nil
	}
	// The memory limit for what is about to be read: an issue's size; a
	// shelf's issues are read and dropped, a few at a time.
	if info, err := os.Stat(arg); err == nil {
		if info.IsDir() {
			r.app.Memory.Expect(shelfExpect)
		} else {
			r.app.Memory.Expect(info.Size())
		}
	}
	// A long walk or indexing (a large shelf, a folder such as ~ given by
	// mistake) shows how it goes on a terminal's stderr.
	prog := r.app.newProgress(r.stderr, arg, shelfDelay)
	opt.Walking, opt.Progress = prog.walking, prog.indexing
	l, s, err := shelf.OpenPath(ctx, arg, opt)
	prog.done()
	switch {
	case err != nil:
		return input{}, err
	case s != nil:
		return input{name: arg, shelf: s}, nil
	}
	return input{name: arg, issue: l.Issue, key: l.Key, path: absPath(arg)}, nil
}

// openKnown returns the shelf at arg as its cached index knows it (see
// shelf.OpenKnown), for a search; no shelf when arg is not a folder or the
// index cannot tell the shelf unchanged.
func (r *runner) openKnown(arg string) input {
	if arg == "" || arg == "-" {
		return input{}
	}
	s := shelf.OpenKnown(arg, r.shelfOptions())
	if s == nil {
		return input{}
	}
	r.app.Memory.Expect(shelfExpect)
	return input{name: arg, shelf: s}
}

// absPath returns the absolute form of path, or path when it has none.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// shelfOptions are the options shelves and issues are read with: the
// forced encoding, and the cache of shelf indexes.
func (r *runner) shelfOptions() shelf.Options {
	opt := shelf.Options{Encoding: r.flags.encoding, Format: r.flags.format, MaxBytes: r.app.maxBytes, CrossFilesystems: r.flags.crossFS, NoKey: r.keyless, Search: r.searching}
	if dir, err := shelf.DefaultCacheDir(); err == nil {
		opt.CacheDir = dir
	}
	return opt
}

// load reads the one issue that arg names (see open), or, when arg is a
// shelf, the issue of it that date names. date must be empty for one issue.
func (r *runner) load(ctx context.Context, cmd string, arg, date string) (input, error) {
	src, err := r.open(ctx, arg)
	if err != nil {
		return src, err
	}
	return r.pickIssue(ctx, cmd, src, date)
}

// pickIssue returns the issue of src that date names: src itself when it is
// one issue (date must then be empty), or the issue of the shelf that date
// picks ("2024-03-08", "20240308", "青溪日报 2024-03-08", a paper's or
// file's name as the shelf shows it, or a path: see findIssues).
func (r *runner) pickIssue(ctx context.Context, cmd string, src input, date string) (input, error) {
	if src.shelf == nil {
		switch {
		case date == "":
			return src, nil
		case src.path != "" && isDir(src.path):
			// A folder that happens to hold one issue takes a DATE as a
			// shelf of many does (a script written for a month of issues
			// works on a day): the one that names its issue.
			return r.pickOnlyIssue(ctx, src, date)
		}
		return src, usagef(cmd, "%s is one issue: there is no DATE to pick (%q)", src.name, date)
	}
	s := src.shelf
	if date == "" {
		return src, usagef(cmd, "%s is a folder of %d issues: name one by its date, as '%s list %s' shows them",
			src.name, len(s.Issues), r.root.Name(), src.name)
	}
	found, how := findIssues(s, date)
	switch {
	case len(found) == 0:
		return src, fmt.Errorf("%s: no issue of %q (try '%s list %s')", src.name, date, r.root.Name(), src.name)
	case len(found) > 1 && how == matchName:
		return src, fmt.Errorf("%s: %d issues of %q, name one by its date: %s", src.name, len(found), date, issueNames(s, found))
	case len(found) > 1:
		return src, fmt.Errorf("%s: %d issues match %q, name one of them: %s", src.name, len(found), date, issueNames(s, found))
	}
	l, err := s.Open(found[0])
	if err != nil {
		return src, err
	}
	e := found[0]
	where := e.Files[0].Path
	if len(e.Files) > 1 {
		where = path.Dir(where)
	}
	return input{name: e.Name(), issue: l.Issue, key: l.Key, shelf: s, entry: e,
		path: absPath(filepath.Join(s.Dir, filepath.FromSlash(where)))}, nil
}

// pickOnlyIssue returns src, a folder that holds one issue, when date
// names that issue as it would on a shelf (its date, its name, a path),
// and an error that says so when it does not.
func (r *runner) pickOnlyIssue(ctx context.Context, src input, date string) (input, error) {
	s, err := shelf.Scan(ctx, src.path, r.shelfOptions())
	if err != nil {
		return src, err
	}
	if found, _ := findIssues(s, date); len(found) == 1 && len(s.Issues) == 1 {
		return src, nil
	}
	return src, fmt.Errorf("%s: no issue of %q (it holds one issue, of %s; try '%s list %s')", src.name, date, issueDate(src.issue), r.root.Name(), src.name)
}

// issueDate names an issue's date in messages.
func issueDate(is *issue.Issue) string {
	if is == nil || is.Date == "" {
		return "an unknown date"
	}
	return is.Date
}

// readAll reads r to the end as source.ReadAll does (refusing binary data
// and more than limit bytes), or until ctx is done (ctrl+c while dubao
// waits for a terminal's stdin). An empty r gives no data and no error.
func readAll(ctx context.Context, r io.Reader, limit int64) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := source.ReadAll(r, limit)
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// missingAfter returns the usage error of a command given only a FILE,
// FOLDER or - where it needs one more argument (what) after it: "dubao cat
// issue.md" forgot the article. Without it, that argument would be taken
// for the article (or the text to search) in the built-in sample.
func missingAfter(cmd *cobra.Command, arg, what string) error {
	where := "FILE"
	switch {
	case arg == "-":
		where = "- (stdin)"
	case isDir(arg):
		where = "FOLDER"
		what += " (and the DATE of an issue, in a folder of several)"
	}
	return usagef(cmd.CommandPath(), "%s: missing %s after %s", cmd.Name(), what, where)
}

// namesPath reports whether arg, the only argument of cat or search,
// names a file or folder that exists, or is stdin (-): then it is surely
// the FILE argument, not the text of an article.
func namesPath(arg string) bool {
	if arg == "-" {
		return true
	}
	_, err := os.Stat(arg)
	return err == nil
}

// looksLikePath reports whether arg looks like the path of a file, though
// none exists there: it holds a slash or ends in .md or .txt. Taken for
// the text of an article, it would match nothing.
func looksLikePath(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.ContainsAny(arg, `/\`) || strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".txt")
}
