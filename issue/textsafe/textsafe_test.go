package textsafe

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBytes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"crlf", "a\r\nb\rc\n", "a\nb\nc\n"},
		{"tab", "a\tb", "a b"},
		{"csi color", "红\x1b[31m色\x1b[0m字", "红色字"},
		{"csi private", "a\x1b[?1049hb", "ab"},
		{"osc title bel", "a\x1b]0;owned\x07b", "ab"},
		{"osc 52 st", "a\x1b]52;c;ZXZpbA==\x1b\\b", "ab"},
		{"osc unterminated keeps next line", "a\x1b]0;title\nnext", "a\nnext"},
		{"osc with 东 (ends in 0x9c)", "a\x1b]0;东方\x07b", "ab"},
		{"osc cut by another sequence", "a\x1b]0;x\x1b[31mb", "ab"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"charset", "a\x1b(Bb", "ab"},
		{"two byte", "a\x1bcb\x1b7c", "abc"},
		{"esc at end", "ab\x1b", "ab"},
		{"esc before a character", "a\x1b中", "a中"},
		// ESC, intermediates, X: x/ansi read a control string (SOS)
		// after the intermediates, across lines, and ended it at the
		// 0x9C inside 虜 (FuzzParse 9610ccf171732080): an ESC sequence
		// ends at its final byte.
		{"esc intermediates then X", "K\x1b\"\"\"\"X#啵虜+\nnext", "K#啵虜+\nnext"},
		{"esc intermediate X, next line", "a\x1b\"Xb\nc", "ab\nc"},
		{"esc intermediate before a character", "a\x1b\"中", "a中"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"c1 osc", "a\u009d0;x\u009cb", "ab"},
		{"c1 other", "a\u0085b\u0080c\u0090d\u009ce", "a\nbce"},
		{"bel bs nul del", "a\x07b\x08c\x00d\x7fe", "abcde"},
		{"c0", "a\x01\x02\x1fb", "ab"},
		{"vt ff", "a\vb\fc", "a\nb\nc"},
		{"bidi", "a\u202eb\u202ac\u2066d\u2069e\u200ff\u200eg\u061ch", "abcdefgh"},
		{"bom inside", "a\ufeffb", "ab"},
		{"separators", "a\u2028b\u2029c", "a\nb\nc"},
		{"paragraph mark", "第一段。\ue40c第二段。", "第一段。\n第二段。"},
		{"clean", "青溪日报 QINGXI 5.8%", "青溪日报 QINGXI 5.8%"},
		{"quotes and dashes", "“东方”——记者…", "“东方”——记者…"},
		{"nbsp kept", "电\u00a0\u00a0(记者)", "电\u00a0\u00a0(记者)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := Bytes([]byte(tt.in))
			if string(got) != tt.want {
				t.Errorf("Bytes(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if s := String(tt.in); s != tt.want {
				t.Errorf("String(%q) = %q, want %q", tt.in, s, tt.want)
			}
			if again, n := Bytes(got); string(again) != string(got) || n != 0 {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestBytesCleanIsShared(t *testing.T) {
	in := []byte("没有控制字符的文字“东方”\n")
	out, n := Bytes(in)
	if n != 0 || &out[0] != &in[0] {
		t.Error("clean text was copied")
	}
}

// TestModes: what each operation does with the same hostile text.
func TestModes(t *testing.T) {
	const in = "a\tb\nc\r\u2028d\x1b[1;31me\x1b[0m\x1b]8;;http://x\x1b\\f\x1b]8;;\x1b\\\x1b]0;t\x07g\u200eh\ufeffi\xffj"
	for _, tc := range []struct {
		name string
		f    func(string) string
		want string
	}{
		{"String", String, "a b\nc\n\ndefghi\ufffdj"},
		{"Text", Text, "a\tb\nc\u2028defghi\ufffdj"},
		{"Line", Line, "abc\u2028defghi\ufffdj"},
		{"Styled", Styled, "a\tb\nc\u2028d\x1b[1;31me\x1b[0m\x1b]8;;http://x\x1b\\f\x1b]8;;\x1b\\ghi\ufffdj"},
	} {
		if got := tc.f(in); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.name, in, got, tc.want)
		}
	}
}

// TestLine is what the screen draws of a name or a message.
func TestLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain 中文", "plain 中文"},
		{"a\x1b[31mb", "ab"},
		{"t\x1b]0;x\x07y", "ty"},
		{"c1\u009b31m", "c1"},
		{"bad\x9bbyte", "bad\ufffdbyte"},
		{"bidi\u202eevil\u2066x\u2069", "bidievilx"},
		{"marks\u200e\u200f\u061c", "marks"},
		{"nul\x00del\x7fbs\x08tab\t", "nuldelbstab"},
		{"zw\u200bj\u0301", "zw\u200bj\u0301"},
	} {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestChangesIsUnsafe holds the byte-level Changes to Unsafe, for every
// character.
func TestChangesIsUnsafe(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		want := Unsafe(r) && r != '\n' || r == 0x2028 || r == 0x2029 || r == ParagraphMark
		if got := Changes(buf[:n]); got != want {
			t.Fatalf("Changes(%U) = %v, Unsafe says %v", r, got, want)
		}
		if want && !suspect[buf[0]] {
			t.Fatalf("%U: its lead byte %#x is not suspect", r, buf[0])
		}
	}
}

