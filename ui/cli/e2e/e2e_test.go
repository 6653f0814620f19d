//go:build unix

package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rivo/uniseg"
)

// binary is the dubao binary TestMain builds; root is the repository;
// goEnv is the environment to run the go command in (the one the tests
// started with: TestMain moves XDG_CACHE_HOME, and with it go's build
// cache, to a temporary folder).
var (
	binary string
	root   string
	goEnv  []string
	// scratch is a temporary folder for inputs shared by several tests,
	// removed when they end.
	scratch string
)

func TestMain(m *testing.M) {
	code, err := buildAndRun(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// buildAndRun builds dubao into a temporary folder and runs the tests.
func buildAndRun(m *testing.M) (int, error) {
	var err error
	root, err = repoRoot()
	if err != nil {
		return 0, err
	}
	dir, err := os.MkdirTemp("", "dubao-e2e")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	scratch = dir
	binary = filepath.Join(dir, "dubao")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v\n%s", err, out)
	}
	goEnv = os.Environ()
	// Keep the user's configuration file out of the tests.
	for k, v := range map[string]string{"XDG_CONFIG_HOME": "config", "XDG_CACHE_HOME": "cache", "XDG_STATE_HOME": "state"} {
		if err := os.Setenv(k, filepath.Join(dir, v)); err != nil {
			return 0, err
		}
	}
	return m.Run(), nil
}

// sourcesSeen makes sure statSources runs once per test binary.
var sourcesSeen sync.Once

// seeSources runs statSources from inside a test: go test records the
// files a test stats only once tests run, not in TestMain.
func seeSources(t *testing.T) {
	t.Helper()
	sourcesSeen.Do(func() {
		if err := statSources(root); err != nil {
			t.Fatalf("stat the sources: %v", err)
		}
	})
}

// statSources looks at every source file of the module, so that go test's
// cache (which records the files a test opens or stats) reruns these tests
// whenever the code they build changes: the binary is built in a
// subprocess, whose reads go test does not see.
func statSources(root string) error {
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") || p == filepath.Join(root, "go.mod") || p == filepath.Join(root, "go.sum") ||
			strings.Contains(p, string(filepath.Separator)+"testdata"+string(filepath.Separator)) {
			_, err = os.Stat(p)
		}
		return err
	})
}

// repoRoot walks up from the test's folder to the one holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test folder")
		}
		dir = parent
	}
}

// result is what one run of the binary gave.
type result struct {
	code           int
	stdout, stderr string
}

// dubao runs the binary with args, stdin from in (nil: no input), and
// returns its exit status and output.
func dubao(t *testing.T, in io.Reader, args ...string) result {
	t.Helper()
	seeSources(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Stdin = in
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Env = append(os.Environ(), "NO_COLOR=", "TERM=xterm-256color")
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
		if code < 0 {
			t.Fatalf("dubao %q died: %v (stderr %q)", args, err, errb.String())
		}
	case err != nil:
		t.Fatalf("dubao %q: %v", args, err)
	}
	return result{code, out.String(), errb.String()}
}

// ok fails the test unless the run succeeded with nothing on stderr.
func (r result) ok(t *testing.T, what string) result {
	t.Helper()
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("%s: exit %d, stderr %q", what, r.code, r.stderr)
	}
	return r
}

// failed fails the test unless the run exited with code, printed nothing
// on stdout and exactly one line on stderr that contains each of want.
func (r result) failed(t *testing.T, what string, code int, want ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("%s: exit %d, want %d (stderr %q)", what, r.code, code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("%s: an error wrote to stdout: %.200q", what, r.stdout)
	}
	if !strings.HasPrefix(r.stderr, "dubao: ") || strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
		t.Errorf("%s: stderr is not one line starting with 'dubao: ': %q", what, r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("%s: stderr %q does not say %q", what, r.stderr, w)
		}
	}
	if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic") {
		t.Errorf("%s: a Go panic: %s", what, r.stderr)
	}
}

