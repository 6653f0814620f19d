package common

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"dubao/issue/search"
)

// Shortening text to a width where a reader accepts it: a snippet of a
// search result cut on the left (CutFront) or the right (CutBack), a
// title cut on the right (TruncateTitle). A cut never splits a number or a
// Latin word (2,861.3 is not …,861.3: it moves out to take it whole when
// that fits, else in to leave it out), never leaves an opening bracket or
// quote without what follows it, and on the left it prefers the start of
// a clause (after ，、；：。) when one is a character or two away.

// openers and closers are the brackets and quotation marks that pair up,
// each at the same index in both.
const (
	openers = "“‘（［｛〔【《〈「『([{"
	closers = "”’）］｝〕】》〉」』)]}"
)

// IsOpener reports whether r opens a bracket or a quotation.
func IsOpener(r rune) bool { return strings.ContainsRune(openers, r) }

// isCloser reports whether r closes a bracket or a quotation.
func isCloser(r rune) bool { return strings.ContainsRune(closers, r) }

// clauseStart reports whether a clause starts at byte i of s: at its
// start, or after a mark that ends a clause or sentence, or a space.
func clauseStart(s string, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if strings.ContainsRune("，、；：。！？ 　;!?", r) {
		return true
	}
	// a half-width , or : ends a clause, but not inside 1,000 or 10:30
	return (r == ',' || r == ':') && !search.CutsWord(s, i)
}

// glyphStarts returns the byte offsets where the grapheme clusters of s
// start, and len(s): the places s may be cut.
func glyphStarts(s string) []int {
	out := make([]int, 0, len(s)/2+1)
	state := -1
	for i := 0; i < len(s); {
		out = append(out, i)
		var c string
		c, _, _, state = uniseg.FirstGraphemeClusterInString(s[i:], state)
		i += len(c)
	}
	return append(out, len(s))
}

// CutFront returns the end of plain s in at most want columns, starting
// with … when it was cut (or cut says that s was already cut at its
// start). To keep a number, a Latin word or a quotation whole, or to
// start at a clause, it may take up to most columns.
func CutFront(s string, want, most int, cut, ambWide bool) string {
	most = max(most, want)
	ell := StringWidth("…", ambWide)
	if !cut && StringWidth(s, ambWide) <= want {
		return s
	}
	if want < ell {
		return ""
	}
	at := glyphStarts(s)
	fits := func(i int, w int) bool { return StringWidth(s[i:], ambWide)+ell <= w }
	// k is the first glyph kept: the earliest that fits
	k := len(at) - 1
	for k > 0 && fits(at[k-1], want) {
		k--
	}
	start := at[k]
	clause := -1
	if !clauseStart(s, start) {
		clause = snapClause(s, at, k, fits, most)
	}
	switch {
	case clause >= 0:
		start = clause
	case search.CutsWord(s, start):
		from, to := start, start
		for from > 0 && search.CutsWord(s, from) {
			_, size := utf8.DecodeLastRuneInString(s[:from])
			from -= size
		}
		for to < len(s) && search.CutsWord(s, to) {
			_, size := utf8.DecodeRuneInString(s[to:])
			to += size
		}
		if fits(from, most) {
			start = from
		} else {
			start = to
		}
	}
	start = openQuote(s, start, fits, most)
	return "…" + s[start:]
}

// snapClause returns the start of a clause two glyphs or less from glyph
// k of s — before it when that fits in most columns, else after it — or
// −1.
func snapClause(s string, at []int, k int, fits func(int, int) bool, most int) int {
	for d := 1; d <= 2; d++ {
		if k-d >= 0 && clauseStart(s, at[k-d]) && fits(at[k-d], most) {
			return at[k-d]
		}
	}
	for d := 1; d <= 2; d++ {
		if k+d < len(at)-1 && clauseStart(s, at[k+d]) {
			return at[k+d]
		}
	}
	return -1
}

// openQuote moves a cut at byte start of s that falls inside brackets or
// a quotation out to its opening mark when that fits in most columns;
// else, when the closing mark is in s, in to just after it. A cut right
// after an opening mark moves out to take it.
func openQuote(s string, start int, fits func(int, int) bool, most int) int {
	open := -1 // the opening mark the text at start is inside of
	depth := 0
	for i := start; i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		switch {
		case isCloser(r):
			depth++
		case IsOpener(r) && depth > 0:
			depth--
		case IsOpener(r):
			open = i
		}
		if open >= 0 {
			break
		}
	}
	if open < 0 {
		return start
	}
	if fits(open, most) {
		return open
	}
	depth = 0
	for i, r := range s[start:] {
		switch {
		case IsOpener(r):
			depth++
		case isCloser(r) && depth > 0:
			depth--
		case isCloser(r):
			return start + i + utf8.RuneLen(r)
		}
	}
	return start
}

// CutBack returns the start of plain s in at most w columns, ending with
// … when it was cut: never inside a number or a Latin word, never just
// after an opening mark.
func CutBack(s string, w int, ambWide bool) string {
	t := Truncate(s, w, ambWide)
	kept, cut := strings.CutSuffix(t, "…")
	if !cut || len(kept) >= len(s) {
		return t
	}
	end := len(kept)
	for end > 0 && search.CutsWord(s, end) {
		_, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
	}
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !IsOpener(r) && r != ' ' && r != '\u3000' {
			break
		}
		end -= size
	}
	return s[:end] + "…"
}

// TruncateTitle cuts a title to w columns as CutBack does; when the cut
// would leave nothing but …, as truncate does.
func TruncateTitle(s string, w int, ambWide bool) string {
	t := CutBack(s, w, ambWide)
	if t == "…" && w > StringWidth(t, ambWide) {
		return Truncate(s, w, ambWide)
	}
	return t
}
