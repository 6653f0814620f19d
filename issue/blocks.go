package issue

import (
	"strings"
	"unicode/utf8"
)

// blockKind says what a block of source lines is.
type blockKind uint8

const (
	bPara    blockKind = iota // a paragraph of text
	bHeading                  // a Markdown heading (level in block.level)
	bPage                     // a page line: 第二版 综合新闻
	bBold                     // a line that is all bold: **小标题**
	bQuote                    // block quote lines
	bList                     // list items
	bTable                    // pipe table rows
	bImage                    // ![alt](src) or <figure>
	bMeta                     // <!-- dubao:… --> written by WriteMarkdown
	bCode                     // a fenced code block
	bTyped                    // a paragraph WriteMarkdown marked as a block of a kind: <!-- dubao:photo_credit -->
	bRepeat                   // a page's repeat of an article: <!-- dubao:repeat 1 "标题" -->
)

// block is one structural unit of the source: a paragraph, a heading, a
// table… Text fields are substrings of the source where possible. A block
// is small (a parse makes one per paragraph, 56 bytes): what only lists,
// tables, images, code and markers need, and the inline spans that few
// paragraphs have, is in its blockExtra, which is nil for the others.
type block struct {
	kind    blockKind
	indent  bool  // the paragraph's first line was indented
	blank   bool  // a blank line (or the start of the text) comes before it
	sep     bool  // a thematic break or an HTML comment comes before it
	ordered bool  // bList
	titled  bool  // bImage: the image line had a title, even an empty one
	raw     bool  // a skeleton parse's paragraph, its inline markup unread (see exact)
	jump    bool  // a skeleton parse's paragraph or quote that may end with a jump line or a citation (closesLikeJump)
	line    int32 // index of its first line (an issue is under MaxSize, 1 GB)
	end     int32 // index after its last line
	page    int32 // bPage
	level   int   // heading level
	text    string
	*blockExtra
}

// spans returns the inline spans of the block's text, items (Row) or
// cells (Row, Col).
func (b *block) spans() []Span {
	if b.blockExtra == nil {
		return nil
	}
	return b.blockExtra.inline
}

// setSpans sets the block's inline spans; a block without any keeps no
// blockExtra for them.
func (b *block) setSpans(s []Span) {
	if b.blockExtra == nil {
		if s == nil {
			return
		}
		b.blockExtra = &blockExtra{}
	}
	b.blockExtra.inline = s
}

// inlineText reads the inline Markdown of s (see parseInline): it returns
// the text and sets the block's spans.
func (b *block) inlineText(s string) string {
	text, spans := parseInline(s)
	b.setSpans(spans)
	return text
}

// blockExtra holds the fields of the kinds of block other than
// paragraphs, headings and page lines.
type blockExtra struct {
	inline  []Span     // see block.spans
	items   []string   // bList
	levels  []int      // bList: nesting depth of each item, nil when all are 0
	marker  string     // bList: the bullet glyph as printed (■), or empty
	rows    [][]string // bTable
	src     string     // bImage
	alt     string     // bImage
	caption string     // bImage: a caption given with the image itself
	jumps   []string   // bMeta: stitched jump lines
	lang    string     // bCode: the fence's info string
	typed   BlockKind  // bTyped: the kind of block
	repeat  Repeat     // bRepeat
}

// lineInfo describes one source line in 24 bytes (a large issue has
// millions): the line, and where its trimmed text starts and ends in it.
type lineInfo struct {
	raw  string // the line without its '\n'
	lead uint32 // the spaces trimmed at its start (lines are under MaxSize, 1 GB)
	// tail is the length of the spaces trimmed at its end, with
	// lineIndented set when the line starts indented (see isIndented).
	tail uint32
}

// lineIndented is the bit of lineInfo.tail that says the line is indented.
const lineIndented = 1 << 31

// newLine describes the line raw.
// It runs on every line: the ends are trimmed only when their bytes may
// be spaces (mayStartSpace, mayEndSpace), and an indented line starts
// with a space, so only a line with spaces at its start is tested.
func newLine(raw string) lineInfo {
	l := raw
	if len(l) > 0 && mayStartSpace(l[0]) {
		l = trimLeftSpace(l)
	}
	t := l
	if len(t) > 0 && mayEndSpace(t) {
		t = trimRightSpace(t)
	}
	lead, tail := uint32(len(raw)-len(l)), uint32(len(l)-len(t))
	if lead > 0 && isIndented(raw) {
		tail |= lineIndented
	}
	return lineInfo{raw: raw, lead: lead, tail: tail}
}

