package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/issue/source"
	"dubao/issue/textsafe"
	"dubao/ui/config"
	"dubao/ui/state"
	"dubao/ui/tui"
)

// sample returns the embedded sample issue (the repo's testdata/sample.md).
func sample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample.md"))
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	return data
}

// result is what one in-process run of dubao gave.
type result struct {
	code           int
	stdout, stderr string
}

// run runs dubao in-process with args and stdin, stdout not a terminal.
func run(t testing.TB, app App, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	if app.Sample == nil {
		app.Sample = sample(t)
	}
	if app.Environ == nil {
		app.Environ = []string{"TERM=dumb"}
	}
	code := app.Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// writeFile writes a file into a test's temporary folder and returns its path.
func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// twoArticles is a small issue with titles that share a word.
const twoArticles = "## 春耕备耕进行时\n\n第一篇的正文。\n\n## 春耕机械下田\n\n第二篇的正文。\n\n## 读者来信\n\n第三篇。\n"

var ansiRE = regexp.MustCompile("\x1b")

func TestExitCodes(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.md")
	empty := writeFile(t, "empty.md", "")
	spring := writeFile(t, "spring.md", twoArticles)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a part of the one-line error
	}{
		{"list sample", []string{"list"}, ExitOK, ""},
		{"unknown flag", []string{"list", "--bogus"}, ExitUsage, "unknown flag: --bogus"},
		{"unknown shorthand", []string{"cat", "-z", "1"}, ExitUsage, "unknown shorthand flag"},
		{"bad style", []string{"--style", "neon", "list"}, ExitUsage, "want one of auto, dark, light, notty"},
		{"bad ambiguous", []string{"list", "--ambiguous=huge"}, ExitUsage, "narrow, wide"},
		{"bad encoding", []string{"--encoding", "klingon", "list"}, ExitUsage, `unknown encoding "klingon"`},
		{"bad width", []string{"cat", "--width", "-3", "1"}, ExitUsage, "number of columns"},
		{"bad format", []string{"cat", "--format", "pdf", "1"}, ExitUsage, "text, markdown"},
		{"too many list args", []string{"list", "a", "b", "c"}, ExitUsage, "too many arguments"},
		{"too many cat args", []string{"cat", "a", "b", "c", "d"}, ExitUsage, "too many arguments"},
		{"too many search args", []string{"search", "a", "b", "c", "d"}, ExitUsage, "too many arguments"},
		{"search needs text", []string{"search"}, ExitUsage, "missing argument"},
		{"date of one issue", []string{"list", spring, "2024-03-08"}, ExitUsage, "is one issue"},
		{"cat needs a selector", []string{"cat"}, ExitUsage, "missing argument"},
		{"config takes no args", []string{"config", "x"}, ExitUsage, "takes no arguments"},
		{"missing flag value", []string{"cat", "1", "--width"}, ExitUsage, "flag needs an argument"},
		{"missing file", []string{"list", missing}, ExitError, "dubao: " + missing + ": no such file or directory"},
		{"missing file cat", []string{"cat", missing, "1"}, ExitError, "dubao: " + missing + ": no such file or directory"},
		{"missing file root", []string{"nonexist.md"}, ExitError, "dubao: nonexist.md: no such file or directory"},
		{"missing folder", []string{"list", filepath.Join(missing, "x.md")}, ExitError, "dubao: " + filepath.Join(missing, "x.md") + ": no such file or directory"},
		{"empty file", []string{"list", empty}, ExitError, empty + ": "},
		{"no such article", []string{"cat", "999"}, ExitError, "no article 999"},
		{"no such title", []string{"cat", "不存在的标题"}, ExitError, "no title contains"},
		{"mistyped command", []string{"lsit"}, ExitUsage, `dubao: unknown command "lsit" (did you mean "list"?)`},
		{"mistyped command with args", []string{"serach", "x"}, ExitUsage, `dubao: unknown command "serach" (did you mean "search"?)`},
		{"unknown shell", []string{"completion", "tcsh"}, ExitUsage, `unknown shell "tcsh": dubao completes bash, zsh, fish, powershell`},
		{"missing shell", []string{"completion"}, ExitUsage, "missing SHELL: one of bash, zsh, fish, powershell"},
		{"no match", []string{"search", "没有这样的词"}, ExitError, `nothing matches "没有这样的词"`},
		{"help topic", []string{"help", "list"}, ExitOK, ""},
		{"version", []string{"--version"}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, App{}, "", tt.args...)
			if res.code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", res.code, tt.code, res.stderr)
			}
			if tt.code == ExitOK {
				if res.stderr != "" {
					t.Errorf("stderr %q, want nothing", res.stderr)
				}
				return
			}
			if res.stdout != "" {
				t.Errorf("an error wrote to stdout: %q", res.stdout)
			}
			if !strings.HasPrefix(res.stderr, "dubao: ") || strings.Count(res.stderr, "\n") != 1 || !strings.HasSuffix(res.stderr, "\n") {
				t.Errorf("stderr is not one line starting with 'dubao: ': %q", res.stderr)
			}
			if !strings.Contains(res.stderr, tt.stderr) {
				t.Errorf("stderr %q does not say %q", res.stderr, tt.stderr)
			}
			if tt.code == ExitUsage && !strings.Contains(res.stderr, "--help") && !strings.Contains(res.stderr, "did you mean") {
				t.Errorf("usage error %q gives no --help hint", res.stderr)
			}
			if strings.Contains(res.stderr, "stat ") || strings.Contains(res.stderr, "open ") {
				t.Errorf("stderr %q is not in the form 'dubao: FILE: …'", res.stderr)
			}
		})
	}
}

