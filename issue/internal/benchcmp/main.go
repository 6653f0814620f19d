// Command benchcmp measures dubao as a user meets it, against programs
// that do the least the same job can cost: it builds dubao, generates the
// inputs (a 50 MB and a 5 MB issue, a shelf of 3,650 issues), runs dubao
// and the reference programs (md5sum, less, glow, ripgrep, grep, a Go
// hello-world) one after the other, round after round, and prints each
// measure as the ratio of the two runs of a round — min, median and max
// over the rounds — as a Markdown table:
//
//	go run ./issue/internal/benchcmp                     # the working tree
//	go run ./issue/internal/benchcmp -src ../other-tree  # another checkout
//	go run ./issue/internal/benchcmp -rows list,json -runs 9
//
// The inputs are kept in -work (the shelf is 530 MB and takes a minute to
// write) and reused. Rows whose reference program is not installed are
// skipped, with a note: glow (go build of github.com/charmbracelet/glow/v2
// into GOPATH/bin, never into the repo), ripgrep (Debian's ripgrep), less.
// Every program reads /dev/null as stdin and writes into a pipe that the
// tool reads to its end (grep stops at the first match when its output is
// /dev/null). dubao runs with its own empty HOME and XDG folders.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

func main() {
	var opt options
	flag.StringVar(&opt.src, "src", ".", "the dubao source tree to build and to run the parse benchmark in")
	flag.StringVar(&opt.bin, "bin", "", "measure this dubao binary instead of building one from -src")
	flag.StringVar(&opt.work, "work", filepath.Join(os.TempDir(), "dubao-benchcmp"), "folder for the generated inputs (kept and reused) and the builds")
	flag.IntVar(&opt.runs, "runs", 5, "interleaved rounds per row")
	flag.StringVar(&opt.rows, "rows", "", "comma-separated rows to run (default all): "+strings.Join(rowIDs(), ","))
	flag.BoolVar(&opt.verbose, "v", false, "print every run on stderr")
	flag.Parse()
	if err := benchcmp(opt, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchcmp:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	src, bin, work string
	runs           int
	rows           string
	verbose        bool
}

// benchcmp prepares the inputs and the programs, runs the rows and
// writes the table to w.
func benchcmp(opt options, w io.Writer) error {
	if opt.runs < 1 {
		return fmt.Errorf("-runs %d: at least one round", opt.runs)
	}
	want, err := pickRows(opt.rows)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(opt.work, 0o755); err != nil {
		return err
	}
	progress := func(s string) {
		if opt.verbose {
			fmt.Fprintln(os.Stderr, s)
		}
	}
	env, err := prepare(opt, want, progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "dubao %s, %d interleaved rounds, %s; %s\n\n", env.rev, opt.runs, time.Now().Format("2006-01-02 15:04"), machine())
	fmt.Fprintln(w, "| what | measure | min | median | max | target |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	var notes, commands []string
	for _, r := range rows(env) {
		if !want[r.id] {
			continue
		}
		if r.skip != "" {
			notes = append(notes, fmt.Sprintf("%s: skipped (%s)", r.id, r.skip))
			continue
		}
		fmt.Fprintf(os.Stderr, "benchcmp: %s…\n", r.what)
		lines, err := r.measure(opt, progress)
		if err != nil {
			return fmt.Errorf("%s: %w", r.id, err)
		}
		for i, l := range lines {
			what := ""
			if i == 0 {
				what = r.what
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", what, l.measure, l.min, l.median, l.max, l.target)
		}
		for _, c := range r.cmds {
			commands = append(commands, fmt.Sprintf("%s: `%s`", r.id, c))
		}
		commands = append(commands, r.extra...)
	}
	fmt.Fprintf(w, "\nload after: %s\n", loadAvg())
	if len(notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range notes {
			fmt.Fprintln(w, "- "+n)
		}
	}
	fmt.Fprintln(w, "\nCommands (ISSUE50, ISSUE5 and SHELF are the generated inputs in -work):")
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintln(w, "- "+env.shorten(c))
	}
	return nil
}

// machine describes the machine and its load.
func machine() string {
	return fmt.Sprintf("%s/%s, %d cores, load %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), loadAvg())
}

// loadAvg returns the 1, 5 and 15 minute load averages, when known.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
