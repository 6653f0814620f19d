package tui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"dubao/ui/state"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// TestErrorPagePaths (issue #18, item 21): the error page names the file
// whole whatever the length of the folders before it — a long path is
// shortened in its middle, never broken inside the file's name — so that
// what it shows does not depend on where the files are (a test passed or
// failed by the length of the checkout's path).
func TestErrorPagePaths(t *testing.T) {
	const file = "bad-blank.txt"
	for _, size := range [][2]int{{60, 15}, {100, 30}, {40, 12}} {
		for n := 0; n <= 120; n++ {
			path := "/" + strings.Repeat("d", n) + "/testdata/hostile/" + file
			m := newModel(t, sample(t), size[0], size[1])
			send(m, common.ErrorMsg{Name: path, Err: fmt.Errorf("%s: not a text file (blank)", path)})
			sc := screen(m)
			if strings.Count(sc, file) < 2 {
				t.Fatalf("%dx%d, a path of %d bytes: the file's name is not whole in the title and the message:\n%s", size[0], size[1], len(path), sc)
			}
		}
	}
}

// TestCrashRestoresTerminal (issue #18, item 4): a panic inside the reader
// leaves the terminal as it was — main screen, cursor shown, mouse modes
// and bracketed paste off — writes a crash report whose place the error
// names, and keeps the reading state.
func TestCrashRestoresTerminal(t *testing.T) {
	dir := t.TempDir()
	store := state.Open(dir)
	in, keys := io.Pipe()
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(context.Background(), sample(t), Options{Name: "sample", Key: "crashkey", Input: in, Output: &out, State: store, crashOn: "x"})
	}()
	for _, k := range []string{"j", "j", "\r"} {
		time.Sleep(50 * time.Millisecond)
		io.WriteString(keys, k)
	}
	time.Sleep(300 * time.Millisecond)
	io.WriteString(keys, "x")
	var err error
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the reader did not end after its crash")
	}
	keys.Close()
	if err == nil || !strings.Contains(err.Error(), "crashed (a bug in dubao") {
		t.Fatalf("Run = %v, want the crash said", err)
	}
	report := regexp.MustCompile(`the report is in (\S+)$`).FindStringSubmatch(err.Error())
	if report == nil {
		t.Fatalf("the error %q does not say where the report is", err)
	}
	if data, rerr := os.ReadFile(report[1]); rerr != nil || !strings.Contains(string(data), "a crash asked for by a test") || !strings.Contains(string(data), "crashGuard") {
		t.Errorf("crash report %s: %v\n%s", report[1], rerr, data)
	}
	screen := out.String()
	enter := strings.LastIndex(screen, "\x1b[?1049h")
	if enter < 0 {
		t.Fatalf("the reader never entered the alternate screen: %q", screen)
	}
	after := screen[enter:]
	for what, seq := range map[string]string{"the main screen": "\x1b[?1049l", "the cursor": "\x1b[?25h", "bracketed paste off": "\x1b[?2004l",
		"mouse motion off": "\x1b[?1002l", "mouse SGR off": "\x1b[?1006l"} {
		if !strings.Contains(after, seq) {
			t.Errorf("after the crash, no %s (%q) is written", what, seq)
		}
	}
	if st, lerr := store.Load("crashkey"); lerr != nil || st.Last == 0 {
		t.Errorf("the reading state was not kept: %+v, %v", st, lerr)
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestStepToBadDay (issue #18, item 20): > to a day that cannot be opened
// shows the error page; a key then goes back to the reader where it was,
// saying the day could not be opened, and the shelf keeps no stale
// 正在打开… in its status.
func TestStepToBadDay(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	m.shelf.Select(s.Lookup("星河日报 2024-03-03")[0])
	press(t, m, "enter", "j", "j")
	before := readerOf(m)
	art := before.Article()
	next := s.Lookup("星河日报 2024-03-04")[0]
	if err := os.Remove(filepath.Join(s.Dir, filepath.FromSlash(next.Files[0].Path))); err != nil {
		t.Fatal(err)
	}
	press(t, m, ">")
	if m.showing != showError {
		t.Fatalf("> to a day that is gone: no error page:\n%s", screen(m))
	}
	press(t, m, "x")
	if m.showing != showReader || readerOf(m) != before || readerOf(m).Article() != art {
		t.Fatalf("a key on the error page does not go back to the reader where it was (showing %d):\n%s", m.showing, screen(m))
	}
	if sc := screen(m); !strings.Contains(sc, "2024-03-04") && !strings.Contains(sc, "无法打开") {
		t.Errorf("the reader does not say the day could not be opened:\n%s", sc)
	}
	press(t, m, "esc", "esc")
	if m.showing != showShelf || strings.Contains(screen(m), "正在打开") {
		t.Errorf("the shelf keeps a stale status:\n%s", screen(m))
	}
}

// TestUnterminatedPaste (issue #18, item 13): after a bracketed paste that
// never ends (ESC [200~ without ESC [201~), the keys work again once the
// paste has been silent a moment: q quits.
func TestUnterminatedPaste(t *testing.T) {
	in, keys := io.Pipe()
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(context.Background(), sample(t), Options{Name: "sample", Input: in, Output: &out, pasteTimeout: 200 * time.Millisecond})
	}()
	time.Sleep(100 * time.Millisecond)
	io.WriteString(keys, "\x1b[200~粘贴到一半")
	time.Sleep(500 * time.Millisecond)
	io.WriteString(keys, "q")
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(10 * time.Second):
		keys.Close()
		t.Fatal("q is not taken after a paste that never ended")
	}
}

