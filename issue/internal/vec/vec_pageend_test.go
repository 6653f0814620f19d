package vec

import (
	"strings"
	"testing"

	"dubao/issue/pageendtest"
)

// TestVectorsPageEnd: Index, ContainsAny and Set.Index never read past
// the end of their text. Each text is put at the very end of readable
// memory (pageendtest), so that a read beyond len faults; every length
// from 0 to 300, ending on the needle, on part of it, on a byte of the
// set and on others. They say there what they say of the same text
// elsewhere.
func TestVectorsPageEnd(t *testing.T) {
	put := pageendtest.New(t)
	nd := NewNeedle3("版")
	set := NewSet("*_`[<\\")
	src := strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、9℃·abc\n", 40)
	for n := 0; n <= 300; n++ {
		for _, tail := range []string{"", "版", "版"[:2], "中", "*", "\\", "a"} {
			s := src[len(src)-n:] + tail
			at := pageendtest.String(put(s))
			if got, want := nd.Index(at), strings.Index(s, "版"); got != want {
				t.Fatalf("Index(%q) = %d at a page's end, want %d", s, got, want)
			}
			if got, want := set.ContainsAny(at), strings.ContainsAny(s, "*_`[<\\"); got != want {
				t.Fatalf("ContainsAny(%q) = %v at a page's end, want %v", s, got, want)
			}
			if got, want := set.Index(at), strings.IndexAny(s, "*_`[<\\"); got != want {
				t.Fatalf("Set.Index(%q) = %d at a page's end, want %d", s, got, want)
			}
		}
	}
}
