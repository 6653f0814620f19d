//go:build !purego

package render

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// plainRunAVX2 is written in risky_amd64.s.
//
//go:noescape
func plainRunAVX2(p *byte, i, n int) int

// hasAVX2 reports whether the processor runs plainRunAVX2.
var hasAVX2 = cpu.X86.HasAVX2

// plainRun returns j ≥ i such that s[i:j] holds no byte from CC up but
// the leads of the characters hasRisky passes by their bytes (so none it
// would decode), read by vectors 32 bytes at a time; i where there are
// none, or fewer than 34 bytes from i. j may fall inside a character:
// hasRisky passes the bytes below CC one by one.
func plainRun(s string, i int) int {
	if !hasAVX2 || len(s)-i < 34 {
		return i
	}
	return plainRunAVX2(unsafe.StringData(s), i, len(s))
}

// cleanRunAVX2 is written in plainsafe_amd64.s.
//
//go:noescape
func cleanRunAVX2(p *byte, i, n int) (j, carry int)

// cleanRun returns the character boundary j up to which s[:j] is, as
// vectors read it 32 bytes at a time, only characters lineClean passes;
// 0 without vectors or with fewer than 34 bytes.
func cleanRun(s string) int {
	if !hasAVX2 || len(s) < 34 {
		return 0
	}
	j, carry := cleanRunAVX2(unsafe.StringData(s), 0, len(s))
	if carry != 0 {
		// In the middle of a character: back to its lead.
		for j--; s[j]&0xC0 == 0x80; j-- {
		}
	}
	return j
}
