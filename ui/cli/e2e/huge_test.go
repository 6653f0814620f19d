//go:build unix

package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"dubao/ui/wrap"
)

// The huge-input tests generate a 100 MB issue and a 1 MB paragraph and
// run dubao on them, measuring its peak memory. They take a minute and
// need half a gigabyte, so they run only when asked:
//
//	DUBAO_HUGE=1 go test ./ui/cli/e2e -run Huge -v
//
// (the reader's side is in ui/huge_test.go, run the same way).

// hugeEnabled skips the test unless DUBAO_HUGE=1 and -short is not set.
func hugeEnabled(t *testing.T) {
	t.Helper()
	if os.Getenv("DUBAO_HUGE") != "1" || testing.Short() {
		t.Skip("a huge-input test: set DUBAO_HUGE=1 to run it")
	}
}

// syscallMkfifo makes a named pipe.
func syscallMkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// dubaoRSS runs the binary as dubao does and also returns its peak
// resident memory in bytes.
func dubaoRSS(t *testing.T, in io.Reader, args ...string) (result, int64) {
	t.Helper()
	var out, errb bytes.Buffer
	code, rss := runMeasured(t, in, &out, &errb, args...)
	return result{code, out.String(), errb.String()}, rss
}

// runMeasured runs the binary with stdout to out and returns its exit
// status and peak resident memory in bytes.
func runMeasured(t *testing.T, in io.Reader, out, errOut io.Writer, args ...string) (int, int64) {
	t.Helper()
	seeSources(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = in, out, errOut
	cmd.Env = append(os.Environ(), "NO_COLOR=", "TERM=xterm-256color")
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
		if code < 0 {
			t.Fatalf("dubao %q died: %v", args, err)
		}
	case err != nil:
		t.Fatalf("dubao %q: %v", args, err)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss)
		if runtime.GOOS != "darwin" { // kilobytes, bytes on macOS
			rss <<= 10
		}
	}
	return code, rss
}

// hugeSentences are the sentences the generated issue is made of
// (original text; %d takes a number).
var hugeSentences = []string{
	"清晨的河岸边,早起的人们沿着新修的步道慢跑,白鹭从芦苇丛里飞起。",
	"今年以来,全市新建口袋公园%d个,改造老旧小区一百多个。",
	"“这条路修好以后,我们卖菜方便多了。”村民老李笑着说。",
	"据介绍,项目总投资%d亿元,预计明年年底完工。",
	"记者在现场看到,工人们正在铺设管网,机器轰鸣,一派繁忙。",
	"社区图书角本周新到图书%d册,其中一半是儿童绘本。",
	"茶馆负责人说,今后每周六下午都有评书和曲艺表演。",
	"沿河的几家农家乐这个周末都已订满,不少店主临时加了桌椅。",
}

// writeHugeIssue writes a fictional issue of at least size bytes to path:
// pages of 40 articles, each a title, a byline and 3 to 12 paragraphs.
// It returns the number of articles and the text of the last paragraph.
func writeHugeIssue(t *testing.T, path string, size int64) (int, string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	fmt.Fprintf(w, "白沙晚报社出版\n\n2024年3月8日 星期五 第5678号\n\n")
	var written int64
	n, last := 0, ""
	var b strings.Builder
	for written < size {
		if n%40 == 0 {
			b.WriteString(fmt.Sprintf("# 第%d版 要闻\n\n", n/40+1))
		}
		n++
		fmt.Fprintf(&b, "## 第%d篇 老街茶馆重新开张\n\n本报讯(记者 周小川)", n)
		for p := range 3 + rng.IntN(10) {
			if p > 0 {
				b.WriteString("\u3000\u3000")
			}
			var para strings.Builder
			for range 3 + rng.IntN(8) {
				s := hugeSentences[rng.IntN(len(hugeSentences))]
				if strings.Contains(s, "%d") {
					s = fmt.Sprintf(s, rng.IntN(1000))
				}
				para.WriteString(s)
			}
			last = para.String()
			b.WriteString(last)
			b.WriteString("\n\n")
		}
		written += int64(b.Len())
		if _, err := w.WriteString(b.String()); err != nil {
			t.Fatal(err)
		}
		b.Reset()
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return n, last
}

// tail keeps the last bytes written to it and counts them all.
type tail struct {
	n    int64
	last []byte
}

func (w *tail) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	w.last = append(w.last, p...)
	if len(w.last) > 64<<10 {
		w.last = append(w.last[:0], w.last[len(w.last)-32<<10:]...)
	}
	return len(p), nil
}

// halfWidth undoes the full-width punctuation a laid-out text shows.
var halfWidth = strings.NewReplacer("，", ",", "；", ";", "：", ":", "？", "?", "！", "!", "（", "(", "）", ")")

