package bookmarks

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/ui/state"
	"dubao/ui/tui/common"
)

// TestBookmarkColumns: the bookmarks list keeps its columns whatever the
// width of the papers' names, and names an issue without a paper by its
// file.
func TestBookmarkColumns(t *testing.T) {
	store := state.Open(t.TempDir())
	t.Cleanup(func() { _ = store.Flush() })
	now := time.Now()
	for i, is := range []struct{ key, paper, path string }{
		{"k1", "晨风报", "/p/a.md"},
		{"k2", "", "/work/main/testdata/hostile/widths.md"},
		{"k3", "Morning Star Daily", "/p/c.md"},
	} {
		st := state.New(is.key)
		st.Describe(&issue.Issue{Paper: is.paper, Date: "2024-02-1" + fmt.Sprint(i)}, is.path)
		st.ToggleBookmark(7+i*5, "标题"+fmt.Sprint(i), now.Add(time.Duration(i)*time.Second))
		if err := store.Save(st); err != nil {
			t.Fatal(err)
		}
	}
	m := newStateModel(t, store, 100, 20)
	press(t, m, "M")
	col := -1
	rows := 0
	for _, l := range strings.Split(screen(m), "\n") {
		i := strings.Index(l, "标题")
		if i < 0 || strings.HasPrefix(strings.TrimSpace(l), "书签") {
			continue
		}
		rows++
		c := common.StringWidth(l[:i], false)
		if col >= 0 && c != col {
			t.Errorf("bookmark titles start at column %d and %d:\n%s", col, c, screen(m))
		}
		col = c
	}
	if rows != 3 {
		t.Errorf("%d bookmarks shown, want 3:\n%s", rows, screen(m))
	}
	if sc := screen(m); !strings.Contains(sc, "widths") || strings.Contains(sc, "/work/") {
		t.Errorf("a bookmark without a paper is not named by its file:\n%s", sc)
	}
}

// TestBookmarksNarrow: at narrow widths the date and then the paper give
// way to the titles, which keep at least four 汉字 (or all of themselves).
func TestBookmarksNarrow(t *testing.T) {
	store := state.Open(t.TempDir())
	t.Cleanup(func() { _ = store.Flush() })
	now := time.Now()
	for i, b := range []struct{ key, paper, date, title string }{
		{"k1", "青溪日报", "2024-03-08", "全国春季农业生产有序推进"},
		{"k2", "", "", "无题"},
	} {
		st := state.New(b.key)
		st.Paper, st.Date, st.Name, st.Path = b.paper, b.date, "noname", "/p/noname.md"
		st.ToggleBookmark(3+i, b.title, now.Add(time.Duration(i)*time.Second))
		if err := store.Save(st); err != nil {
			t.Fatal(err)
		}
	}
	m := newStateModel(t, store, 100, 10)
	press(t, m, "M")
	for _, tc := range []struct {
		w            int
		date, paper  bool
		titlePrefix  string
		otherVisible string
	}{
		{100, true, true, "全国春季农业生产有序推进", "无题"},
		{40, true, true, "全国春季农业", "无题"},
		{24, false, true, "全国春", "无题"},
		{20, false, true, "全国春", "无题"},
		{14, false, false, "全国春", "无题"},
		{12, false, false, "全国春", "无题"},
	} {
		m.Update(tea.WindowSizeMsg{Width: tc.w, Height: 10})
		where := fmt.Sprintf("at %d columns", tc.w)
		checkScreen(t, m, tc.w, 10, where)
		// newest first: the undated bookmark, then the dated one
		lines := strings.Split(screen(m), "\n")
		second, first := lines[1], lines[2]
		if strings.Contains(first, "2024-03") != tc.date {
			t.Errorf("%s: date shown %v, want %v: %q", where, !tc.date, tc.date, first)
		}
		if strings.Contains(first, "青溪") != tc.paper || strings.Contains(second, "noname") != tc.paper {
			t.Errorf("%s: paper shown %v, want %v:\n%s\n%s", where, !tc.paper, tc.paper, first, second)
		}
		if !strings.Contains(first, tc.titlePrefix) || !strings.Contains(second, tc.otherVisible) {
			t.Errorf("%s: titles cut to nothing:\n%s\n%s", where, first, second)
		}
		if strings.Contains(first, "……") || strings.Contains(second, "……") {
			t.Errorf("%s: cut twice:\n%s\n%s", where, first, second)
		}
	}
}

// TestBookmarksHelpKeys: the help of the bookmarks scrolls with j/k,
// space, g and G, and other keys close it.
func TestBookmarksHelpKeys(t *testing.T) {
	m := newStateModel(t, state.Open(t.TempDir()), 20, 6)
	press(t, m, "M", "?")
	p := m.marks
	if !p.help {
		t.Fatal("? does not show the help")
	}
	last := len(p.helpLines()) - (p.g.BodyH - 1)
	press(t, m, "G")
	if !p.help || p.helpRows.Top != last {
		t.Errorf("G in the help: shown %v, top %d, want %d", p.help, p.helpRows.Top, last)
	}
	press(t, m, "g")
	if p.helpRows.Top != 0 {
		t.Errorf("g in the help: top %d", p.helpRows.Top)
	}
	press(t, m, "space")
	if p.helpRows.Top == 0 {
		t.Errorf("space does not page the help")
	}
	press(t, m, "?")
	if p.help {
		t.Errorf("? does not close the help")
	}
}
