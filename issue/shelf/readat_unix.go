//go:build unix

package shelf

import (
	"io/fs"
	"syscall"
)

// readAt reads the file name into a at offset ao and, when b is not nil,
// into b at offset bo, with plain system calls (the cache checks the ends
// of every file of a shelf at each start: os.File's bookkeeping costs more
// than the reads). It never waits for a writer (O_NONBLOCK) and returns
// how much it read into a (and b, which must be filled).
func readAt(name string, a []byte, ao int64, b []byte, bo int64) (int, error) {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC|syscall.O_NOCTTY, 0)
	if err != nil {
		return 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	n, err := preadFull(fd, a, ao)
	if err == nil && b != nil {
		var m int
		if m, err = preadFull(fd, b, bo); err == nil && m < len(b) {
			err = syscall.EIO // the file shrank
		}
	}
	if err != nil {
		return 0, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return n, nil
}

// preadFull reads into p at off until p is full or the file ends.
func preadFull(fd int, p []byte, off int64) (int, error) {
	n := 0
	for n < len(p) {
		m, err := syscall.Pread(fd, p[n:], off+int64(n))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return n, err
		}
		if m == 0 {
			break
		}
		n += m
	}
	return n, nil
}
