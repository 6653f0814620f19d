package render

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/ui/wrap"
)

// Loc addresses a line of a Layout: a unit and a line inside it. Locs of
// one layout are ordered; the zero Loc is the first line.
type Loc struct {
	Unit, Line int
}

// Before reports whether a comes before b.
func (a Loc) Before(b Loc) bool {
	return a.Unit < b.Unit || a.Unit == b.Unit && a.Line < b.Line
}

// Layout is an article laid out at one width. Its lines are computed per
// unit on demand and kept. A Layout is safe for concurrent use.
type Layout struct {
	article *issue.Article // the article shown: source's, converted by opt.Script
	opt     Options
	// source is the article as written when opt.Script converts it, and
	// maps[i] maps the text of its piece i to the text shown; nil when
	// the article is shown as written.
	source *issue.Article
	maps   []script.Mapped
	// r is the renderer the layout belongs to: its paragraph cache and its
	// glamour table style. Nil for Plain, which uses neither.
	r      *Renderer
	pieces []issue.Piece
	units  []unit
	// pieceUnit maps a piece index to the unit that shows it.
	pieceUnit []int
	// before[u] is the number of text bytes in units before u; total is
	// the number of text bytes in all units.
	before []int
	total  int

	// textOnly says that only the lines' Text, Indent and Width are
	// wanted (Plain): no spans, and no maps (the positions and marks of
	// Layout's methods are not kept).
	textOnly bool

	mu    sync.Mutex
	lines [][]Line // per unit; nil until laid out
	// wl holds the line breaker's lines of a paragraph while layRun
	// copies them into the layout's (under mu), reused for the next.
	wl []wrap.Line
	// grids are the column plans of the grids of large tables, by block
	// (see gridPlan), worked out once.
	grids map[int]*gridPlan
	// marksIn and marksOut are the last marks Marks mapped and what they
	// became: a frame asks for the same marks as the one before.
	marksIn, marksOut []Mark
}

// unitKind says how a unit is laid out.
type unitKind uint8

const (
	unitText  unitKind = iota // prose pieces through the line breaker
	unitTable                 // the cells of one table block
	unitImage                 // an image's alt text and caption
)

// unit is a group of pieces laid out together, followed by a blank line
// when gap is set.
type unit struct {
	kind        unitKind
	first, last int // pieces [first, last)
	role        Role
	group       int // consecutive units of one group have no blank line between them
	gap         bool
	cut         bool // a paragraph cut off by the page layout
	block       int
	// rowFrom and rowTo are the rows of a large table's block a unit
	// shows (see bigTable); rowTo is 0 for a unit of a whole table.
	rowFrom, rowTo int
}

// A table of more than bigTable rows is laid out in units of tableChunk
// rows, each on demand as the others are (the columns' widths are worked
// out once for the whole table): a table of 200,000 rows shows its first
// screen, or its last, at once, and its layout takes time and memory in
// proportion to its rows.
const (
	bigTable   = 256
	tableChunk = 64
	// tableGroup - block is the group of a large table's units: no blank
	// line between them.
	tableGroup = -1 << 30
)

// rows returns the rows of its table's n rows that u shows.
func (u *unit) rows(n int) (from, to int) {
	if u.rowTo == 0 {
		return 0, n
	}
	return min(u.rowFrom, n), min(u.rowTo, n)
}

// Article returns the article the layout shows, as written (before any
// conversion of Options.Script).
func (l *Layout) Article() *issue.Article {
	if l.source != nil {
		return l.source
	}
	return l.article
}

// Options returns the options the layout was made with.
func (l *Layout) Options() Options { return l.opt }

// Pieces returns the article's pieces (Article.Pieces) as shown: the
// layout's lines' spans refer to them (their text converted by
// Options.Script, their offsets in it). The slice must not be modified.
func (l *Layout) Pieces() []issue.Piece { return l.pieces }

// Empty reports whether the layout has no line at all.
func (l *Layout) Empty() bool { return len(l.units) == 0 }

func newLayout(a *issue.Article, opt Options, r *Renderer) *Layout {
	return newLayoutOf(a, opt, r, false)
}

