package utf8vec

import (
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/issue/pageendtest"
)

// plain is text all three kernels pass: printable ASCII, ideographs
// (E4 B8 and E5-E9 leads), CJK and general punctuation, full-width forms.
var plain = strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、（一）", 2)

// kernels are the three kernels as functions of (s, i).
var kernels = []struct {
	name string
	run  func(s string, i int) int
	// boundary: the kernel stops on a character boundary.
	boundary bool
	// stops: characters (and broken ones) it does not pass.
	stops []string
}{
	{"PlainRun", func(s string, i int) int { return PlainRun(s, i, &textASCII) }, true, []string{"\x00", "\x7f", "\u200e"}},
	{"CleanRun", CleanRun, true, []string{"\x00", "\n", "é", "☰", "\uff80"}},
	{"HanRun", HanRun, false, []string{"㐀", "ぁ", "☰", "\u302e"}},
}

// stops are what no kernel passes.
var stops = []string{"\xff", "\xe4\xb8", "\xe4", "\u2028", "\ufeff", "\U0001F600"}

var textASCII = NewASCII([3]byte{0x7F, 0x7F, 0x7F}, '\n')

// TestKernelsPass: each kernel passes plain text up to its last 34 bytes
// or so (where it has vectors), and each stops before a character it
// must not pass. What each passes, exactly, is held to its caller's own
// loop by the callers' tests and fuzz targets (textsafe, ui/render).
func TestKernelsPass(t *testing.T) {
	long := plain + plain
	for _, k := range kernels {
		j := k.run(long, 0)
		if Vectors() && j < len(long)-66 {
			t.Errorf("%s passed %d of %d plain bytes", k.name, j, len(long))
		}
		if !Vectors() && j != 0 {
			t.Errorf("%s = %d without vectors, want 0", k.name, j)
		}
		for _, stop := range append(k.stops, stops...) {
			s := long[:39] + stop + long
			if j := k.run(s, 0); j > 39 {
				t.Errorf("%s passed %q at 39: %d", k.name, stop, j)
			}
		}
	}
}

// TestKernelsPageEnd: no kernel reads past the end of its text. Each text
// is put at the very end of readable memory (pageendtest), so that a read
// beyond len faults; every length from 0 to 300, ending on a whole
// character, mid-character and on bytes the kernels stop at, from each of
// the first 40 places. There a kernel returns what it returns for the same
// text elsewhere.
func TestKernelsPageEnd(t *testing.T) {
	put := pageendtest.New(t)
	src := strings.Repeat(plain, 4)
	for n := 0; n <= 300; n++ {
		for _, tail := range []string{"", "中", "é", "a", "\n", "\r", "\xe4\xb8", "\xef\xbc", "\u2028", "☰"} {
			s := src[len(src)-n:] + tail
			at := pageendtest.String(put(s))
			for _, k := range kernels {
				for i := 0; i < min(len(s), 40); i++ {
					j := k.run(at, i)
					if want := k.run(s, i); j != want {
						t.Fatalf("%s(%q, %d) = %d at a page's end, %d elsewhere", k.name, s, i, j, want)
					}
					if j < i || j > len(s) || k.boundary && utf8.RuneStart(s[i]) && j < len(s) && !utf8.RuneStart(s[j]) {
						t.Fatalf("%s(%q, %d) = %d", k.name, s, i, j)
					}
				}
			}
		}
	}
}
