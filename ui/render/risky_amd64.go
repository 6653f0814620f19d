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
