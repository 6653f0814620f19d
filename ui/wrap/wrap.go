// Package wrap lays out Chinese (and mixed Chinese/Latin) prose in lines of
// at most a given number of terminal columns.
//
// Break opportunities come from UAX #14 (github.com/rivo/uniseg), tailored
// to W3C clreq's GB-level rules and GB/T 15834—2011 §5.1:
//   - lines may break between Han characters and at spaces, never inside a
//     run of Latin letters, digits or a number (GDP, 5G, 102.6, 1,000, 5.8%);
//   - closing brackets, stops, postfix units, separators, iteration marks,
//     small kana and lone dashes never start a line (including the
//     half-width , . : ; ? ! ) ] } % of PDF exports); opening brackets and
//     quotes, separators and currency prefixes never end one;
//   - —— and …… are never split; a lone dash stays with the number or
//     word after it (东风—41) unless that does not fit; breaking before “
//     and after ” is allowed;
//   - characters are carried down to the next line (push-out) to obey the
//     rules, optionally a closing mark hangs one column past the measure;
//   - an over-long word or URL breaks after / ? & = - _, and only as a last
//     resort between any two grapheme clusters.
//
// Lines are filled greedily. The lines of a paragraph are byte ranges that
// tile it exactly, so the text is never changed; styles are carried over the
// breaks as byte-range spans (see SplitSpans). For repeated layout of the
// same text at different widths, analyse it once with NewParagraph.
package wrap

