package textsafe

import (
	"unsafe"

	"dubao/issue/utf8vec"
)

// Vectors reports whether PlainRun reads with vectors on this processor
// (when not, it returns its i): utf8vec.Vectors.
func Vectors() bool { return utf8vec.Vectors() }

// PlainRun returns the character boundary j ≥ i up to which b[i:j] is,
// as far as a vector scan of 32 bytes at a time reads it, only
// characters that are valid and that Bytes keeps: ASCII but the controls
// ('\n' kept) and DEL; two-byte characters from U+00A0 but those led by
// D8; three-byte characters led by E1, E3–EC, by EF but EF BB, by E2 but
// E2 81 and the E2 80 that Bytes changes (U+200E, U+200F, U+2028–
// U+202E). It stops in the 32 bytes that hold anything else, 34 bytes
// before the end at the latest; it returns i where the processor has no
// vectors (Vectors), or in a build with the purego tag, which leaves the
// assembly out: `go test -tags purego` tests the scalar paths alone, as
// on other processors. The scan is utf8vec.PlainRun with the ASCII Bytes
// keeps; TestPlainRun and FuzzPlainRun hold it to Changes and utf8.
func PlainRun(b []byte, i int) int {
	return utf8vec.PlainRun(unsafe.String(unsafe.SliceData(b), len(b)), i, &textASCII)
}

// The ASCII of text that Bytes keeps (not DEL; '\n'), of a line that
// Line keeps (not DEL; a space, which is there already, for keep), and
// of a string AppendJSONString writes as it is (not DEL, '"', '\\'; a
// space).
var (
	textASCII = utf8vec.NewASCII([3]byte{0x7F, 0x7F, 0x7F}, '\n')
	lineASCII = utf8vec.NewASCII([3]byte{0x7F, 0x7F, 0x7F}, ' ')
	jsonASCII = utf8vec.NewASCII([3]byte{0x7F, '"', '\\'}, ' ')
)

// linePlainRun is PlainRun for IsLine: it passes the characters of s
// from i that Line keeps (as PlainRun's, but not '\n'), and then those
// of its last 34 bytes too (the first vector scan stops short of them),
// from the character boundary before them, so that at most the last two
// bytes are left to the scalar scan. Without vectors it returns i.
func linePlainRun(s string, i int) int {
	if !utf8vec.Vectors() {
		return i
	}
	n := len(s)
	i = utf8vec.PlainRun(s, i, &lineASCII)
	if k := n - 34; k > 0 && n-i > 2 {
		for k > 0 && s[k]&0xC0 == 0x80 {
			k--
		}
		if k <= i {
			// s[k:i] passed already: what this run passes from k
			// follows what the first one passed.
			i = max(i, utf8vec.PlainRun(s, k, &lineASCII))
		}
	}
	return i
}

// jsonPlainRun is PlainRun for AppendJSONString: it passes the
// characters of s from i that it writes as they are.
func jsonPlainRun(s string, i int) int { return utf8vec.PlainRun(s, i, &jsonASCII) }

// isLongLine is IsLine for a long s (the lines of a whole search, checked
// at once). Most of it, in a Chinese newspaper, is what the narrower and
// cheaper kernel passes (utf8vec.CleanRun: printable ASCII, the Han
// characters and their punctuation); where it stops, the wider one
// (PlainRun, the characters Line keeps as they are) reads the next 64
// bytes, and where that stops too — at a character that the line may
// keep (é, 😀) — the scalar scan reads on to the character boundary at
// most 64 bytes further; the narrow kernel goes on from there, instead
// of the scalar scan reading the rest.
func isLongLine(s string) bool {
	for i := 0; i < len(s); {
		if j := utf8vec.CleanRun(s, i); j > i {
			i = j
			continue
		}
		// The wider kernel over the 64 bytes from i: as it reads them in
		// s (it stops 34 bytes before the end of what it is given).
		if j := utf8vec.PlainRun(s[:min(len(s), i+66)], i, &lineASCII); j > i {
			i = j
			continue
		}
		end := min(len(s), i+64)
		for end < len(s) && end > i+1 && s[end]&0xC0 == 0x80 {
			end-- // cut at a character's first byte (in valid text)
		}
		if scan(s[:end], i, line, true) != end {
			return false
		}
		i = end
	}
	return true
}
