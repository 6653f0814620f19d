//go:build !purego

package textsafe

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// plainRunAVX2 is written in vector_amd64.s.
//
//go:noescape
func plainRunAVX2(p *byte, i, n int, set *asciiSet) (j, carry int)

// hasAVX2 reports whether the processor runs plainRunAVX2.
var hasAVX2 = cpu.X86.HasAVX2

// Vectors reports whether PlainRun reads with vectors on this processor
// (when not, it returns its i).
func Vectors() bool { return hasAVX2 }

// PlainRun returns the character boundary j ≥ i up to which b[i:j] is,
// as far as a vector scan of 32 bytes at a time reads it, only
// characters that are valid and that Bytes keeps: ASCII but the controls
// ('\n' kept) and DEL; two-byte characters from U+00A0 but those led by
// D8; three-byte characters led by E1, E3–EC, by EF but EF BB, by E2 but
// E2 81 and the E2 80 that Bytes changes (U+200E, U+200F, U+2028–
// U+202E). It stops in the 32 bytes that hold anything else, 34 bytes
// before the end at the latest; it returns i where the processor has no
// vectors (Vectors), or in a build with the purego tag, which leaves the
// assembly out (vector_other.go): `go test -tags purego` tests the
// scalar paths alone, as on other processors. TestPlainRun and
// FuzzPlainRun hold it to Changes and utf8.
func PlainRun(b []byte, i int) int {
	return plainRun(unsafe.SliceData(b), len(b), i, &textASCII)
}

// plainRun is PlainRun of the n bytes at p with the ASCII of set.
func plainRun(p *byte, n, i int, set *asciiSet) int {
	if !hasAVX2 || n-i < 34 {
		return i
	}
	j, carry := plainRunAVX2(p, i, n, set)
	if carry != 0 {
		// In the middle of a character: back to its lead.
		for j--; *(*byte)(unsafe.Add(unsafe.Pointer(p), j))&0xC0 == 0x80; j-- {
		}
	}
	return j
}

// asciiSet is the ASCII plainRunAVX2 passes, each byte repeated for a
// vector: what is above 1F but the three excluded bytes ex, and keep.
type asciiSet struct {
	ex   [3][32]byte
	keep [32]byte
}

// newASCIISet returns the set of ASCII above 1F but ex, and keep.
func newASCIISet(ex [3]byte, keep byte) (s asciiSet) {
	for k := range 32 {
		s.ex[0][k], s.ex[1][k], s.ex[2][k], s.keep[k] = ex[0], ex[1], ex[2], keep
	}
	return s
}

// The ASCII of text that Bytes keeps (not DEL; '\n'), of a line that
// Line keeps (not DEL; a space, which is there already, for keep), and
// of a string AppendJSONString writes as it is (not DEL, '"', '\\'; a
// space).
var (
	textASCII = newASCIISet([3]byte{0x7F, 0x7F, 0x7F}, '\n')
	lineASCII = newASCIISet([3]byte{0x7F, 0x7F, 0x7F}, ' ')
	jsonASCII = newASCIISet([3]byte{0x7F, '"', '\\'}, ' ')
)

// linePlainRun is PlainRun for IsLine: it passes the characters of s
// from i that Line keeps (as PlainRun's, but not '\n'), and then those
// of its last 34 bytes too (the first vector scan stops short of them),
// from the character boundary before them, so that at most the last two
// bytes are left to the scalar scan.
func linePlainRun(s string, i int) int {
	p, n := unsafe.StringData(s), len(s)
	i = plainRun(p, n, i, &lineASCII)
	if k := n - 34; k > 0 && n-i > 2 {
		for k > 0 && s[k]&0xC0 == 0x80 {
			k--
		}
		if k <= i {
			// s[k:i] passed already: what this run passes from k
			// follows what the first one passed.
			i = max(i, plainRun(p, n, k, &lineASCII))
		}
	}
	return i
}

// jsonPlainRun is PlainRun for AppendJSONString: it passes the
// characters of s from i that it writes as they are.
func jsonPlainRun(s string, i int) int {
	return plainRun(unsafe.StringData(s), len(s), i, &jsonASCII)
}
