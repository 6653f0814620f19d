package shelf

import (
	"math/rand/v2"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/issue/internal/issuegen"
	"dubao/issue/internal/vec"
	"dubao/issue/search"
	"dubao/issue/shelf/shelftest"
)

// TestSnippetFast holds snippet, which reads the characters from the
// bytes and makes its line in a lineMem, to the way it was written
// before (slowSnippet, every character decoded, each line allocated):
// random texts of Han, sentence ends, closing marks, Latin, digits and
// their joiners, line breaks, full-width forms and broken UTF-8, every
// match place in them.
func TestSnippetFast(t *testing.T) {
	parts := []string{"发", "展", "中", "国", "。", "！", "？", "；", "!", "?", ";", "”", "’", "」", "』", "）", ")",
		"】", "〕", "》", "\"", "'", "a", "Z", "5", "０", "ａ", ".", ",", "-", "%", "％", ":", "/", " ", "\t", "\n", "\r",
		"é", "😀", "\xff", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xe0\xa0\x80", "\uffff", "\u3000", "…",
		"一", "鿿", "\xe9\xbf", "\xe4\x80\x80", "\xe5\xb1\xff", "\xe5\xff\x95", "㐀", "가", "ꀀ", "Ａ", "ｚ"}
	rng := rand.New(rand.NewPCG(17, 4))
	var mem lineMem
	for range 4000 {
		var b strings.Builder
		n := rng.IntN(120)
		for range n {
			if rng.IntN(3) == 0 {
				b.WriteString(parts[rng.IntN(8)]) // mostly Han and sentence ends
			} else {
				b.WriteString(parts[rng.IntN(len(parts))])
			}
		}
		text := b.String()
		for range 8 {
			start := rng.IntN(len(text) + 1)
			end := start + rng.IntN(len(text)-start+1)
			want, wr := slowSnippet(text, start, end)
			got, gr := mem.snippet(text, start, end)
			if got != want || gr != wr {
				t.Fatalf("snippet(%q, %d, %d) = %q %v, before %q %v", text, start, end, got, gr, want, wr)
			}
			if got, gr := snippet(text, start, end); got != want || gr != wr {
				t.Fatalf("snippet without a lineMem (%q, %d, %d) = %q %v, before %q %v", text, start, end, got, gr, want, wr)
			}
		}
	}
}

// TestSnippetMarks holds snippetBounds, whose walks pass the characters
// vec.Marks marks (vec.MarksWalk), to slowSnippet on texts long
// enough for the marks: Chinese sentences of every length with their
// ends inside quotes or not, Latin words and numbers, and, now and then,
// Hangul, Yi, full-width letters, four-byte characters, the leads that
// only some second bytes follow and broken UTF-8, the match at every
// place of them (its start and end inside characters too). Each way the
// marks end a walk (at a sentence end, after snippetRunes characters,
// at an odd byte or the marks' end) is taken, where the processor has
// the vectors.
func TestSnippetMarks(t *testing.T) {
	common := []string{"发展", "中国", "经济", "的", "，", "，", "。", "！", "？", "；", "、", "“", "”", "GDP", "5.8%", "2.5", "App", " "}
	odd := []string{"!", "?", ";", "”。", "。”", "）", "》", "a", "Z", "0", "０", "ａ", "Ａ", ".", ",", "-", "%", "％", ":", "/", "'",
		"\t", "\n", "\r", "é", "😀", "\xff", "\xc0\x80", "\xe4\xb8", "\xed\xa0\x80", "\xed\x95\x9c", "\xe0\x80\x80", "\xe0\xa0\x80",
		"\x80", "\xbc", "\xe3\x80", "\xef\xbc", "\x82", "\uffff", "\u3000", "…", "가", "ꀀ", "一", "鿿", "㐀"}
	var m [6]uint64
	vectors := vec.Marks(strings.Repeat("a", 66), 2, 2, &m)
	rng := rand.New(rand.NewPCG(17, 8))
	var mem lineMem
	ways := map[string]int{}
	for round := range 1500 {
		var b strings.Builder
		size := 66 + rng.IntN(300)
		oddEvery := 2 + rng.IntN(60) // some texts all Chinese, some mostly odd
		for b.Len() < size {
			switch {
			case rng.IntN(oddEvery) == 0:
				b.WriteString(odd[rng.IntN(len(odd))])
			case rng.IntN(3) == 0:
				b.WriteString(common[rng.IntN(len(common))])
			default:
				b.WriteString(strings.Repeat("文", 1+rng.IntN(12)))
			}
		}
		text := b.String()
		places := []int{0, len(text)}
		for i := range len(text) {
			if round%4 == 0 || strings.HasPrefix(text[i:], "发展") || strings.HasPrefix(text[i:], "，") {
				places = append(places, i)
			}
		}
		for _, start := range places {
			end := min(start+rng.IntN(7), len(text))
			want, wr := slowSnippet(text, start, end)
			got, gr := mem.snippet(text, start, end)
			if got != want || gr != wr {
				t.Fatalf("snippet(%q, %d, %d) = %q %v, before %q %v", text, start, end, got, gr, want, wr)
			}
			from, n, atEnd, to, nOn, ends := vec.MarksWalk(text, start, end, snippetRunes)
			switch {
			case atEnd:
				ways["back: sentence end"]++
			case n == snippetRunes:
				ways["back: snippetRunes"]++
			case from < start:
				ways["back: goes on"]++
			}
			switch {
			case ends:
				ways["on: sentence end"]++
			case nOn == snippetRunes:
				ways["on: snippetRunes"]++
			case to > end:
				ways["on: goes on"]++
			}
		}
	}
	for _, w := range []string{"back: sentence end", "back: snippetRunes", "back: goes on", "on: sentence end", "on: snippetRunes", "on: goes on"} {
		if vectors && ways[w] == 0 {
			t.Errorf("the marks never ended a walk this way: %s (%v)", w, ways)
		}
	}
}

