// Command dubao (读报) reads an issue of a Chinese daily paper in the
// terminal: a headline list beside the article, Chinese line breaking done
// right, search, and clean text for pipes. See README.md.
package main

import (
	"context"
	_ "embed"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"dubao/ui/cli"
)

// sample is the issue dubao opens when it is given no file: a fictional
// paper written for dubao.
//
//go:embed testdata/sample.md
var sample []byte

// Garbage collection defaults, unless GOGC or GOMEMLIMIT say otherwise.
// Reading a shelf makes much short-lived garbage (every issue is parsed
// and dropped) over a small live heap, so the default GOGC=100 collects
// very often: 400 cut the CPU time of indexing a 3,650-issue shelf by
// about 20% and of searching it by 15% (issue/shelf benchmarks). The soft
// memory limit (cli.Memory) keeps the heap near what the input needs: it
// is sized from the input, and raised when the live heap must pass it.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	var memory *cli.Memory
	if os.Getenv("GOMEMLIMIT") == "" {
		memory = cli.NewMemory()
	}
	// A write to a closed pipe (dubao cat … | head -1) then fails with
	// EPIPE, which the command line treats as a quiet success, instead of
	// killing the process with SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)
	// The first ctrl+c, SIGTERM or SIGHUP (the terminal closed) cancels
	// ctx, so that dubao saves the reading state and stops cleanly with
	// the signal's status (130, 143, 129); a second one kills it at once.
	ctx, stop := cli.WithSignals(context.Background())
	code := cli.App{Sample: sample, Memory: memory}.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