// text is the line without the spaces at its ends.
func (l *lineInfo) text() string {
	return l.raw[l.lead : len(l.raw)-int(l.tail&^lineIndented)]
}

// indent reports a line that starts indented (see isIndented).
func (l *lineInfo) indent() bool { return l.tail&lineIndented != 0 }

// splitLines cuts text into lines. text has LF line endings.
func splitLines(text string) []lineInfo {
	return appendLines(make([]lineInfo, 0, strings.Count(text, "\n")+1), text)
}

// appendLines appends the lines of text to lines.
//
// Half the lines of a text with blank lines between its paragraphs are
// empty: those are told by their first byte, without a search.
func appendLines(lines []lineInfo, text string) []lineInfo {
	for len(text) > 0 {
		if text[0] == '\n' {
			lines = append(lines, lineInfo{raw: text[:0]})
			text = text[1:]
			continue
		}
		i := strings.IndexByte(text, '\n')
		var raw string
		if i < 0 {
			raw, text = text, ""
		} else {
			raw, text = text[:i], text[i+1:]
		}
		lines = append(lines, newLine(raw))
	}
	return lines
}

// isIndented reports a line that starts with a full-width space, a
// no-break space or at least two spaces.
func isIndented(raw string) bool {
	return strings.HasPrefix(raw, "\u3000") || strings.HasPrefix(raw, "  ") || strings.HasPrefix(raw, "\u00a0") ||
		strings.HasPrefix(raw, " \u3000")
}

// headingLevel returns the level of an ATX heading line (# … ######) and
// its text, or 0.
func headingLevel(t string) (int, string) {
	n := 0
	for n < len(t) && n < 7 && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0, ""
	}
	if n < len(t) && t[n] != ' ' {
		return 0, ""
	}
	text := trimSpace(t[n:])
	// A closing sequence of #s after a space is markup.
	if k := strings.TrimRight(text, "#"); len(k) < len(text) && (k == "" || strings.HasSuffix(k, " ")) {
		text = trimSpace(k)
	}
	return n, text
}

// listItem recognises a list item line: "- x", "* x", "+ x", "• x",
// "■ x", "1. x", "2) x". ■●◆▲ bullets need a space after them.
func listItem(t string) (text string, ordered bool, ok bool) {
	text, ordered, _, ok = listItemMarker(t)
	return text, ordered, ok
}

// listBullets are the glyphs that make a list item when a space follows.
const listBullets = "•■●◆▲▶"

// listItemMarker is listItem that also returns a glyph bullet (■) as
// printed; Markdown's - * + and numbers give "".
func listItemMarker(t string) (text string, ordered bool, marker string, ok bool) {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return trimSpace(t[2:]), false, "", true
	}
	// Every bullet is encoded from 0xE2 on (TestListBulletsLeadByte): a
	// line that starts otherwise, as Chinese text does, is not decoded.
	if len(t) > 0 && t[0] == 0xE2 {
		if r, n := utf8.DecodeRuneInString(t); strings.ContainsRune(listBullets, r) {
			rest := t[n:]
			if r2, n2 := utf8.DecodeRuneInString(rest); isSpaceRune(r2) && n2 > 0 {
				return trimSpace(rest), false, t[:n], true
			}
			return "", false, "", false
		}
	}
	d := 0
	for d < len(t) && d < 3 && isASCIIDigit(t[d]) {
		d++
	}
	if d > 0 && d+1 < len(t) && (t[d] == '.' || t[d] == ')') && t[d+1] == ' ' {
		return trimSpace(t[d+2:]), true, "", true
	}
	return "", false, "", false
}

// indentWidth returns the columns of a raw line's leading space: a space
// one, a tab four, a full-width space two.
func indentWidth(raw string) int {
	w := 0
	for _, r := range raw {
		switch r {
		case ' ', '\u00a0':
			w++
		case '\t':
			w += 4
		case '\u3000':
			w += 2
		default:
			return w
		}
	}
	return w
}

// fence reports a line that opens or closes a fenced code block: three or
// more backticks or tildes and perhaps a language name, and returns the
// fence character, its length and the language.
func fence(t string) (c byte, n int, info string, ok bool) {
	if len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return 0, 0, "", false
	}
	c = t[0]
	n = runLen(t, 0, c)
	if n < 3 {
		return 0, 0, "", false
	}
	info = trimSpace(t[n:])
	for i := 0; i < len(info); i++ {
		// The info string names a language (go, c++, objective-c): any
		// other text after the backticks is text, not a fence.
		if b := info[i]; !isASCIIAlnum(b) && !strings.ContainsRune("_+.#-", rune(b)) {
			return 0, 0, "", false
		}
	}
	return c, n, info, true
}

