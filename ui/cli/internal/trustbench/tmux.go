package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"dubao/issue/benchkit"
)

// term is a tmux server of its own running one command in a 100×30 pane.
type term struct {
	dir, socket string
}

// errNoTmux says that the rows needing a terminal cannot run.
var errNoTmux = fmt.Errorf("tmux is not installed")

// newTerm starts command (run by sh, with env) in a pane; when it ends
// the pane shows [exit=N] and stays.
func newTerm(env []string, command string) (*term, error) {
	if _, err := exec.LookPath("tmux"); err != nil {
		return nil, errNoTmux
	}
	dir, err := os.MkdirTemp("", "trustbench")
	if err != nil {
		return nil, err
	}
	t := &term{dir: dir, socket: filepath.Join(dir, "s")}
	args := []string{"new-session", "-d", "-x", "100", "-y", "30"}
	for _, kv := range env {
		args = append(args, "-e", kv)
	}
	args = append(args, "sh", "-c", command+`; echo "[exit=$?]"; sleep 600`)
	if _, err := t.tmux(args...); err != nil {
		t.close()
		return nil, err
	}
	return t, nil
}

func (t *term) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-S", t.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("tmux %v: %v: %s", args, err, out)
	}
	return string(out), nil
}

// screen returns the pane's text.
func (t *term) screen() string {
	s, _ := t.tmux("capture-pane", "-p", "-t", "0")
	return s
}

// keys types tmux key names into the pane.
func (t *term) keys(keys ...string) {
	_, _ = t.tmux(append([]string{"send-keys", "-t", "0"}, keys...)...)
}

// waitFor waits until the screen shows want (polling every 5 ms), and
// returns the screen and how long it took.
func (t *term) waitFor(want string, limit time.Duration) (string, time.Duration, error) {
	start := time.Now()
	for {
		s := t.screen()
		if strings.Contains(s, want) {
			return s, time.Since(start), nil
		}
		if time.Since(start) > limit {
			return s, 0, fmt.Errorf("the screen never showed %q:\n%s", want, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// close stops the server and removes its socket.
func (t *term) close() {
	_ = exec.Command("tmux", "-S", t.socket, "kill-server").Run()
	_ = os.RemoveAll(t.dir)
}

// table measures the reader on a table of 200,000 rows: the first screen
// of the table after enter, G (its last row), ctrl+c (the exit).
func (b *bench) table(w io.Writer) error {
	file, err := b.tableIssue()
	if err != nil {
		return err
	}
	var first, end, quit []float64
	for range b.opt.runs {
		t, err := newTerm(b.env(), benchkit.ShellQuote(b.dubao)+" "+benchkit.ShellQuote(file))
		if err == errNoTmux {
			fmt.Fprintln(w, "| table | skipped: tmux is not installed | | | |")
			return nil
		}
		if err != nil {
			return err
		}
		if _, _, err := t.waitFor("? 帮助", time.Minute); err != nil {
			t.close()
			return err
		}
		t.keys("Enter")
		_, d1, err1 := t.waitFor("│ 区", 5*time.Minute)
		t.keys("G")
		_, d2, err2 := t.waitFor("199999", 5*time.Minute)
		t.keys("C-c")
		_, d3, err3 := t.waitFor("[exit=", 5*time.Minute)
		t.close()
		if err := cmp.Or(err1, err2, err3); err != nil { // the first that failed
			return err
		}
		first = append(first, ms(d1))
		end = append(end, ms(d2))
		quit = append(quit, ms(d3))
	}
	row(w, "table", "200,000 rows: first screen of the table after enter, ms", first, "%.0f")
	row(w, "table", "G (the last row shown), ms", end, "%.0f")
	row(w, "table", "ctrl+c (dubao ended), ms", quit, "%.0f")
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
