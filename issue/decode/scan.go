package decode

import (
	"encoding/binary"
	"unicode/utf8"

	"dubao/issue/textsafe"
)

// scanUTF8 reports in one pass whether data is valid UTF-8 and, if it is,
// the index of the first byte textsafe.Bytes changes (textsafe.FirstChange's
// answer, len(data) when there is none): the two passes over every byte
// of an issue that most of its reading cost, made one.
//
// Most of the text goes through a small automaton eight bytes at a time
// (fastScan), whatever its mix of ASCII and Chinese; where the automaton
// stops (a character it does not know to be valid and unchanged, or the
// last bytes), the characters are looked at one at a time (scanChar), and
// the automaton takes over again.
func scanUTF8(data []byte) (valid bool, clean int) {
	valid, clean = scanFrom(data, 0, true)
	if clean < len(data) {
		// The character there is valid: whether the rest is (a file of
		// CRLF lines is validated past its first line as fast).
		valid, _ = scanFrom(data, clean, false)
	}
	return valid, clean
}

// scanFrom scans data from i, a character boundary, as scanUTF8 does,
// and with stopAtChange stops at the first character textsafe.Bytes
// changes (clean is its index; len(data) when there is none). Without, it
// only validates.
func scanFrom(data []byte, i int, stopAtChange bool) (valid bool, clean int) {
	n := len(data)
	dfa := &scanDFA
	if !stopAtChange {
		dfa = &validDFA
	}
	for {
		i = fastScan(data, i, dfa)
		if i >= n {
			return true, n
		}
		// At least slowSpan bytes one character at a time: the automaton
		// stopped on a character it passes to this loop.
		for stop := min(i+slowSpan, n); i < stop; {
			size, st := scanChar(data, i)
			switch {
			case st == charInvalid:
				return false, n
			case st == charChanged && stopAtChange:
				return true, i
			}
			i += size
		}
	}
}

// slowSpan is how many bytes scanUTF8 reads a character at a time where
// the automaton stopped, before it tries the automaton again.
const slowSpan = 16

// What scanChar finds.
const (
	charPlain   = iota // a valid character that textsafe.Bytes keeps
	charChanged        // a valid character that textsafe.Bytes changes
	charInvalid        // not valid UTF-8
)

