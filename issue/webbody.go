package issue

import (
	"strings"
	"unicode/utf8"
)

// Web sources — the per-article archive form and e-paper article pages —
// print one paragraph per line and never cut a paragraph, so a short line
// in the body is not a broken paragraph but a part of its own: a
// crosshead, a quote's attribution, a credit, the byline closing one
// report of several. classifyWebBody finds them by their shape.

// classifyWebBody turns the paragraphs of d that are crossheads (奋斗创造历史,
// （一）序曲：…, 一、…), quote attributions (——习近平), photo credits (本报记者
// 李  舸摄), layout credits (版式设计：郭  祥) and bylines closing a part of
// the article ((本报记者  游  仪) before more text) into blocks of their
// kind, in place, and reports whether it found part bylines.
func classifyWebBody(d *draft) (parts bool) {
	a := &d.a
	for i := 0; i < len(a.Paragraphs); {
		p := a.Paragraphs[i]
		last := i == len(a.Paragraphs)-1
		next := ""
		if !last {
			next = a.Paragraphs[i+1]
		}
		var kind BlockKind
		switch {
		case isPhotoCredit(p):
			kind = BlockPhotoCredit
		case isLayoutCredit(p):
			kind = BlockLayoutCredit
		case isAttribution(p) && i > 0:
			kind = BlockAttribution
		case isClosingByline(p) && !last:
			kind, parts = BlockByline, true
		case !last && !blockAt(a, i+1) && (isCrosshead(p) || leadInCrosshead(p) && isCrosshead(next)):
			kind = BlockHeading
		}
		if kind == "" {
			i++
			continue
		}
		d.paraToBlock(i, Block{Kind: kind, Text: p})
	}
	return parts
}

// webByline reads the parts of a web body (classifyWebBody), then its
// byline (findByline) among what is left: the first paragraph after any
// crosshead, the last one. When the article has part bylines, a closing
// byline taken as the article's (BylineEnd) becomes one of them too.
func webByline(d *draft) {
	parts := classifyWebBody(d)
	findByline(d)
	if a := &d.a; parts && a.BylineEnd && a.Byline != "" {
		a.Blocks = append(a.Blocks, Block{After: len(a.Paragraphs), Kind: BlockByline, Text: a.Byline})
		a.Byline, a.BylineEnd = "", false
	}
}

// paraToBlock replaces paragraph i by the block b, keeping the order of
// the body: b comes after the blocks anchored before paragraph i, before
// those anchored after it.
func (d *draft) paraToBlock(i int, b Block) {
	a := &d.a
	pos := 0
	for pos < len(a.Blocks) && a.Blocks[pos].After <= i {
		pos++
	}
	d.removePara(i)
	b.After = i
	a.Blocks = append(a.Blocks, Block{})
	copy(a.Blocks[pos+1:], a.Blocks[pos:])
	a.Blocks[pos] = b
}

// isPhotoCredit reports a photographer's credit on a line of its own:
// 本报记者  李  舸摄, 新华社记者 张三摄, 龚献明摄（影像中国）: at most 40
// characters ending in 摄 (and perhaps a bracketed source), with no
// sentence or clause punctuation.
func isPhotoCredit(p string) bool {
	if !atMost(p, 40) || strings.ContainsAny(p, "。！？!?；;，,") {
		return false
	}
	t := trimRightSpace(p)
	if strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")") {
		// a bracketed source after it: （影像中国）, （新华社发）
		if i := strings.LastIndexAny(t, "（("); i > 0 {
			t = trimRightSpace(t[:i])
		}
	}
	for _, suffix := range [...]string{"摄影", "摄"} {
		if u, ok := strings.CutSuffix(t, suffix); ok {
			u = trimRightSpace(u)
			r := lastRune(u)
			return u != "" && isHan(r) && r != '拍' // 拍摄: a verb, not a credit
		}
	}
	return false
}

// layoutCreditWords open a layout credit line.
var layoutCreditWords = [...]string{"版式设计", "本版责编", "责任编辑", "本版编辑", "责编", "美编", "本版制图", "制图", "图表制作", "版面设计"}

// isLayoutCredit reports the credit of a page's makers: 版式设计：郭  祥,
// 本版责编：刘  念, 制图：….
func isLayoutCredit(p string) bool {
	if !atMost(p, 60) || strings.ContainsAny(p, "。！？!?；;") {
		return false
	}
	for _, w := range layoutCreditWords {
		if rest, ok := strings.CutPrefix(p, w); ok {
			r := firstRune(rest)
			return (r == '：' || r == ':') && trimSpace(rest[utf8.RuneLen(r):]) != ""
		}
	}
	return false
}

// isAttribution reports a line that names who said the quote above it:
// ——习近平, —— 某某.
func isAttribution(p string) bool {
	rest, ok := strings.CutPrefix(p, "——")
	if !ok {
		return false
	}
	rest = trimSpace(rest)
	return rest != "" && atMost(rest, 30) && !strings.ContainsAny(rest, "。！？!?；;，,") && !strings.HasSuffix(rest, "——")
}

// isCrosshead reports a line shaped as a crosshead: numbered — （一）,
// （一）序曲：…, 一、…, at most 40 characters — or a short line of at most
// 24 characters, with two Chinese characters or more, no run of spaces
// (a list of names), and no punctuation at its end (a closing quote or
// bracket after a character that is no punctuation allowed); never a
// byline, a credit or a jump line.
func isCrosshead(p string) bool {
	if p == "" || isStandaloneByline(p) || isClosingByline(p) || isPhotoCredit(p) || isLayoutCredit(p) ||
		leadBylineEnd(p) > 0 || len(findJumps(p, 0)) > 0 {
		return false
	}
	if numbered(p) {
		return atMost(p, 40) && !endsPunct(p)
	}
	if !atMost(p, 24) || endsPunct(p) || strings.Contains(p, "  ") || strings.ContainsAny(p, "\u3000\u00a0") {
		return false
	}
	han := 0
	for _, r := range p {
		if isHan(r) {
			han++
		}
	}
	return han >= 2
}

// leadInCrosshead reports the first line of a crosshead of two lines, a
// short line that ends in a dash: 武警部队方队政委王谦—— over 展现新时代军人风采.
func leadInCrosshead(p string) bool {
	t, ok := strings.CutSuffix(p, "——")
	return ok && t != "" && atMost(p, 24) && !endsPunct(t) && !strings.ContainsAny(t, "。！？!?；;")
}

// endsPunct reports a line that ends with punctuation (a closing quote or
// bracket counts by the character before it).
func endsPunct(p string) bool {
	t := strings.TrimRight(p, "”’」』》）)】〕\"'")
	if t == "" {
		return true
	}
	return strings.ContainsRune("。．.！!？?；;：:，,、…—-·", lastRune(t))
}

// numbered reports a line that opens with a crosshead's number: （一）,
// (1), 一、, 1、, 1.
func numbered(p string) bool {
	r, n := utf8.DecodeRuneInString(p)
	if r == '（' || r == '(' {
		g := bracketGroup(p)
		if g == 0 || g > 12 {
			return false
		}
		_, ok := parseNumber(p[n : g-utf8.RuneLen(lastRune(p[:g]))])
		return ok
	}
	rest := p
	for rest != "" {
		r2, n2 := utf8.DecodeRuneInString(rest)
		if !(chineseDigit(r2) >= 0 || chineseUnit(r2) > 0 || r2 >= '0' && r2 <= '9') {
			break
		}
		rest = rest[n2:]
	}
	return len(rest) < len(p) && (strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "．"))
}
