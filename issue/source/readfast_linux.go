package source

import "syscall"

// readRegular reads name, a regular file of size bytes, into buf (grown
// as needed) with a single read, as readInto reads it without its check:
// no os.File, no poller, no second read to find the end, which a shelf's
// search, reading thousands of files, spares. It reports false — the file
// is then to be read as readInto reads any file, which also says what
// went wrong — when the file cannot be opened, is not a regular file of
// size bytes as it is opened (it changed), or the read gives anything but
// its size.
func readRegular(buf []byte, name string, size int64) ([]byte, bool) {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return buf[:0], false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size != size || size == 0 {
		return buf[:0], false
	}
	if int64(cap(buf)) < size+1 {
		buf = make([]byte, size+1)
	}
	// One byte more than its size: a read that fills it would tell that
	// the file grew since it was opened.
	n, err := syscall.Read(fd, buf[:size+1])
	if err != nil || int64(n) != size {
		return buf[:0], false
	}
	return buf[:n], true
}
