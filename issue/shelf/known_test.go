package shelf

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"dubao/issue/search"
)

// knownOptions are the options of a shelf search (`dubao search`), with
// the index cached under a test's folder.
func knownOptions(t *testing.T) Options {
	return Options{CacheDir: t.TempDir(), NoKey: true, Search: true}
}

// readIndex reads the index that opt's cache keeps of the shelf in dir:
// its file's name and what it holds.
func readIndex(t *testing.T, dir string, opt Options) (string, indexFile) {
	t.Helper()
	name, _, err := indexPath(opt.CacheDir, dir, opt.variant())
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := decodeIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	return name, f
}

// ageIndex moves the time of the walk the cached index of dir was made by
// forward, as if it had been made by, say, a minute later: its folders are
// then out of the racy window (see folderRec.trusted).
func ageIndex(t *testing.T, dir string, opt Options, by time.Duration) {
	t.Helper()
	name, f := readIndex(t, dir, opt)
	if len(f.Folders) == 0 {
		t.Fatal("the index holds no folders")
	}
	f.WalkedAt += int64(by)
	if err := os.WriteFile(name, encodeIndex(f), 0o644); err != nil {
		t.Fatal(err)
	}
}

// indexed scans dir once (which caches its index with opt) and ages the
// index by a minute.
func indexed(t *testing.T, dir string, opt Options) {
	t.Helper()
	if _, err := Scan(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	ageIndex(t, dir, opt, time.Minute)
}

// searchLines is what a search of s for q sends, one line per batch
// (its issue, date and hits), checking that Done counts the batches.
func searchLines(t *testing.T, s *Shelf, q string) []string {
	t.Helper()
	var lines []string
	for i, b := range collect(t, s, q, SearchOptions{}) {
		if b.Err != nil {
			t.Fatalf("batch %d: %v", i, b.Err)
		}
		if b.Done != i+1 {
			t.Errorf("batch %d: Done %d", i, b.Done)
		}
		var l strings.Builder
		fmt.Fprintf(&l, "%s %q:", b.Entry.Date, filesKey(b.Entry))
		for _, h := range b.Hits {
			fmt.Fprintf(&l, " [%d %d %s %s %v %v]", h.Page, h.N, h.Title, h.Line, h.Match, h.Pos)
		}
		lines = append(lines, l.String())
	}
	return lines
}

// freshLines is searchLines of the shelf at dir walked and indexed anew,
// with no cache.
func freshLines(t *testing.T, dir, q string) []string {
	t.Helper()
	s, err := Scan(context.Background(), dir, Options{NoKey: true})
	if err != nil {
		t.Fatal(err)
	}
	return searchLines(t, s, q)
}

func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d batches, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("batch %d:\n got %s\nwant %s", i, got[i], want[i])
			return
		}
	}
}

// TestOpenKnownUnchanged: a shelf unchanged since it was indexed opens
// from its index as a walk finds it, and searches the same.
func TestOpenKnownUnchanged(t *testing.T) {
	c := smallConfig()
	dir, _ := generated(t, c)
	opt := knownOptions(t)
	indexed(t, dir, opt)
	ks := OpenKnown(dir, opt)
	if ks == nil {
		t.Fatal("OpenKnown: no shelf")
	}
	walked, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, what := range []struct {
		name      string
		got, want any
	}{{"issues", ks.Issues, walked.Issues}, {"skipped", ks.Skipped, walked.Skipped}} {
		got, _ := json.Marshal(what.got)
		want, _ := json.Marshal(what.want)
		if string(got) != string(want) {
			t.Errorf("%s differ:\n got %.300s\nwant %.300s", what.name, got, want)
		}
	}
	sameLines(t, searchLines(t, ks, c.Needle), freshLines(t, dir, c.Needle))
}

