package issue

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// repairLayout mends paragraphs that the page layout broke.
//
// The rule. A paragraph A "ends open" when its last character is a Chinese
// character, a letter, a digit or a comma (see endsOpen): print never ends
// a paragraph there, so the column or page break cut it. Where A ends open
// and the next paragraph B follows it directly (no table, list or other
// block between), B is looked at:
//
//  1. A is a short heading-like line (at most 16 characters, no comma or
//     full stop inside) or a photo credit (…摄): nothing to mend.
//  2. B is indented (U+3000 or spaces) or follows a thematic break, and so
//     is marked by the source as a paragraph of its own, or B opens with a jump line ((上接第一版)), a
//     byline (本报讯, 新华社…电, □ 李晓梅) or a list mark (一、 1、 （一） ■):
//     B stands alone and A is left as it is.
//  3. B is clearly a paragraph of its own: a speaker's lead (王毅表示，…,
//     2–8 Chinese characters then 表示/指出/强调/认为/说/介绍/透露/称 and a
//     comma or colon), or a single short sentence (5–30 characters, one
//     full stop at its end, no comma) that ends the article or reports who
//     attended (…参加会见。 …出席。). B stands alone and A is marked cut off
//     (Article.Cut): the rest of its sentence is not in the issue. Seed:
//     …俄方对两国双边务实合 | 王毅参加会见。
//  4. Otherwise B is the rest of A: the two are joined without inserting
//     anything, not even a space. Seed: …科学、依 | 法决策…, …污水收 | 集管网…,
//     …举 | 办这次…, …可在市内 | 办理省级赋权事项。
//
// It makes one pass over the paragraphs, so a text broken at every line
// is mended in linear time, and joins them in place: an article where
// nothing is joined costs no allocation.
func repairLayout(d *draft, indentStyle bool) {
	a := &d.a
	n := len(a.Paragraphs)
	if n < 2 {
		return
	}
	var blockBefore []bool // a block stands right before paragraph i; nil: no block
	if len(a.Blocks) > 0 {
		blockBefore = make([]bool, n+1)
		for _, b := range a.Blocks {
			if b.After >= 0 && b.After <= n {
				blockBefore[b.After] = true
			}
		}
	}
	// newIndex says where each paragraph went, and shift (with spans) its
	// offset in the one it went to; they are made at the first join, and
	// only when blocks or spans must follow their paragraphs.
	var newIndex, shift []int
	out := 0 // paragraphs kept so far; out <= i, so the slices are rewritten in place
	for i := 0; i < n; i++ {
		if newIndex != nil {
			newIndex[i] = out
		}
		text, first := a.Paragraphs[i], i
		var joined strings.Builder // text, when paragraphs were joined
		for i+1 < n && (blockBefore == nil || !blockBefore[i+1]) && endsOpen(text) && !markSeam(a, i, i+1) {
			join, cut := breakRule(text, a.Paragraphs[i+1], d.indent[i+1], i+2 == n)
			if !join {
				if cut {
					a.Cut = append(a.Cut, out)
				}
				break
			}
			if newIndex == nil && (blockBefore != nil || len(a.Spans) > 0) {
				newIndex = make([]int, n+1)
				for k := 0; k <= i; k++ {
					newIndex[k] = min(k, out)
				}
				if len(a.Spans) > 0 {
					shift = make([]int, n)
				}
			}
			// The joined paragraph may end open again: look at it once more.
			if joined.Len() == 0 {
				// Room for the two at once (most joins are of two).
				joined.Grow(len(text) + len(a.Paragraphs[i+1]))
				joined.WriteString(text)
			}
			if shift != nil {
				shift[i+1] = joined.Len()
			}
			joined.WriteString(a.Paragraphs[i+1])
			text = joined.String()
			i++
			if newIndex != nil {
				newIndex[i] = out
			}
		}
		a.Paragraphs[out], d.indent[out] = text, d.indent[first]
		out++
	}
	if out == n {
		return
	}
	clear(a.Paragraphs[out:n]) // let the joined pieces go
	a.Paragraphs, d.indent = a.Paragraphs[:out], d.indent[:out]
	if newIndex == nil {
		return
	}
	newIndex[n] = out
	removed := n - out
	for k := range a.Blocks {
		switch after := a.Blocks[k].After; {
		case after > n:
			a.Blocks[k].After -= removed
		case after >= 0:
			a.Blocks[k].After = newIndex[after]
		}
	}
	if shift != nil {
		a.editSpans(func(s *Span) bool {
			s.Start += shift[s.Para]
			s.End += shift[s.Para]
			s.Para = newIndex[s.Para]
			return true
		})
	}
}

