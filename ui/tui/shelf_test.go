package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/search"
	"dubao/issue/shelf"
	"dubao/ui/state"
	"dubao/ui/styles"
	"dubao/ui/tui/internal/tuitest"
)

func TestShelfOpenAndBack(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	press(t, m, "j", "enter")
	r := readerOf(m)
	if m.showing != showReader || r == nil || r.Issue().Date != "2024-03-03" {
		t.Fatalf("enter does not open the issue:\n%s", screen(m))
	}
	if !strings.Contains(screen(m), "星河日报 · 2024年3月3日 星期日") {
		t.Errorf("reader masthead:\n%s", screen(m))
	}
	// < and > go to the previous and next day of the paper
	press(t, m, ">")
	if r := readerOf(m); r.Issue().Date != "2024-03-04" {
		t.Errorf("> opens %s, want 2024-03-04", r.Issue().Date)
	}
	press(t, m, ">")
	if r := readerOf(m); r.Issue().Date != "2024-03-04" || r.Notice().Text != "已是最新的一期" {
		t.Errorf("> on the newest issue: %s, %q", r.Issue().Date, r.Notice().Text)
	}
	if sc := screen(m); !strings.Contains(sc, "已是最新的一期") {
		t.Errorf("the reader does not say there is no next issue:\n%s", sc)
	}
	// the other paper of 2024-02-10 is passed over
	m.shelf.Select(s.Lookup("星河日报 2024-02-11")[0])
	press(t, m, "esc", "esc") // back to the shelf first
	if m.showing != showShelf {
		t.Fatalf("esc esc does not go back to the shelf")
	}
	if e := m.shelf.Selected(); e.Date != "2024-03-04" {
		t.Errorf("back selects %s, want the issue read (2024-03-04)", e.Date)
	}
	m.shelf.Select(s.Lookup("星河日报 2024-02-11")[0])
	press(t, m, "enter", "<")
	if r := readerOf(m); r.Issue().Date != "2024-02-10" || r.Issue().Paper != "星河日报" {
		t.Errorf("< from 2024-02-11: %s %s", r.Issue().Paper, r.Issue().Date)
	}
	press(t, m, "<")
	if r := readerOf(m); r.Issue().Date != "2024-02-09" {
		t.Errorf("< < : %s", r.Issue().Date)
	}
	// backspace with no jump to return from does nothing, and says so;
	// esc is the way out
	press(t, m, "backspace")
	if m.showing != showReader || !strings.Contains(readerOf(m).Notice().Text, "没有可返回的转版") {
		t.Errorf("backspace: showing %d, %q", m.showing, readerOf(m).Notice().Text)
	}
	press(t, m, "esc", "esc")
	if m.showing != showShelf || m.shelf.Selected().Date != "2024-02-09" {
		t.Errorf("esc esc: showing %d, selected %s", m.showing, m.shelf.Selected().Date)
	}
	// the other paper has no previous day
	m.shelf.Select(s.Lookup("晨风报 2024-02-10")[0])
	press(t, m, "enter", "<")
	if r := readerOf(m); r.Issue().Paper != "晨风报" || r.Notice().Text != "已是最早的一期" {
		t.Errorf("< on the only issue of a paper: %s, %q", r.Issue().Paper, r.Notice().Text)
	}
	// an issue that cannot be read: the error page, then back to the shelf
	press(t, m, "esc", "esc")
	e := m.shelf.Selected()
	if err := os.Remove(filepath.Join(s.Dir, filepath.FromSlash(e.Files[0].Path))); err != nil {
		t.Fatal(err)
	}
	press(t, m, "enter")
	if m.showing != showError || !strings.Contains(screen(m), "无法打开") {
		t.Fatalf("a vanished file does not show the error page:\n%s", screen(m))
	}
	press(t, m, "x")
	if m.showing != showShelf {
		t.Errorf("a key does not leave the error page for the shelf")
	}
}

// TestShelfEscStays: esc on the shelf, with nothing to go back from (no
// search, panel or prompt), neither quits nor leaves it, after an issue
// was opened from it and left with esc, as on a terminal
// (TestReaderInTerminal/shelf sends the first esc; a second has nothing
// on the screen to wait for there).
func TestShelfEscStays(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	press(t, m, "G", "enter")
	if m.showing != showReader {
		t.Fatalf("enter does not open the issue:\n%s", screen(m))
	}
	press(t, m, "esc")
	if m.showing != showShelf {
		t.Fatalf("esc from the reader does not go back to the shelf:\n%s", screen(m))
	}
	before, sel := screen(m), m.shelf.Selected()
	for _, msg := range press2(t, m, "esc", "esc") {
		if msg == (tea.QuitMsg{}) {
			t.Fatal("esc on the shelf quits")
		}
	}
	if m.showing != showShelf || m.shelf.Selected() != sel {
		t.Errorf("esc on the shelf: showing %d, selected %v, want the shelf and %v:\n%s", m.showing, m.shelf.Selected(), sel, screen(m))
	}
	if after := screen(m); !strings.Contains(after, "书架 · ") {
		t.Errorf("esc on the shelf leaves it:\n%s\nbefore:\n%s", after, before)
	}
	press(t, m, "enter")
	if m.showing != showReader || readerOf(m).Issue().Date != sel.Date {
		t.Errorf("enter after esc on the shelf does not open the issue selected:\n%s", screen(m))
	}
}

