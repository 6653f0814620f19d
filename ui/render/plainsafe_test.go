package render

import (
	"strings"
	"testing"
	"unicode"

	"dubao/issue/textsafe"
)

// TestLineCleanImpliesLine checks lineClean against textsafe.Line, which
// keeps the definition of safe text: every character lineClean passes,
// alone, between others and after an ESC, textsafe.Line passes unchanged;
// broken UTF-8 and the characters textsafe changes are never passed.
func TestLineCleanImpliesLine(t *testing.T) {
	passed := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if r >= 0xd800 && r <= 0xdfff || !lineClean(s) {
			continue
		}
		passed++
		for _, x := range []string{s, "中" + s + "a", s + s} {
			if got := textsafe.Line(x); got != x || !lineClean(x) {
				t.Fatalf("lineClean(%q) but textsafe.Line gives %q", x, got)
			}
		}
	}
	if passed < 0x7000 {
		t.Errorf("lineClean passes %d characters, want the CJK ranges", passed)
	}
	for _, s := range []string{"\x1b[31m", "a\tb", "a\nb", "\u202e", "\u2028", "\u00a0", "\x7f", "\ufeff",
		"\xe4\xb8", "\xe4\xb8\x28", "中\xff", "\xef\xbc", "\u200e", "\ue40c", strings.Repeat("中", 10) + "\x9b"} {
		if lineClean(s) {
			t.Errorf("lineClean(%q) = true", s)
		}
	}
}