// samples returns the issue files to run every command on: the repo's own
// samples, and the shared seed issue when ../shared exists.
func samples(t *testing.T) []string {
	t.Helper()
	files := []string{filepath.Join(root, "testdata", "sample.md")}
	more, _ := filepath.Glob(filepath.Join(root, "testdata", "*.txt"))
	files = append(files, more...)
	more, _ = filepath.Glob(filepath.Join(root, "testdata", "issues", "*"))
	files = append(files, more...)
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(shared); err == nil {
		files = append(files,
			filepath.Join(shared, "seed", "000_f6fea3e315053468.txt"),
			filepath.Join(shared, "real", "people-daily-2019-10-02"), // a folder holding one issue
		)
	} else {
		t.Logf("../shared is absent (a fresh clone): the seed issue is not tested")
	}
	return files
}

// checkPlain fails when out is not clean text for a pipe: no escape
// sequence, no control character but tab and newline, no trailing space.
func checkPlain(t *testing.T, what, out string) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("%s: line %d ends in a space: %q", what, i+1, line)
		}
		for _, r := range line {
			if r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Errorf("%s: line %d holds control character %U: %q", what, i+1, r, line)
				break
			}
		}
	}
}

// listRow is one line of `dubao list`.
type listRow struct {
	n, page int
	title   string
}

// parseList parses `dubao list` output and checks its shape.
func parseList(t *testing.T, what, out string) []listRow {
	t.Helper()
	var rows []listRow
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("%s: line %d %q is not N<TAB>PAGE<TAB>TITLE", what, i+1, line)
		}
		n, err1 := strconv.Atoi(f[0])
		page, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || n != i+1 || page < 0 {
			t.Errorf("%s: line %d %q: want number %d and a page ≥ 0", what, i+1, line, i+1)
		}
		rows = append(rows, listRow{n, page, f[2]})
	}
	return rows
}

