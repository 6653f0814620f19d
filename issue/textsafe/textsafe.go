// Package textsafe is the one definition of text that is safe to show:
// what may enter the model of an issue, and what dubao may write to a
// terminal or a pipe. Nothing a source holds — a file, a web page, a feed,
// a file name, an error message, the output of a command — may control the
// terminal dubao writes to, or reorder what it shows.
//
// Unsafe names the characters that never pass: C0 controls (the line feed
// and the tab pass where an operation says so), DEL, C1 controls, the
// bidirectional controls and U+FEFF. Escape sequences go whole, not just
// their ESC: CSI and ESC sequences as github.com/charmbracelet/x/ansi's
// parser reads them, the 8-bit (C1) forms the same way, and control
// strings (OSC, DCS, SOS, PM, APC) up to their terminator — BEL, ST, CAN
// or SUB, or a line break, which ends an unterminated string and stays, so
// that no string swallows the text after it. (x/ansi's parser is not used
// for strings: it ends one at a byte 0x9C, which is ST in 8-bit form but
// also the last byte of many Chinese characters in UTF-8, such as 东.)
//
// The operations differ only in what they do with line breaks, tabs and
// styling:
//
//   - Bytes and String clean text as the model holds it (issue/decode
//     cleans every source's bytes with Bytes; a string read from a
//     structured source goes through String): line breaks become '\n',
//     a tab a space.
//   - Text makes text safe to print: '\n' and '\t' pass.
//   - Styled is Text keeping the SGR sequences and OSC 8 hyperlinks of
//     dubao's own styling.
//   - Line is Text for one line of the screen: no '\n' or '\t' either.
//   - JSON escapes, inside JSON text, what encoding/json leaves raw;
//     AppendJSONString quotes a string as the two would together.
//
// It lives under issue/ because issue/decode needs it and data flows one
// way: ui/ uses it, nothing under issue/ imports ui/.
package textsafe

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Unsafe reports whether r may not pass: a C0 control, DEL, a C1 control,
// a bidirectional control (embeddings, overrides, isolates, the marks
// U+200E, U+200F and U+061C) or U+FEFF. The line feed and the tab are C0
// controls: each operation says what it does with them.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x200e, r == 0x200f, r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

// ParagraphMark is U+E40C (GB18030 FD A3), the private use character a
// widely used GB18030 news corpus writes between paragraphs: Bytes and
// String make it a line break.
const ParagraphMark = 0xe40c

// mode is what an operation does with line breaks, tabs and styling.
type mode uint8

const (
	data   mode = iota // the model's text: line breaks as '\n', a tab as a space
	text               // printed text: '\n' and '\t' pass
	line               // one line: no '\n' nor '\t'
	styled             // printed text keeping SGR and OSC 8 sequences
)

// Bytes cleans valid UTF-8 text (issue/decode's) as the model holds it:
// CRLF, CR, VT, FF, NEL, U+2028 and U+2029 become '\n', and so does
// U+E40C, the private use character a widely used GB18030 news corpus
// writes between paragraphs (ParagraphMark); a tab becomes a
// space, escape sequences are removed whole and the other Unsafe
// characters removed. It returns the text and the number of characters
// and sequences removed; b itself when nothing changes.
func Bytes(b []byte) ([]byte, int) {
	return BytesFrom(b, -1)
}

// BytesFrom is Bytes for a text in which nothing before byte i changes
// (see FirstChange); −1 when that is not known.
func BytesFrom(b []byte, i int) ([]byte, int) {
	if i < 0 {
		i = FirstChange(b)
	}
	if i >= len(b) {
		return b, 0
	}
	return clean(append(make([]byte, 0, len(b)), b[:i]...), b, i, data)
}

