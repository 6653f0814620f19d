package shelf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"dubao/issue/shelf"
	"dubao/issue/shelf/shelftest"
	"dubao/ui/state"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

func TestShelfList(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	sc := screen(m)
	for _, want := range []string{"书架 · papers · 46期 · 2024年1月—2024年3月", "2024年3月 · 4期", "▌ 04日 周一  星河日报", "2版"} {
		if !strings.Contains(sc, want) {
			t.Errorf("shelf lacks %q:\n%s", want, sc)
		}
	}
	if e := selectedEntry(m); e.Date != "2024-03-04" {
		t.Errorf("first selected %s, want the newest issue", e.Date)
	}
	press(t, m, "j", "j")
	if e := selectedEntry(m); e.Date != "2024-03-02" {
		t.Errorf("j j: %s", e.Date)
	}
	// ] goes to the next (older) month's first issue, [ back
	press(t, m, "]")
	if e := selectedEntry(m); e.Date != "2024-02-29" {
		t.Errorf("]: %s, want 2024-02-29", e.Date)
	}
	press(t, m, "]")
	if e := selectedEntry(m); e.Date != "2024-01-31" {
		t.Errorf("] ]: %s", e.Date)
	}
	press(t, m, "]")
	if e := selectedEntry(m); e.Date != "2024-01-31" || m.shelf.note.Text != "已是最早的月份" {
		t.Errorf("] past the last month: %s %q", e.Date, m.shelf.note.Text)
	}
	press(t, m, "j", "[")
	if e := selectedEntry(m); e.Date != "2024-01-31" {
		t.Errorf("[ inside a month goes to its first issue: %s", e.Date)
	}
	press(t, m, "[")
	if e := selectedEntry(m); e.Date != "2024-02-29" {
		t.Errorf("[: %s", e.Date)
	}
	press(t, m, "G")
	if e := selectedEntry(m); e.Date != "2024-01-20" {
		t.Errorf("G: %s", e.Date)
	}
	press(t, m, "g")
	if e := selectedEntry(m); e.Date != "2024-03-04" {
		t.Errorf("g: %s", e.Date)
	}
	// two papers on 2024-02-10
	n := 0
	for _, e := range s.Issues {
		if e.Date == "2024-02-10" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d issues on 2024-02-10, want 2", n)
	}
	for _, size := range [][2]int{{100, 30}, {50, 20}, {30, 8}, {20, 6}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, keys := range [][]string{nil, {"G"}, {"s"}, {"s"}, {"?"}, {"x"}} {
			press(t, m, keys...)
			checkScreen(t, m, size[0], size[1], fmt.Sprintf("shelf %v after %v", size, keys))
		}
	}
}

func TestShelfSkippedPanel(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	if len(s.Skipped) != 3 {
		t.Fatalf("skipped %v, want 3 files", s.Skipped)
	}
	press(t, m, "s")
	sc := screen(m)
	for _, want := range []string{"跳过的文件 3个", "scans/p1.png", "不是文本：PNG 图片", "notes/empty.txt", "空文件", "notes/data.bin"} {
		if !strings.Contains(sc, want) {
			t.Errorf("panel lacks %q:\n%s", want, sc)
		}
	}
	press(t, m, "s")
	if m.shelf.panel || strings.Contains(screen(m), "PNG 图片") {
		t.Errorf("s does not close the panel")
	}
	press(t, m, "s", "esc")
	if m.shelf.panel {
		t.Errorf("esc does not close the panel")
	}
	// help shows s, but not when there are no skipped files
	press(t, m, "?")
	if !strings.Contains(screen(m), "跳过的文件") {
		t.Errorf("help lacks s:\n%s", screen(m))
	}
	press(t, m, "esc")
	clean := tuitest.ScanShelf(t, filepath.Join(s.Dir, "晨风报"))
	m2 := newShelfModel(t, clean, nil, nil, 100, 30)
	press(t, m2, "?")
	if strings.Contains(screen(m2), "跳过的文件") {
		t.Errorf("help shows s with nothing skipped:\n%s", screen(m2))
	}
	press(t, m2, "esc", "s")
	if m2.shelf.panel {
		t.Errorf("s opens an empty panel")
	}
}

