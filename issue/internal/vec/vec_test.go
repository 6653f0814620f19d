package vec

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestIndex: Index says what strings.Index says, for needles at every
// place of the vectors' blocks, near the end, overlapping their own
// bytes, and with their bytes apart.
func TestIndex(t *testing.T) {
	needles := []string{"版", "》", "）", "aaa", "\x00\x00\x00"}
	r := rand.New(rand.NewPCG(3, 4))
	fill := []string{"中", "文", "a", "，", "版"[:2], "版"[1:], "》"[:1], "\x89", "\x00", "aa"}
	for _, seq := range needles {
		nd := NewNeedle3(seq)
		check := func(s string) {
			t.Helper()
			if got, want := nd.Index(s), strings.Index(s, seq); got != want {
				t.Fatalf("Index(%q, %q) = %d, want %d", s, seq, got, want)
			}
			if got, want := nd.IndexBytes([]byte(s)), strings.Index(s, seq); got != want {
				t.Fatalf("IndexBytes(%q, %q) = %d, want %d", s, seq, got, want)
			}
		}
		for n := range 200 {
			for range 5 {
				var b strings.Builder
				for b.Len() < n {
					b.WriteString(fill[r.IntN(len(fill))])
				}
				s := b.String()
				check(s)
				if n > 0 {
					k := r.IntN(len(s))
					check(s[:k] + seq + s[k:])
				}
			}
		}
	}
}

// TestIndexFindsAll: on a long text, every instance of the needle is
// found in turn (Index of the rest after each), and the vectors find the
// first one where it lies past their first blocks.
func TestIndexFindsAll(t *testing.T) {
	s := strings.Repeat("第一版要闻，中文》（", 300) + "版"
	nd := NewNeedle3("版")
	n := 0
	for i := 0; ; n++ {
		k := nd.Index(s[i:])
		if k < 0 {
			break
		}
		i += k + 3
	}
	if want := strings.Count(s, "版"); n != want {
		t.Fatalf("found %d, want %d", n, want)
	}
	long := strings.Repeat("中文", 100) + "版" + strings.Repeat("a", 40)
	if j := nd.Index(long); j != 600 {
		t.Fatalf("past the first blocks: %d, want 600", j)
	}
}

// FuzzIndex: Index says what strings.Index says.
func FuzzIndex(f *testing.F) {
	f.Add(strings.Repeat("中文，", 20)+"版", "版")
	f.Add(strings.Repeat("a", 40)+"》", "》")
	f.Fuzz(func(t *testing.T, s, seq string) {
		if len(seq) != 3 {
			return
		}
		if got, want := NewNeedle3(seq).Index(s), strings.Index(s, seq); got != want {
			t.Fatalf("Index(%q, %q) = %d, want %d", s, seq, got, want)
		}
	})
}

// TestContainsAny: ContainsAny and Set.Index say whether and where a byte
// of the set is first, for
// each byte of the set (and others) at every place of texts of 0 to 100
// bytes, sets of one to eight bytes.
func TestContainsAny(t *testing.T) {
	sets := []string{"*_`[<\\", "a", "\x00\xff", "12345678", "\x89\x8b"}
	base := strings.Repeat("中文，“版”》ab", 20)
	for _, chars := range sets {
		set := NewSet(chars)
		check := func(s string) {
			t.Helper()
			wantAt := -1
			for i := range len(s) {
				if strings.IndexByte(chars, s[i]) >= 0 {
					wantAt = i
					break
				}
			}
			if got, want := set.ContainsAny(s), wantAt >= 0; got != want {
				t.Fatalf("ContainsAny(%q, %q) = %v, want %v", s, chars, got, want)
			}
			if got := set.Index(s); got != wantAt {
				t.Fatalf("Index(%q, %q) = %d, want %d", s, chars, got, wantAt)
			}
		}
		for n := range 100 {
			s := base[:n]
			check(s)
			for k := range n + 1 {
				for _, c := range []byte(chars + "\x00b\xe4") {
					check(s[:k] + string([]byte{c}) + s[k:])
				}
			}
		}
	}
}

// BenchmarkIndex measures finding every 版 in 1 MB of Chinese text, with
// Index and with strings.Index.
func BenchmarkIndex(b *testing.B) {
	s := strings.Repeat("中文，青溪河“廊道”全线贯通。GDP 5.8%、第一版要闻", 20000)
	nd := NewNeedle3("版")
	for _, c := range []struct {
		name  string
		index func(string) int
	}{{"vec", nd.Index}, {"strings", func(s string) int { return strings.Index(s, "版") }}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				for i := 0; ; {
					k := c.index(s[i:])
					if k < 0 {
						break
					}
					i += k + 3
				}
			}
		})
	}
}