// listLines parses `dubao list` output into (n, page, title) rows.
func listLines(t *testing.T, out string) [][3]string {
	t.Helper()
	var rows [][3]string
	for line := range strings.Lines(out) {
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		if len(f) != 3 {
			t.Fatalf("list line %q has %d fields, want 3", line, len(f))
		}
		rows = append(rows, [3]string{f[0], f[1], f[2]})
	}
	return rows
}

func TestListMatchesIssue(t *testing.T) {
	res := run(t, App{}, "", "list")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	is, err := issue.Parse(bytes.NewReader(sample(t)), issue.Options{Name: "sample"})
	if err != nil {
		t.Fatal(err)
	}
	rows := listLines(t, res.stdout)
	if len(rows) != is.Count() || len(rows) < 2 {
		t.Fatalf("list printed %d lines, the sample has %d articles", len(rows), is.Count())
	}
	for i, row := range rows {
		n, _ := strconv.Atoi(row[0])
		if n != i+1 {
			t.Errorf("line %d numbered %q", i+1, row[0])
		}
		a, sec := is.Article(n)
		if a == nil || row[1] != strconv.Itoa(sec.Page) || row[2] != a.Title {
			t.Errorf("line %d = %q, want article %d on page %d titled %q", i+1, row, n, sec.Page, a.Title)
		}
		// cat N prints that article: its title is among the first lines.
		cat := run(t, App{}, "", "cat", row[0])
		if cat.code != 0 || !strings.Contains(firstLines(cat.stdout, 4), a.Title) {
			t.Errorf("cat %s does not start with title %q: %q", row[0], a.Title, firstLines(cat.stdout, 4))
		}
	}
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitAfterN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "")
}

func TestCatSelect(t *testing.T) {
	f := writeFile(t, "spring.md", twoArticles)
	tests := []struct {
		sel   string
		code  int
		title string // the printed article
		err   string
	}{
		{"1", 0, "春耕备耕进行时", ""},
		{"３", 0, "读者来信", ""},
		{"机械", 0, "春耕机械下田", ""},
		{"读者来信", 0, "读者来信", ""},
		{"春耕", 1, "", `2 titles contain "春耕", pick one by number: 1 春耕备耕进行时; 2 春耕机械下田`},
		{"夏收", 1, "", `no title contains "夏收"`},
		{"4", 1, "", "no article 4 (the issue has 3 articles)"},
	}
	for _, tt := range tests {
		t.Run(tt.sel, func(t *testing.T) {
			res := run(t, App{}, "", "cat", f, tt.sel)
			if res.code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", res.code, tt.code, res.stderr)
			}
			if tt.code != 0 {
				if !strings.Contains(res.stderr, f+": "+tt.err) {
					t.Errorf("stderr %q, want %q with the file name", res.stderr, tt.err)
				}
				return
			}
			if first := strings.SplitN(res.stdout, "\n", 2)[0]; first != tt.title {
				t.Errorf("first line %q, want title %q", first, tt.title)
			}
		})
	}
}

func TestCatPlain(t *testing.T) {
	res := run(t, App{}, "", "cat", "--all")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	checkPlain(t, res.stdout)
	// One paragraph per line: without --width no body line is broken, so
	// every paragraph of the model is one whole line of the output.
	is, _ := issue.Parse(bytes.NewReader(sample(t)), issue.Options{Name: "sample"})
	lines := map[string]bool{}
	for line := range strings.Lines(res.stdout) {
		lines[strings.TrimSuffix(line, "\n")] = true
	}
	for _, a := range is.Articles() {
		for i, p := range a.Paragraphs {
			// A paragraph cut off by the page layout may end with the
			// reader's cut mark (see ui/render).
			if !lines[p] && !(slices.Contains(a.Cut, i) && lines[p+"〔原文在此中断〕"]) {
				t.Errorf("article %d: paragraph %.40q… is not one line of cat --all", a.N, p)
			}
		}
	}

	wrapped := run(t, App{}, "", "cat", "--all", "--width", "30")
	checkPlain(t, wrapped.stdout)
	for line := range strings.Lines(wrapped.stdout) {
		if w := displayWidth(strings.TrimSuffix(line, "\n")); w > 30 {
			t.Errorf("line wider than 30 columns (%d): %q", w, line)
		}
	}
}

// checkPlain fails when out is not clean text for a pipe.
func checkPlain(t *testing.T, out string) {
	t.Helper()
	if out == "" {
		t.Fatal("no output")
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") {
			t.Errorf("line %d has trailing space: %q", i+1, line)
		}
		for _, r := range line {
			if r != '\t' && textsafe.Unsafe(r) {
				t.Errorf("line %d holds control character %U: %q", i+1, r, line)
			}
		}
	}
}

func TestHostileTextNeverReachesStdout(t *testing.T) {
	// The parser strips these too; the command line must not depend on it.
	hostile := "## 标题\x1b]0;owned\x07一\x1b[2J二\u009b31m三\u202e四 \n\n正文\x1b]52;c;ZXZpbA==\x07里\x00有\x08控\u2066制\x7f符。  \n\n## 第二篇\u0085\n\n正文。\n"
	f := writeFile(t, "hostile.md", hostile)
	for _, args := range [][]string{
		{"list", f}, {"cat", "--all", f}, {"cat", f, "1"}, {"cat", "--width", "8", f, "1"}, {f},
	} {
		res := run(t, App{}, "", args...)
		if res.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, res.code, res.stderr)
		}
		checkPlain(t, res.stdout)
		if ansiRE.MatchString(res.stdout) {
			t.Errorf("%v: ESC in output %q", args, res.stdout)
		}
	}
	// Styled output keeps its own SGR sequences but nothing else.
	app := App{Environ: []string{"TERM=xterm-256color", "COLORTERM=truecolor"}, terminal: fakeTerminal(60)}
	res := run(t, app, "", "cat", "--all", f)
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, bad := range []string{"\x1b]0;", "\x1b]52", "\x1b[2J", "\u009b", "\u202e", "\u2066", "\x07", "\x00", "\x08", "\x7f", "\u0085"} {
		if strings.Contains(res.stdout, bad) {
			t.Errorf("styled output holds %q", bad)
		}
	}
	// JSON escapes what a terminal would obey and stays valid.
	js := run(t, App{}, "", "json", f)
	if js.code != 0 {
		t.Fatalf("json: exit %d: %s", js.code, js.stderr)
	}
	for _, bad := range []string{"\x1b", "\u009b", "\u202e", "\u0085", "\x7f"} {
		if strings.Contains(js.stdout, bad) {
			t.Errorf("json output holds raw %q", bad)
		}
	}
	var v any
	if err := json.Unmarshal([]byte(js.stdout), &v); err != nil {
		t.Errorf("json output is not valid JSON: %v", err)
	}
}

