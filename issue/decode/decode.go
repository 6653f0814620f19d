// Package decode turns the raw bytes of a text file into clean UTF-8: it
// detects the character encoding (UTF-8 with or without BOM, UTF-16 and
// UTF-32 with a BOM, UTF-16 without one when it is unmistakable, GB18030/GBK
// and Big5), replaces invalid byte sequences with U+FFFD and counts them,
// refuses binary data, and strips everything that could control a terminal
// (issue/textsafe.Bytes, the one definition of that).
//
// Decoding uses golang.org/x/text; detection is a small heuristic of its own
// (byte order marks, magic numbers, and for legacy Chinese encodings a score
// built on the most frequent Chinese characters).
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"

	"dubao/issue/textsafe"
)

// The names Result.Encoding takes.
const (
	UTF8     = "UTF-8"
	UTF8BOM  = "UTF-8 BOM"
	UTF16LE  = "UTF-16LE"
	UTF16BE  = "UTF-16BE"
	UTF32LE  = "UTF-32LE"
	UTF32BE  = "UTF-32BE"
	GB18030  = "GB18030"
	GBK      = "GBK"
	Big5     = "Big5"
	unknownN = "unknown"
)

// ErrBinary reports data that is not text (an image, an archive, a program…).
var ErrBinary = errors.New("not a text file (binary data)")

// ErrEncoding reports an encoding name that is not known.
var ErrEncoding = errors.New("unknown encoding")

// Result is decoded, sanitised text.
type Result struct {
	// Text is UTF-8 with LF line endings and no control characters other
	// than '\n'.
	Text []byte
	// Encoding names the encoding the bytes were read as (UTF8, GB18030, …).
	Encoding string
	// Invalid counts the invalid byte sequences replaced by U+FFFD.
	Invalid int
	// Removed counts the control characters, escape sequences and bidi
	// controls that textsafe.Bytes took out.
	Removed int
	// Shared is true when Text is a part of the data passed to Bytes (it
	// was clean UTF-8 already) rather than a new buffer.
	Shared bool
}

// Bytes decodes data. When encoding is not empty it names the encoding to
// use (as in HTML: "utf-8", "gb18030", "gbk", "big5", "utf-16le", …) and
// detection is skipped, except for a byte order mark, which is honoured
// for the Unicode encodings. Bytes may return data's own backing array in
// Result.Text when nothing had to change; callers must not modify data
// afterwards.
func Bytes(data []byte, encodingName string) (Result, error) {
	return decodeBytes(data, encodingName, false)
}

// BytesOwned is Bytes for data that nothing else reads or keeps: valid
// UTF-8 with something to clean (CRLF lines, tabs, controls) is cleaned in
// data's own memory, which it overwrites, instead of into a copy of its
// size. Result.Text is then a part of data (Result.Shared).
func BytesOwned(data []byte, encodingName string) (Result, error) {
	return decodeBytes(data, encodingName, true)
}

// decodeBytes is Bytes, cleaning valid UTF-8 in place when inPlace.
func decodeBytes(data []byte, encodingName string, inPlace bool) (Result, error) {
	var r Result
	var text []byte
	clean := -1
	if encodingName != "" {
		enc, name, err := lookup(encodingName)
		if err != nil {
			return r, err
		}
		r.Encoding = name
		if name == UTF8 {
			// Decoded already (a shelf search's text), or said to be:
			// validation and textsafe's look in one pass, as for detected
			// UTF-8.
			text = bytes.TrimPrefix(data, bom8)
			if valid, c := scanUTF8(text); valid {
				clean = c
			} else {
				text, r.Invalid = validUTF8(text)
			}
		} else {
			text, r.Invalid = decodeWith(enc, name, data)
		}
	} else {
		var err error
		text, r.Encoding, r.Invalid, clean, err = detect(data)
		if err != nil {
			return r, err
		}
	}
	if inPlace && clean >= 0 {
		// Valid UTF-8 (scanUTF8 said so), a part of data.
		r.Text, r.Removed = textsafe.BytesInPlace(text, clean)
	} else {
		r.Text, r.Removed = textsafe.BytesFrom(text, clean)
	}
	r.Shared = within(r.Text, data)
	return r, nil
}