// TestShelfReadState checks the reading state through the shelf: a
// re-opened issue returns to its last article, issues read show how many
// of their articles are unread (✓ when none).
func TestShelfReadState(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	store := state.Open(t.TempDir())
	m := newShelfModel(t, s, nil, store, 100, 30)
	press(t, m, "enter", "J", "J", "enter") // article 3, read
	r := readerOf(m)
	if r.Article().N != 3 {
		t.Fatalf("article %d", r.Article().N)
	}
	press(t, m, "esc", "esc")
	if !strings.Contains(screen(m), "2版  ") || !strings.Contains(screen(m), "4篇 未读1") {
		t.Errorf("the issue read (3 of its 4 articles) does not say 未读1:\n%s", screen(m))
	}
	press(t, m, "enter")
	if r := readerOf(m); r.Article().N != 3 || !r.Reading() {
		t.Errorf("re-opened at article %d", r.Article().N)
	}
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	// a new run
	m = newShelfModel(t, s, nil, store, 60, 20)
	if !strings.Contains(screen(m), "未读1") {
		t.Errorf("a new run does not count the issue's unread articles:\n%s", screen(m))
	}
	// A marks the rest read: ✓
	press(t, m, "enter", "A", "esc", "esc")
	if sc := screen(m); !strings.Contains(sc, "✓") || strings.Contains(sc, "未读") {
		t.Errorf("an issue read through is not marked ✓:\n%s", sc)
	}
	press(t, m, "enter")
	if r := readerOf(m); r.Article().N != 3 {
		t.Errorf("a new run opens at article %d, want 3", r.Article().N)
	}
}

// TestShelfStartsInIssue is dubao FOLDER DATE: the reader on an issue of
// the shelf, esc leading to the shelf at that issue.
func TestShelfStartsInIssue(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	e := s.Lookup("2024-02-11")[0]
	l, err := s.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	store := state.Open(t.TempDir())
	t.Cleanup(func() { _ = store.Flush() })
	m := New(l.Issue, Options{Shelf: s, Entry: e, Key: l.Key, State: store, Style: styles.Dark})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.showing != showReader || readerOf(m).Issue() != l.Issue {
		t.Fatalf("does not start in the reader:\n%s", screen(m))
	}
	press(t, m, "<")
	if r := readerOf(m); r.Issue().Date != "2024-02-10" || r.Issue().Paper != "星河日报" {
		t.Fatalf("< : %s %s", r.Issue().Paper, r.Issue().Date)
	}
	press(t, m, "esc")
	if m.showing != showShelf || m.shelf.Selected().Date != "2024-02-10" {
		t.Fatalf("esc: showing %d, selected %s", m.showing, m.shelf.Selected().Date)
	}
	// both issues opened are marked with their unread counts
	if n := strings.Count(screen(m), "未读"); n != 2 {
		t.Errorf("%d issues marked as opened, want 2:\n%s", n, screen(m))
	}
}

// TestShelfSearchOpensAtMatch: enter on a result of the shelf's search
// opens its article in the reader at the match, highlighted; back in the
// shelf the results are still there.
func TestShelfSearchOpensAtMatch(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	msgs := press2(t, m, "/", "蓝", "鲸", "enter")
	stream(t, m, msgs, 0)
	press(t, m, "j")
	hit := searchHit(t, m, "蓝鲸", 1)
	press(t, m, "enter")
	r := readerOf(m)
	if m.showing != showReader || r.Issue().Date != hit.Entry.Date || r.Article().N != hit.N {
		t.Fatalf("enter on a hit opens %s article %d, want %s %d", r.Issue().Date, r.Article().N, hit.Entry.Date, hit.N)
	}
	query, cur, ok := r.Search()
	if !ok || query != "蓝鲸" || !r.Reading() {
		t.Errorf("the match is not highlighted: query %q focus on the article %v", query, r.Reading())
	}
	if cur.N != hit.N || cur.Pos() != hit.Pos {
		t.Errorf("current match %d %v, want %d %v", cur.N, cur.Pos(), hit.N, hit.Pos)
	}
	if !strings.Contains(screen(m), "蓝鲸") {
		t.Errorf("the match is not in view:\n%s", screen(m))
	}
	// back to the results
	press(t, m, "esc", "esc", "esc")
	if m.showing != showShelf || !strings.Contains(screen(m), "“蓝鲸” 7处") {
		t.Fatalf("back from the reader: showing %d\n%s", m.showing, screen(m))
	}
}

// searchHit returns hit i of the shelf's search for query, as the shelf
// finds it (shelf.Search, newest first).
func searchHit(t *testing.T, m *Model, query string, i int) shelf.Hit {
	t.Helper()
	var hits []shelf.Hit
	for b := range m.opt.Shelf.Search(context.Background(), search.New(query), shelf.SearchOptions{}) {
		hits = append(hits, b.Hits...)
	}
	if i >= len(hits) {
		t.Fatalf("%d hits of %q", len(hits), query)
	}
	return hits[i]
}

// press2 is press returning the messages the keys' commands produced.
func press2(t testing.TB, m *Model, keys ...string) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		out = append(out, send(m, keyMsg(k))...)
	}
	return out
}