// newLayoutOf is newLayout; textOnly makes a layout for Plain: lines
// without spans, and no maps between the article's text as written and as
// shown (Layout.textOnly).
func newLayoutOf(a *issue.Article, opt Options, r *Renderer, textOnly bool) *Layout {
	l := &Layout{article: a, opt: opt, r: r, textOnly: textOnly}
	switch conv := opt.converter(); {
	case conv != nil && r != nil:
		c := r.conv.get(a, conv)
		l.source, l.article, l.pieces, l.maps = a, c.a, c.pieces, c.maps
		a = c.a
	case conv != nil && textOnly:
		l.source = a
		a = script.Article(a, conv)
		l.article = a
		l.pieces = a.Pieces()
	case conv != nil:
		l.source = a
		a, l.maps = script.ArticleMapped(a, conv)
		l.article = a
		l.pieces = a.Pieces()
	default:
		l.pieces = a.Pieces()
	}
	ps := l.pieces
	l.pieceUnit = make([]int, len(ps))
	l.units = make([]unit, 0, len(ps))
	const headerGroup, stitchedGroup = -1, -2
	group := 0
	add := func(u unit) {
		if u.group == 0 {
			group++
			u.group = group
		}
		for i := u.first; i < u.last; i++ {
			l.pieceUnit[i] = len(l.units)
		}
		l.units = append(l.units, u)
	}
	for i := 0; i < len(ps); {
		p := ps[i]
		u := unit{kind: unitText, first: i, last: i + 1, role: RoleBody, block: p.Block}
		switch p.Kind {
		case issue.PieceKicker:
			u.role, u.group = RoleKicker, headerGroup
		case issue.PieceTitle:
			u.role, u.group = RoleTitle, headerGroup
		case issue.PieceSubtitle:
			u.role, u.group = RoleSubtitle, headerGroup
		case issue.PieceByline:
			u.role = RoleByline
			switch {
			case a.BylineEnd:
				u.role = RoleEndByline
			case !opt.Plain && a.BylineInline && i+1 < len(ps) && ps[i+1].Kind == issue.PieceParagraph && ps[i+1].Para == 0:
				u.role, u.last = RoleBody, i+2 // bold at the start of the first paragraph
				u.cut = isCut(a, 0)
			case len(l.units) == 0 || l.units[len(l.units)-1].group == headerGroup:
				u.group = headerGroup // a line of its own under the title
			}
		case issue.PieceParagraph:
			u.cut = isCut(a, p.Para)
		case issue.PieceHeading:
			u.role = RoleHeading
		case issue.PieceQuote:
			u.role = RoleQuote
		case issue.PieceCode:
			u.role = RoleCode
		case issue.PieceAttribution:
			u.role = RoleAttribution
		case issue.PiecePhotoCredit, issue.PieceLayoutCredit:
			u.role = RoleCredit
		case issue.PieceBlockByline:
			u.role = RoleEndByline
		case issue.PieceItem:
			u.role = RoleItem
			u.group = -3 - p.Block // items of one list stay together
		case issue.PieceJump:
			// the jump lines of a seam, where a continuation was joined
			// to the article: shown quietly, on one line of their own
			// between the paragraphs (Pieces puts them at the seam)
			u.role, u.group = RoleMarker, stitchedGroup
			for u.last < len(ps) && ps[u.last].Kind == issue.PieceJump {
				u.last++
			}
		case issue.PieceCell:
			u.kind, u.role = unitTable, RoleBody
			if p.Block >= 0 && p.Block < len(a.Blocks) && len(a.Blocks[p.Block].Rows) > bigTable {
				u.group = tableGroup - p.Block
				u.rowFrom = p.Row - p.Row%tableChunk
				u.rowTo = u.rowFrom + tableChunk
				for u.last < len(ps) && ps[u.last].Kind == issue.PieceCell && ps[u.last].Block == p.Block && ps[u.last].Row < u.rowTo {
					u.last++
				}
				break
			}
			for u.last < len(ps) && ps[u.last].Kind == issue.PieceCell && ps[u.last].Block == p.Block {
				u.last++
			}
		case issue.PieceImage, issue.PieceCaption:
			u.kind, u.role = unitImage, RoleImage
			for u.last < len(ps) && (ps[u.last].Kind == issue.PieceCaption) && ps[u.last].Block == p.Block {
				u.last++
			}
		}
		add(u)
		i = u.last
	}
	for i := range l.units {
		l.units[i].gap = i+1 < len(l.units) && l.units[i+1].group != l.units[i].group &&
			!(opt.IndentOnly && !opt.Plain && l.indented(i) && l.indented(i+1))
	}
	l.before = make([]int, len(l.units))
	for i, u := range l.units {
		l.before[i] = l.total
		for p := u.first; p < u.last; p++ {
			l.total += len(ps[p].Text)
		}
	}
	l.lines = make([][]Line, len(l.units))
	return l
}

