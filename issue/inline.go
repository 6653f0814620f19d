package issue

import (
	"slices"
	"sort"
	"strings"

	"dubao/issue/internal/vec"
)

// The inline policy. Markdown sources mark emphasis (**加粗**, *强调*),
// code (`代码`) and links ([文字](地址), <https://…>) inside the text.
// dubao drops the marks from the text, so that it reads, searches and
// counts as printed, and keeps what they said as Spans: the reader shows
// emphasis as bold or italic and a link with its address; `cat --links`
// prints the addresses. A backslash before ASCII punctuation (\*) makes it
// a plain character. Titles, kickers, subtitles and bylines keep only the
// text (the marks and a link's address are dropped there).

// inlineOpeners are the bytes that can start inline markup.
const inlineOpeners = "*_`[<\\"

// inlineClosers are the bytes that can end inline markup: emphasis, code,
// a link's address ')', an autolink's '>' (see closesLikeJump and
// Stream's first pass, which must know them).
const inlineClosers = ")*_`>"

// isInlineOpener reports a byte of inlineOpeners, and isInlineCloser one
// of inlineClosers: each is asked of the first or the last byte of every
// paragraph, where a call to the byte search of strings.IndexByte for a
// string of five or six bytes was a hot spot of the skeleton parse.
// TestInlineMarkBytes checks them against the strings for every byte.
func isInlineOpener(c byte) bool {
	switch c {
	case '*', '_', '`', '[', '<', '\\':
		return true
	}
	return false
}

// isInlineCloser: see isInlineOpener.
func isInlineCloser(c byte) bool {
	switch c {
	case ')', '*', '_', '`', '>':
		return true
	}
	return false
}

// hasInlineOpener reports whether s holds one of inlineOpeners. Every
// paragraph is looked at, and few hold markup: one pass of vectors for
// all the openers (vec.Set) is several times faster than a byte search
// per opener, and than strings.ContainsAny, which tests the bytes one by
// one.
func hasInlineOpener(s string) bool { return inlineOpenerSet.ContainsAny(s) }

// inlineOpenerSet is inlineOpeners for vec.
var inlineOpenerSet = vec.NewSet(inlineOpeners)

// Limits that keep parsing linear on hostile input: a link's text and
// address longer than these are not a link.
const (
	maxLinkText = 2000
	maxLinkDest = 4000
)

// parseInline reads the inline Markdown of s and returns its text without
// the markup and the spans the markup made (Para, Row and Col zero), in
// order of start, an enclosing span before those inside it.
func parseInline(s string) (string, []Span) {
	if !hasInlineOpener(s) {
		return s, nil
	}
	p := inlineParser{}
	p.out.Grow(len(s))
	p.parse(s, true)
	text := p.out.String()
	if len(p.spans) == 0 {
		return text, nil
	}
	// Spans are recorded as they close, inner ones first: order them by
	// start, the longer first, and of two over the same text the one
	// recorded later (the enclosing one) first.
	idx := make([]int, len(p.spans))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, k int) bool {
		a, b := p.spans[idx[i]], p.spans[idx[k]]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return idx[i] > idx[k]
	})
	out := make([]Span, len(idx))
	for i, k := range idx {
		out[i] = p.spans[k]
	}
	return text, out
}

// sortSpans orders spans by where they are (Para, Row, Col), then by
// start, an enclosing span before those inside it.
func sortSpans(ss []Span) {
	sort.SliceStable(ss, func(i, k int) bool { return spanBefore(ss[i], ss[k]) })
}

// spanBefore reports whether span a comes before b in the model's order
// (sortSpans): by paragraph, row, column and start, the longer first.
func spanBefore(a, b Span) bool {
	switch {
	case a.Para != b.Para:
		return a.Para < b.Para
	case a.Row != b.Row:
		return a.Row < b.Row
	case a.Col != b.Col:
		return a.Col < b.Col
	case a.Start != b.Start:
		return a.Start < b.Start
	}
	return a.End > b.End
}

// inlineParser collects the text and the spans of one inline parse.
type inlineParser struct {
	out   strings.Builder
	spans []Span
}

// scanCache remembers, for one stretch of text, the searches that found
// nothing, so that many unmatched openers cost linear time: a search from
// a later place cannot find what one from an earlier place did not.
type scanCache struct {
	noCode  map[int]int // backtick run length → position from which no closer exists
	noDelim [2][4]int   // [*,_][run length] → position from which no closer exists (0: unknown)
	closeOf []int32     // index of the ] that matches the [ at each index, −1; nil until a [ is met
}

