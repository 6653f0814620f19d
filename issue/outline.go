package issue

import (
	"strings"
	"unsafe"

	"dubao/issue/internal/vec"
)

// Outline is where each article of a text issue stands in its decoded
// text, so that one article can be read again on its own (ParseArticle)
// — what a search of a shelf needs to parse only the articles where its
// query occurs. Only text with Markdown titles has one: front matter,
// the 1946–2003 archive form and text without headings are read whole.
type Outline struct {
	// Mode holds the choices the parse of the whole text made for all of
	// it (the heading level of titles, blank-line paragraphs, indented
	// paragraphs), which an article read alone must be read with.
	Mode uint8
	// Verbatim says that the decoded text is the bytes that were parsed,
	// byte for byte (valid UTF-8 that decoding leaves as it is): the same
	// bytes need no decoding to be read again.
	Verbatim bool
	// Spans are the articles' places in document order, those stitched
	// into another or removed among them.
	Spans []ArticleSpan
	// Len is the length of the decoded text the outline was made from.
	Len int
	// Maps, when set, holds for each span the map of its article's pieces
	// in the decoded text (see PieceMap): what a search needs to find and
	// show the matches of an article whose pieces are slices of the text
	// without parsing it. It is nil, or as long as Spans.
	Maps []PieceMap
}

// PieceMap tells where the headline and the pieces of one article
// (Article.Pieces, in order) stand in the decoded text, for those that are
// the bytes of a range of it exactly; the others (lines joined, inline
// markup taken out, a headline cut with …) are known only by parsing the
// article. A span whose article is read only with the whole issue (N 0)
// has an empty map.
type PieceMap struct {
	// Headline is the byte range of Article.Headline, or −1, −1.
	Headline TextRange
	// Pieces has one range per piece of the article: the byte range of
	// its text, or −1, −1.
	Pieces []TextRange
}

// TextRange is a byte range [Start, End) of the decoded text; Start −1
// when the text it stands for is not a slice of it.
type TextRange struct{ Start, End int }

// Plain reports whether the text is the range of the decoded text.
func (r TextRange) Plain() bool { return r.Start >= 0 }

// Complete reports whether every piece of the map and its headline are
// slices of the text: the article's matches and hits can then be made
// from the text alone.
func (m *PieceMap) Complete() bool {
	if !m.Headline.Plain() || len(m.Pieces) == 0 {
		return false
	}
	for _, r := range m.Pieces {
		if !r.Plain() {
			return false
		}
	}
	return true
}

// mapPieces sets o.Maps from is, the issue parsed from text (the decoded
// text o was made from), and o.Len: for each article that can be read
// alone, the ranges of text its headline and pieces are slices of (their
// strings share its memory). The maps are left out when an article does
// not stand where the outline says (another headline).
func (o *Outline) mapPieces(is *Issue, text string) {
	o.Len = len(text)
	if len(text) == 0 {
		return
	}
	in := func(s string, sp ArticleSpan) TextRange {
		off, ok := SliceAt(s, text)
		if !ok {
			return TextRange{-1, -1}
		}
		r := TextRange{off, off + len(s)}
		if r.Start < sp.Start || r.End > sp.End {
			return TextRange{-1, -1} // not from its own lines
		}
		return r
	}
	byN := map[int]int{} // article number → span
	for k, sp := range o.Spans {
		if sp.N > 0 {
			byN[sp.N] = k
		}
	}
	maps := make([]PieceMap, len(o.Spans))
	n, mapped := 0, 0
	for s := range is.Sections {
		for a := range is.Sections[s].Articles {
			n++
			art := &is.Sections[s].Articles[a]
			k, ok := byN[n]
			if !ok {
				continue
			}
			sp := o.Spans[k]
			if headlineHash(art) != sp.Hash {
				return
			}
			m := &maps[k]
			m.Headline = in(art.Headline(), sp)
			m.Pieces = make([]TextRange, 0, art.piecesBound())
			art.eachPiece(func(p Piece) bool {
				m.Pieces = append(m.Pieces, in(p.Text, sp))
				return true
			})
			mapped++
		}
	}
	if mapped != len(byN) {
		return
	}
	o.Maps = maps
}

// ArticleSpan is the place of one article in the decoded text.
type ArticleSpan struct {
	Start, End int // byte range of its lines (its kicker or title first)
	// N is the article's number in the issue; 0 when it can be read only
	// with the whole issue: a continuation stitched onto another article,
	// an article with one stitched onto it, an article dropped.
	N    int
	Page int    // the page (版) its section has, 0 unknown
	Hash uint32 // HeadlineHash (CRC-32C) of its headline: ParseArticle's check
}

// ParseArticle reads the article at o.Spans[i] of text — the decoded text
// the outline was made from (DecodeBytes's) — on its own, as the parse of
// the whole text read it. It returns nil when that article can be read
// only with the whole issue (N 0) or when what its lines read as is not
// that article (another headline): read the whole issue then.
func ParseArticle(text string, o *Outline, i int) *Article {
	if o == nil || i < 0 || i >= len(o.Spans) {
		return nil
	}
	sp := o.Spans[i]
	if sp.N <= 0 || sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return nil
	}
	p := &parser{opt: Options{noStitch: true}, is: &Issue{}, paperHead: -1}
	p.titleLevel, p.blankMode, p.indentStyle = int(o.Mode&7), o.Mode&8 != 0, o.Mode&16 != 0
	if p.titleLevel == 0 {
		return nil
	}
	lines := splitLines(text[sp.Start:sp.End])
	p.lines = lines
	bk := blocker{lines: lines, blankMode: p.blankMode, inline: true}
	p.walkHeadings(bk.run(0), 0)
	p.blocks, p.lines = nil, nil
	p.finish()
	arts := p.is.Articles()
	if len(arts) != 1 || headlineHash(arts[0]) != sp.Hash {
		return nil
	}
	a := arts[0]
	a.N = sp.N
	return a
}

