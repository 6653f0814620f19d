package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFolderOfOneIssueTakesDate: a folder that happens to hold one issue
// takes the DATE a script would give a shelf of many: list, cat, json and
// search work when it names the issue, and say so when it does not
// (issue #13, item 10). A file of one issue still refuses a DATE.
func TestFolderOfOneIssueTakesDate(t *testing.T) {
	dir := t.TempDir()
	day := filepath.Join(dir, "2024-03-08")
	if err := os.Mkdir(day, 0o755); err != nil {
		t.Fatal(err)
	}
	issue := "# 青溪日报\n\n2024年3月8日 星期五\n\n## 春耕备耕进行时\n\n第一篇的正文，春耕开始了。\n"
	if err := os.WriteFile(filepath.Join(day, "01.md"), []byte(issue), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"list", day, "2024-03-08"}, ExitOK, "春耕备耕进行时", ""},
		{[]string{"list", day, "20240308"}, ExitOK, "春耕备耕进行时", ""},
		{[]string{"cat", day, "2024-03-08", "1"}, ExitOK, "第一篇的正文", ""},
		{[]string{"json", day, "2024-03-08"}, ExitOK, `"date": "2024-03-08"`, ""},
		{[]string{"search", day, "2024-03-08", "春耕"}, ExitOK, "春耕", ""},
		{[]string{"list", day, "2024-03-09"}, ExitError, "", `no issue of "2024-03-09"`},
	} {
		res := run(t, App{}, "", tt.args...)
		if res.code != tt.code || !strings.Contains(res.stdout, tt.stdout) || !strings.Contains(res.stderr, tt.stderr) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", tt.args, res.code, res.stdout, res.stderr)
		}
	}
}