// indented reports whether unit u is a body paragraph, set with a
// first-line indent (a paragraph, or the byline run into the first one).
func (l *Layout) indented(u int) bool {
	un := l.units[u]
	k := l.pieces[un.first].Kind
	return un.kind == unitText && un.role == RoleBody && (k == issue.PieceParagraph || k == issue.PieceByline)
}

func isCut(a *issue.Article, para int) bool {
	for _, c := range a.Cut {
		if c == para {
			return true
		}
	}
	return false
}

// unitLines returns the lines of unit u, laying it out on first use.
func (l *Layout) unitLines(u int) []Line {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lines[u] == nil {
		l.lines[u] = l.layUnit(&l.units[u])
	}
	return l.lines[u]
}

// All returns every line of the layout (laying out the whole article).
func (l *Layout) All() []Line {
	var out []Line
	for u := range l.units {
		out = append(out, l.unitLines(u)...)
	}
	return out
}

// Lines returns up to n lines starting at from.
func (l *Layout) Lines(from Loc, n int) []Line {
	out := make([]Line, 0, max(n, 0))
	for u := max(from.Unit, 0); u < len(l.units) && len(out) < n; u++ {
		ls := l.unitLines(u)
		i := 0
		if u == from.Unit {
			i = min(max(from.Line, 0), len(ls))
		}
		for ; i < len(ls) && len(out) < n; i++ {
			out = append(out, ls[i])
		}
	}
	return out
}

// Last returns the Loc of the last line.
func (l *Layout) Last() Loc {
	if len(l.units) == 0 {
		return Loc{}
	}
	u := len(l.units) - 1
	return Loc{u, len(l.unitLines(u)) - 1}
}

// clamp returns loc moved into the layout.
func (l *Layout) clamp(loc Loc) Loc {
	if len(l.units) == 0 || loc.Unit < 0 {
		return Loc{}
	}
	if loc.Unit >= len(l.units) {
		return l.Last()
	}
	n := len(l.unitLines(loc.Unit))
	loc.Line = min(max(loc.Line, 0), n-1)
	return loc
}

// Step moves loc by n lines (up when n is negative), stopping at the first
// and the last line.
func (l *Layout) Step(loc Loc, n int) Loc {
	loc = l.clamp(loc)
	if len(l.units) == 0 {
		return loc
	}
	for n > 0 {
		ls := len(l.unitLines(loc.Unit))
		if left := ls - 1 - loc.Line; n <= left {
			loc.Line += n
			return loc
		} else if loc.Unit == len(l.units)-1 {
			loc.Line = ls - 1
			return loc
		} else {
			n -= left + 1
			loc = Loc{loc.Unit + 1, 0}
		}
	}
	for n < 0 {
		if -n <= loc.Line {
			loc.Line += n
			return loc
		} else if loc.Unit == 0 {
			return Loc{}
		}
		n += loc.Line + 1
		loc.Unit--
		loc.Line = len(l.unitLines(loc.Unit)) - 1
	}
	return loc
}

// Distance returns the number of lines from a to b (negative when b is
// before a), laying out the units between them.
func (l *Layout) Distance(a, b Loc) int {
	a, b = l.clamp(a), l.clamp(b)
	if b.Before(a) {
		return -l.Distance(b, a)
	}
	if a.Unit == b.Unit {
		return b.Line - a.Line
	}
	d := len(l.unitLines(a.Unit)) - a.Line
	for u := a.Unit + 1; u < b.Unit; u++ {
		d += len(l.unitLines(u))
	}
	return d + b.Line
}

