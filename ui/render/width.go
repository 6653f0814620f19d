package render

import (
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"dubao/issue/utf8vec"
	"dubao/ui/wrap"
)

// Widths. The line breaker measures with uniseg (wrap.StringWidth), while
// lipgloss measures with x/ansi's StringWidth (grapheme clusters) and
// bubbletea's screen buffer with x/ansi's StringWidthWc (the sum of the
// runes' wcwidth) unless the terminal reports Unicode core mode (2027).
// They disagree on a few hundred characters (riskyRunes: symbols made wide
// in Unicode 16 such as ☰ and 〽, spacing marks, emoji modifiers; the
// list is testdata/TestWidthDisagreement.golden) and on sequences joined by
// U+200D or with a variation selector (U+FE0E, U+FE0F: x/ansi counts any
// character before U+FE0F as wide). The renderer measures every
// line holding such a character with the widest of the three, and breaks it
// again when that is wider than the width (fitStrict), so that bubbletea
// never sees a line wider than the pane. Text without them (nearly all
// Chinese text) costs one scan for the check.

// risky reports whether the rune r may make x/ansi measure a text wider
// than uniseg does, alone or inside a grapheme cluster.
func risky(r rune) bool {
	switch {
	case r < 0x300, r >= 0x2010 && r <= 0x2027, r >= 0x3000 && r <= 0x302D, r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xFF01 && r <= 0xFF5E:
		// Latin, general and CJK punctuation, ideographs, full-width
		// forms: no entry of riskyRunes (see TestWidthDisagreement)
		return false
	case r == 0x200D, r == 0xFE0E, r == 0xFE0F:
		return true // ZWJ sequences sum per rune in wcwidth; VS15/VS16 change widths differently
	}
	return unicode.Is(riskyRunes, r)
}

// hasRisky reports whether s holds a rune for which risky is true.
func hasRisky(s string) bool {
	for i := 0; i < len(s); {
		// Most of the text is passed by vectors (utf8vec.HanRun: no
		// byte from CC up but the leads of the characters riskyAt
		// passes by their bytes, so none it would decode); where they
		// stop, at least 32 bytes one by one.
		i = utf8vec.HanRun(s, i)
		for stop := min(len(s), i+32); i < stop; {
			risky, n := riskyAt(s, i)
			if risky {
				return true
			}
			i += n
		}
	}
	return false
}

// riskyAt reports whether the character at s[i] is risky, and how many
// bytes hasRisky passes there: one below CC (below U+0300, or a
// continuation byte), three for the characters it knows by their bytes,
// and a decoded character's size.
func riskyAt(s string, i int) (bool, int) {
	c := s[i]
	if c < 0xcc { // below U+0300
		return false, 1
	}
	if (c >= 0xe5 && c <= 0xe9 || c == 0xe4 && i+1 < len(s) && s[i+1] >= 0xb8) &&
		i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
		return false, 3 // U+4E00–U+9FFF: ideographs
	}
	if i+2 < len(s) && s[i+2]&0xc0 == 0x80 && (c == 0xe2 && s[i+1] == 0x80 && s[i+2] >= 0x90 && s[i+2] <= 0xa7 || // U+2010–U+2027: general punctuation
		c == 0xe3 && s[i+1] == 0x80 && s[i+2] <= 0xad || // U+3000–U+302D: CJK punctuation
		c == 0xef && (s[i+1] == 0xbc && s[i+2] >= 0x81 || s[i+1] == 0xbd && s[i+2] <= 0x9e)) { // U+FF01–U+FF5E: full-width forms
		return false, 3
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return risky(r), n
}

// strictWidth returns the width of s as the widest of uniseg (with the
// ambiguous-width option), x/ansi's grapheme width and wcwidth measure it.
func strictWidth(s string, ambiguousWide bool) int {
	w := wrap.StringWidth(s, ambiguousWide)
	if !hasRisky(s) {
		return w
	}
	return max(w, ansi.StringWidth(s), ansi.StringWidthWc(s))
}

