//go:build unix

package config

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dubao/issue/safefile"
	"dubao/issue/safefile/safefiletest"
)

// TestLoadSpecialFiles (issue #18, item 1): a configuration file that is a
// named pipe, a link to /dev/zero or /dev/urandom, a folder or a file over
// the size cap gives the defaults and a one-line error naming the file, at
// once: never a blocked open, never an endless read.
func TestLoadSpecialFiles(t *testing.T) {
	for _, kind := range safefiletest.Kinds {
		t.Run(kind, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "config.toml")
			safefiletest.Make(t, kind, p)
			var (
				c   Config
				err error
			)
			safefiletest.NoHang(t, "LoadFile("+kind+")", func() { c, err = LoadFile(p) })
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, safefile.ErrNotRegular) && !errors.Is(err, safefile.ErrTooLarge) {
				t.Errorf("error %v: want not a regular file or too large", err)
			}
			if msg := err.Error(); !strings.Contains(msg, p) || strings.ContainsAny(msg, "\n\r") {
				t.Errorf("error %q: want one line naming %s", msg, p)
			}
			c.Path = ""
			if !reflect.DeepEqual(c, Defaults()) {
				t.Errorf("config %+v: want the defaults", c)
			}
		})
	}
}
