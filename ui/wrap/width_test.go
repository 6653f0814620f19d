package wrap

import (
	"reflect"
	"testing"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// TestFastWidthMatchesUniseg checks every rune the fast path accepts: its
// width must be uniseg's, its ambiguity golang.org/x/text/width's, and it
// must never join a neighbour in a grapheme cluster.
func TestFastWidthMatchesUniseg(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0x10ffff; r++ {
		w, amb, ok := fastWidth(r)
		if !ok {
			continue
		}
		n++
		s := string(r)
		if uw := uniseg.StringWidth(s); uw != w {
			t.Errorf("U+%04X: fast width %d, uniseg %d", r, w, uw)
		}
		if ua := width.LookupRune(r).Kind() == width.EastAsianAmbiguous; ua != amb {
			t.Errorf("U+%04X: fast ambiguous %v, x/text %v", r, amb, ua)
		}
		for _, ctx := range []string{"中", "a", "“"} {
			if c, _, _, _ := uniseg.FirstGraphemeClusterInString(s+ctx, -1); c != s {
				t.Errorf("U+%04X joins a following %q", r, ctx)
			}
			if c, _, _, _ := uniseg.FirstGraphemeClusterInString(ctx+s, -1); c != ctx {
				t.Errorf("U+%04X joins a preceding %q", r, ctx)
			}
		}
	}
	if n < 20000 {
		t.Errorf("fast path covers only %d runes", n)
	}
}

func TestStringWidth(t *testing.T) {
	tests := []struct {
		s            string
		narrow, wide int
	}{
		{"", 0, 0},
		{"abc", 3, 3},
		{"中文", 4, 4},
		{"，。", 4, 4},
		{"“”", 2, 4},
		{"……", 2, 4},
		{"——", 2, 4},
		{"·", 1, 2},
		{"e\u0301", 1, 1},         // combining mark
		{"👍🏽", 2, 2},              // emoji with skin tone
		{"🇨🇳", 2, 2},              // flag
		{"👨\u200d👩\u200d👧", 2, 2}, // ZWJ sequence
		{"ｱ", 1, 1},               // halfwidth katakana
		{"\u3000", 2, 2},          // ideographic space
		{"Ⅻ", 1, 2},               // ambiguous letter-like
		{"a\u0301中", 3, 3},
	}
	for _, tt := range tests {
		if got := StringWidth(tt.s, false); got != tt.narrow {
			t.Errorf("StringWidth(%q, false) = %d, want %d", tt.s, got, tt.narrow)
		}
		if got := StringWidth(tt.s, true); got != tt.wide {
			t.Errorf("StringWidth(%q, true) = %d, want %d", tt.s, got, tt.wide)
		}
		if got := uniseg.StringWidth(tt.s); got != tt.narrow {
			t.Errorf("uniseg.StringWidth(%q) = %d, the narrow width should agree (%d)", tt.s, got, tt.narrow)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s       string
		width   int
		ambWide bool
		want    string
	}{
		{"abc", 3, false, "abc"},
		{"abcd", 3, false, "ab…"},
		{"中文标题很长", 7, false, "中文标…"},
		{"中文标题很长", 6, false, "中文…"},
		{"中文", 3, false, "中…"},
		{"中文", 4, false, "中文"},
		{"ab cd", 4, false, "ab…"},
		{"ab\u3000cd", 5, false, "ab…"},
		{"e\u0301e\u0301e\u0301", 2, false, "e\u0301…"},
		{"👍🏽👍🏽", 3, false, "👍🏽…"},
		{"“好”abc", 5, true, "“…"},
		{"“好”abc", 5, false, "“好”…"},
		{"中文", 1, true, ""},
		{"abc", 1, true, "a"},
		{"abc", 0, false, ""},
		{"", 5, false, ""},
	}
	for _, tt := range tests {
		got := Truncate(tt.s, tt.width, tt.ambWide)
		if got != tt.want {
			t.Errorf("Truncate(%q, %d, %v) = %q, want %q", tt.s, tt.width, tt.ambWide, got, tt.want)
		}
		if w := StringWidth(got, tt.ambWide); w > max(tt.width, 0) {
			t.Errorf("Truncate(%q, %d, %v) = %q is %d columns wide", tt.s, tt.width, tt.ambWide, got, w)
		}
	}
}

func TestSplitSpans(t *testing.T) {
	text := "一二三四 五六七八"
	lines := Lines(text, Options{Width: 8})
	if got := layoutOf(text, lines); got != "一二三四|五六七八" {
		t.Fatalf("layout %q", got)
	}
	spans := []Span{
		{Start: 3, End: 9, Style: 1},   // 二三 on line 0
		{Start: 9, End: 16, Style: 2},  // 四, the space (trimmed) and 五: crosses the break
		{Start: 12, End: 13, Style: 3}, // the trailing space alone: dropped
		{Start: 0, End: 25, Style: 4},  // everything
	}
	got := SplitSpans(text, spans, lines)
	want := [][]Span{
		{{3, 9, 1}, {9, 12, 2}, {0, 12, 4}},
		{{0, 3, 2}, {0, 12, 4}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SplitSpans:\n got %v\nwant %v", got, want)
	}
	if got := SplitSpans(text, nil, lines); len(got) != 2 || got[0] != nil || got[1] != nil {
		t.Errorf("no spans: got %v", got)
	}
}