// within reports whether a is a part of b's memory.
func within(a, b []byte) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	pa, pb := uintptr(unsafe.Pointer(unsafe.SliceData(a))), uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return pa >= pb && pa < pb+uintptr(len(b))
}

// lookup finds a forced encoding by name.
func lookup(name string) (encoding.Encoding, string, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "utf-8", "utf8":
		return nil, UTF8, nil
	case "gb18030":
		return simplifiedchinese.GB18030, GB18030, nil
	case "gbk", "gb2312", "cp936":
		return simplifiedchinese.GBK, GBK, nil
	case "big5", "big-5", "cp950":
		return traditionalchinese.Big5, Big5, nil
	case "utf-16", "utf16", "utf-16le", "utf16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), UTF16LE, nil
	case "utf-16be", "utf16be":
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), UTF16BE, nil
	case "utf-32", "utf32", "utf-32le", "utf32le":
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), UTF32LE, nil
	case "utf-32be", "utf32be":
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), UTF32BE, nil
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil, "", fmt.Errorf("%w %q", ErrEncoding, name)
	}
	canon, err := htmlindex.Name(enc)
	if err != nil {
		canon = name
	}
	return enc, canon, nil
}

// decodeWith decodes data with enc (nil means UTF-8), dropping a byte order
// mark of that encoding, and counts the replaced invalid sequences.
func decodeWith(enc encoding.Encoding, name string, data []byte) ([]byte, int) {
	switch name {
	case UTF8:
		data = bytes.TrimPrefix(data, bom8)
		return validUTF8(data)
	case UTF16LE:
		data = bytes.TrimPrefix(data, bom16le)
	case UTF16BE:
		data = bytes.TrimPrefix(data, bom16be)
	case UTF32LE:
		data = bytes.TrimPrefix(data, bom32le)
	case UTF32BE:
		data = bytes.TrimPrefix(data, bom32be)
	}
	before := bytes.Count(data, replacementUTF8) // U+FFFD already in a UTF-8-compatible source is rare; keep the count honest
	var out []byte
	var err error
	if name == GB18030 || name == GBK {
		out, err = decodeGB(enc, data)
	} else {
		out, err = enc.NewDecoder().Bytes(data)
	}
	if err != nil {
		// x/text decoders replace rather than fail; a failure here means
		// the transformer itself gave up. Fall back to replacement.
		out, _ = validUTF8(data)
	}
	n := bytes.Count(out, replacementUTF8) - before
	if n < 0 {
		n = 0
	}
	return out, n
}

var (
	bom8            = []byte{0xEF, 0xBB, 0xBF}
	bom16le         = []byte{0xFF, 0xFE}
	bom16be         = []byte{0xFE, 0xFF}
	bom32le         = []byte{0xFF, 0xFE, 0x00, 0x00}
	bom32be         = []byte{0x00, 0x00, 0xFE, 0xFF}
	replacementUTF8 = []byte("\uFFFD")
)

