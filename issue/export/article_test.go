package export

import (
	"math/rand/v2"
	"testing"

	"dubao/issue"
)

// TestAppendArticle holds the hand-written article encoder to
// encoding/json's bytes on random articles that set every field, or
// leave it zero, nil or empty, with strings that need escaping.
func TestAppendArticle(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	strs := []string{"", "正文", "a\"b\\c", "\n\t\r\b\f\x01\x1f\x7f", "\u2028\u2029", "\xff\xfe", "<b>&</b>", "\u009b31m", "\u202e反"}
	str := func() string { return strs[r.IntN(len(strs))] }
	list := func() []string {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return []string{}
		}
		out := make([]string, 1+r.IntN(3))
		for i := range out {
			out[i] = str()
		}
		return out
	}
	ints := func() []int {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return []int{}
		}
		return []int{r.IntN(5), -1}
	}
	spans := func() []issue.Span {
		if r.IntN(2) == 0 {
			return nil
		}
		return []issue.Span{{Kind: issue.SpanLink, Para: r.IntN(2), Row: r.IntN(2), Col: r.IntN(2), Start: 1, End: 2, Href: str()}}
	}
	for range 3000 {
		a := issue.Article{N: r.IntN(100), Kicker: str(), Title: str(), Subtitle: str(), Byline: str(),
			BylineEnd: r.IntN(2) == 0, BylineInline: r.IntN(2) == 0, Paragraphs: list(), Spans: spans(), Cut: ints(), Continued: ints()}
		if r.IntN(2) == 0 {
			a.Jumps = []issue.Jump{}
			for range r.IntN(3) {
				a.Jumps = append(a.Jumps, issue.Jump{Page: r.IntN(9), Text: str(), Dir: issue.JumpTo, Para: -1, Offset: r.IntN(9), Stitched: r.IntN(2) == 0})
			}
		}
		for range r.IntN(3) {
			b := issue.Block{After: r.IntN(3), Kind: issue.BlockList, Text: str(), Items: list(), Ordered: r.IntN(2) == 0,
				Marker: str(), Levels: ints(), Src: str(), Alt: str(), Lang: str(), Spans: spans()}
			if r.IntN(2) == 0 {
				b.Rows = [][]string{list(), list()}
			}
			a.Blocks = append(a.Blocks, b)
		}
		want, err := marshalJSON(&a, "    ")
		if err != nil {
			t.Fatal(err)
		}
		if got := appendArticle(nil, &a, "    "); string(got) != string(want) {
			t.Fatalf("%+v:\n%s\nwant\n%s", a, got, want)
		}
	}
}