func TestCommandsOnSamples(t *testing.T) {
	for _, file := range samples(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			list := dubao(t, nil, "list", file).ok(t, "list")
			checkPlain(t, "list", list.stdout)
			rows := parseList(t, "list", list.stdout)
			if len(rows) == 0 {
				t.Fatal("list printed no article")
			}

			// json: valid, indented, and the same articles as list.
			js := dubao(t, nil, "json", file).ok(t, "json")
			var parsed struct {
				Sections []struct {
					Page     int `json:"page"`
					Articles []struct {
						N     int    `json:"n"`
						Title string `json:"title"`
					} `json:"articles"`
				} `json:"sections"`
			}
			if err := json.Unmarshal([]byte(js.stdout), &parsed); err != nil {
				t.Fatalf("json: not JSON: %v", err)
			}
			if !strings.HasPrefix(js.stdout, "{\n  ") {
				t.Errorf("json is not indented: %.30q", js.stdout)
			}
			i := 0
			for _, sec := range parsed.Sections {
				for _, a := range sec.Articles {
					if i >= len(rows) || rows[i].n != a.N || rows[i].page != sec.Page {
						t.Errorf("json article %d (page %d) is not list line %d", a.N, sec.Page, i+1)
					}
					i++
				}
			}
			if i != len(rows) {
				t.Errorf("json has %d articles, list %d", i, len(rows))
			}

			// cat N prints article N: its title comes first (after the
			// kicker), and the text is clean.
			var all strings.Builder
			for k, row := range rows {
				cat := dubao(t, nil, "cat", file, strconv.Itoa(row.n)).ok(t, "cat "+strconv.Itoa(row.n))
				checkPlain(t, "cat", cat.stdout)
				if head := firstLines(cat.stdout, 3); row.title != "" && !strings.Contains(head, row.title) {
					t.Errorf("cat %d does not start with its list title %q: %q", row.n, row.title, head)
				}
				if k > 0 {
					all.WriteString("\n\n")
				}
				all.WriteString(cat.stdout)
			}
			catAll := dubao(t, nil, "cat", "--all", file).ok(t, "cat --all")
			if catAll.stdout != all.String() {
				t.Errorf("cat --all is not the articles cat prints one by one, in order")
			}

			// A title fragment selects the same article as its number, when
			// no other title contains it.
			for _, row := range rows {
				if row.title == "" || countContaining(rows, row.title) != 1 {
					continue
				}
				byTitle := dubao(t, nil, "cat", file, row.title).ok(t, "cat TITLE")
				byNumber := dubao(t, nil, "cat", file, strconv.Itoa(row.n))
				if byTitle.stdout != byNumber.stdout {
					t.Errorf("cat %q differs from cat %d", row.title, row.n)
				}
				break
			}

			// The reader on a pipe prints the issue like cat --all.
			reader := dubao(t, nil, file).ok(t, "dubao FILE")
			if reader.stdout != catAll.stdout {
				t.Errorf("dubao FILE into a pipe differs from cat --all")
			}

			// Markdown reads back as the same issue and the same articles.
			md := dubao(t, nil, "cat", "--all", "--format", "markdown", file).ok(t, "cat --all --format markdown")
			checkPlain(t, "markdown", md.stdout)
			if back := dubao(t, strings.NewReader(md.stdout), "list", "-"); back.stdout != list.stdout {
				t.Errorf("the Markdown of cat --all lists differently:\n%s\nwant:\n%s", back.stdout, list.stdout)
			}
			for _, row := range rows[:min(len(rows), 5)] {
				n := strconv.Itoa(row.n)
				one := dubao(t, nil, "cat", "--format", "markdown", file, n).ok(t, "cat --format markdown "+n)
				back := dubao(t, strings.NewReader(one.stdout), "cat", "-", "1").ok(t, "cat - 1 of Markdown")
				if want := dubao(t, nil, "cat", file, n); back.stdout != want.stdout {
					t.Errorf("article %d read back from its Markdown prints\n%s\nwant\n%s", row.n, back.stdout, want.stdout)
				}
			}

			// --width wraps, and no line is wider.
			wrapped := dubao(t, nil, "cat", "--all", "--width", "24", file).ok(t, "cat --width 24")
			checkPlain(t, "cat --width", wrapped.stdout)
			for i, line := range strings.Split(wrapped.stdout, "\n") {
				if w := uniseg.StringWidth(line); w > 24 {
					t.Errorf("cat --width 24: line %d is %d columns wide: %q", i+1, w, line)
				}
			}

			// Nothing is lost: every non-space character of every article,
			// in order, wrapped or not.
			is := decodeIssue(t, js.stdout)
			checkAllText(t, "cat --all", is, catAll.stdout)
			checkAllText(t, "cat --all --width 24", is, wrapped.stdout)

			// stdin gives the same result as the file.
			if st, err := os.Stat(file); err != nil || st.IsDir() {
				return // a folder issue cannot come from stdin
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fromStdin := dubao(t, bytes.NewReader(data), "list", "-").ok(t, "list -")
			if fromStdin.stdout != list.stdout {
				t.Errorf("list - differs from list FILE")
			}
			catStdin := dubao(t, bytes.NewReader(data), "cat", "-", "1").ok(t, "cat - 1")
			if first := dubao(t, nil, "cat", file, "1"); catStdin.stdout != first.stdout {
				t.Errorf("cat - 1 differs from cat FILE 1")
			}
		})
	}
}

// countContaining counts the titles that contain s.
func countContaining(rows []listRow, s string) int {
	n := 0
	for _, r := range rows {
		if strings.Contains(r.title, s) {
			n++
		}
	}
	return n
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitAfterN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "")
}

