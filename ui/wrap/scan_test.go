package wrap

import (
	"slices"

	"github.com/rivo/uniseg"
	"testing"
	"unicode/utf8"
)

// glyphsOf scans text, asking uniseg at every boundary when noSkip is set.
func glyphsOf(text string, noSkip bool) []glyph {
	sc := newScanner(text)
	sc.noSkip = noSkip
	var gs []glyph
	for {
		g, ok := sc.next()
		if !ok {
			return gs
		}
		gs = append(gs, g)
	}
}

// TestSkipHanMatchesUniseg checks that skipping uniseg between Han
// characters changes no break class, on every corpus paragraph and on
// mixed text built to restart uniseg in awkward places.
func TestSkipHanMatchesUniseg(t *testing.T) {
	ps := []string{
		"中文“引号”中文（括号）中文 space 中文5.8%中文1,000中文——中文……中",
		"中 ( 中) 中“ 中” 中—— ——中 中-5 中e\u0301中👍🏽中🇨🇳🇨🇳中\u200d中",
		"中。」中、中\n中\r\n中\u2028中 \t中",
	}
	seed, _ := readSeed(t)
	real, _ := readReal(t)
	ps = append(append(append(ps, seed...), real...), sampleParagraphs(t)...)
	for _, p := range ps {
		fast, slow := glyphsOf(p, false), glyphsOf(p, true)
		if len(fast) != len(slow) {
			t.Fatalf("%q: %d glyphs with skipping, %d without", p, len(fast), len(slow))
		}
		for i := range fast {
			if fast[i] != slow[i] {
				t.Fatalf("%q: glyph %d %q: %+v with skipping, %+v without", p, i, p[fast[i].start:fast[i].end], fast[i], slow[i])
			}
		}
	}
}

func TestDecodeRune(t *testing.T) {
	inputs := []string{"", "a", "中", "\xe4\xb8", "\xe0\x80\x80", "\xed\xa0\x80", "\xef\xbf\xbd", "\xe4\xb8\xadx", "é", "👍", "\xff", "\xe4\x28\xad"}
	for r := rune(0x800); r < 0x10000; r += 7 {
		inputs = append(inputs, string(r))
	}
	for _, s := range inputs {
		r1, n1 := decodeRune(s)
		r2, n2 := utf8.DecodeRuneInString(s)
		if r1 != r2 || n1 != n2 {
			t.Errorf("decodeRune(%q) = %U, %d; utf8 says %U, %d", s, r1, n1, r2, n2)
		}
	}
}

// unisegBreaks returns the offsets of s at which uniseg, reading the whole
// of s, offers or forces a line break (the starts of its line segments but
// the first).
func unisegBreaks(s string) []int {
	var out []int
	state, pos := -1, 0
	for pos < len(s) {
		seg, _, _, st := uniseg.FirstLineSegmentInString(s[pos:], state)
		pos += len(seg)
		state = st
		if pos < len(s) {
			out = append(out, pos)
		}
	}
	return out
}

