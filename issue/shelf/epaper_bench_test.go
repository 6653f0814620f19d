package shelf

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"dubao/issue/source/epaper/epapertest"
)

// BenchmarkOpenEpaperDay opens a saved e-paper day of 20 layout pages and
// 120 article pages (a wget mirror's folders, generated) as `dubao DIR`
// does: the folder walked, its pages read and parsed as one issue —
// once, with or without the cache of an earlier run: without it, the
// issue parsed to index the day is the one opened.
func BenchmarkOpenEpaperDay(b *testing.B) {
	dir := b.TempDir()
	size := 0
	for _, f := range epapertest.Large(epapertest.RMRB, 20, 120, 12).Files() {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
		size += len(f.Data)
	}
	for _, cached := range []bool{false, true} {
		name := "no cache"
		opt := Options{}
		if cached {
			name, opt.CacheDir = "cached", b.TempDir()
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				l, s, err := OpenPath(context.Background(), dir, opt)
				if err != nil || s != nil || l.Issue.Count() != 120 {
					b.Fatalf("%v, shelf %v", err, s != nil)
				}
			}
		})
	}
}
