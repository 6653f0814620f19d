package common

import (
	"runtime"
	"testing"

	"dubao/issue/shelf"
	"dubao/ui/wrap"
)

// TestIssueLabels checks the fallback name of an issue without a paper:
// the base name of its file or folder, without extension or slash.
func TestIssueLabels(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/work/shared/real/people-daily-2019-10-02", "people-daily-2019-10-02"},
		{"/work/shared/real/people-daily-2019-10-02/", "people-daily-2019-10-02"},
		{"/work/main/testdata/hostile/widths.md", "widths"},
		// A backslash separates on Windows only: elsewhere it is part of
		// a name (issue #18, item 19).
		{`C:\papers\2024-03-08.txt`, map[bool]string{true: "2024-03-08", false: `C:\papers\2024-03-08`}[runtime.GOOS == "windows"]},
		{"2019/10/02", "02"},
		{"2019.10.02", "2019.10.02"},
		{".hidden", ".hidden"},
		{"stdin", "stdin"},
		{"", ""},
	} {
		if got := BaseLabel(c.in); got != c.want {
			t.Errorf("BaseLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	folder := &shelf.Entry{Files: []shelf.File{{Path: "2019/10/02/a.txt"}, {Path: "2019/10/02/b.txt"}}}
	file := &shelf.Entry{Files: []shelf.File{{Path: "2024/03/2024-03-08.md"}}}
	named := &shelf.Entry{Paper: "星河日报", Files: []shelf.File{{Path: "x.md"}}}
	for e, want := range map[*shelf.Entry]string{folder: "02", file: "2024-03-08", named: "星河日报"} {
		if got := EntryLabel(e); got != want {
			t.Errorf("EntryLabel(%v) = %q, want %q", e.Files, got, want)
		}
	}
}

func TestShortPath(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"/tmp/a/bad-blank.txt", 40, "/tmp/a/bad-blank.txt"},
		{"/tmp/TestX123456789/001/testdata/hostile/bad-blank.txt", 40, "…/001/testdata/hostile/bad-blank.txt"},
		{"/tmp/TestX123456789/001/testdata/hostile/bad-blank.txt", 20, "/tmp/…/bad-blank.txt"},
		{"/tmp/TestX123456789/001/testdata/hostile/bad-blank.txt", 10, "bad-b….txt"},
		{"shelf/报纸/第一版.md", 12, "…/第一版.md"},
		{"a\x1b[31m/b.md", 40, "a/b.md"},
	} {
		got := ShortPath(c.in, c.width)
		if got != c.want || wrap.StringWidth(got, false) > c.width {
			t.Errorf("ShortPath(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}
