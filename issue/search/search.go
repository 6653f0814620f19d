// Package search finds text in an issue the way a reader expects: on the
// unwrapped text, with full-width and half-width forms equal (ＡＢＣ１２３ =
// ABC123, ，= ,), Latin letters case-insensitive and spaces ignored (so that
// 李舸 finds the padded 李  舸 of a byline).
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"dubao/issue"
)

// Query is a compiled search query.
type Query struct {
	text   string
	folded []rune
}

// New compiles a query. Spaces in it are ignored.
func New(q string) Query {
	out := Query{text: q}
	for _, r := range q {
		if f := Fold(r); f != 0 {
			out.folded = append(out.folded, f)
		}
	}
	return out
}

// String returns the query as typed.
func (q Query) String() string { return q.text }

// Empty reports whether the query matches nothing (it has no character
// other than spaces).
func (q Query) Empty() bool { return len(q.folded) == 0 }

// Fold maps a rune to the form it is compared in: full-width ASCII to
// ASCII, half-width katakana to full width, letters to lower case, curly
// quotes “ ” ‘ ’ to the straight " and ' (texts mix both). Spaces
// (ASCII, U+3000, no-break, every Unicode space) fold to 0, meaning
// "ignore".
func Fold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r == ' ' || r >= '\t' && r <= '\r': // space, \t \n \v \f \r
			return 0
		}
		return r
	case unicode.IsSpace(r): // U+3000, no-break and the other Unicode spaces
		return 0
	case r == '“' || r == '”':
		return '"'
	case r == '‘' || r == '’':
		return '\''
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return Fold(r - 0xFEE0)
	case r >= 0xFF5F && r <= 0xFFEE: // half-width forms, full-width signs
		if f := width.LookupRune(r).Folded(); f != 0 {
			return f
		}
		return r
	case r < 0x3000:
		return unicode.ToLower(r)
	}
	return r
}

// Index returns the byte range [start, end) of the first match of q in
// text at or after byte from, or -1, -1.
func (q Query) Index(text string, from int) (start, end int) {
	if q.Empty() {
		return -1, -1
	}
	first := q.folded[0]
	if first >= 0x3400 && first <= 0x9FFF {
		// A Han character folds only from itself: jump between its
		// occurrences with the fast byte search.
		lit := string(first)
		for i := from; i < len(text); {
			k := strings.Index(text[i:], lit)
			if k < 0 {
				return -1, -1
			}
			i += k
			if e := q.matchAt(text, i+len(lit)); e >= 0 {
				return i, e
			}
			i += len(lit)
		}
		return -1, -1
	}
	for i := from; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if Fold(r) == first {
			if e := q.matchAt(text, i+size); e >= 0 {
				return i, e
			}
		}
		i += size
	}
	return -1, -1
}

// matchAt matches q.folded[1:] in text from byte i and returns the end of
// the match, or -1.
func (q Query) matchAt(text string, i int) int {
	k := 1
	end := i
	for k < len(q.folded) {
		if i >= len(text) {
			return -1
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		f := Fold(r)
		if f == 0 {
			continue
		}
		if f != q.folded[k] {
			return -1
		}
		k++
		end = i
	}
	return end
}

// FindAll returns the byte ranges of the non-overlapping matches of q in
// text, in order.
func (q Query) FindAll(text string) [][2]int {
	var out [][2]int
	for from := 0; ; {
		s, e := q.Index(text, from)
		if s < 0 {
			return out
		}
		out = append(out, [2]int{s, e})
		from = e
	}
}

// Match is one match in an issue: in article N, in the piece with index
// Piece of Article.Pieces(), bytes [Start, End) of that piece's text.
type Match struct {
	N          int
	Piece      int
	Kind       issue.PieceKind
	Start, End int
}

// Pos returns the position of the start of the match.
func (m Match) Pos() issue.Pos { return issue.Pos{Piece: m.Piece, Offset: m.Start} }

// Article returns the matches of q in one article, in reading order.
func Article(a *issue.Article, q Query) []Match {
	if q.Empty() {
		return nil
	}
	var out []Match
	for i, p := range a.Pieces() {
		for _, r := range q.FindAll(p.Text) {
			out = append(out, Match{N: a.N, Piece: i, Kind: p.Kind, Start: r[0], End: r[1]})
		}
	}
	return out
}

// Issue returns the matches of q in the whole issue, in issue order.
func Issue(is *issue.Issue, q Query) []Match {
	var out []Match
	for _, a := range is.Articles() {
		out = append(out, Article(a, q)...)
	}
	return out
}

// CutsWord reports whether cutting text at byte i would split a number or
// a Latin word — 2,861.3, 5.8%, 10:30, GDP, CRH380A — which a snippet
// or a shortened title must show whole or not at all. Letters and digits
// (ASCII or full width) hold together, as does a mark between two of them
// (. , - _ : / '), and % after one.
func CutsWord(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return false
	}
	b, bs := utf8.DecodeLastRuneInString(text[:i])
	a, as := utf8.DecodeRuneInString(text[i:])
	switch {
	case alnum(b) && (alnum(a) || a == '%' || a == '％'):
		return true
	case alnum(b) && joiner(a):
		n, _ := utf8.DecodeRuneInString(text[i+as:])
		return alnum(n)
	case joiner(b) && alnum(a):
		p, _ := utf8.DecodeLastRuneInString(text[:i-bs])
		return alnum(p)
	}
	return false
}

// alnum reports an ASCII or full-width letter or digit.
func alnum(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r >= '０' && r <= '９', r >= 'ａ' && r <= 'ｚ', r >= 'Ａ' && r <= 'Ｚ':
		return true
	}
	return false
}

// joiner reports a mark that joins the letters or digits on its sides
// into one word or number.
func joiner(r rune) bool {
	switch r {
	case '.', ',', '-', '_', ':', '/', '\'', '．', '－', '：', '／':
		return true
	}
	return false
}
