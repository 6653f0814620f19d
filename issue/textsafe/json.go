package textsafe

import (
	"encoding/binary"
	"unicode/utf8"
)

// JSON text: encoding/json leaves DEL, the C1 and bidirectional controls
// and U+FEFF raw in a string; here they are escaped as \uXXXX
// (jsonEscaped), which means the same to a JSON reader and controls
// nothing on a terminal. JSON escapes them in JSON text encoding/json
// wrote; AppendJSONString quotes a string with them escaped, as
// encoding/json and JSON would together.

// JSON escapes, inside JSON text, the characters encoding/json leaves raw
// but Unsafe rejects (DEL, C1 and bidirectional controls, U+FEFF) as
// \uXXXX: the JSON means the same, and printing it controls nothing.
func JSON(b []byte) []byte {
	i := 0
	for i < len(b) {
		// Eight bytes of ASCII or two three-byte characters are passed
		// at a time (lead3, unsafe3). Only DEL and the lead bytes of the
		// Unsafe characters above it (C2, D8, E2, EF) can start one:
		// every other byte, continuation bytes too, is passed without
		// decoding, and a three-byte character led by E2 or EF by its
		// bytes.
		if i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i:])
			if w&0x8080808080808080 == 0 && (w+0x0101010101010101)&0x8080808080808080 == 0 {
				i += 8 // eight bytes of ASCII but DEL
				continue
			}
			if w&0x0000_C0C0_00C0_C000 == 0x0000_8080_0080_8000 {
				l0, l1 := lead3[byte(w)], lead3[byte(w>>24)]
				if l0 != 0 && l1 != 0 &&
					(l0 == lead3Plain || !unsafe3(byte(w), byte(w>>8), byte(w>>16))) &&
					(l1 == lead3Plain || !unsafe3(byte(w>>24), byte(w>>32), byte(w>>40))) {
					i += 6 // two three-byte characters that pass
					continue
				}
			}
		}
		if !jsonSuspect[b[i]] {
			i++
			continue
		}
		if c := b[i]; (c == 0xe2 || c == 0xef) && i+2 < len(b) && b[i+1]&0xc0 == 0x80 && b[i+2]&0xc0 == 0x80 {
			// “ ” — … and the full-width forms by their bytes
			if unsafe3(c, b[i+1], b[i+2]) {
				break
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if jsonEscaped(r) {
			break
		}
		i += size
	}
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if jsonEscaped(r) {
			out = appendU(out, r)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

const hex = "0123456789abcdef"

// jsonSuspect marks the bytes that can start a character JSON escapes:
// DEL, and the lead bytes of the Unsafe characters above it (U+0080–
// U+009F: C2; U+061C: D8; U+200E, U+200F, U+202A–U+202E, U+2066–U+2069:
// E2; U+FEFF: EF). TestJSONSuspect holds it to Unsafe.
var jsonSuspect = func() (t [256]bool) {
	t[0x7f], t[0xc2], t[0xd8], t[0xe2], t[0xef] = true, true, true, true, true
	return t
}()

// jsonEscaped reports whether JSON text escapes r, a character that
// encoding/json leaves raw: DEL and the Unsafe characters above it.
func jsonEscaped(r rune) bool { return r >= 0x7f && Unsafe(r) }

// appendU appends r, a character of the Basic Multilingual Plane, as
// \uXXXX.
func appendU(b []byte, r rune) []byte {
	return append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}

// AppendJSONString appends s quoted as encoding/json quotes it without
// HTML escaping (\" \\ \b \f \n \r \t, other controls below 0x20 as
// \u00XX, U+2028 and U+2029 escaped, an invalid byte as \ufffd) and JSON
// then escapes it (DEL, C1 and bidirectional controls, U+FEFF as \uXXXX):
// the same bytes, without reflection nor a second pass. Most of a Chinese
// text is passed by the lead bytes of its characters (lead3, changes3),
// without decoding it.
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Most of the text is passed by vectors (jsonPlainRun); where
		// they stop, at least 32 bytes a character at a time.
		i = jsonPlainRun(s, i)
		for stop := min(len(s), i+32); i < stop; {
			c := s[i]
			if c < utf8.RuneSelf {
				if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
					i++
					continue
				}
				b = append(b, s[start:i]...)
				switch c {
				case '\\', '"':
					b = append(b, '\\', c)
				case '\b':
					b = append(b, '\\', 'b')
				case '\f':
					b = append(b, '\\', 'f')
				case '\n':
					b = append(b, '\\', 'n')
				case '\r':
					b = append(b, '\\', 'r')
				case '\t':
					b = append(b, '\\', 't')
				default:
					b = appendU(b, rune(c))
				}
				i++
				start = i
				continue
			}
			// A three-byte character that any two continuation bytes make
			// valid and that is none of the few changes3 names (U+2028,
			// U+2029 and the Unsafe ones among them): passed by its bytes.
			if l := lead3[c]; l != 0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
				(l == lead3Plain || !changes3(c, s[i+1], s[i+2])) {
				i += 3
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
			case r == '\u2028' || r == '\u2029', jsonEscaped(r):
				b = append(b, s[start:i]...)
				b = appendU(b, r)
			default:
				i += size
				continue
			}
			i += size
			start = i
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
