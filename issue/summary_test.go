package issue

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dubao/issue/internal/issuegen"
	"dubao/issue/shelf/shelftest"
)

// checkSummary checks that SummarizeOwned gives what the whole parse
// does for data: the same error, the same summary, the issue itself when
// it parsed it whole; and, where the skeleton parse reads the text, the
// same pages and articles, each with the same number, kicker and title.
// It reports whether the skeleton parse read it. ws is the workspace of
// the summary, reused by the caller from one input to the next.
func checkSummary(t *testing.T, ws *Workspace, name string, data []byte) (skeleton bool) {
	t.Helper()
	opt := Options{Name: name}
	full, ferr := ParseBytes(data, opt)
	sum, whole, err := ws.SummarizeOwned(bytes.Clone(data), opt)
	if fmt.Sprint(err) != fmt.Sprint(ferr) {
		t.Fatalf("%s: SummarizeOwned's error %v, the parse's %v", name, err, ferr)
	}
	if ferr != nil {
		return false
	}
	if want := full.Summary(); !reflect.DeepEqual(sum, want) {
		t.Fatalf("%s: summary\n%+v\nwant (the whole parse's)\n%+v", name, sum, want)
	}
	if whole != nil {
		if got, want := comparable(t, whole), comparable(t, full); got != want {
			t.Fatalf("%s: the issue parsed whole differs from ParseBytes':\n%s", name, firstDiff(want, got))
		}
		return false
	}
	text, _, err := decodeText(bytes.Clone(data), opt, true, false)
	if err != nil {
		t.Fatal(err)
	}
	sk := skeletonParser(opt).parseText(text)
	if sk == nil {
		t.Fatalf("%s: no issue parsed whole, and no skeleton parse", name)
	}
	if got, want := headings(sk), headings(full); got != want {
		t.Fatalf("%s: the skeleton parse's headings differ:\n%s", name, firstDiff(want, got))
	}
	return true
}

// headings lists the pages of is and the number, kicker and title of each
// article: what a skeleton parse reads as the whole parse does.
func headings(is *Issue) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %d %d %q\n", is.Paper, is.Date, is.Weekday, is.Number, is.Pages, is.Masthead)
	for _, s := range is.Sections {
		fmt.Fprintf(&b, "page %d %q ad=%v repeats=%v\n", s.Page, s.Name, s.Ad, s.Repeats)
		for _, a := range s.Articles {
			fmt.Fprintf(&b, "  %d %q %q\n", a.N, a.Kicker, a.Title)
		}
	}
	return b.String()
}

// TestSummaryCorpus checks SummarizeOwned against the whole parse
// (checkSummary) on every text sample under testdata/, on the inputs the
// package's fuzz targets keep, on generated issues and shelf issues (each
// whole, and each page alone as a shelf of page files holds it), and on
// ../shared's real issues when present.
func TestSummaryCorpus(t *testing.T) {
	skeleton, checked := 0, 0
	var ws Workspace // reused, as an indexing worker does
	check := func(t *testing.T, name string, data []byte) {
		checked++
		if checkSummary(t, &ws, name, data) {
			skeleton++
		}
	}
	root := filepath.Join(repoRoot(t), "testdata")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !textSample(p) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		t.Run("testdata/"+rel, func(t *testing.T) { check(t, rel, data) })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("fuzz corpora", func(t *testing.T) {
		// The inputs the fuzz targets of this package keep (go test fuzz v1).
		files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, lit, ok := strings.Cut(strings.TrimSpace(string(data)), "\n[]byte(")
			// The []byte is the first value; FuzzHostile's files hold an
			// encoding after it, one value a line.
			lit, _, _ = strings.Cut(lit, "\n")
			text, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
			if !ok || err != nil {
				t.Fatalf("%s: not a corpus file of []byte: %v", f, err)
			}
			check(t, f, []byte(text))
		}
		if len(files) < 20 {
			t.Errorf("only %d corpus files", len(files))
		}
	})
	t.Run("generated", func(t *testing.T) {
		check(t, "issuegen", issuegen.Issue(1<<20))
		c := shelftest.DefaultConfig()
		day := time.Date(2019, 3, 25, 0, 0, 0, 0, time.UTC)
		for n := range 4 {
			pages := shelftest.Issue(c, day.AddDate(0, 0, n), n, "")
			check(t, "shelf issue", []byte(strings.Join(pages, "")))
			for i, p := range pages {
				check(t, fmt.Sprintf("shelf page %d", i+1), []byte(p))
			}
		}
	})
	t.Run("shared", func(t *testing.T) {
		files := []string{seedPath(t)}
		dir := realFolder(t)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			files = append(files, filepath.Join(dir, e.Name()))
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			check(t, filepath.Base(f), data)
		}
	})
	t.Logf("%d inputs, %d read by the skeleton parse", checked, skeleton)
	if skeleton < 10 {
		t.Errorf("only %d of %d inputs read by the skeleton parse", skeleton, checked)
	}
}

