package wrap

import "math"

// Paragraph is a paragraph analysed once for line breaking: laying it out
// again at another width or with other options walks the stored analysis
// only, about ten times faster than Lines (a 200,000-character paragraph
// takes one or two milliseconds). It is safe for concurrent use.
type Paragraph struct {
	text   string
	glyphs []packedGlyph // nil when the text is too long to pack
	width  int           // total width, ambiguous characters counted narrow
	amb    int           // number of ambiguous characters
}

// packedGlyph is a glyph in 8 bytes: its start is the previous glyph's end.
type packedGlyph struct {
	end   uint32
	width uint8
	flags uint8
}

// NewParagraph analyses text (one paragraph) for layout.
func NewParagraph(text string) *Paragraph {
	p := &Paragraph{text: text}
	if uint64(len(text)) > math.MaxUint32 {
		return p // Lines falls back to scanning the text each time
	}
	sc := newScanner(text)
	n := 0
	for i := 0; i < len(text); i++ { // a cheap upper bound on the number of glyphs: one per rune
		if text[i]&0xc0 != 0x80 {
			n++
		}
	}
	p.glyphs = make([]packedGlyph, 0, n)
	for {
		g, ok := sc.next()
		if !ok {
			break
		}
		p.glyphs = append(p.glyphs, packedGlyph{end: uint32(g.end), width: uint8(min(g.width, math.MaxUint8)), flags: g.flags})
		p.width += g.width
		if g.flags&flagAmb != 0 {
			p.amb++
		}
	}
	return p
}

// Text returns the paragraph's text.
func (p *Paragraph) Text() string { return p.text }

// Width returns the display width of the whole paragraph on one line.
func (p *Paragraph) Width(ambiguousWide bool) int {
	if p.glyphs == nil && len(p.text) > 0 {
		return StringWidth(p.text, ambiguousWide)
	}
	if ambiguousWide {
		return p.width + p.amb
	}
	return p.width
}

// Lines lays the paragraph out; the result equals Lines(p.Text(), opt).
func (p *Paragraph) Lines(opt Options) []Line {
	w := max(opt.Width, 1)
	return p.AppendLines(make([]Line, 0, p.Width(opt.AmbiguousWide)/w+len(p.text)/(8*w)+2), opt)
}

// AppendLines is like Lines but appends the lines to dst.
func (p *Paragraph) AppendLines(dst []Line, opt Options) []Line {
	if p.glyphs == nil && len(p.text) > 0 {
		return AppendLines(dst, p.text, opt)
	}
	l := newLayout(dst, opt)
	start := 0
	for _, g := range p.glyphs {
		w := int(g.width)
		if g.flags&flagAmb != 0 && opt.AmbiguousWide {
			w++
		}
		l.push(start, int(g.end), w, g.flags)
		start = int(g.end)
	}
	return l.finish(len(p.text))
}
