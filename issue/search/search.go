// Package search finds text in an issue the way a reader expects: on the
// unwrapped text, with full-width and half-width forms equal (ＡＢＣ１２３ =
// ABC123, ，= ,), Latin letters case-insensitive, spaces ignored (so that
// 李舸 finds the padded 李  舸 of a byline), and Simplified and Traditional
// characters equal (苹果 finds 蘋果, 發展 finds 发展: see script.Fold).
package search

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"dubao/issue"
	"dubao/issue/internal/vec"
	"dubao/issue/script"
)

// Query is a compiled search query.
type Query struct {
	text   string
	folded []rune
	// firsts holds, when the query starts with a Han character or an
	// ASCII one, every character that folds to it (苹 and 蘋; g, G, ｇ
	// and Ｇ), as UTF-8, for the fast byte search of Index.
	firsts []string
	// needles holds, for each of firsts of three bytes, its vector
	// search (vec.Needle3; nil for another length).
	needles []*vec.Needle3
	// loose passes over the Markdown marks a parse drops between the
	// query's characters (see Loose).
	loose bool
	// forms holds, for each of folded but the first that is a Han
	// character, the characters of three bytes that fold to it (Fold),
	// each as its bytes in a word (see word3): matchAt compares the
	// text's bytes with them before it decodes a character.
	forms [][]uint32
	// rest is, when every character of the query but the first is a
	// Han character with forms, the first form of each, as UTF-8: text
	// that goes on with it after the first character is a match that
	// ends there (matchAt's first test); restWord is its first three
	// bytes (word3).
	rest     string
	restWord uint32
}

// Loose returns q that also passes over the Markdown marks a parse
// drops between its characters, where the query does not have one:
// emphasis and code (* _ `), a link's brackets and address ([云](…)岭),
// an image's (云![岭](…)), an autolink's angle brackets, a blockquote's > on the line a paragraph
// goes on, a backslash escape — for finding, in text not parsed yet,
// every place a match may be once the markup is gone (云**岭** reads 云岭).
func (q Query) Loose() Query {
	q.loose = true
	return q
}

// New compiles a query. Spaces in it are ignored.
func New(q string) Query {
	out := Query{text: q}
	for _, r := range q {
		if f := Fold(r); f != 0 {
			out.folded = append(out.folded, f)
		}
	}
	var variants []rune
	if len(out.folded) > 0 {
		switch f := out.folded[0]; {
		case fastHan(f):
			variants = script.Variants(f)
		case f < utf8.RuneSelf:
			variants = asciiVariants()[f]
		}
	}
	var rest strings.Builder
	for k, f := range out.folded {
		if k == 0 || !fastHan(f) {
			continue
		}
		if out.forms == nil {
			out.forms = make([][]uint32, len(out.folded))
		}
		for _, v := range script.Variants(f) {
			if Fold(v) == f && utf8.RuneLen(v) == 3 {
				if out.forms[k] == nil {
					rest.WriteRune(v)
				}
				out.forms[k] = append(out.forms[k], word3(string(v), 0))
			}
		}
	}
	if len(out.folded) > 1 && rest.Len() == 3*(len(out.folded)-1) {
		out.rest = rest.String()
		out.restWord = word3(out.rest, 0)
	}
	if len(variants) > 0 {
		for _, v := range variants {
			lit := string(v)
			var nd *vec.Needle3
			if len(lit) == 3 {
				nd = vec.NewNeedle3(lit)
			}
			out.firsts, out.needles = append(out.firsts, lit), append(out.needles, nd)
		}
	}
	return out
}

// asciiVariants holds, for each ASCII character, every character that
// folds to it (Fold): itself, its other case, their full-width forms,
// the curly quotes for " and ', the Kelvin sign for k, İ for i. Fold
// turns nothing else into ASCII: only the characters below U+2E80
// (unicode.ToLower) and the full-width and half-width forms (U+FF00–
// U+FFEF) are looked through (TestASCIIVariants checks every character).
var asciiVariants = sync.OnceValue(func() *[utf8.RuneSelf][]rune {
	var v [utf8.RuneSelf][]rune
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if f := Fold(r); f > 0 && f < utf8.RuneSelf {
				v[f] = append(v[f], r)
			}
		}
	}
	add(0, 0x2E7F)
	add(0xFF00, 0xFFEF)
	return &v
})

// fastHan reports whether Index may look for a query that starts with r
// by a byte search of the characters that fold to r: those of the CJK
// blocks, which fold from nothing else (no width or case form).
func fastHan(r rune) bool { return r >= 0x3400 && r <= 0x9FFF }

