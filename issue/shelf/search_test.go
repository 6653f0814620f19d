package shelf

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
	"unicode/utf8"

	"dubao/issue/search"
	"dubao/issue/shelf/shelftest"
)

// smallConfig is a generated shelf small enough for unit tests: 60 days of
// a four-page daily, every fifth day kept as page files, the needle every
// seventh day.
func smallConfig() shelftest.Config {
	c := shelftest.DefaultConfig()
	c.First = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	c.Days, c.Pages, c.IssueBytes = 60, 4, 12_000
	c.PerPageEvery, c.NeedleEvery = 5, 7
	return c
}

func generated(t testing.TB, c shelftest.Config) (string, shelftest.Stats) {
	t.Helper()
	dir := t.TempDir()
	st, err := shelftest.Generate(dir, c)
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

// collect runs a search to the end and returns its batches.
func collect(t *testing.T, s *Shelf, q string, opt SearchOptions) []Batch {
	t.Helper()
	var out []Batch
	for b := range s.Search(context.Background(), search.New(q), opt) {
		out = append(out, b)
	}
	return out
}

func TestSearchFindsNeedle(t *testing.T) {
	c := smallConfig()
	dir, st := generated(t, c)
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Issues) != c.Days {
		t.Fatalf("%d issues, want %d (skipped %v)", len(s.Issues), c.Days, s.Skipped)
	}
	batches := collect(t, s, c.Needle, SearchOptions{})
	if len(batches) != len(s.Issues) {
		t.Fatalf("%d batches, want one per issue (%d)", len(batches), len(s.Issues))
	}
	var dates []string
	for i, b := range batches {
		if b.Entry != s.Issues[i] {
			t.Fatalf("batch %d is for %s, want %s (shelf order)", i, b.Entry.Name(), s.Issues[i].Name())
		}
		if b.Done != i+1 || b.Total != len(s.Issues) || b.Err != nil {
			t.Errorf("batch %d: done %d/%d, err %v", i, b.Done, b.Total, b.Err)
		}
		if len(b.Hits) > 0 {
			dates = append(dates, b.Entry.Date)
		}
		for _, h := range b.Hits {
			checkHit(t, s, h, c.Needle)
		}
	}
	want := slices.Clone(st.NeedleDates)
	slices.Reverse(want) // newest first
	if !slices.Equal(dates, want) {
		t.Errorf("needle found on %v, want %v", dates, want)
	}
}

// checkHit checks that a hit shows the match in its line and that its
// position addresses the match in the article it names.
func checkHit(t *testing.T, s *Shelf, h Hit, needle string) {
	t.Helper()
	if got := h.Line[h.Match[0]:h.Match[1]]; got != needle {
		t.Errorf("%s #%d: Line[Match] = %q in %q", h.Entry.Date, h.N, got, h.Line)
	}
	if strings.ContainsAny(h.Line, "\n\t") {
		t.Errorf("Line is not one line: %q", h.Line)
	}
	l, err := s.Open(h.Entry)
	if err != nil {
		t.Fatal(err)
	}
	a, sec := l.Issue.Article(h.N)
	if a == nil || a.Title != h.Title || sec.Page != h.Page {
		t.Fatalf("hit names article %d %q on page %d; the issue has %+v", h.N, h.Title, h.Page, a)
	}
	pieces := a.Pieces()
	if !strings.HasPrefix(pieces[h.Pos.Piece].Text[h.Pos.Offset:], needle) {
		t.Errorf("Pos %+v does not address %q in article %d", h.Pos, needle, h.N)
	}
}

func TestSearchFoldsAndSpansLines(t *testing.T) {
	dir := writeShelf(t, []fixture{
		{path: "2024-03-08.md", content: "## 新品发布\n\n厂家推出ＶＩＰ会员卡。\n"},
		// A paragraph broken over two lines in the file (the parser joins
		// them): the pre-filter must not drop the issue.
		{path: "2024-03-09.md", content: "## 清淤\n\n今年完成清淤的河\n道共有十条，全部通过验收。\n\n明年还要再清理五条，资金已经落实。\n\n环保部门将持续监测水质。\n"},
		{path: "2024-03-10.md", content: "## 无关\n\n这里什么也没有。\n"},
	})
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ q, date string }{
		{"vip", "2024-03-08"},
		{"河道", "2024-03-09"},
	} {
		var found []string
		for _, b := range collect(t, s, tc.q, SearchOptions{}) {
			for _, h := range b.Hits {
				found = append(found, h.Entry.Date+" "+h.Line[h.Match[0]:h.Match[1]])
			}
		}
		if len(found) == 0 || !strings.HasPrefix(found[len(found)-1], tc.date) {
			t.Errorf("search %q found %q, want a hit on %s", tc.q, found, tc.date)
		}
	}
}

