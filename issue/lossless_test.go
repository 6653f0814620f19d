package issue

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// nonSpace removes every space (ASCII, full-width, no-break, line breaks).
func nonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpaceRune(r) || r == '\t' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

var (
	htmlTag    = regexp.MustCompile(`(?s)<!--.*?-->|</?[A-Za-z][^>]*>|<[/!][^<>]*>`)
	tagStart   = regexp.MustCompile(`<[A-Za-z][^<>]*$`)
	listNumber = regexp.MustCompile(`[0-9]{1,3}[.)]`)
	fenceInfo  = regexp.MustCompile("(?:`{3,}|~{3,})[A-Za-z0-9_+.#-]*")
	// citationGap is a note tool's citation, spaces left out.
	// oldHeadGap is the head of a file of the 1946–2003 archive after its
	// ### line: date, page and column (see parseOldArchive); the page's
	// name is what stands between the page line's first ( and its last ),
	// parentheses inside it too (第2版(乙(), FuzzParse c92c04eab9f5cbd2).
	oldHeadGap  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}第[0-9]{1,4}版[（(].*[)）](?:专栏[：:].*)?$`)
	citationGap = regexp.MustCompile(`^>?《[^《》]{1,30}》[（(][0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日第[0-9]{1,3}版[）)]$`)
	tagEnd      = regexp.MustCompile(`^[^<>]*>`)
)

// dropLinkTargets removes the link addresses from s: ]( up to the )
// that closes it, parentheses inside in pairs (nested or not, a
// backslash escaping one), as the inline reader reads them, or else to
// the first ), as an image line's is read; an address never closed stays.
func dropLinkTargets(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			break
		}
		end, depth := -1, 0
	scan:
		for k := i + 2; k < len(s); k++ {
			switch s[k] {
			case '\\':
				k++
			case '(':
				depth++
			case ')':
				if depth == 0 {
					end = k + 1
					break scan
				}
				depth--
			}
		}
		if end < 0 {
			// Unbalanced: an image line's address runs to a ) all the
			// same (![图](a(b)).
			if k := strings.IndexByte(s[i+2:], ')'); k >= 0 {
				end = i + 2 + k + 1
			}
		}
		if end < 0 {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		s = s[end:]
	}
	b.WriteString(s)
	return b.String()
}

// markupOnly reports a stretch of source text that holds nothing but
// markup: HTML tags and comments (whole, or the start or end of one when a
// piece of text sits inside a tag's attribute), link targets and ASCII
// punctuation. A link's address may hold a > (](>a)): the tags are
// taken out before the addresses, or after them. An image line's address
// runs to the last ) of its line (![图]()g) has the address )g).
func markupOnly(gap string) bool {
	if !markupStarts(gap) {
		// Nothing for the patterns to take out but list bullets: the
		// check of a gap is then a scan, not seven patterns (a source of
		// U+FFFD runs, where a piece is found at 20,000 places, took
		// 5 s: FuzzHostile 9926418676a8847f).
		for _, r := range gap {
			if !(r < 0x80 && isASCIIPunct(byte(r))) && !strings.ContainsRune(listBullets, r) {
				return false
			}
		}
		return true
	}
	return onlyPunct(withoutMarkup(gap, false)) || onlyPunct(withoutMarkup(gap, true)) ||
		onlyPunct(withoutMarkup(imageAddressOut(gap), false))
}

// markupStarts reports a gap that holds what withoutMarkup's patterns or
// dropLinkTargets take out: a < or > (tags), ]( (link and image
// addresses), ``` or ~~~ (a fence's info), a digit before . or ) (a list
// number).
func markupStarts(gap string) bool {
	if strings.ContainsAny(gap, "<>") || strings.Contains(gap, "](") || strings.Contains(gap, "```") || strings.Contains(gap, "~~~") {
		return true
	}
	for i := 0; i+1 < len(gap); i++ {
		if isASCIIDigit(gap[i]) && (gap[i+1] == '.' || gap[i+1] == ')') {
			return true
		}
	}
	return false
}

// imageAddressOut is gap without the stretch from its first ]( to its
// last ), as an image line's address is read; gap when it has none.
func imageAddressOut(gap string) string {
	i, j := strings.Index(gap, "]("), strings.LastIndexByte(gap, ')')
	if i < 0 || j < i+2 {
		return gap
	}
	return gap[:i] + gap[j+1:]
}

// withoutMarkup is gap with the markup markupOnly names taken out, the
// link addresses first when linksFirst (else the HTML tags first).
func withoutMarkup(gap string, linksFirst bool) string {
	g := gap
	if linksFirst {
		g = dropLinkTargets(g)
	}
	g = htmlTag.ReplaceAllString(g, "")
	g = tagStart.ReplaceAllString(g, "")
	g = tagEnd.ReplaceAllString(g, "")
	g = dropLinkTargets(g)
	g = fenceInfo.ReplaceAllString(g, "")
	g = listNumber.ReplaceAllString(g, "")
	return withoutBullets(g)
}

// withoutBullets is g without list bullets.
func withoutBullets(g string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(listBullets, r) {
			return -1
		}
		return r
	}, g)
}

// onlyPunct reports g made of ASCII punctuation only.
func onlyPunct(g string) bool {
	for i := 0; i < len(g); i++ {
		if !isASCIIPunct(g[i]) {
			return false
		}
	}
	return true
}

// checkLossless verifies that the article text of is — every piece of
// every article, in Article.Pieces order — is the text of src (decoded and
// sanitised) with only the following left out: the masthead before the
// first article, page lines, and markup (Markdown and HTML syntax,
// ASCII punctuation around it). Each character of the model is matched to
// a distinct character of the source, in order: nothing is lost, nothing
// is duplicated. Stitched jump lines must occur in the source.
//
// A > at the start of a line of a <figure> block that ends a tag begun on
// the line before (</唵, then >) is the tag's when the parser reads the
// block as a figure, which leaves it out with the tag, and a quote mark
// when it reads the lines as text: the source is read the first way
// when the second does not keep the text (FuzzParse 736c09efd99588bb,
// d33845b6163d0207).
func checkLossless(src string, is *Issue) error {
	err := checkLosslessRead(src, is, false)
	if err != nil && strings.Contains(src, "<figure") {
		if checkLosslessRead(src, is, true) == nil {
			return nil
		}
	}
	return err
}

