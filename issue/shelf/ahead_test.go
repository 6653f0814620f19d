package shelf

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// shelfJSON is what a shelf shows of its issues and skipped files, with
// each issue's place and neighbours.
func shelfJSON(t *testing.T, s *Shelf) string {
	t.Helper()
	type place struct {
		E          *Entry
		Index      int
		Prev, Next string
	}
	var out []place
	for i, e := range s.Issues {
		if s.Index(e) != i {
			t.Errorf("%s: index %d, at %d", e.Name(), s.Index(e), i)
		}
		p := place{E: e, Index: s.Index(e)}
		if pr := s.Prev(e); pr != nil {
			p.Prev = pr.Name()
		}
		if nx := s.Next(e); nx != nil {
			p.Next = nx.Name()
		}
		out = append(out, p)
	}
	b, err := json.MarshalIndent(struct {
		Issues  []place
		Skipped []Skipped
	}{out, s.Skipped}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// scanTwice scans dir with the cache given and reports whether the build
// took the issues grouped while the shelf was walked (scan.ahead); the
// shelf must be the one a scan without a cache makes.
func scanAhead(t *testing.T, dir, cache string) bool {
	t.Helper()
	opt := Options{CacheDir: cache, NoKey: true}
	sc, err := prepare(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := sc.indexAll(context.Background(), false, false)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Scan(context.Background(), dir, Options{NoKey: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := shelfJSON(t, s), shelfJSON(t, fresh); got != want {
		t.Errorf("shelf with the index cached differs from a fresh scan:\n%s\nwant\n%s", got, want)
	}
	return sc.aheadUsed
}

// TestBuildAhead: the issues grouped from the cached index while the
// shelf is walked are taken when the walk finds every file of the index
// unchanged and no other, and the shelf is the same as one scanned
// without a cache; a file changed, added or removed makes the scan group
// what it found.
func TestBuildAhead(t *testing.T) {
	dir := mixedShelf(t)
	cache := t.TempDir()
	if scanAhead(t, dir, cache) {
		t.Error("first scan (no index) used issues grouped ahead")
	}
	if !scanAhead(t, dir, cache) {
		t.Error("second scan (nothing changed) did not use the issues grouped ahead")
	}
	steps := []struct {
		what   string
		change func() error
	}{
		{"a newer issue added", func() error {
			return os.WriteFile(filepath.Join(dir, "2024/2024-03-11.md"), []byte(masthead("星河日报", "2024-03-11", 1)+page(1, "要闻", "新的一天")), 0o644)
		}},
		{"an issue changed", func() error {
			return os.WriteFile(filepath.Join(dir, "2024/2024-03-07.md"), []byte(masthead("星河日报", "2024-03-12", 1)+page(1, "要闻", "日期变了")), 0o644)
		}},
		{"an issue removed", func() error { return os.Remove(filepath.Join(dir, "2024/2024-03-08.md")) }},
		{"a page file removed", func() error { return os.Remove(filepath.Join(dir, "2024/2024-03-10/02.md")) }},
	}
	for _, st := range steps {
		if err := st.change(); err != nil {
			t.Fatal(err)
		}
		if scanAhead(t, dir, cache) {
			t.Errorf("%s: the scan used issues grouped before the change", st.what)
		}
		if !scanAhead(t, dir, cache) {
			t.Errorf("%s, then nothing: the scan did not use the issues grouped ahead", st.what)
		}
	}
}
