package issue

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestParsePageLabel reads page labels in the forms e-paper pages, feeds
// and e-books write them.
func TestParsePageLabel(t *testing.T) {
	tests := []struct {
		in   string
		page int
		name string
		ok   bool
	}{
		{"第01版：要闻", 1, "要闻", true},
		{"01版:要闻", 1, "要闻", true},
		{"第01版 要闻", 1, "要闻", true},
		{"第 12 版", 12, "", true},
		{"A01版：要闻", 1, "要闻", true},
		{"第０３版：经济", 3, "经济", true},
		{"第09版：砥砺奋进的5年·特别报道", 9, "砥砺奋进的5年·特别报道", true},
		{"第05版：2026全国两会特刊", 5, "2026全国两会特刊", true},
		{"  第02版\t国内 \n", 2, "国内", true},
		{"第二版：综合新闻", 2, "综合新闻", true},
		{"01版权所有", 0, "", false},
		{"下一版", 0, "", false},
		{"2026年", 0, "", false},
		{"第0版", 0, "", false},
		{"第1234版", 0, "", false},
		{"A2 要闻", 0, "", false},
		{"第01版：一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", 0, "", false},
	}
	for _, tt := range tests {
		page, name, ok := ParsePageLabel(tt.in)
		if page != tt.page || name != tt.name || ok != tt.ok {
			t.Errorf("ParsePageLabel(%q) = %d, %q, %v; want %d, %q, %v", tt.in, page, name, ok, tt.page, tt.name, tt.ok)
		}
	}
}

// TestMayStartPage checks mayStartPage's own decoding against
// utf8.DecodeRuneInString's, for every first three bytes: it takes a
// string exactly when its first character is 第, a capital letter (a
// small one in a label) or a page digit.
func TestMayStartPage(t *testing.T) {
	for x := 0; x < 1<<24; x++ {
		a, b, c := byte(x>>16), byte(x>>8), byte(x)
		if a < 0xC0 && (b != 0 || c != 0) || a < 0xE0 && c != 0 {
			continue // the bytes that decide are the first (ASCII) or two
		}
		for _, s := range []string{string([]byte{a, b, c}), string([]byte{a, b}), string([]byte{a})} {
			for _, label := range []bool{false, true} {
				r, _ := utf8.DecodeRuneInString(s)
				want := r == '第' || r >= 'A' && r <= 'Z' || label && r >= 'a' && r <= 'z' || isPageDigit(r)
				if got := mayStartPage(s, label); got != want {
					t.Fatalf("mayStartPage(% x, %v) = %v, want %v", s, label, got, want)
				}
			}
		}
	}
	if mayStartPage("", false) {
		t.Error(`mayStartPage("") = true`)
	}
}

// TestIsPageDigit checks isPageDigit's one switch against the numerals
// it stands for: an ASCII or full-width digit, a Chinese digit
// (chineseDigit) or a unit below 万 (chineseUnit), for every character.
func TestIsPageDigit(t *testing.T) {
	numeral := func(r rune) bool {
		u := chineseUnit(r)
		return chineseDigit(r) >= 0 || u > 0 && u < 10000
	}
	var numerals []rune
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		want := r >= '0' && r <= '9' || r >= '０' && r <= '９' || numeral(r)
		if got := isPageDigit(r); got != want {
			t.Errorf("isPageDigit(%U) = %v, want %v", r, got, want)
		}
		if numeral(r) {
			numerals = append(numerals, r)
		}
	}
	if t.Failed() {
		t.Log(pageNumeralTable(numerals))
	}
}

// pageNumeralTable returns the pageNumeralHash and pageNumerals that give
// each of numerals a slot of its own, as Go source.
func pageNumeralTable(numerals []rune) string {
	for m := uint32(0x9E3779B1); m < 0x9E3779B1+1<<24; m += 2 {
		var slots [128]rune
		ok := true
		for _, r := range numerals {
			h := uint32(r) * m >> 25
			if slots[h] != 0 {
				ok = false
				break
			}
			slots[h] = r
		}
		if !ok {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "const pageNumeralHash = %#x\nvar pageNumerals = [128]rune{", m)
		for h, r := range slots {
			if r != 0 {
				fmt.Fprintf(&b, "%d: '%c', ", h, r)
			}
		}
		b.WriteString("}")
		return b.String()
	}
	return "no multiplier gives each numeral a slot of its own: make the table larger"
}
