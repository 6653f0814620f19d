package shelftest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestGenerate(t *testing.T) {
	c := DefaultConfig()
	c.First = time.Date(2024, 2, 27, 0, 0, 0, 0, time.UTC)
	c.Days, c.Pages, c.IssueBytes, c.PerPageEvery, c.NeedleEvery = 12, 3, 6000, 4, 5
	a, b := t.TempDir(), t.TempDir()
	st, err := Generate(a, c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(b, c); err != nil {
		t.Fatal(err)
	}
	// 12 issues, every fourth as 3 page files: 9 + 3×3 files.
	if st.Issues != 12 || st.Files != 18 {
		t.Errorf("stats %+v, want 12 issues in 18 files", st)
	}
	if want := []string{"2024-02-27", "2024-03-03", "2024-03-08"}; !slices.Equal(st.NeedleDates, want) {
		t.Errorf("needle dates %v, want %v", st.NeedleDates, want)
	}
	if d, err := Describe(a, c); err != nil || d.Files != st.Files || d.Bytes != st.Bytes || !slices.Equal(d.NeedleDates, st.NeedleDates) {
		t.Errorf("Describe = %+v, %v; Generate said %+v", d, err, st)
	}
	var withNeedle []string
	err = filepath.WalkDir(a, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		// The same seed writes the same shelf.
		if other, err := os.ReadFile(filepath.Join(b, rel)); err != nil || !bytes.Equal(data, other) {
			t.Errorf("%s differs between two runs", rel)
		}
		if bytes.Contains(data, []byte(c.Needle)) {
			withNeedle = append(withNeedle, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(withNeedle) != len(st.NeedleDates) {
		t.Fatalf("needle in %v, want one file for each of %v", withNeedle, st.NeedleDates)
	}
	for i, d := range st.NeedleDates {
		if !strings.Contains(withNeedle[i], d) {
			t.Errorf("needle in %s, want the issue of %s", withNeedle[i], d)
		}
	}
	// A page-file issue: 2024-03-01 is the fourth day.
	for p := 1; p <= 3; p++ {
		name := filepath.Join(a, "2024", "03", "2024-03-01", "0"+string(rune('0'+p))+".md")
		if _, err := os.Stat(name); err != nil {
			t.Errorf("page file: %v", err)
		}
	}
}
