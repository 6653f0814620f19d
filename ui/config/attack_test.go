//go:build unix

package config

import (
	"errors"
	"os"
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

// attack reads a file of the repository's attack corpus.
func attack(t *testing.T, name string) (string, []byte) {
	t.Helper()
	p := filepath.Join("..", "..", "testdata", "attack", name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, data
}

// TestParseBOM (issue #18, item 18): a byte order mark before the first
// setting (editors on Windows write one) is not an error.
func TestParseBOM(t *testing.T) {
	p, data := attack(t, "config-bom.toml")
	c, err := Parse(data, p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Measure != 30 || !reflect.DeepEqual(c.Keys[ActQuit], []string{"Q"}) {
		t.Errorf("measure %d, quit %v; want 30 and [Q]", c.Measure, c.Keys[ActQuit])
	}
}

// TestParseDeadBindings (issue #18, item 18): a key that can never reach
// its action — a digit (the digits jump to headline N) or ctrl+c (which
// always quits) — is refused with the line that binds it.
func TestParseDeadBindings(t *testing.T) {
	for file, want := range map[string]string{
		"config-digit-binding.toml":  `:6: key "5" of quit can never be used: digits jump to headline N`,
		"config-ctrl-c-binding.toml": `:4: key "ctrl+c" of next_article can never be used: ctrl+c always quits`,
	} {
		p, data := attack(t, file)
		c, err := Parse(data, p)
		if err == nil || !strings.HasPrefix(err.Error(), p+want) {
			t.Errorf("%s: error %v, want %s%s", file, err, p, want)
		}
		if !reflect.DeepEqual(c, Defaults()) {
			t.Errorf("%s: not the defaults with the error", file)
		}
	}
}
