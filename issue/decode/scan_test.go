package decode

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/issue/internal/issuegen"
	"dubao/issue/textsafe"
)

// TestScanUTF8 checks that the one-pass scan says what utf8.Valid and
// textsafe.FirstChange say, on texts pieced together from the sequences either
// looks at: ASCII and controls, C1 controls, bidi controls and
// separators, the byte order mark, the edges of each UTF-8 length, and
// broken sequences.
func TestScanUTF8(t *testing.T) {
	pieces := []string{
		"a", "1", " ", "\n", "\r", "\t", "\x00", "\x1b[31m", "\x7f",
		"中", "文", "，", "。", "“", "”", "—", "…", "\u3000", "Ａ", "ｶ",
		"\u0085", "\u009b", "\u00a0", "\u00e9", "\u061c", "\u0627",
		"\u200b", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202e", "\u202f", "\u2066", "\u2069", "\u206a",
		"\ufeff", "\ufeff"[:2], "\uffef", "\uff0c", "\ue000", "\ue40c", "\ue40d", "\u1000", "\ucfff",
		"\u0800", "\ud7ff", "\U00010000", "\U0010ffff", "\U0002a6d6",
		"\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\x80", "\xe4\xb8", "\xe4",
	}
	check := func(s string) {
		t.Helper()
		b := []byte(s)
		valid, clean := scanUTF8(b)
		if want := utf8.Valid(b); valid != want {
			t.Fatalf("%q: valid %v, want %v", s, valid, want)
		}
		if valid {
			if want := textsafe.FirstChange(b); clean != want {
				t.Fatalf("%q: clean at %d, want %d", s, clean, want)
			}
		}
	}
	for _, p := range pieces {
		check(p)
		check("中文" + p)
		check(p + "中文")
	}
	// Each piece at every offset of a longer text, in Chinese and in
	// ASCII, so that it falls at each place of the eight-byte words the
	// automaton reads, mid-character ones too.
	for _, p := range pieces {
		for k := range 20 {
			check(strings.Repeat("a", k) + "中文，青溪河a“廊道”" + p + "全线贯通。abcdefgh中文")
			check(strings.Repeat("中", k) + "ab," + p + "中文中文中文中文")
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for k := range 20000 {
		var s string
		for range 1 + r.IntN(12+k%3*20) {
			p := pieces[r.IntN(len(pieces))]
			if r.IntN(3) > 0 {
				p = pieces[9+r.IntN(10)] // mostly text
			}
			s += p
		}
		check(s)
	}
}

// TestPlainASCII: the eight-byte test says what testing each byte says.
func TestPlainASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	picks := []byte{'\n', '\r', '\t', 0, 0x1f, 0x20, 'a', '<', 0x7e, 0x7f, 0x80, 0xe4, 0xff}
	for range 100000 {
		var b [8]byte
		for k := range b {
			if r.IntN(3) == 0 {
				b[k] = picks[r.IntN(len(picks))]
			} else {
				b[k] = byte(0x20 + r.IntN(0x5f))
			}
		}
		want := true
		for _, c := range b {
			if c >= 0x80 || c < 0x20 && c != '\n' || c == 0x7f {
				want = false
			}
		}
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 | uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if got := plainASCII(w); got != want {
			t.Fatalf("% x: %v, want %v", b, got, want)
		}
	}
}

// BenchmarkScanUTF8 measures the one-pass scan on a generated issue of
// 10 MB (Chinese text with ASCII numbers and markup, as a paper's):
//
//	go test ./issue/decode -run '^$' -bench ScanUTF8 -count 5
func BenchmarkScanUTF8(b *testing.B) {
	data := issuegen.Issue(10 << 20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if valid, clean := scanUTF8(data); !valid || clean != len(data) {
			b.Fatal(valid, clean)
		}
	}
}

// plainPrefix checks that data[i:j], what textsafe.PlainRun passed from i, is
// whole characters that are valid and that textsafe.Bytes keeps, read
// one at a time by scanChar.
func plainPrefix(t *testing.T, data []byte, i, j int) {
	t.Helper()
	if j < i || j > len(data) {
		t.Fatalf("textsafe.PlainRun(%q, %d) = %d: out of range", data, i, j)
	}
	for k := i; k < j; {
		size, st := scanChar(data, k)
		if st != charPlain || k+size > j {
			t.Fatalf("textsafe.PlainRun(%q, %d) = %d passed %q at %d", data, i, j, data[k:min(k+size, len(data))], k)
		}
		k += size
	}
}

// checkScan checks scanUTF8 against utf8.Valid and textsafe.FirstChange
// and textsafe.PlainRun from every character start of the first 40 bytes.
func checkScan(t *testing.T, data []byte) {
	t.Helper()
	valid, clean := scanUTF8(data)
	if want := utf8.Valid(data); valid != want {
		t.Fatalf("%q: valid %v, want %v", data, valid, want)
	}
	if valid {
		if want := textsafe.FirstChange(data); clean != want {
			t.Fatalf("%q: clean at %d, want %d", data, clean, want)
		}
	}
	for i := 0; i < min(len(data), 40); i++ {
		if data[i]&0xC0 != 0x80 {
			plainPrefix(t, data, i, textsafe.PlainRun(data, i))
		}
	}
}

// TestPlainRun: the vector scan passes only characters that are valid
// and kept, at every offset of its 32-byte blocks, in issue text with a
// byte changed here and there and with every piece of TestScanUTF8 put
// in; and it passes the plain text of an issue to near its end (where
// the processor has vectors).
func TestPlainRun(t *testing.T) {
	text := issuegen.Issue(64 << 10)
	plain := []byte(strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、9℃·abc\n", 40))
	if j := textsafe.PlainRun(plain, 0); textsafe.Vectors() && j < len(plain)-66 {
		t.Fatalf("PlainRun passed %d of %d plain bytes", j, len(plain))
	}
	if j := textsafe.PlainRun(text[:32<<10], 0); textsafe.Vectors() && j < 1000 {
		t.Fatalf("PlainRun passed %d bytes of a generated issue", j)
	}
	pieces := []string{"\r", "\t", "\x00", "\x7f", "\u0085", "\u009b", "\u00a0", "\u00b7", "\u061c", "\u0627",
		"\u200b", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202e", "\u202f", "\u2060", "\u2066", "\u2069",
		"\ufeff", "\ufec0", "\ufeff"[:2], "\ue40c", "\ue000", "\U0002a6d6", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\x80", "\xe4\xb8", "\xe4", "\xc2", "\xe2\x80"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		at := r.IntN(len(text) - 200)
		n := 1 + r.IntN(160)
		data := append([]byte(nil), text[at:at+n]...)
		for range r.IntN(3) {
			k := r.IntN(len(data))
			if r.IntN(2) == 0 {
				data[k] = byte(r.IntN(256))
			} else {
				p := pieces[r.IntN(len(pieces))]
				data = append(data[:k], append([]byte(p), data[k:]...)...)
			}
		}
		checkScan(t, data)
	}
	for _, p := range pieces {
		for k := range 40 {
			checkScan(t, []byte(strings.Repeat("a", k)+p+strings.Repeat("中", 30)))
			checkScan(t, []byte(strings.Repeat("中", k)+"ab"+p+"中文，“廊道”全线贯通。"+strings.Repeat("中a", 20)))
		}
	}
}

// FuzzPlainRun: the vector scan passes only characters that are valid
// and kept, and the one-pass scan says what validation and textsafe say,
// on inputs long enough for the vectors.
func FuzzPlainRun(f *testing.F) {
	f.Add([]byte(strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、9℃·abc\n", 4)))
	f.Add(issuegen.Issue(1 << 10))
	f.Add([]byte(strings.Repeat("文", 20) + "\u2028" + strings.Repeat("a", 40) + "\ufeff" + strings.Repeat("é", 30)))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkScan(t, data)
	})
}