// Needs returns, for each Han character of q (U+3400–U+9FFF, the range
// of fastHan), every character that folds as it does (script.Variants:
// 苹 and 蘋; some may lie outside that range, such as a compatibility
// ideograph): a text that holds, for some group, none of its characters
// cannot match q. It is what a prefilter of texts by the characters they
// hold must ask, so that it folds as the search does.
func (q Query) Needs() [][]rune {
	var out [][]rune
	for _, f := range q.folded {
		if fastHan(f) {
			out = append(out, script.Variants(f))
		}
	}
	return out
}

// Narrowed returns q looking only for the forms of its first character
// (see Fold) that present says the text to search holds: one that is
// not there cannot start a match, and each form looked for is one more
// scan of the text (发 is also 發 and 髮, which Simplified text lacks).
// It returns q as it is when present keeps every form, or none (there
// is then no match to find).
func (q Query) Narrowed(present func(rune) bool) Query {
	if len(q.firsts) < 2 {
		return q
	}
	var keep []string
	var needles []*vec.Needle3
	for k, s := range q.firsts {
		if r, _ := utf8.DecodeRuneInString(s); present(r) {
			keep, needles = append(keep, s), append(needles, q.needles[k])
		}
	}
	if len(keep) == 0 || len(keep) == len(q.firsts) {
		return q
	}
	q.firsts, q.needles = keep, needles
	return q
}

// String returns the query as typed.
func (q Query) String() string { return q.text }

// Empty reports whether the query matches nothing (it has no character
// other than spaces).
func (q Query) Empty() bool { return len(q.folded) == 0 }

// Fold maps a rune to the form it is compared in: full-width ASCII to
// ASCII, half-width katakana to full width, letters to lower case, curly
// quotes “ ” ‘ ’ to the straight " and ' (texts mix both), Traditional
// characters and their regional variants to one form (蘋 and 苹 to 苹, 裏
// and 裡 to 里; script.Fold). Spaces (ASCII, U+3000, no-break, every
// Unicode space) fold to 0, meaning "ignore".
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
	case r < 0x2E80:
		return unicode.ToLower(r)
	case r >= 0x3400:
		return script.Fold(r)
	}
	return r
}

