package render

import (
	"fmt"
	"image/color"
	"strings"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	gstyles "charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	xansi "github.com/charmbracelet/x/ansi"

	"dubao/issue/textsafe"
	"dubao/ui/styles"
	"dubao/ui/wrap"
)

// Markers of lists and block quotes: glamour's own (its standard styles'
// item prefix, enumeration suffix and quote bar), drawn by our line
// breaker, which keeps Chinese punctuation off line starts where glamour
// does not.
var (
	itemMarker  = gstyles.DarkStyleConfig.Item.BlockPrefix        // "• "
	enumSuffix  = gstyles.DarkStyleConfig.Enumeration.BlockPrefix // ". " after the number
	quoteMarker = *gstyles.DarkStyleConfig.BlockQuote.IndentToken // "│ "
	// levelIndent is how far glamour indents a nested list, per level.
	levelIndent = strings.Repeat(" ", int(gstyles.DarkStyleConfig.List.LevelIndent))
)

// tableStyle returns the glamour style that renders a table as our styles
// would: no document margin, the header cells (set in strong emphasis) in
// the title style, the cells in the body style, box-drawing rules (ASCII
// ones when ambiguous characters take two columns: box-drawing characters
// are ambiguous).
func tableStyle(st styles.Styles, ambiguousWide bool) ansi.StyleConfig {
	var cfg ansi.StyleConfig
	cfg.Strong = primitive(st.Heading)
	cfg.Table.StylePrimitive = primitive(st.Body)
	ru := gridRules(ambiguousWide)
	cfg.Table.CenterSeparator, cfg.Table.ColumnSeparator, cfg.Table.RowSeparator = &ru.cross, &ru.col, &ru.row
	return cfg
}

// primitive converts the attributes and the foreground colour of a lipgloss
// style to a glamour style.
func primitive(s lipgloss.Style) ansi.StylePrimitive {
	var p ansi.StylePrimitive
	flag := func(set bool) *bool {
		if !set {
			return nil
		}
		return &set
	}
	p.Bold, p.Italic, p.Underline, p.Faint, p.Inverse = flag(s.GetBold()), flag(s.GetItalic()), flag(s.GetUnderline()), flag(s.GetFaint()), flag(s.GetReverse())
	if c := s.GetForeground(); !isNoColor(c) {
		r, g, b, _ := color.RGBAModel.Convert(c).RGBA()
		hex := fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
		p.Color = &hex
	}
	return p
}

// isNoColor reports whether c is lipgloss's "no colour set".
func isNoColor(c color.Color) bool {
	_, none := c.(lipgloss.NoColor)
	return none
}

