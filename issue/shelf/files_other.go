//go:build !linux

package shelf

import "dubao/issue/source"

// files reads the files of the issues a search reads: on a known shelf
// (OpenKnown), each checked first (known.unchanged), errChanged when it
// is not the one indexed.
type files struct {
	dir   string
	known *known
}

// openFiles returns the files of s, to close once its search is done.
func openFiles(s *Shelf) *files { return &files{dir: s.Dir, known: s.known} }

// close does nothing here.
func (fs *files) close() {}

// read reads f, the i-th file of an issue, into buffer i of bufs, as
// bufs.Read reads it; on a known shelf, errChanged when f is not the
// file indexed.
func (fs *files) read(bufs *source.Buffers, i int, f File) ([]byte, error) {
	return readChecked(fs.known, bufs, i, fs.dir, f)
}
