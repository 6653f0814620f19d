package utf8vec

import (
	"testing"
	"unicode/utf8"
)

// plainKept reports a character PlainRun (with textASCII) may pass, as
// its doc says, from the character alone: ASCII 20–7E and '\n'; two-byte
// characters from U+00A0 but those led by D8; three-byte characters led
// by E1, E3–EC, by EF but EF BB, by E2 but E2 81 and E2 80 8E, 8F, A8–AE.
func plainKept(r rune) bool {
	var b [utf8.UTFMax]byte
	switch n := utf8.EncodeRune(b[:], r); {
	case n == 1:
		return r >= 0x20 && r < 0x7F || r == '\n'
	case n == 2:
		return r >= 0xA0 && b[0] != 0xD8
	case n == 3 && (b[0] == 0xE1 || b[0] >= 0xE3 && b[0] <= 0xEC):
		return true
	case n == 3 && b[0] == 0xEF:
		return b[1] != 0xBB
	case n == 3 && b[0] == 0xE2:
		return b[1] != 0x81 && !(b[1] == 0x80 && (b[2] == 0x8E || b[2] == 0x8F || b[2] >= 0xA8 && b[2] <= 0xAE))
	}
	return false
}

// cleanKept reports a character CleanRun may pass, as its doc says.
func cleanKept(r rune) bool {
	return r >= 0x20 && r <= 0x7E || r >= 0x2010 && r <= 0x2027 || r >= 0x3000 && r <= 0x9FFF || r >= 0xFF00 && r <= 0xFF7F
}

// hanPassed reports bytes HanRun may pass, as its doc says: below CC, or
// the whole three-byte character of U+4E00–U+9FFF, U+2010–U+2027,
// U+3000–U+302D or U+FF01–U+FF5E that a byte from CC up leads.
func hanPassed(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0xCC {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n != 3 || !(r >= 0x4E00 && r <= 0x9FFF || r >= 0x2010 && r <= 0x2027 || r >= 0x3000 && r <= 0x302D || r >= 0xFF01 && r <= 0xFF5E) {
			return false
		}
		i += n
	}
	return true
}

// TestKernelsSpec holds what each kernel passes to what its doc says it
// may pass, character by character, independently of its callers' loops:
// every character of Unicode, and every byte after a lead or none (broken
// characters), put into plain text around the vectors' block bounds. A
// kernel may stop early; it must never pass what it should not.
func TestKernelsSpec(t *testing.T) {
	base := plain + plain + plain
	check := func(s string) {
		t.Helper()
		for _, i := range []int{0, 1} {
			if j := PlainRun(s, i, &textASCII); j > i {
				if !utf8.ValidString(s[i:j]) {
					t.Fatalf("PlainRun(%q, %d) = %d passes a broken character", s, i, j)
				}
				for _, r := range s[i:j] {
					if !plainKept(r) {
						t.Fatalf("PlainRun(%q, %d) = %d passes %U", s, i, j, r)
					}
				}
			}
			if j := CleanRun(s, i); j > i {
				if !utf8.ValidString(s[i:j]) {
					t.Fatalf("CleanRun(%q, %d) = %d passes a broken character", s, i, j)
				}
				for _, r := range s[i:j] {
					if !cleanKept(r) {
						t.Fatalf("CleanRun(%q, %d) = %d passes %U", s, i, j, r)
					}
				}
			}
			if j := HanRun(s, i); j > i {
				k := j // j may stand inside a character: up to its end
				for k < len(s) && !utf8.RuneStart(s[k]) {
					k++
				}
				if !hanPassed(s[i:k]) {
					t.Fatalf("HanRun(%q, %d) = %d passes %q", s, i, j, s[i:j])
				}
			}
		}
	}
	var b [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		c := string(b[:utf8.EncodeRune(b[:], r)])
		at := []int{31, 33} // around the first block's end
		if r < 0x10000 {
			at = append(at, 63, 65) // and the second's (CleanRun reads 64 bytes at a time)
		}
		for _, at := range at {
			for !utf8.RuneStart(base[at]) {
				at--
			}
			check(base[:at] + c + base[at:])
		}
	}
	for x := 0x80; x < 0x100; x++ {
		for at := 0; at < 134; at++ {
			for at > 0 && !utf8.RuneStart(base[at]) {
				at++
			}
			for _, c := range []string{string([]byte{byte(x)}), string([]byte{0xE4, byte(x)}), string([]byte{0xE2, 0x80, byte(x)}), string([]byte{0xF0, 0x9F, byte(x)})} {
				check(base[:at] + c + base[at:])
			}
		}
	}
}
