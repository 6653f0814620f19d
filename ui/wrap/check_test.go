package wrap

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// This file is the test oracle: an independent statement of issue #3's
// rules, written from the rule list rather than from the implementation's
// tables, used by the table, property and fuzz tests and to count the
// violations of other wrappers.

const (
	// Never at line start (clreq GB level, GB/T 15834—2011 §5.1, issue #3).
	oracleNoStart = "、，。．：；！？”’）］｝〕】》〉」』〗〙〛｠｣〞〟‼⁇⁈⁉" + // closing and stop marks
		"-–—―～〜~‐‑‒" + // dashes and connectors (— and ― may start a line when doubled)
		"·・･‧/／" + // interpuncts and separators
		"々〃〻ーゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯｰ" + // iteration marks, small kana
		"％‰‱℃℉°′″¢￠" + // postfix units
		",.:;?!)]}%" // half-width marks of PDF exports
	// Never at line end.
	oracleNoEnd = "“‘（［｛〔【《〈「『〖〘〚｟｢〝" + "([{" + "/／" + "$¥￥€£￡＄₩￦₹"
	// Closing marks that may hang with Options.Hang.
	oracleHang = "、，。．：；！？”’）］｝〕】》〉」』〗〙〛｠｣〞〟‼⁇⁈⁉,.:;?!)]}"
	// Marks that are never split when doubled.
	oracleDoubled = "—―…⋯"
)

// oGlyph is a grapheme cluster as the oracle sees it.
type oGlyph struct {
	start, end int
	r          rune // base rune
	w          int  // width, ambiguous narrow
	amb        bool
}

func (g oGlyph) space(text string) bool {
	c := text[g.start:g.end]
	return c == " " || c == "\u3000"
}

func (g oGlyph) hard(text string) bool {
	switch text[g.start:g.end] {
	case "\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029":
		return true
	}
	return false
}

// word reports whether the cluster belongs to a Latin letter/digit run or a
// number: any printable ASCII, fullwidth digits and Latin letters, and
// letters, digits and marks of scripts that are not East Asian wide.
func (g oGlyph) word() bool {
	r := g.r
	switch {
	case r < 0x80:
		return r > ' ' && r < 0x7f
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return true
	}
	return g.w != 2 && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
}

// oracle holds a paragraph split into grapheme clusters by uniseg.
type oracle struct {
	text   string
	gs     []oGlyph
	at     map[int]int // byte offset of a cluster start → index
	ambW   bool
	cumW   []int // cumW[i]: width of clusters [0, i)
	lastNS []int // lastNS[i]: index of the last non-space cluster before i, or -1
	vis    []int // vis[i]: 1 + index of the last cluster before i that is neither a space nor a line terminator, or 0
}

func newOracle(text string, ambWide bool) *oracle {
	o := &oracle{text: text, at: map[int]int{}, ambW: ambWide}
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		s, e := g.Positions()
		c := g.Str()
		r := []rune(c)[0]
		w := uniseg.StringWidth(c)
		amb := w == 1 && width.LookupRune(r).Kind() == width.EastAsianAmbiguous
		o.at[s] = len(o.gs)
		o.gs = append(o.gs, oGlyph{start: s, end: e, r: r, w: w, amb: amb})
	}
	o.at[len(text)] = len(o.gs)
	o.cumW = make([]int, len(o.gs)+1)
	o.lastNS = make([]int, len(o.gs)+1)
	o.vis = make([]int, len(o.gs)+1)
	last, vis := -1, 0
	for i, gl := range o.gs {
		o.lastNS[i], o.vis[i] = last, vis
		o.cumW[i+1] = o.cumW[i] + o.width(gl)
		if !gl.space(text) {
			last = i
			if !gl.hard(text) {
				vis = i + 1
			}
		}
	}
	o.lastNS[len(o.gs)], o.vis[len(o.gs)] = last, vis
	return o
}

func (o *oracle) width(g oGlyph) int {
	if g.amb && o.ambW {
		return g.w + 1
	}
	return g.w
}

// trimmedWidth is the width of clusters [i, j) without trailing spaces and
// line terminators.
func (o *oracle) trimmedWidth(i, j int) int {
	return o.cumW[max(o.vis[j], i)] - o.cumW[i]
}

// ruleBreak returns the rule that a line break before cluster i breaks, or
// "" if none.
func (o *oracle) ruleBreak(i int) string {
	if i <= 0 || i >= len(o.gs) {
		return ""
	}
	b := o.gs[i]
	if b.space(o.text) {
		return "line starts with a space"
	}
	ai := o.lastNS[i]
	if ai >= 0 && strings.ContainsRune(oracleNoEnd, o.gs[ai].r) {
		return fmt.Sprintf("line ends with %q", o.gs[ai].r)
	}
	if strings.ContainsRune(oracleNoStart, b.r) {
		doubledDash := (b.r == '—' || b.r == '―') && i+1 < len(o.gs) && o.gs[i+1].r == b.r
		if !doubledDash {
			return fmt.Sprintf("line starts with %q", b.r)
		}
	}
	if ai != i-1 || ai < 0 { // spaces between: only the line-start and line-end rules apply
		return ""
	}
	a := o.gs[ai]
	if a.word() && b.word() && !(a.r == '-' && ai > 0 && o.gs[ai-1].word()) {
		return fmt.Sprintf("splits the Latin/number run %q|%q", a.r, b.r)
	}
	if a.r == b.r && strings.ContainsRune(oracleDoubled, a.r) {
		return fmt.Sprintf("splits %q%q", a.r, b.r)
	}
	return ""
}

