package cli

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dubao/issue/fetch"
	"dubao/ui/wrap"
)

// TestProgress (issue #18, item 6): a long walk of a shelf says how far it
// got on one line of the terminal, redrawn in place and cleared at the end.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, width: func() (int, bool) { return 80, true }, name: "/home", start: time.Now().Add(-time.Second)}
	p.walking(3, 40)
	p.walking(4, 41) // too soon after the first: not drawn
	if got := buf.String(); got != "\rdubao: looking through /home: 3 folders, 40 files…\x1b[K" {
		t.Errorf("progress line %q", got)
	}
	p.done()
	if !strings.HasSuffix(buf.String(), "\x1b[K\r\x1b[K") {
		t.Errorf("done does not clear the line: %q", buf.String())
	}
	p.indexing(1, 2)
	if strings.Contains(buf.String(), "indexing") {
		t.Errorf("drawn after done: %q", buf.String())
	}
	// Not a terminal: nothing.
	var none bytes.Buffer
	q := App{}.newProgress(&none, "x", 0)
	q.walking(1, 1)
	q.fetching(fetch.Progress{Layouts: 1})
	q.done()
	if none.Len() != 0 {
		t.Errorf("progress written to a non-terminal: %q", none.String())
	}
	// Before the delay: nothing.
	var early bytes.Buffer
	e := notDumb(App{terminal: fakeTerminal(80)}).newProgress(&early, "x", time.Hour)
	e.walking(1, 1)
	if early.Len() != 0 {
		t.Errorf("progress drawn before its delay: %q", early.String())
	}
}

// drawn returns the lines a progress line drew on out (its redraws, as
// the terminal shows them one after the other).
func drawn(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\r") {
		if l = strings.TrimSuffix(l, "\x1b[K"); l != "" && !strings.Contains(l, "\n") {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestProgressFitsTheTerminal: the fetch's progress bar and the shelf's
// walk are one progress line, which is never wider than the terminal is
// when it is drawn — a window made narrower while a fetch runs does not
// fill with broken copies of a line the terminal wrapped.
func TestProgressFitsTheTerminal(t *testing.T) {
	site, base := fetchSite(t)
	app, _ := dataHome(t)
	var errb bytes.Buffer
	// The window is made narrower once the first line is drawn: the width
	// is asked under the progress line's lock, before each line is
	// written, so errb is not being written meanwhile.
	app.terminal = func(w io.Writer) (int, bool) {
		if strings.Contains(errb.String(), "\r") {
			return 30, w == &errb
		}
		return 80, w == &errb
	}
	// A clock that moves progressEvery at each look: every line is drawn.
	var ticks atomic.Int64
	start := time.Date(2026, 8, 3, 6, 0, 0, 0, time.UTC)
	app.now = func() time.Time { return start.Add(time.Duration(ticks.Add(1)) * progressEvery) }
	app = notDumb(app)
	var out bytes.Buffer
	if code := app.Run(context.Background(), []string{"get", "--into", t.TempDir(), base + site.Pages[0]}, strings.NewReader(""), &out, &errb); code != ExitOK {
		t.Fatalf("get: %d %q", code, errb.String())
	}
	lines := drawn(strings.SplitN(errb.String(), "人民日报 2026-08-03", 2)[0])
	if len(lines) < 2 {
		t.Fatalf("%d progress lines, want one at 80 columns and more at 30: %q", len(lines), errb.String())
	}
	if w := wrap.StringWidth(lines[0], false); w > 79 || w <= 29 {
		t.Errorf("the first line, %d columns on a terminal of 80: %q", w, lines[0])
	}
	for _, l := range lines[1:] {
		if w := wrap.StringWidth(l, false); w > 29 || !strings.Contains(l, "正在下载") && !strings.HasSuffix(l, "…") {
			t.Errorf("a line of %d columns on a terminal of 30: %q", w, l)
		}
	}
	// The shelf's walk, on the same line.
	var buf bytes.Buffer
	p := &progress{w: &buf, width: func() (int, bool) { return 40, true }, name: strings.Repeat("/很长的文件夹名", 10)}
	p.walking(3, 40)
	if l := drawn(buf.String()); len(l) != 1 || wrap.StringWidth(l[0], false) > 39 || !strings.HasSuffix(l[0], "…") {
		t.Errorf("the walk's line on a terminal of 40 columns: %q", l)
	}
}