// typedPrefix opens the comment WriteMarkdown writes before a paragraph
// that is a block of a kind of its own: <!-- dubao:photo_credit -->.
const typedPrefix = "<!-- dubao:"

// typedKinds are the kinds of block written as a marked paragraph.
var typedKinds = [...]BlockKind{BlockAttribution, BlockPhotoCredit, BlockLayoutCredit, BlockByline}

// typedComment returns the kind a comment line marks, or "".
func typedComment(t string) BlockKind {
	rest, ok := strings.CutPrefix(t, typedPrefix)
	if !ok {
		return ""
	}
	name, ok := strings.CutSuffix(rest, " -->")
	if !ok {
		return ""
	}
	for _, k := range typedKinds {
		if string(k) == name {
			return k
		}
	}
	return ""
}

// isRule reports a thematic break: --- *** ___ (three or more, spaces
// between allowed).
func isRule(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// imageLine parses a Markdown image that fills a line: ![alt](src "title").
func imageLine(t string) (alt, src, title string, ok bool) {
	alt, src, title, _, ok = imageLineTitled(t)
	return alt, src, title, ok
}

// imageLineTitled is imageLine, and reports whether a title was given
// (even an empty one: ![](x.png "")).
func imageLineTitled(t string) (alt, src, title string, titled, ok bool) {
	if !strings.HasPrefix(t, "![") || !strings.HasSuffix(t, ")") {
		return "", "", "", false, false
	}
	i := -1
	for k := 2; k+1 < len(t); k++ {
		if t[k] == '\\' {
			k++
			continue
		}
		if t[k] == ']' {
			if t[k+1] != '(' {
				return "", "", "", false, false
			}
			i = k
			break
		}
	}
	if i < 0 {
		return "", "", "", false, false
	}
	alt = t[2:i]
	target := trimSpace(t[i+2 : len(t)-1])
	if strings.HasPrefix(target, "<") {
		if j := unescapedIndex(target, '>'); j > 0 {
			src, target = unescapeMarkdown(target[1:j]), trimSpace(target[j+1:])
		}
	} else {
		j := strings.IndexByte(target, ' ')
		if j < 0 {
			src, target = target, ""
		} else {
			src, target = target[:j], trimSpace(target[j+1:])
		}
	}
	if len(target) >= 2 && target[0] == '"' && target[len(target)-1] == '"' {
		title, titled = unescapeMarkdown(target[1:len(target)-1]), true
	} else if target != "" {
		return "", "", "", false, false
	}
	return unescapeMarkdown(alt), src, title, titled, true
}

// unescapedIndex is the index of the first c in s not escaped by a
// backslash, or -1.
func unescapedIndex(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case c:
			return i
		}
	}
	return -1
}

// unescapeMarkdown removes backslash escapes before ASCII punctuation.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isASCIIPunct reports ASCII punctuation.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// tableCells splits a pipe table row into trimmed cells. As in GFM, a |
// after an odd run of backslashes is an escaped pipe, kept in its cell
// with the one backslash before it removed; after an even run (none
// included) the backslashes escape each other and the | is a border.
func tableCells(t string) []string {
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !escapedAt(t, len(t)-1) {
		t = t[:len(t)-1]
	}
	var cells []string
	start := 0
	escaped := false
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			if i+1 < len(t) {
				escaped = escaped || t[i+1] == '|'
				i++ // a backslash escapes the next byte, a backslash too
			}
		case '|':
			cells = append(cells, cellText(t[start:i], escaped))
			start, escaped = i+1, false
		}
	}
	return append(cells, cellText(t[start:], escaped))
}

// escapedAt reports whether the byte at i follows an odd run of
// backslashes.
func escapedAt(t string, i int) bool {
	n := 0
	for i > n && t[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// cellText trims a cell and removes the backslash of each escaped |: in
// a cell every | follows an odd run of backslashes.
func cellText(s string, escaped bool) string {
	s = trimSpace(s)
	if escaped {
		s = strings.ReplaceAll(s, "\\|", "|")
	}
	return s
}

// isTableRule reports the row under a table's header: | --- | :-: |.
func isTableRule(t string) bool {
	dash := false
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-':
			dash = true
		case '|', ':', ' ':
		default:
			return false
		}
	}
	return dash
}

// boldLine returns the text of a line that is all bold: **text**, its
// backslash escapes removed.
func boldLine(t string) (string, bool) {
	inner, ok := boldInner(t)
	if !ok {
		return "", false
	}
	return unescapeMarkdown(inner), true
}

