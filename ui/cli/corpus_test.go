package cli

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"dubao/issue"
)

// corpusRoots are the folders of samples the corpus test reads: the
// repository's testdata and the fixtures of the input formats.
var corpusRoots = []string{"testdata", "issue/source/epaper/testdata", "issue/source/feed/testdata"}

// repoRoot is the root of the repository.
func repoRoot(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// TestCorpus runs every sample — each file, and each folder that is one
// issue — through json, list and cat --all, and checks that no command
// loses text of the model: list lists every article by its number and
// headline, and cat --all prints every piece of every article (kicker,
// title, subtitle, byline, paragraphs, the text of every block), in
// order. A sample that is not an issue must fail with a one-line error.
// Together with the lossless property of the parser (issue's
// TestCorpusLossless: no text of a text source is lost on its way into
// the model), a new format or sample cannot silently lose text
// (issue #13).
func TestCorpus(t *testing.T) {
	root := repoRoot(t)
	var paths []string
	for _, r := range corpusRoots {
		err := filepath.WalkDir(filepath.Join(root, r), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() || d.IsDir() {
				paths = append(paths, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if testing.Short() && len(paths) > 40 {
		paths = paths[:40]
	}
	issues := 0
	for _, p := range paths {
		rel, _ := filepath.Rel(root, p)
		t.Run(rel, func(t *testing.T) {
			if corpusIssue(t, p) {
				issues++
			}
		})
	}
	if issues < 20 {
		t.Errorf("only %d samples read as issues", issues)
	}
}

// corpusIssue checks one sample and reports whether it was an issue.
func corpusIssue(t *testing.T, path string) bool {
	res := run(t, App{}, "", "json", path)
	if res.code != ExitOK {
		if res.code != ExitError || strings.Count(strings.TrimSuffix(res.stderr, "\n"), "\n") > 0 || res.stderr == "" {
			t.Errorf("json: exit %d, stderr %q", res.code, res.stderr)
		}
		return false
	}
	var probe struct {
		Sections json.RawMessage `json:"sections"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &probe); err != nil {
		t.Fatalf("json: %v", err)
	}
	if probe.Sections == nil {
		return false // a shelf: its issues are checked one by one
	}
	var is issue.Issue
	if err := json.Unmarshal([]byte(res.stdout), &is); err != nil {
		t.Fatalf("json: %v", err)
	}
	arts := is.Articles()

	list := run(t, App{}, "", "list", path)
	if list.code != ExitOK {
		t.Fatalf("list: exit %d, stderr %q", list.code, list.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(list.stdout, "\n"), "\n")
	if len(lines) != len(arts) {
		t.Errorf("list: %d lines for %d articles", len(lines), len(arts))
	}
	for i, a := range arts {
		if i >= len(lines) {
			break
		}
		cols := strings.SplitN(lines[i], "\t", 3)
		if len(cols) != 3 || cols[0] != strconv.Itoa(a.N) || squeeze(cols[2]) != squeeze(a.Headline()) {
			t.Errorf("list line %d %q, article %d %q", i+1, lines[i], a.N, a.Headline())
		}
	}

	cat := run(t, App{}, "", "cat", "--all", path)
	if cat.code != ExitOK {
		t.Fatalf("cat --all: exit %d, stderr %q", cat.code, cat.stderr)
	}
	out := squeeze(cat.stdout)
	at := 0
	for _, a := range arts {
		for _, pc := range a.Pieces() {
			want := squeeze(pc.Text)
			if want == "" {
				continue
			}
			i := strings.Index(out[at:], want)
			if i < 0 {
				before := []rune(out[:at])
				t.Fatalf("cat --all lost article %d piece %d %q (after %q)", a.N, pc.Kind, clipText(want), string(before[max(0, len(before)-20):]))
			}
			at += i + len(want)
		}
	}
	return true
}

// squeeze removes every space and line break: layouts differ in where
// they break lines and how they pad, never in the text.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// clipText shortens s for messages.
func clipText(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
