package wrap

import "unicode"

// Rule properties of a grapheme cluster, derived from its first (base) rune.
// They encode the Chinese line-breaking rules of W3C clreq (GB level) and
// GB/T 15834—2011 §5.1 on top of UAX #14.
const (
	pWord       uint16 = 1 << iota // part of a Latin/digit run or number: never split inside
	pNoStart                       // must not begin a line
	pNoEnd                         // must not end a line
	pHang                          // closing or stop mark that may hang past the measure
	pSpace                         // a space: trimmed at line end, never starts a line
	pURL                           // over-long words may break after it: / ? & = - _
	pDash                          // — or ―: a lone one never starts a line, a doubled one never splits
	pEllipsis                      // … or ⋯: a doubled one never splits
	pOpenQuote                     // “ ‘: a break before it is allowed after Chinese text
	pCloseQuote                    // ” ’: a break after it is allowed before Chinese text
	pWide                          // East Asian Wide or Fullwidth (two columns)
)

// runeProps returns the rule properties of a grapheme cluster whose base
// rune is r and whose width (ambiguous characters counted narrow) is w.
func runeProps(r rune, w int) uint16 {
	var wide uint16
	if w == 2 {
		wide = pWide
	}
	if r < 0x80 {
		return asciiProps(r)
	}
	if r >= 0x4e00 && r <= 0x9fff { // CJK Unified Ideographs: no special rules
		return wide
	}
	switch r {
	// Closing brackets and stops: never at line start; may hang.
	case '、', '，', '。', '．', '：', '；', '！', '？',
		'）', '］', '｝', '〕', '】', '》', '〉', '」', '』', '〗', '〙', '〛', '｠', '｣', '〞', '〟',
		'‼', '⁇', '⁈', '⁉':
		return wide | pNoStart | pHang
	case '”', '’':
		return wide | pNoStart | pHang | pCloseQuote
	// Opening quotes and brackets: never at line end.
	case '“', '‘':
		return wide | pNoEnd | pOpenQuote
	case '（', '［', '｛', '〔', '【', '《', '〈', '「', '『', '〖', '〘', '〚', '｟', '｢', '〝':
		return wide | pNoEnd
	// Dashes and connectors: a lone one never starts a line.
	case '—', '―':
		return wide | pNoStart | pDash
	case '–', '～', '〜', '‐', '‑', '‒':
		return wide | pNoStart
	// Interpuncts and separators.
	case '·', '・', '･', '‧':
		return wide | pNoStart
	case '／':
		return wide | pNoStart | pNoEnd
	// Iteration marks, prolonged sound mark and small kana.
	case '々', '〃', '〻', 'ー', 'ゝ', 'ゞ', 'ヽ', 'ヾ',
		'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ゃ', 'ゅ', 'ょ', 'ゎ', 'ゕ', 'ゖ',
		'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ':
		return wide | pNoStart
	// Postfix units.
	case '％', '‰', '‱', '℃', '℉', '°', '′', '″', '¢', '￠':
		return wide | pNoStart
	// Currency prefixes.
	case '¥', '￥', '€', '£', '￡', '＄', '₩', '￦', '₹':
		return wide | pNoEnd
	case '…', '⋯':
		return wide | pEllipsis
	case '\u3000':
		return wide | pSpace
	}
	switch {
	case r >= 0x31f0 && r <= 0x31ff, r >= 0xff67 && r <= 0xff70: // small katakana, halfwidth small kana and ｰ
		return wide | pNoStart
	case r >= 0xff10 && r <= 0xff19, r >= 0xff21 && r <= 0xff3a, r >= 0xff41 && r <= 0xff5a: // fullwidth digits and Latin letters
		return wide | pWord
	case w != 2 && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)):
		return pWord
	}
	return wide
}

// asciiProps returns the rule properties of an ASCII character. Every
// printable ASCII character belongs to Latin/digit runs (URLs, numbers,
// abbreviations), which are never split.
func asciiProps(r rune) uint16 {
	switch r {
	case ' ':
		return pSpace
	case ',', '.', ':', ';', '!', ')', ']', '}':
		return pWord | pNoStart | pHang
	case '?':
		return pWord | pNoStart | pHang | pURL
	case '%', '~':
		return pWord | pNoStart
	case '-':
		return pWord | pNoStart | pURL
	case '(', '[', '{', '$':
		return pWord | pNoEnd
	case '/':
		return pWord | pNoStart | pNoEnd | pURL
	case '&', '=', '_':
		return pWord | pURL
	}
	if r > ' ' && r < 0x7f {
		return pWord
	}
	return 0
}

