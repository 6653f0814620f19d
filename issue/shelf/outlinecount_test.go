package shelf

import (
	"reflect"
	"testing"

	"dubao/issue"
)

// TestOutlinePieceCounts: maps of every count of pieces whose count
// takes one byte or more (127, 128, 129, 256, 16384: a count's first
// byte 0x80 is no count of its own) read back as written, opened as a
// search opens them (mapAt) and whole (decode).
func TestOutlinePieceCounts(t *testing.T) {
	for _, n := range []int{0, 1, 126, 127, 128, 129, 255, 256, 257, 16383, 16384, 16385} {
		const start = 3
		size := 2*n + 10
		var pieces []issue.TextRange
		for i := range n {
			pieces = append(pieces, issue.TextRange{Start: start + 2*i, End: start + 2*i + 1})
		}
		sp := issue.ArticleSpan{Start: start, End: start + size, N: 1, Page: 1, Hash: 5}
		o := &issue.Outline{Mode: 1, Len: start + size + 1, Spans: []issue.ArticleSpan{sp, {Start: start + size, End: start + size + 1, N: 2}},
			Maps: []issue.PieceMap{{Headline: issue.TextRange{Start: start, End: start + 1}, Pieces: pieces},
				{Headline: issue.TextRange{Start: start + size, End: start + size + 1}, Pieces: []issue.TextRange{{Start: start + size, End: start + size + 1}}}}}
		enc := encodeOutline(o)
		var mem outlineMemory
		d := mem.open(enc)
		if d == nil || len(d.Maps) != 2 {
			t.Fatalf("%d pieces: the outline does not open", n)
		}
		for k := range d.Maps {
			if _, ok := mem.mapAt(k); !ok || !reflect.DeepEqual(d.Maps[k].Pieces, o.Maps[k].Pieces) && len(o.Maps[k].Pieces) > 0 {
				t.Fatalf("%d pieces: map %d read back as %v (%v)", n, k, d.Maps[k].Pieces, ok)
			}
		}
		if back := decodeOutline(enc); back == nil || len(back.Maps[0].Pieces) != n || !reflect.DeepEqual(back.Maps[1], o.Maps[1]) {
			t.Fatalf("%d pieces: decoded as %+v", n, back)
		}
	}
}
