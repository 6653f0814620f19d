package safefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	name := filepath.Join(dir, "state.json")
	if err := WriteAtomic(name, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(name, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(name); err != nil || string(data) != "two" {
		t.Errorf("read back %q, %v", data, err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the folder made: %v %v", fi.Mode(), err)
	}
	checkOnly(t, dir, "state.json")
}

func TestFileAbort(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	if err := WriteAtomic(name, []byte("old")); err != nil {
		t.Fatal(err)
	}
	w, err := Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("half of a new")); err != nil {
		t.Fatal(err)
	}
	w.Abort()
	w.Abort() // twice is nothing
	if data, _ := os.ReadFile(name); string(data) != "old" {
		t.Errorf("an aborted write changed the file: %q", data)
	}
	if err := w.Commit(); err == nil || !strings.Contains(err.Error(), "aborted") {
		t.Errorf("commit after abort: %v", err)
	}
	checkOnly(t, dir, "page.html")
}

func TestWriteAtomicFails(t *testing.T) {
	dir := t.TempDir()
	// the name is a folder: the rename fails, and nothing is left behind
	name := filepath.Join(dir, "taken")
	if err := os.MkdirAll(filepath.Join(name, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(name, []byte("data")); err == nil || !strings.Contains(err.Error(), name) {
		t.Errorf("writing over a folder: %v", err)
	}
	checkOnly(t, dir, "taken")
}

// checkOnly checks that dir holds only the entry name: no temporary file
// is left.
func checkOnly(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("%s holds %v, want only %s", dir, names, name)
	}
}

// IsTemp knows the temporary files of Create, and no other name.
func TestIsTemp(t *testing.T) {
	dir := t.TempDir()
	w, err := Create(filepath.Join(dir, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if base := filepath.Base(w.f.Name()); !IsTemp(base) {
		t.Errorf("IsTemp(%q) = false for a temporary file of Create", base)
	}
	for _, name := range []string{"page.html", ".page.html", "page.html.123.tmp", ".page.html.tmp", ".page.html.12a.tmp", "..1.tmp", ".tmp", ".page.html.123.tmp.x"} {
		if IsTemp(name) {
			t.Errorf("IsTemp(%q) = true", name)
		}
	}
}
