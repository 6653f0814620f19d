package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"dubao/issue/script"
	"dubao/issue/search"
	"dubao/issue/shelf"
)

// TestSearchLinesByWorkers holds the lines the search's workers make
// (searchLines, shelf.SearchOptions.Lines) to those made from the hits
// of each batch (shelfLines): the same bytes and the same count, on a
// shelf of random issues with controls, escape sequences, tabs, line
// breaks, invalid bytes, bidirectional controls, spaces at a snippet's
// ends, untitled articles, sentences said twice (one line per article
// and LINE) and issues of page files, searched first without the shelf's cache, then with the
// outlines the first search made (the hits found from the text, not a
// parse).
func TestSearchLinesByWorkers(t *testing.T) {
	dir := t.TempDir()
	pieces := []string{"发展", "发展", "中国", "经济", "。", "，", "！", "？", "；", "”", "」", "）", " ", "\u3000",
		"a", "GDP", "5.2%", "\t", "\n", "\r", "\x1b[31m", "\x07", "\u202e", "\u009b", "\u2028", "\ufeff",
		"\xff", "\xe5", "…", "é", "😀", "發展", "发\n展", "，发展。"}
	titles := []string{"发展之路", " 发展 ", "\u3000标题", "标\t题", "\x1b]0;x\x07发展", "", "发展\xe5", "经济，发展"}
	rng := rand.New(rand.NewPCG(17, 7))
	for d := range 40 {
		var b strings.Builder
		fmt.Fprintf(&b, "# 测试日报 2021年3月%d日\n\n", d+1)
		var pages []string // an issue of page files (its files map)
		for a := range 1 + rng.IntN(5) {
			if d%4 == 0 && a > 0 {
				pages = append(pages, b.String())
				b.Reset()
			}
			fmt.Fprintf(&b, "## 第%d版\n\n", a+1)
			if title := titles[rng.IntN(len(titles))]; title != "" {
				fmt.Fprintf(&b, "### %s\n\n", title)
			}
			var para strings.Builder
			for range 1 + rng.IntN(4) {
				para.Reset()
				for range 5 + rng.IntN(120) {
					if rng.IntN(3) > 0 {
						para.WriteString(pieces[rng.IntN(4)])
					} else {
						para.WriteString(pieces[rng.IntN(len(pieces))])
					}
				}
				p := para.String()
				if rng.IntN(4) == 0 {
					p += p // said twice
				}
				b.WriteString(p + "\n\n")
			}
		}
		name := filepath.Join(dir, fmt.Sprintf("2021-03-%02d.md", d+1))
		if pages != nil {
			pages = append(pages, b.String())
			for i, p := range pages {
				name := filepath.Join(dir, fmt.Sprintf("2021-03-%02d_%02d.md", d+1, i+1))
				if err := os.WriteFile(name, []byte(p), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	cache, err := shelf.DefaultCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	search1 := func(q string, byWorkers bool) (string, int) {
		s, err := shelf.Scan(context.Background(), dir, shelf.Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		var screen bytes.Buffer
		r := &runner{stdout: &screen, stderr: &screen, root: &cobra.Command{Use: "dubao"}}
		out := bufio.NewWriterSize(r.stdout, 64<<10)
		n, err := r.searchShelfBy(context.Background(), out, s, search.New(q), script.None, byWorkers)
		if err == nil {
			err = out.Flush()
		}
		if err != nil {
			t.Fatal(err)
		}
		return screen.String(), n
	}
	for round := range 2 { // without the cache, then with it
		for _, q := range []string{"发展", "中国", "展", "。", "，", "a", "GDP", "\u3000", "发 展"} {
			want, wn := search1(q, false)
			got, gn := search1(q, true)
			if got != want || gn != wn {
				t.Fatalf("round %d, %q: by the workers %d lines\n%q\nfrom the hits %d lines\n%q", round, q, gn, got, wn, want)
			}
			if round == 0 && q == "发展" && wn < 100 {
				t.Fatalf("%q: only %d lines", q, wn)
			}
		}
	}
}
