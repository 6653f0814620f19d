package shelf

import (
	"os"
	"path/filepath"
	"testing"

	"dubao/issue/internal/issuegen"
)

// TestPreview: a large issue file is previewed from its start, and its
// first article is the whole issue's; a small file, a folder and a file
// over the size limit are not.
func TestPreview(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, issuegen.Issue(PreviewMin+1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small.md")
	if err := os.WriteFile(small, issuegen.Issue(200<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	pv := Preview(big, Options{})
	if pv == nil {
		t.Fatal("a large issue is not previewed")
	}
	l, err := Load(big, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pv.Articles()[0].Title, l.Issue.Articles()[0].Title; got != want || pv.Count() >= l.Issue.Count() {
		t.Errorf("preview: first article %q (want %q), %d of %d articles", got, want, pv.Count(), l.Issue.Count())
	}
	for name, path := range map[string]string{"small": small, "folder": dir, "missing": filepath.Join(dir, "gone.md")} {
		if Preview(path, Options{}) != nil {
			t.Errorf("%s: previewed", name)
		}
	}
	if Preview(big, Options{MaxBytes: PreviewMin}) != nil {
		t.Error("a file over the size limit: previewed")
	}
}
