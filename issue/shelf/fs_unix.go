//go:build unix

package shelf

import (
	"io/fs"
	"syscall"
)

// deviceOf returns the device (the file system) that info's file is on.
func deviceOf(info fs.FileInfo) (uint64, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Dev), true //nolint:unconvert // int32 on some systems
}