// TestAnchorsMatchUniseg checks the two claims uaxBreak's skipping rests
// on, for every anchor character, in every context of up to two characters
// (one of each UAX #14 class) before it and every character after it:
// between two anchors uniseg's answer is a break before an ID character and
// none before a stop or closing mark; and uniseg's breaks after an anchor are the same
// whether it reads the text from the anchor or from the start. And that
// it always breaks before Han after the ASCII characters of
// breaksBeforeHan.
func TestAnchorsMatchUniseg(t *testing.T) {
	// a character of each UAX #14 class, and a few of each kind the
	// scanner treats apart
	var classes []string
	for _, r := range "a1.,-()%$ \u200b\u2060\u00a0\u0301\u200d“”\"'中一，。（）《》！？：；ー々/—…\u00ad🇨👍🏽א가각각\t¥℃\n\r\u0e01\ufffc:·‘’〔〕「」～ｰ\u3000２Ａ" {
		classes = append(classes, string(r))
	}
	anchors := []string{"中", "一", "㐀", "鿿"}
	for _, r := range "，。、．：；！？）》〉」』】〕〗" {
		if !isStopOrClose(r) {
			t.Fatalf("%q: not in isStopOrClose", r)
		}
		anchors = append(anchors, string(r))
	}
	// contexts: nothing, one character, and two where the first starts a
	// rule that looks back further than one character (numbers, spaces
	// after quotes and brackets, dashes, zero width space, regional
	// indicators, Hebrew letters, combining marks)
	contexts := append([]string{""}, classes...)
	if !testing.Short() {
		for _, a := range "1.,:/ “(—\u200b🇨א\u0301\u200d" {
			for _, b := range classes {
				contexts = append(contexts, string(a)+b)
			}
		}
	}
	has := func(bs []int, p int) bool { return slices.Contains(bs, p) }
	var befores []rune
	for r := rune(0); r <= 0xffff; r++ {
		if breaksBeforeHan(r) {
			befores = append(befores, r)
		}
	}
	for _, c := range befores {
		for _, x := range contexts {
			// (uniseg decides the break before 中 looking no further)
			for _, y := range []string{"", "1", "\u0301", "中"} {
				if text := x + string(c) + "中" + y; !has(unisegBreaks(text), len(x)+len(string(c))) {
					t.Fatalf("%q: uniseg offers no break between %q and 中", text, rune(c))
				}
			}
		}
	}
	for _, a := range anchors {
		isCL := a != "中" && a != "一" && a != "㐀" && a != "鿿"
		fromAnchor := make([][]int, len(classes))
		for i, y := range classes {
			fromAnchor[i] = unisegBreaks(a + y)
		}
		for _, x := range contexts {
			if isCL {
				// a CL character is an anchor after an anchor only
				x += "中"
			}
			for i, y := range classes {
				text := x + a + y
				whole := unisegBreaks(text)
				from := fromAnchor[i]
				for _, p := range from {
					if !has(whole, len(x)+p) {
						t.Fatalf("%q: uniseg breaks at %d from %q, not reading the whole text", text, len(x)+p, a)
					}
				}
				for _, p := range whole {
					if p > len(x)+len(a) && !has(from, p-len(x)) {
						t.Fatalf("%q: uniseg breaks at %d reading the whole text, not from %q", text, p, a)
					}
				}
				if len(y) == 1 && isAlnum(rune(y[0])) && !has(whole, len(x)+len(a)) {
					t.Fatalf("%q: uniseg offers no break between %q and %q", text, a, y)
				}
				if _, _, ok := fastWidth([]rune(y)[0]); !ok || len(y) != 3 {
					continue
				}
				n, r, _, _ := firstGlyph(y)
				if n != len(y) {
					continue
				}
				b := anchorNone
				switch {
				case r >= 0x4e00 && r <= 0x9fff || r >= 0x3400 && r <= 0x4dbf:
					b = anchorID
				case isStopOrClose(r):
					b = anchorClose
				}
				if b != anchorNone && has(whole, len(x)+len(a)) != (b == anchorID) {
					t.Fatalf("%q: uniseg break between %q and %q is %v", text, a, y, has(whole, len(x)+len(a)))
				}
			}
		}
	}
}

// TestHanAt holds hanAt to the code points it claims, for every rune and
// for broken sequences.
func TestHanAt(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		s := string(r)
		if got, want := hanAt(s+"x"), r >= 0x4e00 && r <= 0x9fff; got != want {
			t.Fatalf("hanAt(%q) = %v", s, got)
		}
	}
	for _, s := range []string{"\xe4\xb8", "\xe5\x28\xad", "\xe5\xad", "\xe9\xbf\x28", "\xe4\xb7\xbf"} {
		if hanAt(s) {
			t.Errorf("hanAt(%q) = true", s)
		}
	}
}

// glyphsByRuns scans text as AppendLines does, with the runs of Han
// characters hanRun passes spelled out as the glyphs next would return.
func glyphsByRuns(text string) []glyph {
	sc := newScanner(text)
	var gs []glyph
	for {
		g, ok := sc.next()
		if !ok {
			return gs
		}
		gs = append(gs, g)
		s, n := sc.hanRun()
		for k := range n {
			gs = append(gs, glyph{start: s + 3*k, end: s + 3*k + 3, width: 2, flags: breakGood})
		}
	}
}

