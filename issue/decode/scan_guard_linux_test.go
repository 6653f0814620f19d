package decode

import (
	"strings"
	"syscall"
	"testing"
)

// TestScanPageEnd: the scans never read past the end of their data. Each
// text is put at the very end of a page whose next page may not be read,
// so that a read beyond len (a vector load of a whole block, a word of
// the automaton) faults; every length from 0 to 300, ending on a whole
// character, mid-character and on a control.
func TestScanPageEnd(t *testing.T) {
	ps := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 2*ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	defer func() { _ = syscall.Munmap(mem) }()
	if err := syscall.Mprotect(mem[ps:], syscall.PROT_NONE); err != nil {
		t.Skipf("mprotect: %v", err)
	}
	src := strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、9℃·abc\n", 40)
	for n := 0; n <= 300; n++ {
		for _, tail := range []string{"", "中", "é", "a", "\r", "\xe4\xb8", "\u2028"} {
			s := src[len(src)-n:] + tail
			b := mem[ps-len(s) : ps]
			copy(b, s)
			checkScan(t, b)
		}
	}
}
