// Command trustbench measures what issue #18 asked of dubao under attack
// and faults, as a user meets it — figures, not pass or fail (the tests
// hold the behaviour):
//
//   - signals: how long dubao takes to exit after SIGINT, SIGTERM and
//     SIGHUP sent while it parses a million tiny articles (within 100 ms
//     was asked), and with which status;
//   - tiny: list and json of a million tiny articles (21 MB): time and peak
//     memory;
//   - ordinary: list, json and cat of a 10 MB issue of ordinary articles:
//     time and peak memory against the file's size;
//   - table: the reader on a table of 200,000 rows (in tmux): its first
//     screen after enter, G, ctrl+c;
//   - soak: the reader opened and closed 200 times on a shelf while
//     another process rewrites the shelf's files and adds bookmarks to the
//     reading state: panics, failed exits, wrong issues shown, bookmarks
//     lost.
//
// It builds dubao from the module it runs in, generates the inputs into
// -work (kept and reused) and prints a Markdown table of min, median and
// max over the runs:
//
//	go run ./ui/cli/internal/trustbench
//	go run ./ui/cli/internal/trustbench -rows signals,table -runs 9
//	go run ./ui/cli/internal/trustbench -rows soak -soak 200
//
// tmux is needed for the table and soak rows (they are skipped without
// it); /proc for the signals row's wait until dubao is parsing.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"dubao/issue/benchkit"
)

// options are the command's flags.
type options struct {
	work    string
	runs    int
	soak    int
	rows    string
	verbose bool
}

// rowIDs are the rows, in the order they run.
var rowIDs = []string{"signals", "tiny", "ordinary", "table", "soak"}

func main() {
	var opt options
	flag.StringVar(&opt.work, "work", filepath.Join(os.TempDir(), "dubao-trustbench"), "folder for the build and the generated inputs (kept and reused)")
	flag.IntVar(&opt.runs, "runs", 7, "runs of each measure")
	flag.IntVar(&opt.soak, "soak", 200, "reader sessions of the soak")
	flag.StringVar(&opt.rows, "rows", "", "comma-separated rows to run (default all): "+strings.Join(rowIDs, ","))
	flag.BoolVar(&opt.verbose, "v", false, "say what runs on stderr")
	flag.Parse()
	if err := run(opt, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "trustbench:", err)
		os.Exit(1)
	}
}

// bench is what the rows share: the binary, the work folder, the options.
type bench struct {
	opt   options
	dubao string
	log   func(format string, args ...any)
}

func run(opt options, w io.Writer) error {
	want := map[string]bool{}
	for _, r := range strings.Split(opt.rows, ",") {
		if r = strings.TrimSpace(r); r != "" {
			if !slices.Contains(rowIDs, r) {
				return fmt.Errorf("-rows: no row %q (%s)", r, strings.Join(rowIDs, ", "))
			}
			want[r] = true
		}
	}
	if err := os.MkdirAll(opt.work, 0o755); err != nil {
		return err
	}
	b := &bench{opt: opt, log: func(format string, args ...any) {
		if opt.verbose {
			fmt.Fprintf(os.Stderr, format+"\n", args...)
		}
	}}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	b.dubao = filepath.Join(opt.work, "dubao")
	fmt.Fprintf(os.Stderr, "trustbench: building dubao from %s…\n", root)
	build := exec.Command("go", "build", "-o", b.dubao, ".")
	build.Dir, build.Stderr = root, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	fmt.Fprintf(w, "dubao at %s, %d runs a measure, %s\n\n| row | what | min | median | max |\n|---|---|---|---|---|\n",
		benchkit.GitRev(root), opt.runs, time.Now().Format("2006-01-02 15:04"))
	rows := map[string]func(io.Writer) error{
		"signals": b.signals, "tiny": b.tiny, "ordinary": b.ordinary, "table": b.table, "soak": b.soakRow,
	}
	for _, id := range rowIDs {
		if len(want) > 0 && !want[id] {
			continue
		}
		fmt.Fprintf(os.Stderr, "trustbench: %s…\n", id)
		if err := rows[id](w); err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
	}
	return nil
}

// moduleRoot returns the folder of the go.mod of the working directory.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("run it inside dubao's module")
	}
	return filepath.Dir(mod), nil
}

// row writes a row of the table.
func row(w io.Writer, id, what string, xs []float64, format string) {
	lo, mid, hi := "–", "–", "–"
	if l, m, h, ok := benchkit.Spread(xs); ok {
		lo, mid, hi = fmt.Sprintf(format, l), fmt.Sprintf(format, m), fmt.Sprintf(format, h)
	}
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", id, what, lo, mid, hi)
}
