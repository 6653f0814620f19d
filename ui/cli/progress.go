package cli

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progressEvery is how often the progress line is redrawn at most.
const progressEvery = 200 * time.Millisecond

// progress is the one line of stderr that tells how a long walk or
// indexing of a shelf is going, redrawn in place; it is shown only when
// stderr is a terminal, and only once the work has taken a moment.
type progress struct {
	w     io.Writer // nil: not shown
	name  string
	start time.Time

	mu     sync.Mutex
	last   time.Time
	shown  bool
	closed bool
}

// newProgress returns the progress line of the shelf name on w, shown
// when w is a terminal.
func (a App) newProgress(w io.Writer, name string) *progress {
	p := &progress{name: name, start: time.Now()}
	if _, ok := a.terminalWidth(w); ok {
		p.w = w
	}
	return p
}

// walking shows how far the walk of the shelf's folders got.
func (p *progress) walking(folders, files int) {
	p.show(fmt.Sprintf("looking through %s: %d folders, %d files", p.name, folders, files))
}

// indexing shows how far the indexing of the shelf's files got.
func (p *progress) indexing(done, total int) {
	p.show(fmt.Sprintf("indexing %s: %d of %d files", p.name, done, total))
}

// show draws line, at most every progressEvery and not in the first one.
func (p *progress) show(line string) {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.closed || now.Sub(p.start) < progressEvery || now.Sub(p.last) < progressEvery {
		return
	}
	p.last, p.shown = now, true
	_, _ = fmt.Fprintf(p.w, "\r\x1b[Kdubao: %s…", safeText(line, false))
}

// done clears the line, if it was shown.
func (p *progress) done() {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown && !p.closed {
		_, _ = io.WriteString(p.w, "\r\x1b[K")
	}
	p.closed = true
}