// BytesInPlace is BytesFrom writing the clean text over b itself, for a
// buffer nothing else reads or keeps: a large file of CRLF lines is
// cleaned without a second copy of its size. b must be valid UTF-8 (as
// issue/decode has checked), in which no character becomes longer than it
// was: the clean text never overtakes the byte read next. (Invalid bytes
// would become U+FFFD, longer, and overwrite bytes not yet read.)
func BytesInPlace(b []byte, i int) ([]byte, int) {
	if i < 0 {
		i = FirstChange(b)
	}
	if i >= len(b) {
		return b, 0
	}
	return clean(b[:i:len(b)], b, i, data)
}

// String is Bytes for a string — a title, a name, a date read from a
// structured source (HTML, a feed) on its way into the model — which need
// not be valid UTF-8: an invalid byte becomes U+FFFD.
func String(s string) string {
	if !utf8.ValidString(s) {
		b := make([]byte, 0, len(s)+8)
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			b = utf8.AppendRune(b, r) // an invalid byte decodes as U+FFFD
			i += size
		}
		s = string(b)
	}
	return cleanString(s, data)
}

// Text makes s safe to print: escape sequences and Unsafe characters are
// removed but '\n' and '\t', and an invalid byte becomes U+FFFD.
func Text(s string) string { return cleanString(s, text) }

// Styled is Text keeping the SGR sequences (colours, bold: ESC [ digits,
// ';' and ':' m) and the OSC 8 hyperlinks of dubao's own styling.
func Styled(s string) string { return cleanString(s, styled) }

// Line is Text for one line of the screen: without '\n' and '\t' too.
func Line(s string) string { return cleanString(s, line) }

// IsLine reports whether s is one line that Line and Text return as it
// is, by the scan they start with (no '\n', tab or other control, no
// escape sequence, no character either removes, valid UTF-8): a caller
// that would trim or split the result of either can skip them. False
// does not say they change s (Line keeps U+2028, which the scan stops
// at).
func IsLine(s string) bool {
	if len(s) > longLine {
		return isLongLine(s)
	}
	return scan(s, linePlainRun(s, 0), line, true) == len(s)
}

// longLine is the length from which IsLine goes back to the vectors
// after a character they stop at (isLongLine).
const longLine = 256

// cleanString cleans s in mode m, copying it only when something changes.
func cleanString(s string, m mode) string {
	i := firstUnclean(s, m)
	if i == len(s) {
		return s
	}
	out, _ := clean(append(make([]byte, 0, len(s)), s[:i]...), []byte(s), i, m)
	return string(out)
}

// firstUnclean returns the index of the first byte of s that mode m may
// change — a character changes flags, '\n' for Line, an invalid byte —
// or len(s): a scan of the bytes (scan), as most text has nothing to
// change. Cleaning s[:i] would keep it as it is.
func firstUnclean(s string, m mode) int { return scan(s, 0, m, true) }

// scan returns the index of the first byte at or after i of b that mode m
// may change, or len(b): a character changes flags ('\t' passing in text
// and styled mode), '\n' in line mode and, with validate, the first byte
// that is not valid UTF-8 (without it, invalid bytes pass, as the byte
// scan suspect[c] && changes(b[i:]) passes them). Eight bytes of printable
// ASCII or two three-byte characters (lead3, changes3) are passed at a
// time, a three-byte character by its bytes; what else is not ASCII is
// decoded. TestScanEveryRune holds it to changes for every character.
func scan[T string | []byte](b T, i int, m mode, validate bool) int {
	for i < len(b) {
		if i+8 <= len(b) {
			w := uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
				uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56
			if w&0x8080808080808080 == 0 && (w+0x6060606060606060)&0x8080808080808080 == 0x8080808080808080 &&
				(w+0x0101010101010101)&0x8080808080808080 == 0 {
				// Eight bytes of 0x20–0x7E: none below 0x20 (adding
				// 0x60 sets each high bit), none 0x7F (adding 1 sets
				// none).
				i += 8
				continue
			}
			if w&0x0000_C0C0_00C0_C000 == 0x0000_8080_0080_8000 {
				l0, l1 := lead3[byte(w)], lead3[byte(w>>24)]
				if l0 != 0 && l1 != 0 &&
					(l0 == lead3Plain || !changes3(byte(w), byte(w>>8), byte(w>>16))) &&
					(l1 == lead3Plain || !changes3(byte(w>>24), byte(w>>32), byte(w>>40))) {
					i += 6
					continue
				}
			}
		}
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c != 0x7f:
			case c == '\n':
				if m == line {
					return i
				}
			case c == '\t' && (m == text || m == styled):
			default:
				return i
			}
			i++
			continue
		}
		if l := lead3[c]; l != 0 && i+2 < len(b) && b[i+1]&0xc0 == 0x80 && b[i+2]&0xc0 == 0x80 {
			if l == lead3Check && changes3(c, b[i+1], b[i+2]) {
				return i
			}
			i += 3
			continue
		}
		if suspect[c] && changes(b[i:]) {
			return i
		}
		r, size := utf8.DecodeRuneInString(string(b[i:min(i+utf8.UTFMax, len(b))]))
		if validate && r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// changes3 reports whether changes flags the three-byte character c0 c1