// fakeTerminal makes stdout count as a terminal width columns wide.
func fakeTerminal(width int) func(io.Writer) (int, bool) {
	return func(io.Writer) (int, bool) { return width, true }
}

func TestCatStyled(t *testing.T) {
	app := App{Environ: []string{"TERM=xterm-256color", "COLORTERM=truecolor"}, terminal: fakeTerminal(50)}
	res := run(t, app, "", "cat", "1")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if !ansiRE.MatchString(res.stdout) {
		t.Errorf("cat on a terminal is not styled: %q", firstLines(res.stdout, 3))
	}
	for line := range strings.Lines(res.stdout) {
		if w := displayWidth(stripANSI(strings.TrimSuffix(line, "\n"))); w > 50 {
			t.Errorf("styled line wider than the terminal (%d > 50): %q", w, line)
		}
	}
	for _, tt := range []struct {
		name string
		app  App
		args []string
	}{
		{"--style notty", app, []string{"--style", "notty", "cat", "1"}},
		{"--format markdown", app, []string{"cat", "--format", "markdown", "1"}},
	} {
		res := run(t, tt.app, "", tt.args...)
		if res.code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, res.code, res.stderr)
		}
		if ansiRE.MatchString(res.stdout) {
			t.Errorf("%s: output holds escape sequences: %q", tt.name, firstLines(res.stdout, 3))
		}
	}
	noColor := app
	noColor.Environ = append([]string{"NO_COLOR=1"}, app.Environ...)
	res = run(t, noColor, "", "cat", "1")
	if regexp.MustCompile(`\x1b\[[0-9;]*(38|48)[;:]`).MatchString(res.stdout) {
		t.Errorf("NO_COLOR output has colours: %q", firstLines(res.stdout, 3))
	}
}

func TestJSON(t *testing.T) {
	res := run(t, App{}, "", "json")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var got issue.Issue
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	is, _ := issue.Parse(bytes.NewReader(sample(t)), issue.Options{Name: "sample"})
	if got.Count() != is.Count() || got.Paper != is.Paper {
		t.Errorf("json has %d articles of %q, want %d of %q", got.Count(), got.Paper, is.Count(), is.Paper)
	}
	if !strings.HasPrefix(res.stdout, "{\n  \"") {
		t.Errorf("json is not indented: %.40q", res.stdout)
	}
	if strings.Contains(res.stdout, `\u003c`) || strings.Contains(res.stdout, `\u0026`) {
		t.Error("json escapes HTML characters")
	}
}

func TestStdin(t *testing.T) {
	res := run(t, App{}, twoArticles, "list", "-")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if rows := listLines(t, res.stdout); len(rows) != 3 || rows[1][2] != "春耕机械下田" {
		t.Errorf("list - gave %q", res.stdout)
	}
	empty := run(t, App{}, "", "cat", "-", "1")
	if empty.code != ExitError || !strings.Contains(empty.stderr, "stdin") {
		t.Errorf("empty stdin: exit %d, stderr %q; want 1 naming stdin", empty.code, empty.stderr)
	}
}

// brokenPipe is a stdout whose reader has gone: every write fails with EPIPE.
type brokenPipe struct{ writes int }

func (b *brokenPipe) Write([]byte) (int, error) {
	b.writes++
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
}

func TestBrokenPipeIsQuiet(t *testing.T) {
	for _, args := range [][]string{{"list"}, {"cat", "--all"}, {"json"}, {"--help"}} {
		var errb bytes.Buffer
		out := &brokenPipe{}
		code := App{Sample: sample(t)}.Run(context.Background(), args, strings.NewReader(""), out, &errb)
		if code != 0 || errb.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q; want 0 and nothing", args, code, errb.String())
		}
		if out.writes == 0 {
			t.Errorf("%v: never wrote", args)
		}
	}
}

// blockingReader is a stdin that never delivers anything.
type blockingReader struct{ done chan struct{} }

func (b blockingReader) Read([]byte) (int, error) {
	<-b.done
	return 0, io.EOF
}

func TestInterruptWhileReadingStdin(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := blockingReader{done: make(chan struct{})}
	defer close(in.done)
	var out, errb bytes.Buffer
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	code := App{Sample: sample(t)}.Run(ctx, []string{"list", "-"}, in, &out, &errb)
	if code != ExitInterrupted {
		t.Errorf("exit %d, want %d (stderr %q)", code, ExitInterrupted, errb.String())
	}
	if out.Len() != 0 || errb.Len() != 0 {
		t.Errorf("interrupt printed stdout %q, stderr %q", out.String(), errb.String())
	}
}