// boldInner returns what stands between the marks of a line that is all
// bold: **text**, as written.
func boldInner(t string) (string, bool) {
	if len(t) <= 4 || !strings.HasPrefix(t, "**") || !strings.HasSuffix(t, "**") {
		return "", false
	}
	inner := t[2 : len(t)-2]
	if strings.Contains(inner, "**") || trimSpace(inner) != inner || strings.HasSuffix(inner, "\\") && !strings.HasSuffix(inner, "\\\\") {
		return "", false
	}
	return inner, true
}

// figure parses an HTML <figure> block (already joined into one string):
// the src and alt of its <img> and the text of its <figcaption>.
func figure(html string) (src, alt, caption string) {
	attr := func(tag, name string) string {
		i := strings.Index(tag, name+"=")
		if i < 0 {
			return ""
		}
		v := tag[i+len(name)+1:]
		if v == "" {
			return ""
		}
		q := v[0]
		if q != '"' && q != '\'' {
			j := strings.IndexAny(v, " ><")
			if j < 0 {
				return v
			}
			return v[:j]
		}
		j := strings.IndexByte(v[1:], q)
		if j < 0 {
			return ""
		}
		return v[1 : j+1]
	}
	if i := strings.Index(html, "<img"); i >= 0 {
		tag := html[i:]
		if j := strings.IndexByte(tag, '>'); j >= 0 {
			tag = tag[:j]
		}
		src, alt = attr(tag, "src"), attr(tag, "alt")
	}
	return src, alt, figcaption(html)
}

// figcaption returns the text of the <figcaption> of an HTML figure.
func figcaption(html string) string {
	i := strings.Index(html, "<figcaption")
	if i < 0 {
		return ""
	}
	rest := html[i:]
	j := strings.IndexByte(rest, '>')
	if j < 0 {
		return ""
	}
	rest = rest[j+1:]
	if k := strings.Index(rest, "</figcaption"); k >= 0 {
		rest = rest[:k]
	}
	return trimSpace(stripTags(rest))
}

// stripTags removes HTML tags (<a …>, </a>, <!…>) from s; a < that opens
// no tag (no > before the next <) is text.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		// A tag runs to the next >, with no < inside.
		j := strings.IndexAny(s[i+1:], "<>")
		if j < 0 || s[i+1+j] == '<' || !isTagStart(s[i+1]) {
			b.WriteByte('<')
			s = s[i+1:]
			continue
		}
		s = s[i+1+j+1:]
	}
}

// inTag reports whether html ends inside a tag: after a < that opens one
// as stripTags reads it (a letter, / or ! after it), with no > since. A
// line that starts with > after it ends the tag; otherwise, after a > or
// a < that opens none (<, then a space: text), it opens a quote
// (FuzzParse 8564654b959434da).
func inTag(html string) bool {
	lt := strings.LastIndexByte(html, '<')
	return lt > strings.LastIndexByte(html, '>') && lt+1 < len(html) && isTagStart(html[lt+1])
}

// isTagStart reports a byte that can follow < in an HTML tag.
func isTagStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!'
}

// metaPrefix opens the comment WriteMarkdown writes for the jump lines of
// a stitched article.
const metaPrefix = "<!-- dubao:stitched "

// blocker turns lines into blocks.
type blocker struct {
	lines []lineInfo
	// blankMode: paragraphs are separated by blank lines, and consecutive
	// text lines are one paragraph (Markdown). Otherwise every line is a
	// paragraph (plain-text exports).
	blankMode bool
	// inline: the text is Markdown whose inline markup (emphasis, code,
	// links, backslash escapes) is read into spans (see parseInline).
	inline bool
	out    []block
	hard   bool // the last paragraph ended at a Markdown hard break
	// noFence remembers the fences (character, length) with no closing
	// line from a line on.
	noFence map[[2]int]int
	// noCommentEnd is 1 + the line from which no comment is closed, or 0.
	noCommentEnd int
	// skeleton: the blocks are for a skeleton parse (see
	// SummarizeOwned): a paragraph's inline markup is left unread
	// (block.raw) where reading it cannot leave the paragraph empty; a
	// paragraph or a quote that may end with a jump line or a citation
	// (what only a whole parse reads) is marked (block.jump), and past the
	// blocks that may be the masthead sets sawJump, after which every
	// paragraph is read exactly.
	skeleton bool
	sawJump  bool
	// reachedEnd says that a block looked for its end (a closing fence,
	// comment or figure tag) up to the last line and found none: what
	// follows the lines could change the blocks (see Stream).
	reachedEnd bool
}

