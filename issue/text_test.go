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

// TestRuneLen: runeLen counts the characters of valid UTF-8 as
// utf8.RuneCountInString does, and atMost agrees with it, for every
// length of a text of one-, two-, three- and four-byte characters.
func TestRuneLen(t *testing.T) {
	text := "本报讯（记者 A.B）2026年8月3日，“青溪”—é…𠀋ü正文。\u00a0\t😀"
	for i := 0; i <= len(text); i++ {
		if !utf8.ValidString(text[:i]) {
			continue
		}
		s := text[:i]
		want := utf8.RuneCountInString(s)
		if got := runeLen(s); got != want {
			t.Errorf("runeLen(%q) = %d, want %d", s, got, want)
		}
		for n := range want + 2 {
			if got := atMost(s, n); got != (want <= n) {
				t.Errorf("atMost(%q, %d) = %v with %d characters", s, n, got, want)
			}
		}
	}
}

// TestSpaceEndBytes checks the tests that let the parse skip the trims:
// every space (isSpaceRune) starts with a byte mayStartSpace takes, and
// mayEndSpace takes every text that ends with one; a string that starts
// with a byte mayStartSpace refuses is left as it is by trimLeftSpace,
// and one that mayEndSpace refuses by trimRightSpace, for every first
// (last) one, two and three bytes that matter.
func TestSpaceEndBytes(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || !isSpaceRune(r) {
			continue
		}
		e := string(r)
		if !mayStartSpace(e[0]) || !mayEndSpace(e) || !mayEndSpace("x"+e) || !mayEndSpace("日"+e) {
			t.Errorf("%U (% x): mayStartSpace %v, mayEndSpace %v", r, e, mayStartSpace(e[0]), mayEndSpace(e))
		}
	}
	for x := 0; x < 1<<24; x++ {
		a, b, c := byte(x>>16), byte(x>>8), byte(x)
		// A space of more than one byte starts with a lead byte: only
		// then do the bytes after it matter.
		var s string
		switch {
		case a >= 0xC0:
			s = string([]byte{a, b, c})
		case a == 0 && b >= 0xC0:
			s = string([]byte{b, c})
		case a == 0 && b == 0:
			s = string([]byte{c})
		default:
			continue
		}
		if !mayStartSpace(s[0]) && trimLeftSpace(s) != s {
			t.Fatalf("% x: mayStartSpace refuses %#x, trimLeftSpace trims it to % x", s, s[0], trimLeftSpace(s))
		}
		if !mayEndSpace(s) && trimRightSpace(s) != s {
			t.Fatalf("% x: mayEndSpace refuses it, trimRightSpace trims it to % x", s, trimRightSpace(s))
		}
	}
	for _, s := range []string{"。", "日报。", "！", "？", "、", "）"} {
		if mayEndSpace(s) {
			t.Errorf("mayEndSpace(%q) = true: it ends with no space", s)
		}
	}
}