// checkLosslessRead is checkLossless with the > that ends a tag at the
// start of a line of a <figure> block read as the tag's (tagEnds) or as a
// quote mark.
func checkLosslessRead(src string, is *Issue, tagEnds bool) error {
	// s is src without spaces; at[i] is the offset in src of s[i].
	// Quote marks and escaping backslashes at the start of lines (before
	// a character that is not ASCII punctuation) are left out too: a quote's text is one piece made of several lines, and a
	// paragraph may be joined from lines.
	// Inside a fenced code block they are text.
	var sb strings.Builder
	at := make([]int, 0, len(src))
	// bare[i]: s[i] is a backslash a space followed in src, which
	// escapes nothing (see markupForm.bare).
	bare := make([]bool, 0, len(src))
	code := codeLines(src)
	// The 1946–2003 archive's body lines are text as they stand (see
	// parseOldArchive): no quote marks, no escapes.
	_, _, archive := oldArchiveHead(splitLines(src))
	line, lineFrom := 0, 0
	lineStart := !code[0] && !archive
	// afterTyped: the line follows a comment that marks a block of a
	// kind of its own (<!-- dubao:photo_credit -->), whose text the line
	// is as it stands: a > there is text (FuzzParse 5f4ee3649004da2f).
	// Kept where the parser reads a quote all the same, it is markup
	// before the quote's text.
	afterTyped := false
	// figureFrom: the line is one of a <figure> block begun on an
	// earlier line (at figureFrom in src; −1 when not), where, with
	// tagEnds, a > at the line's start that ends a tag begun before it
	// (</唵, then >) is the tag's, not a quote mark.
	figureFrom := -1
	for i, r := range src {
		if r == '\n' {
			l := trimSpace(src[lineFrom:i])
			afterTyped = typedComment(l) != ""
			if figureFrom < 0 && tagEnds && !code[line] && strings.HasPrefix(l, "<figure") {
				figureFrom = lineFrom
			}
			if figureFrom >= 0 && strings.Contains(l, "</figure>") {
				figureFrom = -1
			}
			line, lineFrom = line+1, i+1
			lineStart = !code[line] && !archive
		}
		if isSpaceRune(r) || r == '\t' || r == '\r' {
			continue
		}
		if lineStart && r == '>' && !afterTyped && !(figureFrom >= 0 && tagOpen(src[figureFrom:i])) {
			lineStart = false // one mark; a nested one is text
			continue
		}
		if next, _ := utf8.DecodeRuneInString(src[i+1:]); lineStart && r == '\\' && i+1 < len(src) && !isSpaceRune(next) && !(next < 0x80 && isASCIIPunct(byte(next))) {
			// An escaped line start; before an ASCII punctuation mark
			// the backslash is inline markup (an escape, or text
			// inside a code span: `甲 then \` on the next line).
			lineStart = false
			continue
		}
		lineStart = false
		n := sb.Len()
		sb.WriteRune(r)
		for k := n; k < sb.Len(); k++ {
			at = append(at, i)
			bare = append(bare, false)
		}
		if next, _ := utf8.DecodeRuneInString(src[i+1:]); r == '\\' && (isSpaceRune(next) || next == '\t' || next == '\r') {
			bare[n] = true
		}
	}
	at = append(at, len(src))
	s := sb.String()
	// source returns the source text of s[i:j], spaces and lines kept.
	source := func(i, j int) string { return src[at[i]:at[j]] }
	fmEnd := 0
	fmValues := map[string]bool{}
	if strings.HasPrefix(src, "---\n") {
		// Front matter, when it is a YAML mapping (else it is text),
		// closed as the parser closes it (see frontMatter): by the
		// first line --- or ... within maxFrontMatter lines, the line
		// right after the opening one among them (---, ---, e:, ---
		// is an empty block, not front matter that holds e:).
		lines := strings.SplitAfter(src, "\n")
		off := len(lines[0])
		for i := 1; i < len(lines) && i <= maxFrontMatter; i++ {
			if l := strings.TrimSuffix(lines[i], "\n"); l == "---" || l == "..." {
				if m, ok := yamlMap(src[len(lines[0]):off]); ok {
					end := off + len(lines[i]) // in src; find the same place in s
					fmEnd = sort.SearchInts(at, end)
					for _, v := range m {
						fmValues[nonSpace(v.Value)] = true
					}
				}
				break
			}
			off += len(lines[i])
		}
	}
	// The columns (专栏：…) of the 1946–2003 archive's head, which the
	// parser may set above the first title as its kicker (see
	// parseOldArchive): the head is left out whole (oldHeadGap), and the
	// kicker is then not looked for after it, where the title that
	// stands before the head would be looked for too (FuzzParse
	// da374b565e2749ca: the decks not repeated after the head).
	columns := map[string]bool{}
	for _, l := range strings.Split(src, "\n") {
		if col, ok := strings.CutPrefix(trimSpace(l), "专栏"); ok && (strings.HasPrefix(col, "：") || strings.HasPrefix(col, ":")) {
			columns[nonSpace(strings.TrimPrefix(strings.TrimPrefix(col, "："), ":"))] = true
		}
	}
	dropPunct := func(g string) string {
		return strings.Map(func(r rune) rune {
			if r < 0x80 && isASCIIPunct(byte(r)) {
				return -1
			}
			return r
		}, g)
	}
	pages := map[string]bool{}
	for _, sec := range is.Sections {
		pages[dropPunct(nonSpace(sec.Name))] = true
	}
	// namesPage reports text (spaces and ASCII punctuation left out)
	// that is a page's name and a few more characters (第3版, A3).
	namesPage := func(g string) bool {
		for name := range pages {
			if name != "" && strings.Contains(g, name) && runeLen(g) <= runeLen(name)+8 {
				return true
			}
		}
		return false
	}
	allowed := func(from, to int, leading bool) bool {
		gap := s[from:to]
		if gap == "" || markupOnly(gap) {
			return true
		}
		if strings.Contains(gap, "<!--") && markupOnly(nonSpace(htmlTag.ReplaceAllString(source(from, to), ""))) {
			// The comments taken out of the source, where its spaces
			// still stand: without them, a -- -> inside a comment
			// reads as its end, -->, and the comment's rest as text
			// (FuzzParse d3ed644b26d0ad4a).
			return true
		}
		if leading && mastheadLines(source(from, to)) {
			return true
		}
		if citationGap.MatchString(gap) || oldHeadGap.MatchString(gap) {
			return true // a note's citation, the 1946–2003 archive's head: read into the masthead and the page
		}
		g := gap
		if strings.IndexByte(g, '<') >= 0 {
			g = htmlTag.ReplaceAllString(g, "")
		}
		g = dropLinkTargets(g)
		g = dropPunct(g)
		// A page line: 第二版综合新闻, A2要闻, 03版; or a section heading.
		if pages[g] || strings.Contains(g, "版") && runeLen(g) <= 24 {
			return true
		}
		// Page lines of pages left without articles (they are dropped),
		// and lines that are pages' names; before the first article,
		// masthead lines among them.
		onlyPages := true
		for l := range strings.SplitSeq(source(from, to), "\n") {
			// A page heading (# 第2版 …) may name its page with any
			// text, commas and brackets too, which a page line may not
			// (FuzzParse a363358c96fd3322).
			heading := false
			if lv, text := headingLevel(trimSpace(l)); lv == 1 {
				_, _, heading = parsePageHeading(text)
			}
			l = trimSpace(strings.TrimLeft(trimSpace(l), "#"))
			// A line that is a page's name (a heading the parser read as
			// a page, 版 or not) is kept as that name.
			name := dropPunct(nonSpace(l))
			if _, _, ok := parsePageLine(l); !ok && !heading && nonSpace(l) != "" && !markupOnly(nonSpace(l)) && !(name != "" && pages[name]) && !(leading && (mastheadLines(l) || namesPage(name))) {
				onlyPages = false
				break
			}
		}
		if onlyPages {
			return true
		}
		return namesPage(g)
	}
	markup := [2]markupForm{{depth: parenDepth(s), bare: bare}, {depth: parenDepth(s), tags: true, bare: bare}}
	// A piece may occur at several places (a title in the masthead, digits
	// everywhere): search the places depth-first, remembering dead ends.
	var firstErr error
	for _, fromFM := range []bool{true, false} {
		var want []string
		var marks [][]int // per piece: where inline markup was taken out
		var label []string
		var tagged []bool // per piece: a figure's caption, HTML tags inside
		for k, a := range is.Articles() {
			for _, p := range a.Pieces() {
				if p.Kind == PieceJump {
					if !strings.Contains(s, nonSpace(p.Text)) {
						return fmt.Errorf("article %d: stitched jump %q not in the source", a.N, p.Text)
					}
					continue
				}
				w := nonSpace(p.Text)
				if w == "" || fromFM && k == 0 && (p.Kind == PieceTitle || p.Kind == PieceByline) && fmValues[w] ||
					fromFM && k == 0 && p.Kind == PieceKicker && columns[w] {
					continue
				}
				want = append(want, w)
				marks = append(marks, markupPlaces(a, p))
				tagged = append(tagged, figureCaption(a, p))
				label = append(label, fmt.Sprintf("article %d %q piece %d", a.N, clip(a.Title), p.Kind))
			}
		}
		m := matcher{s: s, want: want, marks: marks, tagged: tagged, markup: markup, allowed: allowed, dead: map[[2]int]bool{}}
		if m.match(0, fmEnd) {
			return nil
		}
		if firstErr == nil {
			if m.deepest < len(want) {
				firstErr = fmt.Errorf("%s %q: not found in order after %q, or text lost before it", label[m.deepest], clip(want[m.deepest]), clip(s[max(0, m.deepestAt-30):m.deepestAt]))
			} else {
				firstErr = fmt.Errorf("text lost at the end: %q", clip(s[m.deepestAt:]))
			}
		}
	}
	return firstErr
}

// codeLines reports, for each line of src, whether it lies inside a
// fenced code block: after a line that opens a fence (see fence) and
// before the line that closes it (the same character, at least as many,
// nothing else). A fence with no closing line opens no block.
func codeLines(src string) []bool {
	lines := strings.Split(src, "\n")
	code := make([]bool, len(lines))
	for i := 0; i < len(lines); i++ {
		c, n, _, ok := fence(trimSpace(lines[i]))
		if !ok {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			t := trimSpace(lines[j])
			if k := runLen(t, 0, c); k >= n && trimSpace(t[k:]) == "" {
				for ; i+1 < j; i++ {
					code[i+1] = true
				}
				i = j
				break
			}
		}
	}
	return code
}

// tagOpen reports whether html ends inside an HTML tag: after a < that
// a letter, / or ! follows, with no > after it.
func tagOpen(html string) bool {
	lt := strings.LastIndexByte(html, '<')
	if lt < 0 || lt < strings.LastIndexByte(html, '>') || lt+1 >= len(html) {
		return false
	}
	c := html[lt+1]
	return isASCIILetter(c) || c == '/' || c == '!'
}

// matcher matches pieces of text in order against s.
type matcher struct {
	s                  string
	want               []string
	marks              [][]int
	tagged             []bool
	markup             [2]markupForm // the markup of s, without and with HTML tags (for the tagged pieces), its bare of all of s
	allowed            func(from, to int, leading bool) bool
	dead               map[[2]int]bool // (piece, position) known to fail
	deepest, deepestAt int
	others             int // the matches tried that markedEnds gave (see maxOtherEnds)
}

// maxOtherEnds bounds the matches of markedEnds a matcher tries, and so
// the work they add when no reading keeps the text (a text lost after
// hundreds of links).
const maxOtherEnds = 1 << 10

// match reports whether want[k:] can be found in s[cur:] in order, every
// gap allowed.
func (m *matcher) match(k, cur int) bool {
	if k > m.deepest || k == m.deepest && cur > m.deepestAt {
		m.deepest, m.deepestAt = k, cur
	}
	if k == len(m.want) {
		return m.allowed(cur, len(m.s), k == 0)
	}
	if m.dead[[2]int{k, cur}] {
		return false
	}
	w := m.want[k]
	markup := m.markup[0]
	if m.tagged[k] {
		markup = m.markup[1]
	}
	for off, tries := cur, 0; tries < 4096; tries++ {
		i, n := indexMarked(m.s[off:], w, m.marks[k], markup.from(off))
		if i < 0 {
			break
		}
		at := off + i
		if m.allowed(cur, at, k == 0) {
			if m.match(k+1, at+n) {
				return true
			}
			// The markup read as little as it can; read as much, a
			// text's ] may be the one after a link's address rather
			// than the link's own ([甲)](乙)] reads 甲)]).
			if len(m.marks[k]) > 0 {
				greedy := markup.from(at)
				greedy.greedy = true
				i, g := indexMarked(m.s[at:], w, m.marks[k], greedy)
				if i == 0 && g != n && m.match(k+1, at+g) {
					return true
				}
				// Neither: the markup between read another way, where
				// it can hold text: a link's address, a tag.
				if span := m.s[at : at+max(n, g)]; m.others < maxOtherEnds && (strings.Contains(span, "](") || markup.tags && strings.IndexByte(span, '<') >= 0) {
					for _, e := range markedEnds(m.s[at:], w, m.marks[k], markup.from(at)) {
						if e == n || i == 0 && e == g {
							continue
						}
						if m.others++; m.match(k+1, at+e) {
							return true
						}
					}
				}
			}
		}
		off = at + 1
		for off < len(m.s) && !utf8.RuneStart(m.s[off]) {
			off++
		}
	}
	m.dead[[2]int{k, cur}] = true
	return false
}