// detect picks an encoding for data and decodes it. clean is where
// textsafe.BytesFrom must start looking in the text when detect found out on the
// way (valid UTF-8), else −1.
func detect(data []byte) (text []byte, name string, invalid, clean int, err error) {
	switch {
	case bytes.HasPrefix(data, bom32le):
		out, n := decodeWith(utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), UTF32LE, data)
		return out, UTF32LE, n, -1, nil
	case bytes.HasPrefix(data, bom32be):
		out, n := decodeWith(utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), UTF32BE, data)
		return out, UTF32BE, n, -1, nil
	case bytes.HasPrefix(data, bom8):
		out, n := validUTF8(data[len(bom8):])
		return out, UTF8BOM, n, -1, nil
	case bytes.HasPrefix(data, bom16le):
		out, n := decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), UTF16LE, data)
		return out, UTF16LE, n, -1, nil
	case bytes.HasPrefix(data, bom16be):
		out, n := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), UTF16BE, data)
		return out, UTF16BE, n, -1, nil
	}
	if isMagic(data) {
		return nil, "", 0, -1, ErrBinary
	}
	sample := data
	if len(sample) > sampleSize {
		sample = sample[:sampleSize]
	}
	if le, ok := utf16NoBOM(sample); ok {
		name, order := UTF16BE, unicode.BigEndian
		if le {
			name, order = UTF16LE, unicode.LittleEndian
		}
		out, n := decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), name, data)
		head := out
		if len(head) > sampleSize {
			head = head[:sampleSize]
		}
		if looksBinary(head) {
			return nil, "", 0, -1, ErrBinary
		}
		return out, name, n, -1, nil
	}
	valid, clean := scanUTF8(data)
	// Valid UTF-8 without a control character in the sample (the
	// first byte textsafe changes comes after it) has no byte that
	// looksBinary counts: the sample need not be read again.
	if (!valid || clean < len(sample)) && looksBinary(sample) {
		return nil, "", 0, -1, ErrBinary
	}
	if valid {
		return data, UTF8, 0, clean, nil
	}
	// Not valid UTF-8: UTF-8 with a few bad bytes, a legacy encoding, or
	// binary data without a signature.
	cut := len(sample) < len(data)
	u8 := readUTF8(sample, cut)
	gb := readLegacy(func(b []byte) ([]byte, error) { return decodeGB(simplifiedchinese.GB18030, b) }, sample, cut)
	b5 := readLegacy(traditionalchinese.Big5.NewDecoder().Bytes, sample, cut)
	if looksRandom(sample, u8, gb, b5) {
		return nil, "", 0, -1, ErrBinary
	}
	name = UTF8
	if !u8.damagedUTF8(gb, b5) {
		best := u8.score
		if gb.score > best {
			best, name = gb.score, GB18030
		}
		if b5.score > best {
			name = Big5
		}
	}
	var out []byte
	var n int
	switch name {
	case UTF8:
		out, n = validUTF8(data)
	case GB18030:
		out, n = decodeWith(simplifiedchinese.GB18030, GB18030, data)
	case Big5:
		out, n = decodeWith(traditionalchinese.Big5, Big5, data)
	}
	// Random bytes decode to mostly replacement characters in every
	// encoding: that is binary data, not a damaged text.
	if n > 64 && n*4 > utf8.RuneCount(out) {
		return nil, "", 0, -1, ErrBinary
	}
	return out, name, n, -1, nil
}

// gbUserDefined returns the private use character of a two-byte GB18030
// (or GBK) code in one of the user-defined areas — AAA1–AFFE to
// U+E000–U+E233, F8A1–FEFE to U+E234–U+E4C5, A140–A7A0 to U+E4C6–U+E765,
// as the standard, iconv and Windows map them —, or 0. x/text decodes
// these codes to U+FFFD.
func gbUserDefined(lead, trail byte) rune {
	switch {
	case lead >= 0xAA && lead <= 0xAF && trail >= 0xA1 && trail <= 0xFE:
		return 0xE000 + rune(lead-0xAA)*94 + rune(trail-0xA1)
	case lead >= 0xF8 && lead <= 0xFE && trail >= 0xA1 && trail <= 0xFE:
		return 0xE234 + rune(lead-0xF8)*94 + rune(trail-0xA1)
	case lead >= 0xA1 && lead <= 0xA7 && (trail >= 0x40 && trail <= 0x7E || trail >= 0x80 && trail <= 0xA0):
		t := rune(trail - 0x40)
		if trail >= 0x80 {
			t-- // 0x7F is no trail byte
		}
		return 0xE4C6 + rune(lead-0xA1)*96 + t
	}
	return 0
}