// Index returns the byte range [start, end) of the first match of q in
// text at or after byte from, or -1, -1.
func (q Query) Index(text string, from int) (start, end int) {
	if q.Empty() {
		return -1, -1
	}
	if len(q.firsts) > 0 {
		var f firstFinder
		return f.index(&q, text, from)
	}
	first := q.folded[0]
	// Han characters fold to Han characters only: when the query starts
	// with something else they need no folding to be passed over.
	skipHan := first < 0x2E80
	for i := from; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if skipHan && r >= 0x3400 && r < 0xA000 {
				i += size
				continue
			}
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
func (q *Query) matchAt(text string, i int) int {
	if q.rest != "" && strings.HasPrefix(text[i:], q.rest) {
		return i + len(q.rest) // each character the first of its forms
	}
	k := 1
	end := i
	for k < len(q.folded) {
		if i >= len(text) {
			return -1
		}
		if q.forms != nil && i+3 <= len(text) && q.forms[k] != nil {
			// The common case: the query's next character, one of
			// the three-byte forms that fold to it.
			w, found := word3(text, i), false
			for _, f := range q.forms[k] {
				found = found || w == f
			}
			if found {
				i += 3
				k++
				end = i
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		f := Fold(r)
		if f == 0 {
			continue
		}
		if q.loose && f != q.folded[k] && strings.ContainsRune(looseMarks, r) {
			if r == ']' {
				i = skipLinkDest(text, i)
			}
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

// word3 returns the three bytes of text at i in a word: the form
// matchAt compares characters of three bytes in.
func word3(text string, i int) uint32 {
	return uint32(text[i]) | uint32(text[i+1])<<8 | uint32(text[i+2])<<16
}

// looseMarks are the marks a loose query passes over (see Loose).
const looseMarks = "*_`[]<>\\!"

// skipLinkDest returns the end of the link address "(…)" at text[i:]
// (parentheses may nest), or i when there is none on its line: what a
// loose query passes over after a link's "]".
func skipLinkDest(text string, i int) int {
	if i >= len(text) || text[i] != '(' {
		return i
	}
	depth := 0
	for j := i; j < len(text); j++ {
		switch text[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j + 1
			}
		case '\n':
			return i
		}
	}
	return i
}

// FindAll returns the byte ranges of the non-overlapping matches of q in
// text, in order.
func (q Query) FindAll(text string) [][2]int {
	var out [][2]int
	f := q.In(text)
	for from := 0; ; {
		s, e := f.Next(from)
		if s < 0 {
			return out
		}
		out = append(out, [2]int{s, e})
		from = e
	}
}

// Finder finds the matches of a query in one text, searched forward.
// Its zero value finds nothing; In or Query.Finder sets it up.
type Finder struct {
	q    *Query
	text string
	f    firstFinder // keeps where each form of the first character is next
}

// ownFinder is a Finder with the query In copied for it.
type ownFinder struct {
	Finder
	own Query
}

// In returns a Finder of q in text. Unlike calls of Index, it scans the
// text once for each form of the query's first character (苹 and 蘋),
// however many matches it is asked for — also for a form that does not
// occur at all.
func (q Query) In(text string) *Finder {
	o := &ownFinder{own: q}
	o.Finder = Finder{q: &o.own, text: text}
	return &o.Finder
}

// Finder returns a Finder of q in text, as In does, as a value that
// refers to q: neither q copied nor the Finder allocated. q must not
// change while the Finder is used.
func (q *Query) Finder(text string) Finder { return Finder{q: q, text: text} }

// Next returns the byte range of the first match at or after byte from,
// as Index does; from must not go back.
func (f *Finder) Next(from int) (start, end int) {
	return f.f.index(f.q, f.text, from)
}

// NextAt is Next(at) for an at where a form of the query's first
// character may start (where the query made loose, Loose, matched in
// the same text): the match there is tried first, without the byte
// search that would find that character again. The matches found are
// those Next finds; at must not go back either.
func (f *Finder) NextAt(at int) (start, end int) {
	return f.f.indexAt(f.q, f.text, at)
}

// firstFinder finds a query that starts with a Han character by jumping
// between the occurrences of the characters that fold to it (苹 and 蘋)
// with the fast byte search. It remembers where each of them occurs next,
// so that a text is scanned once for each, however many matches it holds;
// it serves one text, searched forward.
type firstFinder struct {
	next [8]int // next[k]: offset of q.firsts[k] at or after the last search, -1 not known, none if there is none
	ok   bool   // next is set up
	one  bool   // and the query's first character has one form: lit, nd
	lit  string
	nd   *vec.Needle3
}

// none is firstFinder.next's mark of a form that does not occur again.
const none = math.MaxInt

// index returns the first match of q at or after byte from, as Index
// (which it is for a query that does not start with a Han character),
// or -1, -1 when q is nil. A query whose first character has one form
// (q.firsts[0]) is found here once set up: by the byte search from the
// form's last place on, with no choice between forms.
func (f *firstFinder) index(q *Query, text string, from int) (start, end int) {
	if !f.one {
		return f.indexAny(q, text, from)
	}
	if f.next[0] == none {
		return -1, -1 // none left
	}
	lit, nd := f.lit, f.nd
	i := max(from, f.next[0])
	for i < len(text) {
		var j int
		if nd != nil {
			j = nd.Index(text[i:])
		} else {
			j = indexChar(text[i:], lit)
		}
		if j < 0 {
			break
		}
		i += j
		e := i + len(lit)
		if q.restHere(text, e) {
			f.next[0] = i
			return i, e + len(q.rest)
		}
		if e := q.matchAt(text, e); e >= 0 {
			f.next[0] = i
			return i, e
		}
		i += len(lit)
	}
	f.next[0] = none
	return -1, -1
}

// restHere reports whether the rest of q, after its first character,
// stands at e in its first forms: the common case of matchAt, which then
// ends at e+len(q.rest).
func (q *Query) restHere(text string, e int) bool {
	n := len(q.rest)
	if n < 3 || e+n > len(text) {
		return false
	}
	t := text[e : e+n]
	return uint32(t[0])|uint32(t[1])<<8|uint32(t[2])<<16 == q.restWord && (n == 3 || t[3:] == q.rest[3:])
}

// indexAt is index(q, text, at), sooner when at starts the query's
// first character and the query's first character has one form: the
// match is then tried at at before any byte search.
func (f *firstFinder) indexAt(q *Query, text string, at int) (start, end int) {
	if !f.ok && q != nil && len(q.firsts) == 1 {
		f.setup(q, q.firsts)
	}
	if f.one && f.next[0] != none && f.next[0] <= at && at <= len(text) && hasPrefix(text[at:], f.lit) {
		e := at + len(f.lit)
		if q.restHere(text, e) {
			f.next[0] = at
			return at, e + len(q.rest)
		}
		if end := q.matchAt(text, e); end >= 0 {
			f.next[0] = at
			return at, end
		}
		// index(at) finds the character at at, then no match there.
		return f.index(q, text, e)
	}
	return f.index(q, text, at)
}

// hasPrefix is strings.HasPrefix, sooner for the three bytes of a Han
// character.
func hasPrefix(s, prefix string) bool {
	if len(prefix) == 3 {
		return len(s) >= 3 && s[0] == prefix[0] && s[1] == prefix[1] && s[2] == prefix[2]
	}
	return strings.HasPrefix(s, prefix)
}

// setup sets f up for q, whose first character's forms are lits (at
// most len(f.next)): where each occurs next not known yet.
func (f *firstFinder) setup(q *Query, lits []string) {
	f.ok = true
	for k := range lits {
		f.next[k] = -1
	}
	if len(lits) == 1 {
		f.one, f.lit, f.nd = true, lits[0], q.needles[0]
	}
}

// indexAny is index but for a query set up with one form of its first
// character.
func (f *firstFinder) indexAny(q *Query, text string, from int) (start, end int) {
	if q == nil {
		return -1, -1
	}
	if len(q.firsts) == 0 {
		return q.Index(text, from)
	}
	lits := q.firsts
	if len(lits) > len(f.next) {
		lits = lits[:len(f.next)] // no class of variants is this large
	}
	if !f.ok {
		if f.setup(q, lits); f.one {
			return f.index(q, text, from)
		}
	}
	for i := from; i < len(text); {
		best, size := none, 0
		for k, lit := range lits {
			if f.next[k] < i {
				j := -1
				if nd := q.needles[k]; nd != nil {
					j = nd.Index(text[i:])
				} else {
					j = indexChar(text[i:], lit)
				}
				if j >= 0 {
					f.next[k] = i + j
				} else {
					f.next[k] = none
				}
			}
			if f.next[k] < best {
				best, size = f.next[k], len(lit)
			}
		}
		if best == none {
			return -1, -1
		}
		if e := q.matchAt(text, best+size); e >= 0 {
			return best, e
		}
		i = best + size
	}
	return -1, -1
}

// indexChar returns the index of the first lit, the UTF-8 of one
// character, in text, or -1. It jumps with the byte search between the
// occurrences of the rarest of lit's continuation bytes (see contFreq),
// not of its first byte as strings.Index does: in Chinese text the lead
// byte of a character (0xE4–0xE9) starts one character in six, and the
// byte search then stops every few bytes, while a continuation byte is
// some thirty times rarer — and some continuation bytes are ten times
// rarer than others: 發 (E7 99 BC) is found by its 99, as BC is the
// middle byte of the full-width comma, colon and brackets.
func indexChar(text, lit string) int {
	n := len(lit)
	if n < 2 {
		return strings.Index(text, lit)
	}
	p := n - 1
	for k := n - 2; k >= 1; k-- {
		if contFreq[lit[k]&0x3F] < contFreq[lit[p]&0x3F] {
			p = k
		}
	}
	b := lit[p]
	for i := p; i < len(text); {
		j := strings.IndexByte(text[i:], b)
		if j < 0 {
			return -1
		}
		i += j
		if s := i - p; s+n <= len(text) && text[s:s+n] == lit {
			return s
		}
		i++
	}
	return -1
}

// contFreq is how often each continuation byte (0x80 + its index) occurs
// in Chinese news text, per thousand continuation bytes: counted in the
// 20 pages of a national daily and a city daily's front page (UTF-8).
// 0x80 (。、「」《》, E3 80 xx), 0xBC and 0xBA (，：（）！, EF BC xx and
// the middle bytes of common characters) and 0x8C (，) lead.
var contFreq = [64]uint8{
	71, 22, 14, 10, 19, 19, 14, 12, 19, 13, 15, 12, 37, 13, 14, 15,
	13, 17, 7, 6, 13, 8, 13, 17, 16, 7, 23, 26, 22, 16, 6, 12,
	9, 11, 8, 8, 16, 17, 10, 11, 16, 7, 6, 6, 8, 17, 15, 12,
	20, 13, 7, 8, 12, 7, 7, 9, 37, 19, 35, 22, 35, 25, 12, 19,
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
	// A character of U+2000–U+9FFF (lead byte E2–E9: CJK text and
	// punctuation) on either side is no letter, digit, joiner or %: the
	// cut splits nothing.
	if c := text[i]; c >= 0xE2 && c <= 0xE9 {
		return false
	}
	if i >= 3 && text[i-3] >= 0xE2 && text[i-3] <= 0xE9 && text[i-2]&0xC0 == 0x80 && text[i-1]&0xC0 == 0x80 {
		return false
	}
	return cutsWordRunes(text, i)
}

// cutsWordRunes is CutsWord's rule read rune by rune, without its
// passes over CJK characters.
func cutsWordRunes(text string, i int) bool {
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
