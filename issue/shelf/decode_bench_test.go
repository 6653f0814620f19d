package shelf

import (
	"context"
	"testing"

	"dubao/issue/search"
)

// BenchmarkDecodeOutlines decodes the outlines (and files maps) a search
// of a generated shelf keeps, as a search that reads them does.
func BenchmarkDecodeOutlines(b *testing.B) {
	c := smallConfig()
	c.Days = 120
	dir, _ := generated(b, c)
	opt := Options{CacheDir: b.TempDir(), Search: true}
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		b.Fatal(err)
	}
	for range s.Search(context.Background(), search.New(c.Needle), SearchOptions{}) {
	}
	pf := readPrefilters(opt, dir)
	var recs [][]byte
	size := 0
	for _, e := range s.Issues {
		if o := pf.outlineOf(e.key()); o != nil {
			recs = append(recs, o)
			size += len(o)
		}
	}
	pf.close()
	if len(recs) == 0 {
		b.Fatal("no outlines")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range recs {
			if decodeOutline(r) == nil && decodeFilesMap(r) == nil {
				b.Fatal("a record does not read")
			}
		}
	}
}
