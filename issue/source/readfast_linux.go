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
	return readOpen(buf, fd, size)
}

// readOpen reads the file open as fd, a regular file of size bytes (as
// its fstat says), into buf (grown as needed) with a single read: false
// (nothing read) when the read gives anything but its size.
func readOpen(buf []byte, fd int, size int64) ([]byte, bool) {
	if size <= 0 {
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

// ReadOpen reads the file open as fd, a regular file of size bytes as
// its fstat says (the caller's, who also checked the file against what
// it knows of it: a shelf's search), into buffer i with a single read,
// and returns its bytes, valid until buffer i is read into again. It
// reports false, with nothing read, when the read gives anything but
// size bytes (the file changed, or an empty file): the file is then to
// be read as Read reads it.
func (b *Buffers) ReadOpen(i, fd int, size int64) ([]byte, bool) {
	for len(b.bufs) <= i {
		b.bufs = append(b.bufs, nil)
	}
	data, ok := readOpen(b.bufs[i], fd, size)
	if cap(data) <= 64<<20 { // keep no huge buffer around
		b.bufs[i] = data[:0]
	}
	return data, ok
}
