package issue

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchWords is the vocabulary of generated issues (our own words).
var benchWords = []string{
	"青溪河", "生态廊道", "全线贯通", "沿岸村居", "共享", "绿色红利", "市民", "步行", "滨水空间",
	"城市更新", "老旧小区", "改造", "背街小巷", "整治", "雨污分流", "燃气管网", "烟火气", "新设施",
	"文旅合作", "精品线路", "景区", "门票优惠", "演艺交流", "非遗展示", "研学旅行", "春耕", "育秧",
	"重点项目", "集中开工", "先进制造", "数字经济", "基础设施", "社会民生", "GDP", "5G", "102.6",
	"1,000", "5.8%", "9℃~14℃", "茶园", "采茶", "渡口", "大青石", "外婆", "灶膛", "明前茶",
}

// genIssue generates an issue of about size bytes in the Markdown form of
// the sample: a masthead, pages, articles with kickers, subtitles,
// bylines, paragraphs (some broken mid-word), jump lines, tables and
// lists.
func genIssue(size int) []byte {
	var b bytes.Buffer
	b.WriteString("中共青溪市委员会主管\n中共青溪市委员会主办\n\nQINGXI DAILY\n\n青溪日报社出版\n\n国内统一连续出版物号 CN 36-0127\n\n")
	b.WriteString("2024年3月8日 星期五 农历甲辰年正月廿八 官方网站:青溪新闻网\n\n今日八版\n\n第12846号\n\n")
	seed := uint32(1)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	sentence := func() string {
		var s strings.Builder
		n := 4 + next(10)
		for i := 0; i < n; i++ {
			s.WriteString(benchWords[next(len(benchWords))])
			switch next(6) {
			case 0:
				s.WriteString(",")
			case 1:
				s.WriteString("、")
			}
		}
		s.WriteString("。")
		return s.String()
	}
	// Twelve articles a page, more in issues so large that the pages
	// would pass 999 (which is no page number): the 50 MB issue must be
	// as much an issue as the 1 MB one for the benchmarks to compare.
	perPage := 12 * (1 + size/(16<<20))
	page, art := 0, 0
	for b.Len() < size {
		if art%perPage == 0 {
			page++
			fmt.Fprintf(&b, "# 第%d版 要闻\n\n", page)
		}
		art++
		if art%5 == 0 {
			b.WriteString("### 市政府常务会议研究部署\n\n")
		}
		fmt.Fprintf(&b, "## %s%s第%d篇\n\n", benchWords[next(len(benchWords))], benchWords[next(len(benchWords))], art)
		if art%3 == 0 {
			b.WriteString("沿岸12个村居共享绿色红利 市民步行15分钟可达滨水空间\n\n")
		}
		b.WriteString("本报讯(记者 林晓帆 通讯员 周一鸣)")
		paras := 4 + next(8)
		for p := 0; p < paras; p++ {
			for k := 1 + next(6); k > 0; k-- {
				b.WriteString(sentence())
			}
			if p == 2 && art%4 == 0 {
				b.WriteString("同步推进雨污分流和燃气管\n\n网更新,让老街区用得上新设施。")
			}
			if p == paras-1 && art%7 == 0 {
				fmt.Fprintf(&b, "(下转第%d版)", page+1)
			}
			b.WriteString("\n\n")
			if p == 1 && art%9 == 0 {
				b.WriteString("| 项目 | 投资(亿元) |\n| --- | --- |\n| 青溪5G产业园 | 42.0 |\n| 三江口枢纽 | 35.5 |\n\n")
			}
			if p == 1 && art%11 == 0 {
				b.WriteString("- 滨江公园:早樱已开七成\n- 云岭茶园:油菜花与茶垄相间\n\n")
			}
		}
	}
	return b.Bytes()
}

func benchmarkParse(b *testing.B, size int) {
	data := genIssue(size)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		// The path of Parse and Open once the bytes are read.
		is, err := ParseOwned(data, Options{Name: "bench"})
		if err != nil || is.Count() == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse measures parsing generated issues of 1, 10 and 50 MB
// (after reading them), in MB/s and allocations:
//
//	go test ./issue -run '^$' -bench '^BenchmarkParse$' -benchtime 5x -count 5 -benchmem
func BenchmarkParse(b *testing.B) {
	for _, mb := range []int{1, 10, 50} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) { benchmarkParse(b, mb<<20) })
	}
}

// BenchmarkOpen measures Open on a 10 MB file: reading it and parsing.
func BenchmarkOpen(b *testing.B) {
	data := genIssue(10 << 20)
	path := filepath.Join(b.TempDir(), "issue.md")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Open(path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseSample measures the sample issue: the cost of a small file.
func BenchmarkParseSample(b *testing.B) {
	data := []byte(decoded(b, samplePath(b, "sample.md")))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseBytes(data, Options{Name: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteMarkdown measures writing a 10 MB issue as Markdown.
func BenchmarkWriteMarkdown(b *testing.B) {
	data := genIssue(10 << 20)
	is, err := ParseBytes(data, Options{Name: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteMarkdown(&buf, is); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGeneratedIssueScales checks that a large generated issue has as
// many articles for its size as a small one (no page number runs past
// 999, where page lines stop being read as such).
func TestGeneratedIssueScales(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a 32 MB issue")
	}
	small, err := ParseOwned(genIssue(1<<20), Options{Name: "gen"})
	if err != nil {
		t.Fatal(err)
	}
	large, err := ParseOwned(genIssue(32<<20), Options{Name: "gen"})
	if err != nil {
		t.Fatal(err)
	}
	if per1, per32 := small.Count(), large.Count()/32; per32 < per1*9/10 || per32 > per1*11/10 {
		t.Errorf("%d articles a MB in 1 MB, %d in 32 MB", per1, per32)
	}
	if last := large.Sections[len(large.Sections)-1].Page; last > 999 || last < 100 {
		t.Errorf("last page %d", last)
	}
}

// TestGeneratedIssue checks that the benchmark's issue parses as meant,
// so that the benchmark measures real work.
func TestGeneratedIssue(t *testing.T) {
	is, err := ParseBytes(genIssue(200<<10), Options{Name: "gen", noStitch: true})
	if err != nil {
		t.Fatal(err)
	}
	if is.Paper != "青溪日报" || len(is.Sections) < 2 || is.Count() < 20 {
		t.Fatalf("paper %q, %d sections, %d articles", is.Paper, len(is.Sections), is.Count())
	}
	joined, kickers, tables, jumps := 0, 0, 0, 0
	for _, a := range is.Articles() {
		if a.Kicker != "" {
			kickers++
		}
		jumps += len(a.Jumps)
		for _, b := range a.Blocks {
			if b.Kind == BlockTable {
				tables++
			}
		}
		for _, p := range a.Paragraphs {
			if strings.Contains(p, "燃气管网更新") {
				joined++
			}
		}
		if a.Byline == "" {
			t.Fatalf("article %d has no byline", a.N)
		}
	}
	if joined == 0 || kickers == 0 || tables == 0 || jumps == 0 {
		t.Errorf("joined %d kickers %d tables %d jumps %d", joined, kickers, tables, jumps)
	}
}

// BenchmarkParseBrokenLines parses a plain text of 100,000 lines, each cut
// mid-sentence by the layout, that repairLayout joins into one paragraph:
// linear (it took 66 s when joining was quadratic).
func BenchmarkParseBrokenLines(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("标题\n\n")
	for i := range 100_000 {
		fmt.Fprintf(&sb, "这一行文字被版面切断了没有结束的句子继续写下去%d字\n", i%10)
	}
	sb.WriteString("。\n")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseBytes(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