// decodeGB decodes GB18030 or GBK (enc) with x/text, and the codes of the
// user-defined areas to their private use characters (see
// gbUserDefined).
func decodeGB(enc encoding.Encoding, data []byte) ([]byte, error) {
	var out []byte
	start := 0
	for i := 0; i < len(data); {
		b := data[i]
		if b < 0x81 || b == 0xFF || i+1 >= len(data) {
			i++
			continue
		}
		next := data[i+1]
		switch {
		case next >= 0x30 && next <= 0x39:
			i += 4 // a four-byte sequence
			continue
		case next < 0x40 || next == 0x7F || next == 0xFF:
			i++ // a lead byte without its trail: invalid, read on
			continue
		}
		r := gbUserDefined(b, next)
		if r == 0 {
			i += 2
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(data)*3/2)
		}
		chunk, err := enc.NewDecoder().Bytes(data[start:i])
		if err != nil {
			return nil, err
		}
		out = append(out, chunk...)
		out = utf8.AppendRune(out, r)
		i += 2
		start = i
	}
	if out == nil {
		return enc.NewDecoder().Bytes(data)
	}
	chunk, err := enc.NewDecoder().Bytes(data[start:])
	if err != nil {
		return nil, err
	}
	return append(out, chunk...), nil
}

// looksRandom reports a sample that reads as garbage in every candidate
// encoding and holds control characters no text has: random bytes
// (compressed or encrypted data) rather than a damaged text. About one
// random byte in ten is a C0 control other than a line break, a tab or
// ESC; text has hardly any, even text full of escape sequences. A
// legacy encoding turns no byte into a C0 control (their lead and trail
// bytes are all above 0x3F), so the raw bytes can be counted for all.
func looksRandom(sample []byte, readings ...reading) bool {
	ctl := 0
	for _, c := range sample {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B {
			ctl++
		}
	}
	if ctl < 8 || ctl*32 < len(sample) {
		return false
	}
	for _, r := range readings {
		if !r.garbled() {
			return false
		}
	}
	return true
}

// reading is what a sample looks like read in one encoding.
type reading struct {
	score int // how much it reads as Chinese text (see runeScore)
	chars int // characters, invalid sequences included
	bad   int // invalid sequences
	multi int // valid multi-byte characters (UTF-8 only)
}

// garbled reports a reading of which more than one character in twenty
// is an invalid sequence.
func (r reading) garbled() bool { return r.bad*20 > r.chars }

// damagedUTF8 reports a UTF-8 reading with some valid multi-byte
// characters and at least twice as many of them as invalid sequences
// (four times as many when a legacy reading has no invalid sequence at
// all): UTF-8 text with a few bad bytes. Legacy Chinese text read as UTF-8
// makes a valid multi-byte sequence only by chance, far less often than
// an invalid one (about a third as often in GB18030 text of a few lines),
// and random bytes even less.
func (r reading) damagedUTF8(legacy ...reading) bool {
	need := 2
	for _, l := range legacy {
		if l.bad == 0 {
			need = 4
		}
	}
	return r.multi > 0 && r.multi >= need*r.bad
}

// sampleSize is how much of the input detection looks at.
const sampleSize = 64 << 10

// validUTF8 returns data with each invalid byte replaced by U+FFFD, and
// the number of replacements. Valid data is returned as is.
func validUTF8(data []byte) ([]byte, int) {
	if utf8.Valid(data) {
		return data, 0
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	n := 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, replacementUTF8...)
			n++
			i++
			continue
		}
		out = append(out, data[i:i+size]...)
		i += size
	}
	return out, n
}

// isMagic reports data that starts like a well-known binary format.
func isMagic(data []byte) bool {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m)) {
			return true
		}
	}
	return false
}