func TestShelfFolder(t *testing.T) {
	// The repo's testdata folder holds several issues: it is a shelf.
	dir := filepath.Join(root, "testdata")
	list := dubao(t, nil, "list", dir)
	if list.code != 0 {
		t.Fatalf("list FOLDER: exit %d: %s", list.code, list.stderr)
	}
	checkPlain(t, "list FOLDER", list.stdout)
	lines := strings.Split(strings.TrimSuffix(list.stdout, "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("list FOLDER shows %d issues: %q", len(lines), list.stdout)
	}
	prev := "9999"
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 5 || f[0] > prev {
			t.Errorf("list FOLDER line %q: want DATE<TAB>PAPER<TAB>PAGES<TAB>ARTICLES<TAB>PATH, newest first", line)
			continue
		}
		prev = f[0]
		// The PATH column selects the issue, as DATE does. (The files of
		// testdata/hostile with invalid bytes end with status 1 and one line
		// on stderr after their output.)
		res := dubao(t, nil, "list", dir, f[4])
		warn := strings.HasPrefix(f[4], "hostile/") && res.stderr != ""
		byPath := succeeded(t, res, "list FOLDER PATH", f[4], warn)
		if n, _ := strconv.Atoi(f[3]); len(parseList(t, "list FOLDER PATH", byPath)) != n {
			t.Errorf("list FOLDER %s: not the %s articles the shelf counts", f[4], f[3])
		}
		succeeded(t, dubao(t, nil, "cat", dir, f[4], "1"), "cat FOLDER PATH 1", f[4], warn)
	}
	var shelf struct{ Issues []json.RawMessage }
	if err := json.Unmarshal([]byte(dubao(t, nil, "json", dir).ok(t, "json FOLDER").stdout), &shelf); err != nil || len(shelf.Issues) != len(lines) {
		t.Errorf("json FOLDER: %v, %d issues, want %d", err, len(shelf.Issues), len(lines))
	}
	title := firstTitle(t, filepath.Join(dir, "sample.md"))
	hits := dubao(t, nil, "search", dir, title).ok(t, "search FOLDER")
	if !strings.Contains(hits.stdout, "\t"+title+"\t") {
		t.Errorf("search FOLDER for a title does not find it: %q", hits.stdout)
	}
	dubao(t, nil, "cat", dir, "1").failed(t, "cat FOLDER 1", 2, "is a folder of")
}

func TestEmbeddedSample(t *testing.T) {
	file := filepath.Join(root, "testdata", "sample.md")
	for _, cmd := range [][]string{{"list"}, {"json"}, {"cat", "--all"}, {"cat", "2"}} {
		embedded := dubao(t, nil, cmd...).ok(t, strings.Join(cmd, " "))
		withFile := append(append([]string{}, cmd...), file)
		if cmd[0] == "cat" && len(cmd) == 2 && cmd[1] == "2" {
			withFile = []string{"cat", file, "2"}
		}
		fromFile := dubao(t, nil, withFile...).ok(t, strings.Join(withFile, " "))
		if embedded.stdout != fromFile.stdout {
			t.Errorf("%v on the embedded sample differs from the same on testdata/sample.md", cmd)
		}
	}
	dubao(t, nil).ok(t, "dubao with no argument into a pipe")
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--bogus"},
		{"list", "--bogus"},
		{"cat", "-z", "1"},
		{"json", "--width", "3"},
		{"--style", "neon", "list"},
		{"--ambiguous", "huge", "list"},
		{"--encoding", "klingon", "list"},
		{"cat", "--width", "x", "1"},
		{"cat", "--format", "pdf", "1"},
		{"cat"},
		{"list", "a", "b", "c"},
		{"json", "a", "b", "c"},
		{"search"},
		{"search", "a", "b", "c", "d"},
		{"a", "b", "c"},
		{"config", "x"},
		{"completion", "tcsh"},
		{"cat", filepath.Join(root, "testdata", "sample.md")},
		{"search", filepath.Join(root, "testdata")},
	} {
		dubao(t, nil, args...).failed(t, fmt.Sprint(args), 2, "--help")
	}
	dubao(t, nil, "serach", "x").failed(t, "serach x", 2, `dubao: unknown command "serach" (did you mean "search"?)`)
	dubao(t, nil, "cat", "-1").failed(t, "cat -1", 2, "dubao: cat: article numbers start at 1")
}

func TestRuntimeErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.md")
	empty := filepath.Join(dir, "empty.md")
	blank := filepath.Join(dir, "blank.txt")
	binaryFile := filepath.Join(dir, "image.png")
	emptyDir := filepath.Join(dir, "empty-folder")
	write := func(p string, data []byte) {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(empty, nil)
	write(blank, []byte("\n\n   \n\u3000\n"))
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 256)...)
	write(binaryFile, png)
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{missing, empty, blank, binaryFile, emptyDir} {
		for _, args := range [][]string{{"list", file}, {"json", file}, {"cat", file, "1"}, {"cat", "--all", file}, {file}} {
			dubao(t, nil, args...).failed(t, fmt.Sprint(args), 1, file)
		}
	}
	dubao(t, strings.NewReader(""), "list", "-").failed(t, "list - on empty stdin", 1, "stdin")
	dubao(t, nil, "nonexist.md").failed(t, "nonexist.md", 1, "dubao: nonexist.md: no such file or directory")
	dubao(t, nil, "cat", "9999").failed(t, "cat 9999", 1, "no article 9999")
	dubao(t, nil, "cat", "这个标题不存在").failed(t, "cat unknown title", 1, "no title contains")
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "secret.md")
	if err := os.WriteFile(file, []byte("## 标题\n\n正文。\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) result { return dubao(t, nil, args...) }
	if f, err := os.Open(file); err == nil {
		f.Close()
		// root reads any file: run dubao as the unprivileged user nobody.
		if os.Geteuid() != 0 {
			t.Skip("chmod 000 does not stop reads here (CAP_DAC_OVERRIDE?), so an unreadable file cannot be made")
		}
		for _, d := range []string{dir, filepath.Dir(binary)} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		run = func(args ...string) result { return dubaoAs(t, 65534, args...) }
		if res := run("--version"); res.code != 0 {
			t.Skipf("running as root, and dubao cannot be run as nobody (uid 65534): exit %d %s", res.code, res.stderr)
		}
	}
	for _, args := range [][]string{{"list", file}, {"cat", file, "1"}, {"json", file}, {file}} {
		run(args...).failed(t, fmt.Sprint(args), 1, file, "permission denied")
	}
}

// dubaoAs runs the binary as the user uid (and group uid), with no
// configuration file, and returns its exit status and output.
func dubaoAs(t *testing.T, uid uint32, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: uid}}
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME=/nonexistent/dubao-e2e", "HOME=/nonexistent")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return result{exit.ExitCode(), out.String(), errb.String()}
	case err != nil:
		return result{-1, "", err.Error()}
	}
	return result{0, out.String(), errb.String()}
}

func TestHostileInputIsCleaned(t *testing.T) {
	hostile := "## 标题\x1b]0;owned\x07一\x1b[2J二\u009b31m三\u202e四\n\n正文\x1b]52;c;ZXZpbA==\x07里\x00有\x08控\u2066制\x7f符。\n\n## 第二篇\u0085\n\n正文。\n"
	file := filepath.Join(t.TempDir(), "hostile.md")
	if err := os.WriteFile(file, []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list", file}, {"cat", "--all", file}, {"cat", "--width", "6", file, "1"}, {file}, {"cat", "--format", "markdown", "--all", file}} {
		res := dubao(t, nil, args...).ok(t, fmt.Sprint(args))
		checkPlain(t, fmt.Sprint(args), res.stdout)
	}
	js := dubao(t, nil, "json", file).ok(t, "json")
	for _, r := range js.stdout {
		if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Errorf("json output holds raw %U", r)
		}
	}
	// A file name is printed in errors: its control characters are not.
	evil := filepath.Join(t.TempDir(), "a\x1b]0;x\x07b.md")
	res := dubao(t, nil, "list", evil)
	res.failed(t, "missing file with escapes in its name", 1, "no such file")
	if strings.ContainsAny(res.stderr, "\x1b\x07") {
		t.Errorf("stderr holds escape characters: %q", res.stderr)
	}
}

