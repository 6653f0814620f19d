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

// charTable returns the character tables, building them on the first
// call. A failure to load the dictionaries (which are embedded, so it
// would be a broken build) leaves every table empty: nothing folds and
// every text is of unknown script.
var charTable = sync.OnceValue(func() *chars {
	t, err := buildChars()
	if err != nil {
		return &chars{}
	}
	return t
})

// buildChars builds the character tables from OpenCC's Traditional to
// Simplified characters (TSCharacters) and its Taiwan and Hong Kong
// variants of Traditional characters (TWVariants, HKVariants).
func buildChars() (*chars, error) {
	ts, err := dictNamed(T2S, "TSCharacters")
	if err != nil {
		return nil, err
	}
	tw, err := dictNamed("t2tw", "TWVariants")
	if err != nil {
		return nil, err
	}
	hk, err := dictNamed("t2hk", "HKVariants")
	if err != nil {
		return nil, err
	}
	// Classes of characters that fold together: a Traditional character
	// with its first Simplified form (發 发, 髮 发, 蘋 苹), a standard
	// Traditional character with its regional variant (裏 裡, 着 著, 臺 台).
	parent := map[rune]rune{}
	var find func(r rune) rune
	find = func(r rune) rune {
		p, ok := parent[r]
		if !ok {
			parent[r] = r
			return r
		}
		if p == r {
			return r
		}
		root := find(p)
		parent[r] = root
		return root
	}
	union := func(a, b rune) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[ra] = rb
		}
	}
	tsKey, tsValue := map[rune]bool{}, map[rune]bool{}
	eachChar(ts, func(k rune, vals []rune) {
		tsKey[k] = true
		for _, v := range vals {
			tsValue[v] = true
		}
		union(k, vals[0])
	})
	for _, d := range []*dict{tw, hk} {
		eachChar(d, func(k rune, vals []rune) { union(k, vals[0]) })
	}
	// Each class folds to one of its members: a Simplified form (one no
	// Traditional character is converted from) if it has one, the
	// smallest such for a stable choice.
	members := map[rune][]rune{}
	for r := range parent {
		root := find(r)
		members[root] = append(members[root], r)
	}
	t := &chars{
		fold:       make([]rune, denseHi-denseLo),
		foldOther:  map[rune]rune{},
		variants:   map[rune][]rune{},
		marks:      make([]uint8, denseHi-denseLo),
		marksOther: map[rune]uint8{},
	}
	// Regional forms: the form a region's variants give a standard
	// Traditional character (衛 → 衞 in Hong Kong, 檐 → 簷 in Taiwan) that
	// OpenCC's Traditional to Simplified characters neither convert nor
	// give (吃 is a Simplified form too).
	for _, rd := range []struct {
		d    *dict
		mark uint8
	}{{hk, regionHK}, {tw, regionTW}} {
		eachChar(rd.d, func(k rune, vals []rune) {
			if v := vals[0]; v != k && !tsKey[v] && !tsValue[v] {
				t.mark(v, rd.mark)
			}
		})
	}
	for _, class := range members {
		slices.Sort(class)
		target := class[0]
		for _, r := range class {
			if !tsKey[r] {
				target = r
				break
			}
		}
		for _, r := range class {
			if r != target {
				t.setFold(r, target)
			}
		}
		if len(class) > 1 {
			t.variants[target] = class
		}
	}
	// Traditional-only characters: those that convert to something else
	// and are not among their own Simplified forms (髮 is, 乾 is not: 乾隆).
	eachChar(ts, func(k rune, vals []rune) {
		if !slices.Contains(vals, k) {
			t.mark(k, tradOnly)
		}
	})
	return t, nil
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

// dictNamed loads conversion c and returns its dictionary whose file
// name starts with name.
func dictNamed(c Conversion, name string) (*dict, error) {
	var cv *Converter
	var err error
	if c.index() >= 0 {
		cv, err = Load(c) // shared with the conversion itself
	} else {
		cv, err = build(c)
	}
	if err != nil {
		return nil, err
	}
	for i := range cv.stages {
		for k := range cv.stages[i].dicts {
			d := &cv.stages[i].dicts[k]
			if len(d.name) >= len(name) && d.name[:len(name)] == name {
				return d, nil
			}
		}
	}
	return nil, errNoDict(string(c) + ": " + name)
}

type errNoDict string

func (e errNoDict) Error() string { return "script: no dictionary " + string(e) }

// eachChar calls fn for each entry of d whose key is one character, with
// the characters it converts to (entries of several characters are
// skipped).
func eachChar(d *dict, fn func(k rune, vals []rune)) {
	tr := d.d.Trie
	for _, id := range tr.PrefixPredict(nil, 0) {
		key, err := tr.Key(id)
		if err != nil {
			continue
		}
		k, size := utf8.DecodeRune(key)
		if size != len(key) || k == utf8.RuneError {
			continue
		}
		v, err := tr.Value(id)
		if err != nil || v >= len(d.d.Values) {
			continue
		}
		var vals []rune
		for _, s := range d.d.Values[v] {
			if r, n := utf8.DecodeRuneInString(s); n == len(s) && r != utf8.RuneError {
				vals = append(vals, r)
			}
		}
		if len(vals) > 0 {
			fn(k, vals)
		}
	}
}

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
