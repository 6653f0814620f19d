package shelf

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWalkPseudoFilesystems (issue #18, item 6): a shelf walk never enters
// /proc, /sys or /dev (reading /proc/kmsg blocks and eats the kernel log),
// and a shelf on one of them is refused at once.
func TestWalkPseudoFilesystems(t *testing.T) {
	if pseudoFSOf("/proc") != "proc" {
		t.Skip("/proc is not mounted here")
	}
	for _, dir := range []string{"/proc", "/sys", "/proc/self", "/dev"} {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		_, err := Scan(context.Background(), dir, Options{})
		if err == nil || !strings.Contains(err.Error(), fixed(ReasonPseudoFS).String()) {
			t.Errorf("Scan(%s) = %v, want an error saying %q", dir, err, fixed(ReasonPseudoFS).String())
		}
	}
	root, err := os.ReadDir("/")
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat("/")
	if err != nil {
		t.Fatal(err)
	}
	rootDev, _ := deviceOf(info)
	for _, d := range root {
		p := "/" + d.Name()
		want := ""
		switch d.Name() {
		case "proc", "sys", "dev":
			want = fixed(ReasonPseudoFS).String()
		default:
			continue
		}
		if got := why(enterable(p, d, rootDev, true, true)); got != want {
			t.Errorf("enterable(%s) = %q, want %q", p, got, want)
		}
	}
}

// TestWalkOneFilesystem (issue #18, item 6): a folder on another file
// system than the shelf's is not entered unless asked.
func TestWalkOneFilesystem(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "mnt")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(sub)
	if err != nil {
		t.Fatal(err)
	}
	dev, _ := deviceOf(info)
	mounted := fakeDir{name: "mnt", dev: dev}
	if got := why(enterable(sub, mounted, dev+1, true, false)); got != fixed(ReasonOtherFS).String() {
		t.Errorf("a folder on another file system: %q, want %q", got, fixed(ReasonOtherFS).String())
	}
	if got := why(enterable(sub, mounted, dev+1, true, true)); got != "" {
		t.Errorf("with CrossFilesystems: %q, want it entered", got)
	}
	if got := why(enterable(sub, mounted, dev, true, false)); got != "" {
		t.Errorf("a folder on the same file system: %q, want it entered", got)
	}
}

// TestWalkProgress: a walk reports how far it got, at least at its end.
func TestWalkProgress(t *testing.T) {
	dir := writeShelf(t, []fixture{
		{path: "a/2024-03-08.md", content: masthead("星河日报", "2024-03-08", 1) + page(1, "要闻", "春耕备耕忙")},
		{path: "b/2024-03-09.md", content: masthead("星河日报", "2024-03-09", 1) + page(1, "要闻", "夜市重开")},
	})
	var folders, files int
	if _, err := Scan(context.Background(), dir, Options{Walking: func(d, f int) { folders, files = d, f }}); err != nil {
		t.Fatal(err)
	}
	if folders != 2 || files != 2 {
		t.Errorf("walk progress: %d folders, %d files; want 2 and 2", folders, files)
	}
}

// fakeDir is a folder entry on the device dev.
type fakeDir struct {
	name string
	dev  uint64
}

func (f fakeDir) Name() string               { return f.name }
func (f fakeDir) IsDir() bool                { return true }
func (f fakeDir) Type() fs.FileMode          { return fs.ModeDir }
func (f fakeDir) Info() (fs.FileInfo, error) { return f, nil }
func (f fakeDir) Size() int64                { return 0 }
func (f fakeDir) Mode() fs.FileMode          { return fs.ModeDir | 0o700 }
func (f fakeDir) ModTime() time.Time         { return time.Time{} }
func (f fakeDir) Sys() any                   { return &syscall.Stat_t{Dev: f.dev} }

// why is what enterable says, as text: "" when the folder is entered.
func why(r Reason, enter bool) string {
	if enter {
		return ""
	}
	return r.String()
}
