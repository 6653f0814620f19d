//go:build unix

package safefile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// special makes the special files of the attack corpus in a temporary
// folder: what each name is and what ReadSmall must say of it.
func special(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o600))
	must(os.Symlink("/dev/zero", filepath.Join(dir, "zero")))
	must(os.Symlink("/dev/null", filepath.Join(dir, "null")))
	must(os.Symlink(filepath.Join(dir, "fifo"), filepath.Join(dir, "fifo-link")))
	must(os.Mkdir(filepath.Join(dir, "folder"), 0o700))
	must(os.WriteFile(filepath.Join(dir, "small"), []byte("ok\n"), 0o600))
	must(os.Symlink(filepath.Join(dir, "small"), filepath.Join(dir, "small-link")))
	f, err := os.Create(filepath.Join(dir, "sparse"))
	must(err)
	must(f.Truncate(MaxSmall + 1)) // a sparse file just over the cap
	must(f.Close())
	return dir
}

func TestReadSmall(t *testing.T) {
	dir := special(t)
	for _, tc := range []struct {
		name string
		want error // nil: reads "ok\n"
		kind string
	}{
		{"small", nil, ""},
		{"small-link", nil, ""},
		{"zero", ErrNotRegular, "character device"},
		{"null", ErrNotRegular, "character device"},
		{"fifo", ErrNotRegular, "named pipe"},
		{"fifo-link", ErrNotRegular, "named pipe"},
		{"folder", ErrNotRegular, "folder"},
		{"sparse", ErrTooLarge, "16 MB"},
		{"missing", fs.ErrNotExist, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := filepath.Join(dir, tc.name)
			data, err := ReadSmall(name, 0)
			if tc.want == nil {
				if err != nil || string(data) != "ok\n" {
					t.Fatalf("ReadSmall = %q, %v; want \"ok\\n\"", data, err)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("ReadSmall error = %v; want one wrapping %v", err, tc.want)
			}
			msg := err.Error()
			if !strings.Contains(msg, name) || !strings.Contains(msg, tc.kind) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line naming %s and saying %q", msg, name, tc.kind)
			}
		})
	}
}

// TestReadSmallGrows: a file that grows past the cap while it is read is
// cut off at the cap, not read on.
func TestReadSmallLimit(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(name, bytes.Repeat([]byte("x"), 101), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadSmall(name, 100); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("101 bytes with a cap of 100: %v, want ErrTooLarge", err)
	}
	if data, err := ReadSmall(name, 101); err != nil || len(data) != 101 {
		t.Fatalf("101 bytes with a cap of 101: %d bytes, %v", len(data), err)
	}
}

// TestOpenFIFO: a named pipe without a writer opens at once, and reading it
// says so; os.Open would block forever.
func TestOpenFIFO(t *testing.T) {
	dir := special(t)
	f, err := Open(filepath.Join(dir, "fifo"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil || len(data) != 0 {
		t.Fatalf("read a pipe without a writer: %q, %v", data, err)
	}
	if err := NothingRead(f); !errors.Is(err, ErrNoWriter) {
		t.Fatalf("NothingRead = %v, want ErrNoWriter", err)
	}
	g, err := Open(filepath.Join(dir, "small"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if err := NothingRead(g); err != nil {
		t.Fatalf("NothingRead of a regular file = %v", err)
	}
}
