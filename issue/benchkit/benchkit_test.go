package benchkit

import (
	"os/exec"
	"slices"
	"testing"
)

func TestSpread(t *testing.T) {
	for _, tc := range []struct {
		v           []float64
		lo, med, hi float64
		ok          bool
	}{
		{nil, 0, 0, 0, false},
		{[]float64{7}, 7, 7, 7, true},
		{[]float64{3, 1, 2}, 1, 2, 3, true},
		{[]float64{4, 1, 3, 2}, 1, 2.5, 4, true},
		{[]float64{5, 5, 1, 9, 5}, 1, 5, 9, true},
	} {
		in := slices.Clone(tc.v)
		lo, med, hi, ok := Spread(in)
		if lo != tc.lo || med != tc.med || hi != tc.hi || ok != tc.ok {
			t.Errorf("Spread(%v) = %v, %v, %v, %v; want %v, %v, %v, %v", tc.v, lo, med, hi, ok, tc.lo, tc.med, tc.hi, tc.ok)
		}
		if !slices.Equal(in, tc.v) {
			t.Errorf("Spread(%v) sorted its argument: %v", tc.v, in)
		}
	}
}

// TestShellQuote: plain words stay as they are, and sh reads every
// quoted word back as it was.
func TestShellQuote(t *testing.T) {
	for s, want := range map[string]string{
		"dubao":              "dubao",
		"/tmp/x-1/a.md":      "/tmp/x-1/a.md",
		"--width=80":         "--width=80",
		"星河日报.md":            "星河日报.md",
		"":                   "''",
		"a b":                "'a b'",
		"it's":               `'it'\''s'`,
		"$HOME;rm -rf ~ `x`": "'$HOME;rm -rf ~ `x`'",
	} {
		if got := ShellQuote(s); got != want {
			t.Errorf("ShellQuote(%q) = %s, want %s", s, got, want)
		}
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to read the quoted words back")
	}
	for _, s := range []string{"", "a b", "it's", "'''", "$HOME;rm -rf ~ `x`", "tab\there", "line\nbreak", `back\slash "q"`} {
		out, err := exec.Command(sh, "-c", "printf %s "+ShellQuote(s)).Output()
		if err != nil || string(out) != s {
			t.Errorf("sh read ShellQuote(%q) back as %q (%v)", s, out, err)
		}
	}
}

func TestGitRevNotATree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	if got := GitRev(t.TempDir()); got != "(not a git tree)" {
		t.Errorf("GitRev of a folder outside any git tree = %q", got)
	}
}