// magics are the openings of common binary formats.
var magics = [...]string{
	"\x89PNG\r\n\x1a\n", "GIF87a", "GIF89a", "\xFF\xD8\xFF", "%PDF-",
	"PK\x03\x04", "PK\x05\x06", "\x1F\x8B", "\x7FELF", "BZh", "7z\xBC\xAF\x27\x1C",
	"Rar!\x1A\x07", "\xFD7zXZ\x00", "\x28\xB5\x2F\xFD", "SQLite format 3\x00",
	"\x00asm", "\xCA\xFE\xBA\xBE", "\xCF\xFA\xED\xFE", "\xCE\xFA\xED\xFE",
	"MZ\x90\x00", "RIFF", "OggS", "fLaC", "ID3", "\x00\x00\x01\x00", "II*\x00", "MM\x00*",
	"wOFF", "wOF2", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
}

// looksBinary reports a sample with many NUL bytes or control characters.
func looksBinary(sample []byte) bool {
	if len(sample) == 0 {
		return false
	}
	nul, ctl := 0, 0
	for _, c := range sample {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B:
			ctl++
		}
	}
	return nul >= 4 && nul*50 > len(sample) || (nul+ctl)*10 > len(sample)
}

// utf16NoBOM recognises UTF-16 text without a byte order mark: either
// Latin text (every other byte zero) or Chinese text (nearly every code
// unit a CJK character, CJK punctuation, or ASCII, with line breaks).
func utf16NoBOM(sample []byte) (littleEndian, ok bool) {
	if len(sample) < 16 || len(sample)%2 == 1 && len(sample) < sampleSize {
		return false, false
	}
	// Both kinds need a NUL byte: Latin text in every other byte, Chinese
	// text in its line breaks. Most text has none, and is done with here.
	if bytes.IndexByte(sample, 0) < 0 {
		return false, false
	}
	units := len(sample) / 2
	var zeroEven, zeroOdd, goodLE, goodBE, nlLE, nlBE int
	for i := 0; i+1 < len(sample); i += 2 {
		a, b := sample[i], sample[i+1]
		if a == 0 {
			zeroEven++
		}
		if b == 0 {
			zeroOdd++
		}
		le := rune(a) | rune(b)<<8
		be := rune(b) | rune(a)<<8
		if plausibleUnit(le) {
			goodLE++
		}
		if plausibleUnit(be) {
			goodBE++
		}
		if le == '\n' {
			nlLE++
		}
		if be == '\n' {
			nlBE++
		}
	}
	if zeroOdd*10 > units*3 && zeroEven*20 < units {
		return true, true
	}
	if zeroEven*10 > units*3 && zeroOdd*20 < units {
		return false, true
	}
	if utf8.Valid(sample) {
		return false, false
	}
	if goodLE*100 >= units*97 && nlLE > 0 && goodLE > goodBE {
		return true, true
	}
	if goodBE*100 >= units*97 && nlBE > 0 && goodBE > goodLE {
		return false, true
	}
	return false, false
}

// plausibleUnit reports a UTF-16 code unit that Chinese text is made of.
func plausibleUnit(r rune) bool {
	switch {
	case r == '\n' || r == '\r' || r == '\t':
		return true
	case r >= 0x20 && r < 0x7F:
		return true
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK punctuation
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // full-width forms
		return true
	case r >= 0x2010 && r <= 0x2027: // dashes, quotes, ellipsis
		return true
	case r == 0x00B7 || r == 0x00A0:
		return true
	}
	return false
}

// readUTF8 reads the sample as UTF-8. An invalid sequence is counted
// once, however many bytes it spans (a lead byte and the continuation
// bytes that fit it: a character cut short is one bad sequence). cut says
// that the sample is the start of longer data: a character split by its
// end is not counted.
func readUTF8(sample []byte, cut bool) reading {
	for i := 0; cut && i < 3 && len(sample) > 0; i++ {
		if r, _ := utf8.DecodeLastRune(sample); r != utf8.RuneError {
			break
		}
		sample = sample[:len(sample)-1]
	}
	var rd reading
	for i := 0; i < len(sample); {
		c := sample[i]
		rd.chars++
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 {
			rd.score -= 8
			rd.bad++
			i += badLen(sample[i:])
			continue
		}
		rd.multi++
		rd.score += runeScore(r)
		i += size
	}
	return rd
}

