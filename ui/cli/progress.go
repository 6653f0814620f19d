package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"dubao/issue/fetch"
	"dubao/ui/wrap"
)

// progressEvery is how often the progress line is redrawn at most.
const progressEvery = 100 * time.Millisecond

// shelfDelay is how long a shelf's walk or indexing runs before its
// progress line shows: a short one never flashes a line.
const shelfDelay = 200 * time.Millisecond

// progress is the one line of stderr that tells how a long task is going
// — the walk and indexing of a shelf, a fetch — redrawn in place. It is
// shown only when stderr is a terminal that takes escape sequences, only
// once the task has taken delay, never wider than the terminal is at the
// moment it is drawn (a line the terminal wrapped could not be redrawn in
// place: a window made narrower would fill with broken copies), and it is
// cleared at the end. A nil *progress shows nothing.
type progress struct {
	w     io.Writer
	width func() (int, bool) // the terminal's width now
	name  string             // the shelf, for its lines
	delay time.Duration
	start time.Time
	now   func() time.Time // the clock; nil: time.Now

	mu     sync.Mutex
	last   time.Time
	shown  bool
	closed bool
}

// newProgress returns the progress line of a task on w, shown when w is a
// terminal once the task has taken delay; name is the shelf a walk or an
// indexing goes through.
func (a App) newProgress(w io.Writer, name string, delay time.Duration) *progress {
	if _, ok := a.terminalWidth(w); !ok {
		return nil
	}
	now := a.now
	if now == nil {
		now = time.Now
	}
	return &progress{w: w, width: func() (int, bool) { return a.terminalWidth(w) }, name: name, delay: delay, start: now(), now: now}
}

// walking shows how far the walk of the shelf's folders got.
func (p *progress) walking(folders, files int) {
	if p == nil {
		return
	}
	p.show(func(int) string {
		return fmt.Sprintf("dubao: looking through %s: %d folders, %d files…", safeText(p.name, false), folders, files)
	})
}

// indexing shows how far the indexing of the shelf's files got.
func (p *progress) indexing(done, total int) {
	if p == nil {
		return
	}
	p.show(func(int) string {
		return fmt.Sprintf("dubao: indexing %s: %d of %d files…", safeText(p.name, false), done, total)
	})
}

// fetching shows how far a fetch got: a bar of what is known to fetch,
// and the words of Status.
func (p *progress) fetching(fp fetch.Progress) {
	if p == nil {
		return
	}
	known := fp.Layouts + fp.Articles + fp.Images
	done := fp.LayoutsDone + fp.ArticlesDone + fp.ImagesDone + fp.Failed
	pct := 0.0
	if known > 0 {
		pct = float64(done) / float64(known)
	}
	p.show(func(width int) string {
		words := Status(fp)
		return bar(pct, max(10, min(40, width-wrap.StringWidth(words, false)-2))) + " " + words
	})
}

// show draws the line line(width) makes for the terminal's width, at
// most every progressEvery and not before the delay, cut to fit.
func (p *progress) show(line func(width int) string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now
	if p.now != nil {
		now = p.now
	}
	t := now()
	if p.closed || t.Sub(p.start) < p.delay || t.Sub(p.last) < progressEvery {
		return
	}
	width, ok := p.width()
	if !ok {
		return
	}
	p.last, p.shown = t, true
	// One column is left free: a line that fills the last column leaves
	// some terminals' cursor on the next line.
	_, _ = fmt.Fprintf(p.w, "\r%s\x1b[K", wrap.Truncate(line(width), max(width-1, 1), false))
}

// done clears the line, if it was shown.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown && !p.closed {
		_, _ = io.WriteString(p.w, "\r\x1b[K")
	}
	p.closed = true
}

// bar draws a bar of width columns, filled to the fraction done.
func bar(done float64, width int) string {
	full := int(done*float64(width) + 0.5)
	full = max(0, min(width, full))
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// Status is the words of a fetch's progress: 正在下载 7/20版 · 63篇.
func Status(p fetch.Progress) string {
	return fmt.Sprintf("正在下载 %d/%d版 · %d篇", p.LayoutsDone, p.Layouts, p.ArticlesDone)
}
