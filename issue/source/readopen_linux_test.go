package source

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadOpen: Buffers.ReadOpen gives the bytes of a file open as fd
// only when one read gives exactly the size the caller says (its fstat):
// not when the file grew or shrank since, nor for an empty file, a
// folder or a named pipe (which it never waits for); and what it read
// into a buffer is not given for the next file.
func TestReadOpen(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.md")
	data := []byte("# 第一版 要闻\n\n## 发展\n\n正文。\n")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	open := func(p string) int {
		t.Helper()
		fd, err := syscall.Open(p, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { syscall.Close(fd) })
		return fd
	}
	var b Buffers
	for _, tc := range []struct {
		name string
		path string
		size int64
		ok   bool
	}{
		{"the size", name, int64(len(data)), true},
		{"grown since", name, int64(len(data)) - 3, false},
		{"shrunk since", name, int64(len(data)) + 3, false},
		{"the size again", name, int64(len(data)), true},
		{"empty", filepath.Join(dir, "empty.md"), 0, false},
		{"a folder", dir, 4096, false},
		{"a named pipe", filepath.Join(dir, "pipe.md"), 10, false},
	} {
		got, ok := b.ReadOpen(1, open(tc.path), tc.size)
		if ok != tc.ok || ok && string(got) != string(data) || !ok && len(got) != 0 {
			t.Errorf("%s: ReadOpen gave %q, %v; want ok %v", tc.name, got, ok, tc.ok)
		}
	}
}
