package issue

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot walks up from the package directory to the one holding go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// sharedPath returns ../shared/<rel> from the repo root, or skips the test
// when shared/ is absent (a fresh clone).
func sharedPath(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(repoRoot(t), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("../shared/%s is absent (a fresh clone): %v", rel, err)
	}
	return p
}

// seedPath is the real sample issue.
func seedPath(t testing.TB) string {
	return sharedPath(t, "seed/000_f6fea3e315053468.txt")
}

// realFolder is the real archive-form issue.
func realFolder(t testing.TB) string {
	return sharedPath(t, "real/people-daily-2019-10-02")
}

// samplePath returns a sample of the repo's own testdata/.
func samplePath(t testing.TB, rel string) string {
	return filepath.Join(repoRoot(t), "testdata", rel)
}

// mustOpen opens an issue or fails the test.
func mustOpen(t testing.TB, path string, opt Options) *Issue {
	t.Helper()
	is, err := Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	return is
}

// mustParse parses a string or fails the test.
func mustParse(t testing.TB, text string) *Issue {
	t.Helper()
	is, err := Parse(strings.NewReader(text), Options{Name: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return is
}

// articleByTitle finds the article whose title contains s.
func articleByTitle(t testing.TB, is *Issue, s string) *Article {
	t.Helper()
	for _, a := range is.Articles() {
		if strings.Contains(a.Title, s) {
			return a
		}
	}
	t.Fatalf("no article titled %q", s)
	return nil
}

// jsonOf renders an issue as the CLI's json command does.
func jsonOf(t testing.TB, is *Issue) string {
	t.Helper()
	b, err := json.MarshalIndent(is, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// comparable returns the issue as JSON without the fields that describe
// the source bytes rather than the text (encoding, invalid count).
func comparable(t testing.TB, is *Issue) string {
	t.Helper()
	c := *is
	c.Encoding, c.Invalid = "", 0
	return jsonOf(t, &c)
}
