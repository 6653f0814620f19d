package vec

// Marks marks, for walks over the characters of UTF-8 text, the 64
// bytes of s from i in m[0:3] and the 64 from j in m[3:6] (i, j >= 2
// and i+64, j+64 <= len(s); the two bytes before each are read too), a
// bit a byte, bit k for byte i+k (j+k):
//
//   - m[0] (m[3]), starts: where a character starts (no continuation
//     byte, 80–BF);
//   - m[1] (m[4]), stops: the last byte of a sentence end, 。！？； (E3
//     80 82, EF BC 81, EF BC 9F, EF BC 9B, read with the bytes before)
//     or ! ? ;
//   - m[2] (m[5]), odd: where the bytes are not the UTF-8 of characters
//     of one to three bytes as the two bytes before say they should be:
//     a continuation byte where none is due, another byte where one is,
//     and the bytes C0, C1, E0, ED and F0–FF (a character of four
//     bytes, and the three-byte ones where only some second bytes are
//     allowed, are odd too).
//
// Where odd is 0 from a byte that starts a character on, the bytes are
// whole characters, but for a lead byte whose continuation bytes come
// after the 64. Marks reports false, and marks nothing, where the
// processor has no vectors for it (another architecture, or no AVX2): a
// walk character by character is then as fast.
func Marks(s string, i, j int, m *[6]uint64) bool {
	if !hasAVX2 || i < 2 || i > len(s)-64 || j < 2 || j > len(s)-64 {
		return false
	}
	marks(s, i, j, m)
	return true
}

// marksConsts are the bytes marksAVX2 compares with, each repeated for a
// vector, in the order marks_amd64.s reads them.
var marksConsts = func() (c [16][32]byte) {
	for k, b := range []byte{0xC0, 0xE0, 0xF0, 0xFE, 0xED, 0xE3, 0x80, 0x82, 0xEF, 0xBC, 0x81, 0x9F, 0x9B, '!', '?', ';'} {
		for i := range 32 {
			c[k][i] = b
		}
	}
	return c
}()

// marksScalar is Marks one byte at a time: the reference of the vector
// kernel's test.
func marksScalar(s string, i int) (starts, stops, odd uint64) {
	for k := range 64 {
		c, c1, c2 := s[i+k], s[i+k-1], s[i+k-2]
		bit := uint64(1) << k
		cont := c >= 0x80 && c < 0xC0
		due := c1 >= 0xC0 || c2 >= 0xE0
		if !cont {
			starts |= bit
		}
		if cont != due || c == 0xC0 || c == 0xC1 || c == 0xE0 || c == 0xED || c >= 0xF0 {
			odd |= bit
		}
		if c == '!' || c == '?' || c == ';' ||
			c2 == 0xE3 && c1 == 0x80 && c == 0x82 ||
			c2 == 0xEF && c1 == 0xBC && (c == 0x81 || c == 0x9F || c == 0x9B) {
			stops |= bit
		}
	}
	return starts, stops, odd
}
