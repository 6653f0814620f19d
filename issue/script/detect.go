package script

import "unicode/utf8"

// Script is the script a Chinese text is written in.
type Script uint8

// The scripts Detect tells.
const (
	Unknown     Script = iota // too few Chinese characters to tell, or none
	Simplified                // 简
	Traditional               // 繁
	Mixed                     // Simplified with a fair share of Traditional text
)

// String returns the one-character mark of s for a status line: 简, 繁,
// 混, or "" for Unknown.
func (s Script) String() string {
	switch s {
	case Simplified:
		return "简"
	case Traditional:
		return "繁"
	case Mixed:
		return "混"
	}
	return ""
}

// Counts counts the characters that tell the scripts apart: Chinese
// characters, and among them those only Traditional text uses (髮, 這,
// 國: characters OpenCC converts to another Simplified form, and not to
// themselves, as 乾 may stay 乾). Traditional prose has one in four or
// five of its characters so; Simplified prose next to none. (Counting
// Simplified-only characters instead would need OpenCC's Simplified to
// Traditional table, whose phrase dictionary takes tens of milliseconds
// and megabytes to build; OpenCC's other table cannot tell 发, which is
// Simplified only, from 出 or 后, which both scripts use.)
type Counts struct {
	Han         int // characters of the CJK ideograph blocks
	Traditional int // of which Traditional-only
	// HK and TW count the forms only Hong Kong's or Taiwan's Traditional
	// text uses and t2s leaves as they are (衞, 説; 簷).
	HK, TW int
}

// enough is the number of Chinese characters after which Add stops
// counting: more would not change the answer.
const enough = 20_000

// Add counts the characters of text into c, and reports whether c has
// seen enough to tell (further Adds change nothing).
func (c *Counts) Add(text string) bool {
	if c.Han >= enough {
		return true
	}
	var t *chars
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !isHan(r) {
			continue
		}
		c.Han++
		if t == nil {
			t = charTable()
		}
		if m := t.marksOf(r); m != 0 {
			if m&tradOnly != 0 {
				c.Traditional++
			}
			if m&regionHK != 0 {
				c.HK++
			}
			if m&regionTW != 0 {
				c.TW++
			}
		}
		if c.Han >= enough {
			return true
		}
	}
	return false
}

// Script returns the script the counts tell: Traditional when at least
// one Chinese character in twelve is Traditional-only (and three are),
// Simplified when at most one in a hundred is, Mixed between the two,
// and Unknown for fewer than ten Chinese characters with fewer than three
// Traditional-only ones.
func (c Counts) Script() Script {
	switch {
	case c.Traditional >= 3 && c.Traditional*12 >= c.Han:
		return Traditional
	case c.Han < 10:
		return Unknown
	case c.Traditional*100 <= c.Han:
		return Simplified
	case c.Traditional*12 < c.Han:
		return Mixed
	}
	return Traditional
}

// ToSimplified returns the conversion that shows a Traditional text
// counted in c in Simplified: hk2s when it uses more of Hong Kong's forms
// than of Taiwan's (衞生 → 卫生, which t2s leaves as 衞生), tw2s for the
// reverse (屋簷 → 屋檐), t2s when it uses neither.
func (c Counts) ToSimplified() Conversion {
	switch {
	case c.HK > c.TW:
		return HK2S
	case c.TW > c.HK:
		return TW2S
	}
	return T2S
}

// Detect returns the script text is written in.
func Detect(text string) Script {
	var c Counts
	c.Add(text)
	return c.Script()
}

// isHan reports a character of the CJK ideograph blocks.
func isHan(r rune) bool {
	switch {
	case r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x323AF:
		return true
	}
	return false
}
