package cli

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"
)

// TestTrimSpace: trimSpace is strings.TrimSpace on fields that start or
// end with every kind of space, with characters of one to four bytes, and
// with bytes that are not UTF-8; and on random strings of such pieces.
func TestTrimSpace(t *testing.T) {
	pieces := []string{"", " ", "\t", "\u3000", "\u00a0", "\u0085", "\u1680", "\u2000", "\u200a", "\u2028", "\u202f", "\u205f",
		"发展", "。", "”", "a", "5G", "\u3001", "\u2fff", "\uffff", "\ufeff", "😀", "\xe3\x80", "\x80", "\xed\xa0\x80", "\xe3", "é", "…", "\u2025", "\u2027", "\xe2\x80"}
	check := func(s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				check(a + b + c)
			}
		}
	}
	r := rand.New(rand.NewPCG(17, 17))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// TestTrimSpaceEnds: trimSpace is strings.TrimSpace on a field that starts
// or ends with three bytes (before or after a letter): all those led by
// E0–EF, where notSpace passes characters (and U+3000 is a space), and
// every seventh of the others (each value of each byte comes up): it
// passes no space, whole or cut, at either end.
func TestTrimSpaceEnds(t *testing.T) {
	b := []byte("a___a")
	for v := 0; v < 1<<24; v++ {
		if v>>20 != 0xE && v%7 != 0 {
			continue
		}
		b[1], b[2], b[3] = byte(v>>16), byte(v>>8), byte(v)
		all := unsafe.String(&b[0], len(b)) // read as the bytes change, not copied
		for _, s := range []string{all[1:4], all[:4], all[1:]} {
			if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
				t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
			}
		}
	}
}