// markupPlaces returns the places in the text of piece p of a, spaces
// left out (see nonSpace), where inline markup was taken out: the starts
// and ends of its spans.
func markupPlaces(a *Article, p Piece) []int {
	var spans []Span
	var text string
	switch {
	case p.Kind == PieceParagraph:
		spans, text = spansIn(a.Spans, p.Para, 0, 0), a.Paragraphs[p.Para]
	case p.Block >= 0 && p.Kind != PieceImage:
		spans, text = spansIn(a.Blocks[p.Block].Spans, 0, p.Row, p.Col), p.Text
	}
	var out []int
	// A crosshead read from a Markdown heading (## …) has its inline
	// markup taken out (plainInline) and keeps no spans, like a title:
	// without this, `## 小标_题_` failed as text lost (FuzzHostile
	// 979d539adef44aab). A crosshead with spans (a bold line) keeps the
	// exact places below.
	spanless := p.Kind == PieceHeading && p.Block >= 0 && len(a.Blocks[p.Block].Spans) == 0
	switch {
	case p.Kind == PieceKicker, p.Kind == PieceTitle, p.Kind == PieceSubtitle, p.Kind == PieceByline, spanless, figureCaption(a, p):
		// Headings and bylines keep no spans: their markup may have
		// stood anywhere.
		w := nonSpace(p.Text)
		for i := range w {
			if i > 0 {
				out = append(out, i)
			}
		}
		return out
	}
	for _, s := range spans {
		for _, at := range []int{s.Start, s.End} {
			if at >= 0 && at <= len(text) {
				out = append(out, len(nonSpace(text[:at])))
			}
		}
	}
	sort.Ints(out)
	return out
}

// figureCaption reports the caption of an image with no spans, which may
// come from an HTML figure: the figure reader takes the tags out of its
// <figcaption> (甲<b>乙</b>, </馆合tion>: see stripTags), wherever they
// stand (FuzzParse 7d834c34cd05c955).
func figureCaption(a *Article, p Piece) bool {
	return p.Kind == PieceCaption && p.Block >= 0 && a.Blocks[p.Block].Kind == BlockImage && len(a.Blocks[p.Block].Spans) == 0
}

// inlineMarkup returns the pattern of what inline Markdown takes out of
// a text: emphasis marks, backticks, brackets, an image's !, a link's
// address, its parentheses nested up to depth deep (the reader takes any
// depth in pairs: pass the depth the source has, see parenDepth); with
// tags, HTML tags too (as stripTags reads them: < and a letter, / or !,
// up to the next >).
func inlineMarkup(depth int, tags bool) string {
	// A backslash and the character after it are one: an escaped mark
	// (\) is no parenthesis), or a backslash and a character that is no
	// mark and no parenthesis either (see scanCache.link).
	inner := `(?:[^()\\]|\\(?s:.))`
	for range max(depth, 1) {
		inner = `(?:[^()\\]|\\(?s:.)|\(` + inner + `*\))`
	}
	// A link's address is tried before its ] alone: else the text after
	// the link could be taken for its address ([](0)(0 read as [] and
	// (0, leaving )(0; FuzzParse 8cb02b96f058e464).
	tag := ""
	if tags {
		tag = `<[A-Za-z/!][^<>]*>|`
	}
	// An address with a title in quotes after it, which may hold
	// parentheses (see markupForm.titleEnd).
	title := `"(?:[^"\\]|\\(?s:.))*"|'(?:[^'\\]|\\(?s:.))*'`
	return "(?:" + tag + "\\]\\(" + inner + "*\\)|\\]\\(" + inner + "*?(?:" + title + ")\\)|[*_`!<>\\[\\]\\\\])*?"
}

// parenDepth returns how deep parentheses that close nest in s at most
// (an open one never closed is no link's), up to 32: a pattern nesting
// deeper would be too large to compile. Parentheses are counted both
// with and without a backslash escaping the character after it, and the
// deeper count is taken: with the escapes, ](\)(a(b))) nests two deep,
// where counting \) as a ) finds one (FuzzParse 34f32862568350b9);
// without them, a backslash a space followed in the source (see
// markupForm.bare) escapes nothing.
func parenDepth(s string) int {
	most := 0
	for _, escapes := range []bool{false, true} {
		open := 0
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '\\':
				if escapes {
					i++
				}
			case '(':
				open++
			case ')':
				if open > 0 {
					most = max(most, open)
					open--
				}
			}
		}
	}
	return min(most, 32)
}

// markupForm is the inline markup a piece's text may have had where it
// was taken out (see inlineMarkup): links whose addresses nest
// parentheses up to depth deep, HTML tags when tags, read as little as it
// can (as a lazy pattern) or, when greedy, as much.
type markupForm struct {
	depth        int
	tags, greedy bool
	// bare, when not nil, says which backslashes of the text searched
	// escape nothing: a space followed them in the source, taken out of
	// the text (nonSpace), so that a link's address ](\ ) is not read
	// as ](\) with its ) escaped (FuzzParse 4ca25de33de8b29d). The
	// pattern (see pattern) knows none.
	bare []bool
}

// from returns the form for the text searched from s[off:] on, where it
// was for s.
func (f markupForm) from(off int) markupForm {
	if f.bare != nil {
		f.bare = f.bare[off:]
	}
	return f
}

// pattern returns the form as a pattern (see inlineMarkup).
func (f markupForm) pattern() string {
	p := inlineMarkup(f.depth, f.tags)
	if f.greedy {
		p = strings.TrimSuffix(p, "?")
	}
	return p
}

// tokensAt returns the lengths of the markup tokens of the form that can
// start at s[j:], in the pattern's order (see inlineMarkup): an HTML tag,
// a link's address, one mark. Each token has at most one length (a
// [^<>]* or a paren's contents read in full, a backslash with the
// character after it, or the closing > or ) is not there).
func (f markupForm) tokensAt(s string, j int, out []int) []int {
	depth := max(f.depth, 1)
	out = out[:0]
	if j >= len(s) {
		return out
	}
	if f.tags && s[j] == '<' && j+1 < len(s) && (isASCIILetter(s[j+1]) || s[j+1] == '/' || s[j+1] == '!') {
		if e := strings.IndexAny(s[j+2:], "<>"); e >= 0 && s[j+2+e] == '>' {
			out = append(out, e+3)
		}
	}
	if strings.HasPrefix(s[j:], "](") {
		level := 0 // groups open inside the address
		titled := -1
		for e := j + 2; e < len(s); e++ {
			if s[e] == '\\' && (f.bare == nil || !f.bare[e]) {
				if e+1 == len(s) {
					break // a backslash at the end escapes nothing: no )
				}
				e++ // the next byte is no parenthesis of the address
				continue
			}
			if (s[e] == '"' || s[e] == '\'') && level == 0 && titled < 0 {
				// A title in quotes after the address (its space
				// taken out), which may hold parentheses: the link
				// ends at the ) after it (FuzzParse 482db77716f8a6ce).
				titled = f.titleEnd(s, e)
			}
			if s[e] == '(' {
				if level == depth {
					break // deeper than the pattern nests
				}
				level++
			} else if s[e] == ')' {
				if level == 0 {
					out = append(out, e+1-j)
					break
				}
				level--
			}
		}
		if titled >= 0 && (len(out) == 0 || out[len(out)-1] != titled-j) {
			out = append(out, titled-j)
		}
	}
	if strings.IndexByte("*_`!<>[]\\", s[j]) >= 0 {
		out = append(out, 1)
	}
	return out
}

// titleEnd returns the index after the ) that closes a link whose title
// opens with the quote s[q] (a backslash escaping the byte after it, as
// scanCache.link reads a title), or −1 when no ) stands right after the
// closing quote.
func (f markupForm) titleEnd(s string, q int) int {
	for e := q + 1; e < len(s); e++ {
		switch {
		case s[e] == '\\' && (f.bare == nil || !f.bare[e]):
			e++
		case s[e] == s[q]:
			if e+1 < len(s) && s[e+1] == ')' {
				return e + 2
			}
			return -1
		}
	}
	return -1
}

// indexMarked is indexEscaped for a piece whose text had inline markup
// (of the form f) at the places marks (byte offsets in want): the first
// place in s where want matches with markup at those places, and the
// length of the match, or −1. It searches by hand (scanMarked); a want
// that is not UTF-8 or a mark inside a character goes to the pattern
// (indexMarkedPattern).
func indexMarked(s, want string, marks []int, f markupForm) (int, int) {
	if len(marks) == 0 {
		return indexEscaped(s, want)
	}
	if !utf8.ValidString(want) || slices.ContainsFunc(marks, func(at int) bool {
		return at > len(want) || at < len(want) && !utf8.RuneStart(want[at])
	}) {
		return indexMarkedPattern(s, want, marks, f.pattern())
	}
	return scanMarked(s, want, marks, f)
}

// indexMarkedPattern is indexMarked's search with a pattern: want's
// characters, a lazy \\?? before each ASCII punctuation mark (as in
// indexEscapedPattern), and markup after the text before each mark and at
// the end. It is slow on a long want with many marks (a title of 3,000
// characters, where markup may stand between any two, took a second or
// more: FuzzHostile 16aace457c3c2a17).
func indexMarkedPattern(s, want string, marks []int, markup string) (int, int) {
	var re strings.Builder
	prev := 0
	for _, at := range append(marks, len(want)) {
		if at < prev {
			continue
		}
		for _, r := range want[prev:at] {
			if r < 0x80 && isASCIIPunct(byte(r)) {
				re.WriteString(`\\??`) // lazy, as in indexEscaped
			}
			re.WriteString(regexp.QuoteMeta(string(r)))
		}
		if at < len(want) || at == len(want) && len(marks) > 0 {
			re.WriteString(markup)
		}
		prev = at
	}
	loc := regexp.MustCompile(re.String()).FindStringIndex(s)
	if loc == nil {
		return -1, 0
	}
	return loc[0], loc[1] - loc[0]
}

