package shelf

import (
	"dubao/issue/script"
	"dubao/issue/shelf"
)

// converter returns the converter that shows a hit in the script of
// Env.Script (繁简), nil to show it as written: auto-s and auto-t are
// resolved by the script of the hit's own text.
func (p *Page) converter(hit shelf.Hit) *script.Converter {
	c := p.env.Script
	if c.Auto() {
		var n script.Counts
		n.Add(hit.Title)
		n.Add(hit.Line)
		c = c.Resolve(n.Script())
	}
	cv, err := script.Load(c)
	if err != nil {
		return nil
	}
	return cv
}

// shownHit returns hit as shown: its title and line converted by cv, the
// match moved onto what the matched words became.
func shownHit(hit shelf.Hit, cv *script.Converter) shelf.Hit {
	if cv == nil {
		return hit
	}
	m := cv.ConvertMapped(hit.Line)
	if a, b := hit.Match[0], hit.Match[1]; a >= 0 && a <= b && b <= len(hit.Line) {
		hit.Match[0], hit.Match[1] = m.TextRange(a, b)
	}
	hit.Line = m.Text
	hit.Title = cv.Convert(hit.Title)
	return hit
}
