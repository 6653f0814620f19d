// Package render turns an article into lines of terminal text for a given
// width. It is the one renderer of dubao: the reader's article pane and
// `dubao cat` both use it, so an article looks the same everywhere.
//
// Who lays out what. Chinese prose is laid out by our own line breaker
// (package ui/wrap), and glamour/v2 renders what it is good at:
//   - Paragraphs, headings, bylines, captions: the line breaker.
//   - Lists and block quotes hold Chinese prose, which glamour breaks
//     before 、。，, so the line breaker lays them out too, drawn as glamour
//     draws them: its item bullet "• ", its enumeration "1. " and its quote
//     bar "│ " (taken from glamour's standard style), with the text of an
//     item's later lines under its first character.
//   - Fenced code: glamour's code block renderer highlights it (chroma,
//     in a chroma style made of dubao's code styles: see code.go); the
//     line breaker breaks it into lines, glamour's colours are laid onto
//     them, so positions and search marks stay ours.
//   - Tables: glamour, when the table fits the width at its natural size.
//     The cells are escaped so that they read literally, and glamour's
//     output is checked before it is used: one line per row, every cell's
//     text whole in its row (nothing cut to …), single rules between the
//     columns, no line wider than the width. Otherwise — a table wider
//     than the pane, cells that glamour measures differently from us,
//     control characters — the table is drawn as our own grid, whose cells
//     the line breaker wraps and which keeps every character (glamour/v2
//     cuts header cells that do not fit and loses wrapped text when a
//     table must shrink). Either way the cells' text is mapped to their
//     pieces, so search finds a match in a table, scrolls to it and
//     highlights it. Glamour's lines are drawn as glamour styled them (with
//     a style made from ours: see tableStyle).
//   - Plain output is ours alone: at a width, tables as the same grid
//     (without its left margin) when no cell must wrap, else as their
//     cells one under another with a rule between rows, so that the text
//     stays in reading order for the programs that read it; without a
//     width, one line per row with the cells separated by " | ". No quote
//     bars, no cut marks.
//
// An article is laid out as plain text with role spans (kicker, title,
// byline, body, jump line, …). Styles are applied per line, only to the
// lines that are drawn, so a frame of a 200,000-character article costs
// only its visible lines; search matches are overlaid as marks at that
// moment. A paragraph cut off by the page layout (Article.Cut) ends with a
// dim 〔原文在此中断〕 right after its text, in the styled layouts only.
//
// Layout is lazy: a Layout splits the article into units (a paragraph, a
// heading, a table, …) and lays a unit out only when one of its lines is
// asked for, once (a table's glamour rendering too). Lines are addressed
// by a Loc (unit, line in unit); a width-independent issue.Pos converts to
// and from a Loc. The renderer keeps the line breaker's analysis of long
// paragraphs (wrap.Paragraph) across widths, so a resize re-lays out a
// 200,000-character paragraph in about a millisecond.
//
// Widths: every line is measured by the widest of uniseg (the line
// breaker), x/ansi's grapheme width (lipgloss) and wcwidth (bubbletea's
// screen), and a line that one of them finds too wide is broken again, so
// no line is ever wider than the width for bubbletea (see width.go).
//
// Entry points:
//   - Plain: an article as clean text for pipes (no ANSI, no trailing
//     spaces, one paragraph per line or wrapped at a width).
//   - Renderer.Styled: an article as styled terminal text at a width.
//   - Renderer.Layout + Layout.Lines + Renderer.Line: what the reader draws.
package render

import (
	"slices"
	"strings"

	"charm.land/glamour/v2/ansi"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/textsafe"
	"dubao/ui/styles"
)

// Options say how to lay out an article.
type Options struct {
	// Width is the width of the text column in terminal columns. Zero or
	// less means no wrapping: every paragraph is one line.
	Width int
	// AmbiguousWide counts East Asian Ambiguous characters (“ ” … — ·) as
	// two columns instead of one.
	AmbiguousWide bool
	// Plain selects the layout for plain text output: the byline on its
	// own line after the title (not bold at the start of the first
	// paragraph when it is inline), no first-line indent, no decorations that are not text
	// of the article (quote bars, cut marks), tables drawn without
	// glamour: at a width our grid when no cell wraps, else cells one
	// under another; without one, rows of cells separated by " | ".
	Plain bool
	// Links shows each link's address after its text, as " <address>",
	// in the plain layout too (cat --links). The styled layouts always
	// show it, dimmed.
	Links bool
	// Script converts the text shown (繁简, see script.ArticleMapped): the
	// layout shows the article converted, while its positions (LocOf,
	// PosOf) and the marks Layout.Marks takes stay in the coordinates of
	// the article as written. Nil shows the text as written.
	Script *script.Converter
	// FullWidthPunct sets the half-width , ( ) ; : ? ! of a source full
	// width where they stand between Chinese text (指出,今年 → 指出，今年),
	// never inside numbers or Latin text (see script.WithFullWidthPunct),
	// converted as Script converts: positions and marks stay in the
	// source's coordinates. For display: the reader, cat to a terminal or
	// at a width; not for json, plain piped text or search.
	FullWidthPunct bool
	// IndentOnly sets body paragraphs as print does: first lines indented,
	// no blank line between two paragraphs (crossheads, quotes, lists,
	// tables and images keep theirs). The plain layout, which has no
	// indent, ignores it.
	IndentOnly bool
}

// converter returns the conversion the text is shown with: Script, and
// the full-width punctuation after it when FullWidthPunct is set; nil to
// show the text as written.
func (o Options) converter() *script.Converter {
	if o.FullWidthPunct {
		return o.Script.WithFullWidthPunct()
	}
	return o.Script
}

// Role says what a span of a line is, and so how it is styled.
type Role uint8

