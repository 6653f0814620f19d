package reader

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/ui/tui/common"
)

// The reader on huge input: a generated 100 MB issue and an article that
// is one paragraph of 1 MB without punctuation. Each runs in a child
// process (this test binary again), so that its peak memory is its own:
//
//	DUBAO_HUGE=1 go test ./ui -run TestHuge -v
//
// The child reads the file as the command line does, opens it in the
// reader, goes to the last article and to its end, scrolls, resizes and
// searches, timing each step and the frame after it, and reports its
// peak resident memory, which must stay within 4× the file's size.

// hugeStep is what the child reports of one step.
type hugeStep struct {
	Name string        `json:"name"`
	Took time.Duration `json:"took"`
	Peak int64         `json:"peak"` // peak RSS so far, bytes
}

// hugeReport is what the child reports.
type hugeReport struct {
	Steps   []hugeStep `json:"steps"`
	PeakRSS int64      `json:"peak_rss"` // bytes
	Checks  []string   `json:"checks"`   // what went wrong
}

// writeHugeFile writes a fictional issue of at least size bytes: pages of
// 40 articles of 3 to 12 paragraphs. It returns the number of articles.
func writeHugeFile(t *testing.T, path string, size int) int {
	t.Helper()
	sentences := []string{
		"清晨的河岸边,早起的人们沿着新修的步道慢跑,白鹭从芦苇丛里飞起。",
		"今年以来,全市新建口袋公园%d个,改造老旧小区一百多个。",
		"“这条路修好以后,我们卖菜方便多了。”村民老李笑着说。",
		"据介绍,项目总投资%d亿元,预计明年年底完工。",
		"沿河的几家农家乐这个周末都已订满,不少店主临时加了桌椅。",
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(5, 6))
	written, n := 0, 0
	for written < size {
		var b strings.Builder
		if n%40 == 0 {
			fmt.Fprintf(&b, "# 第%d版 要闻\n\n", n/40+1)
		}
		n++
		fmt.Fprintf(&b, "## 第%d篇 老街茶馆重新开张\n\n本报讯(记者 周小川)", n)
		for range 3 + rng.IntN(10) {
			for range 3 + rng.IntN(8) {
				s := sentences[rng.IntN(len(sentences))]
				if strings.Contains(s, "%d") {
					s = fmt.Sprintf(s, rng.IntN(1000))
				}
				b.WriteString(s)
			}
			b.WriteString("\n\n")
		}
		written += b.Len()
		if _, err := w.WriteString(b.String()); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestHugeIssueInReader: the reader on a 100 MB issue.
func TestHugeIssueInReader(t *testing.T) {
	if os.Getenv("DUBAO_HUGE") != "1" || testing.Short() {
		t.Skip("a huge-input test: set DUBAO_HUGE=1 to run it")
	}
	file := filepath.Join(t.TempDir(), "huge.md")
	articles := writeHugeFile(t, file, 100<<20)
	runHugeChild(t, file, "issue", articles)
}

// TestHugeParagraphInReader: the reader on one paragraph of 1 MB without
// punctuation.
func TestHugeParagraphInReader(t *testing.T) {
	if os.Getenv("DUBAO_HUGE") != "1" || testing.Short() {
		t.Skip("a huge-input test: set DUBAO_HUGE=1 to run it")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	han := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")
	var b strings.Builder
	b.WriteString("## 没有标点的一段\n\n")
	for b.Len() < 1<<20 {
		b.WriteRune(han[rng.IntN(len(han))])
	}
	b.WriteString("段末\n")
	file := filepath.Join(t.TempDir(), "paragraph.md")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	runHugeChild(t, file, "paragraph", 1)
}

// runHugeChild runs TestHugeChild on file in a child process and checks
// its report.
func runHugeChild(t *testing.T, file, kind string, articles int) {
	t.Helper()
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHugeChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DUBAO_HUGE_CHILD="+kind+":"+strconv.Itoa(articles)+":"+file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var rep hugeReport
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "HUGE-REPORT "); ok {
			if err := json.Unmarshal([]byte(rest), &rep); err != nil {
				t.Fatal(err)
			}
		}
	}
	if rep.Steps == nil {
		t.Fatalf("no report from the child:\n%s", out)
	}
	t.Logf("%s of %d MB, %d articles:", kind, info.Size()>>20, articles)
	for _, s := range rep.Steps {
		t.Logf("  %-36s %10v  peak RSS %4d MB", s.Name, s.Took.Round(10*time.Microsecond), s.Peak>>20)
	}
	for _, c := range rep.Checks {
		t.Error(c)
	}
	if rep.PeakRSS > 0 {
		t.Logf("peak RSS %d MB (%.1f× the file)", rep.PeakRSS>>20, float64(rep.PeakRSS)/float64(info.Size()))
		// the test binary itself takes some 30 MB whatever the file
		if limit := max(4*info.Size(), 64<<20); rep.PeakRSS > limit {
			t.Errorf("peak memory %d MB, more than 4× the file (%d MB)", rep.PeakRSS>>20, limit>>20)
		}
	} else {
		t.Logf("peak memory not measured on %s", runtime.GOOS)
	}
}

// TestHugeChild is the child of runHugeChild; it does nothing in a normal
// run.
func TestHugeChild(t *testing.T) {
	spec := os.Getenv("DUBAO_HUGE_CHILD")
	if spec == "" {
		t.Skip("the child of the huge-input tests")
	}
	kind, rest, _ := strings.Cut(spec, ":")
	n, file, _ := strings.Cut(rest, ":")
	articles, _ := strconv.Atoi(n)
	var rep hugeReport
	check := func(ok bool, format string, args ...any) {
		if !ok {
			rep.Checks = append(rep.Checks, fmt.Sprintf(format, args...))
		}
	}
	var m *Model
	step := func(name string, do func()) {
		start := time.Now()
		do()
		_ = m.View()
		rep.Steps = append(rep.Steps, hugeStep{name, time.Since(start), peakRSS()})
	}
	var l *shelf.Loaded
	step("read and parse (shelf.Load)", func() {
		var err error
		if l, err = shelf.Load(file, shelf.Options{}); err != nil {
			t.Fatal(err)
		}
		m = newPage(common.OpenMsg{Issue: l.Issue, Name: file}, testEnv())
	})
	check(l.Issue.Count() == articles, "%d articles, want %d", l.Issue.Count(), articles)
	step("first frame at 100×30", func() { m.Update(tea.WindowSizeMsg{Width: 100, Height: 30}) })
	step("count characters (background)", func() { run(m, m.Init(), 0) })
	r := m.reader
	step("G: last headline", func() { press(t, m, "G") })
	check(r.cur == len(r.arts)-1, "G in the list: at article %d of %d", r.cur+1, len(r.arts))
	step("enter: open it", func() { press(t, m, "enter") })
	step("G: end of the article", func() { press(t, m, "G") })
	check(r.atEnd(), "G: not at the end of the article")
	if kind == "paragraph" {
		check(strings.Contains(screen(m), "段末"), "the end of the paragraph is not on the screen:\n%s", screen(m))
	}
	step("k: one line up", func() { press(t, m, "k") })
	step("b: one page up", func() { press(t, m, "b") })
	step("g: top of the article", func() { press(t, m, "g") })
	step("resize to 60×20", func() { m.Update(tea.WindowSizeMsg{Width: 60, Height: 20}) })
	step("G at 60×20", func() { press(t, m, "G") })
	check(r.atEnd(), "G at 60×20: not at the end of the article")
	step("resize to 100×30", func() { m.Update(tea.WindowSizeMsg{Width: 100, Height: 30}) })
	step("K: previous article", func() { press(t, m, "K") })
	step("1 enter: first article", func() { press(t, m, "1", "enter") })
	word := []string{"茶", "馆"}
	if kind == "paragraph" {
		word = []string{"标", "点"}
	}
	step("/"+strings.Join(word, "")+": search the whole issue", func() { press(t, m, append(append([]string{"/"}, word...), "enter")...) })
	check(len(r.search.matches) > 0, "no match for %s", strings.Join(word, ""))
	step("n: next match", func() { press(t, m, "n") })
	step("/的: search a frequent character", func() { press(t, m, "esc", "esc", "/", "的", "enter") })
	step("n: next match", func() { press(t, m, "n") })
	check(len(r.search.matches) > 0, "no match for 的")
	rep.PeakRSS = peakRSS()
	out, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("HUGE-REPORT " + string(out))
}

// peakRSS returns the peak resident memory of this process in bytes, or 0
// where /proc/self/status does not say (VmHWM, Linux).
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}
