//go:build !unix

package shelf

import "testing"

// mkfifo makes nothing: the system has no named pipes in its folders.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	t.Logf("no named pipe at %s: none on this system", path)
}
