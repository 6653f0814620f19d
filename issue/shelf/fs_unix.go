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

// identity returns the inode of info's file and the time its inode last
// changed (any write, rename or change of its times changes it, and no
// tool can set it back), in Unix nanoseconds.
func identity(info fs.FileInfo) (inode uint64, ctime int64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0
	}
	return uint64(st.Ino), ctimeOf(st) //nolint:unconvert // not uint64 everywhere
}
