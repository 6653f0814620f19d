package cli

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dubao/issue"
)

// TestStreamedListAndJSON checks that list, list --long, json and cat
// --all (one paragraph a line, and wrapped at 40 columns) print the same
// bytes (and errors, and exit status) whether they read an issue
// file in parts (streamIssue; parts of 1 and 4,096 bytes, cut wherever
// the text can be) or whole: on every sample of the corpus's folders, on
// ../shared/real and ../shared/seed when present, on those with CRLF
// lines given LF lines, on each with CRLF lines under a name that is
// not the archive form's (those that issue.Stream reads in parts: at
// least 30), and on a generated issue.
func TestStreamedListAndJSON(t *testing.T) {
	root := repoRoot(t)
	var paths []string
	roots := append([]string{}, corpusRoots...)
	for _, shared := range []string{"real", "seed"} {
		dir := filepath.Join("..", "shared", shared)
		if _, err := os.Stat(filepath.Join(root, dir)); err != nil {
			t.Logf("../shared/%s is absent: its issues are not compared", shared)
			continue
		}
		roots = append(roots, dir)
	}
	for _, r := range roots {
		filepath.WalkDir(filepath.Join(root, r), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				paths = append(paths, p)
			}
			return nil
		})
	}
	// The samples with CRLF lines (read whole: decoding changes them)
	// with LF lines, under their own names (those of the archive form
	// among them).
	lf := t.TempDir()
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, []byte("\r\n")) {
			continue
		}
		dir := filepath.Join(lf, strconv.Itoa(i))
		q := filepath.Join(dir, filepath.Base(p))
		if os.Mkdir(dir, 0o755) != nil || os.WriteFile(q, bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), 0o644) != nil {
			t.Fatal("cannot write", q)
		}
		paths = append(paths, q)
	}
	// Each sample with CRLF lines that is streamed, as issue.md.
	crlfs := t.TempDir()
	streamed := 0
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		c := crlfLines(data)
		err = issue.Stream(context.Background(), bytes.NewReader(c), int64(len(c)), issue.StreamOptions{}, func(*issue.Issue, []issue.Section, bool) error { return nil })
		if errors.Is(err, issue.ErrNotStreamed) {
			continue
		}
		dir := filepath.Join(crlfs, strconv.Itoa(i))
		q := filepath.Join(dir, "issue.md")
		if os.Mkdir(dir, 0o755) != nil || os.WriteFile(q, c, 0o644) != nil {
			t.Fatal("cannot write", q)
		}
		paths = append(paths, q)
		streamed++
	}
	t.Logf("%d samples with CRLF lines read in parts", streamed)
	if streamed < 30 {
		t.Errorf("only %d samples with CRLF lines are read in parts", streamed)
	}
	p := filepath.Join(t.TempDir(), "pages.md")
	if err := os.WriteFile(p, []byte(pagesIssue(40)), 0o644); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, p)
	if len(paths) < 50 {
		t.Fatalf("only %d files", len(paths))
	}
	parts := []int{1, 4 << 10}
	if testing.Short() {
		parts = parts[1:]
	}
	for _, p := range paths {
		for _, args := range [][]string{{"list", p}, {"list", "--long", p}, {"json", p}, {"cat", "--all", p}, {"cat", "--all", "--width", "40", p}} {
			want := run(t, App{streamPart: -1}, "", args...)
			for _, part := range parts {
				if got := run(t, App{streamPart: part}, "", args...); got != want {
					rel, _ := filepath.Rel(root, p)
					t.Errorf("%v on %s, parts of %d: exit %d, %d bytes out, stderr %q; read whole: exit %d, %d bytes, stderr %q",
						args[:len(args)-1], rel, part, got.code, len(got.stdout), got.stderr, want.code, len(want.stdout), want.stderr)
				}
			}
		}
	}
}