// unescapeStart returns a line that starts with a backslash escape
// without it; under inline Markdown an escaped ASCII punctuation mark is
// left for parseInline.
func (bk *blocker) unescapeStart(t string) string {
	if bk.inline && isASCIIPunct(t[1]) {
		return t
	}
	return t[1:]
}

// escapedStart reports a line that starts with a backslash escape.
func escapedStart(t string) bool {
	return len(t) > 1 && t[0] == '\\' && !isSpaceRune(firstRune(t[1:]))
}

// detectBlankMode decides whether paragraphs are separated by blank lines:
// true when at least a third of the lines are blank.
func detectBlankMode(lines []lineInfo) bool {
	blank := 0
	for i := range lines {
		if lines[i].text() == "" {
			blank++
		}
	}
	return blank*3 >= len(lines)
}

// run builds the blocks of lines[from:].
func (bk *blocker) run(from int) []block {
	lines := bk.lines
	if bk.out == nil {
		bk.out = make([]block, 0, (len(lines)-from)/2+4)
	}
	blank, sep := true, false
	for i := from; i < len(lines); {
		ln := &lines[i]
		t := ln.text()
		if t == "" {
			blank = true
			i++
			continue
		}
		start := i
		b := block{blank: blank, sep: sep, line: int32(i), indent: ln.indent()}
		blank, sep = false, false
		switch c := t[0]; {
		case c == '\\' && escapedStart(t):
			// An escaped line start: the rest is plain text.
			b.kind, b.text = bPara, bk.unescapeStart(t)
			i++
			i = bk.paragraph(&b, i)
		case c == '#':
			if lv, text := headingLevel(t); lv > 0 {
				b.kind, b.level, b.text = bHeading, lv, text
				switch {
				case escapedStart(text):
					// An escaped heading text: never a page line.
					b.text = bk.unescapeStart(text)
				case lv == 1:
					if p, name, ok := parsePageHeading(text); ok {
						b.kind, b.page, b.text = bPage, int32(p), name
					}
				default:
					if p, name, ok := parsePageLine(text); ok {
						b.kind, b.page, b.text = bPage, int32(p), name
					}
				}
				if bk.inline && b.kind == bHeading {
					b.text = plainInline(b.text)
				}
				i++
				break
			}
			b.kind, b.text = bPara, t
			i = bk.paragraph(&b, i+1)
		case c == '>':
			b.kind = bQuote
			var sb strings.Builder
			prevEmpty := false
			last := ""
			for i < len(lines) && strings.HasPrefix(lines[i].text(), ">") {
				q := trimSpace(lines[i].text()[1:])
				if len(q) > 1 && q[0] == '\\' && isASCIIPunct(q[1]) && !bk.inline {
					q = q[1:]
				}
				switch {
				case q == "":
					prevEmpty = true
				case sb.Len() == 0:
					sb.WriteString(q)
				case prevEmpty:
					sb.WriteString("\n")
					sb.WriteString(q)
					prevEmpty = false
				default:
					writeSoft(&sb, last, q)
				}
				if q != "" {
					last = q
				}
				i++
			}
			b.text = sb.String()
			if bk.inline {
				b.text = b.inlineText(b.text)
			}
			if b.text == "" {
				// An empty quote: no block, and the break a rule put
				// before it stays for the next (---, >, then text).
				sep = b.sep
				continue
			}
		case c == '|':
			b.kind, b.blockExtra = bTable, &blockExtra{}
			for i < len(lines) && strings.HasPrefix(lines[i].text(), "|") {
				row := lines[i].text()
				if !(i == start+1 && isTableRule(row)) {
					cells := tableCells(row)
					if bk.inline {
						for c := range cells {
							var ss []Span
							cells[c], ss = parseInline(cells[c])
							for _, sp := range ss {
								sp.Row, sp.Col = len(b.rows), c
								b.setSpans(append(b.spans(), sp))
							}
						}
					}
					b.rows = append(b.rows, cells)
				}
				i++
			}
		case c == '<' && bk.inline && strings.HasPrefix(t, typedPrefix) && typedComment(t) != "" && i+1 < len(lines) && lines[i+1].text() != "":
			// A paragraph marked as a block of a kind of its own.
			b.blockExtra = &blockExtra{typed: typedComment(t)}
			b.kind, b.line = bTyped, int32(i+1)
			t = lines[i+1].text()
			if escapedStart(t) {
				t = bk.unescapeStart(t)
			}
			b.text = t
			i = bk.paragraph(&b, i+2)
			if bk.inline {
				b.text = b.inlineText(b.text)
			}
		case c == '<' && bk.inline && strings.HasPrefix(t, repeatPrefix):
			r, ok := readRepeat(t)
			if !ok {
				b.kind, b.text = bPara, t
				i = bk.paragraph(&b, i+1)
				break
			}
			b.blockExtra = &blockExtra{repeat: r}
			b.kind = bRepeat
			i++
			// On a line of its own, as any comment there, it parts the
			// paragraphs around it (FuzzParse 5233241b9023cad7).
			sep = true
		case c == '<' && strings.HasPrefix(t, "<!--"):
			// An HTML comment: markup, unless it is ours; never closed,
			// it is text.
			j := i
			if bk.noCommentEnd > 0 && i >= bk.noCommentEnd-1 {
				j = len(lines)
			}
			for j < len(lines) && !strings.Contains(lines[j].text(), "-->") {
				j++
			}
			if j == len(lines) {
				bk.reachedEnd = true
				bk.noCommentEnd = i + 1
				b.kind, b.text = bPara, t
				i = bk.paragraph(&b, i+1)
				break
			}
			if strings.HasPrefix(t, metaPrefix) && j == i {
				b.kind, b.blockExtra = bMeta, &blockExtra{}
				inner := strings.TrimSuffix(strings.TrimPrefix(t, metaPrefix), "-->")
				for _, j := range findJumps(inner, -1) {
					b.jumps = append(b.jumps, j.Text)
				}
				i++
				break
			}
			// Text after the comment's end is text: a paragraph that
			// starts there, apart from the one before as after a
			// comment on a line of its own.
			end := lines[j].text()
			if rest := trimSpace(end[strings.Index(end, "-->")+len("-->"):]); rest != "" {
				b.kind, b.line, b.text = bPara, int32(j), rest
				b.blank, b.sep = true, true
				i = bk.paragraph(&b, j+1)
				break
			}
			i = j + 1
			blank, sep = true, true
			continue
		case c == '<' && strings.HasPrefix(t, "<figure"):
			j := i
			var sb strings.Builder
			quoted := false // a later line starts with a quote mark, not a tag's end
			for j < len(lines) {
				if l := trimSpace(lines[j].text()); j > i && strings.HasPrefix(l, ">") && !inTag(sb.String()) {
					quoted = true
				}
				sb.WriteString(lines[j].text())
				sb.WriteByte(' ')
				if strings.Contains(lines[j].text(), "</figure>") {
					break
				}
				j++
			}
			if j == len(lines) {
				bk.reachedEnd = true
			}
			if j == len(lines) || !strings.HasSuffix(lines[j].text(), "</figure>") || !(strings.HasPrefix(t, "<figure>") || strings.HasPrefix(t, "<figure ")) || quoted {
				// Never closed, text around the tags, or a line that
				// opens a quote inside: it is text.
				b.kind, b.text = bPara, t
				i = bk.paragraph(&b, i+1)
				break
			}
			html := sb.String()
			if trimSpace(stripTags(html)) != trimSpace(figcaption(html)) {
				// Text outside the caption: keep it all as text.
				b.kind, b.text = bPara, t
				i = bk.paragraph(&b, i+1)
				break
			}
			b.kind, b.blockExtra = bImage, &blockExtra{}
			b.src, b.alt, b.caption = figure(html)
			b.titled = b.caption != ""
			i = j + 1
		case c == '!' && strings.HasPrefix(t, "!["):
			if alt, src, title, titled, ok := imageLineTitled(t); ok {
				b.kind, b.titled = bImage, titled
				b.blockExtra = &blockExtra{alt: alt, src: src, caption: title}
				i++
				break
			}
			b.kind, b.text = bPara, t
			i = bk.paragraph(&b, i+1)
		default:
			if fc, fn, info, ok := fence(t); ok {
				if end := bk.closingFence(i+1, fc, fn); end > 0 {
					b.kind, b.blockExtra = bCode, &blockExtra{lang: info}
					cut := indentWidth(ln.raw)
					var sb strings.Builder
					for k := i + 1; k < end; k++ {
						if k > i+1 {
							sb.WriteByte('\n')
						}
						sb.WriteString(dropIndent(lines[k].raw, cut))
					}
					b.text = sb.String()
					i = end + 1
					break
				}
			}
			if isRule(t) {
				i++
				blank, sep = true, true
				continue
			}
			if _, ordered, marker, ok := listItemMarker(t); ok {
				b.kind, b.ordered = bList, ordered
				b.blockExtra = &blockExtra{marker: marker}
				var indents []int // the indents of the open levels
				nested := false
				for i < len(lines) {
					lt := lines[i].text()
					it, _, m, ok := listItemMarker(lt)
					if ok {
						w := indentWidth(lines[i].raw)
						for len(indents) > 0 && w < indents[len(indents)-1] {
							indents = indents[:len(indents)-1]
						}
						if len(indents) == 0 || w > indents[len(indents)-1] {
							indents = append(indents, w)
						}
						level := len(indents) - 1
						if level == 0 && len(b.items) > 0 && m != b.marker {
							break // another bullet: another list
						}
						if level > 0 && !nested {
							nested = true
							b.levels = make([]int, len(b.items), len(b.items)+1)
						}
						if nested {
							b.levels = append(b.levels, level)
						}
					}
					if !ok {
						// An indented line continues the item before it,
						// unless it opens a quote: its > is a quote mark, as
						// it is where it ends a paragraph (startsBlock), not
						// the item's text (FuzzParse 685333e442e4e1d3).
						if lt != "" && lt[0] != '>' && lines[i].indent() && bk.blankMode && len(b.items) > 0 {
							if escapedStart(lt) {
								// As a paragraph's line: before an ASCII
								// punctuation mark the backslash is an
								// escape (FuzzParse 8a8aacbb81578e1b).
								lt = bk.unescapeStart(lt)
							}
							b.items[len(b.items)-1] = joinSoft(b.items[len(b.items)-1], lt)
							i++
							continue
						}
						break
					}
					b.items = append(b.items, it)
					i++
				}
				if bk.inline {
					for k := range b.items {
						var ss []Span
						b.items[k], ss = parseInline(b.items[k])
						for _, sp := range ss {
							sp.Row = k
							b.setSpans(append(b.spans(), sp))
						}
					}
				}
				break
			}
			if inner, ok := boldInner(t); ok {
				b.kind = bBold
				if bk.inline {
					b.text = b.inlineText(inner)
				} else {
					b.text = unescapeMarkdown(inner)
				}
				i++
				break
			}
			if p, name, ok := parsePageLine(t); ok && !ln.indent() {
				b.kind, b.page, b.text = bPage, int32(p), name
				i++
				break
			}
			b.kind, b.text = bPara, t
			i = bk.paragraph(&b, i+1)
		}
		b.end = int32(i)
		if b.kind == bPara && bk.inline {
			if bk.skeleton && !bk.sawJump && b.text != "" && !opensInline(b.text[0]) {
				b.raw = true
			} else {
				b.text = b.inlineText(b.text)
			}
		}
		if bk.skeleton && (b.kind == bPara || b.kind == bQuote) && closesLikeJump(&b) {
			// Past the masthead, a line of the text: the paragraphs that
			// follow are read exactly (see parser.finishJumps).
			b.jump = true
			bk.sawJump = bk.sawJump || len(bk.out) >= mastheadBlocks
		}
		if b.kind == bPara && bk.hard {
			// After a hard line break the next paragraph stands apart.
			sep, bk.hard = true, false
		}
		if b.kind == bPara && b.text == "" {
			// Only markup (a lone hard-break backslash): no block, but a
			// break between the paragraphs around it.
			blank, sep = true, true
			continue
		}
		bk.out = append(bk.out, b)
	}
	return bk.out
}

