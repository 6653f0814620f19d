package tui

import (
	"bytes"
	"io"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// A bracketed paste that never ends — ESC [200~ without its ESC [201~, be
// it a paste cut short or bytes a program wrote to the terminal — makes
// bubbletea's input parser (ultraviolet's event scanner) take every later
// byte as pasted text, ctrl+c included, for good: the reader no longer
// answers any key. The parser keeps no time limit on a paste and cannot be
// reached from the program, so the fix is here, on the bytes before it
// reads them (worth fixing upstream: a paste's end should time out as an
// escape sequence's does): pasteGuard ends a paste that has been silent
// for pasteTimeout, with the ESC [201~ it lacks, before the next bytes.

// pasteTimeout is how long a paste may be silent before it is taken to
// have ended.
const pasteTimeout = 2 * time.Second

var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// pasteGuard reads the keyboard, ending a bracketed paste cut short (see
// above).
type pasteGuard struct {
	r       io.Reader
	timeout time.Duration
	now     func() time.Time

	mu      sync.Mutex
	inPaste bool      // a paste started and has not ended
	last    time.Time // when its last bytes came
	tail    []byte    // the last bytes read, for a marker cut between reads
}

// Read reads the keyboard's bytes into p, ESC [201~ first when a paste has
// been silent for the timeout.
func (g *pasteGuard) Read(p []byte) (int, error) {
	if len(p) <= len(pasteEnd) {
		return g.r.Read(p)
	}
	n, err := g.r.Read(p[len(pasteEnd):])
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	off := len(pasteEnd)
	if n > 0 && g.inPaste && now.Sub(g.last) >= g.timeout {
		copy(p, pasteEnd)
		off = 0
		g.inPaste = false
		g.tail = append(g.tail[:0], pasteEnd...)
	}
	if off > 0 {
		copy(p, p[off:off+n])
	}
	read := p[:n+len(pasteEnd)-off]
	if n > 0 {
		g.scan(read)
		g.last = now
	}
	return len(read), err
}

// scan follows whether a paste is open through the bytes b.
func (g *pasteGuard) scan(b []byte) {
	seen := append(g.tail, b...)
	start, end := bytes.LastIndex(seen, pasteStart), bytes.LastIndex(seen, pasteEnd)
	switch {
	case start > end:
		g.inPaste = true
	case end > start:
		g.inPaste = false
	}
	keep := len(pasteStart) - 1
	if len(seen) < keep {
		keep = len(seen)
	}
	g.tail = append(g.tail[:0], seen[len(seen)-keep:]...)
}

// fileGuard is pasteGuard on a terminal: bubbletea sees the terminal (its
// descriptor, to set raw mode and wait for input) and reads through the
// guard.
type fileGuard struct {
	*os.File
	g *pasteGuard
}

func (f fileGuard) Read(p []byte) (int, error) { return f.g.Read(p) }

// guardInput returns r behind a pasteGuard, keeping a terminal a terminal.
func guardInput(r io.Reader, timeout time.Duration) io.Reader {
	g := &pasteGuard{r: r, timeout: timeout, now: time.Now}
	if f, ok := r.(*os.File); ok {
		return fileGuard{File: f, g: g}
	}
	return g
}

// keyboard returns what the reader reads keys from when Options.Input is
// not set, as bubbletea would choose it — stdin when it is a terminal,
// else the controlling terminal — and what closes it.
func keyboard() (io.Reader, func(), error) {
	if term.IsTerminal(os.Stdin.Fd()) {
		return os.Stdin, func() {}, nil
	}
	in, _, err := tea.OpenTTY()
	if err != nil {
		return nil, nil, err
	}
	return in, func() { in.Close() }, nil
}