// crlfLines returns data with CRLF lines.
func crlfLines(data []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

// pagesIssue is an issue of n pages under page headings, whose last
// article of each page goes on on the next (下转, 上接).
func pagesIssue(n int) string {
	var b strings.Builder
	b.WriteString("青溪日报\n\n2024年3月8日 星期五\n\n")
	for p := 1; p <= n; p++ {
		b.WriteString("# 第" + strconv.Itoa(p) + "版 要闻\n\n")
		if p > 1 {
			b.WriteString("## 续篇\n\n(上接第" + strconv.Itoa(p-1) + "版)接着说完。\n\n")
		}
		b.WriteString("## 春耕第" + strconv.Itoa(p) + "篇\n\n本报讯(记者 林晓帆)田里一片忙碌,\n\n稻田整治完毕。\n\n")
		if p < n {
			b.WriteString("## 续篇\n\n故事说到一半,(下转第" + strconv.Itoa(p+1) + "版)\n\n")
		}
	}
	return b.String()
}

// TestStreamedArchiveName checks that a file named as one of the
// per-article archive (YYYYMMDD-PP-NN.txt, whose name gives the date and
// the page: see issue.ArchiveName) is listed as the whole read lists it.
func TestStreamedArchiveName(t *testing.T) {
	p := filepath.Join(t.TempDir(), "20240308-01-01.txt")
	if err := os.WriteFile(p, []byte("# 第1版 要闻\n\n## 春耕\n\n正文一。\n\n# 第2版 综合\n\n## 茶园\n\n正文二。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list", p}, {"json", p}} {
		want := run(t, App{streamPart: -1}, "", args...)
		if got := run(t, App{streamPart: 1}, "", args...); got != want {
			t.Errorf("%s: read in parts %+v, read whole %+v", args[0], got, want)
		}
	}
}

// streamedIssue is an issue of 200 pages of five short articles, which
// issue.Stream emits a few pages at a time (no jump lines, a masthead
// that names the paper).
func streamedIssue() string {
	var b strings.Builder
	b.WriteString("中共青溪市委员会主办\n\n青溪日报社出版\n\n2024年3月8日 星期五\n\n")
	for p := 1; p <= 200; p++ {
		b.WriteString("# 第" + strconv.Itoa(p) + "版 要闻\n\n")
		for a := 1; a <= 5; a++ {
			b.WriteString("## 春耕第" + strconv.Itoa(p) + "之" + strconv.Itoa(a) + "篇\n\n" + strings.Repeat("田里一片忙碌,稻田整治完毕。", 4) + "\n\n")
		}
	}
	return b.String()
}

// firstWriteHook is stdout that calls hook at its first write.
type firstWriteHook struct {
	bytes.Buffer
	hook func()
}

func (w *firstWriteHook) Write(p []byte) (int, error) {
	if w.hook != nil {
		w.hook()
		w.hook = nil
	}
	return w.Buffer.Write(p)
}

// streamedCommands are the commands that print an issue as they read it.
var streamedCommands = [][]string{{"list"}, {"json"}, {"cat", "--all"}}

// TestStreamedCancel: an interrupt (the context cancelled) while list,
// json and cat --all print an issue read in parts stops the reading:
// nothing more is printed (what is there is the start of the whole
// output, and shorter), nothing is said on stderr and the status is the
// interrupt's.
func TestStreamedCancel(t *testing.T) {
	p := writeFile(t, "issue.md", streamedIssue())
	app := App{Sample: sample(t), Environ: []string{"TERM=dumb"}, streamPart: 4096}
	for _, cmd := range streamedCommands {
		args := append(cmd[:len(cmd):len(cmd)], p)
		whole := run(t, app, "", args...)
		if whole.code != 0 {
			t.Fatalf("%v: %+v", args, whole)
		}
		ctx, cancel := context.WithCancel(t.Context())
		out := &firstWriteHook{hook: cancel}
		var errb bytes.Buffer
		code := app.Run(ctx, args, strings.NewReader(""), out, &errb)
		got := out.String()
		if code != ExitInterrupted || errb.Len() > 0 || !strings.HasPrefix(whole.stdout, got) || len(got) >= len(whole.stdout) {
			t.Errorf("%v interrupted: status %d, stderr %q, %d of %d bytes printed (the start: %v); want %d, nothing, the start only",
				args, code, errb.String(), len(got), len(whole.stdout), strings.HasPrefix(whole.stdout, got), ExitInterrupted)
		}
		cancel()
	}
}

// TestStreamedReadError: when an issue read in parts cannot be read on
// midway (here the file is emptied as the first output is written), list,
// json and cat --all keep what they printed before — whole entries: the
// start of the whole output, ending where an entry ends —, say so in one
// line on stderr and exit with status 1 (as README's "List the articles"
// says).
func TestStreamedReadError(t *testing.T) {
	text := streamedIssue()
	p := writeFile(t, "issue.md", text)
	app := App{Sample: sample(t), Environ: []string{"TERM=dumb"}, streamPart: 4096}
	for _, cmd := range streamedCommands {
		args := append(cmd[:len(cmd):len(cmd)], p)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		whole := run(t, app, "", args...)
		if whole.code != 0 {
			t.Fatalf("%v: %+v", args, whole)
		}
		out := &firstWriteHook{hook: func() {
			if err := os.Truncate(p, 0); err != nil {
				t.Fatal(err)
			}
		}}
		var errb bytes.Buffer
		code := app.Run(t.Context(), args, strings.NewReader(""), out, &errb)
		got, rest := out.String(), strings.TrimPrefix(whole.stdout, out.String())
		wantErr := "dubao: read " + p + ": unexpected EOF\n"
		ends := map[string]bool{"list": strings.HasSuffix(got, "\n"), "json": strings.HasSuffix(got, "}"), "cat": strings.HasPrefix(rest, "\n\n")}[cmd[0]]
		if code != 1 || errb.String() != wantErr || len(rest) == len(whole.stdout) || rest == "" || got == "" || !ends {
			t.Errorf("%v, the file emptied midway: status %d, stderr %q, %d of %d bytes printed (the start: %v, ends an entry: %v); want 1, %q, the start up to an entry's end",
				args, code, errb.String(), len(got), len(whole.stdout), len(rest) < len(whole.stdout), ends, wantErr)
		}
	}
}
