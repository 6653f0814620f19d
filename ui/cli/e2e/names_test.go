//go:build unix

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"dubao/issue/textsafe"
)

// oddNames are file names of the attack trial (issue #18, item 19), each
// the name of an issue of a shelf: a backslash, a tab, a line break, an
// escape sequence, bytes that are not UTF-8, a GB18030 folder and file (a
// Windows zip unpacked on Linux), a quote, a space, a dollar.
func oddNames(t *testing.T) []string {
	gb := func(s string) string {
		b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return []string{
		`2024-05-01 a\b.md`,
		"tab\there.md",
		"new\nline.md",
		"esc\x1b[31mred.md",
		"bad\xff\xfe.md",
		gb("青溪日报") + "/" + gb("第一版") + ".md",
		"it's.md",
		"space name.md",
		"$HOME.md",
		"plain.md",
	}
}

// oddShelf writes a shelf of one issue per odd name, the issue of name i
// dated 2024-05-(i+1) with the title 标题(i+1).
func oddShelf(t *testing.T) string {
	dir := t.TempDir()
	for i, name := range oddNames(t) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		text := fmt.Sprintf("2024年5月%d日\n\n# 第1版 要闻\n\n## 标题%d\n\n正文。\n", i+1, i+1)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNamesRoundTrip (issue #18, item 19): `dubao list SHELF` prints every
// issue's file name safely (escaped as ls --quoting-style=shell-escape
// does; GB18030 names decoded and marked), on one line each, and each
// printed name — and each name `dubao json SHELF` writes — picks its issue
// when given back, as it is or through a shell.
func TestNamesRoundTrip(t *testing.T) {
	dir := oddShelf(t)
	names := oddNames(t)
	res := dubao(t, nil, "list", dir).ok(t, "list SHELF")
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	if len(lines) != len(names) {
		t.Fatalf("list SHELF: %d lines for %d issues:\n%s", len(lines), len(names), res.stdout)
	}
	for _, line := range lines {
		if textsafe.Line(strings.ReplaceAll(line, "\t", " ")) != strings.ReplaceAll(line, "\t", " ") {
			t.Errorf("list SHELF prints an unsafe line: %q", line)
		}
	}
	printed := map[string]string{} // the date of each issue: its printed name
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("list SHELF line %q: %d fields", line, len(f))
		}
		printed[f[0]] = f[4]
	}
	for i, name := range names {
		date := fmt.Sprintf("2024-05-%02d", i+1)
		title := fmt.Sprintf("标题%d", i+1)
		shown, ok := printed[date]
		if !ok {
			t.Errorf("%q: no issue of %s listed", name, date)
			continue
		}
		if strings.Contains(name, "\xc7\xe0") && shown != "青溪日报/第一版.md (GB18030)" {
			t.Errorf("GB18030 name printed as %q, want it decoded and marked", shown)
		}
		if name == `2024-05-01 a\b.md` && !strings.Contains(shown, `a\b`) {
			t.Errorf("the backslash name printed as %q", shown)
		}
		// Given back as printed.
		back := dubao(t, nil, "list", dir, shown)
		if back.code != 0 || !strings.Contains(back.stdout, title) {
			t.Errorf("%q printed as %q: list SHELF %q: exit %d, %q %q; want its article %s", name, shown, shown, back.code, back.stdout, back.stderr, title)
		}
		// Through a shell: the printed form is shell quoting, with
		// $'…' as bash, zsh and ksh read it (a GB18030 name's printed
		// form is its decoded text, not its bytes).
		if bash, err := exec.LookPath("bash"); err == nil && !strings.HasSuffix(shown, " (GB18030)") {
			cmd := exec.Command(bash, "-c", shellQuote(binary)+" list "+shellQuote(dir)+" "+shown)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), title) {
				t.Errorf("%q through sh as %s: %v %q", name, shown, err, out)
			}
		}
	}
	// The names of `dubao json SHELF` pick their issues too.
	js := dubao(t, nil, "json", dir).ok(t, "json SHELF")
	var s struct {
		Issues []struct {
			Date  string
			Files []struct{ Path string }
		}
	}
	if err := json.Unmarshal([]byte(js.stdout), &s); err != nil {
		t.Fatal(err)
	}
	for _, e := range s.Issues {
		p := e.Files[0].Path
		if textsafe.Line(p) != p {
			t.Errorf("json SHELF path %q is not safe to print", p)
		}
		back := dubao(t, nil, "list", dir, p)
		if back.code != 0 || !strings.Contains(back.stdout, "标题") {
			t.Errorf("json's path %q of %s does not pick its issue: %d %q", p, e.Date, back.code, back.stderr)
		}
	}
}