// TestLineMem: strings made in a lineMem keep their bytes while more are
// made after them, in the same block and in new ones, long and empty.
func TestLineMem(t *testing.T) {
	var mem lineMem
	var made, want []string
	for i := range 3000 {
		s := strings.Repeat(string(rune('a'+i%26)), i%97)
		if i%500 == 0 {
			s = strings.Repeat("长", lineBlock/3) // on its own
		}
		made, want = append(made, mem.clone(s)), append(want, s)
	}
	for i := range made {
		if made[i] != want[i] {
			t.Fatalf("string %d changed: %q, made as %q", i, made[i], want[i])
		}
	}
}

// slowSnippet is snippet as it was before it read the bytes (the
// reference of TestSnippetFast).
func slowSnippet(text string, start, end int) (string, [2]int) {
	from := start
	for n := 0; from > 0; n++ {
		r, size := lastRune(text[:from])
		if sentenceEnd(r) {
			break
		}
		if n == snippetRunes {
			break
		}
		from -= size
	}
	// A sentence that ends inside quotes (…。”) ends after them: the
	// snippet neither starts with the quote closing the sentence before
	// nor loses its own.
	atSentence := false // from starts a sentence
	if r, _ := lastRune(text[:from]); from > 0 && sentenceEnd(r) {
		atSentence = true
		for from < start {
			c, size := firstRune(text[from:])
			if !closingMark(c) {
				break
			}
			from += size
		}
	}
	to := end
	for n := 0; to < len(text); n++ {
		if n == snippetRunes {
			break
		}
		r, size := firstRune(text[to:])
		to += size
		if sentenceEnd(r) {
			for to < len(text) {
				c, size := firstRune(text[to:])
				if !closingMark(c) {
					break
				}
				to += size
			}
			break
		}
	}
	// Never cut a number or a Latin word in two (14.2亿 is not 4.2亿).
	for n := 0; n < snippetRunes && search.CutsWord(text, from); n++ {
		_, size := lastRune(text[:from])
		from -= size
	}
	for n := 0; n < snippetRunes && search.CutsWord(text, to); n++ {
		_, size := firstRune(text[to:])
		to += size
	}
	var b strings.Builder
	b.Grow(to - from + 8)
	lead := 0
	if from > 0 && !atSentence {
		if r, _ := lastRune(text[:from]); !sentenceEnd(r) {
			b.WriteString("…")
			lead = len("…")
		}
	}
	slowOneLine(&b, text[from:to])
	if to < len(text) {
		if r, _ := lastRune(text[:to]); !sentenceEnd(r) && !closingMark(r) {
			b.WriteString("…")
		}
	}
	return b.String(), [2]int{lead + start - from, lead + end - from}
}

// slowOneLine writes s with tabs and line breaks turned into spaces (each one
// byte, so byte offsets stay the same).
func slowOneLine(b *strings.Builder, s string) {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\t') < 0 && strings.IndexByte(s, '\r') < 0 {
		b.WriteString(s)
		return
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
}

// BenchmarkSnippet makes the line of every match of 改造 in a generated
// issue, as a search of a common word does for each hit.
func BenchmarkSnippet(b *testing.B) {
	text := string(issuegen.Issue(1 << 20))
	ms := search.New("改造").FindAll(text)
	var mem lineMem
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range ms {
			mem.snippet(text, m[0], m[1])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ms)), "ns/line")
}

// BenchmarkSnippetBounds finds the snippet bounds of every match of 发展
// in the articles of a generated shelf's issues (the benchcmp search),
// the bounds alone.
func BenchmarkSnippetBounds(b *testing.B) {
	c := shelftest.DefaultConfig()
	var pages []string
	for n := range 8 {
		pages = append(pages, shelftest.Issue(c, c.First, n, "")...)
	}
	q := search.New("发展")
	type hit struct {
		text       string
		start, end int
	}
	var hits []hit
	is, err := issue.Parse(strings.NewReader(strings.Join(pages, "")), issue.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, sec := range is.Sections {
		for _, a := range sec.Articles {
			a.EachPiece(func(_ int, p issue.Piece) bool {
				for _, m := range q.FindAll(p.Text) {
					hits = append(hits, hit{p.Text, m[0], m[1]})
				}
				return true
			})
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, h := range hits {
			from, to, _, _ := snippetBounds(h.text, h.start, h.end)
			n += to - from
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(hits)), "ns/hit")
	b.ReportMetric(float64(n)/float64(b.N*len(hits)), "bytes/hit")
	b.ReportMetric(float64(len(hits)), "hits")
}
