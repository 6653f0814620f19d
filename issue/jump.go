package issue

import (
	"strings"
	"unicode/utf8"

	"dubao/issue/internal/vec"
)

// findJumps finds the jump lines in a paragraph: bracketed references to
// another page such as (下转第七版), （上接第1版）, (详见二版),
// (反馈督察情况详见二版), (转A3版). Para is set to para; Offset is the byte
// offset of the opening bracket.
func findJumps(p string, para int) []Jump {
	var out []Jump
	// Look at each closing bracket (rarer than 版) and at what precedes it.
	// ascii and full are the next ")" and "）" at or after off (len(p)
	// when there is none), each looked for again only once passed: a
	// paragraph with many of one and none of the other is not searched
	// to its end for each.
	ascii, full := -1, -1
	for off := 0; off < len(p); {
		if ascii < off {
			ascii = len(p)
			if a := strings.IndexByte(p[off:], ')'); a >= 0 {
				ascii = off + a
			}
		}
		if full < off {
			full = off + indexFullParen(p[off:])
		}
		closeAt, closeLen := ascii, 1
		if full < ascii {
			closeAt, closeLen = full, len("）")
		}
		if closeAt >= len(p) {
			break
		}
		off = closeAt + closeLen
		ban := strings.TrimSuffix(p[:closeAt], "面")
		if !strings.HasSuffix(ban, "版") {
			continue
		}
		i := len(ban) - len("版")
		// The opening bracket, at most 30 characters back.
		open := -1
		for j, k := i, 0; j > 0 && k < 30; k++ {
			r, n := utf8.DecodeLastRuneInString(p[:j])
			j -= n
			if r == '(' || r == '（' {
				open = j
				break
			}
			if r == ')' || r == '）' || r == '。' {
				break
			}
		}
		if open < 0 {
			continue
		}
		inner := p[open+utf8.RuneLen(firstRune(p[open:])) : i]
		dir, ok := jumpDir(inner)
		if !ok {
			continue
		}
		out = append(out, Jump{Page: pageBefore(inner), Text: p[open:off], Dir: dir, Para: para, Offset: open})
	}
	return out
}

// indexFullParen returns the index of the first "）" in s, or len(s),
// found by vectors (its first byte, 0xEF, starts every full-width comma
// and colon of Chinese text; its last, 0x89, is common too).
func indexFullParen(s string) int {
	if i := fullParen.Index(s); i >= 0 {
		return i
	}
	return len(s)
}

// fullParen is "）" for vec.
var fullParen = vec.NewNeedle3("）")

// jumpDir tells the direction of a jump from the words inside its
// brackets, in Simplified or Traditional characters (下转 or 下轉).
func jumpDir(inner string) (JumpDir, bool) {
	switch {
	case strings.Contains(inner, "上接") || strings.Contains(inner, "接上") || strings.HasPrefix(inner, "接") ||
		strings.HasPrefix(inner, "续") || strings.HasPrefix(inner, "續") || strings.Contains(inner, "接第"):
		return JumpFrom, true
	case strings.Contains(inner, "转") || strings.Contains(inner, "轉"):
		return JumpTo, true
	case strings.Contains(inner, "见") || strings.Contains(inner, "見"):
		return JumpSee, true
	}
	return "", false
}

// pageBefore reads the page number at the end of inner (the text before
// 版): 第七 → 7, 二 → 2, A3 → 3, 第12 → 12; 0 when there is none, and
// when the number is signed (第-1, 第负一: no page, not page 1).
func pageBefore(inner string) int {
	end := len(inner)
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(inner[:start])
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || chineseDigit(r) >= 0 || chineseUnit(r) > 0 && chineseUnit(r) < 1000) {
			break
		}
		start -= n
	}
	if r, _ := utf8.DecodeLastRuneInString(inner[:start]); isSign(r) {
		return 0
	}
	n, ok := parseNumber(inner[start:end])
	if !ok {
		return 0
	}
	return n
}

// isSign reports a plus or minus sign written before a number: ASCII,
// full-width, the minus sign U+2212, or 负/正.
func isSign(r rune) bool {
	switch r {
	case '-', '+', '－', '＋', '−', '负', '負', '正':
		return true
	}
	return false
}