// c2: U+200E, U+200F, U+2028–U+202E, U+2066–U+2069, U+E40C or U+FEFF.
func changes3(c0, c1, c2 byte) bool {
	v := uint32(c0)<<16 | uint32(c1)<<8 | uint32(c2)
	return v-0xe2808e < 2 || v-0xe280a8 < 7 || v-0xe281a6 < 4 || v == 0xee908c || v == 0xefbbbf
}

// unsafe3 reports whether the three-byte character c0 c1 c2 is Unsafe:
// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 or U+FEFF.
func unsafe3(c0, c1, c2 byte) bool {
	v := uint32(c0)<<16 | uint32(c1)<<8 | uint32(c2)
	return v-0xe2808e < 2 || v-0xe280aa < 5 || v-0xe281a6 < 4 || v == 0xefbbbf
}

// Classes of lead3.
const (
	lead3Plain = 1 // nothing changes: E1, E3–EC
	lead3Check = 2 // changes3 and unsafe3 decide: E2, EE, EF
)

// lead3 classes the lead bytes of three-byte characters that any two
// continuation bytes make valid (E1–EC, EE, EF; not E0 nor ED, which take
// a narrower second byte): lead3Plain when no such character changes,
// lead3Check when a few do; 0 for every other byte. It is a constant
// table.
var lead3 = func() (t [256]uint8) {
	for c := 0xe1; c <= 0xef; c++ {
		t[c] = lead3Plain
	}
	t[0xed] = 0
	t[0xe2], t[0xee], t[0xef] = lead3Check, lead3Check, lead3Check
	return t
}()

// Changes reports whether Bytes changes the character valid UTF-8 text b
// starts with (a control, a line break but '\n', an Unsafe character, the
// paragraph mark): a scanner that validates UTF-8 asks it of the
// characters it cannot pass by their lead byte alone, and passes the rest.
// It reads bytes rather than decoding: TestChangesIsUnsafe holds it to
// Unsafe.
func Changes(b []byte) bool { return changes(b) }

// changes is Changes for a string or bytes.
func changes[T string | []byte](b T) bool {
	if len(b) == 0 {
		return false
	}
	switch c := b[0]; {
	case c < utf8.RuneSelf:
		return c < 0x20 && c != '\n' || c == 0x7f
	case c == 0xc2: // U+0080–U+009F: C1 controls
		return len(b) > 1 && b[1] < 0xa0
	case c == 0xd8: // U+061C
		return len(b) > 1 && b[1] == 0x9c
	case c == 0xe2: // U+200E, U+200F, U+2028–U+202E, U+2066–U+2069
		return len(b) > 2 && (b[1] == 0x80 && (b[2] == 0x8e || b[2] == 0x8f || b[2] >= 0xa8 && b[2] <= 0xae) ||
			b[1] == 0x81 && b[2] >= 0xa6 && b[2] <= 0xa9)
	case c == 0xee: // U+E40C
		return len(b) > 2 && b[1] == 0x90 && b[2] == 0x8c
	case c == 0xef: // U+FEFF
		return len(b) > 2 && b[1] == 0xbb && b[2] == 0xbf
	}
	return false
}

