//go:build unix

package shelf

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"dubao/issue/search"
)

// TestSearchKnownChecksFiles: a search of a known shelf (OpenKnown)
// stops at the first issue whose file is not the one indexed (to go on
// in the shelf walked anew: see Search), however it changed — checked
// as the file is opened for reading, or by a stat when the issue is not
// read (its prefilter rules it out, with keys) —, and only then: an
// unchanged shelf, or one whose change the index never saw, is searched
// to its end. A named pipe in a file's place is not waited for.
func TestSearchKnownChecksFiles(t *testing.T) {
	c := smallConfig()
	name := filepath.Join("2024", "02", "2024-02-08.md")
	pageDay := filepath.Join("2024", "01", "2024-01-05", "03.md")
	cases := []struct {
		name    string
		change  func(t *testing.T, file string)
		changed bool
	}{
		{"nothing", func(*testing.T, string) {}, false},
		{"rewritten in place", func(t *testing.T, file string) { rewrite(t, file, c.Needle) }, true},
		{"same size, times put back", func(t *testing.T, file string) {
			info, err := os.Stat(file)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			data[len(data)-2] ^= 1
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(file, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"touched", func(t *testing.T, file string) {
			now := time.Now().Add(time.Hour)
			if err := os.Chtimes(file, now, now); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"shrunk", func(t *testing.T, file string) {
			if err := os.Truncate(file, 100); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"removed", func(t *testing.T, file string) { remove(t, file) }, true},
		{"a folder in its place", func(t *testing.T, file string) {
			remove(t, file)
			if err := os.Mkdir(file, 0o755); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"a named pipe in its place", func(t *testing.T, file string) {
			remove(t, file)
			if err := syscall.Mkfifo(file, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}, true},
	}
	for _, noKey := range []bool{true, false} {
		for _, file := range []string{name, pageDay} {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					dir, _ := generated(t, c)
					opt := knownOptions(t)
					opt.NoKey = noKey
					indexed(t, dir, opt)
					// A search that made the prefilters, and one that
					// reads by them.
					for range 2 {
						if ks := OpenKnown(dir, opt); ks == nil || ks.search(context.Background(), search.New(c.Needle), SearchOptions{}, nil, func(Batch) bool { return true }) {
							t.Fatal("the shelf unchanged: not known, or a search stopped")
						}
					}
					ks := OpenKnown(dir, opt)
					if ks == nil {
						t.Fatal("not known")
					}
					tc.change(t, filepath.Join(dir, file))
					for _, q := range []string{c.Needle, "的", "髑髏"} {
						done := make(chan bool)
						go func() {
							done <- ks.search(context.Background(), search.New(q), SearchOptions{}, nil, func(b Batch) bool {
								if b.Err != nil {
									t.Errorf("%s: %v", q, b.Err)
								}
								return true
							})
						}()
						select {
						case got := <-done:
							if got != tc.changed {
								t.Errorf("no keys %v, %s, %s: the search stopped at a change: %v, want %v", noKey, file, q, got, tc.changed)
							}
						case <-time.After(20 * time.Second):
							t.Fatalf("%s: the search waits", q)
						}
					}
				})
			}
		}
	}
}
