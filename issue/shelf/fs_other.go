//go:build !unix

package shelf

import "io/fs"

// deviceOf reports no device: the walk does not tell file systems apart.
func deviceOf(fs.FileInfo) (uint64, bool) { return 0, false }

// identity reports no inode and no change time: the cache checks the
// size, the modification time and the sum of each file's ends.
func identity(fs.FileInfo) (uint64, int64) { return 0, 0 }