func TestShelfSearch(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	p := m.shelf
	press(t, m, "/", "蓝", "鲸")
	if !p.input.IsOpen() {
		t.Fatal("/ does not open the prompt")
	}
	// typing searches after a pause (the pause is 0 here): the results
	// stream in while the prompt stays open
	msgs := send(m, searchTickMsg{typed: p.find.typed})
	if p.find.query != "蓝鲸" || !p.find.running {
		t.Fatalf("a pause in typing does not search: %+v", p.find)
	}
	stream(t, m, msgs, 0)
	if p.find.running || p.find.cancelled {
		t.Fatalf("search did not end: %+v", p.find)
	}
	// 5 issues of the generated paper (every tenth day) and the other
	// paper's title and body
	if got := len(p.find.hits); got != 7 {
		t.Errorf("%d hits, want 7", got)
	}
	if !p.input.IsOpen() {
		t.Errorf("the prompt closed while typing")
	}
	press(t, m, "enter")
	sc := screen(m)
	for _, want := range []string{"“蓝鲸” 7处 · 6期 (已搜46期)", "2024-02-29 · 星河日报 · ", "蓝鲸", "2024-02-10 · 晨风报 · 1版 · 蓝鲸模型进校园"} {
		if !strings.Contains(sc, want) {
			t.Errorf("results lack %q:\n%s", want, sc)
		}
	}
	// the two hits of one article (its title and its body) under one
	// heading, the hits of other articles each under their own
	if n := strings.Count(sc, "蓝鲸模型进校园"); n != 1 {
		t.Errorf("the article with two hits is headed %d times, want once:\n%s", n, sc)
	}
	if got, want := len(p.find.hitRows), 7+6; got != want {
		t.Errorf("%d result rows, want %d (7 hits in 6 articles)", got, want)
	}
	press(t, m, "j", "j", "j")
	if h := p.find.hits[p.find.cur]; h.Title != "蓝鲸模型进校园" || !strings.Contains(screen(m), "▌   一座蓝鲸模型") {
		t.Errorf("j to the article's second hit: %q\n%s", h.Title, screen(m))
	}
	press(t, m, "g")
	// newest first
	for i := 1; i < len(p.find.hits); i++ {
		if p.find.hits[i-1].Entry.Date < p.find.hits[i].Entry.Date {
			t.Errorf("hits out of order: %s before %s", p.find.hits[i-1].Entry.Date, p.find.hits[i].Entry.Date)
		}
	}
	// enter opens the article at the match (in the reader, which shows it
	// highlighted: see the root's TestShelfSearchOpensAtMatch)
	press(t, m, "j")
	hit := p.find.hits[1]
	press(t, m, "enter")
	o := m.opened
	if o == nil || o.Issue.Date != hit.Entry.Date || o.Article != hit.N || o.Pos != hit.Pos || o.Query != "蓝鲸" {
		t.Fatalf("enter on a hit opens %+v, want %s article %d at %v", o, hit.Entry.Date, hit.N, hit.Pos)
	}
	// back from the reader to the results, then esc clears them
	send(m, common.BackMsg{Issue: o.Issue, Key: o.Key, Entry: o.Entry})
	if p.find.query != "蓝鲸" {
		t.Fatalf("back from the reader: query %q", p.find.query)
	}
	press(t, m, "esc")
	if p.find.query != "" || strings.Contains(screen(m), "“蓝鲸”") {
		t.Errorf("esc does not clear the results")
	}
	if e := selectedEntry(m); e.Date != hit.Entry.Date {
		t.Errorf("the list selects %s, want the issue read (%s)", e.Date, hit.Entry.Date)
	}
	// nothing found
	msgs = press2(t, m, "/", "鲲", "鹏", "enter")
	stream(t, m, msgs, 0)
	if sc := screen(m); !strings.Contains(sc, "“鲲鹏” 0处") || !strings.Contains(sc, "没有找到") {
		t.Errorf("no hits:\n%s", sc)
	}
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

func TestShelfSearchCancel(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	p := m.shelf

	// esc while the results stream in cancels the search and keeps what
	// was found
	msgs := press2(t, m, "/", "发", "展", "enter")
	if !p.find.running {
		t.Fatal("enter does not start a search")
	}
	stream(t, m, msgs, 1)
	ch := p.find.ch
	got := len(p.find.hits)
	if got == 0 {
		t.Fatal("no results streamed in")
	}
	press(t, m, "esc")
	if p.find.running || !p.find.cancelled || p.find.query != "发展" {
		t.Fatalf("esc does not cancel the search: %+v", p.find)
	}
	if !strings.Contains(screen(m), "已取消") {
		t.Errorf("the results do not say the search was cancelled:\n%s", screen(m))
	}
	waitClosed(t, ch)
	// results of the cancelled search that were on their way are dropped
	m.Update(batchMsg{id: p.find.id, batches: []shelf.Batch{{Hits: []shelf.Hit{{}}}}})
	if len(p.find.hits) != got {
		t.Errorf("results came in after esc: %d, had %d", len(p.find.hits), got)
	}
	press(t, m, "esc")
	if p.find.query != "" {
		t.Errorf("a second esc does not clear the results")
	}

	// a new query cancels the search before it
	msgs = press2(t, m, "/", "发", "展", "enter")
	old, oldID := p.find.ch, p.find.id
	var oldBatch tea.Msg
	for _, msg := range msgs {
		if b, ok := msg.(batchMsg); ok {
			oldBatch = b
		}
	}
	msgs = press2(t, m, "/", "backspace", "backspace", "蓝", "鲸", "enter")
	if p.find.query != "蓝鲸" || p.find.id == oldID {
		t.Fatalf("a new query does not start a new search: %+v", p.find)
	}
	waitClosed(t, old)
	if oldBatch != nil {
		m.Update(oldBatch) // the old search's results: ignored
	}
	stream(t, m, msgs, 0)
	if len(p.find.hits) != 7 {
		t.Errorf("new search: %d hits, want 7", len(p.find.hits))
	}
	for _, h := range p.find.hits {
		if !strings.Contains(h.Line, "蓝鲸") {
			t.Errorf("a hit of the old query: %q", h.Line)
		}
	}

	// esc in the prompt cancels a search started by typing
	press(t, m, "esc")
	msgs = press2(t, m, "/", "发", "展")
	msgs = append(msgs, send(m, searchTickMsg{typed: p.find.typed})...)
	if !p.find.running {
		t.Fatal("typing does not search")
	}
	ch = p.find.ch
	press(t, m, "esc")
	if p.input.IsOpen() || p.find.running {
		t.Errorf("esc in the prompt: prompt %v, running %v", p.input.IsOpen(), p.find.running)
	}
	waitClosed(t, ch)
	stream(t, m, msgs, 0)
}

// waitClosed waits until a search's channel is closed: its goroutines
// have ended.
func waitClosed(t testing.TB, ch <-chan shelf.Batch) {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-timeout:
			t.Fatal("the search's channel was not closed")
		}
	}
}

