package vec

import (
	"strings"
	"testing"

	"dubao/issue/pageendtest"
)

// TestMarksPageEnd: Marks reads no byte past the end of its text (nor
// before the two it is allowed to read before i and j): each text stands
// at the very end of readable memory (pageendtest), so that a read beyond
// it faults, and is marked from every place, the last 64 bytes too, as
// marksScalar marks it.
func TestMarksPageEnd(t *testing.T) {
	put := pageendtest.New(t)
	src := strings.Repeat("中文。发展！a?；\xed\x95\x9c😀，", 12)
	for n := 66; n <= 200; n++ {
		s := src[len(src)-n:]
		at := pageendtest.String(put(s))
		for i := 2; i+64 <= n; i++ {
			var m, want [6]uint64
			if !Marks(at, i, n-64, &m) {
				if hasAVX2 {
					t.Fatalf("Marks(%q, %d, %d) marked nothing", s, i, n-64)
				}
				continue
			}
			want[0], want[1], want[2] = marksScalar(s, i)
			want[3], want[4], want[5] = marksScalar(s, n-64)
			if m != want {
				t.Fatalf("Marks(%q, %d, %d) = %x at a page's end, want %x", s, i, n-64, m, want)
			}
		}
	}
}