// opensInline reports a byte that parseInline may read as markup (or,
// for "!", drop before a link) at the start of a text: a text that starts
// with any other byte keeps it, and is not empty once its markup is read.
func opensInline(c byte) bool {
	return c == '!' || isInlineOpener(c)
}

// exact gives a raw paragraph (see block.raw) the text and spans that
// reading its inline markup makes.
func (b *block) exact() {
	if b.raw {
		b.text, b.raw = b.inlineText(b.text), false
	}
}

// closesLikeJump reports a paragraph or a quote that may end an
// article's body with a jump line ((下转第七版), see findJumps and
// tailJump), alone or once joined to the paragraphs before it by the
// layout repair (…(下转第 | 七版)), or be a citation (…第 01 版）, see
// splitCitation): its text, spaces trimmed, ends with a closing bracket
// and, before it and spaces, with 版, 版面, 面 or nothing. A raw
// paragraph is read exactly first when it ends with a byte that can close
// inline markup (else its text ends as its source does). A paragraph that
// ends with a comment of stitched jumps (<!-- dubao:stitched … -->) may
// too: takeSeams takes such comments off before the jump lines and the
// byline are read, and what is left may end so, or be nothing at all.
func closesLikeJump(b *block) bool {
	t := b.text
	if len(t) > 0 && mayEndSpace(t) {
		t = trimRightSpace(t)
	}
	if t == "" {
		return false
	}
	if b.raw && (isInlineCloser(t[len(t)-1]) || strings.HasSuffix(t, "）")) {
		b.exact()
		return closesLikeJumpText(b.text)
	}
	return closesLikeJumpTrimmed(t)
}