func TestChanges(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"a", false}, {"\n", false}, {"\t", true}, {"\r", true}, {"\x7f", true},
		{"中", false}, {"“", false}, {"”", false}, {"\u2028", true}, {"\u202e", true},
		{"\u0085", true}, {"\u00a0", false}, {"\ufeff", true}, {"\uff01", false}, {"\u061c", true}, {"ة", false},
	} {
		if got := Changes([]byte(tc.in)); got != tc.want {
			t.Errorf("Changes(%q) = %v, want %v", tc.in, got, tc.want)
		}
		_, n := Bytes([]byte(tc.in))
		out, _ := Bytes([]byte(tc.in))
		if changed := n > 0 || string(out) != tc.in; changed != tc.want {
			t.Errorf("Bytes(%q) changes it: %v, Changes says %v", tc.in, changed, tc.want)
		}
	}
}

// FuzzText checks every operation on any input: the result is valid
// UTF-8 (Text, Line, Styled), holds no Unsafe character but those the
// operation lets pass and no escape sequence but Styled's, and a second
// pass changes nothing; IsLine holds only where Line and Text keep the
// input, and for what Line gives (but the line breaks it keeps); JSON
// text escaped by JSON decodes to the same string.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"青溪日报\n第二行 \n",
		"\x1b[1;31m题\x1b[0m\x1b]0;evil\x07\x1b]52;c;eA==\x1b\\",
		"\x1b]8;;http://x\x1b\\链\x1b]8;;\x1b\\",
		"a\u009b31mb\u202ec\u2066d\x00e\x7f\xff\xe4\xb8",
		"\x1b[", "\x1b]", "\x1bP", "\x1b", " \n \n", "\x1b]0;东\x07", "\r\n\u2028\t",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, op := range map[string]struct {
			f        func(string) string
			nl, tab  bool
			keepSeqs bool
		}{
			"String": {String, true, false, false},
			"Text":   {Text, true, true, false},
			"Line":   {Line, false, false, false},
			"Styled": {Styled, true, true, true},
		} {
			out := op.f(s)
			if !utf8.ValidString(out) {
				t.Fatalf("%s: not UTF-8: %q", name, out)
			}
			for i := 0; i < len(out); {
				if out[i] == 0x1b {
					n := sequence([]byte(out[i:]))
					if !op.keepSeqs || !keep([]byte(out[i:i+n])) {
						t.Fatalf("%s keeps sequence %q: %q", name, out[i:i+n], out)
					}
					i += n
					continue
				}
				r, size := utf8.DecodeRuneInString(out[i:])
				if Unsafe(r) && !(r == '\n' && op.nl) && !(r == '\t' && op.tab) {
					t.Fatalf("%s holds %U: %q", name, r, out)
				}
				i += size
			}
			if again := op.f(out); again != out {
				t.Fatalf("%s is not idempotent: %q → %q", name, out, again)
			}
		}
		if IsLine(s) != (scan(s, 0, line, true) == len(s)) {
			t.Fatalf("IsLine(%q) = %v, the scalar scan's opposite", s, IsLine(s))
		}
		if IsLine(s) && (Line(s) != s || Text(s) != s || strings.ContainsAny(s, "\n\t\r")) {
			t.Fatalf("IsLine(%q), yet Line gives %q, Text %q", s, Line(s), Text(s))
		}
		if l := Line(s); !IsLine(l) && !strings.ContainsAny(l, "\u2028\u2029\ue40c") {
			t.Fatalf("not IsLine(%q), what Line gives", l)
		}
		b, n := Bytes([]byte(s))
		if string(b) != String(s) && utf8.ValidString(s) {
			t.Fatalf("Bytes and String differ: %q, %q", b, String(s))
		}
		if utf8.ValidString(s) {
			in, m := BytesInPlace([]byte(s), -1)
			if string(in) != string(b) || m != n {
				t.Fatalf("BytesInPlace %q (%d), Bytes %q (%d)", in, m, b, n)
			}
		}
		raw, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back, want string
		_ = json.Unmarshal(raw, &want)
		if err := json.Unmarshal(JSON(raw), &back); err != nil || back != want {
			t.Fatalf("JSON changed the string: %q → %q (%v)", want, back, err)
		}
		if strings.ContainsRune(string(JSON(raw)), 0x202e) {
			t.Fatalf("JSON leaves U+202E raw")
		}
	})
}

