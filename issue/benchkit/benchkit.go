// Package benchkit holds what dubao's measuring commands share
// (issue/internal/benchcmp and ui/cli/internal/trustbench): the commit
// measured, the min, median and max of a measure's runs, and shell
// quoting for the commands they print or run. It is not internal so that
// both can import it; nothing else should.
package benchkit

import (
	"bytes"
	"os/exec"
	"slices"
	"strings"
)

// GitRev names the commit of the tree at dir (its short hash), marked
// "+changes" when tracked files have changes not committed.
func GitRev(dir string) string {
	out, err := exec.Command("git", "-C", dir, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "(not a git tree)"
	}
	rev := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "-C", dir, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(bytes.TrimSpace(st)) > 0 {
		rev += "+changes"
	}
	return rev
}

// Spread returns the min, median and max of v (the median of an even
// number of values is the mean of the middle two); ok is false when v is
// empty. v is not changed.
func Spread(v []float64) (lo, median, hi float64, ok bool) {
	if len(v) == 0 {
		return 0, 0, 0, false
	}
	s := slices.Clone(v)
	slices.Sort(s)
	median = s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[0], median, s[len(s)-1], true
}

// ShellQuote quotes s for sh when it needs it: a word of letters, digits,
// non-ASCII characters and -_./=:,+@% stays as it is, anything else goes
// in single quotes.
func ShellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r) || r > 0x7f)
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
