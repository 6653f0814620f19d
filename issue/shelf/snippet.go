package shelf

import (
	"slices"
	"strings"
	"unicode/utf8"

	"dubao/issue"
	"dubao/issue/internal/vec"
	"dubao/issue/search"
)

// lineMem is where a search worker makes the lines and titles of its
// hits: in blocks that each hold many of them, not in an allocation of
// each (and not cleared first, as a strings.Builder grows). What is made
// in a block is never written again, and a block lives as long as one
// of its strings does. It also keeps the list the hits of an issue are
// gathered in (hits, own). A nil lineMem makes each string in memory of
// its own, and each list.
type lineMem struct {
	block   strings.Builder   // the current block
	scratch []Hit             // the list hits gives, as long as the longest yet
	where   []place           // the list places gives
	ranges  []issue.TextRange // an article's pieces (orderedIn)

	// With a maker (SearchOptions.Lines), the hits are not kept but
	// made into lines, in lines (nLines of them), as they are found.
	maker  LineMaker
	lines  []byte
	nLines int
	first  bool // the next hit is the first of the issue
	most   int  // the longest lines of an issue yet
	text   HitText
	// free holds the lines of batches released (Batch.Release), which
	// the next issue's are made in.
	free chan []byte
}

// appendText makes the hit of the match [start, end) in p, the piece i
// of the article at tells, into lines with m.maker (see appendHit).
func (m *lineMem) appendText(at *Hit, headline func() string, i int, p string, start, end int) {
	article := at.Title == ""
	if article {
		// A view: the maker sees it only during its call.
		at.Title = headline()
	}
	from, to, lead, trail := snippetBounds(p, start, end)
	off := start - from
	if lead {
		off += len("…")
	}
	h := &m.text // field by field: no HitText made and copied
	if article = article || m.first; article {
		// The article's, kept for its other hits.
		h.Entry, h.Page, h.N, h.Title = at.Entry, at.Page, at.N, at.Title
	}
	h.Match, h.Pos, h.First, h.Article = [2]int{off, off + end - start}, issue.Pos{Piece: i, Offset: start}, m.first, article
	h.text, h.from, h.to, h.lead, h.trail = p, from, to, lead, trail
	n := len(m.lines)
	m.lines = m.maker.AppendHit(m.lines, h)
	if len(m.lines) != n {
		m.nLines++
	}
	m.first = false
}

// takeLines returns the lines made of the issue's hits, theirs to keep,
// and how many hits made them; m starts the next issue's anew.
func (m *lineMem) takeLines() ([]byte, int) {
	if m == nil || m.maker == nil {
		return nil, 0
	}
	b, n := m.lines, m.nLines
	if n > 0 {
		b = m.maker.EndIssue(b)
	}
	m.lines, m.nLines, m.first = nil, 0, true
	m.text.text, m.text.Title = "", "" // not kept past the issue's buffer
	m.most = max(m.most, len(b))
	return b, n
}

// places returns an empty list of places (see searchOutlined), to be
// handed back to keepPlaces when done with.
func (m *lineMem) places() []place {
	if m == nil {
		return nil
	}
	return m.where[:0]
}

// keepPlaces keeps the list places gave, grown, for the next issue.
func (m *lineMem) keepPlaces(p []place) {
	if m != nil && cap(p) > cap(m.where) {
		m.where = p[:0]
	}
}

// hits returns an empty list to append an issue's hits to, to be
// handed to own once they are all there: it grows once for the whole
// search, not hit by hit for each issue.
func (m *lineMem) hits() []Hit {
	if m == nil {
		return nil
	}
	// The lines of the hits found before, when any, are made anew too.
	m.lines, m.nLines, m.first = m.lines[:0], 0, true
	m.text.text, m.text.Title = "", ""
	if m.maker != nil && m.lines == nil {
		select {
		case b := <-m.free: // none when free is nil
			m.lines = b[:0]
		default:
			// As long as the longest yet (up to a point): the lines
			// are not copied as they grow.
			m.lines = make([]byte, 0, min(max(m.most, 4<<10), 256<<10))
		}
	}
	return m.scratch[:0]
}

// own returns a list of its own with the hits of the list hits (or any)
// gave, which it keeps for the next issue.
func (m *lineMem) own(hits []Hit) []Hit {
	if len(hits) == 0 {
		return nil
	}
	if m == nil {
		return hits
	}
	if cap(hits) > cap(m.scratch) {
		m.scratch = hits[:0]
	}
	return slices.Clone(hits)
}

