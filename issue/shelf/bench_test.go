package shelf

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dubao/issue/search"
	"dubao/issue/shelf/shelftest"
)

// The benchmarks run on a generated shelf, written once per run under a
// temporary folder: by default ten years of an eight-page daily (3,650
// issues, about 500 MB). -shelf.days makes it smaller (CI).
var (
	benchDays = flag.Int("shelf.days", 3650, "days of the generated shelf for benchmarks")
	benchDir  = flag.String("shelf.dir", "", "keep the generated benchmark shelf in this folder and reuse it (generated when missing)")
	benchKeep = flag.Int("shelf.keep", 10_000, "hits a search benchmark holds, as a result list would")
)

// benchShelf is the generated shelf of this run, made on first use.
var benchShelf struct {
	once   sync.Once
	dir    string
	remove bool // made under the temporary folder: removed by TestMain
	st     shelftest.Stats
	err    error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if benchShelf.remove {
		os.RemoveAll(benchShelf.dir)
	}
	os.Exit(code)
}

// generatedShelf returns the folder of the benchmark shelf, writing it on
// first use.
func generatedShelf(b *testing.B) (string, shelftest.Stats) {
	b.Helper()
	benchShelf.once.Do(func() {
		c := shelftest.DefaultConfig()
		c.Days = *benchDays
		dir := *benchDir
		if dir == "" {
			var err error
			if dir, err = os.MkdirTemp("", "dubao-shelf-bench-"); err != nil {
				benchShelf.err = err
				return
			}
			benchShelf.remove = true
		}
		benchShelf.dir = dir
		start := time.Now()
		st, generated, err := shelftest.Ensure(dir, c)
		benchShelf.st, benchShelf.err = st, err
		if generated {
			fmt.Fprintf(os.Stderr, "generated shelf: %d issues, %d files, %.0f MB in %v\n",
				st.Issues, st.Files, float64(st.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
		}
	})
	if benchShelf.err != nil {
		b.Fatal(benchShelf.err)
	}
	return benchShelf.dir, benchShelf.st
}

// peaks samples the process's peak memory while a benchmark runs: the
// resident set (VmHWM, reset at the start where Linux allows) and the live
// Go heap (sampled every 10 ms).
type peaks struct {
	stop chan struct{}
	done chan struct{}
	heap uint64
	cpu  time.Duration // process CPU time (user + system) at the start
}

func watchMemory() *peaks {
	runtime.GC()
	// Writing 5 to clear_refs resets the peak RSS of the process (Linux).
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	p := &peaks{stop: make(chan struct{}), done: make(chan struct{}), cpu: cpuTime()}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(p.done)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			p.heap = max(p.heap, sample[0].Value.Uint64())
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

// report stops sampling and reports peak RSS and heap in MB, and the CPU
// time per operation (the machine may be shared: CPU time is what the
// work cost, wall time what it took).
func (p *peaks) report(b *testing.B) {
	close(p.stop)
	<-p.done
	b.ReportMetric(float64((cpuTime()-p.cpu).Milliseconds())/float64(b.N), "ms-cpu/op")
	b.ReportMetric(float64(p.heap)/1e6, "MB-peak-heap")
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(float64(rss)/1e6, "MB-peak-RSS")
	}
}

// peakRSS reads the process's peak resident set size in bytes (Linux), or 0.
func peakRSS() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// BenchmarkScanCold indexes the whole shelf with no cache: every file is
// read and parsed once (what the first `dubao DIR` does).
func BenchmarkScanCold(b *testing.B) {
	dir, st := generatedShelf(b)
	mem := watchMemory()
	b.ResetTimer()
	for b.Loop() {
		s, err := Scan(context.Background(), dir, Options{CacheDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Issues) != st.Issues {
			b.Fatalf("%d issues, want %d", len(s.Issues), st.Issues)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(st.Bytes)/1e6*float64(b.N)/b.Elapsed().Seconds(), "MB/s")
	mem.report(b)
}

// BenchmarkScanWarm opens the shelf with its index cached: the time until
// the shelf can be shown on every later `dubao DIR`.
func BenchmarkScanWarm(b *testing.B) {
	dir, st := generatedShelf(b)
	cache := b.TempDir()
	if _, err := Scan(context.Background(), dir, Options{CacheDir: cache}); err != nil {
		b.Fatal(err)
	}
	mem := watchMemory()
	b.ResetTimer()
	for b.Loop() {
		indexed := 0
		s, err := Scan(context.Background(), dir, Options{CacheDir: cache, Progress: func(_, total int) { indexed = total }})
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Issues) != st.Issues || indexed != 0 {
			b.Fatalf("%d issues (want %d), %d files indexed again", len(s.Issues), st.Issues, indexed)
		}
	}
	b.StopTimer()
	mem.report(b)
}

// BenchmarkSearch searches the whole shelf for a two-character word: a
// rare one (in one issue of a hundred), a place name (in about one issue
// of six) and a common one (in every article). It reports the time to the first batch, to the first hit and
// to the end, and the peak memory.
func BenchmarkSearch(b *testing.B) {
	dir, st := generatedShelf(b)
	s, err := Scan(context.Background(), dir, Options{CacheDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct{ name, q string }{
		{"rare", shelftest.DefaultConfig().Needle}, // in 1% of the issues
		{"medium", "云岭"},                           // in about 18% of the issues
		{"common", "发展"},                           // in every article
	} {
		b.Run(tc.name, func(b *testing.B) {
			mem := watchMemory()
			var firstBatch, firstHit, total time.Duration
			hits := 0
			for b.Loop() {
				hits = 0
				start := time.Now()
				fb, fh := time.Duration(0), time.Duration(0)
				var kept []Hit // held, as the TUI holds its result list (capped)
				for batch := range s.Search(context.Background(), search.New(tc.q), SearchOptions{}) {
					if fb == 0 {
						fb = time.Since(start)
					}
					if fh == 0 && len(batch.Hits) > 0 {
						fh = time.Since(start)
					}
					if batch.Err != nil {
						b.Fatal(batch.Err)
					}
					hits += len(batch.Hits)
					if room := *benchKeep - len(kept); room > 0 {
						kept = append(kept, batch.Hits[:min(room, len(batch.Hits))]...)
					}
				}
				runtime.KeepAlive(kept)
				firstBatch += fb
				firstHit += fh
				total += time.Since(start)
			}
			b.StopTimer()
			if tc.name == "rare" && hits != len(st.NeedleDates) {
				b.Fatalf("%d hits, want %d", hits, len(st.NeedleDates))
			}
			n := float64(b.N)
			b.ReportMetric(float64(firstBatch.Milliseconds())/n, "ms-first-batch")
			b.ReportMetric(float64(firstHit.Microseconds())/1e3/n, "ms-first-hit")
			b.ReportMetric(float64(total.Milliseconds())/n, "ms-done")
			b.ReportMetric(float64(hits), "hits")
			mem.report(b)
		})
	}
}

// BenchmarkScanLazy measures what the reader waits for before it shows a
// shelf: ScanLazy's return, with no cache (cold: the walk and the file
// names only; the indexing it starts is cancelled) and with the index
// cached (warm: complete).
func BenchmarkScanLazy(b *testing.B) {
	dir, st := generatedShelf(b)
	warm := b.TempDir()
	if _, err := Scan(context.Background(), dir, Options{CacheDir: warm}); err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		warm bool
	}{{"cold", false}, {"warm", true}} {
		b.Run(tc.name, func(b *testing.B) {
			mem := watchMemory()
			for b.Loop() {
				cache := warm
				if !tc.warm {
					b.StopTimer()
					cache = b.TempDir()
					b.StartTimer()
				}
				ctx, cancel := context.WithCancel(context.Background())
				s, updates, err := ScanLazy(ctx, dir, Options{CacheDir: cache})
				if err != nil {
					b.Fatal(err)
				}
				if len(s.Issues) != st.Issues || (updates == nil) != tc.warm {
					b.Fatalf("%d issues (want %d), %d pending, updates %v", len(s.Issues), st.Issues, s.Pending, updates != nil)
				}
				b.StopTimer()
				cancel()
				if updates != nil {
					for range updates {
					}
				}
				b.StartTimer()
			}
			b.StopTimer()
			mem.report(b)
		})
	}
}

// BenchmarkGroup groups the records of the whole shelf into issues, as
// every scan does once its records are known (from the index or read).
func BenchmarkGroup(b *testing.B) {
	dir, st := generatedShelf(b)
	cache := b.TempDir()
	if _, err := Scan(context.Background(), dir, Options{CacheDir: cache, NoKey: true}); err != nil {
		b.Fatal(err)
	}
	sc, err := prepare(context.Background(), dir, Options{CacheDir: cache, NoKey: true})
	if err != nil {
		b.Fatal(err)
	}
	if len(sc.todo) != 0 {
		b.Fatalf("%d units to index again", len(sc.todo))
	}
	b.ResetTimer()
	for b.Loop() {
		if entries := group(sc.records, sc.name); len(entries) != st.Issues {
			b.Fatalf("%d issues, want %d", len(entries), st.Issues)
		}
	}
}