// glamourTable lays out the table of unit u with glamour at its natural
// size. It returns nil (draw the grid) unless the table fits the width at
// that size and glamour's output, without escape sequences, is one line
// per row holding every cell's text whole, in order, between single column
// rules, each line within the width by every width function. The cells'
// pieces are mapped onto the lines, so search finds and highlights matches
// in them.
func (l *Layout) glamourTable(u *unit) []Line {
	if l.r == nil || l.opt.Plain || l.opt.Width <= 0 || u.block < 0 || u.block >= len(l.article.Blocks) {
		return nil
	}
	amb := l.opt.AmbiguousWide
	rows := l.article.Blocks[u.block].Rows
	if len(rows) < 2 {
		return nil // a header and at least one row
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	colW := make([]int, cols)
	for _, r := range rows {
		for c, cell := range r {
			if !glamourSafe(cell, amb) {
				return nil
			}
			colW[c] = max(colW[c], wrap.StringWidth(cell, amb))
		}
	}
	cfg := l.r.table[b2i(amb)]
	sepW := wrap.StringWidth(*cfg.Table.ColumnSeparator, amb)
	natural := sepW * (cols - 1)
	for _, w := range colW {
		natural += w + 2 // lipgloss/table pads a cell by a column on each side
	}
	if natural > l.opt.Width {
		return nil
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(natural))
	if err != nil {
		return nil
	}
	out, err := tr.Render(tableMarkdown(rows, cols))
	if err != nil {
		return nil
	}
	var raw []string
	for _, s := range strings.Split(out, "\n") {
		if strings.TrimSpace(xansi.Strip(s)) != "" {
			raw = append(raw, s)
		}
	}
	if len(raw) != len(rows)+1 {
		return nil // a row wrapped, or glamour added text (links)
	}
	piece := map[[2]int]int{} // (row, col) → piece index
	for i := u.first; i < u.last; i++ {
		piece[[2]int{l.pieces[i].Row, l.pieces[i].Col}] = i
	}
	lines := make([]Line, 0, len(raw))
	for i, s := range raw {
		ln, ok := parseStyled(s)
		if !ok {
			return nil
		}
		if i == 1 {
			if strings.Trim(ln.Text, *cfg.Table.RowSeparator+*cfg.Table.CenterSeparator) != "" {
				return nil
			}
			ln.Spans = []Span{{End: len(ln.Text), Role: RoleMarker, Piece: -1}}
		} else if !mapCells(&ln, rows[max(i-1, 0)], max(i-1, 0), cols, piece, *cfg.Table.ColumnSeparator) {
			return nil
		}
		ln.Width = strictWidth(ln.Text, amb)
		if ln.Indent+ln.Width > l.opt.Width {
			return nil
		}
		lines = append(lines, ln)
	}
	return lines
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// glamourSafe reports whether glamour can be trusted with a cell: nothing
// that control sequences or Markdown layout could change (controls, line
// breaks, tabs), and a width that x/ansi (which lipgloss/table pads with)
// measures as our line breaker does.
func glamourSafe(cell string, amb bool) bool {
	if textsafe.Line(cell) != cell || strings.ContainsAny(cell, "\t\n\r\v\f") || hasRisky(cell) {
		return false
	}
	w := wrap.StringWidth(cell, amb)
	return xansi.StringWidth(cell) == w && xansi.StringWidthWc(cell) == w
}

// tableMarkdown writes rows (the first is the header) as a Markdown table,
// every cell escaped so that it reads literally, the header cells in strong
// emphasis, the columns of numbers right-aligned.
func tableMarkdown(rows [][]string, cols int) string {
	var b strings.Builder
	row := func(r []string, head bool) {
		b.WriteByte('|')
		for c := range cols {
			b.WriteByte(' ')
			if c < len(r) && r[c] != "" {
				cell := escapeMarkdown(r[c])
				if head {
					cell = "**" + cell + "**"
				}
				b.WriteString(cell)
			}
			b.WriteString(" |")
		}
		b.WriteByte('\n')
	}
	row(rows[0], true)
	b.WriteByte('|')
	num := numericColumns(rows, cols)
	for c := range cols {
		if num[c] {
			b.WriteString("---:|") // numbers right-aligned
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteByte('\n')
	for _, r := range rows[1:] {
		row(r, false)
	}
	return b.String()
}

// markdownEscaped are the ASCII punctuation characters that escapeMarkdown
// escapes: those that start Markdown syntax. (CommonMark allows escaping
// any ASCII punctuation, but glamour then prints the backslash of \& \/ \:
// and a few more; an entity or ~~ that is not escaped is caught by the
// check of glamour's output.)
const markdownEscaped = "!#()*+-.<>[\\]_`{|}"

// escapeMarkdown escapes the characters of s that could start Markdown
// syntax with a backslash, so that s is read as literal text, and a | does
// not end the cell.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(markdownEscaped, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mapCells finds the cells of row ri (cols columns) on ln, glamour's line
// for the row, and gives ln its spans: a span per cell mapped to its piece,
// marker spans for the padding and the column rules between the cells. It
// reports false unless the line is exactly the row's cells in order, with
// one rule between two columns and nothing else but spaces.
func mapCells(ln *Line, row []string, ri, cols int, piece map[[2]int]int, rule string) bool {
	role := RoleBody
	if ri == 0 {
		role = RoleTableHead
	}
	text := ln.Text
	pos, col := 0, 0 // the text before pos shows the columns before col
	gap := func(end, rules int) bool {
		g := text[pos:end]
		if strings.Count(g, rule) != rules || strings.Trim(g, " "+rule) != "" {
			return false
		}
		if end > pos {
			ln.Spans = append(ln.Spans, Span{Start: pos, End: end, Role: RoleMarker, Piece: -1})
		}
		pos = end
		return true
	}
	for c, cell := range row {
		trimmed := strings.TrimSpace(cell)
		if trimmed == "" {
			continue
		}
		i := strings.Index(text[pos:], trimmed)
		if i < 0 || !gap(pos+i, c-col) {
			return false
		}
		p, ok := piece[[2]int{ri, c}]
		if !ok {
			p = -1
		}
		ln.Spans = append(ln.Spans, Span{Start: pos, End: pos + len(trimmed), Role: role, Piece: p, Offset: strings.Index(cell, trimmed)})
		pos += len(trimmed)
		col = c
	}
	return gap(len(text), cols-1-col)
}

// parseStyled splits a line of glamour's output into its text (trailing
// spaces removed, leading spaces counted as the indent) and its styled
// form (the same without the indent, escape sequences kept), which is what
// Renderer.Line draws: a table looks as glamour drew it. It reports false when the line holds an escape sequence other than
// SGR.
func parseStyled(s string) (Line, bool) {
	toks, ok := sgrTokens(s)
	if !ok {
		return Line{}, false
	}
	// drop leading and trailing spaces, keeping the escape sequences
	first, last := 0, len(toks)
	for first < last && !toks[first].esc && toks[first].s == " " {
		first++
	}
	for last > first && (toks[last-1].esc || toks[last-1].s == " ") {
		last--
	}
	var text, styled strings.Builder
	for i, t := range toks {
		switch {
		case t.esc:
			styled.WriteString(t.s)
		case i >= first && i < last:
			text.WriteString(t.s)
			styled.WriteString(t.s)
		}
	}
	ln := Line{Text: text.String(), Indent: first}
	for _, t := range toks[:first] {
		if t.esc {
			ln.Indent--
		}
	}
	ln.styled = styled.String()
	return ln, true
}

// token is a piece of a styled line: an SGR sequence or one character.
type token struct {
	s   string
	esc bool
}

// sgrTokens splits s into SGR sequences and characters; false when s holds
// another escape sequence or a control character.
func sgrTokens(s string) ([]token, bool) {
	var out []token
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			n := sgrLen(s[i:])
			if n == 0 {
				return nil, false
			}
			out = append(out, token{s[i : i+n], true})
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if textsafe.Unsafe(r) || r == utf8.RuneError && n == 1 {
			return nil, false
		}
		out = append(out, token{s[i : i+n], false})
		i += n
	}
	return out, true
}

// sgrLen returns the length of the SGR sequence (ESC [ digits ; : m) that
// s starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9', c == ';', c == ':':
		default:
			return 0
		}
	}
	return 0
}

