package wrap

import (
	"testing"
	"unicode/utf8"
)

// glyphsOf scans text, asking uniseg at every boundary when noSkip is set.
func glyphsOf(text string, noSkip bool) []glyph {
	sc := newScanner(text)
	sc.noSkip = noSkip
	var gs []glyph
	for {
		g, ok := sc.next()
		if !ok {
			return gs
		}
		gs = append(gs, g)
	}
}

// TestSkipHanMatchesUniseg checks that skipping uniseg between Han
// characters changes no break class, on every corpus paragraph and on
// mixed text built to restart uniseg in awkward places.
func TestSkipHanMatchesUniseg(t *testing.T) {
	ps := []string{
		"中文“引号”中文（括号）中文 space 中文5.8%中文1,000中文——中文……中",
		"中 ( 中) 中“ 中” 中—— ——中 中-5 中e\u0301中👍🏽中🇨🇳🇨🇳中\u200d中",
		"中。」中、中\n中\r\n中\u2028中 \t中",
	}
	seed, _ := readSeed(t)
	real, _ := readReal(t)
	ps = append(append(append(ps, seed...), real...), sampleParagraphs(t)...)
	for _, p := range ps {
		fast, slow := glyphsOf(p, false), glyphsOf(p, true)
		if len(fast) != len(slow) {
			t.Fatalf("%q: %d glyphs with skipping, %d without", p, len(fast), len(slow))
		}
		for i := range fast {
			if fast[i] != slow[i] {
				t.Fatalf("%q: glyph %d %q: %+v with skipping, %+v without", p, i, p[fast[i].start:fast[i].end], fast[i], slow[i])
			}
		}
	}
}

func TestDecodeRune(t *testing.T) {
	inputs := []string{"", "a", "中", "\xe4\xb8", "\xe0\x80\x80", "\xed\xa0\x80", "\xef\xbf\xbd", "\xe4\xb8\xadx", "é", "👍", "\xff", "\xe4\x28\xad"}
	for r := rune(0x800); r < 0x10000; r += 7 {
		inputs = append(inputs, string(r))
	}
	for _, s := range inputs {
		r1, n1 := decodeRune(s)
		r2, n2 := utf8.DecodeRuneInString(s)
		if r1 != r2 || n1 != n2 {
			t.Errorf("decodeRune(%q) = %U, %d; utf8 says %U, %d", s, r1, n1, r2, n2)
		}
	}
}
