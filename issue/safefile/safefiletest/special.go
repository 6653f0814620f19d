//go:build unix

// Package safefiletest makes the special files of dubao's attack tests at
// run time (they cannot be committed): a named pipe with no writer, links
// to /dev/zero and /dev/urandom, a folder and a sparse file over
// safefile's size cap, each where a regular file is expected.
package safefiletest

import (
	"os"
	"syscall"
	"testing"
	"time"

	"dubao/issue/safefile"
)

// The kinds of special file Make makes.
const (
	FIFO   = "fifo"   // a named pipe nothing writes to
	Zero   = "zero"   // a link to /dev/zero: endless NUL bytes
	Random = "random" // a link to /dev/urandom: endless random bytes
	Folder = "folder" // a folder
	Huge   = "huge"   // a sparse regular file one byte over safefile.MaxSmall
)

// Kinds lists every kind Make knows.
var Kinds = []string{FIFO, Zero, Random, Folder, Huge}

// Make makes the special file kind at path (its folder must exist) and
// removes it when the test ends.
func Make(t testing.TB, kind, path string) {
	t.Helper()
	var err error
	switch kind {
	case FIFO:
		err = syscall.Mkfifo(path, 0o600)
	case Zero:
		err = os.Symlink("/dev/zero", path)
	case Random:
		err = os.Symlink("/dev/urandom", path)
	case Folder:
		err = os.Mkdir(path, 0o700)
	case Huge:
		var f *os.File
		if f, err = os.Create(path); err == nil {
			err = f.Truncate(safefile.MaxSmall + 1)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
	default:
		t.Fatalf("safefiletest: unknown kind %q", kind)
	}
	if err != nil {
		t.Fatalf("make %s %s: %v", kind, path, err)
	}
	t.Cleanup(func() { os.RemoveAll(path) })
}

// NoHang runs f and fails the test at once if f has not returned after 20
// seconds: a read that blocks (a named pipe) or never ends (/dev/zero)
// fails the test instead of hanging it. It is a guard against hangs, not
// a measure of speed.
func NoHang(t testing.TB, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: still running after 20 seconds (blocked, or reading without end)", what)
	}
}
