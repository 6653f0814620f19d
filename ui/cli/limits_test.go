package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue/export"
	"dubao/issue/shelf"
)

// failingWriter fails every write after the first n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestIssueJSONWriteError: a failed write is reported.
func TestIssueJSONWriteError(t *testing.T) {
	l, err := shelf.Load(filepath.Join("..", "..", "testdata", "sample.md"), shelf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := export.IssueJSON(&failingWriter{n: 1000}, l.Issue); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("write error: %v", err)
	}
}

// TestSizeLimit: a file or stdin over the size limit is refused with one
// line that names it and gives the limit; so is binary data on stdin, and
// an endless stdin stops at the limit.
func TestSizeLimit(t *testing.T) {
	app := App{maxBytes: 4 << 10}
	text := "## 标题\n\n" + strings.Repeat("正文,很长的一段。", 400) + "\n"
	file := writeFile(t, "big.md", text)
	for _, args := range [][]string{{"list", file}, {"cat", "--all", file}, {"json", file}} {
		res := run(t, app, "", args...)
		if res.code != ExitError || res.stdout != "" || strings.Count(res.stderr, "\n") != 1 ||
			!strings.Contains(res.stderr, file) || !strings.Contains(res.stderr, "too large") || !strings.Contains(res.stderr, "4096 bytes") {
			t.Errorf("%v over the limit: exit %d, stderr %q", args, res.code, res.stderr)
		}
	}
	res := run(t, app, text, "list", "-")
	if res.code != ExitError || !strings.Contains(res.stderr, "stdin: too large (more than 4096 bytes") {
		t.Errorf("stdin over the limit: exit %d, stderr %q", res.code, res.stderr)
	}
	if res := run(t, App{}, text, "list", "-"); res.code != 0 {
		t.Errorf("the default limit refuses %d bytes: %q", len(text), res.stderr)
	}
	// Endless input, read in-process: it stops at the limit.
	var out, errb bytes.Buffer
	code := app.Run(t.Context(), []string{"list", "-"}, io.MultiReader(strings.NewReader(text), endless{}), &out, &errb)
	if code != ExitError || !strings.Contains(errb.String(), "too large") {
		t.Errorf("endless stdin: exit %d, stderr %q", code, errb.String())
	}
	// Binary data on stdin.
	png, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile", "bad-png.png"))
	if err != nil {
		t.Fatal(err)
	}
	if res := run(t, App{}, string(png), "list", "-"); res.code != ExitError || !strings.Contains(res.stderr, "stdin: not text: PNG image") {
		t.Errorf("a PNG image on stdin: exit %d, stderr %q", res.code, res.stderr)
	}
}

// endless is text without an end.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "正文\n"[i%7]
	}
	return len(p), nil
}

// TestDamagedWarning: invalid bytes give one line on stderr that names
// the file and says what is wrong; the output is there (the bytes shown as
// U+FFFD) and the status is 1.
func TestDamagedWarning(t *testing.T) {
	// (long enough for its encoding to be plain: see the parser's
	// TestShortDamagedUTF8)
	file := writeFile(t, "damaged.md", "## 标题\xff\n\n"+strings.Repeat("这是一段正文,说的是城东社区图书角的新书。", 5)+"\xe4\xb8。\n")
	for _, args := range [][]string{{"list", file}, {"cat", file, "1"}, {"cat", "--all", file}, {"json", file}, {file}} {
		res := run(t, App{}, "", args...)
		if res.code != ExitError || !strings.Contains(res.stdout, "\ufffd") || res.stderr != "dubao: "+file+": damaged text: 3 invalid byte sequences in its UTF-8 text, shown as \ufffd\n" {
			t.Errorf("%v: exit %d, stderr %q", args, res.code, res.stderr)
		}
	}
	if res := run(t, App{}, "", "list", writeFile(t, "clean.md", "## 标题\n\n正文。\n")); res.stderr != "" {
		t.Errorf("a clean file warns: %q", res.stderr)
	}
}
