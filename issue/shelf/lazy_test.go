package shelf

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// lazyShelf writes a generated shelf with more files than ScanLazy
// indexes before it returns, and a file whose name gives no date.
func lazyShelf(t *testing.T) (string, int) {
	t.Helper()
	c := smallConfig()
	c.Days, c.PerPageEvery = 80, 5 // 80 issues in 80 + 16×3 files
	dir, _ := generated(t, c)
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte("## 随笔\n\n没有日期的文字。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, c.Days
}

func TestScanLazy(t *testing.T) {
	dir, days := lazyShelf(t)
	cache := t.TempDir()
	s, updates, err := ScanLazy(context.Background(), dir, Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	if updates == nil {
		t.Fatal("ScanLazy indexed a large shelf before returning")
	}
	// At once: every issue dated by its name, pending; the undated file
	// is not there yet; page files are grouped by their folder's date.
	if len(s.Issues) != days || s.Pending != 80+16*3+1 {
		t.Fatalf("first shelf: %d issues, %d pending", len(s.Issues), s.Pending)
	}
	for _, e := range s.Issues {
		if !e.Pending || e.Key != "" || e.Paper != "" || e.DateFrom != DateName {
			t.Fatalf("first shelf: %+v", e)
		}
	}
	if got := s.Issues[0].Date; got != "2024-03-20" {
		t.Errorf("newest first: %s", got)
	}
	if s.ByKey("") != nil {
		t.Errorf("ByKey(\"\") finds a pending issue")
	}
	// a pending issue opens all the same
	l, err := s.Open(s.Issues[1])
	if err != nil || l.Issue.Paper != "星河日报" || l.Key == "" {
		t.Fatalf("Open(pending): %v", err)
	}

	var last Update
	n := 0
	done := -1
	for u := range updates {
		n++
		if u.Done < done || u.Total != 80+16*3+1 {
			t.Errorf("update %d: %d/%d after %d", n, u.Done, u.Total, done)
		}
		done = u.Done
		last = u
	}
	if !last.Final || last.Err != nil || last.Done != last.Total || last.Shelf.Pending != 0 {
		t.Fatalf("last update: %+v", last)
	}
	full := last.Shelf
	if len(full.Issues) != days+1 { // with notes.md, an issue dated by its time
		t.Errorf("indexed shelf: %d issues, want %d", len(full.Issues), days+1)
	}
	for _, e := range full.Issues {
		if e.Pending || e.Key == "" {
			t.Errorf("indexed shelf has a pending issue: %+v", e)
		}
	}
	if e := full.ByKey(l.Key); e == nil || e.Date != s.Issues[1].Date {
		t.Errorf("the indexed issue's key is not the key Open gave")
	}
	// the same shelf as Scan's, and the cache is complete: the next
	// ScanLazy returns it at once
	scanned, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := describe(full), describe(scanned); !slices.Equal(a, b) {
		t.Errorf("ScanLazy's shelf differs from Scan's:\n%v\n%v", a, b)
	}
	again, updates, err := ScanLazy(context.Background(), dir, Options{CacheDir: cache})
	if err != nil || updates != nil || again.Pending != 0 || !slices.Equal(describe(again), describe(scanned)) {
		t.Errorf("second ScanLazy: %v, updates %v, pending %d", err, updates != nil, again.Pending)
	}
}

func TestScanLazySmallFolder(t *testing.T) {
	// a folder of one issue's page files: read before ScanLazy returns,
	// so OpenPathLazy knows it is one issue
	dir := writeShelf(t, []fixture{
		{path: "01.md", content: masthead("星河日报", "2024-03-10", 2) + page(1, "要闻", "植树节前种下千棵树")},
		{path: "02.md", content: page(2, "城市", "老街改造")},
	})
	l, s, updates, err := OpenPathLazy(context.Background(), dir, Options{CacheDir: t.TempDir()})
	if err != nil || l == nil || s != nil || updates != nil {
		t.Fatalf("OpenPathLazy(one issue): %v %v %v %v", l, s, updates, err)
	}
	if l.Issue.Paper != "星河日报" || l.Issue.Count() != 2 {
		t.Errorf("issue %+v", l.Issue)
	}
	big, _ := lazyShelf(t)
	l, s, updates, err = OpenPathLazy(context.Background(), big, Options{})
	if err != nil || l != nil || s == nil || updates == nil {
		t.Fatalf("OpenPathLazy(shelf): %v %v %v %v", l, s, updates, err)
	}
	for range updates {
	}
}

func TestScanLazyCancel(t *testing.T) {
	dir, _ := lazyShelf(t)
	cache := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	indexed := 0
	_, updates, err := ScanLazy(ctx, dir, Options{CacheDir: cache, Workers: 1, Progress: func(done, _ int) {
		indexed = done
		if done == 10 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	var last Update
	timeout := time.After(10 * time.Second)
	for open := true; open; {
		select {
		case u, ok := <-updates:
			if ok {
				last = u
			}
			open = ok
		case <-timeout:
			t.Fatal("the updates channel was not closed after cancel")
		}
	}
	if last.Final && last.Err == nil {
		t.Errorf("a cancelled indexing ends without error: %+v", last)
	}
	// what was indexed is cached: the next scan indexes the rest only
	again := 0
	if _, err := Scan(context.Background(), dir, Options{CacheDir: cache, Progress: func(_, total int) { again = total }}); err != nil {
		t.Fatal(err)
	}
	if total := 80 + 16*3 + 1; again != total-indexed {
		t.Errorf("after a cancelled ScanLazy (%d indexed), %d files indexed again, want %d", indexed, again, total-indexed)
	}
}

func TestScanLazyStopsWhenNotRead(t *testing.T) {
	// a receiver that stops reading and cancels: the indexing's
	// goroutines end (checked by the race detector and the leak below)
	dir, _ := lazyShelf(t)
	ctx, cancel := context.WithCancel(context.Background())
	_, updates, err := ScanLazy(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	deadline := time.Now().Add(10 * time.Second)
	for range updates {
		if time.Now().After(deadline) {
			t.Fatal("updates go on after cancel")
		}
	}
}