// FirstChange returns the index of the first character of valid UTF-8
// text b that Bytes changes, or len(b).
func FirstChange(b []byte) int { return nextChange(b, 0) }

// nextChange returns the index of the first character at or after i of
// valid UTF-8 text b that Bytes changes, or len(b) (scan in data mode:
// eight bytes of ASCII or two three-byte characters at a time).
func nextChange(b []byte, i int) int { return scan(b, i, data, false) }

// suspect marks the bytes that can start what Bytes changes: C0 controls
// but '\n', DEL, and the lead bytes of the characters it removes or turns
// into '\n' (U+0080–U+009F, U+061C, U+2028–U+202E, U+2066–U+2069, U+200E,
// U+200F, U+E40C, U+FEFF). It is a constant table.
var suspect = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\n'
	}
	t[0x7f], t[0xc2], t[0xd8], t[0xe2], t[0xee], t[0xef] = true, true, true, true, true, true
	return t
}()

// clean appends b[i:], cleaned in mode m, to dst holding b[:i], and
// returns it with the number of characters and sequences removed.
func clean(dst, b []byte, i int, m mode) ([]byte, int) {
	removed := 0
	for i < len(b) {
		if m == data {
			// the model's text is valid UTF-8: copy at once what passes
			j := nextChange(b, i)
			dst = append(dst, b[i:j]...)
			if i = j; i == len(b) {
				break
			}
		}
		c := b[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			// a run of printable ASCII at once
			j := i + 1
			for j < len(b) && b[j] >= 0x20 && b[j] < 0x7f {
				j++
			}
			dst = append(dst, b[i:j]...)
			i = j
			continue
		case c == '\n':
			if m == line {
				removed++
			} else {
				dst = append(dst, c)
			}
			i++
			continue
		case c == '\r' && m == data:
			dst = append(dst, '\n')
			i++
			if i < len(b) && b[i] == '\n' {
				i++
			}
			continue
		case c == '\t' && m == data:
			dst = append(dst, ' ')
			i++
			continue
		case c == '\t' && (m == text || m == styled):
			dst = append(dst, c)
			i++
			continue
		case (c == '\v' || c == '\f') && m == data:
			dst = append(dst, '\n')
			i++
			continue
		case c == 0x1b:
			n := sequence(b[i:])
			if m == styled && keep(b[i:i+n]) {
				dst = append(dst, b[i:i+n]...)
			} else {
				removed++
			}
			i += n
			continue
		case c < utf8.RuneSelf: // the other C0 controls, DEL
			removed++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = utf8.AppendRune(dst, utf8.RuneError)
		case r == 0x85 || r == 0x2028 || r == 0x2029 || r == ParagraphMark:
			switch {
			case m == data:
				dst = append(dst, '\n')
			case r == 0x85:
				removed++
			default:
				dst = append(dst, b[i:i+size]...)
			}
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // CSI OSC DCS SOS PM APC
			size = sequence(b[i:])
			removed++
		case Unsafe(r):
			removed++
		default:
			dst = append(dst, b[i:i+size]...)
		}
		i += size
	}
	return dst, removed
}