// TestHanRunMatchesNext checks that the runs of Han characters hanRun
// passes at once are the glyphs next returns one by one, and that the
// layout of a run (layout.pushHan) is that of its glyphs, on every corpus
// paragraph, text built around the runs' edges and every width from 1 to
// 30 and 80.
func TestHanRunMatchesNext(t *testing.T) {
	ps := []string{
		"中文中文中文中文中文中文中文中文中文中文中文中文，中文中文中文",
		"“中文中文”中文中文（中文）中文中文—中文——中文……中文",
		"中文e\u0301中文中文\u0301中文中\u200d中文中👍🏽中中🇨🇳中",
		"中中中 中中中\u3000中中中\n中中中\r\n中中中5中中G中中",
		"、中中中。中中中㐀㐁中中中龥一丁\xe4\xb8\xe4\xb8\x80中\xff中中",
		"中",
		"中中",
		"a中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中",
	}
	seed, _ := readSeed(t)
	real, _ := readReal(t)
	ps = append(append(append(ps, seed...), real...), sampleParagraphs(t)...)
	widths := []int{80}
	for w := 1; w <= 30; w++ {
		widths = append(widths, w)
	}
	for _, p := range ps {
		if got, want := glyphsByRuns(p), glyphsOf(p, false); !slices.Equal(got, want) {
			t.Fatalf("%q: glyphs with runs\n%v\none by one\n%v", p, got, want)
		}
		para := NewParagraph(p) // lays out one glyph at a time
		for _, w := range widths {
			for flags := range 4 {
				opt := Options{Width: w, Indent: (w * flags) % 5, AmbiguousWide: flags&1 != 0, Hang: flags&2 != 0}
				if got, want := Lines(p, opt), para.Lines(opt); !slices.Equal(got, want) {
					t.Fatalf("%q %+v: lines with runs\n%v\none glyph at a time\n%v", p, opt, got, want)
				}
			}
		}
	}
}

// TestStopProps checks nextStop's shortcut: every mark isStopOrClose
// knows (and only those) is found by stopOrCloseAt, with the properties
// runeProps gives it.
func TestStopProps(t *testing.T) {
	for r := rune(0x800); r <= 0xffff; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		got, ok := stopOrCloseAt(string(r))
		if ok != isStopOrClose(r) || ok && got != r {
			t.Fatalf("stopOrCloseAt(%q) = %q, %v", r, got, ok)
		}
		if ok && runeProps(r, 2) != stopProps {
			t.Errorf("%q: runeProps %b, stopProps %b", r, runeProps(r, 2), stopProps)
		}
	}
}

// TestGlyphsAreGraphemes checks that the scanner's glyphs are uniseg's
// grapheme clusters where its shortcuts decide alone that the next
// character joins none (joinsNone): a character of each fast path (ASCII,
// Han in and after a run, a stop, a quote) before every character of the
// Basic Multilingual Plane and some beyond it.
func TestGlyphsAreGraphemes(t *testing.T) {
	bases := []string{"a", "5", "中", "中中中", "，", "、", "“", "—", "℃"}
	var nexts []rune
	for r := rune(1); r <= 0xffff; r++ {
		if r < 0xd800 || r > 0xdfff {
			nexts = append(nexts, r)
		}
	}
	nexts = append(nexts, 0x1f3fb, 0x1f600, 0xe0100, 0x1f1e8, 0x20000)
	for _, b := range bases {
		for _, r := range nexts {
			text := "中" + b + string(r) + "中"
			var want []int
			for rest, st := text, -1; rest != ""; {
				_, rest, _, st = uniseg.FirstGraphemeClusterInString(rest, st)
				want = append(want, len(text)-len(rest))
			}
			gs := glyphsByRuns(text)
			got := make([]int, len(gs))
			for i, g := range gs {
				got[i] = g.end
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%q: glyphs end at %v, grapheme clusters at %v", text, got, want)
			}
		}
	}
}
