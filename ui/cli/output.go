package cli

import (
	"errors"
	"io"
	"strings"
	"syscall"
	"unicode/utf8"
)

// safeText returns s made safe to print: invalid UTF-8 becomes U+FFFD,
// escape sequences, C0 controls other than tab and newline, DEL, C1
// controls and bidi embeddings, overrides and isolates are removed. With
// keepStyle, SGR sequences (colours, bold) and OSC 8 hyperlinks survive, so
// that styled output from the renderer can pass while nothing else that
// controls a terminal can. Without keepStyle, spaces at line ends are
// removed too.
//
// The parser already strips control characters from the model: this is the
// last guard before stdout, so that no byte of a source file can reach the
// terminal as a command whatever the layers above do.
func safeText(s string, keepStyle bool) string {
	if isPlainSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			n, keep := escapeSequence(s[i:])
			if keep && keepStyle {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case isUnsafeRune(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	if keepStyle {
		return b.String()
	}
	return trimLineEnds(b.String())
}

// trimLineEnds removes the spaces at the end of every line of s.
func trimLineEnds(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		line, rest, more := strings.Cut(s, "\n")
		b.WriteString(strings.TrimRight(line, " "))
		if !more {
			return b.String()
		}
		b.WriteByte('\n')
		s = rest
	}
}

// isPlainSafe reports whether s is valid UTF-8 with no byte that safeText
// would change: the fast path for ordinary text.
func isPlainSafe(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' && (i+1 == len(s) || s[i+1] == '\n') {
				return false
			}
			if isUnsafeRune(rune(c)) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || isUnsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// isUnsafeRune reports whether r controls a terminal or reorders text:
// C0 controls but tab and newline, DEL, C1 controls, and the bidi
// embeddings, overrides and isolates.
func isUnsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// escapeSequence measures the escape sequence at the start of s (s[0] is
// ESC) and reports whether it is one that styled output may keep: an SGR
// sequence (CSI … m) or an OSC 8 hyperlink. An unterminated sequence runs
// to the end of s.
func escapeSequence(s string) (n int, keep bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch s[1] {
	case '[': // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E
		i := 2
		sgr := true
		for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
			if !(s[i] >= '0' && s[i] <= '9' || s[i] == ';' || s[i] == ':') {
				sgr = false
			}
			i++
		}
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			sgr = false
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1, sgr && s[i] == 'm'
		}
		return i, false
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to BEL or ST
		for i := 2; i < len(s); i++ {
			switch {
			case s[i] == 0x07 && s[1] == ']':
				return i + 1, strings.HasPrefix(s[2:], "8;")
			case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
				return i + 2, s[1] == ']' && strings.HasPrefix(s[2:], "8;")
			}
		}
		return len(s), false
	}
	// Two-byte escapes (ESC c, ESC 7, …), and ESC before a multi-byte rune.
	_, size := utf8.DecodeRuneInString(s[1:])
	return 1 + size, false
}

// jsonSafe escapes, inside JSON text, the runes that encoding/json leaves
// raw but a terminal may obey: C1 controls, DEL and the bidi controls. The
// JSON stays equivalent (they are escaped as \u00XX / \u20XX).
func jsonSafe(b []byte) []byte {
	if isPlainSafe(string(b)) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != '\n' && r != '\t' && r >= 0x7f && isUnsafeRune(r) {
			out = append(out, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

const hex = "0123456789abcdef"

// isBrokenPipe reports whether err is a write to a closed pipe: the reader
// (head, less) has gone away, and the command should end quietly.
func isBrokenPipe(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, io.ErrClosedPipe)
}
