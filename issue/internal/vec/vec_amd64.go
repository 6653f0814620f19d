//go:build !purego

package vec

import (
	"strings"
	"unsafe"

	"golang.org/x/sys/cpu"
)

// index3AVX2 is written in vec_amd64.s.
//
//go:noescape
func index3AVX2(p *byte, n int, needle *[3][32]byte) int

// hasAVX2 reports whether the processor runs index3AVX2.
var hasAVX2 = cpu.X86.HasAVX2

// crc32cSSE42 is written in crc_amd64.s.
//
//go:noescape
func crc32cSSE42(p *byte, n int) uint32

// hasSSE42 reports whether the processor runs crc32cSSE42.
var hasSSE42 = cpu.X86.HasSSE42

// Index returns the index of the first instance of the needle in s, or
// −1: strings.Index(s, seq), with vectors for 34 bytes or more.
func (n *Needle3) Index(s string) int {
	if hasAVX2 && len(s) >= 34 {
		return index3AVX2(unsafe.StringData(s), len(s), &n.b)
	}
	return strings.Index(s, n.seq)
}

// indexAnyAVX2 is written in vec_amd64.s.
//
//go:noescape
func indexAnyAVX2(p *byte, n int, set *[8][32]byte) int

// indexAny is Index with vectors, for 32 bytes or more: done is false
// where the bytes are to be looked at one by one.
func (s *Set) indexAny(str string) (i int, done bool) {
	if !hasAVX2 || len(str) < 32 {
		return 0, false
	}
	return indexAnyAVX2(unsafe.StringData(str), len(str), &s.b), true
}

// unsafeString is b as a string, sharing its memory (only read).
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// marksAVX2 is written in marks_amd64.s.
//
//go:noescape
func marksAVX2(p *byte, i, j int, c *[16][32]byte, m *[6]uint64)

// marks is Marks with vectors (hasAVX2, i and j checked).
func marks(s string, i, j int, m *[6]uint64) {
	marksAVX2(unsafe.StringData(s), i, j, &marksConsts, m)
}
