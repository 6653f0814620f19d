//go:build unix

package shelf

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dubao/issue/safefile/safefiletest"
)

// TestCacheIndexSpecialFiles (issue #18, item 1): a cached index that is a
// named pipe, a link to /dev/zero or /dev/urandom, a folder or a file over
// the size cap is not trusted and not read without end: the shelf is
// indexed anew, at once.
func TestCacheIndexSpecialFiles(t *testing.T) {
	dir := writeShelf(t, []fixture{
		{path: "2024-03-08.md", content: masthead("星河日报", "2024-03-08", 1) + page(1, "要闻", "春耕备耕忙")},
		{path: "2024-03-09.md", content: masthead("星河日报", "2024-03-09", 1) + page(1, "要闻", "夜市重开")},
	})
	for _, kind := range safefiletest.Kinds {
		t.Run(kind, func(t *testing.T) {
			cache := t.TempDir()
			name, _, err := indexPath(cache, dir, "")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
				t.Fatal(err)
			}
			safefiletest.Make(t, kind, name)
			indexed := 0
			var s *Shelf
			safefiletest.NoHang(t, "Scan with a "+kind+" index", func() {
				s, err = Scan(context.Background(), dir, Options{CacheDir: cache, Progress: func(_, total int) { indexed = total }})
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Issues) != 2 || indexed != 2 {
				t.Errorf("%d issues, %d indexed anew; want 2 and 2", len(s.Issues), indexed)
			}
		})
	}
}

// sameSize pads the shorter of a and b with blank lines at its end so
// that both have the same length.
func sameSize(a, b string) (string, string) {
	for len(a) < len(b) {
		a += "\n"
	}
	for len(b) < len(a) {
		b += "\n"
	}
	return a, b
}

