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

// hasWalks reports whether the processor runs MarksWalk's walks (with
// the marks' vectors, its population counts).
var hasWalks = hasAVX2 && cpu.X86.HasPOPCNT

// MarksWalk walks back from start and on from end over the characters
// of s (a text of 66 bytes or more, a match s[start:end] in it) whose bytes
// Marks marks in the 64 bytes before start and in the 64 from end, for
// the bounds of a snippet of the match: back to the start of its sentence
// and on past its end, at most limit characters each way. It reports
// where each walk stops, how many characters it passed, and whether it
// stopped at a sentence end:
//
//   - back (from, n, atEnd): it passes whole characters only, up to the
//     last odd byte before start or the start of the marked bytes; it
//     stops after the last sentence end before start unless more than
//     limit characters lie after it (atEnd: the character before from
//     ends a sentence), after limit characters, or where the marked
//     characters end (from where the walk is to go on one character at
//     a time);
//   - on (to, nOn, ends): it passes whole characters only, up to the
//     first odd byte or a character that may go on past the marked
//     bytes; it stops after the first sentence end unless that is past
//     the first limit characters (ends: the last character passed ends
//     a sentence; closing marks after it are not passed), after limit
//     characters, or where the marked characters end.
//
// A walk from inside a character (one from start-2 or start-1 would go
// on past start; the same on from end), or where the processor has no
// vectors for the marks, passes none: from is start, to is end, counts 0.
//
// It is written in marks_amd64.s, where it walks when hasWalks (else,
// and for a text of less than 66 bytes or a match that is not in it, it
// passes none).
//
//go:noescape
func MarksWalk(s string, start, end, limit int) (from, n int, atEnd bool, to, nOn int, ends bool)

// marks is Marks with vectors (hasAVX2, i and j checked).
func marks(s string, i, j int, m *[6]uint64) {
	marksAVX2(unsafe.StringData(s), i, j, &marksConsts, m)
}
