package epaper

import (
	"bytes"
	"crypto/md5"
	"testing"

	"dubao/issue/source/epaper/epapertest"

	"golang.org/x/net/html"
)

// BenchmarkReadDay reads a generated day of 20 layout pages and 120
// article pages (人民日报's current system) as one issue; MB/s counts the
// HTML read.
func BenchmarkReadDay(b *testing.B) {
	for _, sys := range []string{epapertest.RMRB, epapertest.Founder} {
		b.Run(sys, func(b *testing.B) {
			var files []File
			size := 0
			for _, f := range epapertest.Large(sys, 20, 120, 12).Files() {
				files = append(files, File{Name: f.Path, Data: f.Data})
				size += len(f.Data)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				is, err := ReadDay(files, "")
				if err != nil || is.Count() != 120 {
					b.Fatalf("%v, %d articles", err, is.Count())
				}
			}
		})
	}
}

// BenchmarkReference parses the same HTML with golang.org/x/net/html
// alone and sums it with MD5: the references the speed of ReadDay is told
// against on a busy machine.
func BenchmarkReference(b *testing.B) {
	var data [][]byte
	size := 0
	for _, f := range epapertest.Large(epapertest.RMRB, 20, 120, 12).Files() {
		data = append(data, f.Data)
		size += len(f.Data)
	}
	b.Run("html.Parse", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range data {
				if _, err := html.Parse(bytes.NewReader(d)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("md5", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, d := range data {
				md5.Sum(d)
			}
		}
	})
}
