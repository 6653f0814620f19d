//go:build !linux

package pageendtest

import (
	"testing"
	"unsafe"
)

// New skips t: pages are set up so on Linux only.
func New(t testing.TB) func(s string) []byte {
	t.Helper()
	t.Skip("pageendtest: Linux only")
	return nil
}

// String is b as a string, sharing its memory.
func String(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
