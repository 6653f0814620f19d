//go:build unix

package shelf

import (
	"context"
	"os"
	"path/filepath"
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