// MaxTop returns the last Loc a window of height lines may start at: the
// one that shows the last line at the bottom of the window.
func (l *Layout) MaxTop(height int) Loc {
	return l.Step(l.Last(), -(max(height, 1) - 1))
}

// LocOf returns the line that shows the character at p (for a table cell,
// a line of its row, whether glamour or the grid drew the table).
// Positions outside the article give the nearest line.
func (l *Layout) LocOf(p issue.Pos) Loc {
	if len(l.units) == 0 || p.Piece < 0 {
		return Loc{}
	}
	if p.Piece >= len(l.pieces) {
		return l.Last()
	}
	p = l.shownPos(p)
	u := l.pieceUnit[p.Piece]
	ls := l.unitLines(u)
	best := 0
	for i, ln := range ls {
		for _, s := range ln.Spans {
			if s.Piece < 0 {
				continue
			}
			if s.Piece < p.Piece || s.Piece == p.Piece && s.Offset <= p.Offset {
				best = i
			}
		}
	}
	return Loc{u, best}
}

// PosOf returns the position of the first character shown on the line at
// loc (or, for a line without article text, of the next text after it).
func (l *Layout) PosOf(loc Loc) issue.Pos {
	loc = l.clamp(loc)
	if len(l.units) == 0 {
		return issue.Pos{}
	}
	ls := l.unitLines(loc.Unit)
	for i := loc.Line; i < len(ls); i++ {
		for _, s := range ls[i].Spans {
			if s.Piece >= 0 {
				return l.sourcePos(issue.Pos{Piece: s.Piece, Offset: s.Offset})
			}
		}
	}
	u := l.units[loc.Unit]
	if loc.Unit+1 < len(l.units) && loc.Line > 0 {
		u = l.units[loc.Unit+1]
	}
	return issue.Pos{Piece: u.first}
}

// shownPos maps a position in the article as written to the text shown.
func (l *Layout) shownPos(p issue.Pos) issue.Pos {
	if l.maps != nil && p.Piece >= 0 && p.Piece < len(l.maps) && p.Offset >= 0 && p.Offset <= len(l.maps[p.Piece].Source) {
		p.Offset = l.maps[p.Piece].ToText(p.Offset)
	}
	return p
}

// sourcePos maps a position in the text shown to the article as written.
func (l *Layout) sourcePos(p issue.Pos) issue.Pos {
	if l.maps != nil && p.Piece >= 0 && p.Piece < len(l.maps) && p.Offset >= 0 && p.Offset <= len(l.maps[p.Piece].Text) {
		p.Offset = l.maps[p.Piece].ToSource(p.Offset)
	}
	return p
}