// TestOpenKnownChanges: after any change to the shelf's names (a file or
// folder added, removed, renamed or replaced, at any depth) OpenKnown
// gives no shelf; after a change to a file's content, which its folder
// does not show, the search finds it changed and goes on with a shelf
// walked anew: either way what the search sends is what a fresh walk's
// search sends.
func TestOpenKnownChanges(t *testing.T) {
	c := smallConfig()
	pageDay := filepath.Join("2024", "01", "2024-01-05") // a day kept as page files
	cases := []struct {
		name   string
		change func(t *testing.T, dir string)
		known  bool // OpenKnown still gives the shelf
	}{
		{"nothing", func(*testing.T, string) {}, true},
		{"file added", func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(dir, "2024", "02", "2024-02-01.md"), filepath.Join(dir, "2024", "02", "2024-02-29.md"))
		}, false},
		{"file added at the top", func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(dir, "2024", "02", "2024-02-01.md"), filepath.Join(dir, "2024-03-30.md"))
		}, false},
		{"page file added", func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(dir, pageDay, "01.md"), filepath.Join(dir, pageDay, "05.md"))
		}, false},
		{"file removed", func(t *testing.T, dir string) {
			remove(t, filepath.Join(dir, "2024", "02", "2024-02-10.md"))
		}, false},
		{"page file removed", func(t *testing.T, dir string) {
			remove(t, filepath.Join(dir, pageDay, "02.md"))
		}, false},
		{"file renamed", func(t *testing.T, dir string) {
			rename(t, filepath.Join(dir, "2024", "02", "2024-02-10.md"), filepath.Join(dir, "2024", "02", "2024-02-11b.md"))
		}, false},
		{"file moved to another folder", func(t *testing.T, dir string) {
			rename(t, filepath.Join(dir, "2024", "02", "2024-02-10.md"), filepath.Join(dir, "2024", "01", "2024-02-10.md"))
		}, false},
		{"file replaced", func(t *testing.T, dir string) {
			tmp := filepath.Join(dir, "2024", "02", "new.tmp")
			copyFile(t, filepath.Join(dir, "2024", "02", "2024-02-01.md"), tmp)
			rename(t, tmp, filepath.Join(dir, "2024", "02", "2024-02-02.md"))
		}, false},
		{"folder added", func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, "2024", "04"), 0o755); err != nil {
				t.Fatal(err)
			}
			copyFile(t, filepath.Join(dir, "2024", "02", "2024-02-01.md"), filepath.Join(dir, "2024", "04", "2024-04-01.md"))
		}, false},
		{"empty folder added", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "2024", "02", "empty"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"folder removed", func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, pageDay)); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"hidden file added", func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(dir, "2024", "02", "2024-02-01.md"), filepath.Join(dir, "2024", "02", ".hidden.md"))
		}, false},
		{"content rewritten in place", func(t *testing.T, dir string) {
			rewrite(t, filepath.Join(dir, "2024", "02", "2024-02-08.md"), c.Needle)
		}, true},
		{"page rewritten in place", func(t *testing.T, dir string) {
			rewrite(t, filepath.Join(dir, pageDay, "03.md"), c.Needle)
		}, true},
		{"oldest rewritten in place", func(t *testing.T, dir string) {
			rewrite(t, filepath.Join(dir, "2024", "01", "2024-01-01.md"), c.Needle)
		}, true},
		{"file touched", func(t *testing.T, dir string) {
			now := time.Now()
			if err := os.Chtimes(filepath.Join(dir, "2024", "01", "2024-01-21.md"), now, now); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"file emptied", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "2024", "02", "2024-02-15.md"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir, _ := generated(t, c)
			opt := knownOptions(t)
			indexed(t, dir, opt)
			tc.change(t, dir)
			ks := OpenKnown(dir, opt)
			if (ks != nil) != tc.known {
				t.Fatalf("OpenKnown gave a shelf: %v, want %v", ks != nil, tc.known)
			}
			if ks == nil {
				return
			}
			want := freshLines(t, dir, c.Needle)
			sameLines(t, searchLines(t, ks, c.Needle), want)
			// The search that went on with a shelf walked anew saved its
			// index: the next one is known again, and the same.
			ageIndex(t, dir, opt, time.Minute)
			if ks = OpenKnown(dir, opt); ks == nil {
				t.Fatal("OpenKnown after the search: no shelf")
			}
			sameLines(t, searchLines(t, ks, c.Needle), want)
		})
	}
}

