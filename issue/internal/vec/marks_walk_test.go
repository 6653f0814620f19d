package vec

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"

	"dubao/issue/pageendtest"
)

// TestMarksWalk holds MarksWalk to marksWalkRef (the walks over the masks
// marksScalar makes, one bit at a time in Go) on random texts of Chinese
// sentences, with their ends, ASCII, closing quotes, two- and four-byte
// characters, the leads that only some second bytes follow and broken
// UTF-8: every match place in them (its start and end inside characters
// too), the limits of a snippet and others. Each way a walk ends is
// taken, where the processor has the vectors.
func TestMarksWalk(t *testing.T) {
	common := []string{"发展", "中国", "的", "，", "。", "！", "？", "；", "、", "“", "”", "GDP", "5.8%", " "}
	odd := []string{"!", "?", ";", "”。", "a", "Z", "0", "Ａ", ".", "\t", "\n", "é", "😀", "\xff", "\xc0\x80", "\xe4\xb8",
		"\xed\xa0\x80", "\xed\x95\x9c", "\xe0\x80\x80", "\xe0\xa0\x80", "\x80", "\xbc", "\xe3\x80", "\xef\xbc", "\x82", "\uffff", "가"}
	rng := rand.New(rand.NewPCG(24, 66))
	ways := map[string]int{}
	for round := range 600 {
		var b strings.Builder
		size := 66 + rng.IntN(260)
		oddEvery := 2 + rng.IntN(60)
		asciiRun := round%5 == 0 // runs of more than limit characters in 64 bytes
		for b.Len() < size {
			switch {
			case rng.IntN(oddEvery) == 0:
				b.WriteString(odd[rng.IntN(len(odd))])
			case asciiRun && rng.IntN(2) == 0:
				b.WriteString(strings.Repeat("x", 1+rng.IntN(30)))
			case rng.IntN(3) == 0:
				b.WriteString(common[rng.IntN(len(common))])
			default:
				b.WriteString(strings.Repeat("文", 1+rng.IntN(12)))
			}
		}
		s := b.String()
		limit := []int{24, 24, 1, 5, 40, 63}[round%6]
		for start := 0; start <= len(s); start++ {
			end := min(start+rng.IntN(8), len(s))
			got := fmtWalk(MarksWalk(s, start, end, limit))
			want := fmtWalk(marksWalkRef(s, start, end, limit))
			if got != want {
				t.Fatalf("MarksWalk(%q, %d, %d, %d) = %s, want %s", s, start, end, limit, got, want)
			}
			from, n, atEnd, to, nOn, ends := MarksWalk(s, start, end, limit)
			switch {
			case atEnd:
				ways["back: sentence end"]++
			case n == limit:
				ways["back: limit"]++
			case from < start:
				ways["back: goes on"]++
			}
			switch {
			case ends:
				ways["on: sentence end"]++
			case nOn == limit:
				ways["on: limit"]++
			case to > end:
				ways["on: goes on"]++
			}
		}
	}
	for _, w := range []string{"back: sentence end", "back: limit", "back: goes on", "on: sentence end", "on: limit", "on: goes on"} {
		if hasWalks && ways[w] == 0 {
			t.Errorf("no walk ended this way: %s (%v)", w, ways)
		}
	}
	if !hasWalks && len(ways) > 0 {
		t.Errorf("walks without vectors: %v", ways)
	}
}

// TestMarksWalkPageEnd: MarksWalk reads no byte past the end of its text
// (each put at the very end of readable memory, pageendtest), matches at
// every place of the last bytes too.
func TestMarksWalkPageEnd(t *testing.T) {
	put := pageendtest.New(t)
	src := strings.Repeat("中文。发展！a?；\xed\x95\x9c😀，", 12)
	for n := 66; n <= 160; n++ {
		s := src[len(src)-n:]
		at := pageendtest.String(put(s))
		for start := n - 70; start <= n; start++ {
			end := min(start+6, n)
			if got, want := fmtWalk(MarksWalk(at, start, end, 24)), fmtWalk(marksWalkRef(s, start, end, 24)); got != want {
				t.Fatalf("MarksWalk(%q, %d, %d) = %s at a page's end, want %s", s, start, end, got, want)
			}
		}
	}
}

// fmtWalk writes what MarksWalk returns, to compare.
func fmtWalk(from, n int, atEnd bool, to, nOn int, ends bool) string {
	return strings.Join([]string{itoa(from), itoa(n), btoa(atEnd), itoa(to), itoa(nOn), btoa(ends)}, " ")
}

func itoa(v int) string {
	if v < 0 {
		return "-" + itoa(-v)
	}
	if v < 10 {
		return string(rune('0' + v))
	}
	return itoa(v/10) + string(rune('0'+v%10))
}

func btoa(b bool) string {
	if b {
		return "t"
	}
	return "f"
}

