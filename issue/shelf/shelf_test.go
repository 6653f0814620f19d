package shelf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"dubao/issue"
	"dubao/issue/search"
	"dubao/issue/source"
)

// masthead writes the masthead of a fictional paper for date (YYYY-MM-DD).
func masthead(paper, date string, pages int) string {
	t, _ := time.Parse(time.DateOnly, date)
	return fmt.Sprintf("%s\n\n星河市委主管主办\n\n%d年%d月%d日 星期%s\n\n今日%d版\n\n第%d号\n\n",
		paper, t.Year(), int(t.Month()), t.Day(), "一二三四五六日"[3*((int(t.Weekday())+6)%7):][:3], pages, t.YearDay())
}

// page writes one page (版) of articles titled by titles.
func page(n int, name string, titles ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# 第%d版 %s\n\n", n, name)
	for _, title := range titles {
		fmt.Fprintf(&b, "## %s\n\n本报讯(记者 林晓) %s的消息：河边的步道今天开放，居民可以去散步。\n\n第二段说明了后续的安排。\n\n", title, title)
	}
	return b.String()
}

// fixture is a file of a test shelf.
type fixture struct {
	path    string
	content string
	gb      bool      // write in GB18030
	mtime   time.Time // set the modification time when not zero
	mode    os.FileMode
}

