//go:build !unix

package shelf

import (
	"io"
	"os"
)

// readAt reads the file name into a at offset ao and, when b is not nil,
// into b at offset bo, and returns how much it read into a (and b, which
// must be filled).
func readAt(name string, a []byte, ao int64, b []byte, bo int64) (int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, err := f.ReadAt(a, ao)
	if err != nil && err != io.EOF {
		return 0, err
	}
	if b != nil {
		if _, err := f.ReadAt(b, bo); err != nil {
			return 0, err
		}
	}
	return n, nil
}
