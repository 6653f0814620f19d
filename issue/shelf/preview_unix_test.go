//go:build unix

package shelf

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestPreviewFIFO: a named pipe is never opened to be previewed (opening
// one without a writer would wait).
func TestPreviewFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if Preview(fifo, Options{}) != nil {
		t.Error("a named pipe: previewed")
	}
}
