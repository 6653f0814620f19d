package pageendtest

import (
	"syscall"
	"testing"
	"unsafe"
)

// New returns a function that copies s to the end of a page whose next
// page may not be read and returns those bytes, valid until the next
// call; the memory is freed when t ends. It skips t where the system
// cannot set pages up so.
func New(t testing.TB) func(s string) []byte {
	t.Helper()
	ps := syscall.Getpagesize()
	n := (Size + ps - 1) / ps * ps
	mem, err := syscall.Mmap(-1, 0, n+ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	t.Cleanup(func() { _ = syscall.Munmap(mem) })
	if err := syscall.Mprotect(mem[n:], syscall.PROT_NONE); err != nil {
		t.Skipf("mprotect: %v", err)
	}
	return func(s string) []byte {
		if len(s) > Size {
			t.Fatalf("pageendtest: a text of %d bytes, more than %d", len(s), Size)
		}
		b := mem[n-len(s) : n : n]
		copy(b, s)
		return b
	}
}

// String is b as a string, sharing its memory (not a copy, which would
// not stand at the page's end).
func String(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