// TestSearchFoldsScripts searches a shelf of a Simplified and a
// Traditional issue (one of them in Big5) in either script: the hits are
// in both, and each hit's range covers the characters as the issue writes
// them.
func TestSearchFoldsScripts(t *testing.T) {
	big5, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hk-sample-big5.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := writeShelf(t, []fixture{
		{path: "2024-03-07.md", content: "## 果农\n\n今年苹果丰收，头发花白的老农笑了。\n"},
		{path: "2024-03-08.txt", content: string(big5)},
	})
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ q, simp, trad string }{
		{"苹果", "苹果", "蘋果"}, {"蘋果", "苹果", "蘋果"}, {"头发", "头发", "頭髮"}, {"頭髮", "头发", "頭髮"},
	} {
		got := map[string][]string{}
		for _, b := range collect(t, s, tc.q, SearchOptions{}) {
			if b.Err != nil {
				t.Fatal(b.Err)
			}
			for _, h := range b.Hits {
				got[h.Entry.Date] = append(got[h.Entry.Date], h.Line[h.Match[0]:h.Match[1]])
			}
		}
		if !slices.Equal(got["2024-03-07"], []string{tc.simp}) {
			t.Errorf("%s: hits %q in the Simplified issue, want %s", tc.q, got["2024-03-07"], tc.simp)
		}
		if len(got["2024-03-08"]) == 0 {
			t.Errorf("%s: no hit in the Traditional issue", tc.q)
		}
		for _, m := range got["2024-03-08"] {
			if m != tc.trad {
				t.Errorf("%s: hit %q in the Traditional issue, want %s", tc.q, m, tc.trad)
			}
		}
	}
}

// TestSearchCancel cancels a search while it waits for its reader and
// checks that it stops at once, that a second search running beside it
// is not disturbed, and that every goroutine of both has ended when their
// channels close. It waits on events, not time: in a synctest bubble,
// synctest.Wait returns once every goroutine of the searches is blocked,
// the first on a full channel; synctest.Test fails if one is left
// blocked at the end.
func TestSearchCancel(t *testing.T) {
	c := smallConfig()
	c.Days, c.IssueBytes = 100, 4_000 // more issues than the channel holds
	c.NeedleEvery = 1                 // a hit in every issue
	dir, _ := generated(t, c)
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		ch := s.Search(ctx, search.New(c.Needle), SearchOptions{Workers: 2})
		if len(s.Issues) <= 1+cap(ch) {
			t.Fatalf("%d issues: the shelf must be larger than the channel (%d) for the search to wait", len(s.Issues), cap(ch))
		}
		// A new query while the first runs (the TUI cancels the old one
		// as the user types): both run independently.
		second := s.Search(context.Background(), search.New("发展"), SearchOptions{Workers: 2})
		synctest.Wait() // both searches have filled their channels
		first, ok := <-ch
		if !ok || len(first.Hits) == 0 {
			t.Fatalf("first batch: %+v, %v", first, ok)
		}
		cancel()
		synctest.Wait() // the first search has stopped, or waits on nothing of its own
		n := 1
		for range ch {
			n++
		}
		// What was in the channel when it was cancelled, and no more.
		if n > 1+cap(ch) {
			t.Errorf("cancelled search delivered %d batches, the channel holds %d", n, cap(ch))
		}
		m := 0
		for range second {
			m++
		}
		if m != len(s.Issues) {
			t.Errorf("the second search delivered %d batches, want %d", m, len(s.Issues))
		}
	})
}

func TestSearchLimitAndEmptyQuery(t *testing.T) {
	c := smallConfig()
	c.NeedleEvery = 1
	dir, _ := generated(t, c)
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	batches := collect(t, s, c.Needle, SearchOptions{Limit: 5})
	hits := 0
	for _, b := range batches {
		hits += len(b.Hits)
	}
	if hits != 5 || !batches[len(batches)-1].Limited {
		t.Errorf("Limit 5: %d hits in %d batches, last limited %v", hits, len(batches), batches[len(batches)-1].Limited)
	}
	if b := collect(t, s, "  ", SearchOptions{}); len(b) != 0 {
		t.Errorf("empty query gave %d batches", len(b))
	}
}

