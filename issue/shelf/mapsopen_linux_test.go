package shelf

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// openCount is how many of the process's file descriptors are open on
// name (/proc/self/fd).
func openCount(t *testing.T, name string) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	n := 0
	for _, fd := range fds {
		if to, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && to == name {
			n++
		}
	}
	return n
}

// TestPreloadHoldsNoFile: a shelf opened for a search (OpenKnown or Scan
// with Options.Search) reads the search's prefilters ahead, and keeps
// them until a search takes them — maybe never. They hold no open file:
// the outlines file (HASH.map) is opened by the search that uses it and
// closed when it ends. A search after the preload still finds its
// outlines there.
func TestPreloadHoldsNoFile(t *testing.T) {
	c := smallConfig()
	dir, _ := generated(t, c)
	opt := knownOptions(t)
	indexed(t, dir, opt)
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := searchLines(t, s, c.Needle) // writes HASH.han and HASH.map
	name, err := prefilterPath(opt.CacheDir, dir, opt.variant())
	if err != nil {
		t.Fatal(err)
	}
	maps, err := filepath.EvalSymlinks(mapsPath(name))
	if err != nil {
		t.Fatal(err)
	}
	if n := openCount(t, maps); n != 0 {
		t.Fatalf("%d descriptors open on %s after the search", n, maps)
	}

	for _, open := range []struct {
		name string
		open func() *Shelf
	}{
		{"OpenKnown", func() *Shelf { return OpenKnown(dir, opt) }},
		{"Scan", func() *Shelf {
			s, err := Scan(context.Background(), dir, opt)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}},
	} {
		s := open.open()
		if s == nil || s.preloaded == nil {
			t.Fatalf("%s: no shelf, or no prefilters read ahead", open.name)
		}
		// Wait for the prefilters read ahead, and give them back.
		pre := s.preloaded.Load()
		p := <-*pre
		if len(p.known) == 0 {
			t.Fatalf("%s: no prefilters read ahead", open.name)
		}
		done := make(chan *prefilters, 1)
		done <- p
		var back <-chan *prefilters = done
		s.preloaded.Store(&back)
		if n := openCount(t, maps); n != 0 {
			t.Errorf("%s: %d descriptors open on %s before any search", open.name, n, maps)
		}
		// The search's first step: it takes the prefilters and has the
		// outlines file open until it ends.
		p = loadPrefilters(s)
		if p.maps == nil {
			t.Errorf("%s: the search has no outlines file", open.name)
		}
		if n := openCount(t, maps); n != 1 {
			t.Errorf("%s: %d descriptors open on %s during the search, want 1", open.name, n, maps)
		}
		p.close()
		if n := openCount(t, maps); n != 0 {
			t.Errorf("%s: %d descriptors open on %s after the search", open.name, n, maps)
		}
		if got := searchLines(t, open.open(), c.Needle); !slices.Equal(got, want) {
			t.Errorf("%s: the search after the preload found\n%v\nwant\n%v", open.name, got, want)
		}
		if n := openCount(t, maps); n != 0 {
			t.Errorf("%s: %d descriptors open on %s after the search", open.name, n, maps)
		}
	}
}
