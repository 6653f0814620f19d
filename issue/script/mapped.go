package script

import "sort"

// Mapped is a converted text with the map between its byte offsets and
// those of its source. A conversion may change the length of a phrase
// (記憶體 → 内存 under tw2sp): an offset inside such a phrase maps to the
// phrase's start (ToText, ToSource) or end (ToTextEnd, ToSourceEnd);
// every other offset maps to the same character on the other side.
type Mapped struct {
	Source string // the text converted
	Text   string // the converted text
	// stages holds, per stage of the conversion, the pieces whose
	// layout changed, in order.
	stages [][]seg
}

// seg is a piece of a stage's input (src) that became a piece of its
// output (out) of another length or layout of characters.
type seg struct {
	src, out [2]int
}

// ToText maps a byte offset in Source to Text: the start of the piece
// that holds it.
func (m *Mapped) ToText(i int) int {
	for _, segs := range m.stages {
		i = mapOffset(segs, i, 0, false)
	}
	return i
}

// ToTextEnd maps a byte offset in Source to Text, rounding up: an offset
// inside a changed phrase maps to its end. Use it for the end of a range.
func (m *Mapped) ToTextEnd(i int) int {
	for _, segs := range m.stages {
		i = mapOffset(segs, i, 0, true)
	}
	return i
}

// ToSource maps a byte offset in Text back to Source, rounding down.
func (m *Mapped) ToSource(i int) int {
	for k := len(m.stages) - 1; k >= 0; k-- {
		i = mapOffset(m.stages[k], i, 1, false)
	}
	return i
}

// ToSourceEnd maps a byte offset in Text back to Source, rounding up.
func (m *Mapped) ToSourceEnd(i int) int {
	for k := len(m.stages) - 1; k >= 0; k-- {
		i = mapOffset(m.stages[k], i, 1, true)
	}
	return i
}

// TextRange maps the range [start, end) of Source to the smallest range
// of Text that holds all of its conversion.
func (m *Mapped) TextRange(start, end int) (int, int) {
	s, e := m.ToText(start), m.ToTextEnd(end)
	return s, max(s, e)
}

// SourceRange maps the range [start, end) of Text to the smallest range
// of Source it was converted from.
func (m *Mapped) SourceRange(start, end int) (int, int) {
	s, e := m.ToSource(start), m.ToSourceEnd(end)
	return s, max(s, e)
}

// mapOffset maps offset i through one stage's segs, from side `from`
// (0: source, 1: converted) to the other.
func mapOffset(segs []seg, i, from int, up bool) int {
	to := 1 - from
	side := func(s seg, k int) [2]int {
		if k == 0 {
			return s.src
		}
		return s.out
	}
	// The last piece that starts at or before i.
	k := sort.Search(len(segs), func(k int) bool { return side(segs[k], from)[0] > i }) - 1
	if k < 0 {
		return i
	}
	a, b := side(segs[k], from), side(segs[k], to)
	switch {
	case i >= a[1]:
		return b[1] + i - a[1]
	case i == a[0] || !up:
		return b[0]
	}
	return b[1]
}
