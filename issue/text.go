package issue

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isSpaceRune reports the spaces that pad Chinese text: ASCII space,
// U+3000 (全角空格), U+00A0 and the other Unicode spaces (White_Space).
func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\u3000', '\u00a0', '\n', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f':
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// trimSpace trims spaces (see isSpaceRune) at both ends of s without
// allocating.
func trimSpace(s string) string {
	return trimRightSpace(trimLeftSpace(s))
}

// trimLeftSpace trims leading spaces.
func trimLeftSpace(s string) string {
	for len(s) > 0 {
		c := s[0]
		switch {
		case c == ' ' || c == '\n':
			s = s[1:]
		case c < utf8.RuneSelf:
			return s
		default:
			n := spacePrefixLen(s)
			if n == 0 {
				return s
			}
			s = s[n:]
		}
	}
	return s
}

// trimRightSpace trims trailing spaces.
func trimRightSpace(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		switch {
		case c == ' ' || c == '\n':
			s = s[:len(s)-1]
		case c < utf8.RuneSelf:
			return s
		default:
			n := spaceSuffixLen(s)
			if n == 0 {
				return s
			}
			s = s[:len(s)-n]
		}
	}
	return s
}

// mayStartSpace reports whether a string that starts with the byte c may
// start with a space (see isSpaceRune): c is an ASCII space or line feed,
// or the first byte of U+00A0 (C2) or of a three-byte space (E1, E2, E3;
// see isSpace3). It is inlined where the parse trims every line: most
// lines start with no space, which it tells without a call.
func mayStartSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == 0xC2 || c >= 0xE1 && c <= 0xE3
}

// spaceLastBytes has bit c&0x3F set for each byte c, from 0x80 to 0xBF,
// that ends the UTF-8 encoding of a multi-byte space: A0 (U+00A0), 80
// (U+1680, U+2000, U+3000), 81–8A (U+2001–U+200A), A8, A9, AF (U+2028,
// U+2029, U+202F) and 9F (U+205F).
const spaceLastBytes uint64 = 1<<0x00 | 1<<0x01 | 1<<0x02 | 1<<0x03 | 1<<0x04 | 1<<0x05 | 1<<0x06 | 1<<0x07 |
	1<<0x08 | 1<<0x09 | 1<<0x0A | 1<<0x1F | 1<<0x20 | 1<<0x28 | 1<<0x29 | 1<<0x2F

// mayEndSpace reports whether s, not empty, may end with a space (see
// isSpaceRune):
// it ends with an ASCII space or line feed, or with the last byte of a
// multi-byte space (spaceLastBytes) led by C2, E1, E2 or E3 — by E3 only
// U+3000, E3 80 80. It is inlined where the parse trims every line: most
// lines end with no space, which it tells without a call (the last byte
// alone would not do: 。, E3 80 82, ends as U+2002 does, E2 80 82).
func mayEndSpace(s string) bool {
	n := len(s)
	c := s[n-1]
	return c == ' ' || c == '\n' || c >= 0x80 && spaceLastBytes>>(c&0x3F)&1 != 0 && n >= 2 &&
		(s[n-2] == 0xC2 || n >= 3 && (s[n-3]-0xE1 < 2 || s[n-3] == 0xE3 && c == 0x80))
}

// spacePrefixLen returns the length of the multi-byte space (see
// isSpaceRune) that starts s, or 0. It compares bytes: the trims run on
// every line, and decoding each line's first and last character was a
// hot spot of the parse.
func spacePrefixLen(s string) int {
	if len(s) >= 2 && s[0] == 0xC2 && s[1] == 0xA0 {
		return 2
	}
	if len(s) >= 3 && isSpace3(s[0], s[1], s[2]) {
		return 3
	}
	return 0
}

// spaceSuffixLen returns the length of the multi-byte space that ends s,
// or 0.
func spaceSuffixLen(s string) int {
	n := len(s)
	if n >= 2 && s[n-2] == 0xC2 && s[n-1] == 0xA0 {
		return 2
	}
	if n >= 3 && isSpace3(s[n-3], s[n-2], s[n-1]) {
		return 3
	}
	return 0
}

// isSpace3 reports the UTF-8 encodings of the three-byte spaces of
// isSpaceRune: U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and
// U+3000.
func isSpace3(a, b, c byte) bool {
	switch a {
	case 0xE3:
		return b == 0x80 && c == 0x80
	case 0xE1:
		return b == 0x9A && c == 0x80
	case 0xE2:
		return b == 0x80 && (c >= 0x80 && c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF) || b == 0x81 && c == 0x9F
	}
	return false
}

// isHan reports a Chinese character.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3134F || r == '〇'
}

// isWide reports a character of CJK text (Han, kana, CJK punctuation and
// full-width forms): between two of them a line break joins without a space.
func isWide(r rune) bool {
	return isHan(r) || r >= 0x3000 && r <= 0x30FF || r >= 0xFF00 && r <= 0xFFEF ||
		r >= 0x2010 && r <= 0x2027 || r >= 0xAC00 && r <= 0xD7AF
}

// lastRune returns the last rune of s, or 0.
func lastRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// firstRune returns the first rune of s, or 0.
func firstRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// atMost reports whether s has at most n runes, without counting the runes
// of a long s.
func atMost(s string, n int) bool {
	switch {
	case len(s) <= n:
		return true
	case len(s) > 4*n:
		return false
	}
	return runeLen(s) <= n
}

// runeLen counts the characters of s: utf8.RuneCountInString for the
// parser's text, which is valid UTF-8 (parseData repairs the rest), by
// the bytes that start a character, where the standard library decodes
// each one (several times slower on Chinese text). On invalid UTF-8 it
// may count fewer (a stray continuation byte is not counted).
func runeLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// isSentenceEnd reports the marks that end a sentence.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '…', '．':
		return true
	}
	return false
}

// endsOpen reports whether text breaks off without closing punctuation: its
// last character is a Chinese character, a letter or digit, or a comma or
// enumeration comma. A paragraph that ends open was cut by the layout
// unless it is a heading-like line.
func endsOpen(s string) bool {
	r := lastRune(s)
	switch {
	case r == 0:
		return false
	case isHan(r):
		return true
	case r < utf8.RuneSelf:
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == ',' || r == '%'
	}
	switch r {
	case '，', '、', '％', '·':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// hasSentencePunct reports whether s contains a comma or a sentence end
// before its last character.
func hasInnerPunct(s string) bool {
	s = s[:len(s)-utf8.RuneLen(lastRune(s))]
	return strings.ContainsAny(s, "。！？!?，,；;")
}

// joinSoft joins two pieces of one paragraph that a line break separated:
// without a space between Chinese text, with one between Latin words.
func joinSoft(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	if isWide(lastRune(a)) || isWide(firstRune(b)) {
		return a + b
	}
	return a + " " + b
}

// isASCIIDigit reports 0–9.
func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
