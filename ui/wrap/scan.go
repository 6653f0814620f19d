package wrap

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// Glyph flags: the low three bits hold the break class of the boundary
// before the glyph.
const (
	classMask uint8 = 7
	flagSpace uint8 = 1 << 3 // the glyph is a space (trimmed at line end)
	flagHang  uint8 = 1 << 4 // the glyph may hang past the measure
	flagAmb   uint8 = 1 << 5 // East Asian Ambiguous: one column more when AmbiguousWide
	flagSlow  uint8 = 1 << 6 // a space or a mandatory break before: layout takes its slow path
)

// fastWidth returns the width of r and whether it is East Asian Ambiguous,
// for the runes that make up nearly all Chinese text. ok is false for any
// other rune, or when r could be part of a longer grapheme cluster; the
// caller then asks uniseg. TestFastWidthMatchesUniseg checks every rune
// accepted here against uniseg and golang.org/x/text/width.
func fastWidth(r rune) (w int, amb, ok bool) {
	switch {
	case r >= 0x20 && r < 0x7f:
		return 1, false, true
	case r < 0x2000:
		switch r {
		case 0xb0, 0xb7: // ° ·
			return 1, true, true
		}
		return 0, false, false
	case r >= 0x4e00 && r <= 0x9fff, // CJK Unified Ideographs
		r >= 0x3400 && r <= 0x4dbf, // CJK Extension A
		r >= 0x3000 && r <= 0x3029, // CJK symbols and punctuation (without the tone marks)
		r >= 0x3031 && r <= 0x303c, //
		r >= 0x3041 && r <= 0x3096, // Hiragana (without combining marks)
		r >= 0x309b && r <= 0x30ff, // Katakana
		r >= 0xff01 && r <= 0xff60, // Fullwidth forms
		r >= 0xffe0 && r <= 0xffe6: //
		return 2, false, true
	}
	switch r {
	case 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x2030, 0x2103: // – — ― ‘ ’ “ ” … ‰ ℃
		return 1, true, true
	}
	return 0, false, false
}

// firstGlyph returns the length in bytes of the grapheme cluster at the start
// of s (non-empty), its base rune, its width with ambiguous characters
// counted narrow, and whether it is East Asian Ambiguous.
func firstGlyph(s string) (n int, r rune, w int, amb bool) {
	r, n = decodeRune(s)
	w, amb, ok := fastWidth(r)
	if ok && joinsNone(s[n:]) {
		return n, r, w, amb
	}
	cluster, _, w, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	amb = false
	if w == uniseg.EastAsianAmbiguousWidth && width.LookupRune(r).Kind() == width.EastAsianAmbiguous {
		w, amb = 1, true
	}
	return len(cluster), r, w, amb
}

// joinsNone reports whether s (the text after a character that fastWidth
// knows) is empty or starts with a character that never joins the one
// before it in a grapheme cluster: ASCII, Han or another character that
// fastWidth knows.
func joinsNone(s string) bool {
	if len(s) == 0 || s[0] < 0x80 || hanAt(s) {
		return true
	}
	if len(s) >= 3 && s[2]&0xc0 == 0x80 && (s[0] == 0xe3 && s[1] == 0x80 && s[2] <= 0xa9 || // U+3000–U+3029 (、。《》「」)
		s[0] == 0xef && (s[1] == 0xbc && s[2] >= 0x81 || s[1] == 0xbd && s[2] <= 0xa0)) { // U+FF01–U+FF60 (，：；！？（）)
		return true // fastWidth knows them: their bytes tell them without decoding
	}
	r, _ := decodeRune(s)
	_, _, ok := fastWidth(r)
	return ok
}

// hanAt reports whether s starts with a character of U+4E00–U+9FFF (the
// CJK Unified Ideographs), by its bytes: one that never joins the
// character before it in a grapheme cluster.
func hanAt(s string) bool {
	return len(s) >= 3 && (s[0] >= 0xe5 && s[0] <= 0xe9 || s[0] == 0xe4 && s[1] >= 0xb8) &&
		s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80
}

// decodeRune is utf8.DecodeRuneInString with a fast path for the three-byte
// sequences that encode CJK text.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0]&0xf0 == 0xe0 && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80 {
		r := rune(s[0]&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f)
		if r >= 0x800 && (r < 0xd800 || r > 0xdfff) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// glyph is one grapheme cluster of a paragraph as the layout sees it.
type glyph struct {
	start, end int
	width      int   // columns, ambiguous characters counted narrow
	flags      uint8 // break class of the boundary before it | flag bits
}

