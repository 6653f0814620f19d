package script

import (
	"slices"
	"sync"
	"unicode/utf8"
)

// The dense part of the character tables: CJK Extension A and the
// Unified Ideographs, where nearly every character OpenCC knows lives.
const (
	denseLo = 0x3400
	denseHi = 0xA000
)

// chars holds what dubao knows of single characters: how each folds for
// search, and which exist in Traditional text only. It is built once, from
// OpenCC's character dictionaries, on first use.
type chars struct {
	fold      []rune          // fold[r-denseLo]: what r folds to, 0 for r itself
	foldOther map[rune]rune   // the same outside the dense range
	variants  map[rune][]rune // a fold target → every character folding to it (classes of two or more)
	// marks[r-denseLo] says what r tells of a text's script and region
	// (tradOnly, regionHK, regionTW).
	marks      []uint8
	marksOther map[rune]uint8
}

// The marks of a character (chars.marks).
const (
	// tradOnly marks a Traditional-only character.
	tradOnly uint8 = 1 << iota
	// regionHK and regionTW mark the forms only Hong Kong's or Taiwan's
	// Traditional text uses, which t2s leaves as they are (衞, 説; 簷).
	regionHK
	regionTW
)

// charTable returns the character tables, made on the first call from
// the lists in fold_table.go (a few hundred microseconds; building them
// from OpenCC's dictionaries took about 8 ms of every search's start).
var charTable = sync.OnceValue(func() *chars {
	return tableOf(foldPairs, tradOnlyChars, regionHKChars, regionTWChars)
})

// tableOf makes the character tables of these lists (see fold_table.go):
// pairs holds each character that folds to another followed by that
// other; trad, hk and tw the characters of each mark.
func tableOf(pairs, trad, hk, tw string) *chars {
	t := &chars{
		fold:       make([]rune, denseHi-denseLo),
		foldOther:  map[rune]rune{},
		variants:   map[rune][]rune{},
		marks:      make([]uint8, denseHi-denseLo),
		marksOther: map[rune]uint8{},
	}
	for len(pairs) > 0 {
		r, n := utf8.DecodeRuneInString(pairs)
		to, m := utf8.DecodeRuneInString(pairs[n:])
		pairs = pairs[n+m:]
		t.setFold(r, to)
		if t.variants[to] == nil {
			t.variants[to] = []rune{to}
		}
		t.variants[to] = append(t.variants[to], r)
	}
	for _, class := range t.variants {
		slices.Sort(class)
	}
	for _, l := range []struct {
		chars string
		mark  uint8
	}{{trad, tradOnly}, {hk, regionHK}, {tw, regionTW}} {
		for _, r := range l.chars {
			t.mark(r, l.mark)
		}
	}
	return t
}

func (t *chars) setFold(r, to rune) {
	if r >= denseLo && r < denseHi {
		t.fold[r-denseLo] = to
		return
	}
	t.foldOther[r] = to
}

func (t *chars) mark(r rune, m uint8) {
	if r >= denseLo && r < denseHi {
		t.marks[r-denseLo] |= m
		return
	}
	t.marksOther[r] |= m
}

// marksOf returns the marks of r (tradOnly, regionHK, regionTW).
func (t *chars) marksOf(r rune) uint8 {
	if r >= denseLo && r < denseHi {
		if t.marks == nil {
			return 0
		}
		return t.marks[r-denseLo]
	}
	return t.marksOther[r]
}

// isTrad reports a Traditional-only character.
func (t *chars) isTrad(r rune) bool { return t.marksOf(r)&tradOnly != 0 }

// Fold maps a character to the one it is compared as in a search, so
// that both scripts and the regional variants match each other: 蘋 and
// 苹 fold to 苹, 發 and 髮 to 发, 裏 and 裡 to 里. A character of neither
// script folds to itself. The first call for a Han character builds the
// tables (a few milliseconds, once).
func Fold(r rune) rune {
	if r < 0x2E80 {
		return r
	}
	t := charTable()
	if r >= denseLo && r < denseHi {
		if t.fold == nil {
			return r
		}
		if f := t.fold[r-denseLo]; f != 0 {
			return f
		}
		return r
	}
	if f, ok := t.foldOther[r]; ok {
		return f
	}
	return r
}

// Variants returns every character that folds as r does (r included), in
// increasing order. The slice must not be changed.
func Variants(r rune) []rune {
	if r >= 0x2E80 {
		if v, ok := charTable().variants[Fold(r)]; ok {
			return v
		}
	}
	return []rune{r}
}