// markSeam reports a join of paragraph next onto paragraph i (the end
// of the text joined so far) that would leave emphasis or code at the
// seam in no form the Markdown writer can give back (see writeInline),
// where each alone has one: an emphasis on a digit right after a digit (第3 +
// *33*号: 3*33* reads as text, like 3*4*5); two emphases that open
// together after a letter, the inner one closing before a letter (第I +
// _*>!>*q…_: _ cannot open after I nor close before q, and ** reads as
// one run); the same at a paragraph's end; two code spans that meet
// (`c` + `c`号: the two backticks between them read as one run, and the
// two spans as one). The issue written would read back without the
// emphasis or the code. Such paragraphs stay apart. Only a seam where an
// emphasis starts or ends, or where two code spans meet, is written out
// to see, and in proportion to its text (writesJoined): when unsure, the
// two stay apart.
func markSeam(a *Article, i, next int) bool {
	if len(a.Spans) == 0 {
		return false
	}
	p, q := a.Paragraphs[i], a.Paragraphs[next]
	if p == "" || q == "" {
		return false
	}
	ps, qs := paraSpansOf(a.Spans, i), paraSpansOf(a.Spans, next)
	ends, starts := false, false
	codeEnds, codeStarts := false, false
	for _, s := range ps {
		ends = ends || s.End == len(p) && (s.Kind == SpanEm || s.Kind == SpanStrong)
		codeEnds = codeEnds || s.End == len(p) && s.Kind == SpanCode
	}
	for _, s := range qs {
		starts = starts || s.Start == 0 && (s.Kind == SpanEm || s.Kind == SpanStrong)
		codeStarts = codeStarts || s.Start == 0 && s.Kind == SpanCode
	}
	if !(starts && (isASCIIAlnum(p[len(p)-1]) || ends) || ends && isASCIIAlnum(q[0]) || codeEnds && codeStarts) {
		return false
	}
	joined := make([]Span, 0, len(ps)+len(qs))
	joined = append(joined, ps...)
	for _, s := range qs {
		s.Start, s.End = s.Start+len(p), s.End+len(p)
		joined = append(joined, s)
	}
	return !writesJoined(p+q, joined, len(p))
}

// writesJoined reports whether writeInline gives back text and spans,
// the two paragraphs joined at seam, in one of the forms it tries first
// (the marks chosen by markInline's rules, no choice span by span).
// Where a mark may open or close depends on its neighbours, so each group
// of spans that touch one another is first written alone with a
// character either side, as pickByGroup does, in each form: the group at
// the seam first, which alone keeps most joins apart. The whole text is
// then written and read in at most maxWholeForms forms that every group
// reads back in. The work is in proportion to the text, where
// writeInline may try some 500 choices of marks on the whole of it
// before it gives up. A form that reads back in whole is one writeInline
// takes, so a join this allows is written back; where it does not tell
// (a join the writer makes only with marks chosen span by span, or
// beside a paragraph it cannot write alone), the paragraphs stay apart,
// which loses nothing.
func writesJoined(text string, spans []Span, seam int) bool {
	groups := spanGroups(spans)
	forms := uint16(1<<16 - 1) // the forms every group read so far reads back in
	var sub []Span
	narrow := func(g spanGroup) {
		var lo, hi int
		lo, hi, sub = g.around(text, spans, sub[:0])
		for v := range 16 {
			if forms&(1<<v) != 0 && !readsBack(text[lo:hi], sub, plainForm(v)) {
				forms &^= 1 << v
			}
		}
	}
	for _, g := range groups {
		if g.from <= seam && seam <= g.to {
			narrow(g)
		}
	}
	for _, g := range groups {
		if forms == 0 {
			return false
		}
		if !(g.from <= seam && seam <= g.to) {
			narrow(g)
		}
	}
	tried := 0
	for v := range 16 {
		if forms&(1<<v) == 0 {
			continue
		}
		if readsBack(text, spans, plainForm(v)) {
			return true
		}
		if tried++; tried == maxWholeForms {
			break
		}
	}
	return false
}

// maxWholeForms is how many forms writesJoined writes the whole joined
// text in.
const maxWholeForms = 3

// plainForm returns the form writeInline tries v-th (0 to 15) before it
// chooses marks span by span.
func plainForm(v int) markForm {
	return markForm{escapeAll: v&1 != 0, alt: [2]bool{v&2 != 0, v&4 != 0}, apart: v&8 != 0}
}

