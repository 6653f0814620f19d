package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/tui/internal/tuitest"
)

// TestBackgroundResultsReachTheirPage: a page's background work reports to
// that page whatever page is shown when it ends. A search started in the
// reader that ends while the bookmarks are shown (M) still shows its
// results back in the reader, and the status line does not say 搜索中…
// for ever; the count of a long article's characters (字数), which ends
// in the background too, is not lost the same way.
func TestBackgroundResultsReachTheirPage(t *testing.T) {
	t.Run("search", func(t *testing.T) {
		m := newModel(t, sample(t), 100, 30)
		press(t, m, "/", "青")
		_, search := m.Update(keyMsg("溪")) // the search of 青溪 runs as it is typed: keep its command
		m.Update(keyMsg("enter"))
		if !strings.Contains(screen(m), "搜索中…") {
			t.Fatalf("no 搜索中… while searching:\n%s", screen(m))
		}
		press(t, m, "M")
		if !strings.Contains(screen(m), "书签") {
			t.Fatalf("M shows no bookmarks:\n%s", screen(m))
		}
		run(m, search, 0) // the search ends while the bookmarks are shown
		press(t, m, "esc")
		sc := screen(m)
		if strings.Contains(sc, "搜索中…") || !strings.Contains(sc, "/青溪 1/") {
			t.Errorf("back in the reader the search is lost:\n%s", sc)
		}
	})
	t.Run("count", func(t *testing.T) {
		m := New(tuitest.BigIssue(1), Options{Name: "big"})
		count := m.Init() // counts the long article in the background: keep it
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		if strings.Contains(screen(m), "字 约") {
			t.Fatalf("a 200,000-character article is counted at once:\n%s", screen(m))
		}
		press(t, m, "M")
		run(m, count, 0) // the count ends while the bookmarks are shown
		press(t, m, "esc")
		if sc := screen(m); !strings.Contains(sc, "字 约") {
			t.Errorf("back in the reader the count is lost:\n%s", sc)
		}
	})
}
