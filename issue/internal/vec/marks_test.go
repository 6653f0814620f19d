package vec

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMarks holds Marks to marksScalar, byte by byte: random texts of
// Chinese characters, sentence ends and their look-alikes (、 is E3 80
// 81, ， is EF BC 8C), ASCII, two- and four-byte characters, the leads
// that only some second bytes follow (E0, ED), and broken UTF-8, marked
// from every place; without vectors, Marks marks nothing.
func TestMarks(t *testing.T) {
	parts := []string{"中", "文", "发展", "。", "！", "？", "；", "!", "?", ";", "，", "、", "：", "”", "a", "5", " ", "\n",
		"é", "😀", "\xff", "\xc0\x80", "\xc1", "\xe4\xb8", "\xed\xa0\x80", "\xed\x95\x9c", "\xe0\x80\x80", "\xe0\xa0\x80",
		"\x80", "\xbc", "\xe3\x80", "\xef\xbc", "\x82", "\x81", "\x9f", "\x9b", "\uffff", "\u3000", "가", "ꀀ", "Ａ"}
	rng := rand.New(rand.NewPCG(8, 17))
	marked := 0
	for range 300 {
		var b strings.Builder
		for b.Len() < 200 {
			if rng.IntN(2) == 0 {
				b.WriteString(parts[rng.IntN(4)])
			} else {
				b.WriteString(parts[rng.IntN(len(parts))])
			}
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			j := rng.IntN(len(s) + 1)
			if rng.IntN(3) == 0 {
				j = i
			}
			var m [6]uint64
			ok := Marks(s, i, j, &m)
			if i < 2 || i+64 > len(s) || j < 2 || j+64 > len(s) || !hasAVX2 {
				if ok || m != [6]uint64{} {
					t.Fatalf("Marks(%q, %d, %d) = %x %v, want nothing", s, i, j, m, ok)
				}
				continue
			}
			var want [6]uint64
			want[0], want[1], want[2] = marksScalar(s, i)
			want[3], want[4], want[5] = marksScalar(s, j)
			if !ok || m != want {
				t.Fatalf("Marks(%q, %d, %d) = %x %v, want %x", s, i, j, m, ok, want)
			}
			marked++
		}
	}
	if hasAVX2 && marked == 0 {
		t.Fatal("nothing marked")
	}
}

// TestMarksScalar: marksScalar marks what it says on a text spelled out.
func TestMarksScalar(t *testing.T) {
	// Two bytes before, then 64: 中 。 a ! ， E0 80 80, then 中 to fill.
	s := "xx" + "中。a!，\xe0\x80\x80" + strings.Repeat("中", 16) + "abcd"
	starts, stops, odd := marksScalar(s, 2)
	// 中 0-2, 。3-5, a 6, ! 7, ，8-10, E0 80 80 11-13, 中… from 14.
	if got, want := stops, uint64(1)<<5|1<<7; got != want {
		t.Errorf("stops %b, want %b", got, want)
	}
	if got, want := odd, uint64(1)<<11; got != want {
		t.Errorf("odd %b, want %b", got, want)
	}
	for _, k := range []int{0, 3, 6, 7, 8, 11, 14} {
		if starts&(1<<k) == 0 {
			t.Errorf("no start at %d: %b", k, starts)
		}
	}
	for _, k := range []int{1, 2, 4, 5, 9, 10, 12, 13} {
		if starts&(1<<k) != 0 {
			t.Errorf("a start at %d: %b", k, starts)
		}
	}
}