// sequence returns the length of the escape sequence b starts with: ESC,
// or a C1 introducer in UTF-8 (U+009B CSI, U+009D OSC, U+0090 DCS, U+0098
// SOS, U+009E PM, U+009F APC), and what belongs to it (see the package
// comment). It is at least 1.
func sequence(b []byte) int {
	intro, n := introducer(b)
	switch intro {
	case ']', 'P', 'X', '^', '_':
		return n + stringLen(b[n:])
	case '[':
		if b[0] != 0x1b { // U+009B: read as its 7-bit form ESC [, the same length
			seq := append([]byte{0x1b, '['}, b[n:]...)
			_, _, m, _ := ansi.DecodeSequence(seq, ansi.NormalState, nil)
			return max(m, n)
		}
	}
	_, _, m, _ := ansi.DecodeSequence(b, ansi.NormalState, nil)
	if intro == 0 && b[0] == 0x1b {
		// x/ansi reads ESC, intermediates, X (or P, ], ^, _) as a
		// control string, with the faults said above: an ESC sequence
		// ends at its final byte.
		m = min(m, escLen(b))
	}
	return max(m, 1)
}

// escLen returns the length of the ESC sequence b starts with, as ECMA-35
// defines it: ESC, intermediate bytes (0x20–0x2F) and a final byte
// (0x30–0x7E) when one follows.
func escLen(b []byte) int {
	i := 1
	for i < len(b) && b[i] >= 0x20 && b[i] <= 0x2f {
		i++
	}
	if i < len(b) && b[i] >= 0x30 && b[i] <= 0x7e {
		i++
	}
	return i
}

// introducer returns the kind of sequence b starts with — '[' for CSI,
// ']' OSC, 'P' DCS, 'X' SOS, '^' PM, '_' APC, 0 for another ESC
// sequence — and the length of its introducer.
func introducer(b []byte) (kind byte, n int) {
	if b[0] == 0x1b {
		if len(b) > 1 {
			switch b[1] {
			case '[', ']', 'P', 'X', '^', '_':
				return b[1], 2
			}
		}
		return 0, 1
	}
	r, size := utf8.DecodeRune(b)
	switch r {
	case 0x9b:
		return '[', size
	case 0x9d:
		return ']', size
	case 0x90:
		return 'P', size
	case 0x98:
		return 'X', size
	case 0x9e:
		return '^', size
	case 0x9f:
		return '_', size
	}
	return 0, size
}

// stringLen returns the length of the body of a control string and its
// terminator: up to and including BEL, ESC \ or U+009C; up to but not
// including CAN, SUB, another ESC, or a line break.
func stringLen(b []byte) int {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == 0x07:
			return i + 1
		case c == 0x1b:
			if i+1 < len(b) && b[i+1] == '\\' {
				return i + 2
			}
			return i
		case c == 0xc2 && i+1 < len(b) && b[i+1] == 0x9c:
			return i + 2
		case c == 0x18 || c == 0x1a || c == '\n' || c == '\r':
			return i
		}
	}
	return len(b)
}

// keep reports whether Styled keeps the escape sequence seq: an SGR
// sequence, or a terminated OSC 8 hyperlink.
func keep(seq []byte) bool {
	if len(seq) < 3 || seq[0] != 0x1b {
		return false
	}
	switch seq[1] {
	case '[':
		if seq[len(seq)-1] != 'm' {
			return false
		}
		for _, c := range seq[2 : len(seq)-1] {
			if !(c >= '0' && c <= '9' || c == ';' || c == ':') {
				return false
			}
		}
		return true
	case ']':
		var body []byte
		switch {
		case seq[len(seq)-1] == 0x07:
			body = seq[2 : len(seq)-1]
		case len(seq) >= 4 && seq[len(seq)-2] == 0x1b && seq[len(seq)-1] == '\\':
			body = seq[2 : len(seq)-2]
		default:
			return false
		}
		return len(body) >= 2 && body[0] == '8' && body[1] == ';' && printable(body)
	}
	return false
}

// printable reports whether b is valid UTF-8 without an Unsafe character
// or ESC: what a kept hyperlink's parameters and address may hold.
func printable(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, r := range string(b) {
		if r == 0x1b || r == '\n' || r == '\t' || Unsafe(r) {
			return false
		}
	}
	return true
}