// BenchmarkBytes cleans a megabyte of Chinese text with CRLF line endings
// (the whole of it is copied) and one without (it is returned as it is).
func BenchmarkBytes(b *testing.B) {
	line := strings.Repeat("清晨的河岸边，“早起的人们”沿着新修的步道慢跑——白鹭从芦苇丛里飞起。", 4)
	crlf := []byte(strings.Repeat(line+"\r\n", 1<<20/len(line)))
	lf := []byte(strings.Repeat(line+"\n", 1<<20/len(line)))
	for _, tc := range []struct {
		name string
		text []byte
	}{{"crlf", crlf}, {"lf", lf}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			for b.Loop() {
				Bytes(tc.text)
			}
		})
	}
}

// randomText joins 1 to n pieces drawn by r: each one of the first
// plain pieces (plain text), or, one time in plain, one of the others
// (what the code under test looks for).
func randomText(r *rand.Rand, pieces []string, plain, n int) string {
	var sb strings.Builder
	for range 1 + r.IntN(n) {
		if r.IntN(plain) == 0 {
			sb.WriteString(pieces[plain+r.IntN(len(pieces)-plain)])
		} else {
			sb.WriteString(pieces[r.IntN(plain)])
		}
	}
	return sb.String()
}

// TestBytesInPlace: cleaning a buffer in its own memory gives what
// cleaning it into a copy gives, on long texts of everything Bytes changes
// (CRLF lines above all), and shares the buffer.
func TestBytesInPlace(t *testing.T) {
	pieces := []string{"青溪日报", "，", "abc", "\r\n", "\r", "\n", "\t", "\v", "\f", "\x00", "\x7f",
		"\x1b[31m", "\x1b]0;x\x07", "\u0085", "\u009b1m", "\u2028", "\u2029", "\u202e", "\u200e", "\ue40c", "\ufeff", "\U0001F600"}
	r := rand.New(rand.NewPCG(3, 4))
	for k := range 2000 {
		s := randomText(r, pieces, 3, 10+k%200)
		want, wn := BytesFrom([]byte(s), -1)
		buf := []byte(s)
		got, gn := BytesInPlace(buf, -1)
		if string(got) != string(want) || gn != wn {
			t.Fatalf("%q: in place %q (%d), want %q (%d)", s, got, gn, want, wn)
		}
		if len(got) > 0 && &got[0] != &buf[0] {
			t.Fatalf("%q: cleaned into another buffer", s)
		}
	}
}

