//go:build unix

package fetch

import (
	"path/filepath"
	"testing"

	"dubao/issue/safefile/safefiletest"
)

// TestManifestSpecialFile: a named pipe, a link to a device, a folder or a
// huge file where a day's manifest should be is an error at once, not a
// wait or a read without end; a fetch starts over without it.
func TestManifestSpecialFile(t *testing.T) {
	for _, kind := range safefiletest.Kinds {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			safefiletest.Make(t, kind, filepath.Join(dir, manifestName))
			var err error
			safefiletest.NoHang(t, "ReadManifest", func() { _, err = ReadManifest(dir) })
			if err == nil {
				t.Errorf("ReadManifest of a %s: no error", kind)
			}
			var m *Manifest
			safefiletest.NoHang(t, "readManifest", func() { m = readManifest(dir) })
			if m == nil || m.Complete || len(m.Files) != 0 {
				t.Errorf("the manifest a fetch starts from: %+v", m)
			}
		})
	}
}
