package textsafe

import (
	"bytes"
	"strings"
	"testing"

	"dubao/issue/pageendtest"
)

// TestVectorsPageEnd: PlainRun, AppendJSONString and IsLine never read
// past the end of their text. Each text is put at the very end of
// readable memory (pageendtest), so that a read beyond len faults; every
// length from 0 to 300, ending on a whole character, mid-character, on a
// control and on a byte JSON escapes. AppendJSONString writes there what
// it writes for the same text elsewhere; IsLine says there what it says
// elsewhere.
func TestVectorsPageEnd(t *testing.T) {
	put := pageendtest.New(t)
	src := strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、9℃·abc\n", 40)
	for n := 0; n <= 300; n++ {
		for _, tail := range []string{"", "中", "é", "a", "\r", "\xe4\xb8", "\u2028", `"`, "\\"} {
			s := src[len(src)-n:] + tail
			b := put(s)
			for i := 0; i < min(len(b), 40); i++ {
				if j := PlainRun(b, i); j < i || j > len(b) {
					t.Fatalf("PlainRun(%q, %d) = %d", b, i, j)
				}
			}
			if got, want := AppendJSONString(nil, pageendtest.String(b)), AppendJSONString(nil, s); !bytes.Equal(got, want) {
				t.Fatalf("%q: %s at a page's end, %s elsewhere", s, got, want)
			}
			if got, want := IsLine(pageendtest.String(b)), IsLine(s); got != want {
				t.Fatalf("IsLine(%q) = %v at a page's end, %v elsewhere", s, got, want)
			}
		}
	}
}
