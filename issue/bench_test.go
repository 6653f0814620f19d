package issue

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue/internal/issuegen"
)

// genIssue generates an issue of about size bytes (see issuegen.Issue).
func genIssue(size int) []byte { return issuegen.Issue(size) }

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

// BenchmarkStream measures Stream on a generated issue of 10 MB, parts
// handed to nothing, against BenchmarkParse/10MB:
//
//	go test ./issue -run '^$' -bench 'Stream|Parse$/10MB' -benchtime 5x -count 5 -benchmem
func BenchmarkStream(b *testing.B) {
	data := genIssue(10 << 20)
	for _, reuse := range []bool{false, true} {
		b.Run(fmt.Sprintf("reuse=%v", reuse), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				err := Stream(context.Background(), bytes.NewReader(data), int64(len(data)), StreamOptions{Name: "bench", Reuse: reuse}, func(*Issue, []Section, bool) error { return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
