package decode

import (
	"bytes"
	"unicode/utf8"
)

// Sanitize removes from UTF-8 text everything that can control a terminal
// or reorder what it shows, and normalises line endings:
//
//   - CRLF and CR become LF; U+2028, U+2029, U+0085 (NEL), VT and FF
//     become LF too, and so does U+E40C, the private use character that a
//     widely used GB18030 news corpus writes between paragraphs;
//   - a tab becomes a space;
//   - escape sequences are removed whole: CSI (ESC [ … final byte),
//     OSC, DCS, SOS, PM and APC strings (up to BEL, ST or the end of the
//     line, whichever comes first), two- and three-byte ESC sequences, and
//     their 8-bit C1 forms (U+009B CSI, U+009D OSC, U+0090 DCS, …);
//   - every other C0 control (NUL, BEL, backspace, …), DEL and C1 control
//     (U+0080–U+009F) is removed;
//   - bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069,
//     U+200E, U+200F, U+061C) and U+FEFF are removed.
//
// It returns the cleaned text and the number of characters or sequences
// removed. When nothing needs to change, text itself is returned.
func Sanitize(text []byte) ([]byte, int) {
	return sanitizeFrom(text, -1)
}

// sanitizeFrom is Sanitize for a text whose first byte to look at is
// known (see firstUnclean); −1 when it is not.
func sanitizeFrom(text []byte, i int) ([]byte, int) {
	if i < 0 {
		i = firstUnclean(text)
	}
	if i == len(text) {
		return text, 0
	}
	out := make([]byte, 0, len(text))
	out = append(out, text[:i]...)
	removed := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			i++
			if i < len(text) && text[i] == '\n' {
				i++
			}
			continue
		case c == '\n':
			out = append(out, c)
			i++
			continue
		case c == '\t':
			out = append(out, ' ')
			i++
			continue
		case c == '\v' || c == '\f':
			out = append(out, '\n')
			i++
			continue
		case c == 0x1B:
			i = skipEscape(text, i+1)
			removed++
			continue
		case c < 0x20 || c == 0x7F:
			i++
			removed++
			continue
		case c < utf8.RuneSelf:
			// Copy a run of plain ASCII at once.
			j := i + 1
			for j < len(text) && text[j] >= 0x20 && text[j] < 0x7F {
				j++
			}
			out = append(out, text[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == 0x85 || r == 0x2028 || r == 0x2029 || r == paragraphMark:
			out = append(out, '\n')
			i += size
		case r == 0x9B: // CSI
			i = skipCSI(text, i+size)
			removed++
		case r == 0x9D || r == 0x90 || r == 0x98 || r == 0x9E || r == 0x9F: // OSC DCS SOS PM APC
			i = skipString(text, i+size)
			removed++
		case r >= 0x80 && r < 0xA0, isBidi(r), r == 0xFEFF:
			i += size
			removed++
		default:
			out = append(out, text[i:i+size]...)
			i += size
		}
	}
	return out, removed
}

// SanitizeString is Sanitize for a string.
func SanitizeString(s string) string {
	b, n := Sanitize([]byte(s))
	if n == 0 && !bytes.ContainsAny(b, "\r\t\v\f") && string(b) == s {
		return s
	}
	return string(b)
}

// firstUnclean returns the index of the first byte Sanitize must look at
// more closely, or len(text).
func firstUnclean(text []byte) int {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !suspect[c] {
			continue
		}
		switch c {
		case 0xC2: // U+0080–U+00BF: C1 controls live here
			if i+1 < len(text) && text[i+1] < 0xA0 {
				return i
			}
			continue
		case 0xE2: // U+2000–U+2FFF: bidi controls, separators
			if i+2 < len(text) && (text[i+1] == 0x80 && (text[i+2] >= 0x8E && text[i+2] <= 0x8F || text[i+2] >= 0xA8 && text[i+2] <= 0xAE) ||
				text[i+1] == 0x81 && text[i+2] >= 0xA6 && text[i+2] <= 0xA9) {
				return i
			}
			continue
		case 0xEF: // U+FEFF
			if i+2 < len(text) && text[i+1] == 0xBB && text[i+2] == 0xBF {
				return i
			}
			continue
		case 0xEE: // U+E40C
			if i+2 < len(text) && text[i+1] == 0x90 && text[i+2] == 0x8C {
				return i
			}
			continue
		case 0xD8: // U+061C
			if i+1 < len(text) && text[i+1] == 0x9C {
				return i
			}
			continue
		}
		return i
	}
	return len(text)
}

// suspect marks the bytes firstUnclean stops at: C0 controls but '\n',
// DEL, and the lead bytes of the characters Sanitize removes. It is a
// constant table.
var suspect = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\n'
	}
	t[0x7F], t[0xC2], t[0xE2], t[0xEF], t[0xD8], t[0xEE] = true, true, true, true, true, true
	return t
}()

// paragraphMark is the private use character U+E40C (GB18030 FD A3) that
// a widely used GB18030 news corpus writes between paragraphs.
const paragraphMark = 0xE40C

// isBidi reports the bidirectional formatting characters.
func isBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// skipEscape returns the index after the escape sequence whose ESC stood
// just before i.
func skipEscape(text []byte, i int) int {
	if i >= len(text) {
		return i
	}
	switch c := text[i]; {
	case c == '[':
		return skipCSI(text, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(text, i+1)
	case c >= 0x20 && c <= 0x2F: // intermediate bytes, then one final byte
		for i < len(text) && text[i] >= 0x20 && text[i] <= 0x2F {
			i++
		}
		if i < len(text) && text[i] >= 0x30 && text[i] < 0x7F {
			i++
		}
		return i
	case c >= 0x30 && c < 0x7F:
		return i + 1
	}
	return i
}

// skipCSI skips the parameter, intermediate and final bytes of a control
// sequence that starts at i. A byte that cannot be part of it (a line
// break, a non-ASCII byte) ends it without being skipped.
func skipCSI(text []byte, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case c >= 0x20 && c <= 0x3F:
			i++
		case c >= 0x40 && c <= 0x7E:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips a control string (OSC, DCS, …) starting at i up to and
// including its terminator: BEL, ESC \ or U+009C. A line break ends it too
// but is kept, so that an unterminated string cannot swallow the text.
func skipString(text []byte, i int) int {
	for i < len(text) {
		switch c := text[i]; {
		case c == 0x07:
			return i + 1
		case c == 0x1B:
			if i+1 < len(text) && text[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case c == 0xC2 && i+1 < len(text) && text[i+1] == 0x9C:
			return i + 2
		case c == '\n' || c == '\r':
			return i
		}
		i++
	}
	return i
}