func TestShelfIndexing(t *testing.T) {
	c := tuitest.ShelfConfig()
	c.Days, c.PerPageEvery = 90, 0 // more than ScanLazy indexes before it returns
	dir := filepath.Join(t.TempDir(), "papers")
	if _, err := shelftest.Generate(dir, c); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "readme.txt"), []byte("no date, no paper"), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	s, updates, err := shelf.ScanLazy(context.Background(), dir, shelf.Options{CacheDir: cache})
	if err != nil || updates == nil {
		t.Fatalf("ScanLazy: %v, updates %v", err, updates)
	}
	if s.Pending != 91 || len(s.Issues) != 90 {
		t.Fatalf("first shelf: %d issues, %d pending", len(s.Issues), s.Pending)
	}
	m := newShelfModel(t, s, updates, nil, 100, 30)
	sc := screen(m)
	if !strings.Contains(sc, "索引中 0/91") || !strings.Contains(sc, "2024-04-18.md") {
		t.Errorf("the shelf before indexing:\n%s", sc)
	}
	press(t, m, "j", "j")
	want := selectedEntry(m).Files[0].Path
	// the updates, as the program would feed them
	for i := 0; m.shelf.updates != nil; i++ {
		if i > 1000 {
			t.Fatal("the indexing does not end")
		}
		u, ok := <-updates
		m.Update(indexMsg{u: u, closed: !ok})
	}
	sc = screen(m)
	if strings.Contains(sc, "索引中") || !strings.Contains(sc, "星河日报") || !strings.Contains(sc, "索引完成：90期") {
		t.Errorf("the shelf after indexing:\n%s", sc)
	}
	if got := selectedEntry(m); got.Files[0].Path != want || got.Pending {
		t.Errorf("the selection moved during indexing: %s, want %s", got.Files[0].Path, want)
	}
	// the cache makes the next start complete at once
	s2, updates2, err := shelf.ScanLazy(context.Background(), dir, shelf.Options{CacheDir: cache})
	if err != nil || updates2 != nil || s2.Pending != 0 || len(s2.Skipped) != 1 {
		t.Errorf("second start: %v, updates %v, pending %d, skipped %v", err, updates2, s2.Pending, s2.Skipped)
	}
}

