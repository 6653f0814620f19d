package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/script"
	"dubao/issue/shelf"
	"dubao/ui/state"
	"dubao/ui/styles"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// TestMastheadWithoutPaper: the masthead names an issue without a paper by
// its folder's base name, never its path, and when narrow drops the
// number and the pages before the date.
func TestMastheadWithoutPaper(t *testing.T) {
	const dir = "/work/shared/real/people-daily-2019-10-02"
	for _, c := range []struct {
		name, path string
		w          int
		want       string
	}{
		{dir, dir, 60, " people-daily-2019-10-02 · 2019年10月2日 星期三"},
		{dir, "", 60, " people-daily-2019-10-02 · 2019年10月2日 星期三"},
		{"/work/main/testdata/hostile/widths.md", "", 60, " widths · 2019年10月2日 星期三 · 本期20版(此处1版)"},
		{dir, dir + "/", 120, " people-daily-2019-10-02 · 2019年10月2日 星期三 · 第25671号 · 本期20版(此处1版)"},
	} {
		m := New(tuitest.NoPaper(), Options{Name: c.name, Path: c.path, Style: styles.Dark})
		m.Update(tea.WindowSizeMsg{Width: c.w, Height: 20})
		head, _, _ := strings.Cut(screen(m), "\n")
		if strings.TrimRight(head, " ") != c.want {
			t.Errorf("%s at %d columns: masthead %q, want %q", c.name, c.w, head, c.want)
		}
		if title := m.View().WindowTitle; strings.Contains(title, "/") {
			t.Errorf("window title %q shows a path", title)
		}
		checkScreen(t, m, c.w, 20, "masthead")
	}
}

// TestShelfRowWithoutPaper: the shelf names an issue without a paper by
// its file's base name, without extension.
func TestShelfRowWithoutPaper(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "papers")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	text := "# 第一版\n\n## 秋日的河岸\n\n" + tuitest.Para(60) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "qingxi-2024-03-08.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newShelfModel(t, tuitest.ScanShelf(t, dir), nil, nil, 60, 20)
	sc := screen(m)
	if !strings.Contains(sc, "08日 周五  qingxi-2024-03-08 ") || strings.Contains(sc, ".md  ") {
		t.Errorf("shelf row of an issue without a paper:\n%s", sc)
	}
	press(t, m, "enter")
	head, _, _ := strings.Cut(screen(m), "\n")
	if !strings.HasPrefix(head, " qingxi-2024-03-08 · 2024年3月8日 星期五") {
		t.Errorf("masthead of it opened from the shelf: %q", head)
	}
}

// TestShelfRemembersLastRead: a shelf opened again selects the issue read
// last, not the newest.
func TestShelfRemembersLastRead(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	store := state.Open(t.TempDir())
	m := newShelfModel(t, s, nil, store, 100, 30)
	press(t, m, "j", "j", "j", "enter", "J", "esc", "esc")
	read := m.shelf.Selected()
	if read == s.Issues[0] {
		t.Fatalf("the test reads the newest issue")
	}
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	m = newShelfModel(t, s, nil, store, 100, 30)
	if got := m.shelf.Selected(); got != read {
		t.Errorf("a shelf opened again selects %s, want %s (read last)", got.Date, read.Date)
	}
}

// TestBookmarkReturn: after M opens a bookmark of another issue,
// backspace (or esc) returns to where the reader was.
func TestBookmarkReturn(t *testing.T) {
	other := filepath.Join(t.TempDir(), "other.md")
	if err := os.WriteFile(other, []byte(tuitest.OtherPaper), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := shelf.Load(other, shelf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	store := state.Open(t.TempDir())
	st := state.New(l.Key)
	st.Describe(l.Issue, other)
	st.ToggleBookmark(2, "蓝鲸模型进校园", time.Now())
	if err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	for _, back := range []string{"backspace", "esc"} {
		m := newStateModel(t, store, 100, 30)
		press(t, m, "1", "0", "enter", "enter", "space")
		_, pos := readerOf(m).Position()
		press(t, m, "M", "enter")
		if r := readerOf(m); r.Issue().Paper != "晨风报" || r.Article().N != 2 {
			t.Fatalf("the bookmark opens %s %d", r.Issue().Paper, r.Article().N)
		}
		if back == "esc" {
			press(t, m, "esc") // to the list first
		}
		press(t, m, back)
		r := readerOf(m)
		if m.showing != showReader || r.Issue().Paper != "青溪日报" || r.Article().N != 10 {
			t.Fatalf("%s after a bookmark: %s article %d", back, r.Issue().Paper, r.Article().N)
		}
		checkPos(t, m, pos, back)
		if !strings.Contains(r.Notice().Text, "已返回") {
			t.Errorf("%s after a bookmark says %q", back, r.Notice().Text)
		}
	}
}

// TestUntitledHeadline: the list and a bookmark show an untitled
// article by its headline.
func TestUntitledHeadline(t *testing.T) {
	is := tuitest.JumpIssue()
	is.Sections[0].Articles[1].Title = ""
	a := &is.Sections[0].Articles[1]
	m := newModel(t, is, common.NarrowWidth-1, 30)                               // the list alone, wide enough
	shown := (*script.Converter)(nil).WithFullWidthPunct().Convert(a.Headline()) // 边,早 → 边，早
	if !strings.Contains(screen(m), " 2 "+shown) {
		t.Errorf("the list lacks %q:\n%s", shown, screen(m))
	}
	store := state.Open(t.TempDir())
	t.Cleanup(func() { _ = store.Flush() })
	m = New(is, Options{Name: "x", Key: "untitled", State: store, Style: styles.Dark})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "j", "enter", "m")
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Load("untitled")
	if err != nil {
		t.Fatal(err)
	}
	if list := st.BookmarkList(); len(list) != 1 || list[0].Title != a.Headline() {
		t.Errorf("bookmark of an untitled article: %+v", list)
	}
}
