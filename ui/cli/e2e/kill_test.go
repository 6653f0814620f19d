//go:build unix

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillRestoresTerminal (issue #18, items 4 and 5): SIGTERM, SIGHUP (the
// terminal closed) and SIGINT sent to the reader end it with 143, 129 and
// 130, and it leaves the terminal as it found it — main screen, cursor
// shown, mouse modes off — and saves where reading was, as q does.
func TestKillRestoresTerminal(t *testing.T) {
	sample := filepath.Join(root, "testdata", "sample.md")
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			pidFile := filepath.Join(dir, "pid")
			stateHome := filepath.Join(dir, "state")
			p := newPane(t, 100, 30, fmt.Sprintf("sh -c 'echo $$ > %s; XDG_STATE_HOME=%s exec %s %s'",
				pidFile, stateHome, binary, sample))
			p.waitFor("? 帮助")
			p.keys("3")
			time.Sleep(100 * time.Millisecond)
			p.keys("Enter")
			p.waitFor("3/")
			if flags := paneFlags(p); !strings.HasPrefix(flags, "alternate_on=1") {
				t.Fatalf("the reader does not run in the alternate screen: %s", flags)
			}
			data, err := os.ReadFile(pidFile)
			if err != nil {
				t.Fatal(err)
			}
			var pid int
			fmt.Sscan(string(data), &pid)
			if err := syscall.Kill(pid, sig); err != nil {
				t.Fatal(err)
			}
			p.waitFor(fmt.Sprintf("[exit=%d]", 128+int(sig)))
			if flags := paneFlags(p); flags != "alternate_on=0 cursor_flag=1 mouse_any_flag=0 mouse_button_flag=0 mouse_standard_flag=0 mouse_sgr_flag=0" {
				t.Errorf("after %v the terminal is left with %s", sig, flags)
			}
			files, _ := filepath.Glob(filepath.Join(stateHome, "dubao", "issues", "*.json"))
			if len(files) != 1 {
				t.Fatalf("after %v: %d state files, want the issue's", sig, len(files))
			}
			var st struct{ Last int }
			if data, err := os.ReadFile(files[0]); err != nil || json.Unmarshal(data, &st) != nil || st.Last != 3 {
				t.Errorf("after %v the state says the last article read is %d, want 3 (%v)", sig, st.Last, err)
			}
		})
	}
}

// paneFlags returns the terminal modes of p's pane that a program may
// change: the alternate screen, the cursor, the mouse modes.
func paneFlags(p *pane) string {
	return strings.TrimSpace(p.tmux("display-message", "-p", "-t", "0",
		"alternate_on=#{alternate_on} cursor_flag=#{cursor_flag} mouse_any_flag=#{mouse_any_flag} mouse_button_flag=#{mouse_button_flag} mouse_standard_flag=#{mouse_standard_flag} mouse_sgr_flag=#{mouse_sgr_flag}"))
}

// TestUnterminatedPasteInTerminal (issue #18, item 13): in a real terminal,
// the bytes of a bracketed paste that never ends do not swallow the keys
// for good: after two silent seconds, q quits.
func TestUnterminatedPasteInTerminal(t *testing.T) {
	p := newPane(t, 100, 30, shellQuote(binary)+" "+shellQuote(filepath.Join(root, "testdata", "sample.md")))
	p.waitFor("? 帮助")
	p.tmux("send-keys", "-t", "0", "-l", "\x1b[200~粘贴到一半")
	time.Sleep(2500 * time.Millisecond)
	p.keys("q")
	p.waitFor("[exit=0]")
}

// TestUnsavableStateInTerminal (issue #18, item 15): with a state folder
// that cannot be written (a file where it should be), m says in the
// reader that the bookmark is kept for the session only, and q ends with
// status 0 and a one-line warning, not an error.
func TestUnsavableStateInTerminal(t *testing.T) {
	dir := t.TempDir()
	blocked := filepath.Join(dir, "state")
	if err := os.WriteFile(blocked, []byte("a file"), 0o600); err != nil {
		t.Fatal(err)
	}
	errFile := filepath.Join(dir, "stderr")
	p := newPane(t, 100, 30, fmt.Sprintf("XDG_STATE_HOME=%s %s %s 2>%s", shellQuote(blocked), shellQuote(binary),
		shellQuote(filepath.Join(root, "testdata", "sample.md")), shellQuote(errFile)))
	p.waitFor("? 帮助")
	p.keys("Enter")
	time.Sleep(100 * time.Millisecond)
	p.keys("m")
	p.waitFor("只在本次有效")
	p.keys("q")
	p.waitFor("[exit=0]")
	data, _ := os.ReadFile(errFile)
	if msg := string(data); !strings.HasPrefix(msg, "dubao: warning: ") || strings.Count(msg, "\n") != 1 {
		t.Errorf("stderr %q: want one warning line", msg)
	}
}