// TestSummaryWays checks the texts that the skeleton parse leaves to the
// whole parse (front matter, a paper named by a byline), those it reads
// with the articles that may hold a jump line, a citation or stitched
// jumps finished (finishJumps), and those it reads alone, and that each
// gives the whole parse's summary.
func TestSummaryWays(t *testing.T) {
	const mast = "星河日报\n\n2024年3月8日 星期五\n\n"
	for _, tc := range []struct {
		name, text string
		skeleton   bool
	}{
		{"headings", mast + "# 第一版 要闻\n\n## 题\n\n正文。\n\n## 另题\n\n正文。\n", true},
		{"jump", mast + "# 第一版 要闻\n\n## 题\n\n正文说到一半，(下转第二版)\n\n# 第二版 综合\n\n## 题\n\n(上接第一版)另一半。\n", true},
		{"jump in markup", mast + "# 第一版 要闻\n\n## 题\n\n正文说到一半，(下转第二**版**)\n\n# 第二版 综合\n\n## 题\n\n(上接第一版)另一半。\n", true},
		{"citation", "## 题\n\n> 本报记者  张  洋《星河日报》（2025年01月02日第 01 版）\n", true},
		{"front matter", "---\ntitle: 题\n---\n星河日报\n\n## 题\n\n正文。\n", false},
		{"no paper", "2024年3月8日\n\n## 题\n\n星河日报讯 正文。\n", false},
		{"paper by a byline before a jump", "2024年3月8日\n\n# 第一版\n\n## 题\n\n星河日报讯 正文。\n\n## 题二\n\n晚星日报讯 正文，(下转第二版)\n\n# 第二版\n\n## 题二\n\n(上接第一版)续。\n", false},
		{"no paper in markup", "2024年3月8日\n\n## 题\n\n[星河](x)日报讯 正文。\n", false},
		{"page file", "# 第二版 综合\n\n## 题\n\n本报讯(记者 甲) 正文。\n\n> 乙\n\n## 题二\n\n新华社北京3月7日电 正文。\n", true},
		{"seam", mast + "# 第一版 要闻\n\n## 题\n\n正文说到一半，(下转第二版)<!-- dubao:stitched (上接第一版) -->\n\n# 第二版 综合\n\n## 题\n\n(上接第一版)另一半。\n", true},
		{"seam alone", mast + "# 第一版 要闻\n\n## 题\n\n正文。\n\n# 第二版 综合\n\n`<!-- dubao:stitched (上接第一版) -->`\n", true},
		{"markup only", mast + "## 题\n\n**\n\n## 空\n\n![](x.png)\n\n*正文*\n", true},
		{"plain", mast + "第一版 要闻\n\n标题一行\n\n　　本报讯 正文第一段，没有结束\n\n继续的部分。\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := checkSummary(t, new(Workspace), tc.name, []byte(tc.text)); got != tc.skeleton {
				t.Errorf("read by the skeleton parse: %v, want %v", got, tc.skeleton)
			}
		})
	}
}

// FuzzSummary checks SummarizeOwned against the whole parse on any input
// (checkSummary).
// Its seeds are small (those in testdata/fuzz/FuzzSummary and these):
// fuzzing minimises every new input it finds, and three parses of a large
// one would take the few seconds CI gives a target.
func FuzzSummary(f *testing.F) {
	const mast = "星河日报\n\n2024年3月8日 星期五\n\n今日八版\n\n"
	for _, s := range []string{
		"",
		mast + "# 第一版 要闻\n\n## 题\n\n正文。\n\n### 引\n## 另题\n#### 副\n\n本报讯 正文。\n",
		mast + "# 第一版 要闻\n\n## 题\n\n正文，(下转第二版)\n\n# 第二版\n\n## 题\n\n(上接第一版)另一半。\n",
		mast + "## 题\n\n**\n\n![](x.png)\n\n*正文*与`码`和[链](u)\n\n> 引\n\n- 一\n\n| a |\n",
		mast + "第一版 要闻\n\n标题一行\n\n　　本报讯 正文第一段，没有结束\n\n继续的部分。\n",
		"## 题\n\n> 本报记者  张  洋《星河日报》（2025年01月02日第 01 版）\n",
		"---\ntitle: 题\n---\n星河日报\n\n## 题\n\n正文。\n",
		"# 星河日报\n\n## 题\n\n星河日报讯 正文出版。\n\n# 第2版 广告\n",
		"# 第二版 综合\n\n## 题\n\n本报讯(记者 甲) 正文。\n\n> 星河日报讯\n\n## 题二\n\n正文（下转\n\n第三版）\n",
		"# 第二版 综合\n\n## 题\n\n本报记者 甲 《星河日报》（2025年01月02日第 01 版）\n\n正文。\n",
		"2024年3月8日\n\n# 第一版\n\n## 题\n\n星河日报讯 正文。\n\n## 题二\n\n晚星日报讯 正文，(下转第二版)\n\n# 第二版\n\n## 题二\n\n(上接第一版)续。\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSummary(t, new(Workspace), "fuzz", data)
	})
}

