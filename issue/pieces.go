package issue

import "sort"

// PieceKind says which part of an article a Piece of text comes from.
type PieceKind uint8

// The kinds of Piece: the parts of the head in the order they appear in an
// article, then the parts of the body.
const (
	PieceKicker       PieceKind = iota // Article.Kicker
	PieceTitle                         // Article.Title
	PieceSubtitle                      // Article.Subtitle
	PieceByline                        // Article.Byline
	PieceParagraph                     // one of Article.Paragraphs
	PieceHeading                       // Block.Text of a heading block
	PieceQuote                         // Block.Text of a quote block
	PieceItem                          // one item of a list block
	PieceCell                          // one cell of a table block
	PieceImage                         // the alt text of an image block
	PieceCaption                       // the caption (Block.Text) of an image block
	PieceJump                          // the text of a stitched jump line
	PieceCode                          // Block.Text of a code block
	PieceAttribution                   // Block.Text of an attribution block: ——习近平
	PiecePhotoCredit                   // Block.Text of a photo credit block: 本报记者  李  舸摄
	PieceLayoutCredit                  // Block.Text of a layout credit block: 版式设计：郭  祥
	PieceBlockByline                   // Block.Text of a byline block closing a part of the article
)

// blockPiece returns the piece of a kind of Block that holds one text
// (Block.Text), ok false for lists, tables and images.
func blockPiece(k BlockKind) (PieceKind, bool) {
	switch k {
	case BlockHeading:
		return PieceHeading, true
	case BlockQuote:
		return PieceQuote, true
	case BlockCode:
		return PieceCode, true
	case BlockAttribution:
		return PieceAttribution, true
	case BlockPhotoCredit:
		return PiecePhotoCredit, true
	case BlockLayoutCredit:
		return PieceLayoutCredit, true
	case BlockByline:
		return PieceBlockByline, true
	}
	return 0, false
}

// Piece is one piece of an article's text, in reading order.
type Piece struct {
	Kind PieceKind
	Text string
	// Para is the paragraph index for PieceParagraph, else −1.
	Para int
	// Block is the block index for pieces of blocks, else −1.
	Block int
	// Row and Col locate an item (Row) or a table cell (Row, Col). For
	// PieceJump, Row is the index of the jump in Article.Jumps.
	Row, Col int
}

// Pos addresses a character of an article: a piece index (see
// Article.Pieces) and a byte offset into that piece's text. A Pos does not
// depend on the width the article is laid out at.
type Pos struct {
	Piece  int `json:"piece"`
	Offset int `json:"offset"`
}

