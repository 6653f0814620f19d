package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// namesShelf writes a folder of issues like a user's: two without a
// paper's name (noname.md of 2024-03-07, and the folder real/rmrb of one
// file per page of 2019-10-02), two that share 2026-11-28 (白沙晚报, and
// misc/long-words.md without a paper) and 青溪日报 of 2024-03-08. Every
// issue has a first title of its own, so that `list` tells which one was
// picked. It returns the folder and the first title of each issue, by its
// path as `dubao list` prints it.
func namesShelf(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	sample := string(sample(t))
	files := map[string]string{
		"noname.md":                 "2024年3月7日\n\n## 无名之报的头条\n\n正文。\n\n## 第二篇\n\n正文。\n",
		"real/rmrb/20191002-01.txt": "## 国庆的头版\n\n头版正文。\n",
		"real/rmrb/20191002-02.txt": "## 第二版的文章\n\n二版正文。\n",
		"misc/long-words.md":        "2026年11月28日\n\n## 很长的词\n\n" + strings.Repeat("油菜花", 50) + "\n",
		"baisha.md":                 strings.NewReplacer("2024年3月8日", "2026年11月28日", "青溪日报", "白沙晚报", "青溪河", "白沙河").Replace(sample),
		"qingxi.md":                 sample,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := run(t, App{}, "", "list", dir)
	want := "2026-11-28\t\t1\t1\tmisc/long-words.md\n2026-11-28\t白沙晚报\t4\t11\tbaisha.md\n" +
		"2024-03-08\t青溪日报\t4\t11\tqingxi.md\n2024-03-07\t\t1\t2\tnoname.md\n2019-10-02\t\t2\t2\treal/rmrb\n"
	if res.code != 0 || res.stdout != want {
		t.Fatalf("the test shelf: exit %d %s\n%s\nwant\n%s", res.code, res.stderr, res.stdout, want)
	}
	first := map[string]string{}
	for _, p := range []string{"baisha.md", "misc/long-words.md", "qingxi.md", "noname.md", "real/rmrb"} {
		titles := listLines(t, run(t, App{}, "", "list", filepath.Join(dir, filepath.FromSlash(p))).stdout)
		if len(titles) == 0 {
			t.Fatalf("the issue %s has no articles", p)
		}
		first[p] = titles[0][2]
	}
	return dir, first
}

// picked returns the first title of the issue that `list DIR sel` lists,
// or the error.
func picked(t *testing.T, dir, sel string) (string, result) {
	t.Helper()
	res := run(t, App{}, "", "list", dir, sel)
	if res.code != 0 {
		return "", res
	}
	rows := listLines(t, res.stdout)
	if len(rows) == 0 {
		return "", res
	}
	return rows[0][2], res
}

// TestIssueByShownName: the name the shelf shows for an issue without a
// paper (its file's or folder's base name) picks it, alone or beside its
// date, as a paper's name does; so does its path.
func TestIssueByShownName(t *testing.T) {
	dir, first := namesShelf(t)
	for _, tt := range []struct{ sel, path string }{
		{"noname", "noname.md"},
		{"rmrb", "real/rmrb"},
		{"long-words", "misc/long-words.md"},
		{"2026-11-28 long-words", "misc/long-words.md"},
		{"long-words 20261128", "misc/long-words.md"},
		{"2024-03-07 noname", "noname.md"},
		{"2019-10-02 rmrb", "real/rmrb"},
		{"misc/long-words.md", "misc/long-words.md"},
		{"real/rmrb", "real/rmrb"},
		{"2026-11-28 白沙晚报", "baisha.md"},
		{"白沙晚报", "baisha.md"},
		{"2026-11-28 baisha", "baisha.md"}, // the file's name, as the shelf shows it before indexing
		{"2024-03-08", "qingxi.md"},
	} {
		got, res := picked(t, dir, tt.sel)
		if got != first[tt.path] {
			t.Errorf("list DIR %q: exit %d %q, first title %q; want %s's %q", tt.sel, res.code, res.stderr, got, tt.path, first[tt.path])
		}
	}
	for _, tt := range []struct{ sel, msg string }{
		{"nonesuch", `no issue of "nonesuch"`},
		{"2026-11-28 nonesuch", `no issue of "2026-11-28 nonesuch"`},
		{"2019-10-02 noname", `no issue of "2019-10-02 noname"`},
		{"2026-11-28", `2 issues match "2026-11-28", name one of them: 2026-11-28 long-words; 白沙晚报 2026-11-28`},
	} {
		res := run(t, App{}, "", "list", dir, tt.sel)
		if res.code != ExitError || !strings.Contains(res.stderr, tt.msg) || res.stdout != "" {
			t.Errorf("list DIR %q: exit %d, %q; want 1 and %q", tt.sel, res.code, res.stderr, tt.msg)
		}
	}

	// Two issues of the same name: dubao lists them by names that pick
	// each, and each of those does.
	other := filepath.Join(dir, "other", "noname.md")
	if err := os.MkdirAll(filepath.Dir(other), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("2024年3月9日\n\n## 另一份无名报\n\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	same := filepath.Join(dir, "same", "noname.md") // the date of noname.md
	if err := os.MkdirAll(filepath.Dir(same), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(same, []byte("2024年3月7日\n\n## 同日的无名报\n\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, App{}, "", "cat", dir, "noname", "1")
	want := "dubao: " + dir + `: 3 issues of "noname", name one by its date: 2024-03-09 noname; noname.md; same/noname.md` + "\n"
	if res.code != ExitError || res.stderr != want || res.stdout != "" {
		t.Fatalf("cat DIR noname 1 with three: exit %d, %q; want 1 and\n%q", res.code, res.stderr, want)
	}
	for sel, title := range map[string]string{"2024-03-09 noname": "另一份无名报", "noname.md": "无名之报的头条", "same/noname.md": "同日的无名报"} {
		if got, res := picked(t, dir, sel); got != title {
			t.Errorf("list DIR %q: exit %d %q, %q; want %q", sel, res.code, res.stderr, got, title)
		}
	}
}

// TestCompleteShelfIssues: completing the DATE after a folder offers every
// issue once, newest first, by an argument that picks it alone, each with
// a description: two issues of one date go by date and name.
func TestCompleteShelfIssues(t *testing.T) {
	dir, first := namesShelf(t)
	for _, cmd := range []string{"list", "cat", "search", "json"} {
		res := run(t, App{}, "", "__complete", cmd, dir, "")
		want := "2026-11-28 long-words\tmisc/long-words.md\n2026-11-28 白沙晚报\tbaisha.md\n" +
			"2024-03-08\t青溪日报\n2024-03-07\tnoname\n2019-10-02\trmrb\n"
		got, _, _ := strings.Cut(res.stdout, ":")
		if res.code != 0 || got != want {
			t.Errorf("__complete %s DIR '':\n%s\nwant\n%s", cmd, got, want)
		}
	}
	res := run(t, App{}, "", "__complete", "list", dir, "")
	seen := map[string]bool{}
	for _, line := range strings.Split(res.stdout, "\n") {
		sel, desc, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		got, r := picked(t, dir, sel)
		if got == "" || seen[got] || desc == "" {
			t.Errorf("offered %q (%q): exit %d %q, picks %q (seen before: %v)", sel, desc, r.code, r.stderr, got, seen[got])
		}
		seen[got] = true
	}
	if len(seen) != len(first) {
		t.Errorf("completion offers %d issues, the shelf has %d", len(seen), len(first))
	}
	// cat's article numbers after an offered DATE of two words.
	res = run(t, App{}, "", "__complete", "cat", dir, "2026-11-28 long-words", "")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "1\t很长的词\n") {
		t.Errorf("__complete cat DIR '2026-11-28 long-words' '': %q", res.stdout)
	}
}

// TestSearchDateWithoutText: `dubao search FOLDER DATE` forgot the text;
// it does not search every issue for the date.
func TestSearchDateWithoutText(t *testing.T) {
	dir, _ := namesShelf(t)
	for _, date := range []string{"2024-03-07", "20240308", "2026-11-28", "misc/long-words.md"} {
		res := run(t, App{}, "", "search", dir, date)
		want := "dubao: search: missing search text after DATE (see 'dubao search --help')\n"
		if res.code != ExitUsage || res.stderr != want || res.stdout != "" {
			t.Errorf("search DIR %s: exit %d, %q; want 2 and %q", date, res.code, res.stderr, want)
		}
	}
	// A date that names no issue of the folder is text to search for.
	if res := run(t, App{}, "", "search", dir, "2023-01-01"); res.code != ExitError || !strings.Contains(res.stderr, `nothing matches "2023-01-01"`) {
		t.Errorf("search DIR 2023-01-01: exit %d, %q", res.code, res.stderr)
	}
	if res := run(t, App{}, "", "search", dir, "2026-11-28", "油菜花"); res.code != ExitError || !strings.Contains(res.stderr, "2 issues match") {
		t.Errorf("search DIR 2026-11-28 油菜花: exit %d, %q", res.code, res.stderr)
	}
	if res := run(t, App{}, "", "search", dir, "long-words", "油菜花"); res.code != 0 || !strings.HasPrefix(res.stdout, "2026-11-28\t") || !strings.Contains(res.stdout, "\t很长的词\t") {
		t.Errorf("search DIR long-words 油菜花: exit %d, %q %q", res.code, res.stdout, res.stderr)
	}
}

// TestNegativeArticleNumber: a negative number is no flag of cat but an
// article number that cannot be, as 0 is (numbers start at 1): a usage
// error, whether the file exists or not; other commands say how to pass
// a negative number.
func TestNegativeArticleNumber(t *testing.T) {
	f := writeFile(t, "spring.md", twoArticles)
	dir, _ := namesShelf(t)
	for _, args := range [][]string{
		{"cat", "-1"},
		{"cat", f, "-2"},
		{"cat", f, "--", "-1"},
		{"cat", "--", "-1"},
		{"cat", dir, "noname", "-10"},
		{"cat", "--width", "40", f, "-1"},
		{"cat", f, "0"},
		{"cat", f, "００"},
		{"cat", "0"},
		{"cat", dir, "noname", "0"},
		{"cat", filepath.Join(t.TempDir(), "missing.md"), "0"},
	} {
		res := run(t, App{}, "", args...)
		if want := "dubao: cat: article numbers start at 1\n"; res.code != ExitUsage || res.stderr != want || res.stdout != "" {
			t.Errorf("%q: exit %d, %q; want 2 and %q", args, res.code, res.stderr, want)
		}
	}
	for _, args := range [][]string{{"list", "-1"}, {"search", f, "-1"}, {"-1"}} {
		res := run(t, App{}, "", args...)
		if want := "dubao: -1 is not a flag (put -- before an argument that starts with -)\n"; res.code != ExitUsage || res.stderr != want {
			t.Errorf("%q: exit %d, %q; want 2 and %q", args, res.code, res.stderr, want)
		}
	}
	if res := run(t, App{}, "", "cat", "-z", f, "1"); res.code != ExitUsage || !strings.Contains(res.stderr, "unknown shorthand flag: 'z' in -z") {
		t.Errorf("cat -z: exit %d, %q", res.code, res.stderr)
	}
	if res := run(t, App{}, "", "search", f, "--", "-1"); res.code != ExitError || !strings.Contains(res.stderr, `nothing matches "-1"`) {
		t.Errorf("search FILE -- -1: exit %d, %q", res.code, res.stderr)
	}
}

func TestBuildVersion(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "162b80a9ba08d866ddcc7794ec5412dfe58dbdeb"
	for _, tt := range []struct {
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"v1.2.0", nil, "v1.2.0"},
		{"v0.0.0-20261128031530-162b80a9ba08+dirty", vcs(rev, "true"), "v0.0.0-20261128031530-162b80a9ba08+dirty"},
		{"(devel)", nil, "devel"},
		{"", nil, "devel"},
		{"(devel)", vcs(rev, "false"), "devel 162b80a9ba08"},
		{"(devel)", vcs(rev, "true"), "devel 162b80a9ba08+dirty"},
		{"(devel)", vcs("abc", ""), "devel abc"},
	} {
		info := &debug.BuildInfo{Main: debug.Module{Path: "dubao", Version: tt.version}, Settings: tt.settings}
		if got := buildVersion(info); got != tt.want {
			t.Errorf("version %q %v: %q, want %q", tt.version, tt.settings, got, tt.want)
		}
	}
}
