package cli

import (
	"strings"
	"testing"
)

// TestListLong: list keeps its three columns; --long adds the page's name
// and the byline, so that the README's example finds the articles of a
// page by its name.
func TestListLong(t *testing.T) {
	short := run(t, App{}, "", "list")
	for _, line := range strings.Split(strings.TrimRight(short.stdout, "\n"), "\n") {
		if n := strings.Count(line, "\t"); n != 2 {
			t.Fatalf("list: %d tabs in %q, want 2", n, line)
		}
	}
	long := run(t, App{}, "", "list", "--long")
	lines := strings.Split(strings.TrimRight(long.stdout, "\n"), "\n")
	var economy []string
	for i, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("list --long: %d columns in %q, want 5", len(f), line)
		}
		if first := strings.Split(strings.Split(short.stdout, "\n")[i], "\t"); strings.Join(f[:3], "\t") != strings.Join(first, "\t") {
			t.Errorf("list --long changes the first three columns: %q", line)
		}
		if f[3] == "经济" {
			economy = append(economy, f[0])
		}
	}
	if strings.Join(economy, " ") != "8 9" {
		t.Errorf("the articles of the page 经济: %v, want 8 9", economy)
	}
	if !strings.Contains(long.stdout, "\t要闻\t本报讯") {
		t.Errorf("no page name and byline:\n%s", long.stdout)
	}
}

// TestGlobalFlagsFirst: flags every command takes may come before the
// command (dubao --no-state list), and dubao version points to --version.
func TestGlobalFlagsFirst(t *testing.T) {
	for _, args := range [][]string{{"--no-state", "list"}, {"--style", "notty", "list"}, {"list", "--no-state"}} {
		if res := run(t, App{}, "", args...); res.code != 0 || !strings.HasPrefix(res.stdout, "1\t1\t") {
			t.Errorf("%v: exit %d, %q", args, res.code, res.stderr)
		}
	}
	res := run(t, App{}, "", "version")
	if res.code == 0 || !strings.Contains(res.stderr, "--version") {
		t.Errorf("dubao version: exit %d, %q", res.code, res.stderr)
	}
}