// TestOpenKnownRacy: folders whose times are close to the walk that
// indexed them (a folder changed again within the clock's granularity
// would keep its times) are not trusted; a walk after the racy window
// saves the index again, which is then trusted.
func TestOpenKnownRacy(t *testing.T) {
	c := smallConfig()
	dir, _ := generated(t, c)
	opt := knownOptions(t)
	if _, err := Scan(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	if OpenKnown(dir, opt) != nil {
		t.Fatal("OpenKnown trusted folders changed just before the walk")
	}
	// A file added just after the walk, its folder's times set back to
	// those indexed: a change the folder's times would not show with a
	// coarse clock. Only the racy rule keeps the index from being taken
	// as current.
	sub := filepath.Join(dir, "2024", "02")
	info, err := os.Stat(sub)
	if err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(sub, "2024-02-01.md"), filepath.Join(sub, "2024-02-30.md"))
	if err := os.Chtimes(sub, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if OpenKnown(dir, opt) != nil {
		t.Fatal("OpenKnown trusted a racy folder")
	}
	// The index, made again by a walk a minute after the folders changed,
	// is trusted.
	if _, err := Scan(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	ageIndex(t, dir, opt, time.Minute)
	ks := OpenKnown(dir, opt)
	if ks == nil {
		t.Fatal("OpenKnown: no shelf once the index is out of the racy window")
	}
	sameLines(t, searchLines(t, ks, c.Needle), freshLines(t, dir, c.Needle))
}

// TestOpenKnownIndexes: an index of another version, one without folders
// (a walk that skipped an entry), a corrupt one and none at all give no
// shelf; so does a shelf of one issue.
func TestOpenKnownIndexes(t *testing.T) {
	c := smallConfig()
	dir, _ := generated(t, c)
	opt := knownOptions(t)
	indexed(t, dir, opt)
	name, f := readIndex(t, dir, opt)
	write := func(f indexFile) {
		if err := os.WriteFile(name, encodeIndex(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := f
	old.Version = indexVersion - 1
	write(old)
	if OpenKnown(dir, opt) != nil {
		t.Error("an index of another version was used")
	}
	none := f
	none.Folders = nil
	write(none)
	if OpenKnown(dir, opt) != nil {
		t.Error("an index without folders was used")
	}
	lost := f
	lost.Records = lost.Records[1:]
	write(lost)
	// A record missing is a file the walk would index, which the shelf
	// the index gives would lack. Records and folders are saved together:
	// dubao writes no index like this one, but the search must not pass
	// the file over unseen.
	if OpenKnown(dir, opt) != nil {
		t.Error("an index missing a record was used")
	}
	whole := encodeIndex(f)
	if err := os.WriteFile(name, whole[:len(whole)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	if OpenKnown(dir, opt) != nil {
		t.Error("a corrupt index was used")
	}
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	if OpenKnown(dir, opt) != nil {
		t.Error("a shelf with no index was opened")
	}
	if OpenKnown(dir, Options{NoKey: true}) != nil {
		t.Error("a shelf with no cache was opened")
	}

	one := t.TempDir()
	copyFile(t, filepath.Join(dir, "2024", "02", "2024-02-01.md"), filepath.Join(one, "2024-02-01.md"))
	indexed(t, one, opt)
	if OpenKnown(one, opt) != nil {
		t.Error("a folder of one issue was opened as a shelf")
	}
}

// TestOpenKnownSkipped: a shelf whose walk skips an entry (a link to a
// folder) keeps no folders in its index.
func TestOpenKnownSkipped(t *testing.T) {
	c := smallConfig()
	dir, _ := generated(t, c)
	if err := os.Symlink(filepath.Join(dir, "2024", "01"), filepath.Join(dir, "link")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	opt := knownOptions(t)
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Skipped) == 0 {
		t.Fatal("the link was not skipped")
	}
	_, f := readIndex(t, dir, opt)
	if len(f.Folders) != 0 {
		t.Errorf("%d folders kept", len(f.Folders))
	}
	if OpenKnown(dir, opt) != nil {
		t.Error("OpenKnown gave a shelf")
	}
}

// TestOpenKnownSearchCancel: the search of a known shelf ends, every
// goroutine with it, when its context is cancelled, also while it goes on
// with a shelf scanned anew. It waits on events, not time: synctest.Test
// fails if a goroutine of the search is left blocked.
func TestOpenKnownSearchCancel(t *testing.T) {
	c := smallConfig()
	c.NeedleEvery = 1
	dir, _ := generated(t, c)
	opt := knownOptions(t)
	indexed(t, dir, opt)
	// The second issue changed: the search scans the shelf anew there.
	rewrite(t, filepath.Join(dir, "2024", "02", "2024-02-28.md"), c.Needle)
	ks := OpenKnown(dir, opt)
	if ks == nil {
		t.Fatal("OpenKnown: no shelf")
	}
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		ch := ks.Search(ctx, search.New(c.Needle), SearchOptions{Workers: 2})
		if first, ok := <-ch; !ok || len(first.Hits) == 0 {
			t.Fatalf("first batch: %+v, %v", first, ok)
		}
		cancel()
		for range ch {
		}
	})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, name string) {
	t.Helper()
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

// rewrite writes the file at name again in place (same inode, the same
// folder times), with needle added to its last line.
func rewrite(t *testing.T, name, needle string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(append(append(data, needle...), "。\n"...)); err != nil {
		t.Fatal(err)
	}
}

// sameEntries compares two lists of issues field by field, the unexported
// ones too (the identity prefilters are kept under, the archive folder,
// the e-paper day, the place).
func sameEntries(t *testing.T, what string, got, want []*Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d issues, want %d", what, len(got), len(want))
	}
	for i := range got {
		g, _ := json.Marshal(got[i])
		w, _ := json.Marshal(want[i])
		if string(g) != string(w) || got[i].key() != want[i].key() || got[i].folder != want[i].folder || got[i].day != want[i].day || got[i].index != want[i].index {
			t.Fatalf("%s: issue %d:\n got %s %s %v %d\nwant %s %s %v %d", what, i, g, got[i].folder, got[i].day, got[i].index, w, want[i].folder, want[i].day, want[i].index)
		}
	}
}

// TestCachedIssues: the issues the index keeps grouped (memberRecs, through
// the index file) are the ones grouping its records makes, on shelves of
// every shape: the generated one, the mixed one (page files, a GB18030
// file, dates from the masthead, the name or the file's time), the repo's
// sample issues and, when present, the real data.
func TestCachedIssues(t *testing.T) {
	dirs := map[string]string{"generated": func() string { d, _ := generated(t, smallConfig()); return d }(),
		"mixed": mixedShelf(t), "testdata": testdataIssues(t), "web": writeShelf(t, []fixture{
			// A web archive's article files in a folder that holds a
			// folder too (so not read as an archive folder): grouped by
			// date and page, ordered by their article numbers.
			{path: "web/20191002-02-01.txt", content: page(2, "城市", "老街改造")},
			{path: "web/20191002-01-02.txt", content: page(1, "要闻", "图书馆延时开放")},
			{path: "web/20191002-01-10.txt", content: page(1, "要闻", "河堤加固完工")},
			{path: "web/20191002-01-01.txt", content: masthead("星河日报", "2019-10-02", 2) + page(1, "要闻", "植树节前种下千棵树")},
			{path: "web/sub/2019-10-03.md", content: masthead("星河日报", "2019-10-03", 1) + page(1, "要闻", "周末天气晴好")},
		})}
	for _, sub := range []string{"real", "epaper", "seed"} {
		d := filepath.Join(sharedDir(t), sub)
		if _, err := os.Stat(d); err == nil {
			dirs[sub] = d
		}
	}
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			opt := Options{CacheDir: t.TempDir(), NoKey: true}
			if _, err := Scan(context.Background(), dir, opt); err != nil {
				t.Fatal(err)
			}
			idx := loadIndex(opt.CacheDir, dir, opt.variant())
			if len(idx.records) == 0 {
				t.Fatal("no records")
			}
			abs, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			root := filepath.Base(abs)
			want := orderedIssues(idx.records, root)
			f, err := decodeIndex(encodeIndex(indexFile{Records: idx.records, Issues: memberRecs(idx.records, root)}))
			if err != nil {
				t.Fatal(err)
			}
			got := index{records: f.Records, issues: f.Issues}.cachedIssues()
			if got == nil {
				t.Fatal("no cached issues")
			}
			sameEntries(t, "cached", got, want)
			if len(idx.folders) > 0 {
				// Kept by the scan itself.
				sameEntries(t, "saved", idx.cachedIssues(), want)
			}
		})
	}
}

// TestCachedIssuesChecked: a cached grouping that cannot be the records'
// is not used.
func TestCachedIssuesChecked(t *testing.T) {
	dir, _ := generated(t, smallConfig())
	opt := knownOptions(t)
	indexed(t, dir, opt)
	idx := loadIndex(opt.CacheDir, dir, opt.variant())
	if idx.cachedIssues() == nil {
		t.Fatal("no cached issues")
	}
	clone := func() index {
		c := idx
		c.issues = make([][]memberRec, len(idx.issues))
		for i, g := range idx.issues {
			c.issues[i] = slices.Clone(g)
		}
		return c
	}
	for _, tc := range []struct {
		name   string
		change func(c *index)
	}{
		{"a record twice", func(c *index) { c.issues[1][0].Record = c.issues[0][0].Record }},
		{"a record left out", func(c *index) { c.issues = c.issues[1:] }},
		{"a record out of range", func(c *index) { c.issues[0][0].Record = len(c.records) }},
		{"a negative record", func(c *index) { c.issues[0][0].Record = -1 }},
		{"no date", func(c *index) { c.issues[0][0].Date = "" }},
		{"a bad date", func(c *index) { c.issues[0][0].Date = "2024-02-30" }},
		{"an unknown source", func(c *index) { c.issues[0][0].From = "guess" }},
		{"a huge page", func(c *index) { c.issues[0][0].Pages = []int{maxPage + 1} }},
		{"an empty issue", func(c *index) { c.issues[0] = nil }},
		{"a control in a page name", func(c *index) { c.issues[0][0].PageName = "\x1b[2J" }},
	} {
		c := clone()
		tc.change(&c)
		if c.cachedIssues() != nil {
			t.Errorf("%s: used", tc.name)
		}
	}
}
