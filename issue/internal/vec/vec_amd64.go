//go:build !purego

package vec

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// index3AVX2 is written in vec_amd64.s.
//
//go:noescape
func index3AVX2(p *byte, n int, needle *[3][32]byte) (j, found int)

// hasAVX2 reports whether the processor runs index3AVX2.
var hasAVX2 = cpu.X86.HasAVX2

// index looks for the needle in s 32 places at a time while 34 bytes are
// left: found, its index; not found, where the rest of s is to be
// searched (0 without AVX2).
func (n *Needle3) index(s string) (int, bool) {
	if !hasAVX2 || len(s) < 34 {
		return 0, false
	}
	j, found := index3AVX2(unsafe.StringData(s), len(s), &n.b)
	return j, found != 0
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