// badLen returns the length of the invalid UTF-8 sequence at the start of
// b: a lead byte and the continuation bytes that follow it, up to one
// fewer than the lead byte announces; 1 for any other byte.
func badLen(b []byte) int {
	need := 0
	switch c := b[0]; {
	case c >= 0xC2 && c <= 0xDF:
		need = 2
	case c >= 0xE0 && c <= 0xEF:
		need = 3
	case c >= 0xF0 && c <= 0xF4:
		need = 4
	}
	n := 1
	for n < need-1 && n < len(b) && b[n] >= 0x80 && b[n] <= 0xBF {
		n++
	}
	return n
}

// readLegacy reads the sample decoded with decode. cut says that the
// sample is the start of longer data: a character split by its end is not
// counted.
func readLegacy(decode func([]byte) ([]byte, error), sample []byte, cut bool) reading {
	out, err := decode(sample)
	if err != nil {
		return reading{score: -1 << 30, chars: 1, bad: 1}
	}
	if cut {
		out = bytes.TrimSuffix(out, replacementUTF8)
	}
	var rd reading
	for _, r := range string(out) {
		rd.chars++
		if r < utf8.RuneSelf {
			continue
		}
		if r == utf8.RuneError {
			rd.score -= 8
			rd.bad++
			continue
		}
		rd.score += runeScore(r)
	}
	return rd
}

// runeScore rates how likely r is in Chinese text.
func runeScore(r rune) int {
	switch {
	case isCommon(r):
		return 3
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF,
		r >= 0x2010 && r <= 0x2027:
		return 1
	case r >= 0xE000 && r <= 0xF8FF:
		// Private use: user-defined characters (GB18030's paragraph mark
		// U+E40C among them) count neither for nor against an encoding.
		return 0
	case r >= 0x80 && r < 0xA0:
		return -4
	}
	return 0
}

// Verbatim reports whether Bytes, with no encoding named, would return
// data itself: clean UTF-8 (nothing for textsafe to change) without a
// byte order mark, a binary signature or the look of UTF-16. It holds for
// an input read in parts cut after a '\n' when it holds for every part,
// first telling the part that starts the input (at least 64 KB of it, or
// all of it, as detection's sample).
func Verbatim(data []byte, first bool) bool {
	if first && !plainStart(data) {
		return false
	}
	valid, clean := scanUTF8(data)
	return valid && clean == len(data)
}

// plainStart reports whether detection, given data's start, would take it
// for UTF-8 without a byte order mark: no byte order mark, no binary
// signature, no look of UTF-16.
func plainStart(data []byte) bool {
	if bytes.HasPrefix(data, bom8) || bytes.HasPrefix(data, bom16le) || bytes.HasPrefix(data, bom16be) ||
		bytes.HasPrefix(data, bom32le) || bytes.HasPrefix(data, bom32be) || isMagic(data) {
		return false
	}
	_, utf16 := utf16NoBOM(data[:min(len(data), sampleSize)])
	return !utf16
}

// VerbatimCRLF is Verbatim for text whose lines may end in CRLF: it
// reports whether Bytes, with no encoding named, would return data with
// only each carriage return before a line feed taken out (CRLF lines made
// LF lines), and counts them. A carriage return not before a line feed,
// which Bytes makes a line break of its own, fails it, as does a
// carriage return at the end of data (its line feed may follow in the
// next part: data must be cut after a '\n').
func VerbatimCRLF(data []byte, first bool) (ok bool, crs int) {
	if first && !plainStart(data) {
		return false, 0
	}
	for i := 0; ; {
		valid, clean := scanFrom(data, i, true)
		switch {
		case !valid:
			return false, 0
		case clean == len(data):
			return true, crs
		case data[clean] != '\r' || clean+1 == len(data) || data[clean+1] != '\n':
			return false, 0
		}
		crs++
		i = clean + 2
	}
}