// marksWalkRef is MarksWalk written with marksScalar's masks and the
// walks over them in Go (as the search's snippet made them before the
// walks were written in assembly): the reference of TestMarksWalk.
func marksWalkRef(s string, start, end, limit int) (from, n int, atEnd bool, to, nOn int, ends bool) {
	from, to = start, end
	if !hasWalks || len(s) < 66 || start < 0 || start > end || end > len(s) {
		return
	}
	back := start >= 3 && s[start-1] < 0xC0 && s[start-2] < 0xE0
	on := end >= 2 && end < len(s) && s[end-1] < 0xC0 && s[end-2] < 0xE0
	wb, wo := max(start-64, 2), min(end, len(s)-64)
	if back {
		starts, stops, odd := marksScalar(s, wb)
		from, n, atEnd = walkBackRef(start, wb, starts, stops, odd, limit)
	}
	if on {
		starts, stops, odd := marksScalar(s, wo)
		to, nOn, ends = walkOnRef(end, wo, starts, stops, odd, limit)
	}
	return
}

// walkBackRef walks back from start over the marks from w (see MarksWalk).
func walkBackRef(start, w int, starts, stops, odd uint64, limit int) (from, n int, atEnd bool) {
	before := ^uint64(0) // the bytes before start
	if k := start - w; k < 64 {
		before = 1<<uint(k) - 1
	}
	starts, odd = starts&before, odd&before
	if odd != 0 {
		starts &= ^uint64(0) << bits.Len64(odd) // whole characters after the last odd byte
	}
	if starts == 0 {
		return start, 0, false
	}
	x := bits.TrailingZeros64(starts) // the first character passed
	if stops &= before & (^uint64(0) << x); stops != 0 {
		p := bits.Len64(stops)
		if k := bits.OnesCount64(starts >> p); k <= limit {
			return w + p, k, true
		}
	}
	if k := bits.OnesCount64(starts); k < limit {
		return w + x, k, false
	}
	return w + selectTop(starts, limit), limit, false
}

// walkOnRef walks on from end over the marks from w (see MarksWalk).
func walkOnRef(end, w int, starts, stops, odd uint64, limit int) (to, n int, ends bool) {
	after := ^uint64(0) << uint(end-w) // the bytes from end
	starts, odd = starts&after, odd&after
	if odd != 0 {
		starts &= uint64(1)<<bits.TrailingZeros64(odd) - 1 // whole characters before the first odd byte
	}
	if starts == 0 {
		return end, 0, false
	}
	last := bits.Len64(starts) - 1 // a character that may go on past the marked bytes
	whole := starts &^ (uint64(1) << last)
	if stops &= after & (uint64(1)<<last - 1); stops != 0 {
		q := bits.TrailingZeros64(stops)
		if k := bits.OnesCount64(whole & (uint64(2)<<q - 1)); k <= limit {
			return w + q + 1, k, true
		}
	}
	if bits.OnesCount64(starts) <= limit {
		return w + last, bits.OnesCount64(whole), false
	}
	return w + selectBottom(starts, limit+1), limit, false
}

// selectTop returns the place of the k-th set bit of s from the top.
func selectTop(s uint64, k int) int {
	for b := 63; b >= 0; b-- {
		if bits.OnesCount64(s>>b) == k && s&(1<<b) != 0 {
			return b
		}
	}
	return -1
}

// selectBottom returns the place of the k-th set bit of s from the bottom.
func selectBottom(s uint64, k int) int {
	for b := range 64 {
		if bits.OnesCount64(s&(1<<(b+1)-1)) == k && s&(1<<b) != 0 {
			return b
		}
	}
	return -1
}

// TestMarksWalkOutside: MarksWalk passes nothing, and reads nothing it
// should not, for a text of less than 66 bytes and for a match that is
// not in its text (before it, after it, its end before its start); for
// every other match of a 66-byte text it walks as marksWalkRef.
func TestMarksWalkOutside(t *testing.T) {
	put := pageendtest.New(t)
	src := strings.Repeat("中文。发展！a?；，", 8)
	for n := 0; n <= 66; n++ {
		s := src[len(src)-n:]
		at := pageendtest.String(put(s))
		for _, m := range [][2]int{{-1, 0}, {-5, -2}, {-1, 3}, {0, n + 1}, {n, n + 1}, {n + 1, n + 2}, {3, 2}, {n, 0}, {4, 4}, {0, 0}, {n, n}, {n - 3, n}} {
			start, end := m[0], m[1]
			got := fmtWalk(MarksWalk(at, start, end, 24))
			want := fmtWalk(start, 0, false, end, 0, false)
			if n == 66 && 0 <= start && start <= end && end <= n {
				want = fmtWalk(marksWalkRef(s, start, end, 24))
			}
			if got != want {
				t.Fatalf("MarksWalk(%q, %d, %d) = %s, want %s", s, start, end, got, want)
			}
		}
	}
}