// scanMarked is indexMarked's search by hand: what indexMarkedPattern's
// pattern finds (its leftmost match, each choice tried in the pattern's
// order), found by a search that remembers the places from which the rest
// cannot match, so that it takes time in proportion to len(s) times the
// number of marks at worst, not more. s is read character by character
// as the pattern reads it (a byte that is not UTF-8 is one U+FFFD); want
// is UTF-8 and every mark is at a character of it.
func scanMarked(s, want string, marks []int, f markupForm) (int, int) {
	// segs are the texts between the marks; markup follows each.
	var segs []string
	prev := 0
	for _, at := range append(marks[:len(marks):len(marks)], len(want)) {
		if at < prev {
			continue
		}
		segs = append(segs, want[prev:at])
		prev = at
	}
	markupAt := func(j int, out []int) []int { return f.tokensAt(s, j, out) }
	// failed holds the states from which the rest cannot match, each one
	// number (a map of them is fast): a place in want, or the markup after
	// a segment (len(want)+1+i), times len(s)+1, plus the place in s.
	segAt := make([]int, len(segs))
	for i, off := 1, 0; i < len(segs); i++ {
		off += len(segs[i-1])
		segAt[i] = off
	}
	failed := map[uint64]bool{}
	litState := func(i, k, j int) uint64 { return uint64(segAt[i]+k)*uint64(len(s)+1) + uint64(j) }
	markupState := func(i, j int) uint64 { return uint64(len(want)+1+i)*uint64(len(s)+1) + uint64(j) }
	var lit func(i, k, j int) int
	var markup func(i, j int) int
	// lit returns the end of a match of segs[i][k:] and the rest of the
	// pattern at s[j:], or −1.
	lit = func(i, k, j int) int {
		seg := segs[i]
		for k < len(seg) {
			r, size := utf8.DecodeRuneInString(seg[k:])
			if r < 0x80 && isASCIIPunct(byte(r)) {
				plain := j < len(s) && s[j] == byte(r)
				escaped := j+1 < len(s) && s[j] == '\\' && s[j+1] == byte(r)
				if plain && escaped { // r is \, and s has \\: both ways
					key := litState(i, k, j)
					if failed[key] {
						return -1
					}
					if e := backslashRun(seg[k:], s[j:], func(dk, dj int) int { return lit(i, k+dk, j+dj) }); e >= 0 {
						return e
					}
					failed[key] = true
					return -1
				}
				switch {
				case plain:
					j++
				case escaped:
					j += 2
				default:
					return -1
				}
				k++
				continue
			}
			if j >= len(s) {
				return -1
			}
			c, n := utf8.DecodeRuneInString(s[j:])
			if c != r {
				return -1
			}
			j, k = j+n, k+size
		}
		return markup(i, j)
	}
	var toks [][]int // per depth of the markup's recursion: its tokens
	// markup returns the end of a match of the markup after segs[i] and
	// the rest of the pattern at s[j:], or −1.
	markup = func(i, j int) int {
		last := i == len(segs)-1
		if last && !f.greedy {
			return j // as little markup as it can: none
		}
		key := markupState(i, j)
		if failed[key] {
			return -1
		}
		if !f.greedy {
			if e := lit(i+1, 0, j); e >= 0 {
				return e
			}
		}
		toks = append(toks, nil)
		d := len(toks) - 1
		toks[d] = markupAt(j, toks[d])
		for _, n := range toks[d] {
			if e := markup(i, j+n); e >= 0 {
				toks = toks[:d]
				return e
			}
		}
		toks = toks[:d]
		if f.greedy {
			if last {
				return j
			}
			if e := lit(i+1, 0, j); e >= 0 {
				return e
			}
		}
		failed[key] = true
		return -1
	}
	for p := 0; p < len(s); {
		if e := lit(0, 0, p); e >= 0 {
			return p, e - p
		}
		_, n := utf8.DecodeRuneInString(s[p:])
		p += n
	}
	return -1, 0
}

// markedEnds returns, in order, the ends of the matches of want at the
// start of s with inline markup of the form f at the places marks (as
// indexMarked reads them) and none after want's last character: every
// choice of the markup between, which the lazy and the greedy search each
// make one way only (甲_[链](x)](_ read as 链]( under a link: the lazy
// search takes the address's ]( for the text's, the greedy one takes the
// _ after it, and the next piece's ** with it). nil when want is not
// UTF-8, a mark is inside a character, or the search would visit more
// than maxEndStates places.
func markedEnds(s, want string, marks []int, f markupForm) []int {
	if !utf8.ValidString(want) || slices.ContainsFunc(marks, func(at int) bool {
		return at > len(want) || at < len(want) && !utf8.RuneStart(want[at])
	}) {
		return nil
	}
	var segs []string // the texts between the marks, empty ones left out
	prev := 0
	for _, at := range append(marks[:len(marks):len(marks)], len(want)) {
		if at > prev {
			segs = append(segs, want[prev:at])
			prev = at
		}
	}
	visits := 0
	seen := map[int]bool{}
	from := []int{0} // the places where the text of the next segment may start
	if len(marks) > 0 && marks[0] == 0 {
		from = nil // markup may stand before the first character
		seen[0] = true
		for todo := []int{0}; len(todo) > 0; {
			j := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			from = append(from, j)
			for _, n := range f.tokensAt(s, j, nil) {
				if visits++; visits > maxEndStates {
					return nil
				}
				if !seen[j+n] {
					seen[j+n] = true
					todo = append(todo, j+n)
				}
			}
		}
	}
	for i, seg := range segs {
		// The places where seg ends, read from each place in from.
		ends := map[int]bool{}
		for _, j := range from {
			at := []int{j}
			for _, r := range seg {
				var next []int
				for _, j := range at {
					if visits++; visits > maxEndStates {
						return nil
					}
					if r < 0x80 && isASCIIPunct(byte(r)) {
						if j < len(s) && s[j] == byte(r) {
							next = append(next, j+1)
						}
						if j+1 < len(s) && s[j] == '\\' && s[j+1] == byte(r) {
							next = append(next, j+2)
						}
						continue
					}
					if c, n := utf8.DecodeRuneInString(s[j:]); j < len(s) && c == r {
						next = append(next, j+n)
					}
				}
				at = next
			}
			for _, j := range at {
				ends[j] = true
			}
		}
		if i == len(segs)-1 {
			out := make([]int, 0, len(ends))
			for j := range ends {
				out = append(out, j)
			}
			sort.Ints(out)
			return out
		}
		// The markup after seg: any run of tokens.
		from = from[:0]
		clear(seen)
		var todo []int
		for j := range ends {
			seen[j] = true
			todo = append(todo, j)
		}
		for len(todo) > 0 {
			j := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			from = append(from, j)
			for _, n := range f.tokensAt(s, j, nil) {
				if visits++; visits > maxEndStates {
					return nil
				}
				if !seen[j+n] {
					seen[j+n] = true
					todo = append(todo, j+n)
				}
			}
		}
	}
	return nil
}

// maxEndStates bounds the places markedEnds visits.
const maxEndStates = 1 << 12

// indexEscaped finds want in s, where the source may have written an ASCII
// punctuation mark of want with a backslash before it (Markdown escapes in
// crossheads, image text, table cells). It returns the index and length of
// the match, or −1. The match is the first place in s either way: an
// escaped one before a plain one is the one the text was read from.
func indexEscaped(s, want string) (int, int) {
	i := strings.Index(s, want)
	if !strings.ContainsFunc(want, func(r rune) bool { return r < 0x80 && isASCIIPunct(byte(r)) }) {
		return i, len(want)
	}
	if i >= 0 {
		// An earlier match starts at or before i and holds at most one
		// backslash per byte of want; with no backslash there, there is
		// none (and the pattern, long for a long text, is not run).
		s = s[:min(len(s), i+2*len(want))]
		if strings.IndexByte(s, '\\') < 0 {
			return i, len(want)
		}
	}
	if !utf8.ValidString(s) || !utf8.ValidString(want) {
		return indexEscapedPattern(s, want) // as a pattern reads bytes that are not UTF-8
	}
	return scanEscaped(s, want)
}

// scanEscaped is indexEscaped's search by hand (a pattern of a long want,
// say a run of 3,000 underscores, took a second on a paragraph of them):
// the first place in s where want matches, each ASCII punctuation mark
// of want with or without a backslash before it, the one without tried
// first (a backslash of the text, 甲\ then \ on the next line, is not
// the escape of the next one) — the leftmost match a pattern with a lazy
// \\?? before each mark finds (see indexEscapedPattern). For valid UTF-8.
func scanEscaped(s, want string) (int, int) {
	// failed holds the places (in s, in want) from which the rest of want
	// cannot match: only a backslash of want, which can match one or two
	// backslashes of s, makes a choice.
	failed := map[[2]int]bool{}
	var from func(j, k int) int // the end of a match of want[k:] at s[j:], or -1
	from = func(j, k int) int {
		for k < len(want) {
			r, size := utf8.DecodeRuneInString(want[k:])
			if r < 0x80 && isASCIIPunct(byte(r)) && j < len(s) && s[j] == '\\' {
				if r == '\\' && strings.HasPrefix(s[j:], `\\`) {
					key := [2]int{j, k}
					if failed[key] {
						return -1
					}
					if e := backslashRun(want[k:], s[j:], func(dk, dj int) int { return from(j+dj, k+dk) }); e >= 0 {
						return e
					}
					failed[key] = true
					return -1
				}
				if r != '\\' {
					j++ // the escape, when a mark follows
				}
			}
			if !strings.HasPrefix(s[j:], want[k:k+size]) {
				return -1
			}
			j, k = j+size, k+size
		}
		return j
	}
	for p := 0; p < len(s); p++ {
		if c := s[p]; c != want[0] && c != '\\' {
			continue
		}
		if e := from(p, 0); e >= 0 {
			return p, e - p
		}
	}
	return -1, 0
}

// backslashRun matches the run of m backslashes that want starts with at
// the run of n that s starts with, each backslash of want one of s or an
// escaped one (two), and returns what rest returns for the first way
// whose rest matches, or −1. The ways end at m+y bytes of s, y the
// backslashes read escaped, and a search trying one backslash before two
// at each place (as the pattern's lazy \\?? does) reaches them in the
// order y = 0, 1, …: so only m+1 rests are tried, not every one of the
// ways to interleave them (a run of 2,000 took a second; FuzzParse
// a310d2349c7ce5c6). rest takes the bytes of want and of s read.
func backslashRun(want, s string, rest func(dk, dj int) int) int {
	m, n := runLen(want, 0, '\\'), runLen(s, 0, '\\')
	for y := 0; y <= m && m+y <= n; y++ {
		if e := rest(m, m+y); e >= 0 {
			return e
		}
	}
	return -1
}