// isReset reports whether the SGR sequence seq resets every attribute.
func isReset(seq string) bool {
	return seq == "\x1b[m" || seq == "\x1b[0m"
}

// styledMarks writes a glamour-styled line with the text ranges in hl
// (byte ranges of the line's Text, sorted, not overlapping) highlighted:
// inside a range only the match style shows, and after it the line's own
// style is restored.
func (r *Renderer) styledMarks(b *strings.Builder, styled string, hl []hlRange) {
	var state []string // the SGR sequences in effect
	pos, in := 0, false
	k := 0
	for i := 0; i < len(styled); {
		if n := sgrLen(styled[i:]); n > 0 {
			seq := styled[i : i+n]
			if isReset(seq) {
				state = state[:0]
			} else {
				state = append(state, seq)
			}
			if !in {
				b.WriteString(seq)
			}
			i += n
			continue
		}
		if in && pos == hl[k].end {
			b.WriteString(hl[k].sgr.close)
			for _, s := range state {
				b.WriteString(s)
			}
			in = false
			k++
		}
		if !in && k < len(hl) && pos == hl[k].start {
			b.WriteString(hl[k].sgr.open)
			in = true
		}
		_, n := utf8.DecodeRuneInString(styled[i:])
		b.WriteString(styled[i : i+n])
		pos += n
		i += n
	}
	if in {
		b.WriteString(hl[k].sgr.close)
		for _, s := range state {
			b.WriteString(s)
		}
	}
}

// hlRange is a highlighted byte range of a line's text.
type hlRange struct {
	start, end int
	sgr        sgr
}