// closesLikeJumpText is closesLikeJump for a text read exactly.
func closesLikeJumpText(t string) bool {
	return closesLikeJumpTrimmed(trimRightSpace(t))
}

// closesLikeJumpTrimmed is closesLikeJumpText for a text whose spaces at
// the end are trimmed.
func closesLikeJumpTrimmed(t string) bool {
	if strings.HasSuffix(t, "-->") && strings.Contains(t, metaPrefix) {
		return true
	}
	switch {
	case strings.HasSuffix(t, ")"):
		t = t[:len(t)-1]
	case strings.HasSuffix(t, "）"):
		t = t[:len(t)-len("）")]
	default:
		return false
	}
	t = strings.TrimSuffix(trimRightSpace(t), "面")
	return t == "" || strings.HasSuffix(t, "版")
}

// paragraph extends the paragraph b, whose first line ended before line i,
// with the lines that continue it, and returns the index after it. In
// blank mode a paragraph runs until a blank line, an indented line, a line
// of another kind, or a Markdown hard break (two trailing spaces or a
// backslash), which here ends the paragraph; in line mode every line is a
// paragraph.
func (bk *blocker) paragraph(b *block, i int) int {
	if !bk.blankMode {
		return i
	}
	lines := bk.lines
	prev := lines[i-1].raw
	bk.hard = false
	var sb strings.Builder
	last := b.text
	hardBackslash := false
	for i < len(lines) {
		ln := &lines[i]
		if ln.text() == "" || ln.indent() || startsBlock(ln.text()) {
			break
		}
		if strings.HasSuffix(prev, "  ") {
			bk.hard = true
			break
		}
		if strings.HasSuffix(prev, "\\") {
			hardBackslash, bk.hard = true, true
			break
		}
		if sb.Len() == 0 {
			sb.WriteString(b.text)
		}
		next := ln.text()
		if escapedStart(next) {
			next = bk.unescapeStart(next) // escaped, as at the start of a block
		}
		writeSoft(&sb, last, next)
		last, prev = next, ln.raw
		i++
	}
	if sb.Len() > 0 {
		b.text = sb.String()
	}
	// A backslash that breaks the line before more text is markup; at the
	// end of a paragraph it is text.
	if hardBackslash && strings.HasSuffix(b.text, "\\") {
		b.text = trimRightSpace(b.text[:len(b.text)-1])
	}
	return i
}