// scanner splits a paragraph into glyphs and classifies the boundary before
// each: UAX #14 line-break opportunities from uniseg, tailored and filtered
// by the rules in rules.go. It allocates nothing.
type scanner struct {
	text string
	pos  int // start of the next glyph

	segEnd   int  // end of the current UAX #14 line segment
	segState int  // uniseg line-breaking state after segEnd
	skipped  bool // uniseg was skipped inside a run of Han characters
	noSkip   bool // never skip uniseg (tests compare both ways)

	prevStart  int    // start of the previous glyph
	prevAnchor anchor // what the previous glyph is as a restart point for uniseg
	prevBreaks bool   // the previous glyph is a lone character after which UAX #14 always breaks before Han (breaksBeforeHan)
	lastAnchor int    // start of the last anchor before the boundary (0 when none)

	ctx      context
	prevHard bool // the previous glyph is a line terminator
}

func newScanner(text string) scanner {
	return scanner{text: text, segState: -1}
}

// anchor says whether a glyph is a point where uniseg's line-breaking
// state does not depend on the text before it, so that uniseg can be
// restarted there (with state −1) and give the same answers after it.
type anchor uint8

const (
	anchorNone anchor = iota
	// anchorID: a lone CJK unified ideograph (UAX #14 class ID). No UAX #14
	// rule looks back past an ID character.
	anchorID
	// anchorClose: a lone full-width stop or closing mark (，。：！）》…:
	// UAX #14 classes CL, NS, EX, CP) right after an anchor. Only the
	// number rule (LB25: 5，…) looks back past one, and an anchor before
	// it is no number.
	anchorClose
)

// isStopOrClose reports whether r is one of the full-width stops and closing
// marks that Chinese text is full of, never a break before them (UAX #14
// LB13, LB21); TestAnchorsMatchUniseg checks each against uniseg.
func isStopOrClose(r rune) bool {
	switch r {
	case '，', '。', '、', '．', '：', '；', '！', '？', '）', '》', '〉', '」', '』', '】', '〕', '〗':
		return true
	}
	return false
}

// breaksBeforeHan reports whether r is a character after which UAX #14
// always offers a break before a Han character (LB31), whatever comes
// before it: ASCII letters, digits and the marks of classes AL, PO, IS,
// SY, CP, CL and EX (not $ + \ (PR: LB23a), ( [ { (OP), " ' (QU), - (HY)
// and | (BA: LB21a looks back past them), the space and controls); the
// full-width stops and closing marks (isStopOrClose) and the units ℃ ％ ‰.
// TestAnchorsMatchUniseg checks each against uniseg.
func breaksBeforeHan(r rune) bool {
	if r < 0x80 {
		return asciiBreaksBeforeHan[r]
	}
	return isStopOrClose(r) || r == '℃' || r == '％' || r == '‰'
}

