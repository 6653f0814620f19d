//go:build unix

package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue/safefile/safefiletest"
	"dubao/issue/textsafe"
)

// TestFIFONoWriter (issue #18, item 2): a named pipe that nothing writes to,
// as an issue, in a shelf or as the configuration file, never blocks dubao.
func TestFIFONoWriter(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "2024-03-08.md")
	safefiletest.Make(t, safefiletest.FIFO, fifo)
	for _, args := range [][]string{{"list", fifo}, {"json", fifo}, {"cat", "--all", fifo}} {
		var res result
		safefiletest.NoHang(t, strings.Join(args, " "), func() { res = dubao(t, nil, args...) })
		res.failed(t, strings.Join(args, " "), 1, fifo, "named pipe with no writer")
	}

	// On a shelf: skipped, with the reason.
	issue := filepath.Join(root, "testdata", "sample.md")
	data, err := os.ReadFile(issue)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"2024-03-07.md", "2024-03-09.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var res result
	safefiletest.NoHang(t, "json SHELF", func() { res = dubao(t, nil, "json", dir) })
	var shelf struct {
		Issues  []json.RawMessage `json:"issues"`
		Skipped []struct{ Path, Reason string }
	}
	if err := json.Unmarshal([]byte(res.stdout), &shelf); err != nil {
		t.Fatalf("json SHELF: %v (exit %d, stderr %q)", err, res.code, res.stderr)
	}
	if len(shelf.Issues) != 2 || len(shelf.Skipped) != 1 || shelf.Skipped[0].Path != "2024-03-08.md" ||
		!strings.Contains(shelf.Skipped[0].Reason, "named pipe") {
		t.Errorf("json SHELF with a pipe: %d issues, skipped %+v; want 2 and the pipe skipped as a named pipe", len(shelf.Issues), shelf.Skipped)
	}

	// As the configuration file.
	cfg := t.TempDir()
	if err := os.MkdirAll(filepath.Join(cfg, "dubao"), 0o700); err != nil {
		t.Fatal(err)
	}
	safefiletest.Make(t, safefiletest.FIFO, filepath.Join(cfg, "dubao", "config.toml"))
	t.Setenv("XDG_CONFIG_HOME", cfg)
	safefiletest.NoHang(t, "list with a pipe as config", func() { res = dubao(t, nil, "list", issue) })
	res.failed(t, "list with a pipe as config", 1, "config.toml", "named pipe")
}

// TestShelfPseudoFilesystems (issue #18, item 6): /proc, /sys and /dev are
// refused as shelves at once, never walked.
func TestShelfPseudoFilesystems(t *testing.T) {
	for _, dir := range []string{"/proc", "/sys", "/dev"} {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		var res result
		safefiletest.NoHang(t, "list "+dir, func() { res = dubao(t, nil, "list", dir) })
		res.failed(t, "list "+dir, 1, dir, "pseudo file system")
	}
}

// TestWriteFailures (issue #18, item 18): output that cannot be written
// (a full disk: /dev/full) is an error, exit status 1 with one line on
// stderr, for every kind of output — help and version too; a closed pipe
// stays quiet with 0 (TestBrokenPipe).
func TestWriteFailures(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	sample := filepath.Join(root, "testdata", "sample.md")
	for _, args := range [][]string{{"--help"}, {"--version"}, {"list", "--help"}, {"list", sample}, {"cat", "--all", sample},
		{"json", sample}, {"search", sample, "青溪"}, {"config", "--default"}, {"completion", "bash"}, {sample}} {
		cmd := exec.Command(binary, args...)
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = full, &errb
		cmd.Env = append(os.Environ(), "NO_COLOR=", "TERM=xterm-256color")
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("dubao %q > /dev/full: %v, want exit status 1", args, err)
		}
		if msg := errb.String(); !strings.HasPrefix(msg, "dubao: ") || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "no space left") {
			t.Errorf("dubao %q > /dev/full: stderr %q, want one line saying no space is left", args, msg)
		}
	}
}

// TestTmuxCleanedUp (issue #18, item 22): a test's tmux server is killed
// and its socket removed when the test ends; no test leaves a dubao-e2e
// socket in tmux's own folder.
func TestTmuxCleanedUp(t *testing.T) {
	var socket string
	t.Run("pane", func(t *testing.T) {
		p := newPane(t, 40, 10, "echo ready")
		socket = p.socket
		p.waitFor("ready")
	})
	if socket == "" {
		return // tmux is not installed
	}
	if _, err := os.Stat(socket); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the pane's socket %s is left behind: %v", socket, err)
	}
	if err := exec.Command("tmux", "-S", socket, "has-session").Run(); err == nil {
		t.Errorf("the pane's tmux server still runs")
	}
	left, _ := filepath.Glob(filepath.Join(os.TempDir(), fmt.Sprintf("tmux-%d", os.Getuid()), fmt.Sprintf("dubao-e2e-%d-*", os.Getpid())))
	if len(left) > 0 {
		t.Errorf("sockets left in tmux's folder: %v", left)
	}
}

// TestModelStringsClean (issue #18, item 11): no string of the model, from
// any source — YAML front matter (decoded after the text was cleaned), a
// feed's fields, an HTML page's attributes — holds a control character,
// an escape sequence or a bidi control, so that `dubao json FILE | jq -r`
// prints none.
func TestModelStringsClean(t *testing.T) {
	for _, name := range []string{"frontmatter-escapes.md", "feed-escapes.xml", "html-attr-escapes.html"} {
		res := dubao(t, nil, "json", filepath.Join(attackDir(), name)).ok(t, "json "+name)
		var v any
		if err := json.Unmarshal([]byte(res.stdout), &v); err != nil {
			t.Fatalf("json %s: %v", name, err)
		}
		strs := 0
		walkStrings(v, "", func(where, s string) {
			strs++
			for _, r := range s {
				if r != '\n' && textsafe.Unsafe(r) {
					t.Errorf("%s: %s holds %U: %q", name, where, r, s)
					return
				}
			}
		})
		if strs < 10 {
			t.Errorf("%s: only %d strings in the JSON", name, strs)
		}
	}
}

// walkStrings calls f with every string of a decoded JSON value and where
// it is.
func walkStrings(v any, where string, f func(where, s string)) {
	switch v := v.(type) {
	case string:
		f(where, v)
	case map[string]any:
		for k, x := range v {
			walkStrings(x, where+"."+k, f)
		}
	case []any:
		for i, x := range v {
			walkStrings(x, fmt.Sprintf("%s[%d]", where, i), f)
		}
	}
}

// attackDir is the repository's corpus of hostile inputs of issue #18
// (special files are made by the tests).
func attackDir() string { return filepath.Join(root, "testdata", "attack") }

// TestDumbTerminalPane (issue #18, item 12): in a real terminal with
// TERM=dumb, dubao prints the issue and ends instead of drawing the reader.
func TestDumbTerminalPane(t *testing.T) {
	note := filepath.Join(t.TempDir(), "stderr")
	p := newPane(t, 80, 24, "TERM=dumb "+shellQuote(binary)+" "+shellQuote(filepath.Join(root, "testdata", "sample.md"))+" 2>"+shellQuote(note))
	sc := p.waitFor("[exit=0]")
	if !strings.Contains(sc, "城南区读者 王秀英") {
		t.Errorf("the issue's text is not printed:\n%s", sc)
	}
	if data, _ := os.ReadFile(note); !strings.Contains(string(data), "TERM=dumb") {
		t.Errorf("stderr %q: no note of why the reader did not start", data)
	}
}
