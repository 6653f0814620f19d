package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/decode"
	"dubao/issue/shelf"
	"dubao/issue/source"
)

// runner holds what the commands of one run share: the app, the streams,
// the parsed global flags and the root command.
type runner struct {
	app    App
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	flags  globalFlags
	root   *cobra.Command
	// noState is --no-state: the reader remembers nothing.
	noState bool
	// keyless says that the command keeps no reading state, so the issues
	// it reads need no content key (see shelf.Options.NoKey): every
	// command but the reader.
	keyless bool
	// searching says that the command searches what it opens (a shelf's
	// search prefilters are then read while it is walked).
	searching bool
	// waited holds Run, once interrupted, until the reader and any fetch
	// have ended (see waitGate), or says that Run has given up on the
	// command.
	waited waitGate
	// urlFlags are the flags of dubao URL (a day of an e-paper).
	urlFlags getFlags
}

// rootCommand builds the command tree.
func (r *runner) rootCommand() *cobra.Command {
	r.flags = globalFlags{
		style:     newChoice("auto", styleChoices...),
		ambiguous: newChoice("narrow", ambiguousChoices...),
		script:    newChoice("none", scriptChoices...),
	}
	root := &cobra.Command{
		Use:   "dubao [FILE|FOLDER|URL|-] [DATE]",
		Short: "Read a Chinese newspaper issue in the terminal",
		Long: `dubao (读报) reads one issue of a Chinese daily paper from a text file — its
masthead, pages (版) and articles — and shows it in a full-screen reader with
a headline list beside the article, laid out with Chinese line breaking.

FILE is an issue file (Markdown or plain text, UTF-8, GB18030, UTF-16 or
Big5); FOLDER a folder of one issue's files (per page or per article), or
of many issues, with DATE naming one of them; - reads stdin (keys then come
from the terminal). URL is a page of an e-paper (数字报) site: dubao fetches
that day as 'dubao get URL' does, into the shelf of fetched papers, and
opens it as soon as its first page is in, the rest filling in as it
arrives (a day already fetched whole opens at once, without the network).
With no argument dubao opens the shelf of fetched papers
($XDG_DATA_HOME/dubao/papers), or, when none was fetched, the sample issue
built into it. When stdout is not a terminal, dubao prints the whole issue as
plain text instead, like 'dubao cat --all' (a folder of many issues: like
'dubao list').`,
		Example: `  dubao                          # the built-in sample issue
  dubao issue.md                 # read an issue
  dubao https://paper.people.com.cn/rmrb/pc/layout/202608/03/node_01.html
  unzip -p papers.zip 0308.md | dubao -
  dubao list issue.md
  dubao cat issue.md 3 | wc -m`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				if err := r.mistypedCommand(args[0]); err != nil {
					return err
				}
			}
			return r.maxArgs(2)(cmd, args)
		},
		ValidArgsFunction: r.completeIssue,
		RunE:              r.runE(r.read),
		// A mistyped command reaches the root as its FILE argument: when
		// no such file exists, mistypedCommand suggests the command.
		SuggestionsMinimumDistance: 2,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			r.keyless = cmd != r.root
			r.searching = cmd.Name() == "search"
			if err := source.CheckFormat(r.flags.format); err != nil {
				return usagef(cmd.CommandPath(), "--from: %v", err)
			}
			if r.flags.encoding == "" {
				return nil
			}
			// Check the name before reading anything: decoding no bytes
			// fails only for an unknown encoding.
			if _, err := decode.Bytes(nil, r.flags.encoding); errors.Is(err, decode.ErrEncoding) {
				return usagef(cmd.CommandPath(), "--encoding: %v", err)
			}
			return nil
		},
	}
	root.Flags().BoolP("version", "v", false, "print the version")
	pf := root.PersistentFlags()
	// every command takes it (dubao --no-state list x), though only the
	// reader remembers anything
	pf.BoolVar(&r.noState, "no-state", false, "remember nothing: where you stopped reading, what you read, bookmarks (kept in $XDG_STATE_HOME/dubao)")
	pf.Var(r.flags.style, "style", "colours for a dark or light background, auto to detect it, notty for no colours (no escape sequences at all in text the commands print)")
	pf.Var(r.flags.ambiguous, "ambiguous", "columns taken by East Asian ambiguous characters such as “ ” … —: narrow 1, wide 2")
	pf.StringVar(&r.flags.encoding, "encoding", "", "read the input as `NAME` (utf-8, gb18030, gbk, big5, utf-16le, utf-16be); detected when not given")
	pf.BoolVar(&r.flags.crossFS, "cross-filesystems", false, "walk a FOLDER's sub-folders on other file systems too (by default a shelf stays on its own, as find -xdev; /proc, /sys and /dev are never walked)")
	pf.StringVar(&r.flags.format, "from", "", "read the input as `FORMAT` (text, html, feed, epub); told by the content when not given")
	pf.Var(r.flags.script, "script", "show the text converted (繁简) with OpenCC's phrase dictionaries: s2t, s2tw, s2hk, s2twp to Traditional, t2s, tw2s, hk2s, tw2sp to Simplified, auto-s / auto-t only an issue in the other script, none as written; default: script in the config file")
	_ = root.RegisterFlagCompletionFunc("style", completeWords(styleChoices))
	_ = root.RegisterFlagCompletionFunc("script", completeWords(scriptChoices))
	_ = root.RegisterFlagCompletionFunc("from", completeWords(source.Formats))
	_ = root.RegisterFlagCompletionFunc("ambiguous", completeWords(ambiguousChoices))
	_ = root.RegisterFlagCompletionFunc("encoding", completeWords([]string{"utf-8", "gb18030", "gbk", "big5", "utf-16le", "utf-16be"}))
	root.SetFlagErrorFunc(flagError)
	r.urlFlags.add(root, false)
	root.AddCommand(r.listCommand(), r.catCommand(), r.jsonCommand(), r.searchCommand(), r.configCommand(), r.getCommand(), r.shelfCommand())
	root.SetIn(r.stdin)
	root.SetOut(r.stdout)
	root.SetErr(r.stderr)
	r.root = root
	r.setupCompletionCommand() // after SetOut: the completion command keeps stdout
	return root
}

