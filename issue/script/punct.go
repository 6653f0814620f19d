package script

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"dubao/issue/internal/vec"
)

// Full-width punctuation for display. Sources exported from PDF (the seed
// issue, all through) set , ( ) ; : ? ! half width between Chinese
// characters (指出,今年), which sits cramped beside 、。“” and off the grid
// of two-column characters. WithFullWidthPunct adds a last stage to a
// conversion that sets such a mark full width (，（）；：？！) where it stands
// between Chinese text on both sides, and never inside numbers or Latin
// text (2,861.3, A,B, f(x)); the offset map of Mapped covers it, so search
// matches and reading positions stay in the source's coordinates. It is a
// display setting: the model, json, plain piped text and search keep the
// source's marks.

// halfPunct marks the bytes of the marks the punctuation stage looks at.
var halfPunct = [256]bool{',': true, '(': true, ')': true, ';': true, ':': true, '?': true, '!': true}

// halfPunctSet is halfPunct for vec.
var halfPunctSet = vec.NewSet(",();:?!")

// fullPunct is the full-width form of each mark.
var fullPunct = [256]string{',': "，", '(': "（", ')': "）", ';': "；", ':': "：", '?': "？", '!': "！"}

// pairLook is how far back (in bytes) a closing bracket looks for its
// opening one.
const pairLook = 512

// punctAt returns 1 and the full-width form of the half-width mark at
// s[i] when it stands between Chinese text, else 0:
//   - , ; : ? ! after a Chinese character (or mark), before Chinese text
//     or at the end of the text (项目如下:);
//   - ( before Chinese text, after Chinese text or at the start;
//   - ) closing a ( that is set full width, or after Chinese text and
//     before Chinese text or the end.
func punctAt(s string, i int) (int, string) {
	c := s[i]
	if c != ')' && hanEndsAt(s, i) && hanStartsAt(s, i+1) {
		return 1, fullPunct[c] // between two Han characters, the commonest case (a ) looks for its ()
	}
	return punctRule(s, i)
}

// punctRule is punctAt by its rule, for any mark and neighbours.
func punctRule(s string, i int) (int, string) {
	c := s[i]
	prev, next := before(s, i), after(s, i+1)
	ok := false
	switch c {
	case ',', ';', ':', '?', '!':
		ok = cjk(prev) && (cjk(next) || next == 0)
	case '(':
		ok = opens(s, i)
	case ')':
		if j := openerOf(s, i); j >= 0 {
			ok = opens(s, j)
		} else {
			ok = cjk(prev) && (cjk(next) || next == 0)
		}
	}
	if !ok {
		return 0, ""
	}
	return 1, fullPunct[c]
}

// hanStartsAt reports whether a character of U+4E00–U+9FFF (which cjk
// holds Chinese) starts at s[i], by its bytes.
func hanStartsAt(s string, i int) bool {
	return i+3 <= len(s) && (s[i] >= 0xe5 && s[i] <= 0xe9 || s[i] == 0xe4 && s[i+1] >= 0xb8) &&
		s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80
}

// hanEndsAt reports whether a character of U+4E00–U+9FFF ends at s[i]
// (before it), by its bytes.
func hanEndsAt(s string, i int) bool {
	return i >= 3 && hanStartsAt(s, i-3)
}

// opens reports whether the ( at s[i] is set full width: Chinese text
// follows it, and Chinese text (or nothing) comes before it.
func opens(s string, i int) bool {
	prev := before(s, i)
	return cjk(after(s, i+1)) && (cjk(prev) || prev == 0)
}

// openerOf returns the offset of the ( that the ) at s[i] closes, looking
// back at most pairLook bytes, or −1.
func openerOf(s string, i int) int {
	depth := 0
	for j := i - 1; j >= 0 && j >= i-pairLook; j-- {
		switch s[j] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// before returns the character before s[i], 0 at the start.
func before(s string, i int) rune {
	if i == 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// after returns the character at s[i], 0 at the end.
func after(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// cjk reports a character of Chinese text: a Han character, kana, the
// CJK marks and brackets (、。「」《》…), full-width forms (，（）), and the
// curly quotes of Chinese text (“ ” ‘ ’).
func cjk(r rune) bool {
	switch {
	case r == 0:
		return false
	case r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xff60, r >= 0xfe30 && r <= 0xfe4f:
		return true
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—':
		return true
	case r >= 0x4e00 && r <= 0x9fff: // CJK Unified Ideographs, all of them Han
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// punctOnly is the converter that only sets punctuation full width (the
// text otherwise as written), made on first use.
var punctOnly struct {
	once sync.Once
	c    *Converter
}

// WithFullWidthPunct returns a converter that converts as c does, then
// sets half-width punctuation between Chinese text full width (see
// punctAt). For a nil c it returns a converter that does only that. The
// converter is made once per c; its Conversion is c's.
func (c *Converter) WithFullWidthPunct() *Converter {
	if c == nil {
		punctOnly.once.Do(func() {
			punctOnly.c = &Converter{conv: None, stages: []stage{{punct: true}}}
		})
		return punctOnly.c
	}
	c.wideOnce.Do(func() {
		stages := append(append([]stage(nil), c.stages...), stage{punct: true})
		c.wide = &Converter{conv: c.conv, stages: stages}
	})
	return c.wide
}
