package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/ui/state"
	"dubao/ui/tui/internal/tuitest"
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
	m := newShelfModel(t, tuitest.ScanShelf(t, dir), nil, store, 100, 30)
	press(t, m, "enter")
	r := readerOf(m)
	if m.showing != showReader || r.Issue().Date != "" || !strings.Contains(screen(m), "2024年3月7日") {
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
