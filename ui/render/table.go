package render

import (
	"strings"

	"github.com/rivo/uniseg"

	"dubao/ui/wrap"
)

// Tables are rendered by glamour when they fit the width at their natural
// size (see glamourTable), and drawn otherwise as a grid of our own:
// glamour/v2 (through lipgloss/v2/table) cuts header cells that do not fit
// ("亩产(…") and loses wrapped cell text when a table must shrink, while
// the grid keeps every character, breaks Chinese cells by the same rules
// as prose, and maps each cell's text to its piece.

// rules are the characters of the grid: a column rule, the row rule under
// the header, and their crossing.
type rules struct{ col, row, cross string }

// gridRules returns box-drawing rules, or ASCII ones when ambiguous
// characters (which the box-drawing ones are) take two columns.
func gridRules(ambiguousWide bool) rules {
	if ambiguousWide {
		return rules{"|", "-", "+"}
	}
	return rules{"│", "─", "┼"}
}

// layTable lays out the cells of a table block: by glamour when the table
// fits at its natural size (styled layouts only), else as a grid that fits
// the width (plain: only when no cell wraps); in the plain layout too
// narrow for that, as its cells one under another; and without a width
// (or, styled, too narrow for a grid) as one line per row with the cells
// separated by " | ".
func (l *Layout) layTable(u *unit) []Line {
	a := l.article
	if l.opt.Width > 0 && u.block >= 0 && u.block < len(a.Blocks) {
		if !l.opt.Plain {
			if lines := l.glamourTable(u); lines != nil {
				return lines
			}
		}
		if lines := l.grid(u); lines != nil {
			return lines
		}
		if l.opt.Plain {
			return l.stacked(u)
		}
	}
	var r run
	row := -1
	for i := u.first; i < u.last; i++ {
		p := l.pieces[i]
		switch {
		case row >= 0 && p.Row != row:
			r.segs = append(r.segs, seg{text: "\n", piece: -1, role: RoleMarker})
		case row >= 0:
			r.segs = append(r.segs, seg{text: " | ", piece: -1, role: RoleMarker})
		}
		row = p.Row
		r.segs = append(r.segs, seg{text: p.Text, piece: i, role: RoleBody})
	}
	return l.layRun(r)
}