// TestHugeIssue runs every command on a generated 100 MB issue, from the
// file and from stdin: they succeed, print the whole issue, and dubao's
// peak memory stays within 4× the file's size.
func TestHugeIssue(t *testing.T) {
	hugeEnabled(t)
	file := filepath.Join(t.TempDir(), "huge.md")
	const size = 100 << 20
	articles, last := writeHugeIssue(t, file, size)
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	limit := 4 * info.Size()
	t.Logf("generated %d bytes, %d articles", info.Size(), articles)
	check := func(name string, code int, rss int64, stderr string, took time.Duration) {
		t.Helper()
		t.Logf("%-16s peak RSS %4d MB (%.1f× the file) in %v", name, rss>>20, float64(rss)/float64(info.Size()), took.Round(10*time.Millisecond))
		if code != 0 || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr)
		}
		if rss > limit {
			t.Errorf("%s: peak memory %d MB, more than 4× the file (%d MB)", name, rss>>20, limit>>20)
		}
	}
	for _, tc := range []struct {
		name  string
		args  []string
		stdin bool
	}{
		{"list", []string{"list", file}, false},
		{"list -", []string{"list", "-"}, true},
		{"cat --all", []string{"cat", "--all", file}, false},
		{"cat --width 40", []string{"cat", "--width", "40", "--all", file}, false},
		{"cat N", []string{"cat", file, fmt.Sprint(articles)}, false},
		{"json", []string{"json", file}, false},
	} {
		var in io.Reader
		if tc.stdin {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			in = f
		}
		var out tail
		var errb bytes.Buffer
		start := time.Now()
		code, rss := runMeasured(t, in, &out, &errb, tc.args...)
		check(tc.name, code, rss, errb.String(), time.Since(start))
		end := string(out.last)
		switch tc.name {
		case "list", "list -":
			if want := fmt.Sprintf("\n%d\t", articles); !strings.Contains(end, want) {
				t.Errorf("%s: the last line is not article %d: %q", tc.name, articles, end[max(len(end)-200, 0):])
			}
		case "cat --all", "cat N":
			if !strings.HasSuffix(end, last+"\n") {
				t.Errorf("%s: the output does not end with the issue's last paragraph", tc.name)
			}
		case "cat --width 40":
			// The paragraph's second half, cut between characters (a
			// cut between bytes matched nothing); laid out at a width,
			// the ASCII , ; : ? ! ( ) between Chinese are shown full
			// width (README: Print an article).
			half := []rune(last)
			want := halfWidth.Replace(nonSpace(string(half[len(half)/2:])))
			if !strings.Contains(halfWidth.Replace(nonSpace(end)), want) {
				t.Errorf("%s: the output does not end with the issue's last paragraph %q: %q", tc.name, want, end[max(len(end)-400, 0):])
			}
		case "json":
			if !strings.HasSuffix(strings.TrimSpace(end), "]\n    }\n  ]\n}") || out.n < info.Size() {
				t.Errorf("json: %d bytes ending %q", out.n, end[max(len(end)-100, 0):])
			}
		}
	}
}

// TestHugeParagraph: a paragraph of 1 MB with no punctuation at all opens,
// prints whole, and wraps at a width with no line wider than it.
func TestHugeParagraph(t *testing.T) {
	hugeEnabled(t)
	rng := rand.New(rand.NewPCG(3, 4))
	han := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteRune(han[rng.IntN(len(han))])
	}
	para := b.String()
	file := filepath.Join(t.TempDir(), "paragraph.md")
	if err := os.WriteFile(file, []byte("## 没有标点的一段\n\n"+para+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list", file}, {"cat", "--all", file}, {"cat", "--width", "40", file, "1"}, {"json", file}} {
		start := time.Now()
		res, rss := dubaoRSS(t, nil, args...)
		t.Logf("%-28s peak RSS %3d MB in %v", strings.ReplaceAll(strings.Join(args, " "), file, "FILE"), rss>>20, time.Since(start).Round(time.Millisecond))
		res.ok(t, fmt.Sprint(args))
		switch args[0] {
		case "cat":
			if !strings.Contains(nonSpace(res.stdout), para) {
				t.Errorf("%v: the paragraph is not whole in the output", args)
			}
			if args[1] == "--width" {
				for i, line := range strings.Split(res.stdout, "\n") {
					if w := wrap.StringWidth(line, false); w > 40 {
						t.Fatalf("%v: line %d is %d columns", args, i, w)
					}
				}
			}
		case "json":
			var is struct {
				Sections []struct {
					Articles []struct{ Paragraphs []string }
				}
			}
			if err := json.Unmarshal([]byte(res.stdout), &is); err != nil || is.Sections[0].Articles[0].Paragraphs[0] != para {
				t.Errorf("json: the paragraph is not whole (%v)", err)
			}
		}
	}
}
