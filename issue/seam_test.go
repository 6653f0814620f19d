package issue

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// seamPieces are the bits random paragraphs are made of: emphasis,
// strong emphasis, code, digits and letters, the marks that sit beside
// them (FuzzParse's seams), and Chinese text.
var seamPieces = []string{
	"第3", "第I", "3", "I", "q", "号", "文件", "，", "*33*", "**33**", "_q_", "__q__",
	"*号*", "_号_", "**号**", "`c`", "`3`", "``c``", "_*>!>*q号_", "*>!>*", ">", "!", "\\*",
	"_A*>!>q*_", "*甲*_乙_", "2*>*!_0*甲*_", "[号](x)", "<", "]", "_", "*",
}

// randomSeamPara returns a random paragraph's Markdown with markup at its edges.
func randomSeamPara(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(4) {
		b.WriteString(seamPieces[r.IntN(len(seamPieces))])
	}
	return b.String()
}

// oldMarkSeam is markSeam's decision as it was first made, by
// writeInline on the two whole paragraphs (acde6c3, ae80b93): apart when
// the joined text cannot be written and each alone can.
func oldMarkSeam(a *Article, i, next int) bool {
	p, q := a.Paragraphs[i], a.Paragraphs[next]
	ps, qs := paraSpansOf(a.Spans, i), paraSpansOf(a.Spans, next)
	var joined []Span
	joined = append(joined, ps...)
	for _, s := range qs {
		s.Start, s.End = s.Start+len(p), s.End+len(p)
		joined = append(joined, s)
	}
	if _, ok := writeInline(p+q, joined); ok {
		return false
	}
	_, okP := writeInline(p, ps)
	_, okQ := writeInline(q, qs)
	return okP && okQ
}

// TestMarkSeamAgreesWithWriter: on random pairs of paragraphs with markup
// at their seam, markSeam (which writes only the spans at the seam, and
// the whole text in at most two forms) joins only where the whole
// writer (writeInline) writes the joined text back, and keeps apart
// exactly where the first decision did, but for the pairs where the
// writer needs a choice of marks span by span or cannot write one of the
// paragraphs alone (see writesJoined): those stay apart, which loses
// nothing.
func TestMarkSeamAgreesWithWriter(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 6))
	n := 8000
	if testing.Short() {
		n = 2000
	}
	same, apart, alone, reached := 0, 0, 0, 0
	for range n {
		srcP, srcQ := randomSeamPara(r), randomSeamPara(r)
		p, ps := parseInline(srcP)
		q, qs := parseInline(srcQ)
		a := &Article{Paragraphs: []string{p, q}}
		for _, s := range ps {
			s.Para = 0
			a.Spans = append(a.Spans, s)
		}
		for _, s := range qs {
			s.Para = 1
			a.Spans = append(a.Spans, s)
		}
		got, want := markSeam(a, 0, 1), oldMarkSeam(a, 0, 1)
		var joined []Span
		joined = append(joined, ps...)
		for _, s := range qs {
			s.Start, s.End = s.Start+len(p), s.End+len(p)
			joined = append(joined, s)
		}
		_, wholeOK := writeInline(p+q, joined)
		_, okP := writeInline(p, ps)
		_, okQ := writeInline(q, qs)
		if !got && !wholeOK && len(a.Spans) > 0 && p != "" && q != "" && okP && okQ {
			t.Errorf("%q + %q: joined, but the writer cannot write the join", srcP, srcQ)
		}
		switch {
		case got == want:
			same++
		case got && !want:
			apart++
			if !okP || !okQ {
				alone++
			}
			if wholeOK && okP && okQ && plainForms(p+q, joined) {
				t.Errorf("%q + %q: kept apart, but the joined text is written in a plain form", srcP, srcQ)
			}
		default:
			t.Errorf("%q + %q: joined where the writer keeps apart", srcP, srcQ)
		}
		if got || want {
			reached++
		}
		if r.IntN(8) == 0 {
			// The issue written reads back the model, joined or apart.
			src := "# 标题\n\n" + srcP + "\n\n" + srcQ + "\n\n另起一段。\n"
			is, err := ParseBytes([]byte(src), Options{Name: "x.md"})
			if err != nil {
				t.Fatal(err)
			}
			if err := checkLossless(src, is); err != nil {
				t.Errorf("%q: %v", src, err)
			}
			back, md := roundTrip(t, is)
			if got, want := comparable(t, back), comparable(t, is); got != want && okP && okQ {
				t.Errorf("%q: round trip changed the model:\n%s\nmarkdown:\n%s", src, firstDiff(want, got), md)
			}
		}
	}
	t.Logf("%d pairs: %d decided the same; %d kept apart where the writer joined (%d beside a paragraph it cannot write alone, the rest with marks chosen span by span); %d kept apart by either", n, same, apart, alone, reached)
}

// plainForms reports whether one of the 16 forms writeInline tries first
// reads back text and spans.
func plainForms(text string, spans []Span) bool {
	for v := range 16 {
		if readsBack(text, spans, plainForm(v)) {
			return true
		}
	}
	return false
}