// TestNextChange: the search that passes two Chinese characters or eight
// ASCII bytes at a time stops where a search byte by byte does, on any
// bytes.
func TestNextChange(t *testing.T) {
	pieces := []string{"青溪日报", "，", "abcdefgh", "12", " ", "\n", "\r\n", "\t", "\x7f", "\x1b[1m", "\u0085", "\u00a0",
		"\u2028", "\u202e", "\u201c", "\u200e", "\ue40c", "\ue000", "\ufeff", "\ufe30", "\uff0c", "\U0001F600", "\xff", "\xe4\xb8"}
	byByte := func(b []byte, i int) int {
		for ; i < len(b); i++ {
			if suspect[b[i]] && Changes(b[i:]) {
				return i
			}
		}
		return len(b)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for k := range 5000 {
		b := []byte(randomText(r, pieces, 4, 5+k%60))
		for i := 0; i <= len(b); i += 1 + r.IntN(7) {
			if got, want := nextChange(b, i), byByte(b, i); got != want {
				t.Fatalf("%q from %d: %d, want %d", b, i, got, want)
			}
		}
	}
}

// newsText is about a megabyte of Chinese news prose full of ，。“”、——
// …（）： and full-width digits, in paragraphs of one line each.
func newsText() string {
	paras := []string{
		"本报讯（记者 林清）“今年的早稻比去年早熟了一周。”站在田埂上，种粮大户周明远说，全村１２００亩稻田已收割过半……",
		"据介绍，新修的滨河步道全长８．６公里，沿线设有“口袋公园”、健身驿站和观景平台——市民称之为“家门口的风景”。",
		"“我们要把好事办好、实事办实。”区有关负责人表示，下一步将继续推进老旧小区改造，力争年底前完成３６个项目；",
		"记者注意到，夜市里既有“老字号”小吃，也有新开的文创摊位：剪纸、糖画、竹编……一到晚上，人流如织。",
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, p := range paras {
			sb.WriteString(p)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// BenchmarkNews makes a megabyte of Chinese news prose safe to print as
// a whole (Text), line by line (Line) and as JSON text (JSON): nothing in
// it changes.
func BenchmarkNews(b *testing.B) {
	s := newsText()
	lines := strings.Split(s, "\n")
	js, err := json.Marshal(s)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Text", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			Text(s)
		}
	})
	b.Run("Line", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			for _, ln := range lines {
				Line(ln)
			}
		}
	})
	b.Run("JSON", func(b *testing.B) {
		b.SetBytes(int64(len(js)))
		for b.Loop() {
			JSON(js)
		}
	})
	b.Run("Bytes", func(b *testing.B) {
		bs := []byte(s)
		b.SetBytes(int64(len(bs)))
		for b.Loop() {
			Bytes(bs)
		}
	})
}

// TestScanEveryRune: for every character, alone and in the places of the
// scan's fast paths (first or second of two three-byte characters, after
// an odd byte of ASCII, ahead of eight bytes of ASCII), the scan of every
// mode stops where the byte-by-byte scan of changes stops, and JSON
// escapes what a decoding of every character escapes.
func TestScanEveryRune(t *testing.T) {
	byByte := func(s string, m mode) int {
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '\n':
				if m == line {
					return i
				}
			case c == '\t' && (m == text || m == styled):
			case suspect[c] && changes(s[i:]):
				return i
			}
		}
		return len(s)
	}
	jsonRef := func(s string) string {
		var sb strings.Builder
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r >= 0x7f && Unsafe(r) {
				fmt.Fprintf(&sb, `\u%04x`, r)
			} else {
				sb.WriteString(s[i : i+size]) // an invalid byte as it is
			}
			i += size
		}
		return sb.String()
	}
	contexts := [][2]string{{"", ""}, {"", "日报社会"}, {"日", "报社会"}, {"a", "日报社"}, {"，", "abcdefgh"}, {"“", "”"}}
	// Three bytes led by E0–EF, valid or not: the scan validates what it
	// passes by its bytes.
	firstInvalid := func(s string) int {
		for i, r := range s {
			if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\ufffd") {
				return i
			}
		}
		return len(s)
	}
	for c0 := 0xe0; c0 <= 0xef; c0++ {
		for c1 := 0x70; c1 <= 0xc8; c1++ {
			for c2 := 0x70; c2 <= 0xc8; c2++ {
				for _, cx := range contexts {
					s := cx[0] + string([]byte{byte(c0), byte(c1), byte(c2)}) + cx[1]
					for _, m := range []mode{data, text, line, styled} {
						if got, want := scan(s, 0, m, true), min(byByte(s, m), firstInvalid(s)); got != want {
							t.Fatalf("%q, mode %d: scan stops at %d, want %d", s, m, got, want)
						}
					}
					if got, want := nextChange([]byte(s), 0), byByte(s, data); got != want {
						t.Fatalf("%q: nextChange stops at %d, the byte scan at %d", s, got, want)
					}
					if got, want := string(JSON([]byte(s))), jsonRef(s); got != want {
						t.Fatalf("%q: JSON gives %q, want %q", s, got, want)
					}
				}
			}
		}
	}
	last := rune(utf8.MaxRune)
	if testing.Short() {
		last = 0xffff
	}
	for r := rune(0); r <= last; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		cxs := contexts
		if r > 0xffff {
			// four bytes: decoded, never in a fast path
			cxs = contexts[:3]
		}
		for _, cx := range cxs {
			s := cx[0] + string(r) + cx[1]
			for _, m := range []mode{data, text, line, styled} {
				if got, want := scan(s, 0, m, true), byByte(s, m); got != want {
					t.Fatalf("U+%04X in %q, mode %d: scan stops at %d, the byte scan at %d", r, s, m, got, want)
				}
			}
			if got, want := nextChange([]byte(s), 0), byByte(s, data); got != want {
				t.Fatalf("U+%04X in %q: nextChange stops at %d, the byte scan at %d", r, s, got, want)
			}
			if got, want := string(JSON([]byte(s))), jsonRef(s); got != want {
				t.Fatalf("U+%04X in %q: JSON gives %q, want %q", r, s, got, want)
			}
		}
	}
}

