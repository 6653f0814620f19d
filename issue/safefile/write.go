package safefile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is a file being written whole or not at all (Create): its data go
// to a temporary file in the same folder, which Commit syncs to the disk
// and renames over the file's name. A reader sees the old file or the new
// one, never a part of it; a crash leaves at most the temporary file.
type File struct {
	f    *os.File
	name string
	done bool
}

// Create starts writing name whole or not at all, making its folder
// (private, 0700) when it is missing.
func Create(name string) (*File, error) {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*"+tempSuffix)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	return &File{f: f, name: name}, nil
}

// tempSuffix ends the name of a temporary file: .NAME.DIGITS.tmp.
const tempSuffix = ".tmp"

// IsTemp reports whether base, a file's name without its folder, is that
// of a temporary file of Create (.NAME.DIGITS.tmp): one a writer killed
// outright leaves behind.
func IsTemp(base string) bool {
	rest, ok := strings.CutSuffix(base, tempSuffix)
	if !ok || !strings.HasPrefix(rest, ".") {
		return false
	}
	i := strings.LastIndexByte(rest, '.')
	digits := rest[i+1:]
	if i < 2 || digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Write writes to the temporary file.
func (w *File) Write(p []byte) (int, error) { return w.f.Write(p) }

// Commit syncs what was written to the disk and puts it in place of the
// file. After a failure nothing has changed, and the temporary file is
// gone.
func (w *File) Commit() error {
	if w.done {
		return fmt.Errorf("write %s: already committed or aborted", w.name)
	}
	w.done = true
	err := w.f.Sync()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(w.f.Name(), w.name)
	}
	if err != nil {
		os.Remove(w.f.Name())
		return fmt.Errorf("write %s: %w", w.name, err)
	}
	return nil
}

// Abort drops what was written: the file is left as it was. It does
// nothing after Commit, so that it can be deferred.
func (w *File) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.f.Close()
	os.Remove(w.f.Name())
}

// WriteAtomic writes data to name whole or not at all (see File): the one
// way dubao writes the files it keeps — the reading state and bookmarks,
// the shelf cache's index, a fetched day's manifest.
func WriteAtomic(name string, data []byte) error {
	w, err := Create(name)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Abort()
		return fmt.Errorf("write %s: %w", name, err)
	}
	return w.Commit()
}
