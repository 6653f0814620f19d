package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue/script"
)

// hkSample returns the path of the fictional Hong Kong issue in testdata.
func hkSample(t *testing.T) string {
	t.Helper()
	p := filepath.Join("..", "..", "testdata", "hk-sample.md")
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// converted returns s converted by c, as the script package does it.
func converted(t *testing.T, c script.Conversion, s string) string {
	t.Helper()
	cv, err := script.Load(c)
	if err != nil {
		t.Fatal(err)
	}
	return cv.Convert(s)
}

func TestScriptFlag(t *testing.T) {
	hk := hkSample(t)
	plain := run(t, App{}, "", "list", hk)
	simp := run(t, App{}, "", "--script", "t2s", "list", hk)
	if plain.code != 0 || simp.code != 0 {
		t.Fatalf("list: exit %d, %d: %s%s", plain.code, simp.code, plain.stderr, simp.stderr)
	}
	if simp.stdout != converted(t, script.T2S, plain.stdout) || simp.stdout == plain.stdout {
		t.Errorf("list --script t2s:\n%s\nwant the list converted:\n%s", simp.stdout, plain.stdout)
	}
	if !strings.Contains(simp.stdout, "1\t1\t鹭屿海滨长廊全线贯通\n") {
		t.Errorf("list --script t2s: %q", firstLines(simp.stdout, 2))
	}

	// cat: the article converted, phrases right (頭髮 → 头发, 乾燥 → 干燥).
	res := run(t, App{}, "", "cat", "--script", "t2s", hk, "4")
	if res.code != 0 || !strings.Contains(res.stdout, "「剪头发」成了一件难事") || strings.Contains(res.stdout, "頭髮") {
		t.Errorf("cat --script t2s: exit %d, %q", res.code, firstLines(res.stdout, 6))
	}
	res = run(t, App{}, "", "--script", "s2twp", "cat", "1")
	if res.code != 0 || !strings.Contains(res.stdout, "青溪河生態廊道全線貫通") {
		t.Errorf("cat --script s2twp of the sample: exit %d, %q", res.code, firstLines(res.stdout, 2))
	}

	// cat --all --format markdown converts the whole issue, which reads
	// back as the same issue.
	md := run(t, App{}, "", "--script", "hk2s", "cat", "--all", "--format", "markdown", hk)
	back := run(t, App{}, md.stdout, "list", "-")
	want := run(t, App{}, "", "--script", "hk2s", "list", hk)
	if md.code != 0 || back.code != 0 || back.stdout != want.stdout || !strings.Contains(back.stdout, "卫生") {
		t.Errorf("the converted Markdown lists as\n%s\nwant\n%s", back.stdout, want.stdout)
	}

	// search: found in either script, lines shown converted.
	for _, q := range []string{"苹果", "蘋果"} {
		res := run(t, App{}, "", "search", hk, q)
		if res.code != 0 || !strings.Contains(res.stdout, "送上蘋果") {
			t.Errorf("search %s: exit %d, %q", q, res.code, res.stdout)
		}
		res = run(t, App{}, "", "--script", "t2s", "search", hk, q)
		if res.code != 0 || !strings.Contains(res.stdout, "送上苹果") || strings.Contains(res.stdout, "蘋") {
			t.Errorf("search --script t2s %s: exit %d, %q", q, res.code, res.stdout)
		}
	}

	if res := run(t, App{}, "", "--script", "s2j", "list"); res.code != ExitUsage || !strings.Contains(res.stderr, "--script") {
		t.Errorf("--script s2j: exit %d, %q", res.code, res.stderr)
	}
}

func TestScriptConfig(t *testing.T) {
	hk := hkSample(t)
	plain := run(t, App{}, "", "list", hk).stdout
	simpSample := run(t, App{}, "", "list").stdout

	withConfig(t, "script = \"auto-s\"\n")
	// a Hong Kong paper: its own forms too (衞生 → 卫生, which t2s leaves)
	if got := run(t, App{}, "", "list", hk).stdout; got != converted(t, script.HK2S, plain) || !strings.Contains(got, "卫生") {
		t.Errorf("auto-s on a Traditional issue:\n%s", got)
	}
	if got := run(t, App{}, "", "list").stdout; got != simpSample {
		t.Errorf("auto-s changed a Simplified issue:\n%s", got)
	}
	if got := run(t, App{}, "", "--script", "none", "list", hk).stdout; got != plain {
		t.Errorf("--script none does not win over the config:\n%s", got)
	}

	withConfig(t, "script = \"auto-t\"\n")
	if got := run(t, App{}, "", "list").stdout; got != converted(t, script.S2T, simpSample) || got == simpSample {
		t.Errorf("auto-t on a Simplified issue:\n%s", got)
	}
	if got := run(t, App{}, "", "list", hk).stdout; got != plain {
		t.Errorf("auto-t changed a Traditional issue:\n%s", got)
	}

	// json prints the source's text whatever the config says, and
	// converts only when --script asks.
	withConfig(t, "script = \"t2s\"\n")
	var is struct {
		Paper string `json:"paper"`
	}
	res := run(t, App{}, "", "json", hk)
	if err := json.Unmarshal([]byte(res.stdout), &is); err != nil || is.Paper != "澄灣晨報" {
		t.Errorf("json with script = t2s in the config: paper %q (%v)", is.Paper, err)
	}
	res = run(t, App{}, "", "--script", "t2s", "json", hk)
	if err := json.Unmarshal([]byte(res.stdout), &is); err != nil || is.Paper != "澄湾晨报" {
		t.Errorf("json --script t2s: paper %q (%v)", is.Paper, err)
	}
}

// TestScriptShelf lists and searches a folder of a Simplified and a
// Traditional issue with --script.
func TestScriptShelf(t *testing.T) {
	dir := t.TempDir()
	hk, err := os.ReadFile(hkSample(t))
	if err != nil {
		t.Fatal(err)
	}
	hk = []byte(strings.Replace(string(hk), "2024年3月8日", "2024年3月9日", 1))
	for name, content := range map[string][]byte{"a.md": sample(t), "b.md": hk} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := run(t, App{}, "", "--script", "s2t", "list", dir)
	if res.code != 0 || !strings.Contains(res.stdout, "\t青溪日報\t") {
		t.Errorf("list --script s2t of a shelf: exit %d, %q", res.code, res.stdout)
	}
	res = run(t, App{}, "", "--script", "auto-s", "search", dir, "发展")
	if res.code != 0 {
		t.Fatalf("search: exit %d, %s", res.code, res.stderr)
	}
	var simp, trad int
	for _, line := range strings.Split(strings.TrimSpace(res.stdout), "\n") {
		switch {
		case strings.HasPrefix(line, "2024-03-08"):
			simp++
		case strings.HasPrefix(line, "2024-03-09"):
			trad++
			if strings.Contains(line, "發展") {
				t.Errorf("auto-s left a Traditional line: %q", line)
			}
		}
	}
	if simp == 0 || trad == 0 {
		t.Errorf("search 发展 found %d lines in the Simplified issue, %d in the Traditional: %q", simp, trad, res.stdout)
	}
}

// TestScriptReader gives the reader the script of --script, else of the
// configuration file.
func TestScriptReader(t *testing.T) {
	var got reader
	term := withReader(App{Environ: []string{"TERM=xterm-256color"}, terminal: fakeTerminal(80)}, &got)
	if res := run(t, term, "", "--script", "auto-s", hkSample(t)); res.code != 0 || got.opt.Config.Script != script.AutoS {
		t.Errorf("--script auto-s: exit %d, the reader got %q", res.code, got.opt.Config.Script)
	}
	withConfig(t, "script = \"s2hk\"\n")
	if res := run(t, term, "", hkSample(t)); res.code != 0 || got.opt.Config.Script != script.S2HK {
		t.Errorf("script = s2hk: exit %d, the reader got %q", res.code, got.opt.Config.Script)
	}
}
