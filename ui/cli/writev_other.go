//go:build !linux

package cli

import "io"

// writeLines writes bufs to w one after the other, a Write each.
func writeLines(w io.Writer, bufs [][]byte) error {
	return writeEach(w, bufs)
}