// lineBlock is the size of a lineMem's blocks: some hundred lines.
const lineBlock = 32 << 10

// builder returns the builder to write a string of n bytes in: the
// current block, or a new one when it has no room left; a builder of
// its own for a long string, or when m is nil.
func (m *lineMem) builder(n int) *strings.Builder {
	if m == nil || n > lineBlock/8 {
		b := new(strings.Builder)
		b.Grow(n)
		return b
	}
	if m.block.Cap()-m.block.Len() < n {
		m.block = strings.Builder{}
		m.block.Grow(lineBlock)
	}
	return &m.block
}

// clone returns a copy of s made in m (strings.Clone).
func (m *lineMem) clone(s string) string {
	b := m.builder(len(s))
	at := b.Len()
	b.WriteString(s)
	return b.String()[at:]
}

// snippet returns the text around text[start:end] on one line: back to the
// start of its sentence and on to its end, at most snippetRunes characters
// each side (cut with …), and the match's range in it.
func snippet(text string, start, end int) (string, [2]int) {
	return (*lineMem)(nil).snippet(text, start, end)
}

// snippet is the package's snippet, made in m.
func (m *lineMem) snippet(text string, start, end int) (string, [2]int) {
	from, to, lead, trail := snippetBounds(text, start, end)
	n := to - from
	if lead {
		n += len("…")
	}
	if trail {
		n += len("…")
	}
	b := m.builder(n)
	at := b.Len()
	if lead {
		b.WriteString("…")
	}
	writeOneLine(b, text[from:to])
	if trail {
		b.WriteString("…")
	}
	off := start - from
	if lead {
		off += len("…")
	}
	return b.String()[at:], [2]int{off, off + end - start}
}

// snippetBounds returns where the snippet of text[start:end] starts and
// ends in text, and whether it is cut there (shown with …). The
// characters are read from the bytes: ASCII, and the three-byte
// characters of Chinese text, without decoding them; only others are
// decoded (lastRune and firstRune are the reference).
func snippetBounds(text string, start, end int) (from, to int, lead, trail bool) {
	// The walks pass the characters the marks of their bytes tell
	// (vec.MarksWalk), and go on one by one from where those end.
	// atEnd: the walk back stopped at a sentence end; ends: the walk on
	// stopped after a sentence end (and its closing marks).
	from, n, atEnd, to, nOn, ends := vec.MarksWalk(text, start, end, snippetRunes)
	for ; !atEnd && from > 0 && n < snippetRunes; n++ {
		// A run of Han characters first, with the fewest tests.
		for from >= 3 && hanAt(text[from-3:from]) {
			from -= 3
			if n++; n == snippetRunes {
				break
			}
		}
		if from == 0 || n == snippetRunes {
			break
		}
		size := 1
		if c := text[from-1]; c < utf8.RuneSelf {
			if c == '!' || c == '?' || c == ';' {
				atEnd = true
				break
			}
		} else if from >= 3 && valid3(text[from-3], text[from-2], c) {
			if sentenceEnd3(text[from-3], text[from-2], c) {
				atEnd = true
				break
			}
			size = 3
		} else {
			r, rs := utf8.DecodeLastRuneInString(text[:from])
			if sentenceEnd(r) {
				atEnd = true
				break
			}
			size = rs
		}
		from -= size
	}
	// A sentence that ends inside quotes (…。”) ends after them: the
	// snippet neither starts with the quote closing the sentence before
	// nor loses its own.
	atSentence := atEnd // from starts a sentence
	if !atEnd && from > 0 {
		// The walk stopped at its length: the character it did not
		// read may end a sentence.
		r, _ := lastRune(text[:from])
		atSentence = sentenceEnd(r)
	}
	if atSentence {
		for from < start && mayClose(text[from]) {
			c, size := firstRune(text[from:])
			if !closingMark(c) {
				break
			}
			from += size
		}
	}
	if ends {
		to = passClosing(text, to)
	}
	for n := nOn; !ends && to < len(text) && n < snippetRunes; n++ {
		for to+3 <= len(text) && hanAt(text[to:to+3]) {
			to += 3
			if n++; n == snippetRunes {
				break
			}
		}
		if to == len(text) || n == snippetRunes {
			break
		}
		if c := text[to]; c < utf8.RuneSelf {
			ends = c == '!' || c == '?' || c == ';'
			to++
		} else if to+3 <= len(text) && valid3(c, text[to+1], text[to+2]) {
			ends = sentenceEnd3(c, text[to+1], text[to+2])
			to += 3
		} else {
			r, size := utf8.DecodeRuneInString(text[to:])
			ends = sentenceEnd(r)
			to += size
		}
		if ends {
			to = passClosing(text, to)
			break
		}
	}
	// Never cut a number or a Latin word in two (14.2亿 is not 4.2亿).
	walked, walkedOn := from, to
	for n := 0; n < snippetRunes && mayCut(text, from) && search.CutsWord(text, from); n++ {
		_, size := lastRune(text[:from])
		from -= size
	}
	for n := 0; n < snippetRunes && mayCut(text, to) && search.CutsWord(text, to); n++ {
		_, size := firstRune(text[to:])
		to += size
	}
	if from > 0 && !atSentence {
		// Where the walk stopped, the character before is no sentence
		// end (atSentence).
		lead = true
		if from != walked {
			r, _ := lastRune(text[:from])
			lead = !sentenceEnd(r)
		}
	}
	if to < len(text) && (!ends || to != walkedOn) {
		r, _ := lastRune(text[:to])
		trail = !sentenceEnd(r) && !closingMark(r)
	}
	return from, to, lead, trail
}

