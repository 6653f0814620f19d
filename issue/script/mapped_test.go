package script

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMappedLengthChanges maps offsets across phrases whose length
// changes: s2twp writes 互联网 as 網際網路 (3 → 4 characters) and 内存 as
// 記憶體 (2 → 3), tw2sp the reverse.
func TestMappedLengthChanges(t *testing.T) {
	s2twp, err := Load(S2TWP)
	if err != nil {
		t.Fatal(err)
	}
	tw2sp, err := Load(TW2SP)
	if err != nil {
		t.Fatal(err)
	}
	m := s2twp.ConvertMapped("用互联网看内存。")
	if m.Text != "用網際網路看記憶體。" {
		t.Fatalf("s2twp = %q", m.Text)
	}
	// Byte offsets: 用 0, 互联网 3–12, 看 12, 内存 15–21, 。21–24 in the
	// source; 用 0, 網際網路 3–15, 看 15, 記憶體 18–27, 。27–30 in the text.
	for _, tt := range []struct {
		name          string
		src, text, up int
	}{
		{"start", 0, 0, 0},
		{"phrase start", 3, 3, 3},
		{"inside 互联网", 6, 3, 15},
		{"after 互联网", 12, 15, 15},
		{"inside 内存", 18, 18, 27},
		{"before 。", 21, 27, 27},
		{"end", 24, 30, 30},
	} {
		if got := m.ToText(tt.src); got != tt.text {
			t.Errorf("%s: ToText(%d) = %d, want %d", tt.name, tt.src, got, tt.text)
		}
		if got := m.ToTextEnd(tt.src); got != tt.up {
			t.Errorf("%s: ToTextEnd(%d) = %d, want %d", tt.name, tt.src, got, tt.up)
		}
	}
	for _, tt := range []struct{ text, src, up int }{
		{0, 0, 0}, {3, 3, 3}, {9, 3, 12}, {15, 12, 12}, {21, 15, 21}, {27, 21, 21}, {30, 24, 24},
	} {
		if got := m.ToSource(tt.text); got != tt.src {
			t.Errorf("ToSource(%d) = %d, want %d", tt.text, got, tt.src)
		}
		if got := m.ToSourceEnd(tt.text); got != tt.up {
			t.Errorf("ToSourceEnd(%d) = %d, want %d", tt.text, got, tt.up)
		}
	}
	// A search hit on 看内存 (bytes 12–21) lands on 看記憶體 (15–27); a
	// hit inside a phrase covers the whole phrase.
	if s, e := m.TextRange(12, 21); m.Text[s:e] != "看記憶體" {
		t.Errorf("TextRange(12, 21) = %q", m.Text[s:e])
	}
	if s, e := m.TextRange(6, 9); m.Text[s:e] != "網際網路" {
		t.Errorf("TextRange(6, 9) = %q", m.Text[s:e])
	}
	if s, e := m.SourceRange(6, 9); m.Source[s:e] != "互联网" {
		t.Errorf("SourceRange(6, 9) = %q", m.Source[s:e])
	}

	back := tw2sp.ConvertMapped(m.Text)
	if back.Text != m.Source {
		t.Errorf("tw2sp(%q) = %q, want %q", m.Text, back.Text, m.Source)
	}
	if got := back.ToText(18); got != 15 { // 記憶體 → 内存
		t.Errorf("tw2sp ToText(18) = %d, want 15", got)
	}
}

// TestMappedProperties checks the map on every character of the samples,
// under every conversion: offsets go forward together, character
// boundaries map to character boundaries, and an offset outside a changed
// phrase comes back to itself.
func TestMappedProperties(t *testing.T) {
	texts := []string{sampleText(t, "sample.md"), sampleText(t, "hk-sample.md"),
		strings.Repeat("互联网内存U盘SQL注入，", 3), "記憶體網際網路隨身碟"}
	for _, c := range conversions {
		cv, err := Load(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range texts {
			checkMapped(t, string(c), cv.ConvertMapped(s))
		}
	}
}

// checkMapped checks the properties of m's map.
func checkMapped(t *testing.T, name string, m Mapped) {
	t.Helper()
	if m.ToText(0) != 0 || m.ToTextEnd(len(m.Source)) != len(m.Text) || m.ToText(len(m.Source)) != len(m.Text) {
		t.Fatalf("%s: the ends do not map to the ends", name)
	}
	if m.ToSource(0) != 0 || m.ToSourceEnd(len(m.Text)) != len(m.Source) {
		t.Fatalf("%s: the ends do not map back to the ends", name)
	}
	srcAt, textAt := boundaries(m.Source), boundaries(m.Text)
	prev, prevUp := 0, 0
	for i := 0; i <= len(m.Source); i++ {
		if !srcAt[i] {
			continue
		}
		o, up := m.ToText(i), m.ToTextEnd(i)
		if o < prev || up < prevUp || o > up || up > len(m.Text) {
			t.Fatalf("%s: offset %d maps to [%d, %d] after [%d, %d]", name, i, o, up, prev, prevUp)
		}
		if !textAt[o] || !textAt[up] {
			t.Fatalf("%s: offset %d maps into a character (%d, %d)", name, i, o, up)
		}
		if o == up { // not inside a changed phrase
			if back := m.ToSource(o); back != i {
				t.Fatalf("%s: offset %d maps to %d, which maps back to %d", name, i, o, back)
			}
		}
		prev, prevUp = o, up
	}
}

// boundaries returns which offsets of s, 0 to len(s), start a character
// (or a byte that is none) or end s.
func boundaries(s string) []bool {
	at := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		at[i] = true
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	at[len(s)] = true
	return at
}

// FuzzConvertMapped converts any text with the conversions that change
// lengths and checks the map: no panic, the text is Convert's, and the
// map's properties hold, on any bytes.
func FuzzConvertMapped(f *testing.F) {
	for _, s := range []string{"用互联网看内存。", "記憶體網際網路", "U盘\xffSQL注入", "", "头发皇后干部干燥"} {
		f.Add(s)
	}
	s2twp, err := Load(S2TWP)
	if err != nil {
		f.Fatal(err)
	}
	tw2sp, err := Load(TW2SP)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cv := range []*Converter{s2twp, tw2sp} {
			m := cv.ConvertMapped(s)
			if m.Text != cv.Convert(s) {
				t.Fatalf("%s: ConvertMapped(%q) = %q, Convert %q", cv.Conversion(), s, m.Text, cv.Convert(s))
			}
			checkMapped(t, string(cv.Conversion()), m)
		}
	})
}
