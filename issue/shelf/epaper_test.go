package shelf

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dubao/issue/source/epaper/epapertest"
)

// writeDay writes a generated e-paper day under dir.
func writeDay(t *testing.T, dir string, d epapertest.Day) {
	t.Helper()
	for _, f := range d.Files() {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEpaperDays: a folder of saved e-paper days — a mirror's layout and
// content folders, two days of one paper, a day of another system — is a
// shelf of one issue a day; a day alone opens as its issue; a saved
// page's resources are skipped without being read.
func TestEpaperDays(t *testing.T) {
	dir := t.TempDir()
	d1 := epapertest.Sample(epapertest.RMRB)
	d2 := epapertest.Sample(epapertest.RMRB)
	d2.Date = "2026-08-04"
	writeDay(t, dir, d1)
	writeDay(t, dir, d2)
	writeDay(t, filepath.Join(dir, "founder"), epapertest.Sample(epapertest.Founder))
	res := filepath.Join(dir, "saved", "content_9_files")
	if err := os.MkdirAll(res, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(res, "app.js"), []byte("var 新闻 = '标题';"), 0o644)
	os.WriteFile(filepath.Join(dir, "saved", "content_9.htm"), d1.Files()[4].Data, 0o644)

	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Issues {
		got = append(got, e.Date+" "+e.Paper)
	}
	slices.Sort(got)
	want := "2026-08-03 人民日报|2026-08-03 人民日报|2026-08-03 青州日报|2026-08-04 人民日报"
	if strings.Join(got, "|") != want {
		t.Errorf("issues %q, want %q", strings.Join(got, "|"), want)
	}
	if len(s.Skipped) != 1 || !strings.Contains(s.Skipped[0].Reason.String(), "content_9_files") {
		t.Errorf("skipped %v", s.Skipped)
	}
	for _, e := range s.Issues {
		l, err := s.Open(e)
		if err != nil {
			t.Fatal(err)
		}
		if n := l.Issue.Count(); n != 6 && n != 1 {
			t.Errorf("%s: %d articles", e.Name(), n)
		}
	}
	l, s2, err := OpenPath(context.Background(), filepath.Join(dir, "founder"), Options{})
	if err != nil || s2 != nil || l.Issue.Paper != "青州日报" || len(l.Issue.Sections) != 4 {
		t.Fatalf("a day alone: %v, shelf %v", err, s2 != nil)
	}
}
