package cli

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// pipeSize is what widenPipe asks a pipe to hold: Linux's limit for a
// process without privileges (/proc/sys/fs/pipe-max-size), by default.
const pipeSize = 1 << 20

// widenPipe asks the pipe w writes to, when it is one (dubao search
// SHELF TEXT | cat), to hold pipeSize bytes instead of the usual 64 KiB:
// a search writes tens of megabytes, and each time the pipe is full the
// writing goroutine sleeps in write, holding a P (one of the two cores'
// worth the search's workers run on) until the runtime takes it back,
// until the reader has been scheduled to empty the pipe. Best effort:
// anything else than a pipe or FIFO is left untouched, as is a pipe that
// already holds as much, and a pipe that cannot be widened (the
// system's limit is lower, or the user has used up the memory pipes may
// take) stays as it is, unsaid.
func widenPipe(w io.Writer) {
	widenPipeTo(w, pipeSize)
}

// widenPipeTo is widenPipe to size bytes.
func widenPipeTo(w io.Writer, size int) {
	f, ok := unwrapOutput(w).(*os.File)
	if !ok {
		return
	}
	c, err := f.SyscallConn()
	if err != nil {
		return
	}
	_ = c.Control(func(fd uintptr) {
		var st unix.Stat_t
		if unix.Fstat(int(fd), &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFIFO {
			return
		}
		if n, err := unix.FcntlInt(fd, unix.F_GETPIPE_SZ, 0); err != nil || n >= size {
			return
		}
		_, _ = unix.FcntlInt(fd, unix.F_SETPIPE_SZ, size)
	})
}