// lone reports whether s is at most one grapheme cluster: such a line may
// be wider than the width (a wide character in a one-column pane).
func lone(s string) bool {
	c, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	return len(c) == len(s)
}

// How much text after a line that had to be broken again is laid out anew
// (in bytes): beyond it the first layout's lines are kept (the line before
// them may come out short), so that a long paragraph with many such
// characters costs O(n), not O(n²). The first fixes of a paragraph get a
// long window, so that an emoji in a long paragraph leaves no short line
// nearby; after that, lines that need fixing are dense and get short ones.
const (
	fitWindow      = 2048
	fitWindowDense = 128
	fitSparse      = 16 // fixes with the long window
	// fitLookahead is how much text after a line the line breaker is
	// shown when only that line's new end is wanted.
	fitLookahead = 64
)

// fitStrict returns lines (the layout of text at opt by the line breaker)
// with every line measured by strictWidth, and every line that is then
// wider than opt.Width (and not a lone cluster) broken again at a narrower
// width; the text after it, up to a line end of the first layout at least
// fitWindow bytes further, is laid out again. Lines without a risky rune
// are left as they are. suspect says whether text has a risky rune at all;
// when it is false, lines are returned as they are.
func fitStrict(text string, lines []wrap.Line, opt wrap.Options, suspect bool) []wrap.Line {
	if !suspect || opt.Width <= 0 {
		return lines
	}
	out := make([]wrap.Line, 0, len(lines)+8)
	var queue []wrap.Line // lines laid out again, to check before lines[k:]
	k, fixes := 0, 0
	for len(queue) > 0 || k < len(lines) {
		var ln wrap.Line
		if len(queue) > 0 {
			ln, queue = queue[0], queue[1:]
		} else {
			ln, k = lines[k], k+1
		}
		t := ln.Text(text)
		if !hasRisky(t) {
			out = append(out, ln)
			continue
		}
		sw := strictWidth(t, opt.AmbiguousWide)
		if ln.Width = sw; ln.Indent+sw <= opt.Width || lone(t) {
			out = append(out, ln)
			continue
		}
		// the window: up to the start of the first line of the layout so
		// far that starts window bytes on
		window := fitWindow
		if fixes++; fixes > fitSparse {
			window = fitWindowDense
		}
		end, qi := len(text), 0
		for qi < len(queue) && queue[qi].Start-ln.Start < window {
			qi++
		}
		var rest []wrap.Line // the lines after the window
		if qi < len(queue) {
			end, rest = queue[qi].Start, queue[qi:]
		} else {
			for k < len(lines) && lines[k].Start-ln.Start < window {
				k++
			}
			if k < len(lines) {
				end = lines[k].Start
			}
		}
		win := text[ln.Start:end]
		// a narrower first line ends before ln.End: the line breaker
		// needs to see only a little past it
		head := win[:min(len(win), ln.End-ln.Start+fitLookahead)]
		o := opt
		if len(out) > 0 {
			o.Indent = 0
		}
		var first wrap.Line
		for w := opt.Width - (ln.Indent + sw - opt.Width); ; w-- {
			o.Width = max(w, 1)
			first = wrap.Lines(head, o)[0]
			ft := first.Text(head)
			first.Width = strictWidth(ft, opt.AmbiguousWide)
			if first.Indent+first.Width <= opt.Width || lone(ft) || o.Width == 1 {
				break
			}
		}
		first.Start += ln.Start
		first.End += ln.Start
		out = append(out, first)
		var again []wrap.Line // the rest of the window, to check next
		if first.End < end {
			o.Width, o.Indent = opt.Width, 0
			again = wrap.Lines(text[first.End:end], o)
			for i := range again {
				again[i].Start += first.End
				again[i].End += first.End
			}
		}
		queue = append(again, rest...)
	}
	return out
}