func TestHelpEverywhere(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"list", "--help"}, {"cat", "--help"}, {"json", "--help"}, {"config", "--help"}, {"completion", "--help"}, {"help", "cat"}} {
		res := run(t, App{}, "", args...)
		if res.code != 0 || res.stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", args, res.code, res.stderr)
		}
		if !strings.Contains(strings.ToLower(res.stdout), "usage") || ansiRE.MatchString(res.stdout) {
			t.Errorf("%v: help is not plain usage text: %.200q", args, res.stdout)
		}
	}
	root := run(t, App{}, "", "--help").stdout
	for _, want := range []string{"list", "cat", "json", "config", "completion", "--style", "--ambiguous", "--encoding", "--version"} {
		if !strings.Contains(root, want) {
			t.Errorf("dubao --help does not mention %s", want)
		}
	}
	cat := run(t, App{}, "", "cat", "--help").stdout
	for _, want := range []string{"--all", "--width", "--format"} {
		if !strings.Contains(cat, want) {
			t.Errorf("dubao cat --help does not mention %s", want)
		}
	}
}

func TestVersion(t *testing.T) {
	res := run(t, App{Version: "v1.2.3"}, "", "--version")
	if res.code != 0 || !strings.Contains(res.stdout, "v1.2.3") {
		t.Errorf("--version: exit %d, %q", res.code, res.stdout)
	}
	if v := (App{}).version(); v == "" {
		t.Error("no version from the build info")
	}
}

func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		res := run(t, App{}, "", "completion", sh)
		if res.code != 0 || !strings.Contains(res.stdout, "dubao") {
			t.Errorf("completion %s: exit %d, %d bytes", sh, res.code, len(res.stdout))
		}
	}
	f := writeFile(t, "spring.md", twoArticles)
	res := run(t, App{}, "", "__complete", "cat", f, "")
	if res.code != 0 || !strings.Contains(res.stdout, "2\t春耕机械下田") {
		t.Errorf("completing cat's article: exit %d, %q", res.code, res.stdout)
	}
	// After a folder of issues: their dates, then the articles of one.
	dir := testShelf(t)
	res = run(t, App{}, "", "__complete", "cat", dir, "")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "2024-03-09\n2024-03-08\n") {
		t.Errorf("completing cat FOLDER: exit %d, %q; want the dates, newest first", res.code, res.stdout)
	}
	for _, cmd := range []string{"list", "json", "search"} {
		if res := run(t, App{}, "", "__complete", cmd, dir, ""); !strings.HasPrefix(res.stdout, "2024-03-09\n") {
			t.Errorf("completing %s FOLDER: %q", cmd, res.stdout)
		}
	}
	res = run(t, App{}, "", "__complete", "cat", dir, "2024-03-09", "")
	if res.code != 0 || !strings.Contains(res.stdout, "3\t编者按") {
		t.Errorf("completing cat FOLDER DATE: exit %d, %q", res.code, res.stdout)
	}
	res = run(t, App{}, "", "__complete", "--style", "")
	if !strings.Contains(res.stdout, "notty") {
		t.Errorf("completing --style: %q", res.stdout)
	}
}

func TestRootWithoutTerminalPrintsIssue(t *testing.T) {
	f := writeFile(t, "spring.md", twoArticles)
	res := run(t, App{}, "", f)
	all := run(t, App{}, "", "cat", "--all", f)
	if res.code != 0 || res.stdout != all.stdout {
		t.Errorf("dubao FILE into a pipe: exit %d, output differs from cat --all:\n%s", res.code, res.stdout)
	}
}

func TestSafeText(t *testing.T) {
	tests := []struct {
		name, in      string
		plain, styled string
	}{
		{"clean", "青溪日报\n第二行\n", "青溪日报\n第二行\n", "青溪日报\n第二行\n"},
		{"trailing spaces", "甲  \n乙 \n丙 ", "甲\n乙\n丙", "甲  \n乙 \n丙 "},
		{"sgr", "\x1b[1;38;2;1;2;3m题\x1b[m", "题", "\x1b[1;38;2;1;2;3m题\x1b[m"},
		{"csi not sgr", "a\x1b[2Jb\x1b[?1049hc", "abc", "abc"},
		{"osc title bel", "a\x1b]0;evil\x07b", "ab", "ab"},
		{"osc 52 st", "a\x1b]52;c;ZXZpbA==\x1b\\b", "ab", "ab"},
		{"osc 8 link", "\x1b]8;;http://x\x1b\\链\x1b]8;;\x1b\\", "链", "\x1b]8;;http://x\x1b\\链\x1b]8;;\x1b\\"},
		{"dcs", "a\x1bP1$r\x1b\\b", "ab", "ab"},
		{"two-byte escape", "a\x1bcb\x1b7", "ab", "ab"},
		{"unterminated", "a\x1b]0;evil", "a", "a"},
		{"lone esc", "a\x1b", "a", "a"},
		{"c0 and del", "a\x00b\x07c\x08d\re\x7ff\tg", "abcdef\tg", "abcdef\tg"},
		{"c1", "a\u009b31mb\u0085c", "abc", "abc"}, // U+009B is CSI: its sequence goes whole
		{"bidi", "a\u202eb\u2067c\u200dd", "abc\u200dd", "abc\u200dd"},
		{"bidi marks and bom", "a\u200eb\u200fc\u061cd\ufeffe", "abcde", "abcde"},
		{"invalid utf-8", "a\xffb\xe4\xb8", "a\ufffdb\ufffd\ufffd", "a\ufffdb\ufffd\ufffd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := safeText(tt.in, false); got != tt.plain {
				t.Errorf("plain: got %q, want %q", got, tt.plain)
			}
			if got := safeText(tt.in, true); got != tt.styled {
				t.Errorf("styled: got %q, want %q", got, tt.styled)
			}
		})
	}
}