// Marks returns marks given in the coordinates of the article as written
// (search matches) in those of the text shown, for Renderer.Line: a match
// covers the characters its text became. Without a conversion it returns
// marks as they are. The marks mapped last are kept, so that each frame
// of one search does not map them again: the result must not be changed.
func (l *Layout) Marks(marks []Mark) []Mark {
	if l.maps == nil || len(marks) == 0 {
		return marks
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if slices.Equal(marks, l.marksIn) {
		return l.marksOut
	}
	out := make([]Mark, len(marks))
	for i, m := range marks {
		if m.Piece >= 0 && m.Piece < len(l.maps) && m.Start >= 0 && m.Start <= m.End && m.End <= len(l.maps[m.Piece].Source) {
			m.Start, m.End = l.maps[m.Piece].TextRange(m.Start, m.End)
		}
		out[i] = m
	}
	// A copy: the caller may reuse its slice for other marks.
	l.marksIn, l.marksOut = append(l.marksIn[:0], marks...), out
	return out
}

// Fraction returns how far into the article's text the line at loc is,
// from 0 to 1, counted in bytes of text (so it needs no layout of the rest).
func (l *Layout) Fraction(loc Loc) float64 {
	loc = l.clamp(loc)
	if l.total == 0 {
		return 1
	}
	n := len(l.unitLines(loc.Unit))
	u := l.units[loc.Unit]
	var inUnit int
	for p := u.first; p < u.last; p++ {
		inUnit += len(l.pieces[p].Text)
	}
	done := float64(l.before[loc.Unit]) + float64(inUnit)*float64(loc.Line)/float64(n)
	return done / float64(l.total)
}

// seg is a piece of text in a run, with its role and its source.
type seg struct {
	text   string
	piece  int
	offset int
	role   Role
}

// run is a block of text laid out by the line breaker.
type run struct {
	segs   []seg
	indent int    // first-line indent
	prefix string // decoration before the first line (before every line if every)
	every  bool
}

// cutMark follows the text of a paragraph that the page layout cut off
// (Article.Cut), dimmed, in the styled layouts only.
const cutMark = "〔原文在此中断〕"

// indentBody is the first-line indent of body paragraphs: two full-width
// spaces, as Chinese print does.
const indentBody = 4

func (l *Layout) layUnit(u *unit) []Line {
	var out []Line
	switch u.kind {
	case unitTable:
		out = l.layTable(u)
	case unitImage:
		out = l.layImage(u)
	default:
		r := l.textRun(u)
		if u.cut && !l.opt.Plain {
			// inline, right after the text that breaks off
			r.segs = append(r.segs, seg{text: cutMark, piece: -1, role: RoleMarker})
		}
		out = l.layRun(r)
		if p := l.codePiece(u); p >= 0 {
			l.highlightCode(p, out)
		}
	}
	if len(out) == 0 {
		out = []Line{{}}
	}
	if u.gap {
		out = append(out, Line{})
	}
	return out
}

func (l *Layout) bodyIndent() int {
	if l.opt.Plain {
		return 0
	}
	return indentBody
}

// textRun builds the run of a text unit.
func (l *Layout) textRun(u *unit) run {
	var r run
	for i := u.first; i < u.last; i++ {
		p := l.pieces[i]
		switch p.Kind {
		case issue.PieceParagraph:
			if i > u.first { // after a merged byline
				if sep := bylineSep(r.segs[len(r.segs)-1].text, p.Text); sep != "" {
					r.segs = append(r.segs, seg{text: sep, piece: -1, role: RoleBody})
				}
			}
			r.segs = append(r.segs, l.spanSegs(p, l.paragraphSegs(i, p))...)
		case issue.PieceJump:
			if i > u.first { // the jump lines of a seam, a space between
				r.segs = append(r.segs, seg{text: " ", piece: -1, role: u.role})
			}
			r.segs = append(r.segs, seg{text: p.Text, piece: i, role: u.role})
		default:
			r.segs = append(r.segs, l.spanSegs(p, []seg{{text: p.Text, piece: i, role: u.role}})...)
		}
		if p.Kind == issue.PieceByline && u.role != RoleEndByline {
			r.segs[len(r.segs)-1].role = RoleByline
		}
	}
	switch l.pieces[u.first].Kind {
	case issue.PieceParagraph, issue.PieceByline, issue.PieceJump:
		r.indent = l.bodyIndent()
	case issue.PieceQuote:
		if !l.opt.Plain {
			r.prefix, r.every = quoteMarker, true
		}
	case issue.PieceItem:
		p := l.pieces[u.first]
		r.prefix = itemMarker
		if p.Block >= 0 && p.Block < len(l.article.Blocks) {
			b := &l.article.Blocks[p.Block]
			switch {
			case b.Ordered:
				r.prefix = strconv.Itoa(p.Row+1) + enumSuffix
			case b.Marker != "":
				r.prefix = b.Marker + " " // ■ as printed
			}
			if p.Row < len(b.Levels) && b.Levels[p.Row] > 0 {
				r.prefix = strings.Repeat(levelIndent, min(b.Levels[p.Row], 8)) + r.prefix
			}
		}
	case issue.PieceAttribution:
		if !l.opt.Plain {
			r.indent = 2 * indentBody // set apart from the quote above it
		}
	case issue.PieceCode:
		if !l.opt.Plain {
			r.prefix, r.every = codeMarker, true
		}
	}
	return r
}

// codeMarker is drawn before each line of a code block.
const codeMarker = "  "

// spanRank orders the kinds of span by which one styles a character
// covered by several: the innermost kinds win.
var spanRank = map[issue.SpanKind]int{issue.SpanEm: 1, issue.SpanStrong: 2, issue.SpanLink: 3, issue.SpanCode: 4}

// spanRole is the role of a span's text.
func spanRole(k issue.SpanKind) Role {
	switch k {
	case issue.SpanStrong:
		return RoleStrong
	case issue.SpanEm:
		return RoleEm
	case issue.SpanCode:
		return RoleCode
	}
	return RoleLink
}

// spanSegs splits the segs of piece p (in order, over its text) at the
// piece's inline spans, giving the text of each span its role, and puts a
// link's address after its text: dimmed in the styled layouts, as
// " <address>" in the plain one when Options.Links asks for it. Segs that
// are not body text (a jump line) keep their role.
func (l *Layout) spanSegs(p issue.Piece, segs []seg) []seg {
	spans := l.article.PieceSpans(p)
	if len(spans) == 0 {
		return segs
	}
	showAddr := !l.opt.Plain || l.opt.Links
	// cuts: every place a span starts or ends, in order.
	cuts := make([]int, 0, 2*len(spans))
	for _, s := range spans {
		cuts = append(cuts, s.Start, s.End)
	}
	sortInts(cuts)
	roleAt := func(from, to int) (Role, bool) {
		best, rank := Role(0), 0
		for _, s := range spans {
			if s.Start <= from && to <= s.End && s.Start < s.End && spanRank[s.Kind] > rank {
				best, rank = spanRole(s.Kind), spanRank[s.Kind]
			}
		}
		return best, rank > 0
	}
	addrs := func(at int, out []seg) []seg {
		if !showAddr {
			return out
		}
		for _, s := range spans {
			if s.Kind == issue.SpanLink && s.End == at && s.Href != "" {
				out = append(out, seg{text: " <" + s.Href + ">", piece: -1, role: RoleLinkAddr})
			}
		}
		return out
	}
	var out []seg
	for _, sg := range segs {
		if sg.piece < 0 || sg.role == RoleJump {
			out = append(out, sg)
			continue
		}
		from, end := sg.offset, sg.offset+len(sg.text)
		pos := from
		emit := func(to int) {
			part := seg{text: sg.text[pos-sg.offset : to-sg.offset], piece: sg.piece, offset: pos, role: sg.role}
			if r, ok := roleAt(pos, to); ok {
				part.role = r
			}
			out = append(out, part)
			pos = to
		}
		for k, c := range cuts {
			if c < from || c > end || k > 0 && cuts[k-1] == c {
				continue
			}
			if c > pos {
				emit(c)
			}
			// A place shared by two segs gets its addresses once: with
			// the seg that ends there.
			if c > from || c == 0 {
				out = addrs(c, out)
			}
		}
		if end > pos {
			emit(end)
		}
	}
	return out
}

// sortInts sorts a short list of ints.
func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// bylineSep returns what goes between a byline and the paragraph it opens:
// nothing after a closing bracket or before a space, else one space.
func bylineSep(byline, para string) string {
	last, _ := utf8.DecodeLastRuneInString(byline)
	first, _ := utf8.DecodeRuneInString(para)
	switch {
	case strings.ContainsRune(")）]】」』》〕 \u3000", last), first == ' ', first == '\u3000':
		return ""
	}
	return " "
}

// paragraphSegs splits paragraph piece i at its jump lines.
func (l *Layout) paragraphSegs(i int, p issue.Piece) []seg {
	var out []seg
	pos := 0
	for _, j := range l.article.Jumps {
		end := j.Offset + len(j.Text)
		if j.Stitched || j.Para != p.Para || j.Text == "" || j.Offset < pos || end > len(p.Text) || p.Text[j.Offset:end] != j.Text ||
			!utf8.RuneStart(p.Text[j.Offset]) || end < len(p.Text) && !utf8.RuneStart(p.Text[end]) {
			continue
		}
		if j.Offset > pos {
			out = append(out, seg{text: p.Text[pos:j.Offset], piece: i, offset: pos, role: RoleBody})
		}
		out = append(out, seg{text: j.Text, piece: i, offset: j.Offset, role: RoleJump})
		pos = end
	}
	if pos < len(p.Text) {
		out = append(out, seg{text: p.Text[pos:], piece: i, offset: pos, role: RoleBody})
	}
	return out
}

// layImage lays out an image placeholder with its alt text, then the
// caption.
func (l *Layout) layImage(u *unit) []Line {
	head := run{segs: []seg{{text: "[图片]", piece: -1, role: RoleImage}}}
	var caption *run
	for i := u.first; i < u.last; i++ {
		p := l.pieces[i]
		if p.Kind == issue.PieceImage {
			head.segs = append(head.segs, seg{text: " ", piece: -1, role: RoleImage}, seg{text: p.Text, piece: i, role: RoleImage})
		} else {
			caption = &run{segs: []seg{{text: p.Text, piece: i, role: RoleCaption}}}
		}
	}
	out := l.layRun(head)
	if caption != nil {
		out = append(out, l.layRun(*caption)...)
	}
	return out
}

// layRun lays out a run with the line breaker; newlines in the text start
// new lines.
func (l *Layout) layRun(r run) []Line {
	full, segs := joinSegs(r.segs)
	width := l.opt.Width
	prefix := r.prefix
	pw := strictWidth(prefix, l.opt.AmbiguousWide)
	if width > 0 && width-pw < 2 {
		prefix, pw = "", 0 // no room for a bullet or a bar
	}
	wopt := wrap.Options{Width: width - pw, Indent: r.indent, AmbiguousWide: l.opt.AmbiguousWide}
	var out []Line
	// segs are in text order and lines only move forward: next is the
	// first seg that can still meet a line, so a run of many segs (a big
	// table's cells) is laid out in linear time.
	next := 0
	for start := 0; start <= len(full); {
		end := strings.IndexByte(full[start:], '\n')
		if end < 0 {
			end = len(full)
		} else {
			end += start
		}
		para := full[start:end]
		var wl []wrap.Line
		if width > 0 {
			wl = l.avoidOrphan(para, l.appendBreakLines(l.wl[:0], para, wopt), wopt)
		} else {
			wl = []wrap.Line{{End: len(para), Indent: wopt.Indent, Width: strictWidth(para, l.opt.AmbiguousWide)}}
		}
		// one array holds the spans of all the lines (most have one)
		for next < len(segs) && segs[next].end <= start && segs[next].end < end {
			next++
		}
		if out == nil {
			out = make([]Line, 0, len(wl)+1) // and a blank line after (layUnit)
		}
		var buf []Span
		if !l.textOnly {
			inPara := 0
			for k := next; k < len(segs) && segs[k].start <= end; k++ {
				inPara++
			}
			buf = make([]Span, 0, len(wl)+inPara+1)
		}
		for i, w := range wl {
			text := w.Text(para)
			ln := Line{Indent: w.Indent}
			first := len(buf)
			s, e := start+w.Start, start+w.Start+len(text)
			lead := ""
			switch {
			case prefix != "" && (r.every || len(out) == 0 && i == 0):
				lead = prefix
				buf = append(buf, Span{Start: 0, End: len(prefix), Role: RoleMarker, Piece: -1})
			case prefix != "":
				ln.Indent += pw
			}
			for next < len(segs) && segs[next].end <= s && segs[next].end < e {
				next++
			}
			for k := next; k < len(segs) && segs[k].start < e && !l.textOnly; k++ {
				sg := segs[k]
				if sg.end <= s {
					continue
				}
				a, b := max(sg.start, s), min(sg.end, e)
				buf = append(buf, Span{
					Start: len(lead) + a - s, End: len(lead) + b - s,
					Role: sg.role, Piece: sg.piece, Offset: sg.offset + a - sg.start,
				})
			}
			if len(buf) > first {
				ln.Spans = buf[first:len(buf):len(buf)]
			}
			ln.Text = lead + text
			ln.Width = w.Width
			if lead != "" {
				ln.Width += pw
			}
			out = append(out, ln)
		}
		if width > 0 {
			l.wl = wl[:0] // copied into out: the next paragraph's
		}
		start = end + 1
	}
	return out
}

// breakLines lays out text (one paragraph, no newline) with the line
// breaker at wopt, every line fitting wopt.Width by the strictest width
// measure (see fitStrict). A long text is analysed once and kept in the
// renderer's paragraph cache, so laying it out again at another width only
// walks the analysis.
func (l *Layout) breakLines(text string, wopt wrap.Options) []wrap.Line {
	if l.r != nil && len(text) >= paraCacheMin {
		p, risky := l.r.paras.get(text)
		return fitStrict(text, p.Lines(wopt), wopt, risky)
	}
	return fitStrict(text, wrap.Lines(text, wopt), wopt, hasRisky(text))
}

// appendBreakLines is breakLines with the line breaker's lines appended
// to dst (which the result may share), for layRun, which reuses one
// buffer (Layout.wl); breakLines sizes a new one for callers that keep
// the lines.
func (l *Layout) appendBreakLines(dst []wrap.Line, text string, wopt wrap.Options) []wrap.Line {
	if l.r != nil && len(text) >= paraCacheMin {
		p, risky := l.r.paras.get(text)
		return fitStrict(text, p.AppendLines(dst, wopt), wopt, risky)
	}
	return fitStrict(text, wrap.AppendLines(dst, text, wopt), wopt, hasRisky(text))
}

// avoidOrphan returns the lines wl of text, or, when the last of them is
// an orphan (one CJK character and its punctuation, see isOrphan), the
// same lines with a character or two pulled down from the line before, so
// that the last line holds at least two: the last two lines are laid out
// again a little narrower (one 汉字 less, then up to three), all earlier
// lines kept as they are. The line breaker lays them out, so the rules of
// line starts and ends (kinsoku) still hold, and the lines still tile the
// text. When no narrower measure gives two lines without an orphan, wl is
// kept.
func (l *Layout) avoidOrphan(text string, wl []wrap.Line, wopt wrap.Options) []wrap.Line {
	n := len(wl)
	if n < 2 || !isOrphan(wl[n-1].Text(text)) {
		return wl
	}
	prev := wl[n-2]
	tail := text[prev.Start:]
	// the line before starts d columns further in (an indent the line
	// breaker fills no text into), so that it holds less; the last line
	// keeps the whole measure
	for d := 1; d <= 6 && prev.Width-d >= 4; d++ {
		t := wopt
		t.Indent = wopt.Width - (prev.Width - d)
		nl := fitStrict(tail, wrap.Lines(tail, t), t, hasRisky(tail))
		if len(nl) != 2 || isOrphan(nl[1].Text(tail)) {
			continue
		}
		out := make([]wrap.Line, 0, n)
		out = append(out, wl[:n-2]...)
		for i, x := range nl {
			x.Start += prev.Start
			x.End += prev.Start
			if i == 0 {
				x.Indent = prev.Indent
			}
			out = append(out, x)
		}
		return out
	}
	return wl
}

// isOrphan reports whether a line is a single CJK character with nothing
// but punctuation around it (福。, 了」).
func isOrphan(line string) bool {
	n := 0
	for _, r := range line {
		switch {
		case unicode.IsPunct(r):
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			if n++; n > 1 {
				return false
			}
		default:
			return false
		}
	}
	return n == 1
}

// span is a seg placed in the joined text of a run.
type span struct {
	start, end int
	piece      int
	offset     int
	role       Role
}

// joinSegs concatenates the segs' texts (without copying when there is
// only one) and places each seg in the result.
func joinSegs(ss []seg) (string, []span) {
	spans := make([]span, 0, len(ss))
	if len(ss) == 1 {
		return ss[0].text, append(spans, span{0, len(ss[0].text), ss[0].piece, ss[0].offset, ss[0].role})
	}
	var b strings.Builder
	for _, s := range ss {
		spans = append(spans, span{b.Len(), b.Len() + len(s.text), s.piece, s.offset, s.role})
		b.WriteString(s.text)
	}
	return b.String(), spans
}
