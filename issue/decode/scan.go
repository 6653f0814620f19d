package decode

import (
	"encoding/binary"
	"unicode/utf8"

	"dubao/issue/textsafe"
)

// scanUTF8 reports in one pass whether data is valid UTF-8 and, if it is,
// the index of the first byte textsafe.Bytes changes (textsafe.FirstChange's
// answer, len(data) when there is none): the two passes over every byte
// of an issue that most of its reading cost, made one. Chinese text is
// mostly three-byte characters, which take the short way: two at a time
// when both are characters no check but validity concerns (plainLead),
// else one at a time.
func scanUTF8(data []byte) (valid bool, clean int) {
	n := len(data)
	clean = n
	i := 0
	for i < n {
		// Two three-byte characters in the eight bytes at i: their lead
		// bytes plain, their four continuation bytes 10xxxxxx.
		for i+8 <= n {
			w := binary.LittleEndian.Uint64(data[i:])
			if w&0x0000_C0C0_00C0_C000 != 0x0000_8080_0080_8000 || !plainLead[byte(w)] || !plainLead[byte(w>>24)] ||
				// U+FEFF, EF BB BF, is the one EF character Bytes changes.
				w&0xFFFF == 0xBBEF || w>>24&0xFFFF == 0xBBEF {
				break
			}
			i += 6
		}
		if i >= n {
			break
		}
		c := data[i]
		if c < utf8.RuneSelf {
			// Eight bytes of ASCII that textsafe.Bytes keeps (markup,
			// Latin text) at a time.
			for i+8 <= n && plainASCII(binary.LittleEndian.Uint64(data[i:])) {
				i += 8
			}
			if i >= n {
				break
			}
			if c = data[i]; c >= utf8.RuneSelf {
				continue
			}
			if c < 0x20 && c != '\n' || c == 0x7F { // textsafe.Changes, inline
				return utf8.Valid(data[i+1:]), i
			}
			i++
			continue
		}
		switch {
		case c >= 0xE1 && c <= 0xEF && c != 0xED:
			// Three bytes, any continuation bytes: U+1000–U+CFFF and
			// U+E000–U+FFFF.
			if i+2 >= n || data[i+1]&0xC0 != 0x80 || data[i+2]&0xC0 != 0x80 {
				return false, clean
			}
			// bidi controls, separators, U+FEFF, the paragraph mark U+E40C
			if (c == 0xE2 || c == 0xEF || c == 0xEE) && textsafe.Changes(data[i:i+3]) {
				return utf8.Valid(data[i+3:]), i
			}
			i += 3
			continue
		case c >= 0xC2 && c <= 0xDF:
			if i+1 >= n || data[i+1]&0xC0 != 0x80 {
				return false, clean
			}
			if (c == 0xC2 || c == 0xD8) && textsafe.Changes(data[i:i+2]) {
				return utf8.Valid(data[i+2:]), i
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return false, clean
		}
		i += size
	}
	return true, clean
}

// plainASCII reports whether the eight bytes of w are ASCII that
// textsafe.Bytes keeps: none at or above 0x80, none below 0x20 but '\n',
// no DEL. Each test is exact byte by byte (no carry crosses a byte).
func plainASCII(w uint64) bool {
	const hi, lo7 = 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	if w&hi != 0 {
		return false
	}
	ge20 := (w + 0x6060606060606060) & hi // b + 0x60 ≥ 0x80: b ≥ 0x20
	zero := func(x uint64) uint64 { return ^((x & lo7) + lo7 | x) & hi }
	nl := zero(w ^ 0x0A0A0A0A0A0A0A0A)
	del := zero(w ^ lo7)
	return (ge20|nl) == hi && del == 0
}

// plainLead marks the lead bytes of three-byte characters that any two
// continuation bytes make valid, and that textsafe.Changes never
// concerns: E1 and E3–EC (U+1000–U+1FFF, U+3000–U+CFFF: CJK punctuation,
// kana, the Han characters, Hangul), and EF (U+F000–U+FFFF: the
// full-width forms ，：（）) but for U+FEFF, which the scan checks
// itself. E0 and ED limit their second byte; E2 and EE start characters
// Bytes changes.
var plainLead = func() (t [256]bool) {
	t[0xE1] = true
	for c := 0xE3; c <= 0xEC; c++ {
		t[c] = true
	}
	t[0xEF] = true // but for EF BB: see scanUTF8
	return t
}()