func TestErrorLine(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{os.ErrNotExist, "dubao: file does not exist"},
		{&runtimeError{err: io.ErrUnexpectedEOF}, "dubao: unexpected EOF"},
		{usagef("dubao cat", "bad"), "dubao: bad (see 'dubao cat --help')"},
		{&os.PathError{Op: "open", Path: "a\x1b]0;x\x07\nb.md", Err: syscall.ENOENT}, "dubao: a; b.md: no such file or directory"},
		{&os.PathError{Op: "stat", Path: "nonexist.md", Err: syscall.ENOENT}, "dubao: nonexist.md: no such file or directory"},
		{fmt.Errorf("x.md: %w", &os.PathError{Op: "open", Path: "x.md", Err: syscall.EACCES}), "dubao: x.md: permission denied"},
		{fmt.Errorf("open shelf d: %w", &os.PathError{Op: "open", Path: "d", Err: syscall.EACCES}), "dubao: d: permission denied"},
		{fmt.Errorf("d: %w (2 files)", &os.PathError{Op: "open", Path: "d/x.md", Err: syscall.EACCES}), "dubao: d: d/x.md: permission denied (2 files)"},
		{context.Canceled, ""},
		{&os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}, ""},
	} {
		if got := errorLine("dubao", tt.err); got != tt.want {
			t.Errorf("errorLine(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// displayWidth is the terminal width of a line of plain text.
func displayWidth(s string) int { return uniseg.StringWidth(s) }

// stripANSI removes escape sequences.
func stripANSI(s string) string { return ansi.Strip(s) }

func TestMain(m *testing.M) {
	// The user's own configuration file must not change what tests see.
	dir, err := os.MkdirTemp("", "dubao-cli-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	os.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// withConfig writes a configuration file for the duration of a test.
func withConfig(t *testing.T, content string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	if err := os.MkdirAll(filepath.Join(dir, "dubao"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dubao", "config.toml"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConfig(t *testing.T) {
	res := run(t, App{}, "", "config", "--default")
	if res.code != 0 || res.stdout != config.Default() {
		t.Errorf("config --default: exit %d, output differs from config.Default()", res.code)
	}
	res = run(t, App{}, "", "config")
	want, _ := config.Path()
	if res.code != 0 || res.stdout != want+"\n" {
		t.Errorf("config: exit %d, %q, want the path %q", res.code, res.stdout, want)
	}

	term := App{Environ: []string{"TERM=xterm-256color", "COLORTERM=truecolor"}, terminal: fakeTerminal(60)}
	withConfig(t, "style = \"notty\"\n")
	if res := run(t, term, "", "cat", "1"); res.code != 0 || ansiRE.MatchString(res.stdout) {
		t.Errorf("style = notty in the config: exit %d, styled output %q", res.code, firstLines(res.stdout, 2))
	}
	if res := run(t, term, "", "--style", "dark", "cat", "1"); res.code != 0 || !ansiRE.MatchString(res.stdout) {
		t.Errorf("--style dark does not win over the config: exit %d", res.code)
	}

	// An invalid file is reported by every command that reads an issue,
	// the same way: one line naming the file and line, exit status 1.
	for _, content := range []string{"style = \"auto\"\nmeasure = 3\n", "style = dark\n"} {
		withConfig(t, content)
		line := "config.toml:2:"
		if strings.HasPrefix(content, "style = dark") {
			line = "config.toml:1:"
		}
		var first string
		for _, args := range [][]string{{"cat", "1"}, {"list"}, {"json"}, {"search", "青溪"}, {}, {"config"}} {
			res := run(t, App{}, "", args...)
			if res.code != ExitError || !strings.HasPrefix(res.stderr, "dubao: ") || !strings.Contains(res.stderr, line) || strings.Count(res.stderr, "\n") != 1 {
				t.Errorf("%q with config %q: exit %d, stderr %q; want 1 and one line with %s", args, content, res.code, res.stderr, line)
			}
			if first == "" {
				first = res.stderr
			} else if res.stderr != first {
				t.Errorf("%q reports the config differently: %q, not %q", args, res.stderr, first)
			}
			if len(args) == 0 || args[0] != "config" {
				if res.stdout != "" {
					t.Errorf("%q printed with an invalid config: %.80q", args, res.stdout)
				}
			} else if want, _ := config.Path(); res.stdout != want+"\n" {
				t.Errorf("config with an invalid file: stdout %q, want its path", res.stdout)
			}
		}
		// What helps to mend the file still works.
		for _, args := range [][]string{{"config", "--default"}, {"completion", "bash"}, {"--help"}, {"--version"}} {
			if res := run(t, App{}, "", args...); res.code != 0 {
				t.Errorf("%q with an invalid config: exit %d, %q", args, res.code, res.stderr)
			}
		}
	}
}

// testShelf writes a folder of two issues (dated by their file names) and
// one file that is not an issue.
func testShelf(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"2024-03-08.md": twoArticles,
		"2024-03-09.md": strings.Replace(twoArticles, "读者来信", "编者按", 1),
		"photo.png":     "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02\x03",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestShelf(t *testing.T) {
	dir := testShelf(t)

	res := run(t, App{}, "", "list", dir)
	if res.code != 0 {
		t.Fatalf("list DIR: exit %d: %s", res.code, res.stderr)
	}
	want := "2024-03-09\t\t1\t3\t2024-03-09.md\n2024-03-08\t\t1\t3\t2024-03-08.md\n"
	if res.stdout != want {
		t.Errorf("list DIR:\n%q\nwant\n%q", res.stdout, want)
	}
	if !strings.Contains(res.stderr, "1 file is not an issue") || strings.Count(res.stderr, "\n") != 1 {
		t.Errorf("list DIR does not say that one file was skipped: %q", res.stderr)
	}
	if r := run(t, App{}, "", dir); r.stdout != res.stdout {
		t.Errorf("dubao DIR into a pipe is not list DIR: %q", r.stdout)
	}

	res = run(t, App{}, "", "list", dir, "20240309")
	if rows := listLines(t, res.stdout); res.code != 0 || len(rows) != 3 || rows[2][2] != "编者按" {
		t.Errorf("list DIR DATE: exit %d, %q", res.code, res.stdout)
	}
	res = run(t, App{}, "", "cat", dir, "2024-03-08", "3")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "读者来信\n") {
		t.Errorf("cat DIR DATE 3: exit %d, %q (%s)", res.code, res.stdout, res.stderr)
	}
	all := run(t, App{}, "", "cat", "--all", dir, "2024-03-09")
	if r := run(t, App{}, "", dir, "2024-03-09"); all.code != 0 || r.stdout != all.stdout {
		t.Errorf("dubao DIR DATE into a pipe is not cat --all DIR DATE")
	}

	res = run(t, App{}, "", "search", dir, "2024-03-09", "春耕")
	if res.code != 0 || strings.Count(res.stdout, "\n") != 2 || strings.Count(res.stdout, "2024-03-09\t") != 2 {
		t.Errorf("search DIR DATE TEXT: exit %d %q, want the 2 lines of 2024-03-09", res.code, res.stdout)
	}
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"cat", dir, "3"}, ExitUsage, "is a folder of 2 issues"},
		{[]string{"cat", dir, "2024-03-09"}, ExitUsage, "cat: missing article number or title after DATE"},
		{[]string{"search", dir, "2023-01-01", "春耕"}, ExitError, `no issue of "2023-01-01"`},
		{[]string{"search", filepath.Join(dir, "2024-03-09.md"), "2024-03-09", "春耕"}, ExitUsage, "is one issue"},
		{[]string{"list", dir, "2023-01-01"}, ExitError, `no issue of "2023-01-01"`},
		{[]string{"json", dir, "2023-01-01"}, ExitError, `no issue of "2023-01-01"`},
	} {
		res := run(t, App{}, "", tt.args...)
		if res.code != tt.code || !strings.Contains(res.stderr, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, res.code, res.stderr, tt.code, tt.msg)
		}
	}

	testReaderOptions(t, dir)

	res = run(t, App{}, "", "json", dir)
	var sh struct {
		Issues  []struct{ Date string }
		Skipped []struct{ Path, Reason string }
	}
	if err := json.Unmarshal([]byte(res.stdout), &sh); err != nil || len(sh.Issues) != 2 || len(sh.Skipped) != 1 || sh.Skipped[0].Path != "photo.png" {
		t.Errorf("json DIR: %v, %+v", err, sh)
	}
}

func TestSearch(t *testing.T) {
	dir := testShelf(t)
	res := run(t, App{}, "", "search", dir, "春耕")
	if res.code != 0 {
		t.Fatalf("search DIR: exit %d: %s", res.code, res.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("search DIR 春耕: %d lines, want 4 (two titles in two issues):\n%s", len(lines), res.stdout)
	}
	for i, line := range lines {
		f := strings.Split(line, "\t")
		wantDate := "2024-03-09"
		if i >= 2 {
			wantDate = "2024-03-08"
		}
		if len(f) != 5 || f[0] != wantDate || f[1] != "0" || !strings.Contains(f[3], "春耕") || !strings.Contains(f[4], "春耕") {
			t.Errorf("line %d %q: want %s<TAB>0<TAB>N<TAB>TITLE<TAB>LINE with 春耕", i+1, line, wantDate)
		}
	}

	f := writeFile(t, "spring.md", twoArticles)
	res = run(t, App{}, "", "search", f, "ＴＥＸＴ正文")
	if res.code != ExitError {
		t.Errorf("search with no match: exit %d", res.code)
	}
	res = run(t, App{}, "", "search", f, "正 文")
	want := "\t0\t1\t春耕备耕进行时\t第一篇的正文。\n\t0\t2\t春耕机械下田\t第二篇的正文。\n"
	if res.code != 0 || res.stdout != want {
		t.Errorf("search FILE 正文: exit %d\n%q\nwant\n%q", res.code, res.stdout, want)
	}
	if res := run(t, App{}, "", "search", "青溪"); res.code != 0 || !strings.HasPrefix(res.stdout, "2024-03-08\t1\t1\t") {
		t.Errorf("search on the sample: exit %d, %.80q", res.code, res.stdout)
	}
}

// reader is what the reader was given in a run: its issue and options.
type reader struct {
	is   *issue.Issue
	opt  tui.Options
	runs int
}

// withReader returns app with its reader replaced by one that records
// what it is given.
func withReader(app App, got *reader) App {
	app.runReader = func(_ context.Context, is *issue.Issue, opt tui.Options) error {
		got.is, got.opt = is, opt
		got.runs++
		return nil
	}
	return app
}

// testReaderOptions checks what the reader is given in a terminal: the
// shelf of a folder, an issue of it, a file; the reading state unless
// --no-state.
func testReaderOptions(t *testing.T, dir string) {
	stateHome := t.TempDir()
	var got reader
	term := withReader(App{Environ: []string{"TERM=xterm-256color", "XDG_STATE_HOME=" + stateHome}, terminal: fakeTerminal(80)}, &got)

	res := run(t, term, "", dir)
	if res.code != 0 || got.runs != 1 || got.is != nil || got.opt.Shelf == nil || len(got.opt.Shelf.Issues) != 2 {
		t.Fatalf("dubao DIR in a terminal: exit %d %q; issue %v, shelf %v", res.code, res.stderr, got.is, got.opt.Shelf)
	}
	if got.opt.State.Dir() != filepath.Join(stateHome, "dubao") {
		t.Errorf("reading state kept in %q, want $XDG_STATE_HOME/dubao", got.opt.State.Dir())
	}
	if len(got.opt.Shelf.Skipped) != 1 || got.opt.OpenPath == nil {
		t.Errorf("shelf options: skipped %v, OpenPath %v", got.opt.Shelf.Skipped, got.opt.OpenPath != nil)
	}

	res = run(t, term, "", "--no-state", dir)
	if res.code != 0 || got.opt.State.Enabled() {
		t.Errorf("--no-state: exit %d, state kept in %q", res.code, got.opt.State.Dir())
	}

	res = run(t, term, "", dir, "2024-03-09")
	if res.code != 0 || got.is == nil || got.opt.Entry == nil || got.opt.Entry.Date != "2024-03-09" || got.opt.Shelf == nil {
		t.Fatalf("dubao DIR DATE: exit %d %q; %+v", res.code, res.stderr, got.opt)
	}
	if got.opt.Key != got.opt.Entry.Key || got.opt.Key == "" || got.opt.Path != filepath.Join(dir, "2024-03-09.md") {
		t.Errorf("dubao DIR DATE: key %q (entry %q), path %q", got.opt.Key, got.opt.Entry.Key, got.opt.Path)
	}

	file := filepath.Join(dir, "2024-03-08.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	res = run(t, term, "", file)
	if res.code != 0 || got.opt.Key != source.Key(data) || got.opt.Path != file || got.opt.Shelf != nil {
		t.Errorf("dubao FILE: exit %d; key %q, path %q", res.code, got.opt.Key, got.opt.Path)
	}
	res = run(t, term, "")
	if res.code != 0 || got.opt.Key == "" || got.opt.Path != "" || got.opt.Name != "sample" {
		t.Errorf("dubao: exit %d; key %q, path %q", res.code, got.opt.Key, got.opt.Path)
	}
	// a folder of one issue opens the issue
	one := filepath.Join(t.TempDir(), "one")
	if err := os.MkdirAll(one, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(one, "2024-03-08.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	res = run(t, term, "", one)
	if res.code != 0 || got.is == nil || got.opt.Shelf != nil || got.opt.Key != source.Key(data) {
		t.Errorf("dubao FOLDER of one issue: exit %d %q; shelf %v", res.code, res.stderr, got.opt.Shelf)
	}
}

// TestForgottenArgument: a command given only a FILE (or FOLDER, or -)
// where it needs one more argument says so, instead of taking the path for
// the article or the text to search in the built-in sample.
func TestForgottenArgument(t *testing.T) {
	file := writeFile(t, "2024-03-09.md", twoArticles)
	dir := testShelf(t)
	missing := filepath.Join(t.TempDir(), "shelf", "2024-03-09.md")
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"cat", file}, "cat: missing article number or title after FILE"},
		{[]string{"cat", dir}, "cat: missing article number or title (and the DATE of an issue, in a folder of several) after FOLDER"},
		{[]string{"cat", "-"}, "cat: missing article number or title after - (stdin)"},
		{[]string{"cat", missing}, "cat: missing article number or title after FILE"},
		{[]string{"cat", "nonexist.md"}, "cat: missing article number or title after FILE"},
		{[]string{"search", file}, "search: missing TEXT to search for after FILE"},
		{[]string{"search", dir}, "search: missing TEXT to search for (and the DATE of an issue, in a folder of several) after FOLDER"},
		{[]string{"search", missing}, "search: missing TEXT to search for after FILE"},
	} {
		res := run(t, App{}, "", tt.args...)
		if res.code != ExitUsage || res.stderr != "dubao: "+tt.msg+" (see 'dubao "+tt.args[0]+" --help')\n" || res.stdout != "" {
			t.Errorf("%q: exit %d, stdout %.40q, stderr %q; want 2 and %q", tt.args, res.code, res.stdout, res.stderr, tt.msg)
		}
	}
	// Text with a slash that the sample does hold is still a title or a
	// search.
	slash := App{Sample: []byte("## 时速350km/h的列车\n\n正文。\n\n## 另一篇\n\n正文。\n")}
	if res := run(t, slash, "", "cat", "km/h"); res.code != 0 || !strings.HasPrefix(res.stdout, "时速350km/h的列车\n") {
		t.Errorf("cat km/h on a sample that holds it: exit %d, %q", res.code, res.stderr)
	}
	if res := run(t, slash, "", "search", "km/h"); res.code != 0 || res.stdout == "" {
		t.Errorf("search km/h on a sample that holds it: exit %d, %q", res.code, res.stderr)
	}
}

// TestMistypedCommandIsAFile: a first argument close to a command name is
// still read as a file when one of that name exists.
func TestMistypedCommandIsAFile(t *testing.T) {
	app := App{Sample: sample(t)}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("lsit", []byte(twoArticles), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, app, "", "lsit")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "春耕备耕进行时") {
		t.Errorf("dubao lsit with a file lsit: exit %d, %q", res.code, res.stderr)
	}
	if res := run(t, app, "", "./serach"); res.code != ExitError || strings.Contains(res.stderr, "unknown command") {
		t.Errorf("dubao ./serach: exit %d, %q; want 1 and no such file", res.code, res.stderr)
	}
}

// TestUntitledArticles: an article without a title goes by its headline
// (the start of its text) in list, search, completion and cat TEXT.
func TestUntitledArticles(t *testing.T) {
	res := run(t, App{}, "hello\n", "list", "-")
	if res.code != 0 || res.stdout != "1\t0\thello\n" {
		t.Errorf("echo hello | dubao list -: exit %d, %q", res.code, res.stdout)
	}
	untitled := "这是一篇没有标题的短讯，说的是春天的事情和别的一些事情。\n\n## 有题\n\n第二篇。\n"
	f := writeFile(t, "untitled.md", untitled)
	is, err := shelf.Load(f, shelf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := is.Issue.Articles()
	if len(arts) != 2 || arts[0].Title != "" {
		t.Fatalf("the test issue has no untitled first article: %d articles", len(arts))
	}
	head := arts[0].Headline()
	rows := listLines(t, run(t, App{}, "", "list", f).stdout)
	if len(rows) != 2 || rows[0][2] != head || head == "" || head == issue.Untitled {
		t.Errorf("list: %q, want the first titled %q", rows, head)
	}
	if res := run(t, App{}, "", "cat", f, "没有标题"); res.code != 0 || !strings.Contains(res.stdout, "春天的事情") {
		t.Errorf("cat FILE 没有标题: exit %d, %q", res.code, res.stderr)
	}
	if res := run(t, App{}, "", "search", f, "春天"); res.code != 0 || strings.Split(res.stdout, "\t")[3] != head {
		t.Errorf("search: exit %d, %q; want the title field %q", res.code, res.stdout, head)
	}
	if res := run(t, App{}, "", "__complete", "cat", f, ""); !strings.Contains(res.stdout, "1\t"+head) {
		t.Errorf("completion: %q", res.stdout)
	}
}

// paperShelf writes a folder of three issues of two papers: 青溪日报 of
// 2024-03-08 and 2024-03-09, 临川晚报 of 2024-03-09.
func paperShelf(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	day9 := strings.ReplaceAll(string(sample(t)), "2024年3月8日", "2024年3月9日")
	for name, content := range map[string]string{
		"a.md": string(sample(t)),
		"b.md": day9,
		"c.md": strings.ReplaceAll(day9, "青溪日报", "临川晚报"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestIssueByPaper: a paper's name alone picks its issue when the folder
// has one, and lists them (paper and date) when it has several.
func TestIssueByPaper(t *testing.T) {
	dir := paperShelf(t)
	if res := run(t, App{}, "", "list", dir); strings.Count(res.stdout, "青溪日报") != 2 || strings.Count(res.stdout, "临川晚报") != 1 {
		t.Fatalf("the test shelf: %q (%s)", res.stdout, res.stderr)
	}
	res := run(t, App{}, "", "cat", dir, "青溪日报", "3")
	want := `dubao: ` + dir + `: 2 issues of "青溪日报", name one by its date: 青溪日报 2024-03-09; 青溪日报 2024-03-08` + "\n"
	if res.code != ExitError || res.stderr != want || res.stdout != "" {
		t.Errorf("cat DIR 青溪日报 3: exit %d, %q; want 1 and\n%q", res.code, res.stderr, want)
	}
	res = run(t, App{}, "", "cat", dir, "临川晚报", "3")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "青溪与临川缔结文旅合作城市") {
		t.Errorf("cat DIR 临川晚报 3: exit %d, %q %q", res.code, firstLines(res.stdout, 1), res.stderr)
	}
	if res := run(t, App{}, "", "list", dir, "人民日报"); res.code != ExitError || !strings.Contains(res.stderr, `no issue of "人民日报"`) {
		t.Errorf("list DIR 人民日报: exit %d, %q", res.code, res.stderr)
	}
}

// TestHelpWording: every command's long help starts with the command as
// it is typed ("dubao json prints …", not "Json prints …").
func TestHelpWording(t *testing.T) {
	r := &runner{app: App{Sample: sample(t)}}
	root := r.rootCommand()
	for _, c := range append(root.Commands(), root) {
		if c.Name() == "help" || c.Hidden {
			continue
		}
		if !strings.HasPrefix(c.Long, c.CommandPath()+" ") && !strings.HasPrefix(c.Long, c.CommandPath()+" (") {
			t.Errorf("%s: long help starts %.30q", c.CommandPath(), c.Long)
		}
	}
}

// TestUnsavedStateIsAWarning (issue #18, item 15): a reader that could not
// save its reading state (a read-only or full state folder) ends with 0
// and a warning, not an error: the reading was done.
func TestUnsavedStateIsAWarning(t *testing.T) {
	app := App{Environ: []string{"TERM=xterm-256color"}, terminal: fakeTerminal(80)}
	app.runReader = func(context.Context, *issue.Issue, tui.Options) error {
		return fmt.Errorf("reader: %w", fmt.Errorf("%w: mkdir /x: not a directory", state.ErrNotSaved))
	}
	res := run(t, app, "")
	if res.code != 0 || !strings.HasPrefix(res.stderr, "dubao: warning: ") || !strings.Contains(res.stderr, "reading state not saved: mkdir /x: not a directory;") ||
		strings.Count(res.stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want 0 and a one-line warning", res.code, res.stderr)
	}
}

// TestDumbTerminal (issue #18, item 12): on a terminal that TERM=dumb says
// takes no escape sequences, dubao does not start the full-screen reader:
// it prints the issue as plain text (a shelf: its list), with a one-line
// note on stderr; cat prints no styling either.
func TestDumbTerminal(t *testing.T) {
	var got reader
	app := withReader(App{Environ: []string{"TERM=dumb"}, terminal: fakeTerminal(80)}, &got)
	res := run(t, app, "")
	if got.runs != 0 {
		t.Fatal("the full-screen reader started on a dumb terminal")
	}
	if res.code != 0 || !strings.Contains(res.stdout, "青溪河生态廊道全线贯通") || strings.Contains(res.stdout, "\x1b") {
		t.Errorf("exit %d, stdout %.200q: want the issue as plain text", res.code, res.stdout)
	}
	if !strings.Contains(res.stderr, "TERM=dumb") || strings.Count(res.stderr, "\n") != 1 {
		t.Errorf("stderr %q: want one line saying why", res.stderr)
	}
	cat := run(t, app, "", "cat", "1")
	if cat.code != 0 || strings.Contains(cat.stdout, "\x1b") || cat.stdout == "" {
		t.Errorf("cat on a dumb terminal: exit %d, %.100q", cat.code, cat.stdout)
	}
	// Any other terminal gets the reader.
	term := withReader(App{Environ: []string{"TERM=xterm-256color"}, terminal: fakeTerminal(80)}, &got)
	if res := run(t, term, ""); res.code != 0 || got.runs != 1 {
		t.Errorf("xterm: exit %d, reader runs %d", res.code, got.runs)
	}
}
