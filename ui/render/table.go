package render

import (
	"slices"
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
		if !l.opt.Plain && u.rowTo == 0 { // glamour draws a table whole
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
	plan := l.gridPlanOf(u)
	if plan == nil {
		return nil
	}
	cols, widths, margin, num := plan.cols, plan.widths, plan.margin, plan.num
	ru := gridRules(amb)
	sep := " " + ru.col + " "
	sepW := strictWidth(sep, amb)
	from, to := u.rows(len(rows))

	var out []Line
	for ri := from; ri < to; ri++ {
		r := rows[ri]
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
					if num[c] && ri > 0 && widths[c] > wl.Width { // a number, right-aligned
						mark(strings.Repeat(" ", widths[c]-wl.Width))
						w = widths[c] - wl.Width
					}
					p, ok := piece[[2]int{ri, c}]
					if !ok {
						p = -1
					}
					if text != "" {
						ln.Spans = append(ln.Spans, Span{Start: b.Len(), End: b.Len() + len(text), Role: role, Piece: p, Offset: wl.Start})
						b.WriteString(text)
					}
					w += wl.Width
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

// numericColumns reports, for each of the cols columns of rows (the first
// row the header), whether it holds numbers: every cell under the header
// that is not empty is a number (2022, 1,234.5, -3.2%, ¥120), and one at
// least. Numbers are right-aligned, so that their digits line up.
func numericColumns(rows [][]string, cols int) []bool {
	out := make([]bool, cols)
	if len(rows) < 2 {
		return out
	}
	for c := range cols {
		seen, all := false, true
		for _, r := range rows[1:] {
			if c >= len(r) || strings.TrimSpace(r[c]) == "" {
				continue
			}
			seen = true
			if !isNumber(strings.TrimSpace(r[c])) {
				all = false
				break
			}
		}
		out[c] = seen && all
	}
	return out
}

// isNumber reports a number as tables print them: an optional sign or
// currency, digits with , and . , an optional % or ‰.
func isNumber(s string) bool {
	s = strings.TrimLeft(s, "+-−¥$€£")
	s = strings.TrimRight(s, "%‰")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case (c == ',' || c == '.') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
		default:
			return false
		}
	}
	return true
}

// gridPlan is how a table's grid is drawn: its columns, their widths, the
// left margin and the columns of numbers; the same for every unit of a
// large table.
type gridPlan struct {
	cols, margin int
	widths       []int
	num          []bool // the columns of numbers, right-aligned (see numericColumns)
}

// gridPlanOf returns the plan of the grid of u's table, or nil when the
// width cannot hold one (see grid); for a large table it is worked out
// once, from all its rows.
func (l *Layout) gridPlanOf(u *unit) *gridPlan {
	if u.rowTo == 0 {
		return l.gridPlan(u.block)
	}
	if p, ok := l.grids[u.block]; ok {
		return p
	}
	p := l.gridPlan(u.block)
	if l.grids == nil {
		l.grids = map[int]*gridPlan{}
	}
	l.grids[u.block] = p
	return p
}

// maxPlanRows is how many rows of a large table choose the widths of its
// columns when they cannot all be as wide as their widest cell (the
// choice weighs every row at every width: it is kept linear), and how
// many at each end measure them on screen.
const maxPlanRows = 1000

// gridPlan works out the grid of the table block: nil when the width
// cannot hold two columns per cell (or, plain, every cell unwrapped).
func (l *Layout) gridPlan(block int) *gridPlan {
	amb := l.opt.AmbiguousWide
	rows := l.article.Blocks[block].Rows
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	sepW := strictWidth(" "+gridRules(amb).col+" ", amb)
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
	// The widths of a large table's columns come from its first and last
	// rows, on screen (a longer cell further down wraps in its column);
	// the plain grid, never wrapped, measures every row.
	measured := rows
	if !l.opt.Plain && len(rows) > 2*maxPlanRows {
		measured = append(slices.Clip(rows[:maxPlanRows]), rows[len(rows)-maxPlanRows:]...)
	}
	for _, r := range measured {
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
	widths := natural
	if whole > avail {
		widths = l.columnWidths(measured[:min(len(measured), max(maxPlanRows, bigTable+1))], natural, least, avail)
	}
	num := make([]bool, cols) // plain text keeps every cell where its column starts
	if !l.opt.Plain {
		num = numericColumns(rows, cols)
	}
	return &gridPlan{cols: cols, margin: margin, widths: widths, num: num}
}

// stacked lays out a table block too narrow for an unwrapped grid, in the
// plain layout: the cells of a row one under another, each wrapped at the
// width, and a rule between rows; the text stays in reading order. Below
// the header row, a cell is labelled with its column's header
// ("项目名称：…", none when the header cell is empty), wrapped with it. An
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
	from, to := u.rows(len(rows))
	for ri := from; ri < to; ri++ {
		r := rows[ri]
		if ri > 0 {
			out = append(out, ruleLine(rule, 0, amb))
		}
		role := RoleBody
		if ri == 0 && len(rows) > 1 {
			role = RoleTableHead
		}
		for c, cell := range r {
			if cell == "" {
				continue
			}
			p, ok := piece[[2]int{ri, c}]
			if !ok {
				p = -1
			}
			label := ""
			if ri > 0 && c < len(rows[0]) && rows[0][c] != "" {
				label = rows[0][c] + "："
			}
			full := label + cell
			for _, wl := range l.breakLines(full, wrap.Options{Width: l.opt.Width, AmbiguousWide: amb}) {
				text := wl.Text(full)
				if text == "" {
					continue
				}
				ln := Line{Text: text, Width: wl.Width}
				// the label's part of the line, then the cell's
				if cut := min(max(len(label)-wl.Start, 0), len(text)); cut > 0 {
					ln.Spans = append(ln.Spans, Span{End: cut, Role: RoleTableHead, Piece: -1})
				}
				if start := max(len(label)-wl.Start, 0); start < len(text) {
					ln.Spans = append(ln.Spans, Span{Start: start, End: len(text), Role: role, Piece: p, Offset: wl.Start + start - len(label)})
				}
				out = append(out, ln)
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

// columnWidths shares avail columns among the columns of rows, none of
// which fits at its natural width: column c gets from least[c] to
// natural[c] (the caller makes sure that Σ least ≤ avail). Starting from
// the least widths, it widens, step by step, the column whose widening
// costs the fewest columns per line saved: first lines of the table
// (a row is as tall as its tallest cell), then lines of cells, then a
// cell's lone last character (see isOrphan). So a column of long names
// gets the room a column with a long header but short figures can give
// up, by breaking its header.
func (l *Layout) columnWidths(rows [][]string, natural, least []int, avail int) []int {
	cols := len(natural)
	spare := avail
	for _, n := range least {
		spare -= n
	}
	// cost[c][w-least[c]][r]: the lines of row r's cell of column c at
	// width w, and whether its last line is an orphan
	type fit struct {
		lines         int
		orphan, split bool
	}
	cost := make([][][]fit, cols)
	for c := range cols {
		hi := max(least[c], min(natural[c], least[c]+spare))
		cost[c] = make([][]fit, hi-least[c]+1)
		for k := range cost[c] {
			at := make([]fit, len(rows))
			for r, row := range rows {
				at[r].lines = 1
				if c >= len(row) || row[c] == "" {
					continue
				}
				wl := l.breakLines(row[c], wrap.Options{Width: least[c] + k, AmbiguousWide: l.opt.AmbiguousWide})
				at[r].lines = max(len(wl), 1)
				at[r].orphan = len(wl) > 1 && isOrphan(wl[len(wl)-1].Text(row[c]))
				at[r].split = splitsWord(row[c], wl)
			}
			cost[c][k] = at
		}
	}
	// score weighs cells with a number or word cut over table lines over
	// orphans over cell lines: one of each outweighs (in practice) any
	// number of the next
	cell := func(f fit) float64 {
		s := float64(f.lines)
		if f.orphan {
			s += 1e4
		}
		if f.split {
			s += 1e12
		}
		return s
	}
	score := func(c, k int, tall []int) float64 {
		var s float64
		for r, f := range cost[c][k] {
			s += float64(max(tall[r], f.lines))*1e8 + cell(f)
		}
		return s
	}
	pick := make([]int, cols) // width - least
	tall := make([]int, len(rows))
	// without sets tall to the rows' heights without column c
	without := func(c int) {
		for r := range tall {
			tall[r] = 1
			for o := range cols {
				if o != c {
					tall[r] = max(tall[r], cost[o][pick[o]][r].lines)
				}
			}
		}
	}
	for {
		// the best step: the largest drop of the score per column spent
		bestC, bestK := -1, 0
		var bestDrop float64
		for c := range cols {
			without(c)
			now := score(c, pick[c], tall)
			for k := pick[c] + 1; k < len(cost[c]) && k-pick[c] <= spare; k++ {
				// the drop per column
				if drop := (now - score(c, k, tall)) / float64(k-pick[c]); drop > bestDrop {
					bestC, bestK, bestDrop = c, k, drop
				}
			}
		}
		if bestC < 0 {
			break
		}
		spare -= bestK - pick[bestC]
		pick[bestC] = bestK
	}
	// then, while it lowers the score, move width from one column to
	// another (the steps above widen one column at a time, and a table
	// line may only go when two do); bounded for tables with many
	// columns and rows (each round tries every pair of widths)
	total := func() float64 {
		without(-1)
		var s float64
		for r := range tall {
			s += float64(tall[r]) * 1e8
		}
		for c := range cols {
			for _, f := range cost[c][pick[c]] {
				s += cell(f)
			}
		}
		return s
	}
	work := 0
	for c := range cols {
		work += len(cost[c])
	}
	if work*work*cols*len(rows) > 1<<22 {
		return columnsOf(least, pick)
	}
	for best, round := total(), 0; round < 32; round++ {
		from, to, fk, tk := -1, -1, 0, 0
		for a := range cols {
			for b := range cols {
				if a == b {
					continue
				}
				pa, pb := pick[a], pick[b]
				for ka := range pa {
					for kb := pb + 1; kb < len(cost[b]) && kb-pb <= spare+pa-ka; kb++ {
						pick[a], pick[b] = ka, kb
						if s := total(); s < best {
							best, from, to, fk, tk = s, a, b, ka, kb
						}
					}
				}
				pick[a], pick[b] = pa, pb
			}
		}
		if from < 0 {
			break
		}
		spare += pick[from] - fk + pick[to] - tk
		pick[from], pick[to] = fk, tk
	}
	return columnsOf(least, pick)
}

// splitsWord reports whether the lines wl of text cut a run of ASCII
// letters and digits (a number such as 42.0 or 2026, a Latin word), as
// the line breaker does only when the run does not fit the width.
func splitsWord(text string, wl []wrap.Line) bool {
	word := func(b byte) bool {
		return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '.' || b == ','
	}
	for i := 1; i < len(wl); i++ {
		end, start := wl[i-1].End, wl[i].Start
		if end == start && end > 0 && end < len(text) && word(text[end-1]) && word(text[start]) {
			return true
		}
	}
	return false
}

// printableASCII reports whether s holds only printable ASCII characters,
// each one column wide and a grapheme cluster of its own.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// columnsOf returns the widths least[c] + pick[c].
func columnsOf(least, pick []int) []int {
	widths := make([]int, len(least))
	for c := range least {
		widths[c] = least[c] + pick[c]
	}
	return widths
}

// widestCluster returns the width of the widest grapheme cluster of s.
func widestCluster(s string, amb bool) int {
	if printableASCII(s) { // most cells of large tables: numbers
		return min(len(s), 1)
	}
	w := 0
	for state := -1; s != ""; {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		w = max(w, strictWidth(c, amb))
	}
	return w
}
