package script

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/liuzl/da"
	"github.com/longbridgeapp/opencc"
)

// window is the longest phrase, in characters, that a conversion looks
// up at one place: OpenCC's Go port looks no further, and dubao converts
// exactly as it does.
const window = 10

// Converter converts text with one OpenCC conversion. It is safe for
// concurrent use. A nil *Converter converts nothing: its methods return
// the text as it is.
type Converter struct {
	conv   Conversion
	stages []stage
	// wide is the converter that also sets punctuation full width
	// (WithFullWidthPunct), made on first use.
	wideOnce sync.Once
	wide     *Converter
}

// stage is one step of a conversion's chain: at each place, the longest
// phrase of the first of its dictionaries that has one there.
type stage struct {
	dicts []dict
	// punct makes the stage the punctuation stage (see punct.go) instead
	// of a dictionary lookup.
	punct bool
}

// dict is one OpenCC dictionary.
type dict struct {
	name string
	d    *da.Dict
	// first[b] is set when a key starts with byte b.
	first [256]bool
}

// loaded holds the converters built so far: one slot per conversion,
// filled once, on first use (building a conversion's dictionaries takes
// milliseconds, and they never change afterwards).
var loaded [len(conversions)]struct {
	once sync.Once
	c    *Converter
	err  error
}

// Load returns the converter for c, building its dictionaries on the
// first call for c. It returns nil (convert nothing) for None, and an
// error for auto-s and auto-t, which must be resolved first (see
// Conversion.Resolve).
func Load(c Conversion) (*Converter, error) {
	if c == None {
		return nil, nil
	}
	i := c.index()
	if i < 0 {
		return nil, fmt.Errorf("script: no converter for %q (resolve auto-s and auto-t first)", string(c))
	}
	slot := &loaded[i]
	slot.once.Do(func() { slot.c, slot.err = build(c) })
	return slot.c, slot.err
}

// build builds the converter for c from OpenCC's dictionaries.
func build(c Conversion) (*Converter, error) {
	cc, err := opencc.New(string(c))
	if err != nil {
		return nil, fmt.Errorf("script: load %s dictionaries: %w", c, err)
	}
	out := &Converter{conv: c}
	for _, g := range cc.DictChains {
		var st stage
		for k, d := range g.Dicts {
			if d == nil || d.Trie == nil {
				return nil, fmt.Errorf("script: %s: dictionary %d of %v is empty", c, k, g.Files)
			}
			name := ""
			if k < len(g.Files) {
				name = g.Files[k]
			}
			st.dicts = append(st.dicts, newDict(name, d))
		}
		out.stages = append(out.stages, st)
	}
	return out, nil
}

// newDict wraps an OpenCC dictionary.
func newDict(name string, d *da.Dict) dict {
	out := dict{name: name, d: d}
	for b := range 256 {
		_, err := d.Trie.Jump([]byte{byte(b)}, 0)
		out.first[b] = err == nil
	}
	return out
}

// Conversion returns the conversion c does (None for a nil c).
func (c *Converter) Conversion() Conversion {
	if c == nil {
		return None
	}
	return c.conv
}

// Convert returns s converted.
func (c *Converter) Convert(s string) string {
	if c == nil {
		return s
	}
	for i := range c.stages {
		s, _ = c.stages[i].run(s, nil, false)
	}
	return s
}

// ConvertMapped returns s converted, with the map between the offsets of
// s and of the result.
func (c *Converter) ConvertMapped(s string) Mapped {
	m := Mapped{Source: s, Text: s}
	if c == nil {
		return m
	}
	for i := range c.stages {
		var segs []seg
		m.Text, segs = c.stages[i].run(m.Text, nil, true)
		m.stages = append(m.stages, segs)
	}
	return m
}

// run converts s in one pass. With mapped set it also returns the pieces
// whose length or layout of characters changed (see seg). Text the stage
// leaves as it is is copied in runs, and a text it does not change at all
// is returned as it is, without a copy.
func (st *stage) run(s string, segs []seg, mapped bool) (string, []seg) {
	var b strings.Builder
	copied := 0 // s[copied:i] is unchanged and not yet written
	for i := 0; i < len(s); {
		// Pass over the bytes that start no phrase of the stage: the
		// punctuation stage's few by vectors.
		if st.punct {
			if k := halfPunctSet.Index(s[i:]); k >= 0 {
				i += k
			} else {
				i = len(s)
			}
		}
		for i < len(s) && !st.starts(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		n, val := st.match(s, i)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if val == s[i:i+n] {
			i += n
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s) + len(s)/16)
		}
		b.WriteString(s[copied:i])
		o := b.Len()
		b.WriteString(val)
		if mapped && !sameLayout(s[i:i+n], val) {
			if segs == nil {
				segs = make([]seg, 0, 8)
			}
			segs = append(segs, seg{src: [2]int{i, i + n}, out: [2]int{o, o + len(val)}})
		}
		i += n
		copied = i
	}
	if b.Cap() == 0 {
		return s, segs
	}
	b.WriteString(s[copied:])
	return b.String(), segs
}

// starts reports whether a phrase of one of the stage's dictionaries
// starts with byte c. UTF-8 continuation bytes never do.
func (st *stage) starts(c byte) bool {
	if st.punct {
		return halfPunct[c]
	}
	for k := range st.dicts {
		if st.dicts[k].first[c] {
			return true
		}
	}
	return false
}

// match returns the length in bytes of the phrase at s[i:] and what it
// converts to, from the first dictionary of the stage that has one there
// (its longest), or 0.
func (st *stage) match(s string, i int) (int, string) {
	if st.punct {
		return punctAt(s, i)
	}
	for k := range st.dicts {
		if n, v := st.dicts[k].longest(s, i); n > 0 {
			return n, v
		}
	}
	return 0, ""
}

// longest returns the length in bytes of the longest key of d that starts
// s[i:] (at most window characters), and its first value, or 0. It walks
// the dictionary's double-array trie as cedar's Jump and Value do, without
// their allocations.
func (d *dict) longest(s string, i int) (int, string) {
	if !d.first[s[i]] {
		return 0, ""
	}
	a := d.d.Trie.Array
	n, val := 0, -1
	from, chars := 0, 0
	for k := i; k < len(s); k++ {
		c := s[k]
		if c&0xC0 != 0x80 {
			if chars++; chars > window {
				break
			}
		}
		if a[from].Value >= 0 { // a leaf: no key goes further
			break
		}
		to := -(a[from].Value + 1) ^ int(c)
		if to < 0 || to >= len(a) || a[to].Check != from {
			break
		}
		from = to
		// Does a key end here? Either the node is a leaf holding the
		// value, or its child by the label 0 is.
		if v := a[to].Value; v >= 0 {
			n, val = k+1-i, v
		} else if z := -(v + 1); z < len(a) && a[z].Check == to && a[z].Value >= 0 {
			n, val = k+1-i, a[z].Value
		}
	}
	if n == 0 || val >= len(d.d.Values) || len(d.d.Values[val]) == 0 {
		return 0, ""
	}
	return n, d.d.Values[val][0]
}

// sameLayout reports whether src and out have characters of the same byte
// lengths, one for one, so that every offset in one is the same offset in
// the other.
func sameLayout(src, out string) bool {
	if len(src) != len(out) {
		return false
	}
	for i := 0; i < len(src); {
		_, a := utf8.DecodeRuneInString(src[i:])
		_, b := utf8.DecodeRuneInString(out[i:])
		if a != b {
			return false
		}
		i += a
	}
	return true
}
