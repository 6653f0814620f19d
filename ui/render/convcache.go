package render

import (
	"dubao/issue"
	"dubao/issue/script"
)

// convCacheSize bounds the number of converted articles a renderer keeps.
const convCacheSize = 8

// convCache keeps the articles converted for display (script.ArticleMapped)
// with their pieces, keyed by the article and the converter: a layout at
// another width, with other colours or other options reuses the conversion
// (about 270 ms for an article of 600,000 characters) instead of
// converting the whole article again. It is safe for concurrent use.
type convCache struct{ lru[convKey, *converted] }

type convKey struct {
	a  *issue.Article
	cv *script.Converter
}

// converted is an article as shown: converted, its pieces, and the maps
// of its pieces' text to the source's.
type converted struct {
	a      *issue.Article
	pieces []issue.Piece
	maps   []script.Mapped
}

// Converted returns article a converted by cv for display, its pieces and
// the maps of its pieces' text to the source's (see script.ArticleMapped),
// from the renderer's cache of the articles converted last: what its
// layouts of a with cv show. The results must not be modified.
func (r *Renderer) Converted(a *issue.Article, cv *script.Converter) (*issue.Article, []issue.Piece, []script.Mapped) {
	c := r.conv.get(a, cv)
	return c.a, c.pieces, c.maps
}

// get returns a converted by cv, converting it on first use.
func (c *convCache) get(a *issue.Article, cv *script.Converter) *converted {
	return c.lru.get(convKey{a, cv}, func() *converted {
		out, maps := script.ArticleMapped(a, cv)
		return &converted{a: out, pieces: out.Pieces(), maps: maps}
	})
}
