package wrap

// Span marks a byte range [Start, End) of a paragraph with an opaque style
// id (a search hit, a bold byline): styles travel as spans over plain text,
// and the renderer styles only the lines it shows.
type Span struct {
	Start, End int
	Style      int
}

// SplitSpans cuts spans (byte ranges of text) at the lines of text's layout.
// Result i holds the pieces that fall on lines[i], with offsets relative to
// lines[i].Start and clipped to lines[i].Text(text), in the order of spans;
// empty pieces are dropped. All pieces share one allocation.
func SplitSpans(text string, spans []Span, lines []Line) [][]Span {
	out := make([][]Span, len(lines))
	if len(spans) == 0 {
		return out
	}
	// Count each line's pieces first, so that one array holds them all in
	// line order.
	counts := make([]int, len(lines)+1)
	for _, sp := range spans {
		forLines(text, sp, lines, func(i int, _ Span) { counts[i+1]++ })
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	buf := make([]Span, counts[len(lines)])
	for i := range out {
		if counts[i+1] > counts[i] {
			out[i] = buf[counts[i]:counts[i]:counts[i+1]]
		}
	}
	for _, sp := range spans {
		forLines(text, sp, lines, func(i int, piece Span) { out[i] = append(out[i], piece) })
	}
	return out
}

// forLines calls f for each line that sp overlaps with the clipped piece.
func forLines(text string, sp Span, lines []Line, f func(int, Span)) {
	// The first line that ends after sp.Start.
	lo, hi := 0, len(lines)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if lines[m].End <= sp.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(lines) && lines[i].Start < sp.End; i++ {
		ln := lines[i]
		end := textEnd(text, ln.Start, ln.End)
		s, e := max(sp.Start, ln.Start), min(sp.End, end)
		if s < e {
			f(i, Span{Start: s - ln.Start, End: e - ln.Start, Style: sp.Style})
		}
	}
}