// parse writes the text of s to p.out and records its spans; links are
// read when links is set (not inside a link's text).
func (p *inlineParser) parse(s string, links bool) {
	var c scanCache
	last := 0 // s[last:i] is plain text not yet written
	flush := func(i int) {
		p.out.WriteString(s[last:i])
	}
	for i := 0; i < len(s); {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				flush(i)
				p.out.WriteByte(s[i+1])
				i += 2
				last = i
				continue
			}
		case '`':
			n := runLen(s, i, '`')
			if end, ok := c.codeCloser(s, i+n, n); ok {
				flush(i)
				content := s[i+n : end]
				if len(content) >= 2 && content[0] == ' ' && content[len(content)-1] == ' ' && strings.Trim(content, " ") != "" {
					content = content[1 : len(content)-1]
				}
				start := p.out.Len()
				p.out.WriteString(content)
				p.spans = append(p.spans, Span{Kind: SpanCode, Start: start, End: p.out.Len()})
				i = end + n
				last = i
				continue
			}
			i += n
			continue
		case '*', '_':
			if end, next, ok := c.emphasis(s, i); ok {
				flush(i)
				n := runLen(s, i, s[i])
				k := min(n, 3)
				start := p.out.Len()
				p.parse(s[i+k:end], links)
				e := p.out.Len()
				switch k {
				case 1:
					p.spans = append(p.spans, Span{Kind: SpanEm, Start: start, End: e})
				case 2:
					p.spans = append(p.spans, Span{Kind: SpanStrong, Start: start, End: e})
				default:
					p.spans = append(p.spans, Span{Kind: SpanEm, Start: start, End: e}, Span{Kind: SpanStrong, Start: start, End: e})
				}
				i = next
				last = i
				continue
			}
			i += runLen(s, i, s[i])
			continue
		case '[':
			if !links {
				break
			}
			bang := i > 0 && s[i-1] == '!' && i-1 >= last
			if textEnd, href, next, ok := c.link(s, i); ok {
				if bang {
					flush(i - 1)
				} else {
					flush(i)
				}
				start := p.out.Len()
				p.parse(s[i+1:textEnd], false)
				p.spans = append(p.spans, Span{Kind: SpanLink, Start: start, End: p.out.Len(), Href: href})
				i = next
				last = i
				continue
			}
		case '<':
			if !links {
				break
			}
			if end, ok := autolink(s, i); ok {
				flush(i)
				url := s[i+1 : end]
				start := p.out.Len()
				p.out.WriteString(url)
				p.spans = append(p.spans, Span{Kind: SpanLink, Start: start, End: p.out.Len(), Href: url})
				i = end + 1
				last = i
				continue
			}
		}
		i++
	}
	flush(len(s))
}

// runLen returns the length of the run of c at s[i:].
func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// codeCloser finds the run of exactly n backticks that closes a code span
// opened before from, and returns its index.
func (c *scanCache) codeCloser(s string, from, n int) (int, bool) {
	if at, ok := c.noCode[n]; ok && from >= at {
		return 0, false
	}
	for j := from; j < len(s); {
		k := strings.IndexByte(s[j:], '`')
		if k < 0 {
			break
		}
		j += k
		m := runLen(s, j, '`')
		if m == n {
			return j, true
		}
		j += m
	}
	if c.noCode == nil {
		c.noCode = map[int]int{}
	}
	c.noCode[n] = from
	return 0, false
}

// emphasis reads the emphasis opened by the run of * or _ at s[i]: it
// returns the index of its closing run, the index after it, and ok. An
// opener is followed by a character that is not a space; _ does not open
// inside a word, nor * between two digits (3*4米); a closer follows a
// character that is not a space and (for _) does not precede a letter or
// digit. One mark makes emphasis, two strong emphasis, three both; the
// closing run must be at least as long.
func (c *scanCache) emphasis(s string, i int) (end, next int, ok bool) {
	ch := s[i]
	n := runLen(s, i, ch)
	k := min(n, 3)
	if n > 3 || i+n >= len(s) || isSpaceByteAt(s, i+n) {
		return 0, 0, false
	}
	prev := byte(0)
	if i > 0 {
		prev = s[i-1]
	}
	if ch == '_' && isASCIIAlnum(prev) {
		return 0, 0, false
	}
	if ch == '*' && n == 1 && isASCIIDigit(prev) && isASCIIDigit(s[i+1]) {
		return 0, 0, false
	}
	which := 0
	if ch == '_' {
		which = 1
	}
	from := i + n
	if at := c.noDelim[which][k]; at > 0 && from >= at {
		return 0, 0, false
	}
	for j := from; j < len(s); {
		switch s[j] {
		case '\\':
			j += 2
			continue
		case '`':
			m := runLen(s, j, '`')
			if e, ok := c.codeCloser(s, j+m, m); ok {
				j = e + m
				continue
			}
			j += m
			continue
		case ch:
			m := runLen(s, j, ch)
			closes := j > from && !isSpaceByteBefore(s, j) && m >= k
			if closes && ch == '_' && j+m < len(s) && isASCIIAlnum(s[j+m]) {
				closes = false
			}
			if closes {
				return j, j + k, true
			}
			j += m
			continue
		}
		j++
	}
	c.noDelim[which][k] = from
	return 0, 0, false
}