// grid lays out a table block as a grid of wrapped cells, the header row
// in bold and ruled off; nil when the width cannot hold two columns per
// cell. The styled grid has one column of margin on the left, as glamour's
// tables do; the plain one starts at the left edge, as plain paragraphs
// do, and is only drawn when no cell must wrap: plain text is read by
// programs (grep, translation tools) in order, and a wrapped grid
// interleaves the lines of a row's cells.
func (l *Layout) grid(u *unit) []Line {
	amb := l.opt.AmbiguousWide
	rows := l.article.Blocks[u.block].Rows
	piece := map[[2]int]int{} // (row, col) → piece index
	for i := u.first; i < u.last; i++ {
		piece[[2]int{l.pieces[i].Row, l.pieces[i].Col}] = i
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	ru := gridRules(amb)
	sep := " " + ru.col + " "
	sepW := strictWidth(sep, amb)
	margin := 1
	if l.opt.Plain {
		margin = 0
	}
	avail := l.opt.Width - margin - sepW*(cols-1)
	natural := make([]int, cols)
	least := make([]int, cols) // a column must hold its widest character
	for c := range natural {
		natural[c], least[c] = 1, 2 // an empty column still takes one
	}
	for _, r := range rows {
		for c, cell := range r {
			natural[c] = max(natural[c], strictWidth(cell, amb))
			least[c] = max(least[c], widestCluster(cell, amb))
		}
	}
	sum, whole := 0, 0
	for c := range least {
		sum += least[c]
		whole += natural[c]
	}
	if sum > avail || l.opt.Plain && whole > avail {
		return nil
	}
	widths := fitColumns(natural, least, avail)

	var out []Line
	for ri, r := range rows {
		cells := make([][]wrap.Line, cols)
		height := 1
		for c := range cols {
			text := ""
			if c < len(r) {
				text = r[c]
			}
			cells[c] = l.breakLines(text, wrap.Options{Width: widths[c], AmbiguousWide: amb})
			height = max(height, len(cells[c]))
		}
		role := RoleBody
		if ri == 0 && len(rows) > 1 {
			role = RoleTableHead
		}
		for li := range height {
			var b strings.Builder
			ln := Line{Indent: margin}
			mark := func(s string) {
				ln.Spans = append(ln.Spans, Span{Start: b.Len(), End: b.Len() + len(s), Role: RoleMarker, Piece: -1})
				b.WriteString(s)
			}
			used := 0
			for c := range cols {
				if c > 0 {
					mark(sep)
					used += sepW
				}
				w := 0
				if li < len(cells[c]) && c < len(r) {
					wl := cells[c][li]
					text := wl.Text(r[c])
					p, ok := piece[[2]int{ri, c}]
					if !ok {
						p = -1
					}
					if text != "" {
						ln.Spans = append(ln.Spans, Span{Start: b.Len(), End: b.Len() + len(text), Role: role, Piece: p, Offset: wl.Start})
						b.WriteString(text)
					}
					w = wl.Width
				}
				used += w
				if c < cols-1 && widths[c] > w {
					mark(strings.Repeat(" ", widths[c]-w))
					used += widths[c] - w
				}
			}
			ln.Text = strings.TrimRight(b.String(), " ")
			ln.Width = used - (b.Len() - len(ln.Text)) // the trimmed spaces
			trimSpans(&ln)
			out = append(out, ln)
		}
		if ri == 0 && len(rows) > 1 {
			var b strings.Builder
			for c := range cols {
				n := widths[c] + 2
				if c == 0 || c == cols-1 {
					n = widths[c] + 1
				}
				if c == 0 && cols == 1 {
					n = widths[c]
				}
				if c > 0 {
					b.WriteString(ru.cross)
				}
				b.WriteString(strings.Repeat(ru.row, n))
			}
			s := b.String()
			out = append(out, ruleLine(s, margin, amb))
		}
	}
	return out
}

// stacked lays out a table block too narrow for an unwrapped grid, in the
// plain layout: the cells of a row one under another, each wrapped at the
// width, and a rule between rows; the text stays in reading order. An
// empty cell takes no line.
func (l *Layout) stacked(u *unit) []Line {
	amb := l.opt.AmbiguousWide
	rows := l.article.Blocks[u.block].Rows
	piece := map[[2]int]int{} // (row, col) → piece index
	for i := u.first; i < u.last; i++ {
		piece[[2]int{l.pieces[i].Row, l.pieces[i].Col}] = i
	}
	rule := strings.Repeat(gridRules(amb).row, max(l.opt.Width, 1))
	var out []Line
	for ri, r := range rows {
		if ri > 0 {
			out = append(out, ruleLine(rule, 0, amb))
		}
		role := RoleBody
		if ri == 0 && len(rows) > 1 {
			role = RoleTableHead
		}
		for c, cell := range r {
			p, ok := piece[[2]int{ri, c}]
			if !ok {
				p = -1
			}
			for _, wl := range l.breakLines(cell, wrap.Options{Width: l.opt.Width, AmbiguousWide: amb}) {
				text := wl.Text(cell)
				if text == "" {
					continue
				}
				out = append(out, Line{Text: text, Width: wl.Width, Spans: []Span{{End: len(text), Role: role, Piece: p, Offset: wl.Start}}})
			}
		}
	}
	return out
}

// ruleLine returns a line that is the rule s, indent columns in.
func ruleLine(s string, indent int, amb bool) Line {
	return Line{Indent: indent, Text: s, Width: strictWidth(s, amb), Spans: []Span{{End: len(s), Role: RoleMarker, Piece: -1}}}
}

// trimSpans cuts the spans of ln to its (trimmed) text, dropping empty ones.
func trimSpans(ln *Line) {
	out := ln.Spans[:0]
	for _, s := range ln.Spans {
		s.End = min(s.End, len(ln.Text))
		if s.Start < s.End {
			out = append(out, s)
		}
	}
	ln.Spans = out
}

// fitColumns shrinks natural column widths to fit avail columns in all: the
// widest columns give up width first, and column i keeps at least least[i]
// (the caller makes sure that Σ least ≤ avail).
func fitColumns(natural, least []int, avail int) []int {
	sum, hi := 0, 1
	for _, n := range natural {
		sum += n
		hi = max(hi, n)
	}
	widths := make([]int, len(natural))
	if sum <= avail {
		for i, n := range natural {
			widths[i] = max(n, 1)
		}
		return widths
	}
	// the largest cap with Σ max(min(natural, cap), least) ≤ avail
	capped := func(c int) int {
		s := 0
		for i, n := range natural {
			s += max(min(n, c), least[i])
		}
		return s
	}
	lo := 1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if capped(mid) <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	left := avail - capped(lo)
	for i, n := range natural {
		widths[i] = max(min(n, lo), least[i])
		if widths[i] < n && left > 0 {
			widths[i]++
			left--
		}
	}
	return widths
}

// widestCluster returns the width of the widest grapheme cluster of s.
func widestCluster(s string, amb bool) int {
	w := 0
	for state := -1; s != ""; {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		w = max(w, strictWidth(c, amb))
	}
	return w
}
