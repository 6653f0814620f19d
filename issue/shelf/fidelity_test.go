package shelf

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// testdataIssues is the repository's testdata/issues folder.
func testdataIssues(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "issues")
}

// TestPerArticleDayFolders: a day of per-article Markdown files — a note
// tool's vault (2025-01-02/01-要闻/<title>.md) or a flat folder of
// 1946-05-15_<title>.md — is one issue, its pages and their names from
// the page folders or the files (issue #13, item 8).
func TestPerArticleDayFolders(t *testing.T) {
	for _, tt := range []struct {
		dir, date string
		want      []string
	}{
		{"note-vault", "2025-01-02", []string{"1要闻/城南地铁站启用", "1要闻/新年第一天全市重点工程开工", "18副刊/冬日里的老茶馆"}},
		{"rmrb-1946", "1946-05-15", []string{"1要闻/各地举办识字班", "1要闻/互助组遍及百余村", "2通讯/冀中军民合力修堤"}},
	} {
		s, err := Scan(context.Background(), filepath.Join(testdataIssues(t), tt.dir), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Issues) != 1 {
			for _, e := range s.Issues {
				t.Logf("entry %s %v", e.Date, e.Files)
			}
			t.Fatalf("%s: %d issues, want 1", tt.dir, len(s.Issues))
		}
		e := s.Issues[0]
		if e.Date != tt.date || e.Articles != 3 {
			t.Errorf("%s: date %s, %d articles", tt.dir, e.Date, e.Articles)
		}
		l, err := s.Open(e)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, sec := range l.Issue.Sections {
			for _, a := range sec.Articles {
				got = append(got, fmt.Sprintf("%d%s/%s", sec.Page, sec.Name, a.Title))
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.dir, got, tt.want)
		}
		if n := len(l.Issue.Sections); n != 2 {
			t.Errorf("%s: %d sections, want 2 (one per page)", tt.dir, n)
		}
	}
}

// TestSnippetQuotes: a snippet never starts with the closing quote of the
// sentence before it (…。” cut after 。) and keeps the closing quote of its
// own (issue #13, item 12).
func TestSnippetQuotes(t *testing.T) {
	for _, tc := range []struct{ text, match, want string }{
		{"他说：“第一句话。”第二句有河道两字。", "河道", "第二句有[河道]两字。"},
		{"“第一句话！”」第二句有河道两字。", "河道", "第二句有[河道]两字。"},
		{"他说：“这是河道。”后面的话。", "河道", "他说：“这是[河道]。”"},
		{"前一句。“河道在引号里。”", "河道", "“[河道]在引号里。”"},
	} {
		start := strings.Index(tc.text, tc.match)
		line, rng := snippet(tc.text, start, start+len(tc.match))
		got := line[:rng[0]] + "[" + line[rng[0]:rng[1]] + "]" + line[rng[1]:]
		if got != tc.want {
			t.Errorf("snippet(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
