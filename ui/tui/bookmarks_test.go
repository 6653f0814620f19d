package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/state"
)

// TestBookmarkOfUndatedIssue: an issue without a masthead, dated only by
// its path on a shelf, is listed in the bookmarks with the date and the
// name the reader showed for it.
func TestBookmarkOfUndatedIssue(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "2024", "03", "07", "noname.md")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "# 河边的早晨\n\n清晨的河岸边,早起的人们沿着新修的步道慢跑,白鹭从芦苇丛里飞起。\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	store := state.Open(t.TempDir())
	m := newShelfModel(t, scanShelf(t, dir), nil, store, 100, 30)
	press(t, m, "enter")
	r := reader(m)
	if m.showing != showReader || r.is.Date != "" || !strings.Contains(screen(m), "2024年3月7日") {
		t.Fatalf("the issue does not open dated by its path only:\n%s", screen(m))
	}
	press(t, m, "enter", "m", "M")
	sc := screen(m)
	row := ""
	for _, l := range strings.Split(sc, "\n") {
		if strings.Contains(l, "河边的早晨") {
			row = l
		}
	}
	if !strings.Contains(row, "2024-03-07") || !strings.Contains(row, "noname") {
		t.Errorf("bookmark row %q lacks the date or the name:\n%s", row, sc)
	}
	if err := store.Flush(); err != nil {
		t.Fatal(err)
	}
	list, err := store.Bookmarks()
	if err != nil || len(list) != 1 || list[0].Date != "2024-03-07" || list[0].Name != "noname" || list[0].Paper != "" {
		t.Errorf("saved bookmarks: %v %+v", err, list)
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
	last := len(p.helpLines()) - (p.g.bodyH - 1)
	press(t, m, "G")
	if !p.help || p.helpTop != last {
		t.Errorf("G in the help: shown %v, top %d, want %d", p.help, p.helpTop, last)
	}
	press(t, m, "g")
	if p.helpTop != 0 {
		t.Errorf("g in the help: top %d", p.helpTop)
	}
	press(t, m, "space")
	if p.helpTop == 0 {
		t.Errorf("space does not page the help")
	}
	press(t, m, "?")
	if p.help {
		t.Errorf("? does not close the help")
	}
}
