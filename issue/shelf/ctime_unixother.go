//go:build unix && !linux && !darwin && !freebsd && !netbsd

package shelf

import "syscall"

// ctimeOf returns 0: the change time is not read here (the ends' sum is
// checked all the same).
func ctimeOf(*syscall.Stat_t) int64 { return 0 }