// bigIssue writes an issue whose cat --all output is far larger than a
// pipe's buffer (64 KiB on Linux), so a reader that stops early makes
// dubao write into a closed pipe.
func bigIssue(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&b, "## 第%d篇报道的标题:管道测试用的一个很长很长的标题\n\n", i)
		for p := 0; p < 2; p++ {
			b.WriteString(strings.Repeat("本报讯 这是一段用来测试管道的正文,内容没有实际意义。", 8))
			b.WriteString("\n\n")
		}
	}
	file := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestBrokenPipe(t *testing.T) {
	file := bigIssue(t)
	for _, args := range [][]string{{"cat", "--all", file}, {"list", file}, {"json", file}, {file}} {
		// Like `dubao … | head -1`: read one line, close the pipe.
		cmd := exec.Command(binary, args...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || line == "" {
			t.Errorf("%v: read the first line: %v", args, err)
		}
		out.Close()
		err = cmd.Wait()
		if err != nil {
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
					t.Errorf("%v: killed by %v when its reader left", args, ws.Signal())
					continue
				}
			}
			t.Errorf("%v | head -1: %v, want exit 0", args, err)
		}
		if errb.Len() != 0 {
			t.Errorf("%v | head -1: stderr %q, want nothing", args, errb.String())
		}
	}
	// The test means something only if the outputs do not fit a pipe.
	for _, args := range [][]string{{"cat", "--all", file}, {"list", file}, {"json", file}} {
		if res := dubao(t, nil, args...); len(res.stdout) < 128<<10 {
			t.Errorf("%v prints only %d bytes: too little to fill a pipe", args, len(res.stdout))
		}
	}
}

func TestInterrupt(t *testing.T) {
	// dubao waits for stdin that never comes; ctrl+c ends it with 130. A
	// signal that comes before dubao handles signals (a loaded machine
	// starts it slowly) kills it as it would any program: then again,
	// waiting longer.
	for _, wait := range []time.Duration{300 * time.Millisecond, time.Second, 3 * time.Second} {
		cmd := exec.Command(binary, "list", "-")
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(wait)
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatal("dubao did not stop on SIGINT")
		}
		in.Close()
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == -1 {
			continue // killed by the signal before it handled it
		}
		if exit == nil || exit.ExitCode() != 130 {
			t.Errorf("after SIGINT: %v, want exit status 130", err)
		}
		if out.Len() != 0 || errb.Len() != 0 {
			t.Errorf("after SIGINT: stdout %q, stderr %q; want nothing", out.String(), errb.String())
		}
		return
	}
	t.Error("dubao never handled SIGINT")
}

func TestHelpVersionCompletion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"list", "--help"}, {"cat", "-h"}, {"json", "--help"}, {"config", "--help"}, {"completion", "bash", "--help"}} {
		res := dubao(t, nil, args...).ok(t, fmt.Sprint(args))
		if !strings.Contains(res.stdout, "Usage:") {
			t.Errorf("%v: no usage in %.100q", args, res.stdout)
		}
		checkPlain(t, fmt.Sprint(args), res.stdout)
	}
	v := dubao(t, nil, "--version").ok(t, "--version")
	if !strings.HasPrefix(v.stdout, "dubao ") || strings.Count(v.stdout, "\n") != 1 {
		t.Errorf("--version printed %q", v.stdout)
	}
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		res := dubao(t, nil, "completion", sh).ok(t, "completion "+sh)
		if !strings.Contains(res.stdout, "dubao") {
			t.Errorf("completion %s: no script", sh)
		}
	}
	// The shell's completion script calls the hidden __complete command,
	// which reports its directive on stderr.
	res := dubao(t, nil, "__complete", "cat", filepath.Join(root, "testdata", "sample.md"), "")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "1\t") {
		t.Errorf("completing cat's second argument does not offer article numbers: %.100q", res.stdout)
	}
	cfg := dubao(t, nil, "config", "--default").ok(t, "config --default")
	if !strings.Contains(cfg.stdout, "style") || !strings.Contains(cfg.stdout, "[keys]") {
		t.Errorf("config --default: %.200q", cfg.stdout)
	}
}

var update = flag.Bool("update", false, "rewrite the README's screenshot of the reader")

