// Command dubao (读报) reads an issue of a Chinese daily paper in the
// terminal: a headline list beside the article, Chinese line breaking done
// right, search, and clean text for pipes. See README.md.
package main

import (
	"context"
	_ "embed"
	"os"
	"os/signal"
	"syscall"

	"dubao/ui/cli"
	// The garbage collection percentage, set before the imported
	// packages' initialization (see gcstart).
	_ "dubao/ui/cli/gcstart"
)

// sample is the issue dubao opens when it is given no file: a fictional
// paper written for dubao.
//
//go:embed testdata/sample.md
var sample []byte

func main() {
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
