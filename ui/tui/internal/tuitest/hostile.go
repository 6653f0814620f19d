package tuitest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/textsafe"
)

// HostilePaths returns the files of testdata/hostile (see
// ui/cli/e2e/hostile_test.go, which writes them): a file whose name starts
// with "bad-" must be refused, any other must open.
func HostilePaths(t testing.TB) []string {
	t.Helper()
	dir := filepath.Join(RepoDir(t), "testdata", "hostile")
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

// IsBad reports a file of testdata/hostile that must be refused.
func IsBad(path string) bool { return strings.HasPrefix(filepath.Base(path), "bad-") }

// CheckSafeView fails when the view could control the terminal beyond
// styling: the only escape sequences allowed are SGR sequences (CSI with
// digits, ';' and ':' only, ending in m), as the renderer and lipgloss
// write them; once they are taken out, no C0 control but the line feed,
// no DEL, no C1 control, no bidirectional control, no U+FEFF and no
// invalid UTF-8 may remain. The window title is checked the same way, and
// the cursor must be on the screen.
func CheckSafeView(t testing.TB, v tea.View, w, h int, where string) {
	t.Helper()
	CheckSafeText(t, v.Content, true, where)
	CheckSafeText(t, v.WindowTitle, false, where+" (window title)")
	if c := v.Cursor; c != nil && (c.X < 0 || c.Y < 0 || c.X >= w || c.Y >= h) {
		t.Errorf("%s: cursor at %d,%d on a %dx%d terminal", where, c.X, c.Y, w, h)
	}
}

// CheckSafeText checks s as CheckSafeView does; sgr allows SGR sequences.
func CheckSafeText(t testing.TB, s string, sgr bool, where string) {
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
		if textsafe.Unsafe(r) && r != '\n' {
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

// HostileKeys visit every part of the reader: every article, from its top
// to its end, the help, a search and its results, the measure.
var HostileKeys = []string{"enter", "G", "g", "space", "?", "G", "esc", "/", "油", "菜", "enter", "n", "N", "esc", "esc", "+", "-", "o", "backspace", "]", "["}
