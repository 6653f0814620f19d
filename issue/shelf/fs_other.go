//go:build !unix

package shelf

import "io/fs"

// deviceOf reports no device: the walk does not tell file systems apart.
func deviceOf(fs.FileInfo) (uint64, bool) { return 0, false }
