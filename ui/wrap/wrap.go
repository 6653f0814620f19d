// Package wrap lays out Chinese (and mixed) prose in lines of at most a
// given number of terminal columns, obeying Chinese line-breaking rules.
//
// PLACEHOLDER (replaced by the real line breaker, issue #3): breaks at any
// grapheme with no kinsoku rules, so that other packages can be developed
// against the API below.
package wrap

import (
	"github.com/rivo/uniseg"
)

// Options say how to lay out a paragraph.
type Options struct {
	// Width is the measure in terminal columns (values below 1 mean 1).
	Width int
	// Indent is the first-line indent in columns (4 = two full-width spaces).
	// The indent is not part of the text; Line.Indent reports it.
	Indent int
	// AmbiguousWide counts East Asian Ambiguous characters (“ ” … — ·) as 2
	// columns instead of 1.
	AmbiguousWide bool
	// Hang lets a closing punctuation mark hang one column past Width.
	Hang bool
}

// Line is one output line: a byte range of the input text. The lines of a
// paragraph tile the text: Lines[0].Start is 0, each Start is the previous
// End and the last End is len(text).
type Line struct {
	Start, End int
	// Indent is the number of blank columns before the text.
	Indent int
	// Width is the display width of the line's text without trailing spaces
	// (and without Indent).
	Width int
}

// Text returns the line's text in s with trailing spaces removed.
func (l Line) Text(s string) string {
	t := s[l.Start:l.End]
	for len(t) > 0 && t[len(t)-1] == ' ' {
		t = t[:len(t)-1]
	}
	return t
}

// Lines lays out text (one paragraph, no newlines) at opt.Width.
func Lines(text string, opt Options) []Line {
	w := max(opt.Width, 1)
	var out []Line
	cur := Line{Indent: min(opt.Indent, w-1)}
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		s, e := g.Positions()
		cw := StringWidth(g.Str(), opt.AmbiguousWide)
		if cur.Width+cur.Indent+cw > w && e > cur.Start && s > cur.Start {
			cur.End = s
			out = append(out, cur)
			cur = Line{Start: s}
		}
		cur.Width += cw
	}
	cur.End = len(text)
	return append(out, cur)
}

// StringWidth returns the display width of s in terminal columns.
func StringWidth(s string, ambiguousWide bool) int {
	return uniseg.StringWidth(s)
}
