package pageendtest

import (
	"runtime/debug"
	"strings"
	"testing"
	"unsafe"
)

// TestNew: the text stands at the end of readable memory — its bytes
// read back, and the byte after the last faults.
func TestNew(t *testing.T) {
	put := New(t)
	for _, s := range []string{"", "a", "中文", strings.Repeat("x", Size)} {
		if b := put(s); string(b) != s || String(b) != s || cap(b) != len(s) {
			t.Fatalf("put(%d bytes) = %d bytes, cap %d", len(s), len(b), cap(b))
		}
	}
	b := put("abc")
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() == nil {
			t.Fatal("the byte after the text could be read")
		}
	}()
	sink = *(*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), len(b)))
}

// sink keeps the read of TestNew from being left out.
var sink byte
