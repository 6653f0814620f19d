package shelf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"dubao/issue"
)

// TestSizeLimit: a file larger than the limit is refused before it is
// read, with a message that gives both sizes; Options.MaxBytes sets the
// limit, and 0 means issue.MaxSize. A sparse file larger than
// issue.MaxSize is refused without reading it.
func TestSizeLimit(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "issue.md")
	text := "## 标题\n\n" + strings.Repeat("正文,一段很长的文字。", 60000) + "\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(file, Options{}); err != nil {
		t.Fatalf("the default limit refuses a %d-byte file: %v", len(text), err)
	}
	_, err := Load(file, Options{MaxBytes: 1 << 20})
	if !errors.Is(err, issue.ErrTooLarge) || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "the limit is 1 MB") {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := LoadBytes("stdin", []byte(text), Options{MaxBytes: 1 << 20}); !errors.Is(err, issue.ErrTooLarge) {
		t.Errorf("LoadBytes over the limit: %v", err)
	}

	sparse := filepath.Join(dir, "sparse.md")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(issue.MaxSize + 1); err != nil {
		f.Close()
		t.Skipf("no sparse file of %d bytes here: %v", issue.MaxSize+1, err)
	}
	f.Close()
	_, err = Load(sparse, Options{})
	if !errors.Is(err, issue.ErrTooLarge) || !strings.Contains(err.Error(), "the limit is 1024 MB") {
		t.Errorf("a file past issue.MaxSize: %v", err)
	}
	// On a shelf, it is skipped with that reason.
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sk := range s.Skipped {
		if sk.Path == "sparse.md" && strings.Contains(sk.Reason.String(), "too large") {
			found = true
		}
	}
	if !found {
		t.Errorf("the shelf does not skip the file that is too large: %+v", s.Skipped)
	}
}

// TestLoadKeepsNoCopy: an issue loaded from a file shares the memory of
// what was read (the parser is handed the buffer), so a large issue is
// not held twice.
func TestLoadKeepsNoCopy(t *testing.T) {
	text := []byte("## 标题\n\n" + strings.Repeat("正文,一段很长的文字。", 1000) + "\n")
	l, err := LoadBytes("stdin", text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := l.Issue.Articles()[0].Paragraphs[0]
	start := uintptr(unsafe.Pointer(unsafe.SliceData(text)))
	at := uintptr(unsafe.Pointer(unsafe.StringData(p)))
	if at < start || at >= start+uintptr(len(text)) {
		t.Errorf("the paragraph is a copy, not a part of the bytes read")
	}
}
