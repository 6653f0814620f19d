package decode

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/issue/textsafe"
)

// TestScanUTF8 checks that the one-pass scan says what utf8.Valid and
// textsafe.FirstChange say, on texts pieced together from the sequences either
// looks at: ASCII and controls, C1 controls, bidi controls and
// separators, the byte order mark, the edges of each UTF-8 length, and
// broken sequences.
func TestScanUTF8(t *testing.T) {
	pieces := []string{
		"a", "1", " ", "\n", "\r", "\t", "\x00", "\x1b[31m", "\x7f",
		"中", "文", "，", "。", "“", "”", "—", "…", "\u3000", "Ａ", "ｶ",
		"\u0085", "\u009b", "\u00a0", "\u00e9", "\u061c", "\u0627",
		"\u200b", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202e", "\u202f", "\u2066", "\u2069", "\u206a",
		"\ufeff", "\ufeff"[:2], "\uffef", "\uff0c", "\ue000", "\ue40c", "\ue40d", "\u1000", "\ucfff",
		"\u0800", "\ud7ff", "\U00010000", "\U0010ffff", "\U0002a6d6",
		"\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\x80", "\xe4\xb8", "\xe4",
	}
	check := func(s string) {
		t.Helper()
		b := []byte(s)
		valid, clean := scanUTF8(b)
		if want := utf8.Valid(b); valid != want {
			t.Fatalf("%q: valid %v, want %v", s, valid, want)
		}
		if valid {
			if want := textsafe.FirstChange(b); clean != want {
				t.Fatalf("%q: clean at %d, want %d", s, clean, want)
			}
		}
	}
	for _, p := range pieces {
		check(p)
		check("中文" + p)
		check(p + "中文")
	}
	// Each piece at every offset of a longer text, in Chinese and in
	// ASCII, so that it falls at each place of the eight-byte words the
	// automaton reads, mid-character ones too.
	for _, p := range pieces {
		for k := range 20 {
			check(strings.Repeat("a", k) + "中文，青溪河a“廊道”" + p + "全线贯通。abcdefgh中文")
			check(strings.Repeat("中", k) + "ab," + p + "中文中文中文中文")
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for k := range 20000 {
		var s string
		for range 1 + r.IntN(12+k%3*20) {
			p := pieces[r.IntN(len(pieces))]
			if r.IntN(3) > 0 {
				p = pieces[9+r.IntN(10)] // mostly text
			}
			s += p
		}
		check(s)
	}
}

// TestPlainASCII: the eight-byte test says what testing each byte says.
func TestPlainASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	picks := []byte{'\n', '\r', '\t', 0, 0x1f, 0x20, 'a', '<', 0x7e, 0x7f, 0x80, 0xe4, 0xff}
	for range 100000 {
		var b [8]byte
		for k := range b {
			if r.IntN(3) == 0 {
				b[k] = picks[r.IntN(len(picks))]
			} else {
				b[k] = byte(0x20 + r.IntN(0x5f))
			}
		}
		want := true
		for _, c := range b {
			if c >= 0x80 || c < 0x20 && c != '\n' || c == 0x7f {
				want = false
			}
		}
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 | uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if got := plainASCII(w); got != want {
			t.Fatalf("% x: %v, want %v", b, got, want)
		}
	}
}
