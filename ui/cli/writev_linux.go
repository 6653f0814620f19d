package cli

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// iovMax is how many buffers one writev(2) takes at most (IOV_MAX).
const iovMax = 1024

// writeLines writes bufs to w one after the other. When w is a file
// (dubao's stdout: a pipe, a file, a terminal) it hands them to the
// system together, with writev(2), without copying them into one buffer
// first; else, and for an error that is not the system's, as Write
// calls. A write error is reported as os.File.Write reports it (and
// recorded, as a Write through an outputError is).
func writeLines(w io.Writer, bufs [][]byte) error {
	f, ok := unwrapOutput(w).(*os.File)
	if !ok {
		return writeEach(w, bufs)
	}
	c, err := f.SyscallConn()
	if err != nil {
		return writeEach(w, bufs)
	}
	var werr error
	full := false // the last writev found no room (EAGAIN)
	cerr := c.Write(func(fd uintptr) bool {
		full = false
		for len(bufs) > 0 {
			n, err := unix.Writev(int(fd), bufs[:min(len(bufs), iovMax)])
			switch {
			case err == unix.EINTR:
				continue
			case err == unix.EAGAIN:
				full = true
				return false // not writable now: the poller waits
			case err != nil:
				werr = err
				return true
			case n == 0 && lenAll(bufs) > 0:
				werr = io.ErrShortWrite
				return true
			}
			bufs = advance(bufs, n)
		}
		return true
	})
	if werr == nil && cerr != nil {
		werr = cerr
		if full {
			// A file the poller does not wait for (stdout blocking
			// when dubao started, made non-blocking since by another
			// program on it): EAGAIN, as os.File.Write says.
			werr = unix.EAGAIN
		}
	}
	if werr == nil {
		return nil
	}
	werr = &os.PathError{Op: "write", Path: f.Name(), Err: werr}
	if o, ok := w.(*outputError); ok {
		o.record(werr)
	}
	return werr
}

// lenAll is the length of bufs together.
func lenAll(bufs [][]byte) int {
	n := 0
	for _, b := range bufs {
		n += len(b)
	}
	return n
}

// advance returns bufs without their first n bytes.
func advance(bufs [][]byte, n int) [][]byte {
	for len(bufs) > 0 && n >= len(bufs[0]) {
		n -= len(bufs[0])
		bufs = bufs[1:]
	}
	if len(bufs) > 0 {
		bufs[0] = bufs[0][n:]
	}
	return bufs
}
