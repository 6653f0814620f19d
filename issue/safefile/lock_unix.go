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
// process holds it past wait, the error is ErrLocked.
func Lock(name string, wait time.Duration) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				_ = f.Close()
			}, nil
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
