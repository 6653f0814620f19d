package decode

import (
	"strings"
	"testing"

	"dubao/issue/pageendtest"
)

// TestScanPageEnd: the scans never read past the end of their data. Each
// text is put at the very end of readable memory (pageendtest), so that a
// read beyond len (a vector load of a whole block, a word of the
// automaton) faults; every length from 0 to 300, ending on a whole
// character, mid-character and on a control.
func TestScanPageEnd(t *testing.T) {
	put := pageendtest.New(t)
	src := strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、9℃·abc\n", 40)
	for n := 0; n <= 300; n++ {
		for _, tail := range []string{"", "中", "é", "a", "\r", "\xe4\xb8", "\u2028"} {
			checkScan(t, put(src[len(src)-n:]+tail))
		}
	}
}
