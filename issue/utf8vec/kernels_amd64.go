//go:build !purego

package utf8vec

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// The kernels, written in kernels_amd64.s.
//
//go:noescape
func plainRunAVX2(p *byte, i, n int, set *ASCII) (j, carry int)

//go:noescape
func cleanRunAVX2(p *byte, i, n int) (j, carry int)

//go:noescape
func hanRunAVX2(p *byte, i, n int) int

// hasAVX2 reports whether the processor runs the kernels.
var hasAVX2 = cpu.X86.HasAVX2

// Vectors reports whether the kernels read with vectors on this processor
// (when not, each returns where it started).
func Vectors() bool { return hasAVX2 }

// PlainRun returns the character boundary j ≥ i up to which s[i:j] is,
// as far as the vectors read it 32 bytes at a time, only characters that
// are valid and that textsafe keeps as they are: the ASCII of set; two-byte
// characters from U+00A0 but those led by D8; three-byte characters led
// by E1, E3–EC, by EF but EF BB, by E2 but E2 81 and the E2 80 that
// textsafe changes (U+200E, U+200F, U+2028–U+202E). It stops in the 32
// bytes that hold anything else, 34 bytes before the end at the latest.
func PlainRun(s string, i int, set *ASCII) int {
	if !hasAVX2 || len(s)-i < 34 {
		return i
	}
	j, carry := plainRunAVX2(unsafe.StringData(s), i, len(s), set)
	return lead(s, j, carry)
}

// CleanRun returns the character boundary j ≥ i up to which s[i:j] is, as
// the vectors read it, only printable ASCII (20–7E) and the three-byte
// characters U+2010–U+2027, U+3000–U+9FFF and U+FF00–U+FF7F.
func CleanRun(s string, i int) int {
	if !hasAVX2 || len(s)-i < 34 {
		return i
	}
	j, carry := cleanRunAVX2(unsafe.StringData(s), i, len(s))
	return lead(s, j, carry)
}

// HanRun returns j ≥ i such that s[i:j] holds no byte from CC up but the
// leads of U+4E00–U+9FFF, U+2010–U+2027, U+3000–U+302D and U+FF01–U+FF5E
// (with their continuation bytes), as the vectors read it; the bytes below
// CC (U+0000–U+02FF, continuation bytes, invalid bytes) pass one by one,
// so j may stand inside a character.
func HanRun(s string, i int) int {
	if !hasAVX2 || len(s)-i < 34 {
		return i
	}
	return hanRunAVX2(unsafe.StringData(s), i, len(s))
}

// lead returns j, or where carry says that j stands inside a character
// (the continuation bytes the block at j had to start with), the start of
// that character.
func lead(s string, j, carry int) int {
	if carry != 0 {
		for j--; s[j]&0xC0 == 0x80; j-- {
		}
	}
	return j
}
