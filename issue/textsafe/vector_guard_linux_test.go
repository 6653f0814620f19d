package textsafe

import (
	"bytes"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestVectorsPageEnd: PlainRun and AppendJSONString never read past the
// end of their text. Each text is put at the very end of a page whose
// next page may not be read, so that a read beyond len faults; every
// length from 0 to 300, ending on a whole character, mid-character, on a
// control and on a byte JSON escapes. AppendJSONString writes there what
// it writes for the same text elsewhere.
func TestVectorsPageEnd(t *testing.T) {
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
		for _, tail := range []string{"", "中", "é", "a", "\r", "\xe4\xb8", "\u2028", `"`, "\\"} {
			s := src[len(src)-n:] + tail
			b := mem[ps-len(s) : ps]
			copy(b, s)
			for i := 0; i < min(len(b), 40); i++ {
				if j := PlainRun(b, i); j < i || j > len(b) {
					t.Fatalf("PlainRun(%q, %d) = %d", b, i, j)
				}
			}
			// The string of the page's bytes, not a copy.
			at := unsafe.String(unsafe.SliceData(b), len(b))
			if got, want := AppendJSONString(nil, at), AppendJSONString(nil, s); !bytes.Equal(got, want) {
				t.Fatalf("%q: %s at a page's end, %s elsewhere", s, got, want)
			}
		}
	}
}