var asciiBreaksBeforeHan = func() (t [128]bool) {
	for _, c := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%&)*,./:;<=>?@]^_`}~" {
		t[c] = true
	}
	return t
}()

// isAlnum reports an ASCII letter or digit: after an anchor UAX #14 always
// offers a break before one (LB31).
func isAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// uaxBreak reports whether UAX #14 offers a break at byte offset p (which
// must not decrease between calls), before a glyph that may be an anchor
// of kind b (anchorClose: if the glyph before it is one). Mandatory breaks are
// not taken from uniseg: v0.4.7 reports one between an emoji modifier
// sequence and a space.
//
// Between two anchors the answer depends on the two characters only: a
// break before an ID character (LB31), none before a stop or closing mark.
// So does a break before an ASCII letter or digit after an anchor, and
// one before Han after most ASCII characters and full-width marks
// (breaksBeforeHan).
// Most of Chinese text is such pairs, so the scanner does not ask uniseg
// there; nor where no rule allows a break anyway (inside a word or number:
// see context.allowed). It restarts uniseg at the last anchor afterwards,
// which is exact because uniseg's state after an anchor does not depend on
// the text before it.
func (sc *scanner) uaxBreak(p int, b anchor, alnum bool) bool {
	if !sc.noSkip && (b != anchorNone || alnum) && (sc.prevAnchor != anchorNone || b == anchorID && sc.prevBreaks) {
		sc.skipped = true
		return b != anchorClose
	}
	if sc.skipped || !sc.noSkip && sc.segEnd < sc.lastAnchor {
		sc.segEnd, sc.segState, sc.skipped = sc.lastAnchor, -1, false
	}
	for sc.segEnd < p {
		seg, _, _, st := uniseg.FirstLineSegmentInString(sc.text[sc.segEnd:], sc.segState)
		sc.segEnd += len(seg)
		sc.segState = st
	}
	return sc.segEnd == p
}

// isTerminator reports whether the grapheme cluster c is a line terminator
// (UAX #14 classes BK, CR, LF and NL): a break after it is mandatory.
func isTerminator(c string) bool {
	switch c {
	case "\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029":
		return true
	}
	return false
}

// nextHan is next for the commonest glyph of Chinese text: a lone Han
// character (U+4E00–U+9FFF, not followed by a character that joins it)
// at s, after an anchor or a character after which UAX #14 always breaks
// before Han (prevBreaks). It is next's general path with what is known
// of such a character filled in: two columns, no rule property but pWide,
// an anchor, uniseg not asked (uaxBreak's answer there).
func (sc *scanner) nextHan(s int) glyph {
	t := sc.text[s:]
	r := rune(t[0]&0x0f)<<12 | rune(t[1]&0x3f)<<6 | rune(t[2]&0x3f)
	ok := sc.ctx.allowed(r, pWide, 0)
	if ok {
		sc.skipped = true // uaxBreak's answer between two anchors
	}
	cls := sc.ctx.classify(r, pWide, ok, true)
	sc.prevStart, sc.prevAnchor, sc.prevHard, sc.prevBreaks = s, anchorID, false, false
	sc.lastAnchor = s
	sc.ctx.advance(r, pWide)
	sc.pos = s + 3
	return glyph{start: s, end: s + 3, width: 2, flags: cls}
}

// hanRun passes, after a glyph, the lone Han characters that follow it
// when next would return each of them through nextHan with the same
// answer: the glyph before each is a lone character of class ID (a Han
// character, or one of CJK Extension A) with pWide alone for properties,
// so that no rule forbids the break before it and UAX #14 offers one (see
// nextHan: allowed, classify, uaxBreak). Each is two columns wide
// with the flags breakGood and nothing else. It returns the first one's
// start and their number (0 when there are none); the scanner stands after
// the last as if next had returned them one by one.
// TestHanRunMatchesNext holds it to next.
func (sc *scanner) hanRun() (start, n int) {
	s := sc.pos
	// after an anchorID glyph the context's last cluster is that
	// character, not spaced, with the properties pWide alone
	if sc.prevAnchor != anchorID || sc.noSkip {
		return s, 0
	}
	t := sc.text
	e := s
	for e+3 <= len(t) {
		// hanAt(t[e:]): the lead and the first continuation byte from E4 B8
		// to E9 BF, with two continuation bytes
		b := t[e : e+3]
		if v := uint16(b[0])<<8 | uint16(b[1]); v < 0xe4b8 || v > 0xe9bf || b[1]&0xc0 != 0x80 || b[2]&0xc0 != 0x80 {
			break
		}
		e += 3
	}
	if e > s && !joinsNone(t[e:]) {
		e -= 3 // the last may be joined by the character after it: next decides
	}
	if e <= s {
		return s, 0
	}
	last := e - 3
	r := rune(t[last]&0x0f)<<12 | rune(t[last+1]&0x3f)<<6 | rune(t[last+2]&0x3f)
	sc.skipped = true
	sc.prevStart, sc.prevHard, sc.prevBreaks = last, false, false
	sc.lastAnchor = last
	sc.ctx.advance(r, pWide) // a2Props becomes pWide, the props of the ID character before
	sc.pos = e
	return s, (e - s) / 3
}

// stopOrCloseAt returns the character at the start of t (at least three
// bytes) when it is one of isStopOrClose's full-width marks.
func stopOrCloseAt(t string) (rune, bool) {
	if t[1]&0xc0 != 0x80 || t[2]&0xc0 != 0x80 {
		return 0, false
	}
	r := rune(t[0]&0x0f)<<12 | rune(t[1]&0x3f)<<6 | rune(t[2]&0x3f)
	return r, isStopOrClose(r)
}

// stopProps are the rule properties runeProps gives every mark of
// isStopOrClose.
const stopProps = pWide | pNoStart | pHang

// nextStop is next for the commonest marks of Chinese text: a lone
// full-width stop or closing mark r (isStopOrClose: ，。、）…, not followed
// by a character that joins it) at s, after an anchor. It is next's
// general path with what is known of such a mark filled in: two columns,
// the properties stopProps, so that no break is allowed before it (and
// uniseg is not asked); after an anchor, whose properties hold no pURL,
// the boundary is of class breakAny; the mark is an anchor (anchorClose)
// after which UAX #14 always breaks before Han.
func (sc *scanner) nextStop(s int, r rune) glyph {
	sc.prevStart, sc.prevAnchor, sc.prevHard, sc.prevBreaks = s, anchorClose, false, true
	sc.lastAnchor = s
	sc.ctx.advance(r, stopProps)
	sc.pos = s + 3
	return glyph{start: s, end: s + 3, width: 2, flags: breakAny | flagHang}
}

// nextInWord is next for a lone printable ASCII character c but the space
// at s inside a Latin/digit run or number (context.inWord): no rule allows
// a break before it (and uniseg is not asked), so the boundary is of class
// breakURL after / ? & = - _ (not between two slashes), else breakAny. It
// is next's general path with that filled in.
func (sc *scanner) nextInWord(s int, c byte) glyph {
	p := asciiProps(rune(c))
	f := breakAny
	if sc.ctx.prevProps&pURL != 0 && !(sc.ctx.prev == '/' && c == '/') {
		f = breakURL
	}
	if p&pHang != 0 {
		f |= flagHang
	}
	sc.prevStart, sc.prevAnchor, sc.prevHard, sc.prevBreaks = s, anchorNone, false, asciiBreaksBeforeHan[c]
	sc.ctx.advance(rune(c), p)
	sc.pos = s + 1
	return glyph{start: s, end: s + 1, width: 1, flags: f}
}

// next returns the next glyph; ok is false at the end of the text.
func (sc *scanner) next() (g glyph, ok bool) {
	s := sc.pos
	if s >= len(sc.text) {
		return glyph{}, false
	}
	t := sc.text[s:]
	if (sc.prevAnchor != anchorNone || sc.prevBreaks) && !sc.noSkip && len(t) >= 3 && joinsNone(t[3:]) {
		if hanAt(t) {
			return sc.nextHan(s), true
		}
		if sc.prevAnchor != anchorNone && (t[0] == 0xe3 || t[0] == 0xef) {
			if r, ok := stopOrCloseAt(t); ok {
				return sc.nextStop(s, r), true
			}
		}
	}
	var n, w int
	var r rune
	var amb bool
	if c := t[0]; c >= 0x20 && c < 0x7f && joinsNone(t[1:]) {
		if c != ' ' && !sc.noSkip && sc.ctx.inWord() {
			return sc.nextInWord(s, c), true
		}
		n, r, w = 1, rune(c), 1 // firstGlyph's answer for printable ASCII not joined by what follows
	} else {
		n, r, w, amb = firstGlyph(t)
	}
	e := s + n
	var anc anchor
	switch {
	case n != 3:
	case r >= 0x4e00 && r <= 0x9fff || r >= 0x3400 && r <= 0x4dbf:
		anc = anchorID
	case isStopOrClose(r):
		anc = anchorClose
	}
	p := runeProps(r, w)
	if p&pSpace != 0 && n != utf8.RuneLen(r) {
		p &^= pSpace // a space carrying a combining mark is visible
	}
	var cls uint8
	if sc.prevHard {
		cls = breakHard
	} else if s > 0 {
		var next rune
		if p&pDash != 0 && e < len(sc.text) {
			next, _ = utf8.DecodeRuneInString(sc.text[e:])
		}
		ok := sc.ctx.allowed(r, p, next)
		uax := false
		if ok || sc.noSkip {
			uax = sc.uaxBreak(s, anc, n == 1 && isAlnum(r))
		}
		cls = sc.ctx.classify(r, p, ok, uax)
	}
	if anc == anchorClose && sc.prevAnchor == anchorNone {
		anc = anchorNone // after a number, say: uniseg's state after it depends on that
	}
	term := (r < 0x20 || r >= 0x85 && r <= 0x2029) && isTerminator(sc.text[s:e])
	sc.prevStart, sc.prevAnchor, sc.prevHard = s, anc, term
	sc.prevBreaks = n == utf8.RuneLen(r) && breaksBeforeHan(r)
	if anc != anchorNone {
		sc.lastAnchor = s
	}
	sc.ctx.advance(r, p)
	sc.pos = e
	f := cls
	if p&pSpace != 0 || term { // a line terminator is trimmed like a space
		f |= flagSpace
	}
	if p&pHang != 0 {
		f |= flagHang
	}
	if f&flagSpace != 0 || cls == breakHard {
		f |= flagSlow
	}
	if amb {
		f |= flagAmb
	}
	return glyph{start: s, end: e, width: w, flags: f}, true
}