// TestPasteGuard: the guard passes the bytes as they are, and puts the
// end of a paste that has been silent for its timeout before the next
// bytes — also when the markers are cut between reads.
func TestPasteGuard(t *testing.T) {
	now := time.Unix(0, 0)
	var src bytes.Buffer
	g := &pasteGuard{r: &src, timeout: 2 * time.Second, now: func() time.Time { return now }}
	read := func(s string, after time.Duration) string {
		now = now.Add(after)
		src.WriteString(s)
		buf := make([]byte, 4096)
		n, err := g.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		return string(buf[:n])
	}
	for _, step := range []struct {
		in    string
		after time.Duration
		want  string
	}{
		{"abc", 0, "abc"},
		{"\x1b[200~whole\x1b[201~", time.Second, "\x1b[200~whole\x1b[201~"},
		{"q", 5 * time.Second, "q"}, // a paste that ended: nothing added
		{"\x1b[20", 0, "\x1b[20"},
		{"0~cut", 0, "0~cut"}, // a start cut between reads
		{"more", time.Second, "more"},
		{"q", 3 * time.Second, "\x1b[201~q"}, // silent for 3 s: ended
		{"j", 3 * time.Second, "j"},
	} {
		if got := read(step.in, step.after); got != step.want {
			t.Errorf("after %v, %q reads as %q, want %q", step.after, step.in, got, step.want)
		}
	}
}

// TestBookmarkUnsavable (issue #18, item 15): a bookmark that cannot be
// saved (the state folder is a file) is said so where it is made — not
// acknowledged as kept — stays for the session (the bookmarks page lists
// it), and the bookmarks page's errors are not glued into one word.
func TestBookmarkUnsavable(t *testing.T) {
	blocked := filepath.Join(t.TempDir(), "state")
	if err := os.WriteFile(blocked, []byte("a file"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newStateModel(t, state.Open(filepath.Join(blocked, "dubao")), 100, 30)
	press(t, m, "enter", "m")
	sc := screen(m)
	if !strings.Contains(sc, "本次") || !strings.Contains(sc, "保存不了") {
		t.Errorf("m with an unsavable state: the status does not say the bookmark will not be kept:\n%s", sc)
	}
	press(t, m, "M")
	sc = screen(m)
	if !strings.Contains(sc, "青溪河生态廊道全线贯通") {
		t.Errorf("the bookmarks page does not list the session's bookmark:\n%s", sc)
	}
	if regexp.MustCompile(`directory[a-z]`).MatchString(sc) {
		t.Errorf("errors glued into one line:\n%s", sc)
	}
}