// Break classes of a boundary between two grapheme clusters, best first.
// Layout breaks at the last boundary of the best class that fits.
const (
	breakGood  uint8 = iota // UAX #14 (tailored) allows it and no rule forbids it
	breakRules              // no Chinese rule forbids it, but UAX #14 offers no break
	breakURL                // inside an over-long word, after / ? & = - _
	breakAny                // any other grapheme boundary: the last resort
	breakHard               // a mandatory break (after a newline)
)

// context is what the break class of a boundary depends on besides the
// grapheme cluster that follows it.
type context struct {
	a, prev   rune   // base runes of the last non-space cluster and of the cluster just before the boundary
	aProps    uint16 // properties of a
	a2Props   uint16 // properties of the cluster just before a
	prevProps uint16 // properties of the cluster just before the boundary
	spaced    bool   // spaces lie between a and the boundary
	hasA      bool   // there is a non-space cluster before the boundary
	hasPrev   bool   // the boundary is not at the start of the text
}

// allowed reports whether no rule forbids a break between the context c
// and a cluster with base rune b, properties bp, followed by rune next:
// only then does the break class depend on UAX #14 (see classify).
func (c *context) allowed(b rune, bp uint16, next rune) bool {
	ok := bp&pSpace == 0 &&
		(!c.hasA || c.aProps&pNoEnd == 0) &&
		(bp&pNoStart == 0 || (bp&pDash != 0 && next == b))
	if ok && !c.spaced && c.hasA {
		switch {
		case c.aProps&bp&pWord != 0 && !(c.a == '-' && c.a2Props&pWord != 0):
			ok = false // inside a Latin/digit run or number; a word may break after its hyphen
		case c.a == b && c.aProps&(pDash|pEllipsis) != 0:
			ok = false // —— and …… are never split
		}
	}
	return ok
}

// inWord reports whether the context is inside a Latin/digit run or
// number: its last cluster, right before the boundary, has an ASCII base
// of the run (pWord), and is not a hyphen after which a word may break.
// Then allowed is false before any printable ASCII character but the
// space (all of them pWord).
func (c *context) inWord() bool {
	return c.hasA && !c.spaced && c.a < 0x80 && c.aProps&pWord != 0 && !(c.a == '-' && c.a2Props&pWord != 0)
}

// classify returns the break class of the boundary between the context c
// and a cluster with base rune b and properties bp; ok is what allowed
// says of it, and uax whether UAX #14 offers a break there (needed only
// when ok is set).
func (c *context) classify(b rune, bp uint16, ok, uax bool) uint8 {
	if ok && !uax && !c.spaced && c.hasA {
		// Tailoring (clreq, ICU zh): break before “ ‘ after Chinese text or a
		// closing mark, and after ” ’ before Chinese text or an opening quote.
		uax = bp&pOpenQuote != 0 && c.aProps&(pWide|pHang) != 0 ||
			c.aProps&pCloseQuote != 0 && bp&(pWide|pOpenQuote) != 0
	}
	if ok && !c.spaced && c.aProps&pDash != 0 && c.a2Props&pDash == 0 && bp&pWord != 0 {
		// A lone dash joins a designation (东风—41, 空警—2000): break
		// there only inside an over-long one.
		return breakURL
	}
	switch {
	case ok && uax:
		return breakGood
	case ok:
		return breakRules
	case c.hasPrev && c.prevProps&pURL != 0 && bp&pSpace == 0 && !(c.prev == '/' && b == '/'):
		return breakURL
	}
	return breakAny
}

// advance updates the context past a cluster with base rune r and
// properties p.
func (c *context) advance(r rune, p uint16) {
	if p&pSpace != 0 {
		c.spaced = c.hasA
	} else {
		c.a, c.a2Props, c.aProps = r, c.prevProps, p
		c.hasA, c.spaced = true, false
	}
	c.prev, c.prevProps, c.hasPrev = r, p, true
}