// scanChar looks at the character at data[i]: its size and whether it is
// valid and kept (see textsafe.Changes).
func scanChar(data []byte, i int) (size, st int) {
	c := data[i]
	if c < utf8.RuneSelf {
		if c < 0x20 && c != '\n' || c == 0x7F {
			return 1, charChanged
		}
		return 1, charPlain
	}
	r, size := utf8.DecodeRune(data[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return 1, charInvalid
	case textsafe.Changes(data[i : i+size]):
		return size, charChanged
	}
	return size, charPlain
}

// fastScan runs the automaton dfa (scanDFA, or validDFA) over data from
// i, a character boundary, and returns the character boundary where it
// stopped: every character before it is valid UTF-8 that the automaton
// passes (with scanDFA, that textsafe.Bytes keeps). It stops in the eight
// bytes where the automaton meets a character it does not pass, or before
// the last seven bytes of data.
//
// Where the processor has vectors (textsafe.PlainRun), they pass most of
// the text 32 bytes at a time, and the automaton reads only the blocks
// they do not pass, a few words at a time before the vectors try again.
func fastScan(data []byte, i int, dfa *[256]uint64) int {
	for {
		i = textsafe.PlainRun(data, i)
		j, done := runDFA(data, i, dfa, i+vectorRetry)
		if done || !textsafe.Vectors() {
			return j
		}
		i = j
	}
}

// vectorRetry is how many bytes runDFA reads in fastScan, where the
// vectors stopped, before they try again.
const vectorRetry = 32

// runDFA is fastScan without vectors: the automaton from i up to the
// first word at or after bound (with vectors) or to the end. done
// reports that it stopped on a character it does not pass or before the
// last seven bytes, not at bound.
func runDFA(data []byte, i int, dfa *[256]uint64, bound int) (j int, done bool) {
	n := len(data)
	if !textsafe.Vectors() {
		bound = n
	}
	s := uint64(sAccept)
	for i+8 <= n {
		if i >= bound {
			break
		}
		if s == sAccept {
			// Between characters, the two commonest cases take a
			// shorter way: two Chinese characters, or eight bytes of
			// ASCII (markup, Latin text).
			for i+8 <= n && plainHan2(binary.LittleEndian.Uint64(data[i:])) {
				i += 6
			}
			if i+8 > n {
				break
			}
			if w := binary.LittleEndian.Uint64(data[i:]); w&0x8080808080808080 == 0 && plainASCII(w) {
				i += 8
				continue
			}
		}
		w := binary.LittleEndian.Uint64(data[i:])
		t := dfa[byte(w)] >> (s & 63)
		t = dfa[byte(w>>8)] >> (t & 63)
		t = dfa[byte(w>>16)] >> (t & 63)
		t = dfa[byte(w>>24)] >> (t & 63)
		t = dfa[byte(w>>32)] >> (t & 63)
		t = dfa[byte(w>>40)] >> (t & 63)
		t = dfa[byte(w>>48)] >> (t & 63)
		t = dfa[byte(w>>56)] >> (t & 63)
		if t&63 == sStop {
			done = true
			break
		}
		s = t & 63
		i += 8
	}
	if i+8 > n {
		done = true
	}
	// In the middle of a character: back to its first byte (the
	// automaton read its first bytes before i, so it is there).
	if s != sAccept {
		for i--; data[i]&0xC0 == 0x80; i-- {
		}
	}
	return i, done
}

// plainHan2 reports whether the first six bytes of w are two
// three-byte characters that textsafe.Bytes keeps and that any two
// continuation bytes make valid (see plainLead).
func plainHan2(w uint64) bool {
	return w&0x0000_C0C0_00C0_C000 == 0x0000_8080_0080_8000 && plainLead[byte(w)] && plainLead[byte(w>>24)] &&
		// U+FEFF, EF BB BF, is the one EF character Bytes changes.
		w&0xFFFF != 0xBBEF && w>>24&0xFFFF != 0xBBEF
}

// plainLead marks the lead bytes of three-byte characters that any two
// continuation bytes make valid, and that textsafe.Changes never
// concerns: E1 and E3–EC (U+1000–U+1FFF, U+3000–U+CFFF: CJK punctuation,
// kana, the Han characters, Hangul), and EF (U+F000–U+FFFF: the
// full-width forms ，：（）) but for U+FEFF, which plainHan2 checks
// itself. E0 and ED limit their second byte; E2 and EE start characters
// Bytes changes.
var plainLead = func() (t [256]bool) {
	t[0xE1] = true
	for c := 0xE3; c <= 0xEC; c++ {
		t[c] = true
	}
	t[0xEF] = true // but for EF BB: see plainHan2
	return t
}()

// plainASCII reports whether the eight bytes of w are ASCII that
// textsafe.Bytes keeps: none at or above 0x80, none below 0x20 but '\n',
// no DEL. Each test is exact byte by byte (no carry crosses a byte).
func plainASCII(w uint64) bool {
	const hi, lo7 = 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	if w&hi != 0 {
		return false
	}
	ge20 := (w + 0x6060606060606060) & hi // b + 0x60 ≥ 0x80: b ≥ 0x20
	// The bytes of x that are zero have their high bit set in
	// ^((x&lo7)+lo7 | x) & hi: nl, the newlines, and del.
	x := w ^ 0x0A0A0A0A0A0A0A0A
	nl := ^((x&lo7 + lo7) | x) & hi
	x = w ^ lo7
	del := ^((x&lo7 + lo7) | x) & hi
	return (ge20|nl) == hi && del == 0
}

// The states of the automaton (scanDFA), each the shift that selects its
// row in an entry of the table: six bits a state, ten states.
const (
	sAccept = 0  // between characters
	sStop   = 6  // a character the automaton does not pass (absorbing)
	sTail1  = 12 // one continuation byte to come
	sTail2  = 18 // two continuation bytes to come
	sE0     = 24 // after E0: A0–BF, then one more
	sED     = 30 // after ED: 80–9F (no surrogates), then one more
	sE2     = 36 // after E2: U+2000–U+2FFF
	sE280   = 42 // after E2 80: U+2000–U+203F
	sEF     = 48 // after EF: U+F000–U+FFFF
	sC2     = 54 // after C2: U+0080–U+00BF
)

// scanDFA is the automaton of fastScan: scanDFA[b] >> s & 63 is the state
// after byte b in state s. It passes valid UTF-8 of one to three bytes
// that textsafe.Bytes keeps, and stops (sStop) on anything else, exactly
// or more: on what is not valid, on the characters textsafe.Changes
// concerns (controls but '\n', DEL, U+0080–U+009F, U+200E, U+200F,
// U+2028–U+202E, U+FEFF) and also, to stay within ten states, on
// U+0600–U+063F (D8), U+2040–U+207F (E2 81), U+E000–U+EFFF (EE), U+FEC0–
// U+FEFF (EF BB) and four-byte characters, which scanChar then reads. A
// character it stops on is read by scanChar, which is exact.
var scanDFA = newDFA([]dfaEdge{
	{sAccept, 0x20, 0x7E, sAccept},
	{sAccept, '\n', '\n', sAccept},
	{sAccept, 0xC2, 0xC2, sC2},
	{sAccept, 0xC3, 0xD7, sTail1},
	{sAccept, 0xD9, 0xDF, sTail1},
	{sAccept, 0xE0, 0xE0, sE0},
	{sAccept, 0xE1, 0xE1, sTail2},
	{sAccept, 0xE2, 0xE2, sE2},
	{sAccept, 0xE3, 0xEC, sTail2},
	{sAccept, 0xED, 0xED, sED},
	{sAccept, 0xEF, 0xEF, sEF},
	{sTail1, 0x80, 0xBF, sAccept},
	{sTail2, 0x80, 0xBF, sTail1},
	{sE0, 0xA0, 0xBF, sTail1},
	{sED, 0x80, 0x9F, sTail1},
	{sE2, 0x80, 0x80, sE280},
	{sE2, 0x82, 0xBF, sTail1},
	{sE280, 0x80, 0x8D, sAccept},
	{sE280, 0x90, 0xA7, sAccept},
	{sE280, 0xAF, 0xBF, sAccept},
	{sEF, 0x80, 0xBA, sTail1},
	{sEF, 0xBC, 0xBF, sTail1},
	{sC2, 0xA0, 0xBF, sAccept},
})

// validDFA is scanDFA for validation alone (scanFrom without
// stopAtChange): it passes what textsafe.Bytes changes — controls, CR,
// U+0080–U+009F, U+2028, U+FEFF … — and stops only on what is not valid
// UTF-8 and on four-byte characters (sStop, read by scanChar). It uses
// fewer of the states: sC2, sE2, sE280 and sEF are not reached.
var validDFA = newDFA([]dfaEdge{
	{sAccept, 0x00, 0x7F, sAccept},
	{sAccept, 0xC2, 0xDF, sTail1},
	{sAccept, 0xE0, 0xE0, sE0},
	{sAccept, 0xE1, 0xEC, sTail2},
	{sAccept, 0xED, 0xED, sED},
	{sAccept, 0xEE, 0xEF, sTail2},
	{sTail1, 0x80, 0xBF, sAccept},
	{sTail2, 0x80, 0xBF, sTail1},
	{sE0, 0xA0, 0xBF, sTail1},
	{sED, 0x80, 0x9F, sTail1},
})

// dfaEdge is a transition of an automaton table: from state from, a byte
// lo–hi leads to state to.
type dfaEdge struct{ from, lo, hi, to int }

// newDFA builds an automaton table of the states above: every state stops
// (sStop) on every byte but where edges give a transition.
func newDFA(edges []dfaEdge) (t [256]uint64) {
	for b := range t {
		for _, s := range []int{sAccept, sStop, sTail1, sTail2, sE0, sED, sE2, sE280, sEF, sC2} {
			t[b] |= sStop << s
		}
	}
	for _, e := range edges {
		for b := e.lo; b <= e.hi; b++ {
			t[b] &^= 63 << e.from
			t[b] |= uint64(e.to) << e.from
		}
	}
	return t
}