// TestReadmeScreenshot regenerates the README's screenshot: the reader on
// the built-in sample in a 100×30 tmux pane, captured as text. It only runs
// with -update (and tmux installed); the README is then rewritten between
// its screenshot markers.
func TestReadmeScreenshot(t *testing.T) {
	if !*update {
		t.Skip("generates the README screenshot only with -update")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	socket := tmuxSocket(t)
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-S", socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	tmux("new-session", "-d", "-x", "100", "-y", "30", "-e", "TERM=xterm-256color", binary)
	// Wait for the screen to settle: two equal captures in a row.
	var screen string
	for i := 0; i < 50; i++ {
		time.Sleep(200 * time.Millisecond)
		next := tmux("capture-pane", "-p")
		if next == screen && strings.TrimSpace(next) != "" {
			break
		}
		screen = next
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(screen, "\n"), "\n") {
		lines = append(lines, strings.TrimRight(l, " "))
	}
	block := "```text\n" + strings.Join(lines, "\n") + "\n```\n"

	path := filepath.Join(root, "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	open := strings.Index(readme, "<!-- screenshot")
	end := strings.Index(readme, "<!-- /screenshot -->")
	if open < 0 || end < open {
		t.Fatal("README.md has no screenshot markers")
	}
	start := open + strings.Index(readme[open:], "\n") + 1
	readme = readme[:start] + block + readme[end:]
	if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("README screenshot:\n%s", block)
}

// pane is a tmux session running one shell command in a terminal of a
// fixed size, on a tmux server of its own.
type pane struct {
	t      *testing.T
	socket string // the path of its server's socket (see tmuxSocket)
}

// tmuxSocket returns the path of the socket of a tmux server for the test
// t, in a temporary folder of its own (short: a socket's path is limited
// to about 100 bytes). When the test ends the server is killed and the
// folder removed, socket and all.
func tmuxSocket(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "dubao-e2e-tmux")
	if err != nil {
		t.Fatal(err)
	}
	socket := filepath.Join(dir, "s")
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-S", socket, "kill-server").Run()
		_ = os.RemoveAll(dir)
	})
	return socket
}

// newPane starts command (run by sh) in a width×height tmux pane. The test
// skips when tmux is not installed (.ci/run installs it).
func newPane(t *testing.T, width, height int, command string) *pane {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the end-to-end tests in a terminal (tmux) are skipped")
	}
	seeSources(t)
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the reader is not tested in a terminal")
	}
	p := &pane{t: t, socket: tmuxSocket(t)}
	// The command's exit status is printed when it ends, and the pane then
	// stays open so that the screen can still be read.
	script := command + `; echo "[exit=$?]"; sleep 600`
	p.tmux("new-session", "-d", "-x", strconv.Itoa(width), "-y", strconv.Itoa(height),
		"-e", "TERM=xterm-256color", "-e", "XDG_CONFIG_HOME="+os.Getenv("XDG_CONFIG_HOME"), "sh", "-c", script)
	return p
}

