package render

import (
	"strings"
	"testing"

	"dubao/issue/pageendtest"
)

// TestHasRiskyPageEnd: hasRisky and lineClean never read past the end of
// their text. Each text is put at the very end of readable memory
// (pageendtest), so that a read beyond len faults; every length from 0
// to 300, ending on a whole character, mid-character and on a risky one.
// They say there what they say of the same text elsewhere.
func TestHasRiskyPageEnd(t *testing.T) {
	put := pageendtest.New(t)
	src := strings.Repeat(riskyLong, 6)
	for n := 0; n <= 300; n++ {
		for _, tail := range []string{"", "中", "\xe4\xb8", "☰", "a", "\xef\xbc"} {
			s := src[len(src)-n:] + tail
			at := pageendtest.String(put(s))
			if got, want := hasRisky(at), hasRiskyBytes(s); got != want {
				t.Fatalf("hasRisky(%q) = %v at a page's end, want %v", s, got, want)
			}
			if got, want := lineClean(at), lineCleanFrom(s, 0); got != want {
				t.Fatalf("lineClean(%q) = %v at a page's end, want %v", s, got, want)
			}
		}
	}
}