// flagError is the usage error of a flag that c does not take. A negative
// number is no flag: "dubao cat -1" is an article number that cannot be,
// and other commands say how to pass an argument that starts with -.
func flagError(c *cobra.Command, err error) error {
	var unknown interface{ GetSpecifiedShortnames() string }
	if errors.As(err, &unknown) {
		if arg := unknown.GetSpecifiedShortnames(); arg != "" && arg[0] >= '0' && arg[0] <= '9' {
			if c.Name() == "cat" && isDigits(arg) {
				return errArticleNumber(c)
			}
			return &usageError{cmd: c.CommandPath(), noHint: true,
				err: fmt.Errorf("-%s is not a flag (put -- before an argument that starts with -)", arg)}
		}
	}
	return &usageError{cmd: c.CommandPath(), err: err}
}

// errArticleNumber is the usage error of cat given an article number
// below 1: negative, or 0.
func errArticleNumber(c *cobra.Command) error {
	return &usageError{cmd: c.CommandPath(), noHint: true, err: fmt.Errorf("%s: article numbers start at 1", c.Name())}
}

// runE adapts a command function to cobra: it passes the context, and
// marks the errors of a run that are not usage errors as runtime errors.
func (r *runner) runE(fn func(ctx context.Context, cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		err := fn(cmd.Context(), cmd, args)
		var usage *usageError
		if err == nil || errors.As(err, &usage) || isBrokenPipe(err) || isInterrupt(err) {
			return err
		}
		return &runtimeError{err}
	}
}

// runtimeError is an error of a run (not of how dubao was called): exit
// status 1.
type runtimeError struct{ err error }

func (e *runtimeError) Error() string { return e.err.Error() }
func (e *runtimeError) Unwrap() error { return e.err }

// maxArgs accepts at most n positional arguments.
func (r *runner) maxArgs(n int) cobra.PositionalArgs {
	return r.argRange(0, n)
}

// argRange accepts from min to max positional arguments.
func (r *runner) argRange(lo, hi int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) > hi && hi == 0:
			return usagef(cmd.CommandPath(), "%s takes no arguments, got %q", cmd.CommandPath(), args)
		case len(args) > hi:
			return usagef(cmd.CommandPath(), "too many arguments: %q (at most %d)", args, hi)
		case len(args) < lo:
			return usagef(cmd.CommandPath(), "missing argument: %s", cmd.Use)
		}
		return nil
	}
}

// argAt returns args[i], or "" when there is none (for a FILE argument,
// "" is the built-in sample).
func argAt(args []string, i int) string {
	if i >= len(args) {
		return ""
	}
	return args[i]
}

