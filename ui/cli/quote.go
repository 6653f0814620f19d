package cli

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"dubao/issue/shelf"
	"dubao/issue/textsafe"
)

// How the command line prints the names of a shelf's files, and takes
// them back: as `ls --quoting-style=shell-escape` prints them, so that a
// name with a space, a quote, a tab, a line break, an escape sequence or
// bytes that are not UTF-8 is one field of `dubao list`, shows nothing
// that controls the terminal, can be pasted into a shell, and picks its
// issue when given back to dubao (see unquoteName). A name that is
// GB18030 rather than UTF-8 is shown decoded, followed by
// shelf.GB18030Mark.

// shellSafe are the ASCII characters a name may hold unquoted.
const shellSafe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%+,-./:=@_^"

// quoteName returns the path p (with slashes, relative to its shelf) as
// the command line prints it.
func quoteName(p string) string {
	shown, decoded := shelf.ShowPath(p)
	q := shellEscape(shown)
	if decoded {
		q += shelf.GB18030Mark
	}
	return q
}

// shellEscape quotes s as ls --quoting-style=shell-escape does: as it is
// when it needs no quoting (letters, digits, Chinese and other printable
// text, and the punctuation of shellSafe), in single quotes when it holds
// only printable characters, and otherwise with its unprintable bytes as
// $'\ooo' between single-quoted runs.
func shellEscape(s string) string {
	if s == "" {
		return "''"
	}
	plain, printable := true, true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, textsafe.Unsafe(r):
			printable, plain = false, false
		case r < utf8.RuneSelf && !strings.ContainsRune(shellSafe, r):
			plain = false
		}
		i += size
	}
	if plain && s[0] != '~' && s[0] != '-' {
		return s
	}
	if printable {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	var b strings.Builder
	open := false // inside a single-quoted run
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || textsafe.Unsafe(r) {
			if open {
				b.WriteByte('\'')
				open = false
			}
			b.WriteString("$'")
			for _, c := range []byte(s[i : i+size]) {
				b.WriteString(escapeByte(c))
			}
			b.WriteByte('\'')
			i += size
			continue
		}
		if !open {
			b.WriteByte('\'')
			open = true
		}
		if r == '\'' {
			b.WriteString(`'\''`)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	if open {
		b.WriteByte('\'')
	}
	return b.String()
}

// escapeByte writes the byte c as ANSI-C quoting does inside $'…'.
func escapeByte(c byte) string {
	switch c {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\v':
		return `\v`
	case '\f':
		return `\f`
	case '\r':
		return `\r`
	}
	return `\` + strconv.FormatInt(int64(c)|0o1000, 8)[1:] // three octal digits
}

// errQuote is the error of unquoteName for a name whose quotes do not
// close.
var errQuote = errors.New("unterminated quote")

// unquoteName undoes shell quoting as sh and bash read it: '…', "…",
// $'…' (with \n, \t, \e, \ooo, \xHH, \uHHHH …) and backslash escapes,
// joined. It is what a name printed by quoteName (or typed in a shell's
// quoting) means.
func unquoteName(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return "", errQuote
			}
			b.WriteString(s[i+1 : i+1+j])
			i += j + 2
		case strings.HasPrefix(s[i:], "$'"):
			n, err := ansiC(&b, s[i+2:])
			if err != nil {
				return "", err
			}
			i += 2 + n
		case s[i] == '"':
			i++
			for {
				if i >= len(s) {
					return "", errQuote
				}
				if s[i] == '"' {
					i++
					break
				}
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`", s[i+1]) >= 0 {
					i++
				}
				b.WriteByte(s[i])
				i++
			}
		case s[i] == '\\' && i+1 < len(s):
			b.WriteByte(s[i+1])
			i += 2
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String(), nil
}

// ansiC writes what the body of $'…' at the start of s means and returns
// how many bytes it took, the closing quote included.
func ansiC(b *strings.Builder, s string) (int, error) {
	simple := map[byte]byte{'a': '\a', 'b': '\b', 'e': 0x1b, 'E': 0x1b, 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
		'\\': '\\', '\'': '\'', '"': '"', '?': '?'}
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\'' {
			return i + 1, nil
		}
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			i++
			continue
		}
		e := s[i+1]
		if v, ok := simple[e]; ok {
			b.WriteByte(v)
			i += 2
			continue
		}
		digits := func(start, max int, base int, isDigit func(byte) bool) (uint64, int) {
			j := start
			for j < len(s) && j-start < max && isDigit(s[j]) {
				j++
			}
			v, _ := strconv.ParseUint(s[start:j], base, 32)
			return v, j
		}
		switch {
		case '0' <= e && e <= '7':
			v, j := digits(i+1, 3, 8, func(c byte) bool { return '0' <= c && c <= '7' })
			b.WriteByte(byte(v))
			i = j
		case e == 'x':
			v, j := digits(i+2, 2, 16, isHex)
			if j == i+2 {
				b.WriteString(`\x`)
			} else {
				b.WriteByte(byte(v))
			}
			i = j
		case e == 'u' || e == 'U':
			max := 4
			if e == 'U' {
				max = 8
			}
			v, j := digits(i+2, max, 16, isHex)
			if j == i+2 {
				b.WriteString(s[i : i+2])
			} else {
				b.WriteRune(rune(v))
			}
			i = j
		default:
			b.WriteString(s[i : i+2])
			i += 2
		}
	}
	return 0, errQuote
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// jsonName returns the path p as `dubao json` writes it: as it is, or
// decoded from GB18030 and marked (see shelf.ShowPath), unless it holds
// what JSON cannot carry as text (bytes that are not UTF-8) or what must
// never reach a terminal (a control, an escape sequence): then quoted as
// quoteName prints it. Each form picks its issue when given back.
func jsonName(p string) string {
	shown, decoded := shelf.ShowPath(p)
	mark := ""
	if decoded {
		mark = shelf.GB18030Mark
	}
	if !utf8.ValidString(shown) || textsafe.Line(shown) != shown {
		return shellEscape(shown) + mark
	}
	return shown + mark
}

// shelfForJSON returns a copy of s with its paths as jsonName writes them.
func shelfForJSON(s *shelf.Shelf) *shelf.Shelf {
	c := *s
	c.Dir = jsonName(s.Dir)
	c.Issues = make([]*shelf.Entry, len(s.Issues))
	for i, e := range s.Issues {
		ec := *e
		ec.Files = slices.Clone(e.Files)
		for j := range ec.Files {
			ec.Files[j].Path = jsonName(ec.Files[j].Path)
		}
		c.Issues[i] = &ec
	}
	c.Skipped = slices.Clone(s.Skipped)
	for i := range c.Skipped {
		c.Skipped[i].Path = jsonName(c.Skipped[i].Path)
	}
	return &c
}