// headlineHash is ArticleSpan.Hash of a.
func headlineHash(a *Article) uint32 { return HeadlineHash(a.Headline()) }

// HeadlineHash is the CRC-32C of a headline (which the CPU computes
// where it can: vec.CRC32C), as ArticleSpan.Hash keeps it: what a search
// by the outline checks the headline it finds in the text against.
func HeadlineHash(s string) uint32 { return vec.CRC32C(s) }

// SliceAt reports where s stands in text when s is a slice of text's
// memory (a string the parse cut from it): the offset of its first byte
// and true; false when s is empty or lies outside text.
func SliceAt(s, text string) (int, bool) {
	if s == "" || text == "" {
		return 0, false
	}
	off := uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(text)))
	if off >= uintptr(len(text)) || uintptr(len(s)) > uintptr(len(text))-off {
		return 0, false
	}
	return int(off), true
}

// outliner works the outline out during a parse: where each article and
// page starts (bound, as the walk meets them), then, once the articles
// are finished, which of them can be read alone.
type outliner struct {
	text   string
	on     bool  // the walk notes the bounds (see begin)
	bounds []int // byte offsets of the starts of articles and pages, in order
	pre    []*draft
	out    *Outline
	fail   bool
}

// begin starts noting the bounds of text, walked by walkHeadings.
func (o *outliner) begin(text string) { o.text, o.on = text, true }

// bound notes that an article or a page starts at the block being walked
// and returns the index of the bound.
func (p *parser) bound() int {
	o := p.outline
	if o == nil || !o.on || o.fail {
		return 0
	}
	if p.at >= len(p.blocks) || int(p.blocks[p.at].line) >= len(p.lines) {
		o.fail = true
		return 0
	}
	b := &p.blocks[p.at]
	raw := p.lines[b.line].raw
	if b.kind == bPara && b.sep && strings.Contains(raw, "-->") && !strings.HasPrefix(trimLeftSpace(raw), "<!--") {
		// Text after the end of a comment opened on a line before
		// (<!--, then 注 -->正文): its lines, read alone, do not open
		// the comment. Read the whole issue.
		o.fail = true
		return 0
	}
	off, ok := SliceAt(raw, o.text)
	if !ok || len(o.bounds) > 0 && off < o.bounds[len(o.bounds)-1] {
		o.fail = true
		return 0
	}
	o.bounds = append(o.bounds, off)
	return len(o.bounds) - 1
}

// numberDrafts numbers the articles of p.is in order, before stitching,
// so that finish can tell which survive; it gives up on an issue whose
// articles take anything from outside their lines (a note's citation).
func (o *outliner) numberDrafts(p *parser) {
	if o == nil || !o.on || o.fail {
		return
	}
	for _, s := range p.secs {
		for _, d := range s.arts {
			if d.cite != nil {
				o.fail = true
				return
			}
			o.pre = append(o.pre, d)
		}
	}
	k := 0
	for s := range p.is.Sections {
		for a := range p.is.Sections[s].Articles {
			k++
			p.is.Sections[s].Articles[a].N = k
		}
	}
	if k != len(o.pre) {
		o.fail = true
	}
}

// finish makes the outline from the articles left after stitching (their
// N still the numbers numberDrafts gave them).
func (o *outliner) finish(p *parser) {
	if o == nil || !o.on || o.fail {
		return
	}
	spans := make([]ArticleSpan, len(o.pre))
	for i, d := range o.pre {
		end := len(o.text)
		if d.start+1 < len(o.bounds) {
			end = o.bounds[d.start+1]
		}
		spans[i] = ArticleSpan{Start: o.bounds[d.start], End: end}
	}
	n := 0
	for s := range p.is.Sections {
		sec := &p.is.Sections[s]
		for a := range sec.Articles {
			n++
			art := &sec.Articles[a]
			k := art.N - 1
			if k < 0 || k >= len(spans) {
				o.fail = true
				return
			}
			if len(art.Continued) > 0 || hasStitched(art) {
				continue // read only with the whole issue
			}
			spans[k].N, spans[k].Page, spans[k].Hash = n, sec.Page, headlineHash(art)
		}
	}
	mode := uint8(p.titleLevel)
	if p.blankMode {
		mode |= 8
	}
	if p.indentStyle {
		mode |= 16
	}
	o.out = &Outline{Mode: mode, Spans: spans}
}

// hasStitched reports an article with a jump line of a stitched seam.
func hasStitched(a *Article) bool {
	for _, j := range a.Jumps {
		if j.Stitched {
			return true
		}
	}
	return false
}

// result is the outline made, or nil.
func (o *outliner) result() *Outline {
	if o == nil || o.fail {
		return nil
	}
	return o.out
}