// mistypedCommand returns the usage error of a first argument that names
// no file but is close to a command name ("dubao serach x"), and nil for
// anything else: an existing path, a path-like name, or a name too short
// or too far from every command to be one mistyped.
func (r *runner) mistypedCommand(arg string) error {
	if utf8.RuneCountInString(arg) < 3 || strings.ContainsAny(arg, `./\`) {
		return nil
	}
	if _, err := os.Lstat(arg); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if arg == "version" { // a flag, not a command
		return &usageError{cmd: r.root.CommandPath(), noHint: true,
			err: errors.New(`unknown command "version" (did you mean --version?)`)}
	}
	s := r.root.SuggestionsFor(arg)
	if len(s) == 0 {
		return nil
	}
	quoted := make([]string, len(s))
	for i, name := range s {
		quoted[i] = strconv.Quote(name)
	}
	return &usageError{cmd: r.root.CommandPath(), noHint: true,
		err: fmt.Errorf("unknown command %q (did you mean %s?)", arg, strings.Join(quoted, " or "))}
}

// shells are the shells `dubao completion` writes a script for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

// setupCompletionCommand adds cobra's completion command to the root now
// (cobra would add it when the command line runs) and makes a missing or
// unknown SHELL a usage error: cobra's command only prints its help.
func (r *runner) setupCompletionCommand() {
	r.root.InitDefaultCompletionCmd()
	for _, c := range r.root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Use = "completion SHELL"
		c.Short = "Print the shell completion script for bash, zsh, fish or powershell"
		c.Long = fmt.Sprintf(`dubao completion SHELL prints the script that makes SHELL complete
dubao's commands, flags, files, the dates of a folder of issues and the
numbers of an issue's articles. SHELL is one of:
%s. 'dubao completion SHELL --help' says how to load it.`, strings.Join(shells, ", "))
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef(cmd.CommandPath(), "missing SHELL: one of %s", strings.Join(shells, ", "))
			}
			return usagef(cmd.CommandPath(), "unknown shell %q: dubao completes %s", args[0], strings.Join(shells, ", "))
		}
	}
}

// completeFiles completes an issue file name.
func completeFiles(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveDefault
}

// completeIssue completes the arguments FILE|FOLDER [DATE] of a command: a
// file, then, after a folder of several issues, their dates.
func (r *runner) completeIssue(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) == 1 {
		if dates := r.shelfDates(cmd.Context(), args[0]); dates != nil {
			return dates, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
		}
	}
	return completeFiles(cmd, args, toComplete)
}

// shelfDates lists, for shell completion, the issues in the folder dir,
// newest first, each by a DATE argument that picks it alone, described by
// what that argument does not say: the date, with the name the shelf shows
// for the issue (its paper, or its file's name, unless that is the date);
// when several issues share the date, the date and that name, with the
// path; when that is not unique either, the path, with the date and name.
// It returns nil when dir is not a folder of several issues. It is quick
// even on a large folder never opened before: dates come from the index
// cache and the file names (see shelf.ScanLazy), and the indexing that
// ScanLazy starts is stopped.
func (r *runner) shelfDates(ctx context.Context, dir string) []cobra.Completion {
	if !isDir(dir) {
		return nil
	}
	ctx, stop := context.WithCancel(ctx)
	_, s, updates, err := shelf.OpenPathLazy(ctx, dir, r.shelfOptions())
	stop()
	if updates != nil {
		for range updates { // wait until the index read so far is saved
		}
	}
	if err != nil || s == nil {
		return nil
	}
	perDate := map[string]int{}
	for _, e := range s.Issues {
		perDate[e.Date]++
	}
	out := make([]cobra.Completion, 0, len(s.Issues))
	for _, e := range s.Issues {
		name := shownName(e)
		sel, desc := e.Date, name
		if perDate[e.Date] > 1 {
			sel, desc = e.Date+" "+name, entryPath(e)
			if !picksOnly(s, sel, e) {
				sel, desc = entryPath(e), e.Date+" "+name
			}
		}
		sel, desc = listField(sel), listField(desc)
		if desc == "" || desc == sel { // 2024-03-08.md, without a paper
			out = append(out, sel)
			continue
		}
		out = append(out, cobra.CompletionWithDesc(sel, desc))
	}
	return out
}

// completeWords completes a flag value from a fixed list.
func completeWords(words []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}

// issueArticles lists the articles of is for shell completion: "N\tTITLE".
func issueArticles(is *issue.Issue) []cobra.Completion {
	var out []cobra.Completion
	for _, a := range is.Articles() {
		out = append(out, cobra.CompletionWithDesc(fmt.Sprint(a.N), listField(a.Headline())))
	}
	return out
}

// damaged returns the error that ends a command on an issue read from
// damaged text: invalid byte sequences, shown as U+FFFD. The command prints
// everything else of the issue first, so its output is complete but for
// those bytes; the error then says, in one line naming the file, what was
// wrong, and the status is 1, so that scripts notice.
func (r *runner) damaged(src input) error {
	is := src.issue
	if is == nil || is.Invalid == 0 {
		return nil
	}
	what := "1 invalid byte sequence"
	if is.Invalid > 1 {
		what = fmt.Sprintf("%d invalid byte sequences", is.Invalid)
	}
	name := src.name
	if src.shelf != nil && src.entry != nil { // the file, not the date
		name = filepath.Join(src.shelf.Dir, filepath.FromSlash(entryPath(src.entry)))
	}
	return &runtimeError{fmt.Errorf("%s: damaged text: %s in its %s text, shown as \ufffd", name, what, is.Encoding)}
}

// finish ends a command that printed src's issue: err if printing failed,
// else the damaged-text error of src, if any.
func (r *runner) finish(src input, err error) error {
	if err != nil {
		return err
	}
	return r.damaged(src)
}