// Pieces returns every non-empty piece of text of the article in reading
// order: kicker, title, subtitle, then the byline (before the body; with
// BylineInline right before the first paragraph, after the blocks anchored
// before it), the paragraphs with the blocks interleaved at their anchors,
// then a closing byline (BylineEnd). Stitched jump lines stand at their
// seam (see Jump), in the order of Article.Jumps: right after the piece of
// the paragraph that holds the seam, or right before it when the seam is
// at its start (Offset 0); those with no paragraph (Para −1) come last.
// Piece indexes are stable for a given article, so they address positions
// in it (see Pos).
func (a *Article) Pieces() []Piece {
	out := make([]Piece, 0, a.piecesBound())
	a.eachPiece(func(p Piece) bool {
		out = append(out, p)
		return true
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// EachPiece calls yield with the index and the text of each piece of
// Pieces in order, until yield returns false, without building the list
// (a search through every article of an issue).
func (a *Article) EachPiece(yield func(i int, p Piece) bool) {
	i := 0
	a.eachPiece(func(p Piece) bool {
		i++
		return yield(i-1, p)
	})
}

// piecesBound is at least the number of pieces of a (one allocation for
// an article of 600,000 table cells, not thirty).
func (a *Article) piecesBound() int {
	n := 5 + len(a.Paragraphs) + len(a.Jumps)
	for _, b := range a.Blocks {
		n += 2 + len(b.Items)
		for _, r := range b.Rows {
			n += len(r)
		}
	}
	return n
}

// eachPiece calls yield with the pieces of Pieces in order until yield
// returns false, without building the list (Headline needs the first).
// It runs in time linear in the article's paragraphs, blocks and jumps.
func (a *Article) eachPiece(yield func(Piece) bool) {
	stopped := false
	add := func(p Piece) {
		if !stopped && p.Text != "" && !yield(p) {
			stopped = true
		}
	}
	text := func(k PieceKind, s string) { add(Piece{Kind: k, Text: s, Para: -1, Block: -1}) }
	text(PieceKicker, a.Kicker)
	text(PieceTitle, a.Title)
	text(PieceSubtitle, a.Subtitle)
	inline := a.BylineInline && !a.BylineEnd && len(a.Paragraphs) > 0
	if !a.BylineEnd && !inline {
		text(PieceByline, a.Byline)
	}
	// The blocks in the order they are reached: by anchor (a block after
	// the last paragraph, or past it, comes at the end), then as stored.
	n := len(a.Paragraphs)
	anchor := func(b int) int { return min(a.Blocks[b].After, n) }
	order := make([]int, 0, len(a.Blocks))
	for b := range a.Blocks {
		if a.Blocks[b].After >= 0 {
			order = append(order, b)
		}
	}
	sort.SliceStable(order, func(i, k int) bool { return anchor(order[i]) < anchor(order[k]) })
	next := 0
	blocks := func(after int) {
		for ; next < len(order) && anchor(order[next]) <= after; next++ {
			b := order[next]
			blk := &a.Blocks[b]
			switch blk.Kind {
			case BlockList:
				for i, it := range blk.Items {
					add(Piece{Kind: PieceItem, Text: it, Para: -1, Block: b, Row: i})
				}
			case BlockTable:
				for r, row := range blk.Rows {
					for c, cell := range row {
						add(Piece{Kind: PieceCell, Text: cell, Para: -1, Block: b, Row: r, Col: c})
					}
				}
			case BlockImage:
				add(Piece{Kind: PieceImage, Text: blk.Alt, Para: -1, Block: b})
				add(Piece{Kind: PieceCaption, Text: blk.Text, Para: -1, Block: b})
			default:
				if k, ok := blockPiece(blk.Kind); ok {
					add(Piece{Kind: k, Text: blk.Text, Para: -1, Block: b})
				}
			}
		}
	}
	// seams adds the stitched jumps of paragraph para (−1: those with no
	// paragraph) that stand at its start (start) or after its start.
	var atPara map[int][]int // paragraph → indexes of its stitched jumps
	for k, j := range a.Jumps {
		if j.Stitched {
			if atPara == nil {
				atPara = map[int][]int{}
			}
			p := seamPara(j, n)
			atPara[p] = append(atPara[p], k)
		}
	}
	seams := func(para int, start bool) {
		for _, k := range atPara[para] {
			if j := a.Jumps[k]; para < 0 || (j.Offset <= 0) == start {
				add(Piece{Kind: PieceJump, Text: j.Text, Para: -1, Block: -1, Row: k})
			}
		}
	}
	for i, p := range a.Paragraphs {
		if stopped {
			return
		}
		blocks(i)
		if i == 0 && inline {
			text(PieceByline, a.Byline)
		}
		seams(i, true)
		add(Piece{Kind: PieceParagraph, Text: p, Para: i, Block: -1})
		seams(i, false)
	}
	blocks(n)
	if a.BylineEnd {
		text(PieceByline, a.Byline)
	}
	seams(-1, false)
}

// seamPara returns the paragraph that holds the seam of a stitched jump in
// an article of n paragraphs, −1 when none does.
func seamPara(j Jump, n int) int {
	if j.Para < 0 || j.Para >= n {
		return -1
	}
	return j.Para
}

// SeamPiece returns the index in Pieces of the stitched jump Jumps[k], or
// −1 when Jumps[k] is no stitched jump.
func (a *Article) SeamPiece(k int) int {
	if k < 0 || k >= len(a.Jumps) || !a.Jumps[k].Stitched || a.Jumps[k].Text == "" {
		return -1
	}
	for i, p := range a.Pieces() {
		if p.Kind == PieceJump && p.Row == k {
			return i
		}
	}
	return -1
}

// PieceSpans returns the inline spans (see Span) inside the text of piece p of
// the article, their Start and End relative to p.Text; nil when it has
// none. Kickers, titles, subtitles, bylines, alt texts and jump lines have
// none.
func (a *Article) PieceSpans(p Piece) []Span {
	switch {
	case p.Kind == PieceParagraph:
		ss := a.Spans
		i := sort.Search(len(ss), func(i int) bool { return ss[i].Para >= p.Para })
		k := i
		for k < len(ss) && ss[k].Para == p.Para {
			k++
		}
		if i == k {
			return nil
		}
		return ss[i:k:k]
	case p.Block < 0 || p.Block >= len(a.Blocks) || p.Kind == PieceImage || p.Kind == PieceJump:
		return nil
	}
	b := &a.Blocks[p.Block]
	if len(b.Spans) == 0 {
		return nil
	}
	row, col := 0, 0
	switch p.Kind {
	case PieceItem:
		row = p.Row
	case PieceCell:
		row, col = p.Row, p.Col
	}
	return spansIn(b.Spans, 0, row, col)
}