// passClosing returns where the closing marks (closingMark) at text[to:]
// end: those after a sentence end, which the snippet keeps.
func passClosing(text string, to int) int {
	for to < len(text) && mayClose(text[to]) {
		c, size := firstRune(text[to:])
		if !closingMark(c) {
			break
		}
		to += size
	}
	return to
}

// mayClose reports whether a closing mark (closingMark) may start with
// the byte b: ” ’ (E2), 」 』 】 〕 》 (E3), ） (EF), ) " '.
func mayClose(b byte) bool { return closeLeads[b] }

// closeLeads holds the bytes a closing mark may start with (mayClose).
var closeLeads = [256]bool{0xE2: true, 0xE3: true, 0xEF: true, ')': true, '"': true, '\'': true}

// hanAt reports whether the three bytes of s are a character of
// U+4000–U+9FFF (lead byte E4–E9: the Han characters of Chinese text):
// valid, and no sentence end. The bounds pass runs of them first, with
// the fewest tests.
func hanAt(s string) bool {
	_ = s[2]
	return s[0]-0xE4 < 6 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80
}

// mayCut reports whether i may cut a word (search.CutsWord): not when
// the character at i is one of U+2000–U+9FFF (lead byte E2–E9), nor at
// either end of text, which CutsWord reports without its call.
func mayCut(text string, i int) bool {
	return i > 0 && i < len(text) && (text[i] < 0xE2 || text[i] > 0xE9)
}

// valid3 reports whether c0 c1 c2 is a valid three-byte character (as
// firstRune and lastRune decode it: U+0800–U+FFFF but the surrogates).
func valid3(c0, c1, c2 byte) bool {
	return c0&0xF0 == 0xE0 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 &&
		(c0 != 0xE0 || c1 >= 0xA0) && (c0 != 0xED || c1 < 0xA0)
}

// sentenceEnd3 reports whether the valid three-byte character c0 c1 c2
// ends a sentence (sentenceEnd): 。 ！ ？ ；
func sentenceEnd3(c0, c1, c2 byte) bool {
	switch {
	case c0 == 0xE3:
		return c1 == 0x80 && c2 == 0x82 // 。
	case c0 == 0xEF:
		return c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F || c2 == 0x9B) // ！ ？ ；
	}
	return false
}

// writeOneLine writes s to b with tabs and line breaks turned into
// spaces (each one byte, so byte offsets stay the same).
func writeOneLine(b *strings.Builder, s string) {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\t') < 0 && strings.IndexByte(s, '\r') < 0 {
		b.WriteString(s)
		return
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
}

// appendOneLine appends s to b with tabs and line breaks turned into
// spaces, as writeOneLine writes it.
func appendOneLine(b []byte, s string) []byte {
	at := len(b)
	b = append(b, s...)
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\t') < 0 && strings.IndexByte(s, '\r') < 0 {
		return b
	}
	for i, c := range b[at:] {
		switch c {
		case '\t', '\n', '\r':
			b[at+i] = ' '
		}
	}
	return b
}

// closingMark reports a closing quote or bracket, which follows the end
// of a sentence said inside it: …。” …！」
func closingMark(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '】', '〕', '》', '"', '\'':
		return true
	}
	return false
}

// sentenceEnd reports whether r ends a sentence.
func sentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';':
		return true
	}
	return false
}
