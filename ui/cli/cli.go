// Package cli is dubao's command line: the commands (the reader, list, cat,
// json, config), their flags, where an issue is read from, and how results
// and errors reach the standard streams.
//
// The whole command line runs in-process through App.Run, so tests drive it
// with buffers for stdin, stdout and stderr. Errors are mapped to exit codes
// in one place (exitCode): 0 ok, 1 runtime error, 2 usage error, 130
// interrupted. A closed stdout (dubao cat … | head -1) ends quietly with 0.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"dubao/issue"
	"dubao/ui/state"
	"dubao/ui/tui"
)

// Exit codes of the dubao command.
const (
	ExitOK          = 0   // success, or stdout closed by its reader
	ExitError       = 1   // a runtime error: missing or unreadable file, no articles, …
	ExitUsage       = 2   // a usage error: unknown flag or command, bad argument
	ExitInterrupted = 130 // interrupted (ctrl+c), as shells report SIGINT
)

// App is the dubao command line with what it needs besides its arguments and
// standard streams.
type App struct {
	// Sample is the issue read when a command gets no FILE (main embeds
	// testdata/sample.md).
	Sample []byte
	// Version is what --version prints; empty takes it from the build info.
	Version string
	// Environ is the environment as KEY=value strings; nil means os.Environ().
	Environ []string
	// Memory sizes the soft memory limit from what is read (see Memory);
	// nil leaves the limit alone.
	Memory *Memory

	// terminal reports whether w is a terminal and its width; nil asks
	// the operating system. Tests set it to exercise the styled output.
	terminal func(w io.Writer) (width int, ok bool)
	// runReader runs the reader; nil means tui.Run. Tests set it to see
	// what the reader is given, and to feed it keys.
	runReader func(ctx context.Context, is *issue.Issue, opt tui.Options) error
	// arrived, when set, is told when the first page of a day fetched for
	// the reader arrived, just before the reader is started on it (tests
	// measure the time between).
	arrived func(time.Time)
	// now is the clock of progress lines (when to draw); nil means
	// time.Now. Tests step it to draw every line.
	now func() time.Time
	// maxBytes is the size limit of an issue read (0: issue.MaxSize, see
	// shelf.Options.MaxBytes); tests make it small.
	maxBytes int64
	// streamPart is the size of the parts list and json read an issue
	// file in (0: issue.DefaultPartSize; see streamIssue); −1 reads it
	// whole. Tests compare the two.
	streamPart int
	// grace is how long an interrupted command is given to stop before
	// Run gives up on it (0: stopGrace); tests make it tiny, so that a
	// command Run should wait for but does not shows at once.
	grace time.Duration
}

// graceTime is how long Run gives an interrupted command to stop by itself.
func (a App) graceTime() time.Duration {
	if a.grace > 0 {
		return a.grace
	}
	return stopGrace
}

// reader runs the full-screen reader on is (nil: opt.Shelf).
func (a App) reader(ctx context.Context, is *issue.Issue, opt tui.Options) error {
	if a.runReader != nil {
		return a.runReader(ctx, is, opt)
	}
	opt.Output = unwrapOutput(opt.Output)
	return tui.Run(ctx, is, opt)
}

// Run runs dubao with args (without the program name) and returns the exit
// status. Errors are printed to stderr as one line.
//
// When ctx is cancelled (see WithSignals) a command stops within
// stopGrace: one that does not notice by then (a long parse, a large
// output) is left behind, and Run returns at once with the status of the
// signal. The reader is waited for: it restores the terminal and saves the
// reading state first; so is a fetch (get, dubao URL), so that nothing
// writes into its folder after Run has returned.
func (a App) Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &outputError{w: stdout}
	r := &runner{app: a, stdin: stdin, stdout: out, stderr: stderr}
	root := r.rootCommand()
	root.SetArgs(args)
	root.Version = a.version()
	root.SetVersionTemplate("{{.Name}} {{.Version}}\n")
	root.SilenceErrors = true
	root.SilenceUsage = true
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		select {
		case err = <-done:
		case <-time.After(a.graceTime()):
			if r.waited.abandon() {
				err = ctx.Err()
			} else {
				err = <-done
			}
		}
	}
	if err == nil || isBrokenPipe(err) {
		// Output that failed unseen (help, version) is an error too;
		// a closed pipe stays a quiet success.
		if werr := out.failed(); werr != nil && !isBrokenPipe(werr) {
			err = werr
		}
	}
	if errors.Is(err, state.ErrNotSaved) {
		// The reading was done; only remembering it failed (a read-only
		// or full state folder): say so, and it is not a failure of the
		// run.
		_, _ = fmt.Fprintf(stderr, "%s: warning: %s; what this session changed is not kept\n", root.Name(), oneLine(errorText(err)))
		err = nil
	}
	if ctx.Err() != nil && (err == nil || isInterrupt(err)) {
		// Interrupted, and perhaps noticed late: the signal's status, and
		// nothing said.
		return interruptedCode(ctx)
	}
	if msg := errorLine(root.Name(), err); msg != "" {
		_, _ = fmt.Fprintln(stderr, msg)
	}
	return exitCode(err)
}

// exitCode maps an error to the exit status of the command.
func exitCode(err error) int {
	var (
		usage *usageError
		run   *runtimeError
	)
	switch {
	case err == nil, isBrokenPipe(err):
		return ExitOK
	case isInterrupt(err):
		return ExitInterrupted
	case errors.As(err, &run):
		return ExitError
	case errors.As(err, &usage), isCobraUsageError(err):
		return ExitUsage
	}
	return ExitError
}

