package state

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"dubao/issue"
)

// TestStateHelperProcess is one reader of TestTwoProcesses, run as a
// process of its own: it loads the issue's state once, as a reader does
// when it opens the issue, then bookmarks, marks read and moves in its
// articles (DUBAO_STATE_ARTICLES, "first:last:step"), saving after each.
func TestStateHelperProcess(t *testing.T) {
	dir := os.Getenv("DUBAO_STATE_DIR")
	if dir == "" {
		t.Skip("run by TestTwoProcesses")
	}
	var first, last, step int
	if _, err := fmt.Sscanf(os.Getenv("DUBAO_STATE_ARTICLES"), "%d:%d:%d", &first, &last, &step); err != nil {
		t.Fatal(err)
	}
	s := Open(dir)
	st, err := s.Load(key)
	if err != nil {
		t.Fatal(err)
	}
	for n := first; n <= last; n += step {
		title := "第" + strconv.Itoa(n) + "篇"
		st.SetPosition(n, title, issue.Pos{Piece: 1, Offset: n})
		st.SetRead(n, title, true)
		st.ToggleBookmark(n, title, time.Now())
		if n%3 == 0 {
			err = s.Save(st) // as m does
		} else {
			err = s.SaveLater(st) // as reading does
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
}

// TestTwoProcesses (issue #18, item 14): two readers of the same issue,
// in two processes, each loaded the state once and then save what they do:
// neither loses the other's bookmarks, read marks or places.
func TestTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	// What was there before both started: kept too.
	before := New(key)
	before.ToggleBookmark(1000, "旧书签", time.Now())
	if err := Open(dir).Save(before); err != nil {
		t.Fatal(err)
	}
	const n = 60
	var cmds []*exec.Cmd
	for _, arts := range []string{"1:" + strconv.Itoa(n) + ":2", "2:" + strconv.Itoa(n) + ":2"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStateHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "DUBAO_STATE_DIR="+dir, "DUBAO_STATE_ARTICLES="+arts)
		cmds = append(cmds, cmd)
	}
	outs := make([][]byte, len(cmds))
	errs := make([]error, len(cmds))
	done := make(chan int)
	for i, cmd := range cmds {
		go func() {
			outs[i], errs[i] = cmd.CombinedOutput()
			done <- i
		}()
	}
	for range cmds {
		i := <-done
		if errs[i] != nil {
			t.Fatalf("reader %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	got, err := Open(dir).Load(key)
	if err != nil {
		t.Fatal(err)
	}
	var lost []string
	for a := 1; a <= n; a++ {
		if !got.IsBookmarked(a) || !got.IsRead(a) || got.Position(a) != (issue.Pos{Piece: 1, Offset: a}) {
			lost = append(lost, strconv.Itoa(a))
		}
	}
	if !got.IsBookmarked(1000) {
		lost = append(lost, "the bookmark saved before")
	}
	if len(lost) > 0 {
		t.Errorf("lost the state of articles %s", strings.Join(lost, " "))
	}
}

// TestMergeKeepsBothSides (issue #18, item 14): what each of two stores on
// one folder changed survives the other's save, removals too.
func TestMergeKeepsBothSides(t *testing.T) {
	dir := t.TempDir()
	first := New(key)
	first.ToggleBookmark(1, "春耕", time.Now())
	first.ToggleBookmark(2, "夜市", time.Now())
	first.SetPosition(1, "春耕", issue.Pos{Piece: 1, Offset: 3})
	if err := Open(dir).Save(first); err != nil {
		t.Fatal(err)
	}
	a, _ := Open(dir).Load(key)
	b, _ := Open(dir).Load(key)
	a.ToggleBookmark(1, "春耕", time.Now()) // A removes bookmark 1
	a.SetPosition(3, "球赛", issue.Pos{Piece: 2, Offset: 1})
	b.ToggleBookmark(3, "球赛", time.Now()) // B adds bookmark 3
	b.SetRead(2, "夜市", true)
	if err := Open(dir).Save(a); err != nil {
		t.Fatal(err)
	}
	if err := Open(dir).Save(b); err != nil {
		t.Fatal(err)
	}
	got, _ := Open(dir).Load(key)
	if got.IsBookmarked(1) || !got.IsBookmarked(2) || !got.IsBookmarked(3) || !got.IsRead(2) {
		t.Errorf("bookmarks 1 %v 2 %v 3 %v, read 2 %v: want false true true true",
			got.IsBookmarked(1), got.IsBookmarked(2), got.IsBookmarked(3), got.IsRead(2))
	}
	if got.Position(1) != (issue.Pos{Piece: 1, Offset: 3}) || got.Position(3) != (issue.Pos{Piece: 2, Offset: 1}) {
		t.Errorf("places %+v %+v", got.Position(1), got.Position(3))
	}
	if got.Last != 3 {
		t.Errorf("last %d, want 3 (A moved last, B did not)", got.Last)
	}
}

// TestFailedSave (issue #18, item 15): a state that cannot be written (its
// folder is a file, or read-only) is an error that says so, the change is
// kept in memory, and it is written with the next save that can be.
func TestFailedSave(t *testing.T) {
	for _, how := range []string{"file", "read-only"} {
		t.Run(how, func(t *testing.T) {
			if how == "read-only" && (runtime.GOOS == "windows" || os.Geteuid() == 0) {
				t.Skip("a read-only folder does not stop root")
			}
			dir := filepath.Join(t.TempDir(), "state")
			block := func() {
				if how == "file" {
					if err := os.WriteFile(dir, []byte("x"), 0o600); err != nil {
						t.Fatal(err)
					}
				} else if err := os.MkdirAll(filepath.Join(dir, "issues"), 0o500); err != nil {
					t.Fatal(err)
				} else {
					os.Chmod(dir, 0o500)
				}
			}
			unblock := func() {
				os.Chmod(dir, 0o700)
				os.Chmod(filepath.Join(dir, "issues"), 0o700)
				if how == "file" {
					os.Remove(dir)
				}
			}
			t.Cleanup(unblock)
			block()
			s := Open(dir)
			st, _ := s.Load(key)
			st.ToggleBookmark(3, "球赛", time.Now())
			err := s.Save(st)
			if !errors.Is(err, ErrNotSaved) || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("Save into a blocked folder: %v, want one line wrapping ErrNotSaved", err)
			}
			if !st.IsBookmarked(3) {
				t.Error("the bookmark is gone from memory")
			}
			// In the background: reported by Flush, kept for the next save.
			st.SetRead(2, "夜市", true)
			if err := s.SaveLater(st); err != nil {
				t.Fatalf("SaveLater cannot know yet: %v", err)
			}
			if err := s.Flush(); !errors.Is(err, ErrNotSaved) {
				t.Fatalf("Flush: %v, want ErrNotSaved", err)
			}
			if !s.Unsaved() {
				t.Error("Unsaved() = false after a failed save")
			}
			unblock()
			st.SetLast(2)
			if err := s.Save(st); err != nil {
				t.Fatal(err)
			}
			got, _ := Open(dir).Load(key)
			if !got.IsBookmarked(3) || !got.IsRead(2) || got.Last != 2 {
				t.Errorf("after the folder came back: bookmark %v, read %v, last %d; want all the changes",
					got.IsBookmarked(3), got.IsRead(2), got.Last)
			}
			if s.Unsaved() {
				t.Error("Unsaved() = true after everything was saved")
			}
		})
	}
}

// TestCorruptCopies (issue #18, item 16): each corrupt state file is kept
// under its own time, the newest few of them.
func TestCorruptCopies(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "issues", key+".json")
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 3, 8, 7, 30, 0, 0, time.UTC)
	for i := range maxCorrupt + 2 {
		if err := os.WriteFile(name, []byte(fmt.Sprintf("{corrupt %d", i)), 0o600); err != nil {
			t.Fatal(err)
		}
		s := Open(dir)
		s.now = func() time.Time { return at.Add(time.Duration(i) * time.Second) }
		if _, err := s.Load(key); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("corruption %d: %v", i, err)
		}
	}
	copies, _ := filepath.Glob(name + ".corrupt-*")
	if len(copies) != maxCorrupt {
		t.Fatalf("%d corrupt copies, want %d: %v", len(copies), maxCorrupt, copies)
	}
	for i, c := range copies {
		data, _ := os.ReadFile(c)
		if want := fmt.Sprintf("{corrupt %d", i+2); string(data) != want {
			t.Errorf("copy %d holds %q, want %q (the newest are kept)", i, data, want)
		}
	}
}
