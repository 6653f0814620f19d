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

// TestLineCleanVectors: lineClean says what its character loop says
// (lineCleanFrom from the start), for every character in a line long
// enough for the vectors (cleanRun) at two places of their blocks, and on
// Chinese lines with a byte or a character changed here and there; the
// vectors pass most of a clean line (where the processor has them).
func TestLineCleanVectors(t *testing.T) {
	long := riskyLong
	if j := cleanRun(long + long); hasAVX2 && j < 2*len(long)-66 {
		t.Fatalf("cleanRun passed %d of %d bytes", j, 2*len(long))
	}
	check := func(s string) {
		t.Helper()
		if got, want := lineClean(s), lineCleanFrom(s, 0); got != want {
			t.Fatalf("lineClean(%q) = %v, want %v", s, got, want)
		}
	}
	for r := rune(0); r <= 0xffff; r++ {
		if r < 0xd800 || r > 0xdfff {
			check(long + string(r) + long)
			check(long[3:] + "a" + string(r) + long)
		}
	}
	text := strings.Repeat(long+"中文“版”》ab", 20)
	pieces := []string{"\t", "\x7f", "\u00a0", "\u2028", "\u2030", "\u3000", "\u9fff", "\uff7f", "\uff80", "\xe4\xb8", "\xff", "\xe2\x80\x8f", "\xef\xbe\x80", "é"}
	eachDamaged(text, pieces, 11, func(data []byte) { check(string(data)) })
}

// FuzzLineClean: lineClean says what its character loop says.
func FuzzLineClean(f *testing.F) {
	f.Add(strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、（一）", 3))
	f.Add(strings.Repeat("中文", 20) + "\u2028" + strings.Repeat("a", 40))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lineClean(s), lineCleanFrom(s, 0); got != want {
			t.Fatalf("lineClean(%q) = %v, want %v", s, got, want)
		}
	})
}
