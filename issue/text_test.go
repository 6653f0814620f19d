package issue

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTrimSpace compares the byte-level trims with trimming by
// isSpaceRune, with characters at either end of a text.
func TestTrimSpace(t *testing.T) {
	ref := func(s string) (string, string) {
		return strings.TrimLeftFunc(s, isSpaceRune), strings.TrimRightFunc(s, isSpaceRune)
	}
	check := func(s string) {
		t.Helper()
		left, right := ref(s)
		if got := trimLeftSpace(s); got != left {
			t.Fatalf("trimLeftSpace(%q) = %q, want %q", s, got, left)
		}
		if got := trimRightSpace(s); got != right {
			t.Fatalf("trimRightSpace(%q) = %q, want %q", s, got, right)
		}
		if got, want := trimSpace(s), strings.TrimFunc(s, isSpaceRune); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
	// Every character of the BMP (the spaces are all there), and some
	// beyond it.
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || r > 0xFFFF && r%251 != 0 {
			continue
		}
		c := string(r)
		check(c)
		check(c + "青" + c)
		check(c + c + "a" + c + c)
	}
	for _, s := range []string{"", " ", "\u3000\u3000", " \u00a0\n\u2003青溪 \u3000", "\u3000。", "。\u3000", "\u2028\u2029\u202f\u205f\u1680"} {
		check(s)
	}
}