func TestSearchVanishedFile(t *testing.T) {
	dir := writeShelf(t, []fixture{
		{path: "2024-03-08.md", content: "## 新品\n\n河道清淤。\n"},
		{path: "2024-03-09.md", content: "## 河道\n\n河道清淤。\n"},
	})
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := removeFile(dir, "2024-03-09.md"); err != nil {
		t.Fatal(err)
	}
	var errs, hits int
	for _, b := range collect(t, s, "河道", SearchOptions{}) {
		if b.Err != nil {
			errs++
		}
		hits += len(b.Hits)
	}
	if errs != 1 || hits != 1 {
		t.Errorf("errors %d, hits %d; want 1 and 1", errs, hits)
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("长", 60)
	for _, tc := range []struct{ text, match, want string }{
		{"第一句。第二句有河道两字，说完了。第三句。", "河道", "第二句有[河道]两字，说完了。"},
		{"河道在开头。", "河道", "[河道]在开头。"},
		{"结尾是河道", "河道", "结尾是[河道]"},
		{long + "河道" + long, "河道", "…" + strings.Repeat("长", snippetRunes) + "[河道]" + strings.Repeat("长", snippetRunes) + "…"},
		{"一行\n两行\t河道", "河道", "一行 两行 [河道]"},
		// a number or a Latin word at the cut is kept whole
		{"投入14.2亿元" + strings.Repeat("长", snippetRunes-5) + "河道", "河道", "…14.2亿元" + strings.Repeat("长", snippetRunes-5) + "[河道]"},
		{"河道" + strings.Repeat("长", snippetRunes-2) + "CRH380A型", "河道", "[河道]" + strings.Repeat("长", snippetRunes-2) + "CRH380A…"},
	} {
		start := strings.Index(tc.text, tc.match)
		line, rng := snippet(tc.text, start, start+len(tc.match))
		got := line[:rng[0]] + "[" + line[rng[0]:rng[1]] + "]" + line[rng[1]:]
		if got != tc.want {
			t.Errorf("snippet(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func removeFile(dir, name string) error { return os.Remove(filepath.Join(dir, name)) }

// TestShelfKeepsNoText checks that a scanned shelf does not hold on to the
// text of its issues (a substring of a parsed file keeps the whole file's
// text alive), nor does a search's result list.
func TestShelfKeepsNoText(t *testing.T) {
	c := smallConfig()
	c.Days, c.IssueBytes, c.NeedleEvery = 20, 150_000, 1
	dir, st := generated(t, c)
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	// The query first: its folding tables (issue/script's, ~520 KB, made
	// on first use) are not the shelf's.
	q := search.New(c.Needle)
	before := heap()
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var hits []Hit
	for b := range s.Search(context.Background(), q, SearchOptions{}) {
		hits = append(hits, b.Hits...)
	}
	grown := int64(heap()) - int64(before)
	runtime.KeepAlive(s)
	runtime.KeepAlive(hits)
	if len(hits) == 0 {
		t.Fatal("no hits")
	}
	if grown > st.Bytes/10 {
		t.Errorf("the shelf and %d hits hold %d KB of a %d KB shelf: text is kept alive", len(hits), grown>>10, st.Bytes>>10)
	}
}

// TestRunesMatchUTF8: lastRune and firstRune decode as the utf8 package
// does every sequence led by E0–EF, valid or not, after and before
// other bytes, and what is not a three-byte sequence.
func TestRunesMatchUTF8(t *testing.T) {
	bytes := []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xFF}
	var cases []string
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0x70; b1 <= 0xC8; b1++ {
			for b2 := 0x70; b2 <= 0xC8; b2++ {
				cases = append(cases, string([]byte{byte(b0), byte(b1), byte(b2)}))
			}
		}
	}
	for _, a := range bytes {
		for _, b := range bytes {
			cases = append(cases, string([]byte{a, b}), string([]byte{a, b, 0xBF}), string([]byte{0xE5, a, b}))
		}
	}
	cases = append(cases, "", "a", "。", "𠀀", "x𠀀", "发展")
	for _, c := range cases {
		for _, s := range []string{c, "ab" + c, c + "cd", "\xE5" + c, c + "\x80"} {
			r, n := lastRune(s)
			wr, wn := utf8.DecodeLastRuneInString(s)
			if r != wr || n != wn {
				t.Fatalf("lastRune(%q) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
			}
			r, n = firstRune(s)
			wr, wn = utf8.DecodeRuneInString(s)
			if r != wr || n != wn {
				t.Fatalf("firstRune(%q) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
			}
		}
	}
}
