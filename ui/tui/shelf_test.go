package tui

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

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/issue/shelf/shelftest"
	"dubao/ui/state"
	"dubao/ui/styles"
)

// shelfConfig is the generated paper of the test shelf: 45 days of a
// two-page daily from 2024-01-20 (so three months), every seventh day kept
// as page files, the needle 蓝鲸 every tenth day.
func shelfConfig() shelftest.Config {
	c := shelftest.DefaultConfig()
	c.First = time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)
	c.Days, c.Pages, c.IssueBytes = 45, 2, 3000
	c.PerPageEvery, c.NeedleEvery = 7, 10
	return c
}

// otherPaper is an issue of another paper, on a day of the generated one.
const otherPaper = `晨风报

2024年2月10日 星期六

第88号

# 第一版 要闻

## 湖区候鸟归来

本报讯 湖区今天迎来第一批候鸟。

## 蓝鲸模型进校园

本报讯 一座蓝鲸模型在小学展出。
`

// shelfDir writes the test shelf under a folder named papers: the
// generated daily, another paper's issue and three files that are not
// issues.
func shelfDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "papers")
	if _, err := shelftest.Generate(dir, shelfConfig()); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"晨风报/2024-02-10.md": otherPaper,
		"scans/p1.png":      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"notes/empty.txt":   "",
		"notes/data.bin":    "abc\x00\x01\x02def",
	} {
		name = filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// scanShelf scans dir completely.
func scanShelf(t testing.TB, dir string) *shelf.Shelf {
	t.Helper()
	s, err := shelf.Scan(context.Background(), dir, shelf.Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newShelfModel returns a root model showing s at w×h; store may be nil.
func newShelfModel(t testing.TB, s *shelf.Shelf, updates <-chan shelf.Update, store *state.Store, w, h int) *Model {
	t.Helper()
	m := New(nil, Options{Shelf: s, Indexing: updates, State: store, Style: styles.Dark})
	if store != nil {
		t.Cleanup(func() { _ = store.Flush() }) // before the state folder is removed
	}
	m.shelf.searchPause = 0
	m.shelf.batchMax = 1 // one issue's results a message: a search takes many
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// stream feeds the batch messages among msgs back to m, and those that
// follow, until the search ends (or, with steps > 0, for that many
// messages). It returns the number of messages fed.
func stream(t testing.TB, m *Model, msgs []tea.Msg, steps int) int {
	t.Helper()
	var next tea.Msg
	for _, msg := range msgs {
		if b, ok := msg.(batchMsg); ok {
			next = b
		}
	}
	n := 0
	for next != nil && (steps <= 0 || n < steps) {
		_, cmd := m.Update(next)
		n++
		next = nil
		for _, msg := range run(m, cmd, 0) {
			if b, ok := msg.(batchMsg); ok {
				next = b
			}
		}
	}
	return n
}

// selectedEntry returns the issue selected on the shelf.
func selectedEntry(m *Model) *shelf.Entry { return m.shelf.selected() }

func TestShelfList(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
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
	if e := selectedEntry(m); e.Date != "2024-01-31" || m.shelf.msg != "已是最早的月份" {
		t.Errorf("] past the last month: %s %q", e.Date, m.shelf.msg)
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

func TestShelfOpenAndBack(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	press(t, m, "j", "enter")
	r := reader(m)
	if m.showing != showReader || r == nil || r.is.Date != "2024-03-03" {
		t.Fatalf("enter does not open the issue:\n%s", screen(m))
	}
	if !strings.Contains(screen(m), "星河日报 · 2024年3月3日 星期日") {
		t.Errorf("reader masthead:\n%s", screen(m))
	}
	// < and > go to the previous and next day of the paper
	press(t, m, ">")
	if r := reader(m); r.is.Date != "2024-03-04" {
		t.Errorf("> opens %s, want 2024-03-04", r.is.Date)
	}
	press(t, m, ">")
	if r := reader(m); r.is.Date != "2024-03-04" || r.msg != "已是最新的一期" {
		t.Errorf("> on the newest issue: %s, %q", r.is.Date, r.msg)
	}
	if sc := screen(m); !strings.Contains(sc, "已是最新的一期") {
		t.Errorf("the reader does not say there is no next issue:\n%s", sc)
	}
	// the other paper of 2024-02-10 is passed over
	m.shelf.selectEntry(s.Lookup("星河日报 2024-02-11")[0])
	press(t, m, "esc", "esc") // back to the shelf first
	if m.showing != showShelf {
		t.Fatalf("esc esc does not go back to the shelf")
	}
	if e := selectedEntry(m); e.Date != "2024-03-04" {
		t.Errorf("back selects %s, want the issue read (2024-03-04)", e.Date)
	}
	m.shelf.selectEntry(s.Lookup("星河日报 2024-02-11")[0])
	press(t, m, "enter", "<")
	if r := reader(m); r.is.Date != "2024-02-10" || r.is.Paper != "星河日报" {
		t.Errorf("< from 2024-02-11: %s %s", r.is.Paper, r.is.Date)
	}
	press(t, m, "<")
	if r := reader(m); r.is.Date != "2024-02-09" {
		t.Errorf("< < : %s", r.is.Date)
	}
	// backspace with no jump to return from goes back too
	press(t, m, "backspace")
	if m.showing != showShelf || selectedEntry(m).Date != "2024-02-09" {
		t.Errorf("backspace: showing %d, selected %s", m.showing, selectedEntry(m).Date)
	}
	// the other paper has no previous day
	m.shelf.selectEntry(s.Lookup("晨风报 2024-02-10")[0])
	press(t, m, "enter", "<")
	if r := reader(m); r.is.Paper != "晨风报" || r.msg != "已是最早的一期" {
		t.Errorf("< on the only issue of a paper: %s, %q", r.is.Paper, r.msg)
	}
	// an issue that cannot be read: the error page, then back to the shelf
	press(t, m, "esc", "esc")
	e := selectedEntry(m)
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

func TestShelfSkippedPanel(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
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
	// help shows s, dimmed when there are no skipped files
	press(t, m, "?")
	if !strings.Contains(screen(m), "跳过的文件") || helpDimmed(m, "s", "跳过的文件") {
		t.Errorf("help lacks s:\n%s", screen(m))
	}
	press(t, m, "esc")
	clean := scanShelf(t, filepath.Join(s.Dir, "晨风报"))
	m2 := newShelfModel(t, clean, nil, nil, 100, 30)
	press(t, m2, "?")
	if !helpDimmed(m2, "s", "跳过的文件") {
		t.Errorf("help does not show s dimmed with nothing skipped:\n%s", screen(m2))
	}
	press(t, m2, "esc", "s")
	if m2.shelf.panel {
		t.Errorf("s opens an empty panel")
	}
}

func TestShelfSearch(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	p := m.shelf
	press(t, m, "/", "蓝", "鲸")
	if !p.prompt {
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
	if !p.prompt {
		t.Errorf("the prompt closed while typing")
	}
	press(t, m, "enter")
	sc := screen(m)
	for _, want := range []string{"“蓝鲸” 7处 · 6期 (已搜46期)", "2024-02-29 · 星河日报 · ", "蓝鲸", "2024-02-10 · 晨风报 · 1版 · 蓝鲸模型进校园"} {
		if !strings.Contains(sc, want) {
			t.Errorf("results lack %q:\n%s", want, sc)
		}
	}
	// newest first
	for i := 1; i < len(p.find.hits); i++ {
		if p.find.hits[i-1].Entry.Date < p.find.hits[i].Entry.Date {
			t.Errorf("hits out of order: %s before %s", p.find.hits[i-1].Entry.Date, p.find.hits[i].Entry.Date)
		}
	}
	// enter opens the article at the match, highlighted
	press(t, m, "j")
	hit := p.find.hits[1]
	press(t, m, "enter")
	r := reader(m)
	if m.showing != showReader || r.is.Date != hit.Entry.Date || r.article().N != hit.N {
		t.Fatalf("enter on a hit opens %s article %d, want %s %d", r.is.Date, r.article().N, hit.Entry.Date, hit.N)
	}
	if r.search.query != "蓝鲸" || r.focus != focusArticle {
		t.Errorf("the match is not highlighted: query %q focus %d", r.search.query, r.focus)
	}
	cur := r.search.matches[r.search.cur]
	if cur.N != hit.N || cur.Pos() != hit.Pos {
		t.Errorf("current match %d %v, want %d %v", cur.N, cur.Pos(), hit.N, hit.Pos)
	}
	if !strings.Contains(screen(m), "蓝鲸") {
		t.Errorf("the match is not in view:\n%s", screen(m))
	}
	// back to the results, then esc clears them
	press(t, m, "esc", "esc", "esc")
	if m.showing != showShelf || p.find.query != "蓝鲸" {
		t.Fatalf("back from the reader: showing %d, query %q", m.showing, p.find.query)
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
	s := scanShelf(t, shelfDir(t))
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
	if p.prompt || p.find.running {
		t.Errorf("esc in the prompt: prompt %v, running %v", p.prompt, p.find.running)
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
	c := shelfConfig()
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
	dir := shelfDir(t)
	s := scanShelf(t, dir)
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
	s := scanShelf(t, shelfDir(t))
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
	// every key of the shelf is shown, those that do nothing now dimmed
	for _, b := range m.shelf.keys.ShelfHelp() {
		h := b.Help()
		if !strings.Contains(sc, h.Desc) {
			t.Errorf("shelf help lacks %s %q:\n%s", h.Key, h.Desc, sc)
		}
	}
	for _, idle := range [][2]string{{"m", "删除书签(书签列表里)"}, {"esc/h/←", "返回 / 取消搜索 / 关闭"}} {
		if !helpDimmed(m, idle[0], idle[1]) {
			t.Errorf("shelf help does not show %s dimmed", idle[0])
		}
	}
	if helpDimmed(m, "/", "搜索各期") {
		t.Errorf("shelf help dims /")
	}
}

// TestShelfReadState checks the reading state through the shelf: a
// re-opened issue returns to its last article, issues read are marked.
func TestShelfReadState(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
	store := state.Open(t.TempDir())
	m := newShelfModel(t, s, nil, store, 100, 30)
	press(t, m, "enter", "J", "J", "enter") // article 3, read
	r := reader(m)
	if r.article().N != 3 {
		t.Fatalf("article %d", r.article().N)
	}
	press(t, m, "esc", "esc")
	if !strings.Contains(screen(m), "2版  ") || !strings.Contains(screen(m), "✓") {
		t.Errorf("the issue read is not marked:\n%s", screen(m))
	}
	press(t, m, "enter")
	if r := reader(m); r.article().N != 3 || r.focus != focusArticle {
		t.Errorf("re-opened at article %d", r.article().N)
	}
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	// a new run
	m = newShelfModel(t, s, nil, store, 60, 20)
	if !strings.Contains(screen(m), "✓") {
		t.Errorf("a new run does not mark the issue read:\n%s", screen(m))
	}
	press(t, m, "enter")
	if r := reader(m); r.article().N != 3 {
		t.Errorf("a new run opens at article %d, want 3", r.article().N)
	}
}

// checkPos reports whether r shows pos on its first line.
func checkPos(t *testing.T, r *Reader, pos issue.Pos, where string) {
	t.Helper()
	if r.lay == nil {
		t.Fatalf("%s: no layout", where)
	}
	if want := r.clampTop(r.lay.LocOf(pos)); r.top != want {
		t.Errorf("%s: top %v, want %v (the line of %v)", where, r.top, want, pos)
	}
}

// TestShelfStartsInIssue is dubao FOLDER DATE: the reader on an issue of
// the shelf, esc leading to the shelf at that issue.
func TestShelfStartsInIssue(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
	e := s.Lookup("2024-02-11")[0]
	l, err := s.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	store := state.Open(t.TempDir())
	t.Cleanup(func() { _ = store.Flush() })
	m := New(l.Issue, Options{Shelf: s, Entry: e, Key: l.Key, State: store, Style: styles.Dark})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.showing != showReader || reader(m).is != l.Issue {
		t.Fatalf("does not start in the reader:\n%s", screen(m))
	}
	press(t, m, "<")
	if r := reader(m); r.is.Date != "2024-02-10" || r.is.Paper != "星河日报" {
		t.Fatalf("< : %s %s", r.is.Paper, r.is.Date)
	}
	press(t, m, "esc")
	if m.showing != showShelf || selectedEntry(m).Date != "2024-02-10" {
		t.Fatalf("esc: showing %d, selected %s", m.showing, selectedEntry(m).Date)
	}
	// both issues read are marked
	if n := strings.Count(screen(m), "✓"); n != 2 {
		t.Errorf("%d issues marked read, want 2:\n%s", n, screen(m))
	}
	// a pause in typing after an older key does not search
	p := m.shelf
	press(t, m, "/", "蓝")
	send(m, searchTickMsg{typed: p.find.typed - 1})
	if p.find.query != "" {
		t.Errorf("a stale pause searched %q", p.find.query)
	}
}

func TestShelfMouse(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	// line 0 is the header, line 1 the month, line 2 the newest issue
	send(m, tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft})
	if e := selectedEntry(m); e.Date != "2024-03-02" {
		t.Errorf("a click selects %s, want 2024-03-02", e.Date)
	}
	send(m, tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft})
	if m.showing != showReader || reader(m).is.Date != "2024-03-02" {
		t.Errorf("a click on the selected issue does not open it")
	}
	press(t, m, "esc")
	send(m, tea.MouseClickMsg{X: 5, Y: 1, Button: tea.MouseLeft}) // a month's header
	if e := selectedEntry(m); e.Date != "2024-03-02" || m.showing != showShelf {
		t.Errorf("a click on a header selects %s (showing %d)", e.Date, m.showing)
	}
	send(m, tea.MouseWheelMsg{X: 5, Y: 10, Button: tea.MouseWheelDown})
	if m.shelf.top != wheelLines {
		t.Errorf("the wheel scrolls to %d", m.shelf.top)
	}
}
