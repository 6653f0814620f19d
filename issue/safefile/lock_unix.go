//go:build unix

package safefile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// Lock takes the lock file name (made if needed, with its folder),
// waiting up to wait for another process to release it (0: not at all),
// and returns the function that releases it. The lock goes with the
// process: one killed while it holds it holds it no more. When another
// process holds it past wait, the error is ErrLocked. On a file system
// that keeps no locks (flock fails with ENOLCK or EOPNOTSUPP: NFS without
// its lock manager, some FUSE ones) it takes none, as where there is no
// flock (lock_other.go): the writers it guards may then race, but still
// write.
func Lock(name string, wait time.Duration) (unlock func(), err error) {
	return lock(name, wait, syscall.Flock)
}

// lock is Lock with the flock call given (a test's stands for a file
// system without locks).
func lock(name string, wait time.Duration, flock func(fd int, how int) error) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		err = flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				_ = flock(int(f.Fd()), syscall.LOCK_UN)
				_ = f.Close()
			}, nil
		}
		if errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) {
			return func() { _ = f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) || !time.Now().Before(deadline) {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, fmt.Errorf("%s: %w for over %v", name, ErrLocked, wait)
			}
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
