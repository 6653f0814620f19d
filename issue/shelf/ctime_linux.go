package shelf

import "syscall"

// ctimeOf returns the inode change time of st in Unix nanoseconds.
func ctimeOf(st *syscall.Stat_t) int64 { return st.Ctim.Nano() }