// errorLine formats err as the one line printed on stderr, or "" when
// nothing should be printed (a closed pipe, an interrupt).
func errorLine(program string, err error) string {
	if err == nil || isBrokenPipe(err) || isInterrupt(err) {
		return ""
	}
	msg := oneLine(errorText(err))
	if exitCode(err) == ExitUsage {
		var usage *usageError
		errors.As(err, &usage)
		if usage != nil && usage.noHint {
			return program + ": " + msg
		}
		cmd := program
		if usage != nil && usage.cmd != "" {
			cmd = usage.cmd
		}
		msg += fmt.Sprintf(" (see '%s --help')", cmd)
	}
	return program + ": " + msg
}

// errorText is the message of err with a file error of the os package
// (an *fs.PathError, "open FILE: permission denied") in the form every
// error of dubao takes, "FILE: permission denied", and the file named
// once: a context before it that ends with the same name ("FILE: open
// FILE: …", "open shelf FILE: open FILE: …") is dropped.
func errorText(err error) string {
	msg := err.Error()
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Err == nil {
		return msg
	}
	raw := pe.Error()
	i := strings.LastIndex(msg, raw)
	if i < 0 {
		return msg
	}
	prefix := msg[:i]
	if strings.HasSuffix(prefix, pe.Path+": ") {
		prefix = ""
	}
	return prefix + pe.Path + ": " + pe.Err.Error() + msg[i+len(raw):]
}

// oneLine makes an error message safe and single-line: control characters
// (a file name may hold any) are removed and line breaks become "; ".
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\n", "; ")
	return safeText(s, false)
}

// isInterrupt reports whether err means the user interrupted dubao.
func isInterrupt(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, tea.ErrInterrupted)
}

// usageError is a mistake in how dubao was called: exit status 2.
type usageError struct {
	cmd    string // the command path, for the --help hint
	err    error
	noHint bool // the message says what to do: no --help hint
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usage error of the command path cmd.
func usagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, err: fmt.Errorf(format, args...)}
}

// isCobraUsageError recognises the usage errors cobra makes itself and
// returns unwrapped (an unknown command of the help command, a missing
// flag value of the completion command): cobra has no error types for them.
func isCobraUsageError(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// version returns the version string for --version.
func (a App) version() string {
	if a.Version != "" {
		return a.Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	return buildVersion(info)
}

// buildVersion is the version a build says it is: the module's version
// (v1.2.0 for go install dubao@v1.2.0), or, for a build of a git checkout,
// the pseudo-version go build makes of the commit
// (v0.0.0-20261128031530-162b80a9ba08, +dirty for a tree with changes not
// committed); else "devel", with the commit when the build info names one
// but the version does not (a toolchain that stamps only vcs.revision).
// go run, and go build with -buildvcs=false, stamp no commit: "devel".
func buildVersion(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	v := "devel"
	if rev != "" {
		v += " " + rev[:min(len(rev), 12)]
		if modified == "true" {
			v += "+dirty"
		}
	}
	return v
}

// environ returns the environment dubao runs in.
func (a App) environ() []string {
	if a.Environ != nil {
		return a.Environ
	}
	return os.Environ()
}

// getenv returns the value of the environment variable key, or "".
func (a App) getenv(key string) string {
	for _, kv := range a.environ() {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// terminalWidth reports whether w is a terminal that takes escape
// sequences, and its width in columns. A dumb terminal (TERM=dumb: an
// editor's shell buffer, a serial console) is written to as a pipe is:
// plain text, no full-screen reader (see isDumbTerminal).
func (a App) terminalWidth(w io.Writer) (int, bool) {
	if a.getenv("TERM") == "dumb" {
		return 0, false
	}
	return a.rawTerminalWidth(w)
}

// autoWidth returns the width of the terminal dubao runs in, for --width
// auto when stdout is a pipe (dubao cat --width auto FILE N | less): the
// width of stdout when it is a terminal, else of stderr, else of the
// controlling terminal (/dev/tty); ok is false when there is none (a cron
// job, a CI run).
func (a App) autoWidth(stdout, stderr io.Writer) (int, bool) {
	for _, w := range []io.Writer{stdout, stderr} {
		if width, ok := a.rawTerminalWidth(w); ok {
			return width, true
		}
	}
	if a.terminal != nil {
		return 0, false // a test's stand-ins: never the real terminal
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return 0, false
	}
	defer tty.Close()
	width, _, err := term.GetSize(tty.Fd())
	if err != nil || width <= 0 {
		return 0, false
	}
	return width, true
}

// isDumbTerminal reports whether w is a terminal that TERM=dumb says takes
// no escape sequences.
func (a App) isDumbTerminal(w io.Writer) bool {
	_, ok := a.rawTerminalWidth(w)
	return ok && a.getenv("TERM") == "dumb"
}

// rawTerminalWidth reports whether w is a terminal, and its width.
func (a App) rawTerminalWidth(w io.Writer) (int, bool) {
	w = unwrapOutput(w)
	if a.terminal != nil {
		return a.terminal(w)
	}
	f, ok := w.(interface{ Fd() uintptr })
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0, false
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil || width <= 0 {
		width = 80
	}
	return width, true
}
