package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestProgress (issue #18, item 6): a long walk of a shelf says how far it
// got on one line of the terminal, redrawn in place and cleared at the end.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, name: "/home", start: time.Now().Add(-time.Second)}
	p.walking(3, 40)
	p.walking(4, 41) // too soon after the first: not drawn
	if got := buf.String(); got != "\r\x1b[Kdubao: looking through /home: 3 folders, 40 files…" {
		t.Errorf("progress line %q", got)
	}
	p.done()
	if !strings.HasSuffix(buf.String(), "…\r\x1b[K") {
		t.Errorf("done does not clear the line: %q", buf.String())
	}
	p.indexing(1, 2)
	if strings.Contains(buf.String(), "indexing") {
		t.Errorf("drawn after done: %q", buf.String())
	}
	// Not a terminal: nothing.
	var none bytes.Buffer
	q := App{}.newProgress(&none, "x")
	q.start = time.Now().Add(-time.Second)
	q.walking(1, 1)
	q.done()
	if none.Len() != 0 {
		t.Errorf("progress written to a non-terminal: %q", none.String())
	}
}