// startsBlock reports a line that cannot continue a paragraph because it
// starts another kind of block.
func startsBlock(t string) bool {
	switch t[0] {
	case '#':
		lv, _ := headingLevel(t)
		return lv > 0
	case '>', '|':
		return true
	case '!':
		_, _, _, ok := imageLine(t)
		return ok
	case '<':
		return strings.HasPrefix(t, "<!--") || strings.HasPrefix(t, "<figure")
	case '`', '~':
		_, _, _, ok := fence(t)
		return ok
	}
	if _, _, ok := listItem(t); ok {
		return true
	}
	if isRule(t) {
		return true
	}
	_, _, ok := parsePageLine(t)
	return ok
}

// closingFence returns the index of the line from lines[from:] that closes
// a code block opened by n fence characters c, or −1. A search that found
// none is remembered, so that many unclosed fences cost linear time.
func (bk *blocker) closingFence(from int, c byte, n int) int {
	key := [2]int{int(c), n}
	if at, ok := bk.noFence[key]; ok && from >= at {
		bk.reachedEnd = true
		return -1
	}
	lines := bk.lines
	for k := from; k < len(lines); k++ {
		t := lines[k].text()
		if len(t) >= n && t[0] == c && runLen(t, 0, c) >= n && trimSpace(t[runLen(t, 0, c):]) == "" {
			return k
		}
	}
	bk.reachedEnd = true
	if bk.noFence == nil {
		bk.noFence = map[[2]int]int{}
	}
	bk.noFence[key] = from
	return -1
}

// dropIndent removes up to cut columns of leading spaces from a raw line.
func dropIndent(raw string, cut int) string {
	i := 0
	for i < len(raw) && i < cut && raw[i] == ' ' {
		i++
	}
	return raw[i:]
}

// writeSoft appends next to a paragraph being joined from lines, after the
// line last: without a space between Chinese text, with one between Latin
// words.
func writeSoft(sb *strings.Builder, last, next string) {
	if !isWide(lastRune(last)) && !isWide(firstRune(next)) {
		sb.WriteByte(' ')
	}
	sb.WriteString(next)
}
