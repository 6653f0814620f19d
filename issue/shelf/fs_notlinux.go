//go:build !linux

package shelf

// pseudoFSOf returns "": outside Linux, the pseudo file systems are known
// by their paths only (see pseudoPaths).
func pseudoFSOf(string) string { return "" }
