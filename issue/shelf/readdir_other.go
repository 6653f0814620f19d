//go:build !linux

package shelf

import (
	"io/fs"
	"os"
)

// readFolder returns the entries of the folder at abs sorted by name (see
// the Linux one); the walk asks each file's details by its path.
func readFolder(abs string) ([]fs.DirEntry, []fileStat, error) {
	ents, err := os.ReadDir(abs)
	return ents, nil, err
}
