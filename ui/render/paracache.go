package render

import (
	"dubao/ui/wrap"
)

// paraCacheMin is the length in bytes from which a paragraph's analysis
// for the line breaker is kept (wrap.Paragraph, about 8 bytes per
// character): laying it out again at a new width then costs a walk of the
// analysis instead of a new segmentation (1–2 ms instead of ~26 ms for
// 200,000 characters). Shorter paragraphs are laid out from scratch, which
// is fast enough and keeps the cache small.
const paraCacheMin = 4096

// paraCacheSize bounds the number of analysed paragraphs a renderer keeps.
const paraCacheSize = 16

// paraCache keeps the analyses of the long paragraphs laid out last, keyed
// by their text. It is safe for concurrent use.
type paraCache struct{ lru[string, paraEntry] }

type paraEntry struct {
	p     *wrap.Paragraph
	risky bool // the text holds a rune on which width functions disagree
}

// get returns the analysis of text, making it on first use.
func (c *paraCache) get(text string) (*wrap.Paragraph, bool) {
	e := c.lru.get(text, func() paraEntry { return paraEntry{wrap.NewParagraph(text), hasRisky(text)} })
	return e.p, e.risky
}