// readsBack reports whether text with spans written in form f reads back
// the same, as writeInline asks of each form it tries.
func readsBack(text string, spans []Span, f markForm) bool {
	out := markInline(text, spans, f)
	if trailing := len(out) - len(strings.TrimRight(out, `\`)); trailing%2 == 1 {
		return false // it would escape what is written after it
	}
	t, ss := parseInline(out)
	return t == text && sameSpans(ss, spans)
}

// spanGroup is a group of spans that overlap or touch one another: their
// indices (in their order, which parseInline gives) and the text from:to
// they cover.
type spanGroup struct {
	from, to int
	members  []int
}

// spanGroups returns the groups of spans, in the order of the text.
func spanGroups(spans []Span) []spanGroup {
	order := make([]int, len(spans))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(i, j int) bool { return spans[order[i]].Start < spans[order[j]].Start })
	var groups []spanGroup
	for g := 0; g < len(order); {
		from, to, first := spans[order[g]].Start, spans[order[g]].End, g
		for ; g < len(order) && spans[order[g]].Start <= to; g++ {
			to = max(to, spans[order[g]].End)
		}
		members := order[first:g]
		sort.Ints(members)
		groups = append(groups, spanGroup{from, to, members})
	}
	return groups
}

// around returns the text of group g with a character of text either
// side of it (lo:hi), and the group's spans moved into that text,
// appended to sub: where a mark may open or close depends only on its
// neighbours, so the group can be written and read there alone.
func (g spanGroup) around(text string, spans []Span, sub []Span) (lo, hi int, out []Span) {
	_, before := utf8.DecodeLastRuneInString(text[:g.from])
	_, after := utf8.DecodeRuneInString(text[g.to:])
	lo, hi = g.from-before, g.to+after
	for _, k := range g.members {
		s := spans[k]
		s.Start, s.End = s.Start-lo, s.End-lo
		sub = append(sub, s)
	}
	return lo, hi, sub
}

// paraSpansOf returns the spans of paragraph para, found by binary search
// in spans, which are in the order of their paragraphs.
func paraSpansOf(spans []Span, para int) []Span {
	from := sort.Search(len(spans), func(k int) bool { return spans[k].Para >= para })
	to := from
	for to < len(spans) && spans[to].Para == para {
		to++
	}
	return spans[from:to]
}

// blockAt reports whether a block stands right before paragraph i.
func blockAt(a *Article, i int) bool {
	for k := range a.Blocks {
		if a.Blocks[k].After == i {
			return true
		}
	}
	return false
}

// breakRule applies the rule of repairLayout to paragraph a, which ends
// open, and the paragraph b after it (indented: b's first line was
// indented; last: b is the article's last paragraph).
func breakRule(a, b string, indented, last bool) (join, cut bool) {
	if atMost(a, 16) && !hasInnerPunct(a) || strings.HasSuffix(a, "摄") {
		return false, false
	}
	if indented || opensOwnParagraph(b) {
		return false, false
	}
	if speakerLead(b) || shortSentence(b) && (last || attendance(b)) {
		return false, !atMost(a, 19)
	}
	return true, false
}

// opensOwnParagraph reports a paragraph that begins with a jump line, a
// byline or a list mark.
func opensOwnParagraph(b string) bool {
	if strings.HasPrefix(b, "(上接") || strings.HasPrefix(b, "（上接") || strings.HasPrefix(b, "(接") || strings.HasPrefix(b, "（接") {
		return true
	}
	if leadBylineEnd(b) > 0 || isStandaloneByline(b) {
		return true
	}
	r, n := utf8.DecodeRuneInString(b)
	switch {
	case strings.ContainsRune("■□●○◆◇▲△★☆•", r):
		return true
	case r == '（' || r == '(':
		// （一） (1)
		if g := bracketGroup(b); g > 0 && g <= 12 {
			_, ok := parseNumber(b[n : g-utf8.RuneLen(lastRune(b[:g]))])
			return ok
		}
	case chineseDigit(r) >= 0 || chineseUnit(r) > 0 || r >= '0' && r <= '9':
		// 一、 十二、 1、 2.
		rest := b
		for rest != "" {
			r2, n2 := utf8.DecodeRuneInString(rest)
			if !(chineseDigit(r2) >= 0 || chineseUnit(r2) > 0 || r2 >= '0' && r2 <= '9') {
				break
			}
			rest = rest[n2:]
		}
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "．")
	}
	return false
}

// speakerVerbs introduce what someone said.
var speakerVerbs = [...]string{"表示", "指出", "强调", "认为", "介绍", "透露", "坦言", "说", "称"}

// speakerLead reports a paragraph that opens with a speaker and a verb of
// saying: 王毅表示，… 张兰指出：…
func speakerLead(b string) bool {
	n := 0
	for i, r := range b {
		if n > 8 {
			return false
		}
		if !isHan(r) {
			return false
		}
		if n >= 2 {
			for _, v := range speakerVerbs {
				if rest, ok := strings.CutPrefix(b[i:], v); ok {
					switch firstRune(rest) {
					case '，', ',', '：', ':':
						return true
					}
				}
			}
		}
		n++
	}
	return false
}

// shortSentence reports a paragraph of one short sentence: 5–30
// characters, ending with a full stop, with no other punctuation that
// separates clauses.
func shortSentence(b string) bool {
	return atMost(b, 30) && !atMost(b, 4) && isSentenceEnd(lastRune(b)) && !hasInnerPunct(b)
}

// attendance reports a sentence saying who attended: …参加会见。 …出席。
func attendance(b string) bool {
	for _, w := range [...]string{"参加", "出席", "陪同", "会见", "主持"} {
		if strings.Contains(b, w) {
			return true
		}
	}
	return false
}
