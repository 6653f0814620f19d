//go:build !unix

package source

import "errors"

// mkfifo fails: no named pipes here.
func mkfifo(p string) error { return errors.ErrUnsupported }
