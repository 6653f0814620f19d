package decode

import (
	"unicode/utf8"

	"dubao/issue/textsafe"
)

// scanUTF8 reports in one pass whether data is valid UTF-8 and, if it is,
// the index of the first byte textsafe.Bytes changes (textsafe.FirstChange's
// answer, len(data) when there is none): the two passes over every byte
// of an issue that most of its reading cost, made one. Chinese text is
// mostly three-byte characters, which take the short way.
func scanUTF8(data []byte) (valid bool, clean int) {
	n := len(data)
	clean = n
	i := 0
	for i < n {
		c := data[i]
		if c < utf8.RuneSelf {
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
