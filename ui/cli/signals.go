package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"dubao/issue"
	"dubao/ui/tui"
)

// Signal is the cause of the context WithSignals cancels: the signal that
// ended the run. The exit status is 128 plus its number, as shells report
// a process killed by it: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP.
type Signal struct{ os.Signal }

// Error names the signal that ended the run.
func (s Signal) Error() string { return "stopped by " + s.Signal.String() }

// stopSignals are the signals that stop dubao cleanly: ctrl+c, kill and a
// closed terminal.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// WithSignals returns a context that the first SIGINT, SIGTERM or SIGHUP
// cancels, with the Signal as its cause (context.Cause): dubao then stops
// what it is doing, saves the reading state, restores the terminal and
// exits with the signal's status. After the first, those signals have
// their default effect again: a second ctrl+c ends dubao at once. stop
// releases the signals.
func WithSignals(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	var once sync.Once
	release := func() { once.Do(func() { signal.Stop(ch) }) }
	go func() {
		select {
		case s := <-ch:
			release()
			cancel(Signal{s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		release()
		cancel(nil)
	}
}

// interruptedCode is the exit status of a run that ctx's cancellation
// stopped: from the Signal that caused it, else ExitInterrupted.
func interruptedCode(ctx context.Context) int {
	var s Signal
	if errors.As(context.Cause(ctx), &s) {
		if n, ok := s.Signal.(syscall.Signal); ok {
			return 128 + int(n)
		}
	}
	return ExitInterrupted
}

// stopGrace is how long a command is given to stop by itself once
// interrupted (to save what it indexed, to say nothing more) before dubao
// exits without it: parsing or printing a large issue stops at once.
const stopGrace = 20 * time.Millisecond

// outputError records the first error of writing to stdout, so that a
// failed write of any output — help and version included, which cobra
// writes without looking at errors — is reported (exit status 1), except a
// closed pipe, which ends dubao quietly.
type outputError struct {
	w io.Writer

	mu  sync.Mutex
	err error
}

func (o *outputError) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil {
		o.record(err)
	}
	return n, err
}

// record keeps err, a write to o's writer that failed, unless one is kept.
func (o *outputError) record(err error) {
	o.mu.Lock()
	if o.err == nil {
		o.err = err
	}
	o.mu.Unlock()
}

// failed returns the first write error, or nil.
func (o *outputError) failed() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err == nil {
		return nil
	}
	return &runtimeError{fmt.Errorf("write to stdout: %w", o.err)}
}

// unwrapOutput returns the writer w records the errors of, or w.
func unwrapOutput(w io.Writer) io.Writer {
	if o, ok := w.(*outputError); ok {
		return o.w
	}
	return w
}

// waitGate is what Run waits for once a command is interrupted, past
// stopGrace: the reader (it restores the terminal and saves the reading
// state) and a fetch (its workers write into the day's folder until their
// requests are cancelled, then it writes the manifest and says what it
// kept), counted; or, once Run has given up on the command, abandoned.
type waitGate struct {
	mu        sync.Mutex
	holds     int
	abandoned bool
}

// hold starts work that Run waits for, and returns the function that ends
// it (to call once); false (and nothing to end) once Run has given up on the command: the
// work must then not start.
func (g *waitGate) hold() (release func(), ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.abandoned {
		return nil, false
	}
	g.holds++
	return func() {
		g.mu.Lock()
		g.holds--
		g.mu.Unlock()
	}, true
}

// abandon reports whether Run may return without waiting for the
// command: true unless work it waits for runs, and then none starts.
func (g *waitGate) abandon() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.holds > 0 {
		return false
	}
	g.abandoned = true
	return true
}

// reader runs the reader, which handles an interrupt itself (see Run):
// unless Run has given up on the command already.
func (r *runner) reader(ctx context.Context, is *issue.Issue, opt tui.Options) error {
	release, ok := r.waited.hold()
	if !ok {
		return ctx.Err()
	}
	defer release()
	return r.app.reader(ctx, is, opt)
}
