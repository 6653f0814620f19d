//go:build unix

package shelf

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

func TestScanOddEntries(t *testing.T) {
	dir := writeShelf(t, []fixture{
		{path: "papers/2024-03-08.md", content: masthead("星河日报", "2024-03-08", 1) + page(1, "要闻", "春耕备耕忙")},
	})
	// A link to a folder is not followed (no cycles); a named pipe is not
	// read (it would block).
	if err := os.Symlink(filepath.Join(dir, "papers"), filepath.Join(dir, "again")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, sk := range s.Skipped {
		skipped = append(skipped, sk.String())
	}
	want := []string{"again: link to a folder (not followed)", "pipe.txt: not a regular file (a named pipe)"}
	if len(s.Issues) != 1 || !slices.Equal(skipped, want) {
		t.Errorf("issues %v, skipped %q; want 1 issue and %q", describe(s), skipped, want)
	}
}

func TestScanLinkedShelf(t *testing.T) {
	dir := writeShelf(t, []fixture{
		{path: "2024-03-08/01.md", content: masthead("星河日报", "2024-03-08", 2) + page(1, "要闻", "春耕备耕忙")},
		{path: "2024-03-08/02.md", content: page(2, "城市", "夜市重开")},
	})
	link := filepath.Join(t.TempDir(), "papers")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	s, err := Scan(context.Background(), link, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Issues) != 1 || len(s.Issues[0].Files) != 2 {
		t.Fatalf("linked shelf: %v, skipped %v", describe(s), s.Skipped)
	}
	if l, err := s.Open(s.Issues[0]); err != nil || l.Issue.Count() != 2 {
		t.Errorf("Open through the link: %v", err)
	}
}