// link reads the link whose text opens with the [ at s[i]: [text](dest)
// or [text](dest "title"). It returns the end of the text (the index of
// its ]), the address (backslash escapes removed) and the index after the
// link.
func (c *scanCache) link(s string, i int) (textEnd int, href string, next int, ok bool) {
	if c.closeOf == nil {
		c.closeOf = matchBrackets(s)
	}
	j := int(c.closeOf[i])
	if j < 0 || j-i > maxLinkText || j+1 >= len(s) || s[j+1] != '(' {
		return 0, "", 0, false
	}
	fail := func() (int, string, int, bool) { return 0, "", 0, false }
	textEnd = j
	k := j + 2
	for k < len(s) && s[k] == ' ' {
		k++
	}
	var dest string
	if k < len(s) && s[k] == '<' {
		e := k + 1
		for ; e < len(s) && s[e] != '>' && s[e] != '<' && e-k <= maxLinkDest; e++ {
			if s[e] == '\\' {
				e++
			}
		}
		if e >= len(s) || s[e] != '>' {
			return fail()
		}
		dest, k = s[k+1:e], e+1
	} else {
		e, paren := k, 0
		for ; e < len(s) && e-k <= maxLinkDest; e++ {
			ch := s[e]
			if ch == '\\' && e+1 < len(s) && isASCIIPunct(s[e+1]) {
				e++
				continue
			}
			if ch == ' ' || ch < 0x20 {
				break
			}
			if ch == '(' {
				paren++
			} else if ch == ')' {
				if paren == 0 {
					break
				}
				paren--
			}
		}
		if paren != 0 {
			return fail()
		}
		dest, k = s[k:e], e
	}
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k < len(s) && (s[k] == '"' || s[k] == '\'') && k > 0 && s[k-1] == ' ' {
		q := s[k]
		e := k + 1
		for ; e < len(s) && s[e] != q; e++ {
			if s[e] == '\\' {
				e++
			}
		}
		if e >= len(s) {
			return fail()
		}
		k = e + 1
		for k < len(s) && s[k] == ' ' {
			k++
		}
	}
	if k >= len(s) || s[k] != ')' {
		return fail()
	}
	return textEnd, unescapeMarkdown(dest), k + 1, true
}

// matchBrackets returns, for each [ of s, the index of the ] that closes
// it (−1 for none, and for every other byte); backslash escapes are
// skipped.
func matchBrackets(s string) []int32 {
	out := make([]int32, len(s))
	var stack []int32
	for i := 0; i < len(s); i++ {
		out[i] = -1
		switch s[i] {
		case '\\':
			if i+1 < len(s) {
				i++
				out[i] = -1
			}
		case '[':
			stack = append(stack, int32(i))
		case ']':
			if n := len(stack); n > 0 {
				out[stack[n-1]] = int32(i)
				stack = stack[:n-1]
			}
		}
	}
	return out
}

// autolink reads <scheme://…> or <mailto:…> at s[i] and returns the index
// of its >.
func autolink(s string, i int) (int, bool) {
	j := i + 1
	for j < len(s) && j-i <= 33 && (isASCIILetter(s[j]) || j > i+1 && (isASCIIDigit(s[j]) || s[j] == '+' || s[j] == '.' || s[j] == '-')) {
		j++
	}
	scheme := s[i+1 : j]
	if len(scheme) < 2 || j >= len(s) || s[j] != ':' {
		return 0, false
	}
	if !strings.HasPrefix(s[j:], "://") && !strings.EqualFold(scheme, "mailto") {
		return 0, false
	}
	for e := j + 1; e < len(s) && e-i <= maxLinkDest; e++ {
		switch ch := s[e]; {
		case ch == '>':
			return e, e > j+1
		case ch == '<' || ch == ' ' || ch < 0x20:
			return 0, false
		}
	}
	return 0, false
}

// isSpaceByteAt reports a space (ASCII, or the start of a Unicode space)
// at s[i].
func isSpaceByteAt(s string, i int) bool {
	return isSpaceRune(firstRune(s[i:]))
}

// isSpaceByteBefore reports a space right before s[i].
func isSpaceByteBefore(s string, i int) bool {
	return isSpaceRune(lastRune(s[:i]))
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || isASCIIDigit(c) }

