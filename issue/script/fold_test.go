package script

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	// Each group folds to one character.
	for _, group := range []string{
		"苹蘋", "发發髮", "里裏裡", "着著", "台臺檯颱", "为為爲", "说說説", "线綫線", "干乾幹",
		"后後", "头頭", "广廣", "卫衛衞", "温溫", "户戶", "面麪麵",
	} {
		rs := []rune(group)
		want := Fold(rs[0])
		for _, r := range rs {
			if got := Fold(r); got != want {
				t.Errorf("Fold(%c) = %c, want %c (as %c)", r, got, want, rs[0])
			}
			if !slices.Contains(Variants(r), r) || !slices.Contains(Variants(r), rs[0]) {
				t.Errorf("Variants(%c) = %q lacks %c or %c", r, string(Variants(r)), r, rs[0])
			}
		}
	}
	// Different words stay different.
	for _, pair := range []string{"发法", "里理", "干千", "台抬", "后候", "苹平"} {
		rs := []rune(pair)
		if Fold(rs[0]) == Fold(rs[1]) {
			t.Errorf("Fold(%c) = Fold(%c)", rs[0], rs[1])
		}
	}
	for _, r := range "aZ9，。「」、　κ" {
		if Fold(r) != r || !slices.Equal(Variants(r), []rune{r}) {
			t.Errorf("Fold(%c) = %c, Variants %q", r, Fold(r), string(Variants(r)))
		}
	}
}

// TestFoldTables checks every folding character: folding twice is folding
// once, a character is among its variants, and every variant folds alike.
func TestFoldTables(t *testing.T) {
	n := 0
	for r := rune(0x2E80); r <= 0x323AF; r++ {
		f := Fold(r)
		if f < 0x2E80 { // search relies on it to pass Han characters over
			t.Fatalf("Fold(%c) = %U, outside the CJK blocks", r, f)
		}
		if Fold(f) != f {
			t.Fatalf("Fold(Fold(%c)) = %c, Fold(%c) = %c", r, Fold(f), r, f)
		}
		if f == r && len(Variants(r)) == 1 {
			continue
		}
		n++
		vs := Variants(r)
		if !slices.Contains(vs, r) || !slices.IsSorted(vs) {
			t.Fatalf("Variants(%c) = %q", r, string(vs))
		}
		for _, v := range vs {
			if Fold(v) != f {
				t.Fatalf("Variants(%c) holds %c, which folds to %c, not %c", r, v, Fold(v), f)
			}
		}
	}
	if n < 4000 {
		t.Errorf("only %d characters fold with others; the tables were not built", n)
	}
}
