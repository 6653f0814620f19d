//go:build unix

package state

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dubao/issue/safefile"
	"dubao/issue/safefile/safefiletest"
)

// TestLoadSpecialFiles (issue #18, item 1): a state file that is a named
// pipe, a link to /dev/zero or /dev/urandom, a folder or a file over the
// size cap gives fresh state and a one-line error naming it, at once; the
// bookmarks of the other issues are still listed, and the special file
// is left where it is (it is not state dubao wrote).
func TestLoadSpecialFiles(t *testing.T) {
	for _, kind := range safefiletest.Kinds {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			s := Open(dir)
			other := New("beef")
			other.ToggleBookmark(1, "春耕", time.Now())
			if err := s.Save(other); err != nil {
				t.Fatal(err)
			}
			name := s.path(key)
			safefiletest.Make(t, kind, name)
			var (
				st  *Issue
				err error
			)
			safefiletest.NoHang(t, "Load("+kind+")", func() { st, err = s.Load(key) })
			if !errors.Is(err, safefile.ErrNotRegular) && !errors.Is(err, safefile.ErrTooLarge) {
				t.Errorf("Load error %v: want not a regular file or too large", err)
			}
			if err != nil && (!strings.Contains(err.Error(), name) || strings.ContainsAny(err.Error(), "\n\r")) {
				t.Errorf("Load error %q: want one line naming %s", err, name)
			}
			if st == nil || st.Key != key || len(st.Articles) != 0 {
				t.Errorf("Load state %+v: want fresh state", st)
			}
			var marks []Bookmark
			safefiletest.NoHang(t, "Bookmarks", func() { marks, err = s.Bookmarks() })
			if err != nil || len(marks) != 1 || marks[0].Key != "beef" {
				t.Errorf("Bookmarks = %+v, %v: want the other issue's one bookmark", marks, err)
			}
			if _, err := os.Lstat(name); err != nil {
				t.Errorf("the special file was moved away: %v", err)
			}
			if _, err := os.Lstat(filepath.Join(dir, "issues", key+".json.corrupt")); err == nil {
				t.Errorf("a special file was set aside as corrupt state")
			}
		})
	}
}