// plainInline returns the text of inline Markdown without its markup
// (titles and bylines keep no spans), its spaces trimmed: a space the
// markup held ([ 图](x)) would stand at the edge of a text that a heading
// line cannot start or end with.
func plainInline(s string) string {
	t, _ := parseInline(s)
	return trimSpace(t)
}

// spansIn returns the spans of ss at (para, row, col), in order.
func spansIn(ss []Span, para, row, col int) []Span {
	var out []Span
	for _, s := range ss {
		if s.Para == para && s.Row == row && s.Col == col {
			out = append(out, s)
		}
	}
	return out
}

// writeInline returns text with the spans (relative to text) written as
// inline Markdown that parseInline reads back to the same text and spans:
// plain characters that would read as markup are escaped. ok is false when
// no form found reads back the same; the text is then written escaped,
// without its spans.
func writeInline(text string, spans []Span) (string, bool) {
	return writeInlineIf(text, spans, nil)
}

// writeInlineIf is writeInline for a form that accept (when not nil)
// takes.
func writeInlineIf(text string, spans []Span, accept func(string) bool) (string, bool) {
	if len(spans) == 0 && !strings.ContainsAny(text, inlineOpeners+"!") && (accept == nil || accept(text)) {
		return text, true
	}
	try := func(f markForm) (string, bool) {
		out := markInline(text, spans, f)
		if trailing := len(out) - len(strings.TrimRight(out, `\`)); trailing%2 == 1 {
			return "", false // it would escape what is written after it
		}
		if accept != nil && !accept(out) {
			return "", false
		}
		t, ss := parseInline(out)
		return out, t == text && sameSpans(ss, spans)
	}
	for v := range 16 {
		if out, ok := try(plainForm(v)); ok {
			return out, true
		}
	}
	// Each emphasis its own mark character, every choice tried: where
	// one may open or close depends on its neighbours (2*>*!_0*甲*_).
	var ems []int
	for k, sp := range spans {
		if sp.Kind == SpanEm || sp.Kind == SpanStrong {
			ems = append(ems, k)
		}
	}
	// everyPick tries the forms that forms makes of each choice of the
	// emphases' marks, every choice in turn, until one reads back.
	everyPick := func(forms func(pick []int8) []markForm) (string, bool) {
		pick := make([]int8, len(spans))
		for m := range 1 << len(ems) {
			for i, k := range ems {
				pick[k] = 1 + int8(m>>i&1)
			}
			for _, f := range forms(pick) {
				if out, ok := try(f); ok {
					return out, true
				}
			}
		}
		return "", false
	}
	picked := func(pick []int8) []markForm { return []markForm{{pick: pick}, {escapeAll: true, pick: pick}} }
	if len(ems) > 0 && len(ems) <= maxPicked {
		if out, ok := everyPick(picked); ok {
			return out, true
		}
	}
	// More emphases than that (or no choice read back): each group of
	// spans that touch one another chooses its marks on its own, every
	// choice tried on its text and a character either side (where one
	// may open or close depends only on its neighbours), and the whole is
	// checked once.
	if len(ems) > 0 {
		for _, esc := range []bool{false, true} {
			if pick, ok := pickByGroup(text, spans, esc); ok {
				if out, ok := try(markForm{escapeAll: esc, pick: pick}); ok {
					return out, true
				}
			}
		}
	}
	// Every choice for the whole text, within pickByGroup's budget, when
	// a choice group by group reads back but not in a form the caller
	// takes: a paragraph all in a strong emphasis written as a line that
	// reads as a crosshead (**…**, no ** inside), which escaped reads
	// back without its first mark (FuzzParse 5907de77959bee45).
	if len(ems) > maxPicked && accept != nil {
		if _, ok := everyChoiceWork(0, len(text), len(ems)); ok {
			if out, ok := everyPick(picked); ok {
				return out, true
			}
		}
	}
	// The text escaped and the addresses as they stand: their marks
	// escaped, brackets may double an address past maxLinkDest, and the
	// link read as text (FuzzParse a2db0b192a857bd0).
	if out, ok := try(markForm{escapeAll: true, plainDest: true}); ok {
		return out, true
	}
	// The empty spans at a place between the spans that close and
	// open there, inside those that open there or inside those that
	// close there, each empty emphasis around the empty span written
	// before it (see emptyTree). An emphasis that opens at an empty link
	// holds it, and written after the link it could not open before a
	// space (*[](x) (*h, FuzzParse 7aeb7eaa83c6536b); one that closes
	// after a space where an empty link stands holds it, and written
	// before the link it could not close after the space (*[ [](x)*,
	// FuzzParse c3b37bbfff90dfba); an emphasis that holds nothing but
	// an empty link (*[](x)*) reads back only around it, and written in
	// turn ([](x)**) it is no emphasis (FuzzParse 20362b85fd78012b,
	// 7cd06f684de9c4ba). Inside what opens there where something does,
	// else inside what closes there (*[](a) [](b)*: an emphasis over a
	// space that opens at one empty link and closes at another,
	// FuzzParse eda9deba3907188b), or the other way round.
	for _, in := range emptyPlaces {
		for _, esc := range []bool{false, true} {
			if out, ok := try(markForm{escapeAll: esc, emptyIn: in, emptyNested: true}); ok {
				return out, true
			}
		}
	}
	// Those places with each choice of the emphases' marks: an emphasis
	// by an empty one around an empty link reads back only with the
	// other mark (_甲 **[](y)**_, where *甲 **[](y)*** joins the marks),
	// every choice for up to maxPicked emphases, within maxPickedWork.
	if _, ok := everyChoiceWork(0, 2*len(emptyPlaces)*len(text), len(ems)); ok && len(ems) > 0 && len(ems) <= maxPicked &&
		slices.ContainsFunc(spans, func(s Span) bool { return s.Start == s.End }) {
		placed := func(pick []int8) []markForm {
			var fs []markForm
			for _, in := range emptyPlaces {
				for _, esc := range []bool{false, true} {
					fs = append(fs, markForm{escapeAll: esc, pick: pick, emptyIn: in, emptyNested: true})
				}
			}
			return fs
		}
		if out, ok := everyPick(placed); ok {
			return out, true
		}
	}
	return markInline(text, nil, markForm{escapeAll: true}), len(spans) == 0
}

// pickInTurn chooses the marks of a group of spans with more emphases
// than every choice can be tried for (a strong emphasis around ten, up
// to maxInTurn): the emphases in turn, twice over, each takes the mark
// with which the most spans read back. One such pass can settle on a
// choice no single change mends (a strong emphasis whose mark was taken
// before its inner emphases had theirs), so it starts over from each of
// three choices — markInline's rules, every emphasis *, every one _ —
// going through the emphases in their order and then in reverse (12
// passes); when none reads back, the best of them tries every pair of
// emphases with every pair of marks (pickPairs, up to maxPairs
// emphases). The work is in proportion to the group's length times the
// emphases, or their square for the pairs: never every choice. It
// reports whether the group then reads back; pick holds the choice.
func pickInTurn(text string, spans []Span, ems []int, esc bool, pick []int8) bool {
	if len(ems) > maxInTurn {
		return false
	}
	type key struct {
		kind       SpanKind
		start, end int
		href       string
	}
	want := make(map[key]bool, len(spans))
	for _, sp := range spans {
		want[key{sp.Kind, sp.Start, sp.End, sp.Href}] = true
	}
	score := func() (int, bool) {
		t, ss := parseInline(markInline(text, spans, markForm{escapeAll: esc, pick: pick}))
		n := 0
		for _, sp := range ss {
			if want[key{sp.Kind, sp.Start, sp.End, sp.Href}] {
				n++
			}
		}
		return n, t == text && sameSpans(ss, spans)
	}
	order := slices.Clone(ems)
	bestPick, bestN := make([]int8, len(pick)), -1
	for _, start := range []int8{0, 1, 2} { // markInline's rules, *, _
		for _, reverse := range []bool{false, true} {
			clear(pick)
			for _, k := range ems {
				pick[k] = start
			}
			copy(order, ems)
			if reverse {
				slices.Reverse(order)
			}
			for range 2 {
				for _, k := range order {
					best, most := int8(1), -1
					for _, v := range []int8{1, 2} {
						pick[k] = v
						n, ok := score()
						if ok {
							return true
						}
						if n > most {
							best, most = v, n
						}
					}
					pick[k] = best
				}
			}
			if n, _ := score(); n > bestN {
				copy(bestPick, pick)
				bestN = n
			}
		}
	}
	// No single change mends any of them: from the choice with which
	// the most spans read back, try each pair of emphases with each
	// pair of marks.
	copy(pick, bestPick)
	return len(ems) <= maxPairs && pickPairs(ems, pick, score)
}

// maxPairs is how many emphases a group may have for pickInTurn to try
// every pair of them (4 readings of the group for each pair).
const maxPairs = 32

// pickPairs changes the marks of two emphases of ems at a time, every
// pair and every choice for the pair, until score reports the group
// reads back; the other emphases keep their marks in pick. Each pair
// returns to its marks after its tries.
func pickPairs(ems []int, pick []int8, score func() (int, bool)) bool {
	for i, k := range ems {
		for _, l := range ems[i+1:] {
			pk, pl := pick[k], pick[l]
			for _, v := range [...][2]int8{{1, 1}, {1, 2}, {2, 1}, {2, 2}} {
				pick[k], pick[l] = v[0], v[1]
				if _, ok := score(); ok {
					return true
				}
			}
			pick[k], pick[l] = pk, pl
		}
	}
	return false
}

// maxInTurn is how many emphases a group of spans may have for
// pickInTurn to choose their marks (up to 24 readings of the group for
// each, besides the pairs).
const maxInTurn = 64

// maxPicked is how many emphasis spans a text (or, for pickByGroup, a
// group of spans) may have for writeInlineIf to try every choice of their
// mark characters (2 forms × 2^n).
const maxPicked = 8

// maxPickedWork bounds the bytes pickByGroup reads, for one text, trying
// every choice of marks for groups of more than maxPicked emphases (a
// group's length times 2^n): some 16,000 readings of a group of 128
// bytes, a fraction of a second.
const maxPickedWork = 1 << 21

// everyChoiceWork returns work, the bytes read so far trying every
// choice of marks, with those of a group of length bytes and n emphases
// added (length times 2^n), and whether that is at most maxPickedWork —
// reckoned without overflow, where the product would wrap (in 32 bits
// 8<<30 is 0) and let 2^30 choices be tried.
func everyChoiceWork(work, length, n int) (int, bool) {
	if n >= 31 || length > (maxPickedWork-work)>>n {
		return work, false
	}
	return work + length<<n, true
}

// pickEvery tries every choice of mark characters for the emphases ems
// of text's spans until one reads back; pick holds it. It reports
// whether one did.
func pickEvery(text string, spans []Span, ems []int, esc bool, pick []int8) bool {
	for m := range 1 << len(ems) {
		for i, k := range ems {
			pick[k] = 1 + int8(m>>i&1)
		}
		t, ss := parseInline(markInline(text, spans, markForm{escapeAll: esc, pick: pick}))
		if t == text && sameSpans(ss, spans) {
			return true
		}
	}
	return false
}

// pickByGroup chooses the mark character of each emphasis of text (see
// markForm.pick) group by group: spans that overlap or touch make one
// group, which is written alone with a character of text either side of
// it, every choice of its marks tried until one reads back; a group of
// more than maxPicked emphases chooses in turn (pickInTurn), and, where
// that finds none, tries every choice when its length times 2^n is at
// most maxPickedWork, all such groups together. It reports false when a
// group finds none. The work
// is in proportion to the text's length: each group's choices are tried
// on its own text.
func pickByGroup(text string, spans []Span, esc bool) ([]int8, bool) {
	pick := make([]int8, len(spans))
	var sub []Span
	var subPick []int8
	work := 0 // bytes read trying every choice for groups of more than maxPicked
	for _, g := range spanGroups(spans) {
		if g.from < 0 || g.to > len(text) || g.from > g.to {
			return nil, false
		}
		var lo, hi int
		lo, hi, sub = g.around(text, spans, sub[:0])
		subPick = slices.Grow(subPick[:0], len(sub))[:len(sub)]
		clear(subPick)
		var ems []int
		for j, s := range sub {
			if s.Kind == SpanEm || s.Kind == SpanStrong {
				ems = append(ems, j)
			}
		}
		if len(ems) == 0 {
			continue
		}
		found := false
		if len(ems) <= maxPicked {
			found = pickEvery(text[lo:hi], sub, ems, esc, subPick)
		} else {
			found = pickInTurn(text[lo:hi], sub, ems, esc, subPick)
			if w, ok := everyChoiceWork(work, hi-lo, len(ems)); !found && ok {
				// Where no choice in turn reads back (one emphasis
				// can take its mark only with others changed, FuzzParse
				// a62455b5d085b6ad), every choice, for short groups.
				work = w
				found = pickEvery(text[lo:hi], sub, ems, esc, subPick)
			}
		}
		if !found {
			return nil, false
		}
		for j, k := range g.members {
			pick[k] = subPick[j]
		}
	}
	return pick, true
}

// markForm is how markInline writes a text's markup.
type markForm struct {
	escapeAll bool    // escape every plain character that could be markup
	alt       [2]bool // the outermost em (strong) takes _ (__)
	apart     bool    // an emphasis right after its mark character takes the other one
	// pick gives, by span index, the mark character of each emphasis:
	// 1 for * (**), 2 for _ (__); nil to follow alt and apart.
	pick []int8
	// plainDest writes links' addresses without their marks escaped
	// even where escapeAll (see linkDest).
	plainDest bool
	// emptyIn says where the empty spans at a place are written: between
	// the spans that close there and those that open there, inside
	// those that open there (*[](x) (*h: an emphasis around an empty
	// link at its start) or inside those that close there (*[ [](x)*:
	// an emphasis around an empty link at its end).
	emptyIn emptyPlace
	// emptyNested writes each empty emphasis at a place around the
	// empty span written before it (*[](x)*: an emphasis around an empty
	// link), not in turn, the last first, where it holds nothing (see
	// emptyTree).
	emptyNested bool
}

// emptyPlace is where markInline writes the empty spans at a place
// among the spans that close and open there (see markForm.emptyIn).
type emptyPlace int8

// The places of the empty spans at a place.
const (
	emptyBetween   emptyPlace = iota // after the closings, before the openings
	emptyInOpening                   // after the openings
	emptyInClosing                   // before the closings
	// after the openings where spans open there, else before the closings
	emptyInOpeningElseClosing
	// before the closings where spans close there, else after the openings
	emptyInClosingElseOpening
)

// emptyPlaces are the places writeInlineIf tries for the empty spans, in
// turn.
var emptyPlaces = [...]emptyPlace{emptyBetween, emptyInOpening, emptyInClosing, emptyInOpeningElseClosing, emptyInClosingElseOpening}

// sameSpans reports whether two lists of spans (Para, Row, Col ignored)
// are the same.
func sameSpans(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Kind != y.Kind || x.Start != y.Start || x.End != y.End || x.Href != y.Href {
			return false
		}
	}
	return true
}

// inlineEscaper escapes every character that can start inline markup.
var inlineEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `\<`, `!`, `\!`)

// markInline writes text with spans as markup in the form f; f.escapeAll
// escapes every plain character that could be markup. Emphasis inside
// emphasis of the same kind takes the other mark of the one around it (*
// and _, ** and __), starting with _ (__) when f.alt[0] (f.alt[1]) is set.
// When f.apart is set, an emphasis that opens right after the same mark
// character takes the other one: *I*_甲_, not *I**甲*, whose ** would read
// as one run. f.pick, when set, chooses each emphasis's mark instead.
func markInline(text string, spans []Span, f markForm) string {
	var b strings.Builder
	b.Grow(len(text) + 8*len(spans))
	plain := func(s string) {
		if f.escapeAll {
			inlineEscaper.WriteString(&b, s)
		} else {
			b.WriteString(s)
		}
	}
	type event struct {
		at    int
		open  bool
		order int
		span  Span
	}
	evs := make([]event, 0, 2*len(spans))
	for k, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			continue
		}
		evs = append(evs, event{s.Start, true, k, s}, event{s.End, false, k, s})
	}
	var treeAt map[[2]int]int // with f.emptyNested: see emptyTree
	if f.emptyNested {
		treeAt = emptyTree(spans)
	}
	// opens and closes: the places where spans that are not empty open
	// and close, for emptyIn's choices by place.
	var opens, closes map[int]bool
	if f.emptyIn >= emptyInOpeningElseClosing {
		opens, closes = map[int]bool{}, map[int]bool{}
		for _, s := range spans {
			if s.Start < s.End {
				opens[s.Start], closes[s.End] = true, true
			}
		}
	}
	// At one place: the spans that close there close (inner first), the
	// empty ones there open and close, each whole, and the others open
	// (outer first). Of empty spans at one place parseInline gives the
	// one it read later first: they are written last first.
	rank := func(e event) int {
		switch {
		case e.span.Start == e.span.End:
			switch f.emptyIn {
			case emptyInOpening:
				return 3
			case emptyInClosing:
				return -1
			case emptyInOpeningElseClosing:
				if opens[e.at] || !closes[e.at] {
					return 3
				}
				return -1
			case emptyInClosingElseOpening:
				if closes[e.at] || !opens[e.at] {
					return -1
				}
				return 3
			}
			return 1
		case e.open:
			return 2
		}
		return 0
	}
	sort.SliceStable(evs, func(i, j int) bool {
		a, c := evs[i], evs[j]
		if a.at != c.at {
			return a.at < c.at
		}
		if ra, rc := rank(a), rank(c); ra != rc {
			return ra < rc
		}
		switch {
		case a.order == c.order:
			return a.open && !c.open
		case treeAt != nil && a.span.Start == a.span.End:
			return treeAt[[2]int{a.order, b2i(a.open)}] < treeAt[[2]int{c.order, b2i(c.open)}]
		case rank(a) == 2:
			return a.order < c.order // outer first
		}
		return a.order > c.order // inner first; of empty ones the last first
	})
	pos, inCode := 0, -1
	var open [2][]bool        // the marks of the open em, strong spans (_ or __: true)
	underOf := map[int]bool{} // the mark each emphasis took, by order
	mark := func(kind int, e event) string {
		var under bool
		if e.open {
			under = f.alt[kind]
			if n := len(open[kind]); n > 0 {
				under = !open[kind][n-1]
			}
			c := byte('*')
			if under {
				c = '_'
			}
			if last := b.String(); f.apart && last != "" && last[len(last)-1] == c {
				under = !under
			}
			if e.order < len(f.pick) && f.pick[e.order] != 0 {
				under = f.pick[e.order] == 2
			}
			underOf[e.order] = under
			open[kind] = append(open[kind], under)
		} else {
			under = underOf[e.order]
			if n := len(open[kind]); n > 0 {
				open[kind] = open[kind][:n-1]
			}
		}
		switch {
		case kind == 0 && under:
			return "_"
		case kind == 0:
			return "*"
		case under:
			return "__"
		}
		return "**"
	}
	for _, e := range evs {
		s := e.span
		if inCode >= 0 {
			if e.order == inCode && !e.open {
				inCode = -1
			}
			continue // nothing is marked inside code
		}
		plain(text[pos:e.at])
		pos = e.at
		switch s.Kind {
		case SpanCode:
			b.WriteString(codeSpan(text[s.Start:s.End]))
			pos, inCode = s.End, e.order
		case SpanStrong:
			b.WriteString(mark(1, e))
		case SpanEm:
			b.WriteString(mark(0, e))
		case SpanLink:
			if e.open {
				b.WriteByte('[')
			} else {
				b.WriteString("](")
				b.WriteString(linkDest(s.Href, f.escapeAll && !f.plainDest))
				b.WriteByte(')')
			}
		}
	}
	plain(text[pos:])
	return b.String()
}

// emptyTree places the empty spans at each place of spans as trees in
// which an emphasis holds the tree written before it and a link holds
// nothing, and returns, for each span's opening (order, 1) and closing
// (order, 0), its turn at the place. parseInline lists the spans at a
// place the later closed first, the last of a row and an enclosing
// span alike: any trees that close the spans in the reverse of the
// list read back as it, and these are the ones where every emphasis
// holds something (*[](a)*[](b) for link b, emphasis, link a).
func emptyTree(spans []Span) map[[2]int]int {
	at := map[[2]int]int{}
	var trees [][][2]int // the trees of the place being read: its turns
	flush := func() {
		n := 0
		for _, t := range trees {
			for _, e := range t {
				at[e] = n
				n++
			}
		}
		trees = trees[:0]
	}
	// The list of a place, read from its end, is the order of closing.
	for k := len(spans) - 1; k >= 0; k-- {
		s := spans[k]
		if s.Start != s.End {
			continue
		}
		if len(trees) > 0 && spans[trees[0][0][0]].Start != s.Start {
			flush()
		}
		t := [][2]int{{k, 1}}
		if n := len(trees); n > 0 && (s.Kind == SpanEm || s.Kind == SpanStrong) {
			t = append(t, trees[n-1]...)
			trees = trees[:n-1]
		}
		trees = append(trees, append(t, [2]int{k, 0}))
	}
	flush()
	return at
}

// b2i is 1 for true, 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// codeSpan writes s as a code span: backticks one more than its longest
// run, and spaces inside them when s starts or ends with a backtick or
// with a space at both ends.
func codeSpan(s string) string {
	longest := 0
	for i := 0; i < len(s); {
		if s[i] == '`' {
			n := runLen(s, i, '`')
			longest = max(longest, n)
			i += n
			continue
		}
		i++
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || len(s) >= 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// linkDest writes a link's address: as it is when it reads back so, else
// between < and >. With marks set, its emphasis and code marks and
// brackets are escaped too: an emphasis around the link looks for its
// closing mark in the address as well (*甲[乙](0*0)丙0*A read the * of
// 0*0 as the end of the emphasis and lost the link, FuzzParse
// c07f9eaaef9d0381), as a code span or a bracket there would be read.
func linkDest(href string, marks bool) string {
	plain := href != ""
	paren := 0
	for i := 0; i < len(href) && plain; i++ {
		switch c := href[i]; {
		case c == ' ' || c < 0x20 || c == '<' || c == '>' || c == '\\' || c == '"' || c == '\'':
			plain = false
		case c == '(':
			paren++
		case c == ')':
			paren--
			if paren < 0 {
				plain = false
			}
		}
	}
	if plain && paren == 0 {
		if marks {
			return destMarkEscaper.Replace(href)
		}
		return href
	}
	if marks {
		return "<" + destMarkEscaper.Replace(angleEscaper.Replace(href)) + ">"
	}
	return "<" + angleEscaper.Replace(href) + ">"
}

// destMarkEscaper escapes the marks of a link's address that the inline
// reader would take as emphasis, code or a bracket.
var destMarkEscaper = strings.NewReplacer(`*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`)