func (p *pane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", p.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// screen returns the pane's text; with escapes, its SGR sequences too.
func (p *pane) screen(escapes bool) string {
	p.t.Helper()
	if escapes {
		return p.tmux("capture-pane", "-p", "-e")
	}
	return p.tmux("capture-pane", "-p")
}

// waitFor waits until the screen shows want, and returns the screen.
func (p *pane) waitFor(want string) string {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := p.screen(false)
		if strings.Contains(s, want) {
			return s
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitForLine waits until a line of the screen holds all of wants.
func (p *pane) waitForLine(wants ...string) string {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := p.screen(false)
		for _, line := range strings.Split(s, "\n") {
			ok := true
			for _, w := range wants {
				ok = ok && strings.Contains(line, w)
			}
			if ok {
				return s
			}
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("no line of the screen ever held %q; it shows:\n%s", wants, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// keys types keys into the pane (tmux key names: q, Enter, C-c, …).
func (p *pane) keys(keys ...string) {
	p.t.Helper()
	p.tmux(append([]string{"send-keys", "-t", "0"}, keys...)...)
}

// shellQuote quotes s for sh.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// firstTitle returns the title of article 1 of file, as list prints it.
func firstTitle(t *testing.T, file string) string {
	t.Helper()
	rows := parseList(t, "list", dubao(t, nil, "list", file).ok(t, "list").stdout)
	return rows[0].title
}

func TestReaderInTerminal(t *testing.T) {
	file := filepath.Join(root, "testdata", "sample.md")
	title := firstTitle(t, file)
	const width, height = 100, 30

	t.Run("file", func(t *testing.T) {
		p := newPane(t, width, height, shellQuote(binary)+" "+shellQuote(file))
		screen := p.waitFor(title)
		for i, line := range strings.Split(screen, "\n") {
			if w := uniseg.StringWidth(line); w > width {
				t.Errorf("screen line %d is %d columns wide: %q", i+1, w, line)
			}
		}
		p.keys("q")
		p.waitFor("[exit=0]")
	})

	t.Run("a large file, shown from its start", func(t *testing.T) {
		// Over shelf.PreviewMin: the reader shows the first pages, read
		// from the file's start, then the whole issue in their place.
		var b strings.Builder
		for page := 1; page <= 80; page++ {
			fmt.Fprintf(&b, "# 第%d版 要闻\n\n", page)
			for a := 1; a <= 30; a++ {
				fmt.Fprintf(&b, "## 大文件报道%d之%d\n\n%s\n\n", page, a, strings.Repeat("本报讯 这是一段用来测试大文件先读开头的正文。", 30))
			}
		}
		big := filepath.Join(t.TempDir(), "big.md")
		if err := os.WriteFile(big, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		p := newPane(t, width, height, shellQuote(binary)+" "+shellQuote(big))
		p.waitFor("大文件报道1之1")
		p.waitForLine("版 1/80", "篇 1/30")
		p.keys("q")
		p.waitFor("[exit=0]")
	})

	t.Run("stdin, keys from the terminal", func(t *testing.T) {
		p := newPane(t, width, height, "cat "+shellQuote(file)+" | "+shellQuote(binary)+" -")
		p.waitFor(title)
		p.keys("j")
		p.keys("q")
		p.waitFor("[exit=0]")
	})

	t.Run("built-in sample", func(t *testing.T) {
		p := newPane(t, width, height, shellQuote(binary))
		p.waitFor(title)
		p.keys("q")
		p.waitFor("[exit=0]")
	})

	t.Run("ctrl+c", func(t *testing.T) {
		p := newPane(t, width, height, shellQuote(binary)+" "+shellQuote(file))
		p.waitFor(title)
		p.keys("C-c")
		p.waitFor("[exit=130]")
	})

	t.Run("missing file", func(t *testing.T) {
		p := newPane(t, width, height, shellQuote(binary)+" /nonexistent/issue.md")
		screen := p.waitFor("[exit=1]")
		if !strings.Contains(screen, "/nonexistent/issue.md: no such file or directory") {
			t.Errorf("no error line naming the file:\n%s", screen)
		}
	})

	t.Run("shelf", func(t *testing.T) {
		// The repo's testdata folder holds several issues: dubao shows
		// them as a shelf, opens one, goes back, and remembers it.
		dir := filepath.Join(root, "testdata")
		p := newPane(t, width, height, shellQuote(binary)+" "+shellQuote(dir))
		p.waitFor("书架 · testdata")
		p.keys("G", "Enter")
		p.waitFor("? 帮助")
		screen := p.waitFor("版 1/")
		if strings.Contains(screen, "书架 · testdata") {
			t.Errorf("enter does not open the issue:\n%s", screen)
		}
		// Each key is sent once the screen shows the one before it
		// read: an esc and the key after it that reach dubao in one
		// read are one key, alt+key (a pause of 300 ms between them was
		// not enough on a loaded machine).
		p.keys("Escape")
		p.waitFor("书架 · testdata")
		// The issue read, selected again, says how many of its articles
		// are unread (other issues of the folder may be marked already:
		// the same content read earlier).
		p.waitForLine("▌", "未读")
		p.keys("q")
		p.waitFor("[exit=0]")
		issues, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_STATE_HOME"), "dubao", "issues", "*.json"))
		if len(issues) == 0 {
			t.Errorf("no reading state saved under $XDG_STATE_HOME/dubao")
		}
	})

	t.Run("cat styled", func(t *testing.T) {
		p := newPane(t, 60, 40, shellQuote(binary)+" cat "+shellQuote(file)+" 1")
		p.waitFor("[exit=0]")
		if styled := p.screen(true); !strings.Contains(styled, "\x1b[") {
			t.Errorf("cat on a terminal is not styled:\n%s", styled)
		}
		for i, line := range strings.Split(p.screen(false), "\n") {
			if w := uniseg.StringWidth(line); w > 60 {
				t.Errorf("line %d is %d columns wide on a 60-column terminal: %q", i+1, w, line)
			}
		}
	})
}
