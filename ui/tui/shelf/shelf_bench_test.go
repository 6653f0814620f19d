package shelf

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/issue/shelf/shelftest"
	"dubao/ui/state"
)

// The shelf benchmarks run on a generated shelf: by default ten years of
// an eight-page daily (3,650 issues, about 530 MB), written once per run
// under a temporary folder, or kept in -shelf.dir.
var (
	benchDays = flag.Int("shelf.days", 3650, "days of the generated shelf for the shelf benchmarks")
	benchDir  = flag.String("shelf.dir", "", "keep the generated benchmark shelf in this folder and reuse it (generated when missing)")
)

// benchShelf is the generated shelf of this run.
var benchShelf struct {
	once sync.Once
	dir  string
	err  error
}

// generatedShelf returns the folder of the benchmark shelf, writing it on
// first use; a folder made here is removed when b's run ends.
func generatedShelf(b *testing.B) string {
	b.Helper()
	benchShelf.once.Do(func() {
		c := shelftest.DefaultConfig()
		c.Days = *benchDays
		dir := *benchDir
		if dir == "" {
			var err error
			if dir, err = os.MkdirTemp("", "dubao-ui-shelf-bench-"); err != nil {
				benchShelf.err = err
				return
			}
		}
		benchShelf.dir = dir
		start := time.Now()
		st, generated, err := shelftest.Ensure(dir, c)
		benchShelf.err = err
		if generated {
			fmt.Fprintf(os.Stderr, "generated shelf: %d issues, %d files, %.0f MB in %v\n",
				st.Issues, st.Files, float64(st.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
		}
	})
	if benchShelf.err != nil {
		b.Fatal(benchShelf.err)
	}
	if *benchDir == "" {
		b.Cleanup(func() { os.RemoveAll(benchShelf.dir) })
	}
	return benchShelf.dir
}

// BenchmarkShelfFirstFrame is the time from `dubao DIR` to the first
// frame of the shelf: the folder's walk (and its cached index), the shelf
// page and its first View at 100×30. Cold: no cache (dates from the file
// names, the indexing only started); warm: the index cached by an earlier
// run, the shelf complete.
func BenchmarkShelfFirstFrame(b *testing.B) {
	dir := generatedShelf(b)
	warm := b.TempDir()
	if _, err := shelf.Scan(context.Background(), dir, shelf.Options{CacheDir: warm}); err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		warm bool
	}{{"cold", false}, {"warm", true}} {
		b.Run(tc.name, func(b *testing.B) {
			store := state.Open(b.TempDir())
			for b.Loop() {
				cache := warm
				if !tc.warm {
					b.StopTimer()
					cache = b.TempDir()
					b.StartTimer()
				}
				ctx, cancel := context.WithCancel(context.Background())
				s, updates, err := shelf.ScanLazy(ctx, dir, shelf.Options{CacheDir: cache})
				if err != nil {
					b.Fatal(err)
				}
				m := newPage(s, updates, store)
				m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
				frame := m.View().Content
				b.StopTimer()
				if !strings.Contains(frame, "书架") || (updates == nil) != tc.warm {
					b.Fatalf("first frame (updates %v):\n%s", updates != nil, frame)
				}
				cancel()
				if updates != nil {
					for range updates {
					}
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkShelfSearchFirstHit is the time from enter in the shelf's
// search prompt to the first result on screen, and to the end of the
// search, for a word in one issue of a hundred (蓝鲸) and one in every
// article (发展, stopped at the results limit).
func BenchmarkShelfSearchFirstHit(b *testing.B) {
	dir := generatedShelf(b)
	s, err := shelf.Scan(context.Background(), dir, shelf.Options{CacheDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"蓝鲸", "发展"} {
		b.Run(q, func(b *testing.B) {
			m := newPage(s, nil, nil)
			m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			p := m.shelf
			p.searchPause, p.batchMax = searchPause, batchMax
			var first, done time.Duration
			for b.Loop() {
				start := time.Now()
				p.find.query = ""
				cmd := p.startSearch(q)
				seen := false
				for cmd != nil {
					msg := cmd()
					_, cmd = m.Update(msg)
					if !seen && len(p.find.hits) > 0 {
						_ = m.View()
						first += time.Since(start)
						seen = true
					}
				}
				done += time.Since(start)
				if !seen || p.find.running {
					b.Fatalf("search %q: %d hits, running %v", q, len(p.find.hits), p.find.running)
				}
			}
			b.ReportMetric(float64(first.Microseconds())/1e3/float64(b.N), "ms-first-hit")
			b.ReportMetric(float64(done.Milliseconds())/float64(b.N), "ms-done")
		})
	}
}
