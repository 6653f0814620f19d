//go:build linux

package shelf

import (
	"path"
	"strings"
	"syscall"

	"dubao/issue/source"
)

// files reads the files of the issues a search reads, opened relative to
// the shelf's folder (fewer names to look up than the whole paths). On a
// known shelf (OpenKnown), each file is checked against its record as it
// is opened — one open and fstat instead of a stat and then an open (see
// known.unchanged) — and errChanged returned when it is not the one
// indexed.
type files struct {
	dir   string
	root  int // the shelf's folder, open; -1 when it could not be
	known *known
}

// openFiles returns the files of s, to close once its search is done.
func openFiles(s *Shelf) *files {
	fd, err := syscall.Open(s.Dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	if err != nil {
		fd = -1
	}
	return &files{dir: s.Dir, root: fd, known: s.known}
}

// close closes the shelf's folder.
func (fs *files) close() {
	if fs.root >= 0 {
		_ = syscall.Close(fs.root)
	}
}

// read reads f, the i-th file of an issue, into buffer i of bufs, as
// bufs.Read reads it; on a known shelf, errChanged when f is not the
// file indexed. A file that cannot be opened here (unreadable, say), or
// not read in one go, is checked and read as before (known.unchanged,
// then bufs.Read), which says what went wrong.
func (fs *files) read(bufs *source.Buffers, i int, f File) ([]byte, error) {
	// Only a clean relative path names the same file from the folder
	// as joined to its name.
	if fs.root >= 0 && f.Path != "" && f.Path[0] != '/' && path.Clean(f.Path) == f.Path && f.Path != ".." && !strings.HasPrefix(f.Path, "../") {
		fd, err := syscall.Openat(fs.root, f.Path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
		if err == nil {
			data, ok, changed := fs.readOpen(bufs, i, f, fd)
			_ = syscall.Close(fd)
			switch {
			case changed:
				return nil, errChanged
			case ok:
				return data, nil
			}
		}
	}
	return readChecked(fs.known, bufs, i, fs.dir, f)
}

// readOpen reads f, open as fd: ok with its bytes when it was read in
// one go; changed when the shelf is known and f is not the file indexed
// (the checks of known.unchanged, on the file opened).
func (fs *files) readOpen(bufs *source.Buffers, i int, f File, fd int) (data []byte, ok, changed bool) {
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil {
		return nil, false, false
	}
	if fs.known != nil {
		fr := fs.known.files[f.Path]
		if fr == nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
			return nil, false, true
		}
		if fr.Inode == 0 || fr.CTime == 0 {
			return nil, false, false // checked by its ends (known.unchanged)
		}
		if !fr.sameStat(st.Size, st.Mtim.Nano(), st.Ino, ctimeOf(&st)) {
			return nil, false, true
		}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size != f.Size {
		return nil, false, false
	}
	data, ok = bufs.ReadOpen(i, fd, f.Size)
	return data, ok, false
}