// The roles of spans.
const (
	RoleBody        Role = iota // paragraph text
	RoleKicker                  // 引题
	RoleTitle                   // 主题
	RoleSubtitle                // 副题
	RoleByline                  // 本报讯…, 新华社…电
	RoleJump                    // a jump line such as (下转第七版)
	RoleHeading                 // a crosshead
	RoleQuote                   // block quote text
	RoleItem                    // list item text
	RoleCaption                 // image caption
	RoleImage                   // image placeholder and alt text
	RoleTableHead               // a cell of a table's header row
	RoleMarker                  // decoration: bullet, quote bar, cut mark
	RoleStrong                  // strong emphasis inside text (issue.SpanStrong)
	RoleEm                      // emphasis inside text (issue.SpanEm)
	RoleCode                    // code: a code span or a code block
	RoleLink                    // the text of a link
	RoleLinkAddr                // a link's address shown after its text (not article text)
	RoleAttribution             // who said a quote: ——习近平
	RoleCredit                  // a photo or layout credit: 本报记者  李  舸摄, 版式设计：…
	RoleEndByline               // a byline ending the article or one of its parts: （记者 …）
)

// Span is a byte range of a Line's Text with one role. When Piece is not
// negative the span's text is Article.Pieces()[Piece].Text[Offset:…];
// decorations added by the renderer (bullets, separators) have Piece −1.
type Span struct {
	Start, End int
	Role       Role
	Piece      int
	Offset     int
}

// Line is one laid-out line: Indent blank columns, then Text.
type Line struct {
	// Text is the plain text of the line, without indent or trailing
	// spaces. It may still hold characters that must not reach a
	// terminal raw; Renderer.Line and Plain clean them.
	Text string
	// Indent is the number of blank columns before Text.
	Indent int
	// Width is the display width of Text (without Indent), as the widest
	// of uniseg, x/ansi and wcwidth measure it (see width.go).
	Width int
	// Spans tile Text in order. A blank line has none.
	Spans []Span

	// styled is the line as glamour drew it (Text with glamour's SGR
	// sequences, no indent) for the lines of a table that glamour
	// rendered, or empty when the renderer styles Text by its spans.
	styled string
}

// Renderer lays out and styles articles with one set of styles. It caches
// layouts per (article, options). It is safe for concurrent use.
type Renderer struct {
	st    styles.Styles
	sgr   []sgr               // per role, then the match styles
	table [2]ansi.StyleConfig // glamour's style for tables, by AmbiguousWide
	// codeTheme is the chroma style, made of the code styles, that
	// glamour highlights code blocks in; "" for none.
	codeTheme string
	paras     paraCache              // analyses of long paragraphs, across widths
	conv      convCache              // articles converted for display, across widths
	layouts   lru[cacheKey, *Layout] // per article and options
	code      lru[codeKey, []string] // code blocks highlighted, across widths
}

type cacheKey struct {
	a   *issue.Article
	opt Options
}

// cacheSize bounds the number of layouts a Renderer keeps.
const cacheSize = 64

// New returns a renderer drawing with st.
func New(st styles.Styles) *Renderer {
	r := &Renderer{st: st, sgr: newSGR(st), table: [2]ansi.StyleConfig{tableStyle(st, false), tableStyle(st, true)},
		codeTheme: codeTheme(st)}
	r.paras.size, r.conv.size, r.layouts.size, r.code.size = paraCacheSize, convCacheSize, cacheSize, codeCacheSize
	return r
}

// Styles returns the styles the renderer draws with.
func (r *Renderer) Styles() styles.Styles { return r.st }

// Layout returns the layout of a at opt, from the cache when it was asked
// for before. Building a layout is cheap (O(pieces)); lines are laid out on
// demand.
func (r *Renderer) Layout(a *issue.Article, opt Options) *Layout {
	if opt.Width < 0 {
		opt.Width = 0
	}
	return r.layouts.get(cacheKey{a, opt}, func() *Layout { return newLayout(a, opt, r) })
}

// Styled returns the whole article a styled for a terminal, laid out at
// opt.Width (lines joined by "\n", with a final newline).
func (r *Renderer) Styled(a *issue.Article, opt Options) string {
	l := r.Layout(a, opt)
	var b strings.Builder
	for _, ln := range l.All() {
		b.WriteString(r.Line(ln, nil))
		b.WriteByte('\n')
	}
	return b.String()
}

// Plain returns the article a as plain UTF-8 text for pipes and the
// clipboard: no escape sequences, no control characters, no trailing
// spaces; the kicker, title, subtitle and byline lines first, then a blank
// line and the body, one paragraph per line (or wrapped at opt.Width when
// it is positive), with a blank line between paragraphs and blocks. The
// result ends with a newline. opt.Plain is implied.
func Plain(a *issue.Article, opt Options) string {
	return string(AppendPlain(nil, a, opt))
}

// AppendPlain appends Plain's text of a to dst and returns it, so that a
// caller writing many articles can reuse one buffer.
func AppendPlain(dst []byte, a *issue.Article, opt Options) []byte {
	opt.Plain = true
	opt.Width = max(opt.Width, 0)
	l := newLayoutOf(a, opt, nil, true)
	dst = slices.Grow(dst, l.total+l.total/8) // text, indents and line ends
	for u := range l.units {
		for _, ln := range l.unitLines(u) {
			if ln.Text != "" {
				for range ln.Indent {
					dst = append(dst, ' ')
				}
				text := ln.Text
				if !lineClean(text) {
					text = textsafe.Line(text)
				}
				dst = append(dst, strings.TrimRight(text, " ")...)
			}
			dst = append(dst, '\n')
		}
		l.lines[u] = nil // written: this layout is not kept
	}
	return dst
}
