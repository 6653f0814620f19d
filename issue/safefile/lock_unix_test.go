//go:build unix

package safefile

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
)

// TestLock: a lock held (by this process's other open file, as by
// another process) is ErrLocked to a Lock that does not wait, and free
// again once released; on a file system that keeps no locks, Lock takes
// none instead of failing (a search's cache and the reading state are
// then still saved).
func TestLock(t *testing.T) {
	name := filepath.Join(t.TempDir(), "sub", "x.lock")
	unlock, err := Lock(name, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(name, 0); !errors.Is(err, ErrLocked) {
		t.Errorf("Lock of a held lock: %v, want ErrLocked", err)
	}
	unlock()
	again, err := Lock(name, 0)
	if err != nil {
		t.Fatalf("Lock once released: %v", err)
	}
	again()

	for _, errno := range []syscall.Errno{syscall.ENOLCK, syscall.EOPNOTSUPP} {
		none := func(int, int) error { return errno }
		unlock, err := lock(name, 0, none)
		if err != nil {
			t.Errorf("no locks (%v): %v, want no lock taken and no error", errno, err)
			continue
		}
		unlock()
	}
	// Any other failure is still one.
	if _, err := lock(name, 0, func(int, int) error { return syscall.EBADF }); err == nil {
		t.Error("flock failing with EBADF: no error")
	}
}
