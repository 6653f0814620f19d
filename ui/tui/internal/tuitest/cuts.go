package tuitest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/issue/search"
	"dubao/ui/tui/common"
)

// CheckCuts checks a snippet or a title as drawn (lead and … stripped):
// each part between the … must be a piece of src that starts and ends
// between words, and not just after an opening mark.
func CheckCuts(t testing.TB, where, drawn, src string) {
	t.Helper()
	for _, part := range strings.Split(drawn, "…") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		ok := false
		for from := 0; !ok; {
			i := strings.Index(src[from:], part)
			if i < 0 {
				break
			}
			i += from
			j := i + len(part)
			before, _ := utf8.DecodeLastRuneInString(src[:i])
			ok = !search.CutsWord(src, i) && !search.CutsWord(src, j) && !common.IsOpener(before)
			from = i + 1
			for from < len(src) && !utf8.RuneStart(src[from]) {
				from++
			}
		}
		if !ok {
			t.Errorf("%s: %q cuts a word or parts with its opening mark (drawn %q)", where, part, drawn)
		}
	}
}