// TestShelfScreens compares screens of the shelf with golden files (go
// test ./ui -update rewrites them).
func TestShelfScreens(t *testing.T) {
	dir := tuitest.ShelfDir(t)
	s := tuitest.ScanShelf(t, dir)
	steps := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"month", []string{"]", "j"}},
		{"skipped", []string{"s"}},
		{"help", []string{"?"}},
		{"search", []string{"/", "蓝", "鲸", "enter"}},
	}
	for _, size := range [][2]int{{100, 30}, {50, 20}} {
		for _, st := range steps {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], st.name), func(t *testing.T) {
				m := newShelfModel(t, s, nil, state.Open(t.TempDir()), size[0], size[1])
				stream(t, m, press2(t, m, st.keys...), 0)
				if p := m.shelf; p.find.query != "" {
					p.find.took = 42 * time.Millisecond // the time taken is not the same twice
				}
				checkScreen(t, m, size[0], size[1], st.name)
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// TestShelfKeysInHelp checks that the shelf's help shows the keys that do
// something there, and only those.
func TestShelfKeysInHelp(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 120, 40)
	press(t, m, "?")
	sc := screen(m)
	for _, want := range []string{"打开", "下一个月(更早)", "搜索各期", "书签列表", "跳过的文件", "退出"} {
		if !strings.Contains(sc, want) {
			t.Errorf("shelf help lacks %q:\n%s", want, sc)
		}
	}
	for _, not := range []string{"下一篇", "转版"} {
		if strings.Contains(sc, not) {
			t.Errorf("shelf help shows %q, a key of the reader", not)
		}
	}
	// every key of the shelf that does something now is shown, the others
	// not
	for _, b := range m.shelf.keys.ShelfHelp() {
		h := b.Help()
		if strings.Contains(sc, h.Desc) != b.Enabled() {
			t.Errorf("shelf help shows %s %q: %v, want %v:\n%s", h.Key, h.Desc, !b.Enabled(), b.Enabled(), sc)
		}
	}
	for _, idle := range []string{"删除书签(书签列表里)", "返回 / 取消搜索 / 关闭"} {
		if strings.Contains(sc, idle) {
			t.Errorf("shelf help shows %s, which does nothing here", idle)
		}
	}
	if !strings.Contains(sc, "搜索各期") {
		t.Errorf("shelf help lacks /")
	}
}

func TestShelfMouse(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	// line 0 is the header, line 1 the month, line 2 the newest issue
	send(m, tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft})
	if e := selectedEntry(m); e.Date != "2024-03-02" {
		t.Errorf("a click selects %s, want 2024-03-02", e.Date)
	}
	send(m, tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft})
	if o := m.opened; o == nil || o.Issue.Date != "2024-03-02" {
		t.Errorf("a click on the selected issue does not open it")
	}
	send(m, common.BackMsg{Key: m.opened.Key, Entry: m.opened.Entry})
	send(m, tea.MouseClickMsg{X: 5, Y: 1, Button: tea.MouseLeft}) // a month's header
	if e := selectedEntry(m); e.Date != "2024-03-02" {
		t.Errorf("a click on a header selects %s", e.Date)
	}
	send(m, tea.MouseWheelMsg{X: 5, Y: 10, Button: tea.MouseWheelDown})
	if m.shelf.list.Top != common.WheelLines {
		t.Errorf("the wheel scrolls to %d", m.shelf.list.Top)
	}
}

// TestShelfStalePause: a pause in typing after an older key does not
// search.
func TestShelfStalePause(t *testing.T) {
	m := newShelfModel(t, tuitest.ScanShelf(t, tuitest.ShelfDir(t)), nil, nil, 80, 24)
	p := m.shelf
	press(t, m, "/", "蓝")
	send(m, searchTickMsg{typed: p.find.typed - 1})
	if p.find.query != "" {
		t.Errorf("a stale pause searched %q", p.find.query)
	}
}

// TestReadCountsInBackground: the shelf does not read every state file
// before its first screen; an issue's unread count shows once they are
// read, and a count the reader gave meanwhile (an issue read since) is
// the one kept.
func TestReadCountsInBackground(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	e := s.Issues[0]
	if e.Key == "" || e.Articles < 2 {
		t.Fatalf("the first issue of the fixture shelf: key %q, %d articles", e.Key, e.Articles)
	}
	store := state.Open(t.TempDir())
	st := state.New(e.Key)
	st.SetRead(1, "第一篇", true)
	if err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	mark := func(p *Page) string { return strings.TrimSpace(p.unreadMark(e)) }
	want := fmt.Sprintf("未读%d", e.Articles-1)

	p := New(s, nil, tuitest.Env(), store)
	cmd := p.readCounts()
	if cmd == nil || mark(p) != "" {
		t.Fatalf("before the counts are read: command %v, mark %q", cmd != nil, mark(p))
	}
	p.Update(cmd())
	if got := mark(p); got != want {
		t.Errorf("once the counts are read: mark %q, want %q", got, want)
	}

	p = New(s, nil, tuitest.Env(), store)
	cmd = p.readCounts()
	p.Update(common.BackMsg{Key: e.Key, Read: e.Articles}) // read through meanwhile
	p.Update(cmd())
	if got := mark(p); got != "✓" {
		t.Errorf("the count the reader gave is overwritten by the older one on disk: mark %q", got)
	}

	if p := New(s, nil, tuitest.Env(), state.Open(t.TempDir())); p.readCounts() != nil {
		t.Error("counts are read for a reading state that has none")
	}
}