// Options say how to lay out a paragraph.
type Options struct {
	// Width is the measure in terminal columns (values below 1 mean 1).
	Width int
	// Indent is the first-line indent in columns (4 = two full-width spaces).
	// The indent is not part of the text; Line.Indent reports it. It is
	// dropped when it would leave less than two columns.
	Indent int
	// AmbiguousWide counts East Asian Ambiguous characters (“ ” … — ·) as 2
	// columns instead of 1.
	AmbiguousWide bool
	// Hang lets a closing punctuation mark hang one column past Width
	// (enable it only when the caller has a spare column).
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

// Text returns the line's text in s with trailing spaces (ASCII and
// ideographic) and a trailing line terminator removed.
func (l Line) Text(s string) string {
	return s[l.Start:textEnd(s, l.Start, l.End)]
}

// textEnd returns the end of s[start:end] without trailing spaces and line
// terminators.
func textEnd(s string, start, end int) int {
	for end > start {
		switch {
		case s[end-1] == ' ' || s[end-1] == '\n' || s[end-1] == '\r' || s[end-1] == '\v' || s[end-1] == '\f':
			end--
		case end-3 >= start && s[end-3] == 0xe3 && s[end-2] == 0x80 && s[end-1] == 0x80: // U+3000
			end -= 3
		case end-3 >= start && s[end-3] == 0xe2 && s[end-2] == 0x80 && (s[end-1] == 0xa8 || s[end-1] == 0xa9): // U+2028, U+2029
			end -= 3
		case end-2 >= start && s[end-2] == 0xc2 && s[end-1] == 0x85: // U+0085
			end -= 2
		default:
			return end
		}
	}
	return end
}

// Lines lays out text (one paragraph; a newline in it forces a line break)
// at opt.Width. It always returns at least one line.
func Lines(text string, opt Options) []Line {
	return AppendLines(make([]Line, 0, len(text)/max(opt.Width, 1)+1), text, opt)
}

// AppendLines is like Lines but appends the lines to dst, so that a caller
// can reuse one buffer; it allocates only when dst must grow.
func AppendLines(dst []Line, text string, opt Options) []Line {
	l := newLayout(dst, opt)
	sc := newScanner(text)
	for {
		g, ok := sc.next()
		if !ok {
			break
		}
		w := g.width
		if g.flags&flagAmb != 0 && opt.AmbiguousWide {
			w++
		}
		l.push(g.start, g.end, w, g.flags)
		if s, n := sc.hanRun(); n > 0 {
			l.pushHan(s, n)
		}
	}
	return l.finish(len(text))
}

// Pending line ends, decided at the next boundary.
const (
	pendNone = iota
	pendHang // a hanging mark ended the line if the boundary after it is good
	pendLone // a lone grapheme wider than the line: break after it
)

// candidate is a boundary where the current line may end.
type candidate struct {
	pos   int // byte offset
	w     int // width of the line before pos, trailing spaces included
	wText int // width of the line before pos, trailing spaces excluded
}

// layout fills lines greedily, one glyph at a time. It keeps, for each break
// class, the last boundary of that class on the current line, so it never
// needs to look back at the text: a line that overflows ends at the last
// boundary of the best class present.
type layout struct {
	width, avail, indent int
	hang                 bool
	out                  []Line

	start    int                      // byte offset where the current line starts
	w, wText int                      // width of the current line with and without trailing spaces
	cand     [classMask + 1]candidate // indexed by break class; hard breaks are never candidates
	limit    int                      // avail, or -1 while a line end is pending (disables push's fast path)

	pend                 int
	hangS, hangE, hangGW int // the hanging glyph
	hangF                uint8
	hangW, hangWText     int // line widths before it
	hangEndW             int // line width right after it
	noHang               bool
}

func newLayout(dst []Line, opt Options) layout {
	width := max(opt.Width, 1)
	indent := max(opt.Indent, 0)
	if width-indent < 2 {
		indent = 0
	}
	return layout{width: width, avail: width - indent, limit: width - indent, indent: indent, hang: opt.Hang, out: dst}
}

// push adds the glyph text[s:e] of width gw with flags f to the layout.
// It handles the common case (a glyph that fits, nothing pending) itself.
func (l *layout) push(s, e, gw int, f uint8) {
	if f&flagSlow == 0 && l.w+gw <= l.limit {
		// A candidate at the line start (s == l.start) is harmless: only
		// candidates after the start count.
		l.cand[f&classMask] = candidate{s, l.w, l.wText}
		l.w += gw
		l.wText = l.w
		return
	}
	l.pushSlow(s, e, gw, f)
}

// pushHan pushes the n glyphs of a run of lone Han characters at s (see
// scanner.hanRun): what n calls push(s+3k, s+3k+3, 2, breakGood) do, with
// the glyphs that fit on the line taken at once.
func (l *layout) pushHan(s, n int) {
	for n > 0 {
		if l.w+2 > l.limit {
			l.pushSlow(s, s+3, 2, breakGood)
			s, n = s+3, n-1
			continue
		}
		m := min(n, (l.limit-l.w)/2)
		if m == 1 {
			l.cand[breakGood] = candidate{s, l.w, l.wText}
		} else {
			// the last glyph's candidate: the ones before it are
			// overwritten, and after the first wText is w
			w := l.w + 2*(m-1)
			l.cand[breakGood] = candidate{s + 3*(m-1), w, w}
		}
		l.w += 2 * m
		l.wText = l.w
		s, n = s+3*m, n-m
	}
}

// pushSlow is push for every other case.
func (l *layout) pushSlow(s, e, gw int, f uint8) {
	if l.pend != pendNone && l.resolve(s, gw, f) {
		return
	}
	if s > l.start {
		if cls := f & classMask; cls == breakHard {
			l.emit(s, l.wText)
			l.newLine(s)
		} else {
			l.cand[cls] = candidate{s, l.w, l.wText}
		}
	}
	l.place(s, e, gw, f)
}

// resolve decides a pending line end at the boundary s before a glyph of
// width gw and flags f. It reports whether the glyph was consumed (a
// trailing space of the pending line).
func (l *layout) resolve(s, gw int, f uint8) bool {
	cls := f & classMask
	if f&flagSpace != 0 && cls != breakHard {
		l.w += gw
		return true
	}
	if l.pend == pendHang && cls != breakGood && cls != breakHard {
		// The mark cannot end the line: take it back and break before it.
		spaces := l.w - l.hangEndW
		l.setPend(pendNone)
		l.w, l.wText = l.hangW, l.hangWText
		l.noHang = true
		l.place(l.hangS, l.hangE, l.hangGW, l.hangF)
		l.noHang = false
		l.w += spaces
		if l.pend == pendNone {
			return false
		}
	}
	l.setPend(pendNone)
	l.emit(s, l.wText)
	l.newLine(s)
	return false
}

// place puts the glyph text[s:e] on the current line, ending lines before it
// as needed.
func (l *layout) place(s, e, gw int, f uint8) {
	if f&flagSpace != 0 {
		l.w += gw // spaces may run past the measure: they are trimmed
		return
	}
	for {
		if l.w+gw <= l.avail {
			l.w += gw
			l.wText = l.w
			return
		}
		if l.hang && !l.noHang && f&flagHang != 0 && l.w+gw <= l.avail+1 {
			l.setPend(pendHang)
			l.hangS, l.hangE, l.hangGW, l.hangF = s, e, gw, f
			l.hangW, l.hangWText = l.w, l.wText
			l.w += gw
			l.wText, l.hangEndW = l.w, l.w
			return
		}
		k := breakGood
		for k <= breakAny && l.cand[k].pos <= l.start {
			k++
		}
		if k > breakAny {
			// Alone on its line and still too wide.
			l.setPend(pendLone)
			l.w += gw
			l.wText = l.w
			return
		}
		c := l.cand[k]
		l.emit(c.pos, c.wText)
		l.start, l.indent, l.avail, l.limit = c.pos, 0, l.width, l.width
		l.w -= c.w
		l.wText = max(l.wText-c.w, 0)
		for j := range l.cand {
			if l.cand[j].pos > c.pos {
				l.cand[j].w -= c.w
				l.cand[j].wText = max(l.cand[j].wText-c.w, 0)
			}
		}
	}
}

// setPend sets the pending line end, turning push's fast path off while one
// is pending.
func (l *layout) setPend(p int) {
	l.pend = p
	l.limit = l.avail
	if p != pendNone {
		l.limit = -1
	}
}

// emit ends the current line at byte offset end.
func (l *layout) emit(end, wText int) {
	l.out = append(l.out, Line{Start: l.start, End: end, Indent: l.indent, Width: wText})
}

// newLine starts an empty line at byte offset s.
func (l *layout) newLine(s int) {
	l.start, l.indent, l.avail = s, 0, l.width
	l.limit = l.avail
	l.w, l.wText = 0, 0
}

// finish ends the last line at the end of the text.
func (l *layout) finish(n int) []Line {
	l.emit(n, l.wText)
	return l.out
}