// indexEscapedPattern is indexEscaped's search with a pattern.
func indexEscapedPattern(s, want string) (int, int) {
	var re strings.Builder
	for _, r := range want {
		if r < 0x80 && isASCIIPunct(byte(r)) {
			// Lazy: a backslash of the text (甲\ then \ on the
			// next line) is not the escape of the next one.
			re.WriteString(`\\??`)
		}
		re.WriteString(regexp.QuoteMeta(string(r)))
	}
	loc := regexp.MustCompile(re.String()).FindStringIndex(s)
	if loc == nil {
		return -1, 0
	}
	return loc[0], loc[1] - loc[0]
}

// mastheadLines reports source text that can be a masthead: short lines,
// none a sentence of more than 30 characters.
func mastheadLines(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		l = trimSpace(l)
		n := runeLen(l)
		if n > 80 || n > 30 && isSentenceEnd(lastRune(l)) {
			return false
		}
	}
	return true
}

// clip shortens s for messages.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:30]) + "…" + string(r[len(r)-30:])
	}
	return s
}

// decoded returns a file's decoded, sanitised text.
func decoded(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := DecodeBytes(data, "")
	if err != nil {
		t.Fatal(err)
	}
	return string(res.Text)
}

// losslessFiles are the files the property is checked on.
func losslessFiles(t *testing.T) map[string]string {
	files := map[string]string{
		"sample":      samplePath(t, "sample.md"),
		"gb18030":     samplePath(t, "gb18030.txt"),
		"big5":        samplePath(t, "issues/big5.txt"),
		"utf16":       samplePath(t, "issues/utf16le-bom.md"),
		"frontmatter": samplePath(t, "issues/frontmatter.md"),
		"note-inline": samplePath(t, "issues/note-inline.md"),
	}
	if p := filepath.Join(repoRoot(t), "..", "shared", "seed", "000_f6fea3e315053468.txt"); fileExists(p) {
		files["seed"] = p
	}
	return files
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestLossless(t *testing.T) {
	for name, path := range losslessFiles(t) {
		t.Run(name, func(t *testing.T) {
			is := mustOpen(t, path, Options{noStitch: true})
			if err := checkLossless(decoded(t, path), is); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestLosslessArchive checks each file of the archive folders: every
// article's text is in its file, and each file is read once unless it is
// a duplicate of an earlier one.
func TestLosslessArchive(t *testing.T) {
	dirs := []string{samplePath(t, "issues/archive-20240601"), samplePath(t, "issues/archive-20250110")}
	if p := filepath.Join(repoRoot(t), "..", "shared", "real", "people-daily-2019-10-02"); fileExists(p) {
		dirs = append(dirs, p)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, e := range entries {
				path := filepath.Join(dir, e.Name())
				data, _ := os.ReadFile(path)
				art, ad, _, err := parseArchiveFile(data, Options{Name: path})
				if err != nil {
					t.Fatal(err)
				}
				if ad || art == nil {
					continue
				}
				one := &Issue{Sections: []Section{{Articles: []Article{*art}}}}
				if err := checkLossless(decoded(t, path), one); err != nil {
					t.Errorf("%s: %v", e.Name(), err)
				}
				seen[articleKey(art)] = true
			}
			is := mustOpen(t, dir, Options{})
			if got := is.Count(); got != len(seen) {
				t.Errorf("folder has %d articles, want %d distinct", got, len(seen))
			}
		})
	}
}

// TestStitchKeepsText checks that stitching only moves text: the stitched
// issue holds the same pieces as the unstitched one, minus the repeated
// title of each continuation.
func TestStitchKeepsText(t *testing.T) {
	for name, path := range losslessFiles(t) {
		t.Run(name, func(t *testing.T) {
			plain := mustOpen(t, path, Options{noStitch: true})
			stitched := mustOpen(t, path, Options{})
			all := func(is *Issue) string {
				var b strings.Builder
				for _, a := range is.Articles() {
					for _, p := range a.Pieces() {
						b.WriteString(nonSpace(p.Text))
					}
				}
				return b.String()
			}
			got, want := sortedRunes(all(stitched)), all(plain)
			removed := plain.Count() - stitched.Count()
			for _, a := range stitched.Articles() {
				if len(a.Continued) > 0 {
					// The continuation repeated the title.
					for range a.Continued {
						want = strings.Replace(want, nonSpace(a.Title), "", 1)
					}
				}
			}
			if got != sortedRunes(want) {
				t.Errorf("stitching changed the text (%d continuations)", removed)
			}
		})
	}
}

// sortedRunes returns the runes of s sorted, to compare texts as multisets.
func sortedRunes(s string) string {
	r := []rune(s)
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j] < r[j-1]; j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
	return string(r)
}

// TestLosslessCrossheadMarkup checks that a crosshead read from a Markdown
// heading with emphasis passes checkLossless (its markup is taken out and
// it keeps no spans), and that a character lost from it is still caught.
func TestLosslessCrossheadMarkup(t *testing.T) {
	for _, src := range []string{
		"# 标题\n\n正文第一段。\n\n## 小标_题一_ \n\n正文第二段。\n",
		"# 标题\n\n正文第一段。\n\n## 小标题*一*\n\n正文第二段。\n",
		"# 标题\n\n正文第一段。\n\n## 小\ufffd_\ufffd一\ufffd_ \n\n正文第二段。\n",
	} {
		losslessAndCaught(t, src, "crosshead", func(a *Article) bool { return dropFromBlocks(a, BlockHeading, "一") })
	}
}

// dropFromBlocks removes the first lost from the text of each block of
// a of kind k, and reports whether a has one.
func dropFromBlocks(a *Article, k BlockKind, lost string) (found bool) {
	for i := range a.Blocks {
		if a.Blocks[i].Kind == k {
			a.Blocks[i].Text, found = strings.Replace(a.Blocks[i].Text, lost, "", 1), true
		}
	}
	return found
}

// losslessAndCaught parses src (not stitched) and checks that
// checkLossless passes on it, and fails once damage has changed its first
// article (damage reports whether it found the part, named what, to
// change).
func losslessAndCaught(t *testing.T, src, what string, damage func(a *Article) bool) {
	t.Helper()
	is, err := ParseBytes([]byte(src), Options{Name: "x.md", noStitch: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkLossless(src, is); err != nil {
		t.Errorf("%q: %v", src, err)
	}
	if !damage(&is.Sections[0].Articles[0]) {
		t.Fatalf("%q: no %s", src, what)
	}
	if checkLossless(src, is) == nil {
		t.Errorf("%q: a character of the %s changed was not caught", src, what)
	}
}

// TestLosslessEscapedFirst: a paragraph written with an escaped mark
// (甲\,) is found where it stands, not at a later place where the same
// text stands unescaped; the check then took the text before that later
// place for lost (FuzzParse 5f20e924bacf0280). A character lost is still
// caught.
func TestLosslessEscapedFirst(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"甲\\,乙甲,", "甲,"},
		{"乙甲\\,丙甲,", "甲,"},
		{"甲,乙甲\\,", "甲,"},
	} {
		i, n := indexEscaped(tc.s, tc.want)
		first := min(strings.Index(tc.s, "甲\\,"), strings.Index(tc.s, "甲,"))
		if i != first || !strings.HasPrefix(strings.ReplaceAll(tc.s[i:i+n], "\\", ""), tc.want) {
			t.Errorf("indexEscaped(%q, %q) = %d, %d; want the first place, %d", tc.s, tc.want, i, n, first)
		}
	}
	// A backslash of the text is not taken for the escape of the next
	// one: 甲\ then \ on the next line are two texts (FuzzParse
	// 3b9aa4f563a29309, which the first place taken above found).
	if i, n := indexEscaped("甲\\\\", "甲\\"); i != 0 || n != len("甲\\") {
		t.Errorf("indexEscaped(甲\\\\, 甲\\) = %d, %d; want 0, %d", i, n, len("甲\\"))
	}
	// The same where markup may stand between the characters (a
	// kicker ~\ over a title \: FuzzParse 942d517bfe5a6a10).
	if i, n := indexMarked("~\\\\", "~\\", []int{1}, markupForm{}); i != 0 || n != len("~\\") {
		t.Errorf("indexMarked(~\\\\, ~\\) = %d, %d; want 0, %d", i, n, len("~\\"))
	}
	losslessAndCaught(t, "甲\\,\n乙丙\n#\n丁\n\n甲,\n", "paragraph", func(a *Article) bool {
		last := len(a.Paragraphs) - 1
		a.Paragraphs[last] = strings.Replace(a.Paragraphs[last], "丙", "", 1)
		return true
	})
}

// TestLosslessCodeLineStarts: inside a fenced code block a > or \ at the
// start of a line is text the code block keeps, not a quote mark or an
// escape; the check took it for one and reported the code's text as not
// in the source. A fence of four tildes with a language (~~~~ go) is
// markup like one of three. Outside the block they are still marks, and a
// character lost from the code is still caught.
func TestLosslessCodeLineStarts(t *testing.T) {
	for _, src := range []string{
		"# 题\n\n正文。\n\n```\n> 引\n>> 二\n```\n\n正文。\n",
		"# 题\n\n正文。\n\n~~~~ go\n\\# 引\n  > 二\n~~~\n~~~~~\n\n> 正文。\n",
		"# 题\n\n正文。\n\n  ```\n  > 引\n  ```\n\n\\# 正文。\n",
	} {
		losslessAndCaught(t, src, "code block", func(a *Article) bool { return dropFromBlocks(a, BlockCode, "引") })
	}
}

// TestLosslessLinkTarget: a link's address may hold parentheses in pairs,
// nested ([甲]((乙)丙)); the address is kept in the link's span and its
// text is markup, all of it: the check took the text after the first )
// for lost (FuzzParse 166b73a741ec919e), and within a paragraph it read
// only one level of nesting (FuzzParse 9f5c0b13f7ae6090); a ] after the
// link was matched to the link's own ] (FuzzParse 33540fb93a23e030). A
// character of the link's text changed is still caught.
func TestLosslessLinkTarget(t *testing.T) {
	for _, src := range []string{
		"# 题\n\n正文[甲]((乙)丙)。\n",
		"# 题\n\n[甲](((乙))丙\\)丁)\n",
		"# 题\n\n正文[甲]((乙)丙)与[戊](己)。\n",
		"# 题\n\n正文[甲]((乙((丙)))丁)戊。\n",
		"# 题\n\n[甲)]((乙)丙)]\n",
		"# 题\n\n[甲](乙)(乙\n",
	} {
		losslessAndCaught(t, src, "link's text", func(a *Article) bool {
			if len(a.Spans) == 0 || a.Spans[0].Kind != SpanLink {
				return false
			}
			a.Paragraphs[0] = strings.Replace(a.Paragraphs[0], "甲", "丁", 1) // same length: the spans stay in place
			return true
		})
	}
}

// TestLosslessLinkTitle: a link's address may be followed by a title in
// quotes, which may hold parentheses ([甲](乙 ')')): the reader drops it
// with the address (see scanCache.link); the check took the address to
// end at the title's ) and the rest of the title for text lost (FuzzParse
// 482db77716f8a6ce). A character of the link's text changed is still
// caught.
func TestLosslessLinkTitle(t *testing.T) {
	for _, src := range []string{
		"# 题\n\n偶[甲](乙 ')')戊。\n",
		"# 题\n\n偶[甲](乙 \"(\")戊。\n",
		"# 题\n\n偶[甲](乙 '\\')')丙)戊。\n",
		"# 题\n\n偶[甲]((乙) \")(\" )戊。\n",
		"# 题\n\n偶[甲](乙 '丙)')戊。\n",
	} {
		losslessAndCaught(t, src, "link's text", func(a *Article) bool {
			if len(a.Spans) == 0 || a.Spans[0].Kind != SpanLink {
				return false
			}
			a.Paragraphs[0] = strings.Replace(a.Paragraphs[0], "甲", "丁", 1)
			return true
		})
	}
}

// TestLosslessLinkEscapedParen: in a link's address a backslash escapes
// the mark after it (\) is no parenthesis, as the reader reads it: see
// scanCache.link); the check took \) for the address's end and the rest
// of the address for text lost (FuzzParse 4ab87bcc6597679e). A character
// of the link's text changed is still caught.
func TestLosslessLinkEscapedParen(t *testing.T) {
	for _, src := range []string{
		"# 题\n\n偶[甲](\\)(乙)丙)))戊。\n",
		"# 题\n\n偶[甲](乙\\()))戊。\n",
		"# 题\n\n偶[甲](乙\\\\)))戊。\n",
		"# 题\n\n偶[甲](乙\\丙)))戊。\n",
	} {
		losslessAndCaught(t, src, "link's text", func(a *Article) bool {
			if len(a.Spans) == 0 || a.Spans[0].Kind != SpanLink {
				return false
			}
			a.Paragraphs[0] = strings.Replace(a.Paragraphs[0], "甲", "丁", 1)
			return true
		})
	}
}

// TestLosslessImageAddress: an image line's address runs to its ) even
// when a ( inside is never closed (![图](a(b)); the check, reading link
// addresses with their parentheses in pairs, took it for lost (FuzzHostile
// 9cbc36e3ca2e2128). A character of the image's text changed is still
// caught.
func TestLosslessImageAddress(t *testing.T) {
	losslessAndCaught(t, "# 题\n\n正文。\n\n![甲图](a(乙)\n\n正文。\n", "image", func(a *Article) (found bool) {
		for i := range a.Blocks {
			if a.Blocks[i].Kind == BlockImage {
				a.Blocks[i].Alt, found = strings.Replace(a.Blocks[i].Alt, "甲", "丁", 1), true
			}
		}
		return found
	})
}

// TestLosslessAddressWithTagEnd: an address holding a > (![图](>a),
// [甲](>乙)) is a link's or an image's address all the same; the check took
// the ]( before the > for the end of an HTML tag, so that the rest of the
// address was text lost (FuzzHostile de4a462794c774bc). An image line's
// address runs to the last ) of its line (![图]()g) reads )g): the check
// ended it at the first (FuzzHostile 7e5f79e728b5167e). A character of
// the image's text changed is still caught.
func TestLosslessAddressWithTagEnd(t *testing.T) {
	for _, src := range []string{
		"第一版要闻\n![甲图](>a)\n",
		"# 第一版 要闻\n\n## 题\n\n正文。\n\n![甲图](x>y>z)\n",
		"# 第一版 要闻\n\n## 题\n\n正文。\n\n![甲图](<a href=x>)\n",
		"第一版要闻\n![甲图]()g)\n",
	} {
		losslessAndCaught(t, src, "image", func(a *Article) (found bool) {
			for i := range a.Blocks {
				if a.Blocks[i].Kind == BlockImage {
					a.Blocks[i].Alt, found = strings.Replace(a.Blocks[i].Alt, "甲", "丁", 1), true
				}
			}
			return found
		})
	}
	for _, tc := range []struct {
		gap  string
		want bool
	}{
		{"](>g)", true},
		{"](a>b)", true},
		{"\"src=x>", true},
		{"](>g)乙", false},
		{"]()g)", true},
		{"]()g)乙", false},
	} {
		if got := markupOnly(tc.gap); got != tc.want {
			t.Errorf("markupOnly(%q) = %v, want %v", tc.gap, got, tc.want)
		}
	}
}

// TestLosslessBogusTag: in a figure, a tag whose name does not start with
// a letter (</馆合tion>, <!馆合>) is a tag all the same — HTML reads it as a
// comment, and the figure reader takes it out with the other tags; the
// check took only tags named in ASCII for markup, and its text for lost
// (FuzzParse 7d834c34cd05c955); inside the caption it took no tag at all
// for markup (甲<b>图</b>). A character of the caption changed is still
// caught.
func TestLosslessBogusTag(t *testing.T) {
	for _, src := range []string{
		"# 题\n\n正文。\n\n<figure><img src=\"a.jpg\"><figcaption>甲图 摄</馆合tion></figure>\n\n正文二。\n",
		"# 题\n\n正文。\n\n<figure><img src=\"a.jpg\"><figcaption>甲图<!馆合> 摄</figcaption></figure>\n\n正文二。\n",
		"# 题\n\n正文。\n\n<figure><img src=\"a.jpg\"><figcaption>甲图</ 馆> 摄</figcaption></figure>\n\n正文二。\n",
		"# 题\n\n正文。\n\n<figure><img src=\"a.jpg\"><figcaption>甲<b>图</b> <a href=\"x\">摄</a></figcaption></figure>\n\n正文二。\n",
	} {
		losslessAndCaught(t, src, "figure", func(a *Article) (found bool) {
			for i := range a.Blocks {
				if a.Blocks[i].Kind == BlockImage {
					a.Blocks[i].Text, found = strings.Replace(a.Blocks[i].Text, "甲", "丁", 1), true
				}
			}
			return found
		})
	}
}

// TestLosslessLineStartBackslash: a backslash at the start of a line
// before an ASCII punctuation mark is inline markup — an escape, or text
// inside a code span (` then \` on the next line, read as one paragraph,
// the span's text " \");
// the check took it for an escaped line start and left it out, so the
// code's backslash was text not in the source (FuzzParse
// f502bddea6f92873). An escape there, and an escaped line start before
// other text, are still left out; a character lost is still caught.
func TestLosslessLineStartBackslash(t *testing.T) {
	for _, src := range []string{
		"\n`\n\\`乙",
		"# 题\n\n`\n\\`乙。\n",
		"# 题\n\n正文`甲\n\\`乙。\n",
		"# 题\n\n正文\n\\*乙*。\n",
		"# 题\n\n\\第二版 乙\n",
	} {
		losslessAndCaught(t, src, "paragraph", func(a *Article) bool {
			last := len(a.Paragraphs) - 1
			if last < 0 || !strings.Contains(a.Paragraphs[last], "乙") {
				return false
			}
			a.Paragraphs[last] = strings.Replace(a.Paragraphs[last], "乙", "丁", 1)
			return true
		})
	}
}

// TestLosslessFrontMatterEnd: front matter ends where the parser ends it
// (see frontMatter): at the first line --- or ..., the line right after
// the opening one among them; the check looked for the closing line only
// from the line after that, so ---, ---, e:, --- was front matter to the
// check, holding e:, and text to the parser, whose e: the check then took
// for not in the source (FuzzParse 33130940dfb66f27). A closing ... and a
// closing --- at the very end are front matter to both. A character of
// the text changed is still caught.
func TestLosslessFrontMatterEnd(t *testing.T) {
	for _, src := range []string{
		"---\n---\n甲乙:\n---\n",
		"---\n---\n# 题\n\n甲乙。\n\n---\n",
		"---\ntitle: 题\n...\n\n甲乙。\n\n---\n",
		"---\ntitle: 题\n---\n\n甲乙。\n",
	} {
		losslessAndCaught(t, src, "text", func(a *Article) bool {
			for _, p := range a.Pieces() {
				if strings.Contains(p.Text, "甲") {
					switch {
					case len(a.Paragraphs) > 0 && strings.Contains(a.Paragraphs[0], "甲"):
						a.Paragraphs[0] = strings.Replace(a.Paragraphs[0], "甲", "丁", 1)
					case strings.Contains(a.Title, "甲"):
						a.Title = strings.Replace(a.Title, "甲", "丁", 1)
					default:
						return false
					}
					return true
				}
			}
			return false
		})
	}
}

// TestLosslessArchiveColumnKicker: in the 1946–2003 archive's Markdown,
// the column of the head (专栏：丙) stands above the title as its kicker
// when the page has a name; with the decks not repeated after the head,
// the title is read from the ### line before it, and the check, looking
// for the kicker first, then found no title after it (FuzzParse
// da374b565e2749ca). A character of the title or of the kicker changed
// is still caught.
func TestLosslessArchiveColumnKicker(t *testing.T) {
	src := "### 甲乙\n1946-05-15\n第2版(A)\n专栏：丙\n\n正文。\n"
	losslessAndCaught(t, src, "title", func(a *Article) bool {
		a.Title = strings.Replace(a.Title, "甲", "丁", 1)
		return a.Kicker == "丙" && strings.Contains(a.Title, "丁")
	})
	losslessAndCaught(t, src, "kicker", func(a *Article) bool {
		a.Kicker = strings.Replace(a.Kicker, "丙", "丁", 1)
		return a.Kicker == "丁"
	})
}

// TestLosslessArchivePageNameParens: the page's name in the 1946–2003
// archive's head may hold parentheses (第2版(A(B), 第2版(A)B)): the
// parser takes the page line's first ( and its last ) for the name's
// brackets, and the check's head (oldHeadGap) took none inside and the
// column above the title for lost (FuzzParse c92c04eab9f5cbd2). A
// character of the title or of the kicker changed is still caught.
func TestLosslessArchivePageNameParens(t *testing.T) {
	for _, src := range []string{
		"### 甲\n1946-05-15\n第2版(乙()\n专栏：丙冀中十日电】入夏以",
		"### 甲乙\n1946-05-15\n第2版(A(B)\n专栏：丙戊己庚辛壬癸子丑寅卯\n\n正文。\n",
		"### 甲乙\n1946-05-15\n第2版(A)B)\n专栏：丙戊己庚辛壬癸子丑寅卯\n\n正文。\n",
		"### 甲乙\n1946-05-15\n第2版（要（闻）\n专栏：丙戊己庚辛壬癸子丑寅卯\n\n正文。\n",
	} {
		losslessAndCaught(t, src, "title", func(a *Article) bool {
			a.Title = strings.Replace(a.Title, "甲", "丁", 1)
			return strings.HasPrefix(a.Kicker, "丙") && strings.Contains(a.Title, "丁")
		})
		losslessAndCaught(t, src, "kicker", func(a *Article) bool {
			a.Kicker = strings.Replace(a.Kicker, "丙", "丁", 1)
			return strings.HasPrefix(a.Kicker, "丁")
		})
	}
}

// TestLosslessMastheadThenPageLine: before the first article, the
// masthead and a page line that is not masthead-shaped (over 30
// characters, ending like a sentence) are left out together: each line
// is one or the other (FuzzHostile aa8836044de42486). A character of the
// title changed is still caught.
func TestLosslessMastheadThenPageLine(t *testing.T) {
	src := "白沙晚报社出版\n\n2024年3月5日 星期二\n\n# 第9版 要闻要闻要闻要闻要闻要闻要闻要闻要闻要闻要闻要闻要闻!\n## 标题甲\n\n本报讯 正文第一段。\n"
	losslessAndCaught(t, src, "title", func(a *Article) bool {
		a.Title = strings.Replace(a.Title, "甲", "丁", 1)
		return strings.Contains(a.Title, "丁")
	})
}

// TestScanEscapedIsPattern: the search by hand finds what the pattern
// finds, on many short texts of backslashes, marks and letters (and a
// few long runs, where the pattern is slow).
func TestScanEscapedIsPattern(t *testing.T) {
	alphabet := []string{`\`, `\`, "_", "*", "[", "a", "甲"}
	rnd := rand.New(rand.NewPCG(17, 1))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		return b.String()
	}
	type pair struct{ s, want string }
	pairs := []pair{
		{strings.Repeat("_", 400), strings.Repeat("_", 399) + "a"},
		{strings.Repeat(`\_`, 200), strings.Repeat("_", 150)},
		{strings.Repeat(`\`, 300), strings.Repeat(`\`, 120)},
		{strings.Repeat(`\\_`, 100), `\_\_`},
	}
	for range 20000 {
		s := word(rnd.IntN(14))
		want := word(1 + rnd.IntN(5))
		if rnd.IntN(2) == 0 && len(s) > 0 { // often a piece of s
			i := rnd.IntN(len(s))
			for !utf8.RuneStart(s[i]) {
				i--
			}
			want = strings.ReplaceAll(s[i:], `\`, "")
			if want == "" {
				want = "_"
			}
		}
		pairs = append(pairs, pair{s, want})
	}
	for _, p := range pairs {
		if !strings.ContainsAny(p.want, `\_*[`) {
			continue // indexEscaped has no pattern for it
		}
		i, n := scanEscaped(p.s, p.want)
		wi, wn := indexEscapedPattern(p.s, p.want)
		if i != wi || (i >= 0 && n != wn) {
			t.Errorf("scanEscaped(%q, %q) = %d, %d; the pattern finds %d, %d", p.s, p.want, i, n, wi, wn)
		}
	}
}

// TestScanMarkedIsPattern: the search by hand finds what the pattern
// finds (the same place and length), lazy and greedy, with and without
// tags, on many short texts of marks, links, tags and letters, with marks
// anywhere in want, and on a long title like the hostile corpus's
// markup.md's (3,000 characters with markup allowed between any two: the
// pattern took 1–2 s on it, and a fuzz worker busy 10 s with a mutation
// of it was killed as hung, FuzzHostile 16aace457c3c2a17; here 400, for
// the pattern's sake).
func TestScanMarkedIsPattern(t *testing.T) {
	alphabet := []string{`\`, `\\`, "_", "*", "[", "]", "](", "(", ")", "<", "<b>", ">", "!", "a", "甲", "\n", `"`, "'"}
	rnd := rand.New(rand.NewPCG(13, 3))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		return b.String()
	}
	type tc struct {
		s, want string
		marks   []int
	}
	title := strings.Repeat("题", 400)
	every := func(w string) []int {
		var out []int
		for i := range w {
			if i > 0 {
				out = append(out, i)
			}
		}
		return out
	}
	cases := []tc{
		{"## " + strings.Repeat("题", 399) + "*题*\n", title, every(title)},
		{"## " + strings.Repeat("题", 399) + "\n", title, every(title)},
		{"甲](a(b(c)))乙", "甲乙", []int{3}},
		{"甲](a')')乙", "甲乙", []int{3}},
		{"甲](a\"(\\\")\")乙)", "甲乙)", []int{3}},
		{strings.Repeat("<b>甲](x(y))", 50) + "乙", strings.Repeat("甲", 50) + "乙", every(strings.Repeat("甲", 50) + "乙")},
	}
	for range 8000 {
		s := word(rnd.IntN(14))
		want := nonSpace(strings.NewReplacer("<b>", "", "](", "").Replace(word(1 + rnd.IntN(5))))
		if rnd.IntN(2) == 0 && len(s) > 0 { // often a piece of s, its markup taken out
			i := rnd.IntN(len(s))
			for !utf8.RuneStart(s[i]) {
				i--
			}
			want = nonSpace(strings.Map(func(r rune) rune {
				if strings.ContainsRune("*_`[]!<>\\", r) && rnd.IntN(3) > 0 {
					return -1
				}
				return r
			}, s[i:]))
		}
		if want == "" {
			want = "甲"
		}
		var marks []int
		for i := 0; i <= len(want); i++ {
			if (i == len(want) || utf8.RuneStart(want[i])) && rnd.IntN(3) == 0 {
				marks = append(marks, i)
			}
		}
		if len(marks) == 0 {
			marks = []int{len(want)}
		}
		cases = append(cases, tc{s, want, marks})
	}
	for _, c := range cases {
		// The depth s has, and 1, where a link's address in s may nest
		// deeper than the pattern takes.
		var forms []markupForm
		for _, depth := range []int{parenDepth(c.s), 1} {
			forms = append(forms, markupForm{depth: depth}, markupForm{depth: depth, tags: true}, markupForm{depth: depth, greedy: true}, markupForm{depth: depth, tags: true, greedy: true})
		}
		for _, f := range forms {
			i, n := scanMarked(c.s, c.want, c.marks, f)
			wi, wn := indexMarkedPattern(c.s, c.want, c.marks, f.pattern())
			if i != wi || (i >= 0 && n != wn) {
				t.Errorf("scanMarked(%q, %q, %v, %+v) = %d, %d; the pattern finds %d, %d", clip(c.s), clip(c.want), c.marks, f, i, n, wi, wn)
			}
		}
	}
}

// TestMarkupOnlyFast: markupOnly's scan of a gap with nothing for its
// patterns to take out (see markupStarts) says what the patterns say, on
// many short gaps of marks, digits, bullets and letters.
func TestMarkupOnlyFast(t *testing.T) {
	alphabet := []string{"<", ">", "<b>", "](", "(", ")", "`", "```", "~", "~~~", "1", "12", ".", "a", "甲", "•", "■", "#", "-", "*", "\n"}
	rnd := rand.New(rand.NewPCG(5, 8))
	fast := 0
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(8) {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		gap := b.String()
		slow := onlyPunct(withoutMarkup(gap, false)) || onlyPunct(withoutMarkup(gap, true)) ||
			onlyPunct(withoutMarkup(imageAddressOut(gap), false))
		if !markupStarts(gap) {
			fast++
		}
		if got := markupOnly(gap); got != slow {
			t.Errorf("markupOnly(%q) = %v, the patterns say %v", gap, got, slow)
		}
	}
	if fast < 1000 {
		t.Errorf("only %d gaps took the scan", fast)
	}
}

// TestLosslessArchiveQuoteMark: the 1946–2003 archive's body lines are
// text as they stand: a > or \ at a line's start is kept (in the byline
// >  本报记者, in a paragraph), where the check left it out as Markdown's
// quote mark or escape and found the byline out of place (FuzzParse
// e91cc522c8922819). A character of the byline changed is still caught.
func TestLosslessArchiveQuoteMark(t *testing.T) {
	for _, src := range []string{
		"### 甲乙\n1946-05-15\n第2版(A)\n专栏：丙\n\n >  本报记者  林  平\n\n    正文。\n",
		"### 甲乙\n1946-05-15\n第2版(A)\n专栏：丙\n\n    本报记者  林  平\n\n> 正文。\n\n\\丁戊。\n",
	} {
		losslessAndCaught(t, src, "byline", func(a *Article) bool {
			a.Byline = strings.Replace(a.Byline, "林", "丁", 1)
			return strings.Contains(a.Byline, "丁")
		})
	}
}

// TestLosslessPageNameLines: two page lines in a row that do not read as
// page lines (no 版: 第−3版 read as GB18030 is 绗…鐗�), the first a page
// left without articles, keep their text as the pages' names; the gap
// between two articles that holds both is no page name and a few more
// characters, and the check took it for lost (FuzzHostile
// 12eb793dc231bfe8, forced GB18030). A character of a name changed is
// still caught.
func TestLosslessPageNameLines(t *testing.T) {
	for _, src := range []string{
		"白沙晚报社出版\n\n2024年3月5日 星期二\n\n# 要闻\n\n## 标题甲\n\n正文甲。\n\n## 标题丙\n\n正文丙。\n\n# 甲乙丙丁戊己庚辛壬癸\n\n## \n# 子丑寅卯辰巳午未申酉\n\n## 标题乙\n\n正文乙。\n",
	} {
		losslessAndCaught(t, src, "title", func(a *Article) bool {
			a.Title = strings.Replace(a.Title, "甲", "丁", 1)
			return strings.Contains(a.Title, "丁")
		})
		is, err := ParseBytes([]byte(src), Options{Name: "x.md", noStitch: true})
		if err != nil {
			t.Fatal(err)
		}
		changed := false
		for i := range is.Sections {
			if strings.HasPrefix(is.Sections[i].Name, "甲乙") {
				is.Sections[i].Name = strings.Replace(is.Sections[i].Name, "丙", "丁", 1)
				changed = true
			}
		}
		if !changed {
			t.Fatalf("%q: no page 甲乙…: %+v", src, is.Sections)
		}
		if checkLossless(src, is) == nil {
			t.Errorf("%q: a character of a page's name changed was not caught", src)
		}
	}
}

// TestLosslessLinkTextAfterAddress: a text that holds ]( right after a
// link ([链](x)](, under emphasis or not) is found whichever way the
// markup between its characters is read: the lazy search reads the
// address's ]( as the text's and leaves x) in the gap, the greedy one
// takes the marks of the next piece (the review's cases, false "out of
// order" reports of text the model keeps).
func TestLosslessLinkTextAfterAddress(t *testing.T) {
	for _, src := range []string{
		"# 标题\n\n他说很多很多话在这里一直说下去甲0~\n\n他说很多很多话在这里一直说下去_[链](x)](_\n\n**I__丙__\n\n**\n\n![图](p.png)0\n\n另起一段。\n",
		"# 标题\n\n![图](p.png)](\n\n*>!>*__丙__!](\n\n_\n\n``d``甲\n\n另起一段。\n",
		"# 标题\n\n他说很多很多话在这里一直说下去![图](p.png)](\n\n`*33*号`c`第I\n\n他说很多很多话在这里一直说下去0a*>!>**乙*\n\n另起一段。\n",
		"## 题\n\n_[链](x)](_\n\n**乙**\n",
	} {
		is, err := ParseBytes([]byte(src), Options{Name: "x.md", noStitch: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := checkLossless(src, is); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// TestMarkedEndsIsPattern: markedEnds gives exactly the places e where
// the pattern of want — its texts, markup between them and before the
// first when a mark is at 0, none after the last — matches all of s[:e].
func TestMarkedEndsIsPattern(t *testing.T) {
	alphabet := []string{`\`, `\\`, "_", "*", "[", "]", "](", "(", ")", "<", "<b>", ">", "!", "a", "甲"}
	rnd := rand.New(rand.NewPCG(21, 4))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		return b.String()
	}
	checked := 0
	for range 3000 {
		s := word(rnd.IntN(14))
		want := strings.Map(func(r rune) rune {
			if strings.ContainsRune("*_`[]!<>\\", r) && rnd.IntN(3) > 0 {
				return -1
			}
			return r
		}, s)
		if rnd.IntN(4) == 0 {
			want = word(1 + rnd.IntN(4))
		}
		if want == "" {
			want = "甲"
		}
		var marks []int
		for i := 0; i <= len(want); i++ {
			if (i == len(want) || utf8.RuneStart(want[i])) && rnd.IntN(3) == 0 {
				marks = append(marks, i)
			}
		}
		for _, f := range []markupForm{{depth: parenDepth(s)}, {depth: 1, tags: true}} {
			// The pattern: the texts between the marks, the markup
			// between them, none after the last.
			var re strings.Builder
			prev := 0
			for _, at := range append(slices.Clone(marks), len(want)) {
				if at == 0 {
					re.WriteString(inlineMarkup(f.depth, f.tags))
				}
				if at <= prev {
					continue
				}
				if prev > 0 {
					re.WriteString(inlineMarkup(f.depth, f.tags))
				}
				for _, r := range want[prev:at] {
					if r < 0x80 && isASCIIPunct(byte(r)) {
						re.WriteString(`\\?`)
					}
					re.WriteString(regexp.QuoteMeta(string(r)))
				}
				prev = at
			}
			full := regexp.MustCompile("^(?:" + re.String() + ")$")
			var wantEnds []int
			for e := 0; e <= len(s); e++ {
				if full.MatchString(s[:e]) {
					wantEnds = append(wantEnds, e)
				}
			}
			if got := markedEnds(s, want, marks, f); !slices.Equal(got, wantEnds) && !(len(got) == 0 && len(wantEnds) == 0) {
				t.Errorf("markedEnds(%q, %q, %v, %+v) = %v; the pattern ends at %v", s, want, marks, f, got, wantEnds)
			}
			checked += len(wantEnds)
		}
	}
	if checked < 500 {
		t.Fatalf("only %d ends checked", checked)
	}
}

// TestLosslessBareBackslashAddress: a backslash that a space follows
// escapes nothing, in a link's address too: ](\ ) is the address \,
// closed by its ), which the check, reading the text without its spaces
// (](\)), took for an escaped ) and ran the address on into the text
// after it (FuzzParse 4ca25de33de8b29d).
func TestLosslessBareBackslashAddress(t *testing.T) {
	for _, src := range []string{
		"## 题\n\n[链](\\ )后\\文)尾\n",
		"## 题\n\n甲[链](\\\t)后\\文)尾[二](\\ \\ )完\\)\n",
	} {
		is, err := ParseBytes([]byte(src), Options{Name: "x.md", noStitch: true})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(is.Articles()[0].Spans); n == 0 {
			t.Fatalf("%q: no link read: %s", src, jsonOf(t, is))
		}
		// The text after the address is still read: a character of it
		// changed is caught.
		losslessAndCaught(t, src, "text after the link", func(a *Article) bool {
			if len(a.Paragraphs) == 0 || !strings.Contains(a.Paragraphs[0], "尾") {
				return false
			}
			a.Paragraphs[0] = strings.Replace(a.Paragraphs[0], "尾", "丁", 1)
			return true
		})
	}
}

// TestLosslessCommentSpaces: a comment is read in the source, its spaces
// kept: a -- -> inside it is not its end, which the text without spaces
// (--->) would make it, leaving the comment's rest as text lost
// (FuzzParse d3ed644b26d0ad4a).
func TestLosslessCommentSpaces(t *testing.T) {
	for _, src := range []string{
		"## 题\n\n正文。\n\n<!-- 注 -- >\n\n中间\n\n<!-- 二 -->尾。\n",
		"## 题\n\n正文。\n\n<!-- 注 -- >中间<!-- 二 -->尾。\n",
	} {
		is, err := ParseBytes([]byte(src), Options{Name: "x.md", noStitch: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(is.Articles()[0].Paragraphs, "|"); got != "正文。|尾。" {
			t.Fatalf("%q: paragraphs %q", src, got)
		}
		if err := checkLossless(src, is); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// TestLosslessEscapedParenDepth: a link's address whose groups nest
// deeper than its parentheses counted with \) as a ) say is read whole:
// the check's pattern nests as deep as the escapes make it (FuzzParse
// 34f32862568350b9).
func TestLosslessEscapedParenDepth(t *testing.T) {
	for _, src := range []string{
		"## 题\n\n甲[](x\\)(y\\)(z)))乙\n",
		"## 题\n\n甲[链](x\\)(y\\)(z(w))))乙\n",
	} {
		is, err := ParseBytes([]byte(src), Options{Name: "x.md", noStitch: true})
		if err != nil {
			t.Fatal(err)
		}
		a := is.Articles()[0]
		if len(a.Spans) != 1 || a.Spans[0].Kind != SpanLink {
			t.Fatalf("%q: no link read: %s", src, jsonOf(t, is))
		}
		if err := checkLossless(src, is); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// TestLosslessTypedLineQuoteMark: the line after a comment that marks a
// block of a kind of its own (<!-- dubao:photo_credit -->) is that
// block's text as it stands, a leading > too (the writer escapes one:
// \>); the check took the > for a quote mark and reported the credit
// not found (FuzzParse 5f4ee3649004da2f, GB18030-looking bytes). Where
// no such comment stands the > is still a quote mark, and a character
// of the credit changed is still caught.
func TestLosslessTypedLineQuoteMark(t *testing.T) {
	for _, tc := range []struct{ src, credit string }{
		{"## 题\n\n正文。\n\n<!-- dubao:photo_credit -->\n>甲摄\n", ">甲摄"},
		{"## 题\n\n正文。\n\n<!-- dubao:photo_credit -->\n  > 甲摄\n> 乙\n", "> 甲摄"},
		{"## 题\n\n正文。\n<!-- dubao:layout_credit -->\n>甲摄\n乙\n", ">甲摄"},
		{"## 题\n\n正文。\n\n<!-- dubao:other -->\n>甲摄\n", ""},
	} {
		is, err := ParseBytes([]byte(tc.src), Options{Name: "x.md", noStitch: true})
		if err != nil {
			t.Fatal(err)
		}
		a := is.Articles()[0]
		got := ""
		if len(a.Blocks) > 0 && a.Blocks[0].Kind != BlockQuote {
			got = a.Blocks[0].Text
		}
		if got != tc.credit {
			t.Fatalf("%q: credit %q, want %q: %s", tc.src, got, tc.credit, jsonOf(t, is))
		}
		losslessAndCaught(t, tc.src, "block", func(a *Article) bool {
			if len(a.Blocks) == 0 || !strings.Contains(a.Blocks[0].Text, "甲") {
				return false
			}
			a.Blocks[0].Text = strings.Replace(a.Blocks[0].Text, "甲", "丁", 1)
			return true
		})
	}
}