// writeShelf writes fixtures under a temporary folder and returns it.
func writeShelf(t *testing.T, files []fixture) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		name := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		data := []byte(f.content)
		if f.gb {
			var err error
			data, err = simplifiedchinese.GB18030.NewEncoder().Bytes(data)
			if err != nil {
				t.Fatal(err)
			}
		}
		mode := f.mode
		if mode == 0 {
			mode = 0o644
		}
		if err := os.WriteFile(name, data, mode); err != nil {
			t.Fatal(err)
		}
		if !f.mtime.IsZero() {
			if err := os.Chtimes(name, f.mtime, f.mtime); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// mixedShelf is a shelf of two papers with whole-issue files, page files,
// a GB18030 file, a file dated only by its masthead, one dated only by its
// time, and junk.
func mixedShelf(t *testing.T) string {
	t.Helper()
	old := time.Date(2023, 5, 1, 12, 0, 0, 0, time.Local)
	dir := writeShelf(t, []fixture{
		{path: "2024/2024-03-07.md", content: masthead("星河日报", "2024-03-07", 2) + page(1, "要闻", "河堤加固完工", "新书店开门") + page(2, "城市", "公交线路调整")},
		{path: "2024/2024-03-08.md", content: masthead("星河日报", "2024-03-08", 2) + page(1, "要闻", "春耕备耕忙") + page(2, "城市", "夜市重开")},
		// One issue kept as one file per page; only the first page has a
		// masthead, and the pages are listed out of order on purpose.
		{path: "2024/2024-03-10/03.md", content: page(3, "文化", "剧院上新戏")},
		{path: "2024/2024-03-10/01.md", content: masthead("星河日报", "2024-03-10", 3) + page(1, "要闻", "植树节前种下千棵树", "图书馆延时开放")},
		{path: "2024/2024-03-10/02.md", content: page(2, "城市", "老街改造")},
		// Another paper, the same day, in GB18030 and dated by its name.
		{path: "晨风报/晨风报20240308.txt", content: masthead("晨风报", "2024-03-08", 1) + page(1, "头版", "湖区候鸟归来"), gb: true},
		// Dated only by its masthead.
		{path: "inbox/today.md", content: masthead("星河日报", "2024-03-09", 1) + page(1, "要闻", "周末天气晴好")},
		// Dated only by the file's time.
		{path: "随笔.md", content: "## 一篇随笔\n\n没有日期的文字，也算一期。\n", mtime: old},
		// Junk.
		{path: "scan.png", content: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
		{path: "2024/data.bin", content: "abc\x00\x01\x02def"},
		{path: "empty.txt", content: ""},
		{path: "blank.txt", content: "\n\n   \n"},
		{path: "README.md", content: "# My papers\n\n## How to read them\n\nJust read them.\n"},
		{path: ".git/config", content: "[core]\n"},
	})
	// A link to nowhere cannot be read.
	if err := os.Symlink(filepath.Join(dir, "gone.md"), filepath.Join(dir, "dangling.md")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// describe lists a shelf's issues as "date paper pages/articles files".
func describe(s *Shelf) []string {
	var out []string
	for _, e := range s.Issues {
		var files []string
		for _, f := range e.Files {
			files = append(files, f.Path)
		}
		out = append(out, fmt.Sprintf("%s %s %s %d/%d %s", e.Date, e.DateFrom, e.Paper, e.Pages, e.Articles, strings.Join(files, ",")))
	}
	return out
}

func TestScanMixedFolder(t *testing.T) {
	dir := mixedShelf(t)
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2024-03-10 masthead 星河日报 3/4 2024/2024-03-10/01.md,2024/2024-03-10/02.md,2024/2024-03-10/03.md",
		"2024-03-09 masthead 星河日报 1/1 inbox/today.md",
		"2024-03-08 masthead 星河日报 2/2 2024/2024-03-08.md", // papers in byte order: 星 < 晨
		"2024-03-08 masthead 晨风报 1/1 晨风报/晨风报20240308.txt",
		"2024-03-07 masthead 星河日报 2/3 2024/2024-03-07.md",
		"2023-05-01 mtime  1/1 随笔.md",
	}
	if got := describe(s); !slices.Equal(got, want) {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	skipped := map[string]string{}
	for _, sk := range s.Skipped {
		skipped[sk.Path] = sk.Reason.String()
	}
	for path, reason := range map[string]string{
		"scan.png":      "PNG image",
		"2024/data.bin": "binary",
		"empty.txt":     "empty",
		"blank.txt":     "no articles",
		"README.md":     "not an issue",
		"dangling.md":   "cannot read",
	} {
		if got, ok := skipped[path]; !ok || !strings.Contains(got, reason) {
			t.Errorf("skipped[%s] = %q, want a reason with %q", path, got, reason)
		}
		delete(skipped, path)
	}
	if len(skipped) > 0 {
		t.Errorf("unexpected skips: %v", skipped)
	}
	if e := s.Lookup("晨风报 2024-03-08"); len(e) != 1 || e[0].Encoding != "GB18030" {
		t.Errorf("GB18030 issue: %+v", e)
	}
}

func TestScanUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files without read permission")
	}
	dir := writeShelf(t, []fixture{
		{path: "2024-03-08.md", content: page(1, "要闻", "春耕备耕忙")},
		{path: "2024-03-09.md", content: page(1, "要闻", "夜市重开"), mode: 0o200},
	})
	s, err := Scan(context.Background(), dir, Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Issues) != 1 || len(s.Skipped) != 1 || !strings.Contains(s.Skipped[0].Reason.String(), "permission denied") {
		t.Errorf("issues %v, skipped %v", describe(s), s.Skipped)
	}
}

func TestScanErrors(t *testing.T) {
	if _, err := Scan(context.Background(), filepath.Join(t.TempDir(), "missing"), Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing folder: %v", err)
	}
	file := filepath.Join(t.TempDir(), "a.md")
	os.WriteFile(file, []byte("## x\n\ny\n"), 0o644)
	if _, err := Scan(context.Background(), file, Options{}); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("file as a shelf: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Scan(ctx, mixedShelf(t), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled scan: %v", err)
	}
}

func TestMonthsAndOrder(t *testing.T) {
	s, err := Scan(context.Background(), mixedShelf(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(s.Issues); i++ {
		if s.Issues[i-1].Date < s.Issues[i].Date {
			t.Errorf("issue %d (%s) before a newer one (%s)", i-1, s.Issues[i-1].Date, s.Issues[i].Date)
		}
		if s.Index(s.Issues[i]) != i {
			t.Errorf("Index = %d, want %d", s.Index(s.Issues[i]), i)
		}
	}
	var got []string
	for _, m := range s.Months() {
		got = append(got, fmt.Sprintf("%d-%02d:%d", m.Year, m.Month, len(m.Issues)))
	}
	if want := []string{"2024-03:5", "2023-05:1"}; !slices.Equal(got, want) {
		t.Errorf("Months = %v, want %v", got, want)
	}
}

func TestPrevNext(t *testing.T) {
	s, err := Scan(context.Background(), mixedShelf(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	one := func(sel string) *Entry {
		t.Helper()
		es := s.Lookup(sel)
		if len(es) != 1 {
			t.Fatalf("Lookup(%q) = %d issues", sel, len(es))
		}
		return es[0]
	}
	date := func(e *Entry) string {
		if e == nil {
			return "none"
		}
		return e.Paper + " " + e.Date
	}
	for _, tc := range []struct{ sel, prev, next string }{
		{"星河日报 2024-03-07", "none", "星河日报 2024-03-08"},
		{"星河日报 2024-03-08", "星河日报 2024-03-07", "星河日报 2024-03-09"},
		{"星河日报 2024-03-09", "星河日报 2024-03-08", "星河日报 2024-03-10"},
		{"2024-03-10", "星河日报 2024-03-09", "none"},
		{"晨风报 20240308", "none", "none"}, // no other day of that paper
	} {
		e := one(tc.sel)
		if got := date(s.Prev(e)); got != tc.prev {
			t.Errorf("Prev(%s) = %s, want %s", tc.sel, got, tc.prev)
		}
		if got := date(s.Next(e)); got != tc.next {
			t.Errorf("Next(%s) = %s, want %s", tc.sel, got, tc.next)
		}
	}
}

func TestLookup(t *testing.T) {
	s, err := Scan(context.Background(), mixedShelf(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sel  string
		want int
	}{
		{"2024-03-08", 2},
		{"20240308", 2},
		{"2024年3月8日", 2},
		{"星河日报2024-03-08", 1},
		{"晨风 2024-03-08", 1},
		{"晨风报/晨风报20240308.txt", 1},   // a file's path
		{"2024/2024-03-10", 1},       // the folder of a page-file issue
		{"2024/2024-03-10/02.md", 1}, // one of its pages
		{"2024-03-11", 0},
		{"星河日报", 0},
		{"", 0},
	} {
		if got := s.Lookup(tc.sel); len(got) != tc.want {
			t.Errorf("Lookup(%q) = %d issues, want %d", tc.sel, len(got), tc.want)
		}
	}
}

func TestOpenJoinsPageFiles(t *testing.T) {
	s, err := Scan(context.Background(), mixedShelf(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := s.Lookup("2024-03-10")[0]
	l, err := s.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	is := l.Issue
	if is.Paper != "星河日报" || is.Date != "2024-03-10" || is.Pages != 3 {
		t.Errorf("masthead: %q %q %d", is.Paper, is.Date, is.Pages)
	}
	var got []string
	for _, a := range is.Articles() {
		_, sec := is.Article(a.N)
		got = append(got, fmt.Sprintf("%d:%d:%s", a.N, sec.Page, a.Title))
	}
	want := []string{"1:1:植树节前种下千棵树", "2:1:图书馆延时开放", "3:2:老街改造", "4:3:剧院上新戏"}
	if !slices.Equal(got, want) {
		t.Errorf("articles = %v, want %v", got, want)
	}
	if l.Key != e.Key || l.Entry != e {
		t.Errorf("Loaded key %s entry %p, want %s %p", l.Key, l.Entry, e.Key, e)
	}
	// The GB18030 issue opens decoded.
	gb, err := s.Open(s.Lookup("晨风报 2024-03-08")[0])
	if err != nil {
		t.Fatal(err)
	}
	if gb.Issue.Encoding != "GB18030" || gb.Issue.Articles()[0].Title != "湖区候鸟归来" {
		t.Errorf("GB18030 issue: %s %q", gb.Issue.Encoding, gb.Issue.Articles()[0].Title)
	}
}

func TestKeyFollowsContentNotName(t *testing.T) {
	dir := mixedShelf(t)
	s1, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, e := range s1.Issues {
		if prev, dup := keys[e.Key]; dup {
			t.Errorf("two issues share a key: %s and %s", prev, e.Name())
		}
		keys[e.Key] = e.Name()
	}
	old := s1.Lookup("2024-03-07")[0].Key
	pages := s1.Lookup("2024-03-10")[0].Key

	// Rename a whole-issue file and a page-file folder.
	if err := os.Rename(filepath.Join(dir, "2024/2024-03-07.md"), filepath.Join(dir, "renamed.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "2024/2024-03-10"), filepath.Join(dir, "2024/2024-03-10 pages")); err != nil {
		t.Fatal(err)
	}
	s2, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e := s2.ByKey(old); e == nil || e.Files[0].Path != "renamed.md" {
		t.Errorf("renamed file: ByKey = %+v", e)
	}
	if e := s2.ByKey(pages); e == nil || len(e.Files) != 3 {
		t.Errorf("renamed page folder: ByKey = %+v", e)
	}
	// Opening the file on its own gives the same key as on the shelf.
	l, err := Load(filepath.Join(dir, "renamed.md"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Key != old {
		t.Errorf("Load key %s, shelf key %s", l.Key, old)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "renamed.md"))
	if k := source.Key(data); k != old {
		t.Errorf("source.Key(bytes) = %s, want %s", k, old)
	}
	if lb, err := LoadBytes("stdin", data, Options{}); err != nil || lb.Key != old {
		t.Errorf("LoadBytes: %v, key %v", err, lb)
	}
	// And the page folder opened on its own is the same issue.
	lf, err := Load(filepath.Join(dir, "2024/2024-03-10 pages"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if lf.Key != pages || lf.Issue.Count() != 4 {
		t.Errorf("Load(page folder): key %s (want %s), %d articles", lf.Key, pages, lf.Issue.Count())
	}
}

func TestLoadShelfFolder(t *testing.T) {
	dir := mixedShelf(t)
	_, err := Load(dir, Options{})
	if !errors.Is(err, ErrShelf) {
		t.Errorf("Load(shelf) = %v, want ErrShelf", err)
	}
	l, s, err := OpenPath(context.Background(), dir, Options{})
	if err != nil || l != nil || s == nil || len(s.Issues) != 6 {
		t.Errorf("OpenPath(shelf) = %v, %v, %v", l, s, err)
	}
	l, s, err = OpenPath(context.Background(), filepath.Join(dir, "2024/2024-03-10"), Options{})
	if err != nil || s != nil || l == nil || l.Issue.Count() != 4 {
		t.Errorf("OpenPath(page folder) = %v, %v, %v", l, s, err)
	}
	junk := writeShelf(t, []fixture{{path: "a.png", content: "\x89PNG\r\n\x1a\n"}})
	if _, err := Load(junk, Options{}); !errors.Is(err, issue.ErrNoArticles) || !strings.Contains(err.Error(), "PNG") {
		t.Errorf("Load(folder of junk) = %v", err)
	}
	if _, err := Load(filepath.Join(junk, "a.png"), Options{}); err == nil || !strings.Contains(err.Error(), "PNG") {
		t.Errorf("Load(png) = %v", err)
	}
}

func TestCache(t *testing.T) {
	dir := mixedShelf(t)
	cache := t.TempDir()
	indexed := 0
	opt := Options{CacheDir: cache, Progress: func(done, total int) { indexed = total }}
	first, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	if indexed == 0 {
		t.Fatal("first scan indexed nothing")
	}
	all := indexed

	indexed = 0
	second, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Only the dangling link, whose failure is not cached, is tried again
	// — and it is skipped before indexing.
	if indexed != 0 {
		t.Errorf("second scan indexed %d files, want 0 (all cached)", indexed)
	}
	if a, b := describe(first), describe(second); !slices.Equal(a, b) {
		t.Errorf("cached shelf differs:\n%v\n%v", a, b)
	}
	if len(first.Skipped) != len(second.Skipped) {
		t.Errorf("cached skips differ: %v vs %v", first.Skipped, second.Skipped)
	}

	// A changed file (size and time) is indexed again, alone.
	name := filepath.Join(dir, "2024/2024-03-08.md")
	if err := os.WriteFile(name, []byte(masthead("星河日报", "2024-03-08", 1)+page(1, "要闻", "春耕备耕忙", "一篇新稿", "又一篇")), 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	if indexed != 1 {
		t.Errorf("after one change, indexed %d files, want 1", indexed)
	}
	if e := third.Lookup("星河日报 2024-03-08"); len(e) != 1 || e[0].Articles != 3 {
		t.Errorf("changed file not re-read: %v", describe(third))
	}

	// A corrupt index is rebuilt, silently.
	matches, _ := filepath.Glob(filepath.Join(cache, "shelves", "*.idx"))
	if len(matches) != 1 {
		t.Fatalf("index files: %v", matches)
	}
	good, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(matches[0], good[:len(good)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	indexed = 0
	fourth, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	if indexed == 0 || !slices.Equal(describe(third), describe(fourth)) {
		t.Errorf("corrupt index: indexed %d, shelf %v", indexed, describe(fourth))
	}
	// An index written by another version of the parser is rebuilt.
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	file, err := decodeIndex(data)
	if err != nil || file.Parser != issue.ParserVersion || file.Version != indexVersion {
		t.Fatalf("index: %v, parser %d, version %d", err, file.Parser, file.Version)
	}
	file.Parser--
	if err := os.WriteFile(matches[0], encodeIndex(file), 0o644); err != nil {
		t.Fatal(err)
	}
	indexed = 0
	if _, err := Scan(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	if indexed == 0 {
		t.Error("an index of an older parser was used, not rebuilt")
	}
	// A cancelled scan keeps what it indexed: cancel after the first file.
	if err := os.RemoveAll(cache); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = Scan(ctx, dir, Options{CacheDir: cache, Workers: 1, Progress: func(done, total int) {
		if done == 1 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled scan: %v", err)
	}
	indexed = 0
	if _, err := Scan(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	if indexed == 0 || indexed >= all {
		t.Errorf("after a cancelled scan, %d files indexed again (of %d)", indexed, all)
	}
	// No temporary files are left in the cache.
	tmps, _ := filepath.Glob(filepath.Join(cache, "shelves", "*.tmp"))
	if len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

func TestJoinPageFiles(t *testing.T) {
	art := func(title string) issue.Article {
		return issue.Article{N: 1, Title: title, Paragraphs: []string{title + "。"}}
	}
	for _, tc := range []struct {
		mastheadPages int
		wantPages     int
	}{{4, 4}, {0, 3}} {
		p1 := &issue.Issue{Paper: "星河日报", Date: "2024-03-08", Pages: tc.mastheadPages, Encoding: "UTF-8",
			Sections: []issue.Section{{Page: 1, Name: "要闻", Articles: []issue.Article{art("甲"), art("乙")}}}}
		// Page files without a page line of their own: the name gives it.
		p2 := &issue.Issue{Encoding: "GB18030", Sections: []issue.Section{{Articles: []issue.Article{art("丙")}}}}
		p3 := &issue.Issue{Encoding: "UTF-8", Sections: []issue.Section{{Page: 1, Articles: []issue.Article{art("丁")}}}}
		is := source.Join([]*issue.Issue{source.WithPage(p1, 1), source.WithPage(p2, 2), source.WithPage(p3, 3)})
		var got []string
		for _, sec := range is.Sections {
			for _, a := range sec.Articles {
				got = append(got, fmt.Sprintf("%d/%d%s/%s", a.N, sec.Page, sec.Name, a.Title))
			}
		}
		want := []string{"1/1要闻/甲", "2/1要闻/乙", "3/2/丙", "4/3/丁"}
		if !slices.Equal(got, want) {
			t.Errorf("joined = %v, want %v", got, want)
		}
		if is.Paper != "星河日报" || is.Date != "2024-03-08" || is.Pages != tc.wantPages || is.Encoding != "UTF-8+GB18030" {
			t.Errorf("joined masthead: %q %q pages %d (want %d) %q", is.Paper, is.Date, is.Pages, tc.wantPages, is.Encoding)
		}
	}
	// A page number from the name fills only unknown pages of a file with
	// several sections.
	multi := &issue.Issue{Sections: []issue.Section{{Page: 0}, {Page: 5}}}
	source.WithPage(multi, 4)
	if multi.Sections[0].Page != 4 || multi.Sections[1].Page != 5 {
		t.Errorf("withPage on several sections: %+v", multi.Sections)
	}
}

// archiveFile writes one file of the web archive form: kicker, title,
// subtitle lines, then paragraphs indented with U+3000, CRLF line ends.
func archiveFile(kicker, title, subtitle string, paras ...string) string {
	lines := []string{kicker, title, subtitle}
	for _, p := range paras {
		lines = append(lines, "\u3000\u3000"+p)
	}
	return strings.Join(lines, "\r\n") + "\r\n"
}

func TestArchiveFolder(t *testing.T) {
	dir := writeShelf(t, []fixture{
		{path: "archive/20240601/20240601-02-01.txt", content: archiveFile("", "湖区候鸟归来", "", "今年来湖区越冬的候鸟比去年多。", "观鸟的人也多了。")},
		{path: "archive/20240601/20240601-01-02.txt", content: archiveFile("", "夜市重开", "——老街烟火气回来了", "周五晚上，老街夜市重新开张。")},
		{path: "archive/20240601/20240601-01-01.txt", content: archiveFile("市政府召开常务会议", "部署夏季防汛工作", "", "会议要求各部门做好准备。")},
		{path: "archive/20240601/20240601-03-01.txt", content: "广告"},
		{path: "2024-06-02.md", content: masthead("星河日报", "2024-06-02", 1) + page(1, "要闻", "春耕备耕忙")},
	})
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2024-06-02 masthead 星河日报 1/1 2024-06-02.md",
		"2024-06-01 name  3/3 archive/20240601/20240601-01-01.txt,archive/20240601/20240601-01-02.txt,archive/20240601/20240601-02-01.txt,archive/20240601/20240601-03-01.txt",
	}
	if got := describe(s); !slices.Equal(got, want) || len(s.Skipped) != 0 {
		t.Fatalf("issues:\n%s\nwant:\n%s\nskipped %v", strings.Join(got, "\n"), strings.Join(want, "\n"), s.Skipped)
	}
	e := s.Issues[1]
	var pages []int
	for _, f := range e.Files {
		pages = append(pages, f.Page)
	}
	if !slices.Equal(pages, []int{1, 1, 2, 3}) {
		t.Errorf("file pages %v", pages)
	}
	l, err := s.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range l.Issue.Articles() {
		titles = append(titles, a.Title)
	}
	if !slices.Equal(titles, []string{"部署夏季防汛工作", "夜市重开", "湖区候鸟归来"}) {
		t.Errorf("titles %v", titles)
	}
	// The folder opened on its own is the same issue, with the same key.
	lf, err := Load(filepath.Join(dir, "archive/20240601"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if lf.Key != e.Key || lf.Issue.Count() != 3 {
		t.Errorf("Load(folder): key %s (want %s), %d articles", lf.Key, e.Key, lf.Issue.Count())
	}
	// Search reads the folder as one issue too.
	var hits []string
	for b := range s.Search(context.Background(), search.New("候鸟"), SearchOptions{}) {
		for _, h := range b.Hits {
			hits = append(hits, fmt.Sprintf("%s %d %d %s", h.Entry.Date, h.Page, h.N, h.Title))
		}
	}
	if !slices.Equal(hits, []string{"2024-06-01 2 3 湖区候鸟归来", "2024-06-01 2 3 湖区候鸟归来"}) {
		t.Errorf("hits %q", hits)
	}
}

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("../shared is absent (a fresh clone): %v", err)
	}
	return shared
}

func TestRealArchiveIssue(t *testing.T) {
	folder := filepath.Join(sharedDir(t), "real", "people-daily-2019-10-02")
	s, err := Scan(context.Background(), filepath.Dir(folder), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Issues) != 1 || len(s.Skipped) != 0 {
		t.Fatalf("issues %v, skipped %v", describe(s), s.Skipped)
	}
	e := s.Issues[0]
	if e.Date != "2019-10-02" || e.DateFrom != DateName || e.Pages != 20 {
		t.Errorf("entry: %s %s %d pages", e.Date, e.DateFrom, e.Pages)
	}
	l, err := s.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	if l.Issue.Count() != e.Articles {
		t.Errorf("opened %d articles, the shelf says %d", l.Issue.Count(), e.Articles)
	}
	if lf, err := Load(folder, Options{}); err != nil || lf.Key != e.Key {
		t.Errorf("Load(folder): %v, key match %v", err, err == nil && lf.Key == e.Key)
	}
}

func TestEncodings(t *testing.T) {
	text := "## 湖区候鸟归来\n\n今年来湖区越冬的候鸟比去年多，观鸟的人也多了。\n"
	utf16 := func(s string, bom bool) string {
		var b []byte
		if bom {
			b = append(b, 0xff, 0xfe)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeShelf(t, []fixture{
		{path: "2024-06-01.md", content: text},
		{path: "2024-06-02.md", content: "\xef\xbb\xbf" + text},
		{path: "2024-06-03.txt", content: gb},
		{path: "2024-06-04.txt", content: utf16(text, true)},
		{path: "2024-06-05.txt", content: utf16(text, false)},
	})
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var encs []string
	for _, e := range s.Issues {
		encs = append(encs, e.Date+" "+e.Encoding)
	}
	want := []string{"2024-06-05 UTF-16LE", "2024-06-04 UTF-16LE", "2024-06-03 GB18030", "2024-06-02 UTF-8 BOM", "2024-06-01 UTF-8"}
	if !slices.Equal(encs, want) || len(s.Skipped) > 0 {
		t.Errorf("encodings %q, want %q; skipped %v", encs, want, s.Skipped)
	}
	hits := map[string]int{}
	for b := range s.Search(context.Background(), search.New("候鸟"), SearchOptions{}) {
		for _, h := range b.Hits {
			hits[h.Entry.Date]++
		}
	}
	for _, e := range s.Issues {
		if hits[e.Date] != 2 {
			t.Errorf("%s (%s): %d hits, want 2 (title and body)", e.Date, e.Encoding, hits[e.Date])
		}
	}
}

// TestNoKey checks that Options.NoKey spares the content key and nothing
// else: the issue read is the same.
func TestNoKey(t *testing.T) {
	data := []byte("星河日报\n\n2024年3月8日 星期五\n\n## 标题\n\n正文第一段。\n")
	with, err := LoadBytes("x.md", slices.Clone(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	without, err := LoadBytes("x.md", slices.Clone(data), Options{NoKey: true})
	if err != nil {
		t.Fatal(err)
	}
	if with.Key == "" || without.Key != "" {
		t.Errorf("keys %q and %q, want one and none", with.Key, without.Key)
	}
	if !reflect.DeepEqual(with.Issue, without.Issue) {
		t.Errorf("the issues differ:\n%+v\n%+v", with.Issue, without.Issue)
	}
}
