// Package vec finds short byte sequences in text with the processor's
// vectors (AVX2 on amd64), where the standard library's byte search stops
// at every place a common byte of the sequence stands: a three-byte
// character in Chinese text.
package vec

// Needle3 is a sequence of three bytes (a character of U+0800–U+FFFF)
// prepared for Index: each byte repeated for a vector.
type Needle3 struct {
	b   [3][32]byte
	seq string
}

// NewNeedle3 prepares seq, three bytes, for Index.
func NewNeedle3(seq string) *Needle3 {
	if len(seq) != 3 {
		panic("vec.NewNeedle3: " + seq + " is not three bytes")
	}
	n := &Needle3{seq: seq}
	for k := range 32 {
		n.b[0][k], n.b[1][k], n.b[2][k] = seq[0], seq[1], seq[2]
	}
	return n
}

// IndexBytes is Index of b.
func (n *Needle3) IndexBytes(b []byte) int { return n.Index(unsafeString(b)) }

// Set is a set of up to eight bytes prepared for ContainsAny and Index: each byte
// repeated for a vector, and a table for short texts.
type Set struct {
	b     [8][32]byte
	table [256]bool
}

// NewSet prepares the bytes of chars, one to eight, for ContainsAny.
func NewSet(chars string) *Set {
	if len(chars) == 0 || len(chars) > 8 {
		panic("vec.NewSet: " + chars + " is not one to eight bytes")
	}
	s := &Set{}
	for k := range 8 {
		c := chars[min(k, len(chars)-1)] // the last repeated
		for i := range 32 {
			s.b[k][i] = c
		}
		s.table[c] = true
	}
	return s
}

// ContainsAny reports whether any byte of str is in the set (for ASCII
// chars, strings.ContainsAny(str, chars)): Index(str) >= 0.
func (s *Set) ContainsAny(str string) bool { return s.Index(str) >= 0 }

// Index returns the index of the first byte of str in the set, or −1
// (for ASCII chars, strings.IndexAny(str, chars)).
func (s *Set) Index(str string) int {
	if i, done := s.indexAny(str); done {
		return i
	}
	for i := range len(str) {
		if s.table[str[i]] {
			return i
		}
	}
	return -1
}
