package render

// lineClean reports, by a scan of its bytes, that s is made only of
// characters that textsafe.Line passes as they are: printable ASCII,
// general punctuation U+2010–U+2027 (“ ” — …), U+3000–U+9FFF (CJK marks,
// kana, ideographs) and U+FF00–U+FF7F (full-width forms), as valid UTF-8;
// where the vectors stop, also U+2030–U+203F (‰), U+2100–U+217F (℃) and
// U+2500–U+25FF (the rules of tables).
// Plain then need not ask textsafe.Line, which decides anything else;
// TestLineCleanImpliesLine holds every character it passes to textsafe.
func lineClean(s string) bool {
	// Most of a line is passed by vectors (cleanRun), the rest a
	// character at a time.
	return lineCleanFrom(s, cleanRun(s))
}

// lineCleanFrom is lineClean of s[i:], i a character boundary, a
// character at a time.
func lineCleanFrom(s string, i int) bool {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			i++
			continue
		case i+2 >= len(s) || s[i+1]&0xc0 != 0x80 || s[i+2]&0xc0 != 0x80:
			return false
		case c >= 0xe3 && c <= 0xe9, // U+3000–U+9FFF
			c == 0xe2 && s[i+1] == 0x80 && (s[i+2] >= 0x90 && s[i+2] <= 0xa7 || s[i+2] >= 0xb0), // U+2010–U+2027, U+2030–U+203F (‰ ※)
			c == 0xe2 && (s[i+1] == 0x84 || s[i+1] == 0x85),                                     // U+2100–U+217F (℃ № Ⅻ)
			c == 0xe2 && s[i+1] >= 0x94 && s[i+1] <= 0x97,                                       // U+2500–U+25FF (─ │ ┼ ■ ● ◆)
			c == 0xef && (s[i+1] == 0xbc || s[i+1] == 0xbd):                                     // U+FF00–U+FF7F
			i += 3
			continue
		}
		return false
	}
	return true
}
