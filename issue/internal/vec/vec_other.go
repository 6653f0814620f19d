//go:build !amd64 || purego

package vec

import (
	"strings"
	"unsafe"
)

// hasAVX2 is false: no vectors on this architecture, or in a build with
// the purego tag, which leaves the assembly out (`go test -tags purego`
// tests the scalar paths alone).
const hasAVX2 = false

// hasSSE42 is false: CRC32C asks hash/crc32 (see hasAVX2).
const hasSSE42 = false

// crc32cSSE42 is never called (see hasSSE42).
func crc32cSSE42(p *byte, n int) uint32 { panic("vec: no CRC32 instruction") }

// Index returns the index of the first instance of the needle in s, or
// −1: strings.Index(s, seq).
func (n *Needle3) Index(s string) int { return strings.Index(s, n.seq) }

// indexAny returns done false: no vectors here (see hasAVX2).
func (s *Set) indexAny(str string) (i int, done bool) { return 0, false }

// unsafeString is b as a string, sharing its memory (only read).
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// hasWalks is false: no vectors here (see hasAVX2).
const hasWalks = false

// MarksWalk walks nothing: no vectors here (see hasAVX2). On amd64 it
// walks from a match over the characters Marks marks around it.
func MarksWalk(s string, start, end, limit int) (from, n int, atEnd bool, to, nOn int, ends bool) {
	return start, 0, false, end, 0, false
}

// marks marks nothing: no vectors here (see hasAVX2).
func marks(s string, i, j int, m *[6]uint64) {}
