package vec

import (
	"hash/crc32"
	"math/rand/v2"
	"strings"
	"testing"

	"dubao/issue/pageendtest"
)

// TestCRC32C holds CRC32C to hash/crc32's CRC-32C: every length from 0 to
// 300 (each tail of eight, four, two and one bytes), at every alignment
// of a random text, and random texts up to 5,000 bytes.
func TestCRC32C(t *testing.T) {
	tab := crc32.MakeTable(crc32.Castagnoli)
	r := rand.New(rand.NewPCG(17, 9))
	b := make([]byte, 5000)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	src := string(b)
	for n := 0; n <= 300; n++ {
		for at := range 9 {
			s := src[at : at+n]
			if got, want := CRC32C(s), crc32.Checksum([]byte(s), tab); got != want {
				t.Fatalf("CRC32C of %d bytes at %d = %#x, want %#x", n, at, got, want)
			}
		}
	}
	for range 500 {
		at := r.IntN(len(src))
		s := src[at : at+r.IntN(len(src)-at+1)]
		if got, want := CRC32C(s), crc32.Checksum([]byte(s), tab); got != want {
			t.Fatalf("CRC32C of %d bytes = %#x, want %#x", len(s), got, want)
		}
	}
	for _, s := range []string{"", "a", "发展", "要闻\t发展中国家", strings.Repeat("\x00", 17), strings.Repeat("\xff", 33)} {
		if got, want := CRC32C(s), crc32.Checksum([]byte(s), tab); got != want {
			t.Fatalf("CRC32C(%q) = %#x, want %#x", s, got, want)
		}
	}
}

// TestCRC32CPageEnd: CRC32C reads only the bytes of its text (each put at
// the very end of readable memory, pageendtest), every length to 40.
func TestCRC32CPageEnd(t *testing.T) {
	put := pageendtest.New(t)
	tab := crc32.MakeTable(crc32.Castagnoli)
	src := strings.Repeat("中文，青溪河“廊道”全线贯通。", 3)
	for n := 0; n <= 40; n++ {
		s := src[len(src)-n:]
		if got, want := CRC32C(pageendtest.String(put(s))), crc32.Checksum([]byte(s), tab); got != want {
			t.Fatalf("CRC32C(%q) = %#x at a page's end, want %#x", s, got, want)
		}
	}
}

// BenchmarkCRC32C is CRC32C of a headline's length.
func BenchmarkCRC32C(b *testing.B) {
	s := "要闻：推动高质量发展 共同建设美好家园"
	for b.Loop() {
		CRC32C(s)
	}
}
