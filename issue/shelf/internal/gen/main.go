// Command gen writes a generated shelf of a fictional daily paper for trying
// dubao on a large shelf and for benchmarks:
//
//	go run ./issue/shelf/internal/gen -out /tmp/shelf -days 3650
//
// The text is original and random; never commit what it writes.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"dubao/issue/shelf/shelftest"
)

func main() {
	c := shelftest.DefaultConfig()
	out := flag.String("out", "", "directory to write the shelf into (required)")
	flag.IntVar(&c.Days, "days", c.Days, "number of daily issues")
	flag.IntVar(&c.Pages, "pages", c.Pages, "pages per issue")
	flag.IntVar(&c.IssueBytes, "bytes", c.IssueBytes, "approximate bytes per issue")
	flag.IntVar(&c.PerPageEvery, "per-page-every", c.PerPageEvery, "store every Nth issue as one file per page (0: never)")
	flag.Uint64Var(&c.Seed, "seed", c.Seed, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out DIR is required")
		os.Exit(2)
	}
	start := time.Now()
	st, err := shelftest.Generate(*out, c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("%d issues, %d files, %.1f MB in %v; %q in %d issues\n",
		st.Issues, st.Files, float64(st.Bytes)/1e6, time.Since(start).Round(time.Millisecond), c.Needle, len(st.NeedleDates))
}
