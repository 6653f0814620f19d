package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/shelf"
	"dubao/ui/styles"
)

// repoDir returns the folder holding go.mod.
func repoDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test folder")
		}
		dir = parent
	}
}

// hostilePaths returns the files of testdata/hostile (see
// ui/cli/e2e/hostile_test.go, which writes them): a file whose name starts
// with "bad-" must be refused, any other must open.
func hostilePaths(t testing.TB) []string {
	t.Helper()
	dir := filepath.Join(repoDir(t), "testdata", "hostile")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, filepath.Join(dir, e.Name()))
	}
	if len(out) < 20 {
		t.Fatalf("testdata/hostile holds only %d files", len(out))
	}
	return out
}

// isBad reports a file of testdata/hostile that must be refused.
func isBad(path string) bool { return strings.HasPrefix(filepath.Base(path), "bad-") }

// checkSafeView fails when the view could control the terminal beyond
// styling: the only escape sequences allowed are SGR sequences (CSI with
// digits, ';' and ':' only, ending in m), as the renderer and lipgloss
// write them; once they are taken out, no C0 control but the line feed,
// no DEL, no C1 control, no bidirectional control, no U+FEFF and no
// invalid UTF-8 may remain. The window title is checked the same way, and
// the cursor must be on the screen.
func checkSafeView(t testing.TB, v tea.View, w, h int, where string) {
	t.Helper()
	checkSafeText(t, v.Content, true, where)
	checkSafeText(t, v.WindowTitle, false, where+" (window title)")
	if c := v.Cursor; c != nil && (c.X < 0 || c.Y < 0 || c.X >= w || c.Y >= h) {
		t.Errorf("%s: cursor at %d,%d on a %dx%d terminal", where, c.X, c.Y, w, h)
	}
}

// checkSafeText checks s as checkSafeView does; sgr allows SGR sequences.
func checkSafeText(t testing.TB, s string, sgr bool, where string) {
	t.Helper()
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			n := sgrLen(s[i:])
			if !sgr || n == 0 {
				t.Errorf("%s: escape sequence that is not SGR at byte %d: %q", where, i, clipBytes(s[i:], 24))
				return
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			t.Errorf("%s: invalid UTF-8 at byte %d: %q", where, i, clipBytes(s[i:], 12))
			return
		}
		if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			r == 0x200e || r == 0x200f || r == 0x061c || r == 0xfeff {
			t.Errorf("%s: %U at byte %d: %q", where, r, i, clipBytes(s[max(i-12, 0):], 36))
			return
		}
		i += size
	}
}

// sgrLen returns the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ';', c == ':':
		case c == 'm':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

func clipBytes(s string, n int) string { return s[:min(len(s), n)] }

// hostileKeys visit every part of the reader: every article, from its top
// to its end, the help, a search and its results, the measure.
var hostileKeys = []string{"enter", "G", "g", "space", "?", "G", "esc", "/", "油", "菜", "enter", "n", "N", "esc", "esc", "+", "-", "o", "backspace", "]", "["}

// TestHostileScreens opens every file of testdata/hostile as the command
// line does (shelf.Load) and draws it in the reader at several sizes,
// through every article and the keys above: nothing but styling reaches
// the terminal, and no line is wider than it. A file that must be refused
// is refused, and shows an error page that is just as clean.
func TestHostileScreens(t *testing.T) {
	sizes := [][2]int{{100, 30}, {60, 15}, {24, 8}, {9, 3}}
	for _, path := range hostilePaths(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			l, err := shelf.Load(path, shelf.Options{})
			if isBad(path) {
				if err == nil {
					t.Fatalf("a bad file opens (%d articles)", l.Issue.Count())
				}
				for _, s := range sizes {
					m := newModel(t, sample(t), s[0], s[1])
					send(m, ErrorMsg{Name: path, Err: err})
					if m.showing != showError {
						t.Fatalf("no error page")
					}
					where := fmt.Sprintf("%dx%d error page", s[0], s[1])
					checkSafeView(t, m.View(), s[0], s[1], where)
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
			for _, s := range sizes {
				m := New(l.Issue, Options{Name: path, Style: styles.Dark})
				run(m, m.Init(), 0)
				m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
				m.reader.digitWait = 0
				where := fmt.Sprintf("%dx%d", s[0], s[1])
				checkSafeView(t, m.View(), s[0], s[1], where+" start")
				for i := range m.reader.arts {
					for _, k := range hostileKeys {
						press(t, m, k)
						w := fmt.Sprintf("%s article %d after %s", where, i+1, k)
						checkSafeView(t, m.View(), s[0], s[1], w)
						checkScreen(t, m, s[0], s[1], w)
					}
					m.reader.show(i + 1)
					if i > 20 { // many-articles.md: the first ones show it all
						break
					}
				}
			}
		})
	}
}

// TestHostileShelf opens testdata/hostile as a shelf: its list, the panel
// of skipped files (each bad file with its reason), a search across it,
// and an issue opened from it — all clean at every size.
func TestHostileShelf(t *testing.T) {
	dir := filepath.Join(repoDir(t), "testdata", "hostile")
	s, err := shelf.Scan(context.Background(), dir, shelf.Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, p := range hostilePaths(t) {
		if isBad(p) {
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
			checkSafeView(t, m.View(), w, h, where)
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
	checkSafeView(t, m.View(), 80, 20, "error page")
}
