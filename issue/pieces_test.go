package issue

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// naiveBlocks is the pieces of the blocks anchored at paragraph after, by
// the definition: every block whose After is after, and at the end
// (after = len(Paragraphs)) also those past it, in stored order.
func naiveBlocks(a *Article, after int) []Piece {
	var out []Piece
	for b, blk := range a.Blocks {
		if blk.After != after && !(after == len(a.Paragraphs) && blk.After > after) {
			continue
		}
		switch blk.Kind {
		case BlockQuote:
			out = append(out, Piece{Kind: PieceQuote, Text: blk.Text, Para: -1, Block: b})
		case BlockList:
			for i, it := range blk.Items {
				out = append(out, Piece{Kind: PieceItem, Text: it, Para: -1, Block: b, Row: i})
			}
		}
	}
	return out
}

// TestPiecesOrder checks Pieces against the definition on random
// articles whose blocks are stored out of order and anchored past the
// end, and that Headline is the first piece's text.
func TestPiecesOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		a := &Article{Kicker: []string{"", "引"}[r.IntN(2)]}
		for i := range r.IntN(6) {
			a.Paragraphs = append(a.Paragraphs, "段"+string(rune('a'+i)))
		}
		for range r.IntN(6) {
			after := r.IntN(len(a.Paragraphs) + 3)
			if r.IntN(2) == 0 {
				a.Blocks = append(a.Blocks, Block{After: after, Kind: BlockQuote, Text: "引文"})
			} else {
				a.Blocks = append(a.Blocks, Block{After: after, Kind: BlockList, Items: []string{"一", "", "二"}})
			}
		}
		var want []Piece
		if a.Kicker != "" {
			want = append(want, Piece{Kind: PieceKicker, Text: a.Kicker, Para: -1, Block: -1})
		}
		for i, p := range a.Paragraphs {
			for _, pc := range naiveBlocks(a, i) {
				if pc.Text != "" {
					want = append(want, pc)
				}
			}
			want = append(want, Piece{Kind: PieceParagraph, Text: p, Para: i, Block: -1})
		}
		for _, pc := range naiveBlocks(a, len(a.Paragraphs)) {
			if pc.Text != "" {
				want = append(want, pc)
			}
		}
		if got := a.Pieces(); !reflect.DeepEqual(got, want) {
			t.Fatalf("Pieces(%+v)\n got %+v\nwant %+v", a, got, want)
		}
		var each []Piece
		a.EachPiece(func(i int, p Piece) bool {
			if i != len(each) {
				t.Fatalf("EachPiece: piece %d given as %d", len(each), i)
			}
			each = append(each, p)
			return true
		})
		if len(want) == 0 && len(each) == 0 {
			each = want
		}
		if !reflect.DeepEqual(each, want) {
			t.Fatalf("EachPiece(%+v)\n got %+v\nwant %+v", a, each, want)
		}
		if len(want) > 1 {
			n := 0
			a.EachPiece(func(int, Piece) bool { n++; return n < 2 })
			if n != 2 {
				t.Fatalf("EachPiece went on after yield returned false: %d pieces", n)
			}
		}
		head := Untitled
		if len(want) > 0 {
			head = cutRunes(want[0].Text, headlineRunes)
		}
		if got := a.Headline(); got != head {
			t.Fatalf("Headline = %q, want %q", got, head)
		}
	}
}