// TestIsLineVector holds IsLine, which passes long lines 32 bytes at a
// time where the processor can (linePlainRun), to the scalar scan alone:
// lines of ASCII, Han and both, with each character that may change or
// end a line put at every place in them.
func TestIsLineVector(t *testing.T) {
	odd := []string{"\n", "\t", "\r", "\x00", "\x1b[1m", "\x7f", "\xff", "\xe4\xb8", "\u2028", "\u200e",
		"\u2066", "\ufeff", "\ue40c", "\u009b", "é", "😀", "\ud7ff", "。", " "}
	for _, base := range []string{
		"", "abc", "发展", strings.Repeat("发展", 6), strings.Repeat("ab发", 8), strings.Repeat("x", 33),
		strings.Repeat("发展中国家，", 4), strings.Repeat("abcdefgh ", 7),
		strings.Repeat("abcdefgh ", 12),
		strings.Repeat("发展中国家，", 8),
		strings.Repeat("GDP增长5.2%，", 7),
		// Long lines (isLongLine), with a character that the vectors
		// stop at but the line keeps, so that they go on after it.
		strings.Repeat("发展中国家，", 20) + "é" + strings.Repeat("GDP增长5.2%，", 20),
		strings.Repeat("ab😀发", 40) + strings.Repeat("x", 70),
	} {
		for _, c := range odd {
			for i := 0; i <= len(base); i++ {
				s := base[:i] + c + base[i:]
				if got, want := IsLine(s), scan(s, 0, line, true) == len(s); got != want {
					t.Fatalf("IsLine(%q) = %v, the scalar scan says %v", s, got, want)
				}
			}
		}
	}
}

// TestIsLongLineKernels holds isLongLine's two kernels and scalar scan to
// the scalar scan alone: long lines of what the narrow kernel passes
// (CleanRun) and of what only the wide one does (PlainRun: €, ‰, 한, ä,
// ￥), in runs shorter and longer than its 64 bytes, with a character
// that neither passes or that the line does not keep put at every place.
func TestIsLongLineKernels(t *testing.T) {
	wide := []string{"€", "‰", "한", "ä", "￥", "Ω", "ｧ"}
	odd := []string{"", "\n", "\t", "\x00", "\x7f", "\xff", "\xe4\xb8", "\u2028", "\u200e", "\ufeff", "\u009b", "é", "😀", " "}
	clean := strings.Repeat("发展中国家，“GDP”增长5.2%。", 6)
	var bases []string
	for _, w := range wide {
		bases = append(bases,
			clean+w+clean,
			clean+strings.Repeat(w, 40)+clean,
			strings.Repeat(w+"发展", 40),
			clean[:len(clean)-3]+w+strings.Repeat("x", 150),
		)
	}
	for _, base := range bases {
		for _, c := range odd {
			for i := 0; i <= len(base); i++ {
				s := base[:i] + c + base[i:]
				if len(s) <= longLine {
					t.Fatalf("%d bytes: not a long line", len(s))
				}
				if got, want := IsLine(s), scan(s, 0, line, true) == len(s); got != want {
					t.Fatalf("IsLine(%q) = %v, the scalar scan says %v", s, got, want)
				}
			}
		}
	}
}
