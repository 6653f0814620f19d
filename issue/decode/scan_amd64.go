package decode

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// plainRunAVX2 is written in scan_amd64.s.
//
//go:noescape
func plainRunAVX2(p *byte, i, n int) (j, carry int)

// hasAVX2 reports whether the processor runs plainRunAVX2.
var hasAVX2 = cpu.X86.HasAVX2

// plainRun returns the character boundary j ≥ i up to which data[i:j]
// is, as far as a vector scan of 32 bytes at a time reads it, only
// characters that are valid and that textsafe.Bytes keeps: ASCII but
// the controls ('\n' kept) and DEL; two-byte characters from U+00A0 but
// those led by D8; three-byte characters led by E1, E3–EC, by EF but EF
// BB, by E2 but E2 81 and the E2 80 that Bytes changes (U+200E, U+200F,
// U+2028–U+202E). It stops in the 32 bytes that hold anything else (a
// character scanChar must read), 34 bytes before the end at the latest;
// it returns i where the processor has no AVX2. TestPlainRun and
// FuzzPlainRun hold it to scanChar.
func plainRun(data []byte, i int) int {
	if !hasAVX2 || len(data)-i < 34 {
		return i
	}
	j, carry := plainRunAVX2(unsafe.SliceData(data), i, len(data))
	if carry != 0 {
		// In the middle of a character: back to its lead.
		for j--; data[j]&0xC0 == 0x80; j-- {
		}
	}
	return j
}
