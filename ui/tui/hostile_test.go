package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue/shelf"
	"dubao/ui/styles"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// TestHostileScreens opens every file of testdata/hostile as the command
// line does (shelf.Load) and draws it in the reader at several sizes,
// through every article and the keys above: nothing but styling reaches
// the terminal, and no line is wider than it. A file that must be refused
// is refused, and shows an error page that is just as clean.
func TestHostileScreens(t *testing.T) {
	sizes := [][2]int{{100, 30}, {60, 15}, {24, 8}, {9, 3}}
	for _, path := range tuitest.HostilePaths(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			l, err := shelf.Load(path, shelf.Options{})
			if tuitest.IsBad(path) {
				if err == nil {
					t.Fatalf("a bad file opens (%d articles)", l.Issue.Count())
				}
				for _, s := range sizes {
					m := newModel(t, sample(t), s[0], s[1])
					send(m, common.ErrorMsg{Name: path, Err: err})
					if m.showing != showError {
						t.Fatalf("no error page")
					}
					where := fmt.Sprintf("%dx%d error page", s[0], s[1])
					tuitest.CheckSafeView(t, m.View(), s[0], s[1], where)
					checkScreen(t, m, s[0], s[1], where)
					if s[0] >= 60 && !strings.Contains(screen(m), name) {
						t.Errorf("%s does not name the file:\n%s", where, screen(m))
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("does not open: %v", err)
			}
			// the reader's keys on every article: see the reader's
			// TestHostileScreens; here, the first frame with its title
			for _, s := range sizes {
				m := start(New(l.Issue, Options{Name: path, Style: styles.Dark}), s[0], s[1])
				where := fmt.Sprintf("%dx%d", s[0], s[1])
				tuitest.CheckSafeView(t, m.View(), s[0], s[1], where+" start")
				checkScreen(t, m, s[0], s[1], where+" start")
			}
		})
	}
}

// TestHostileShelf opens testdata/hostile as a shelf: its list, the panel
// of skipped files (each bad file with its reason), a search across it,
// and an issue opened from it — all clean at every size.
func TestHostileShelf(t *testing.T) {
	dir := filepath.Join(tuitest.RepoDir(t), "testdata", "hostile")
	s, err := shelf.Scan(context.Background(), dir, shelf.Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, p := range tuitest.HostilePaths(t) {
		if tuitest.IsBad(p) {
			bad++
		}
	}
	if len(s.Skipped) != bad {
		t.Errorf("the shelf skips %d files, want the %d bad ones: %v", len(s.Skipped), bad, s.Skipped)
	}
	for _, size := range [][2]int{{100, 30}, {50, 12}, {20, 5}} {
		w, h := size[0], size[1]
		m := newShelfModel(t, s, nil, nil, w, h)
		for _, step := range []struct {
			name string
			keys []string
		}{
			{"list", nil},
			{"scrolled", []string{"G"}},
			{"skipped", []string{"s", "G"}},
			{"help", []string{"esc", "?"}},
			{"prompt", []string{"esc", "/", "油", "菜"}},
			{"results", []string{"enter"}},
			{"opened", []string{"enter"}},
			{"article", []string{"enter", "G"}},
		} {
			msgs := press2(t, m, step.keys...)
			if step.name == "results" {
				stream(t, m, msgs, 0)
			}
			where := fmt.Sprintf("%dx%d shelf %s", w, h, step.name)
			tuitest.CheckSafeView(t, m.View(), w, h, where)
			checkScreen(t, m, w, h, where)
		}
		if m.showing != showReader {
			t.Errorf("%dx%d: the search result did not open an issue", w, h)
		}
		if sc := screen(m); w >= 100 && !strings.Contains(screen(newShelfModel(t, s, nil, nil, w, h)), "白沙晚报") {
			t.Errorf("the shelf does not list the hostile issues:\n%s", sc)
		}
	}
	// Opening a file that turned bad since the shelf was scanned shows
	// the error page.
	tmp := t.TempDir()
	good := filepath.Join(dir, "csi.md")
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s2, err := shelf.Scan(context.Background(), tmp, shelf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	png, err := os.ReadFile(filepath.Join(dir, "bad-png.png"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(tmp, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := newShelfModel(t, s2, nil, nil, 80, 20)
	press2(t, m, "enter")
	if m.showing != showError || !strings.Contains(screen(m), "PNG") {
		t.Errorf("opening a file that is now a PNG image:\n%s", screen(m))
	}
	tuitest.CheckSafeView(t, m.View(), 80, 20, "error page")
}