// TestCacheSameSizeAndTime (issue #18, item 17): a file replaced by another
// of the same size with the same modification time (cp -p, touch -r, an
// archive unpacked) is indexed again: the shelf shows the new paper's date,
// not the cached one.
func TestCacheSameSizeAndTime(t *testing.T) {
	old, repl := sameSize(
		masthead("星河日报", "2024-03-08", 1)+page(1, "要闻", "春耕备耕忙"),
		masthead("星河日报", "2024-03-09", 1)+page(1, "要闻", "夜市重开了"))
	for _, how := range []string{"in place", "new file"} {
		t.Run(how, func(t *testing.T) {
			dir := writeShelf(t, []fixture{
				{path: "a.md", content: old},
				{path: "b.md", content: masthead("星河日报", "2024-03-10", 1) + page(1, "要闻", "球赛")},
			})
			cache := t.TempDir()
			s, err := Scan(context.Background(), dir, Options{CacheDir: cache})
			if err != nil || len(s.Issues) != 2 {
				t.Fatalf("first scan: %v %v", describe(s), err)
			}
			name := filepath.Join(dir, "a.md")
			info, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if how == "in place" {
				err = os.WriteFile(name, []byte(repl), 0o600)
			} else { // as cp -p does: a new file, renamed over the old
				tmp := filepath.Join(dir, ".new")
				if err = os.WriteFile(tmp, []byte(repl), 0o600); err == nil {
					err = os.Rename(tmp, name)
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(name, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
			s, err = Scan(context.Background(), dir, Options{CacheDir: cache})
			if err != nil {
				t.Fatal(err)
			}
			var dates []string
			for _, e := range s.Issues {
				dates = append(dates, e.Date)
			}
			if !slices.Contains(dates, "2024-03-09") || slices.Contains(dates, "2024-03-08") {
				t.Errorf("dates after the file was replaced: %v, want 2024-03-09 and not 2024-03-08", dates)
			}
			if found := s.Lookup("2024-03-09"); len(found) != 1 {
				t.Errorf("Lookup(2024-03-09) = %d issues, want 1", len(found))
			} else if l, err := s.Open(found[0]); err != nil || l.Issue.Date != "2024-03-09" {
				t.Errorf("the replaced issue does not open: %v", err)
			}
		})
	}
}

// TestCachePoisoned (issue #18, item 17): an index that reads well but
// says what its file cannot hold (200,000 section pages for a small file,
// a count of articles larger than the file, a date that is no date) is not
// trusted: the file is indexed again, at once.
func TestCachePoisoned(t *testing.T) {
	for _, tc := range []struct {
		name   string
		poison func(r *record)
	}{
		{"section pages", func(r *record) {
			pages := make([]int, 200_000)
			for i := range pages {
				pages[i] = i + 1
			}
			r.SectionPages = pages
		}},
		{"articles", func(r *record) { r.Articles = 1 << 30 }},
		{"date", func(r *record) { r.Date = "2024-13-99\x1b[31m" }},
		{"paper", func(r *record) { r.Paper = strings.Repeat("报", 100_000) }},
		{"pages", func(r *record) { r.Pages = -5 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeShelf(t, []fixture{
				{path: "2024-03-08.md", content: masthead("星河日报", "2024-03-08", 1) + page(1, "要闻", "春耕备耕忙")},
				{path: "2024-03-09.md", content: masthead("星河日报", "2024-03-09", 1) + page(1, "要闻", "夜市重开")},
			})
			cache := t.TempDir()
			if _, err := Scan(context.Background(), dir, Options{CacheDir: cache}); err != nil {
				t.Fatal(err)
			}
			name, _, err := indexPath(cache, dir, "")
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			idx, err := decodeIndex(data)
			if err != nil {
				t.Fatal(err)
			}
			tc.poison(idx.Records[0])
			if err := os.WriteFile(name, encodeIndex(idx), 0o600); err != nil {
				t.Fatal(err)
			}
			indexed := 0
			var s *Shelf
			safefiletest.NoHang(t, "Scan with a poisoned index", func() {
				s, err = Scan(context.Background(), dir, Options{CacheDir: cache, Progress: func(_, total int) { indexed = total }})
			})
			if err != nil {
				t.Fatal(err)
			}
			if indexed != 1 || len(s.Issues) != 2 {
				t.Errorf("%d files indexed again, %d issues; want 1 and 2", indexed, len(s.Issues))
			}
			for _, e := range s.Issues {
				if e.Pages != 1 || e.Articles != 1 || len(e.Paper) > 20 {
					t.Errorf("issue %s: %d pages, %d articles, paper %.40q", e.Date, e.Pages, e.Articles, e.Paper)
				}
			}
		})
	}
}

// TestCacheEnds (issue #18, item 17): where the system tells no inode or
// change time, a file replaced by another of the same size and time is
// told by the sum of its first and last bytes.
func TestCacheEnds(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 100, 2 * endsSize, 2*endsSize + 1, 5 * endsSize} {
		name := filepath.Join(dir, fmt.Sprintf("f%d", size))
		data := bytes.Repeat([]byte("春"), size/3+1)[:size]
		if err := os.WriteFile(name, data, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := readEnds(name, int64(size))
		if err != nil || got != endsSum(data) {
			t.Errorf("%d bytes: readEnds = %x, %v; endsSum = %x", size, got, err, endsSum(data))
		}
	}
	content := masthead("星河日报", "2024-03-08", 1) + page(1, "要闻", strings.Repeat("春耕备耕忙", 2000))
	shelfDir := writeShelf(t, []fixture{{path: "a.md", content: content}})
	u := unit{rel: "a.md", abs: filepath.Join(shelfDir, "a.md")}
	info, err := os.Stat(u.abs)
	if err != nil {
		t.Fatal(err)
	}
	u.files = []found{{rel: u.rel, abs: u.abs, size: info.Size(), modTime: info.ModTime()}} // no inode, no change time
	r := analyze(u, Options{}, nil)
	idx := index{byPath: map[string]*record{u.rel: r}}
	if idx.lookup(u) != r {
		t.Fatal("the unchanged file is not found in the index")
	}
	for _, at := range []int{0, len(content) - 1} {
		changed := []byte(content)
		changed[at] ^= 1
		if err := os.WriteFile(u.abs, changed, 0o600); err != nil {
			t.Fatal(err)
		}
		if idx.lookup(u) != nil {
			t.Errorf("a file changed at byte %d of %d is taken for the one indexed", at, len(content))
		}
	}
}
