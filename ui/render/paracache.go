package render

import (
	"sync"

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
type paraCache struct {
	mu    sync.Mutex
	m     map[string]paraEntry
	order []string // least recently used first
}

type paraEntry struct {
	p     *wrap.Paragraph
	risky bool // the text holds a rune on which width functions disagree
}

// get returns the analysis of text, making it on first use.
func (c *paraCache) get(text string) (*wrap.Paragraph, bool) {
	c.mu.Lock()
	if e, ok := c.m[text]; ok {
		c.touch(text)
		c.mu.Unlock()
		return e.p, e.risky
	}
	c.mu.Unlock()
	// analyse outside the lock: another caller may do the same work, the
	// results are equal
	e := paraEntry{wrap.NewParagraph(text), hasRisky(text)}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]paraEntry{}
	}
	if _, ok := c.m[text]; !ok {
		if len(c.order) >= paraCacheSize {
			delete(c.m, c.order[0])
			c.order = append(c.order[:0], c.order[1:]...)
		}
		c.m[text] = e
		c.order = append(c.order, text)
	}
	return e.p, e.risky
}

// touch moves text to the most recently used end of the order.
func (c *paraCache) touch(text string) {
	for i, k := range c.order {
		if k == text {
			copy(c.order[i:], c.order[i+1:])
			c.order[len(c.order)-1] = text
			return
		}
	}
}