// BenchmarkSummarize measures the summary of a shelf's issue (about 145
// KB, one workspace reused, as an indexing worker does) against its
// whole parse:
//
//	go test ./issue -run '^$' -bench '^BenchmarkSummarize$' -benchmem
func BenchmarkSummarize(b *testing.B) {
	pages := shelftest.Issue(shelftest.DefaultConfig(), time.Date(2019, 3, 25, 0, 0, 0, 0, time.UTC), 1, "")
	data := []byte(strings.Join(pages, ""))
	b.Run("summary", func(b *testing.B) {
		var ws Workspace
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if s, whole, err := ws.SummarizeOwned(data, Options{Name: "bench"}); err != nil || whole != nil || s.Articles == 0 {
				b.Fatal(err, whole != nil)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseOwned(data, Options{Name: "bench"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestWorkspaceRelease checks what a workspace holds between parses: the
// records of its last text's lines, blocks and articles when the text is
// short (the next parse overwrites them), none past them, and none at
// all after a text longer than keepText.
func TestWorkspaceRelease(t *testing.T) {
	day := time.Date(2019, 3, 25, 0, 0, 0, 0, time.UTC)
	long := []byte(strings.Join(shelftest.Issue(shelftest.DefaultConfig(), day, 1, ""), ""))
	short := []byte("星河日报\n\n2024年3月8日 星期五\n\n# 第一版 要闻\n\n## 题\n\n正文。\n")
	huge := bytes.Repeat(long, keepText/len(long)+1)
	var ws Workspace
	check := func(name string, keep bool) {
		t.Helper()
		held := []int{ws.held.lines, ws.held.blocks, ws.held.arts}
		live := []int{countLive(ws.lines), countLive(ws.blocks), countLive(ws.arts)}
		for k, what := range []string{"lines", "blocks", "articles"} {
			if !keep && held[k] != 0 {
				t.Errorf("%s: %d %s held after a text over keepText", name, held[k], what)
			}
			if live[k] > held[k] {
				t.Errorf("%s: %d %s records hold something, %d held", name, live[k], what, held[k])
			}
		}
		if keep && held[0] == 0 {
			t.Errorf("%s: no line held after a short text", name)
		}
	}
	for _, step := range []struct {
		name string
		text []byte
		keep bool
	}{{"long", long, true}, {"short after long", short, true}, {"huge", huge, false}, {"long after huge", long, true}} {
		if _, _, err := ws.SummarizeOwned(append([]byte(nil), step.text...), Options{Name: step.name}); err != nil {
			t.Fatal(step.name, err)
		}
		check(step.name, step.keep)
	}
}

// countLive returns the number of records in s's whole array that are
// not the zero value, the last one's index plus one.
func countLive[T any](s []T) int {
	s = s[:cap(s)]
	var zero T
	for i := len(s) - 1; i >= 0; i-- {
		if !reflect.DeepEqual(s[i], zero) {
			return i + 1
		}
	}
	return 0
}

// TestWorkspaceReuse: a text's skeleton parse in a workspace that parsed
// a longer text just before (whose records of lines, blocks and articles
// it leaves for the next parse to overwrite: see Workspace.release) gives
// what it gives in a new workspace — its pages, articles and summary —
// for the longest texts of the corpus (the fuzz inputs kept and shelf
// issues, whole and by page) each followed by every text.
func TestWorkspaceReuse(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, lit, _ := strings.Cut(strings.TrimSpace(string(data)), "\n[]byte(")
		lit, _, _ = strings.Cut(lit, "\n")
		if s, err := strconv.Unquote(strings.TrimSuffix(lit, ")")); err == nil {
			texts = append(texts, s)
		}
	}
	for n := range 2 {
		pages := shelftest.Issue(shelftest.DefaultConfig(), time.Date(2019, 3, 25+n, 0, 0, 0, 0, time.UTC), n, "")
		texts = append(texts, strings.Join(pages, ""))
		texts = append(texts, pages...)
	}
	// parse is the skeleton parse of text in w, as skeletonSummary makes
	// it, and what it read.
	parse := func(w *Workspace, text string) string {
		defer w.release(len(text) <= keepText)
		p := skeletonParser(Options{Name: "x"})
		p.ws, p.mem = w, w.mem
		is := p.parseText(text)
		w.mem = p.mem
		if is == nil {
			return "no skeleton parse"
		}
		return headings(is) + fmt.Sprintf("%+v", is.Summary())
	}
	decoded, fresh := texts[:0], []string(nil)
	for _, s := range texts {
		if text, _, err := decodeText([]byte(s), Options{}, true, false); err == nil {
			decoded = append(decoded, text)
			fresh = append(fresh, parse(new(Workspace), text))
		}
	}
	longest := slices.Clone(decoded)
	slices.SortFunc(longest, func(a, b string) int { return len(b) - len(a) })
	for _, long := range longest[:min(12, len(longest))] {
		for j, text := range decoded {
			var w Workspace
			parse(&w, long)
			if got := parse(&w, text); got != fresh[j] {
				t.Fatalf("text %d (%d bytes) after one of %d bytes:\n%s", j, len(text), len(long), firstDiff(fresh[j], got))
			}
		}
	}
	if len(decoded) < 20 {
		t.Errorf("only %d texts", len(decoded))
	}
}
