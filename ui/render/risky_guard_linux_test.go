package render

import (
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestHasRiskyPageEnd: hasRisky and lineClean never read past the end of
// their text.
// Each text is put at the very end of a page whose next page may not be
// read, so that a read beyond len faults; every length from 0 to 300,
// ending on a whole character, mid-character and on a risky one. It says
// there what it says of the same text elsewhere.
func TestHasRiskyPageEnd(t *testing.T) {
	ps := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 2*ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	defer func() { _ = syscall.Munmap(mem) }()
	if err := syscall.Mprotect(mem[ps:], syscall.PROT_NONE); err != nil {
		t.Skipf("mprotect: %v", err)
	}
	src := strings.Repeat(riskyLong, 6)
	for n := 0; n <= 300; n++ {
		for _, tail := range []string{"", "中", "\xe4\xb8", "☰", "a", "\xef\xbc"} {
			s := src[len(src)-n:] + tail
			b := mem[ps-len(s) : ps]
			copy(b, s)
			at := unsafe.String(unsafe.SliceData(b), len(b))
			if got, want := hasRisky(at), hasRiskyBytes(s); got != want {
				t.Fatalf("hasRisky(%q) = %v at a page's end, want %v", s, got, want)
			}
			if got, want := lineClean(at), lineCleanFrom(s, 0); got != want {
				t.Fatalf("lineClean(%q) = %v at a page's end, want %v", s, got, want)
			}
		}
	}
}