// check returns every broken invariant of lines as a layout of o.text.
func (o *oracle) check(opt Options, lines []Line) []string {
	var bad []string
	fail := func(format string, args ...any) {
		if len(bad) < 10 {
			bad = append(bad, fmt.Sprintf(format, args...))
		}
	}
	text := o.text
	if len(lines) == 0 {
		return []string{"no lines"}
	}
	if lines[0].Start != 0 || lines[len(lines)-1].End != len(text) {
		fail("lines cover [%d,%d), text has %d bytes", lines[0].Start, lines[len(lines)-1].End, len(text))
	}
	measure := max(opt.Width, 1)
	indent := max(opt.Indent, 0)
	if measure-indent < 2 {
		indent = 0
	}
	var joined strings.Builder
	for k, ln := range lines {
		joined.WriteString(text[min(ln.Start, len(text)):min(max(ln.End, ln.Start), len(text))])
		if k > 0 && ln.Start != lines[k-1].End {
			fail("line %d starts at %d, previous ends at %d", k, ln.Start, lines[k-1].End)
		}
		if ln.Start >= ln.End && len(text) > 0 {
			fail("line %d is empty [%d,%d)", k, ln.Start, ln.End)
			continue
		}
		i, ok1 := o.at[ln.Start]
		j, ok2 := o.at[ln.End]
		if !ok1 || !ok2 {
			fail("line %d [%d,%d) cuts a grapheme cluster", k, ln.Start, ln.End)
			continue
		}
		wantIndent := 0
		if k == 0 {
			wantIndent = indent
		}
		if ln.Indent != wantIndent {
			fail("line %d indent %d, want %d", k, ln.Indent, wantIndent)
		}
		tw := o.trimmedWidth(i, j)
		if ln.Width != tw {
			fail("line %d %q: Width %d, oracle measures %d", k, ln.Text(text), ln.Width, tw)
		}
		raw, txt := text[ln.Start:ln.End], ln.Text(text)
		if !strings.HasPrefix(raw, txt) || strings.Trim(raw[len(txt):], " \u3000\n\r\v\f\u0085\u2028\u2029") != "" {
			fail("line %d: Text %q is not %q without trailing spaces", k, txt, raw)
		}
		if strings.HasSuffix(txt, " ") || strings.HasSuffix(txt, "\u3000") {
			fail("line %d %q has trailing spaces", k, txt)
		}
		avail := measure - wantIndent
		if tw > avail {
			last := j - 1
			for last > i && (o.gs[last].space(text) || o.gs[last].hard(text)) {
				last--
			}
			hung := opt.Hang && tw <= avail+1 && strings.ContainsRune(oracleHang, o.gs[last].r) &&
				o.trimmedWidth(i, last) <= avail
			lone := last == i
			if !hung && !lone {
				fail("line %d %q is %d columns wide, more than %d", k, txt, tw, avail)
			}
		}
		// Every mandatory break ends a line, and nothing but the end of
		// the text or a line end follows one.
		for x := i; x < j-1; x++ {
			if o.gs[x].hard(text) {
				fail("line %d %q runs past a mandatory break", k, txt)
			}
		}
		if k+1 < len(lines) && !o.gs[j-1].hard(text) {
			if rule := o.ruleBreak(j); rule != "" {
				if p, ok := o.fittingBreak(i, avail); ok {
					fail("break after line %d %q: %s, though a break at byte %d fits", k, txt, rule, o.gs[p].start)
				}
			}
		}
	}
	if joined.String() != text {
		fail("lines do not join to the text")
	}
	return bad
}

// fittingBreak returns a cluster index p > i such that clusters [i, p) fit
// in avail columns and a break before p breaks no rule, if there is one.
func (o *oracle) fittingBreak(i, avail int) (int, bool) {
	for p := i + 1; p < len(o.gs); p++ {
		if o.gs[p-1].hard(o.text) {
			break
		}
		if o.trimmedWidth(i, p) > avail {
			break
		}
		if o.ruleBreak(p) == "" {
			return p, true
		}
	}
	return 0, false
}

// countForeign counts the rule violations and overflowing lines of another
// wrapper's output lines (ANSI already stripped) for text at width. Each
// output line is located in text to recover the break positions; lines that
// cannot be located (the wrapper changed the text) are counted as lost.
func countForeign(text string, out []string, measure int) (violations, overflow, lost int) {
	o := newOracle(text, false)
	pos := 0
	prevEnd := -1
	for _, line := range out {
		line = strings.TrimRight(line, " ")
		line = strings.TrimLeft(line, " ")
		if line == "" {
			continue
		}
		if StringWidth(line, false) > measure {
			overflow++
		}
		k := strings.Index(text[pos:], line)
		if k < 0 || strings.Trim(text[pos:pos+k], " ") != "" && prevEnd >= 0 {
			lost++
			continue
		}
		start := pos + k
		if prevEnd >= 0 {
			if i, ok := o.at[start]; !ok || o.ruleBreak(i) != "" {
				violations++
			}
		}
		pos = start + len(line)
		prevEnd = pos
	}
	return violations, overflow, lost
}
