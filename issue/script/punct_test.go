package script

import (
	"strings"
	"testing"
	"unicode"
)

// TestFullWidthPunct checks the display mapping of half-width punctuation:
// full width between Chinese text, never inside numbers or Latin text, and
// brackets as pairs.
func TestFullWidthPunct(t *testing.T) {
	c := (*Converter)(nil).WithFullWidthPunct()
	for _, tc := range []struct{ in, want string }{
		{"指出,今年", "指出，今年"},
		{"会议强调,要坚持;二是:落实", "会议强调，要坚持；二是：落实"},
		{"你来了吗?我来了!", "你来了吗？我来了！"},
		{"投资额居前五位的项目如下:", "投资额居前五位的项目如下："},
		{"如下: A", "如下: A"},
		{"这是真的吗?", "这是真的吗？"},
		{"本报讯(记者 林晓帆)3月7日", "本报讯（记者 林晓帆）3月7日"},
		{"(审议稿)》", "（审议稿）》"},
		{"。(反馈)", "。（反馈）"},
		{"GDP达到2,861.3亿元", "GDP达到2,861.3亿元"},
		{"2,861.3", "2,861.3"},
		{"A,B两组", "A,B两组"},
		{"两组A,B", "两组A,B"},
		{"函数f(x)的值", "函数f(x)的值"},
		{"GDP(国内生产总值)", "GDP(国内生产总值)"},
		{"增长5.8%,今年", "增长5.8%,今年"},
		{"他说:“好。”", "他说：“好。”"},
		{"Hello, world!", "Hello, world!"},
		{"时间:10:30", "时间:10:30"},
		{"已是全角，不变", "已是全角，不变"},
		{"", ""},
		{",", ","},
	} {
		if got := c.Convert(tc.in); got != tc.want {
			t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFullWidthPunctMapped: offsets map between the source and the text
// shown, so that a match found in the source is drawn on the same
// characters; converting after a script conversion keeps both.
func TestFullWidthPunctMapped(t *testing.T) {
	c := (*Converter)(nil).WithFullWidthPunct()
	src := "指出,今年经济(总体)平稳"
	m := c.ConvertMapped(src)
	if m.Text != "指出，今年经济（总体）平稳" {
		t.Fatalf("text %q", m.Text)
	}
	for _, word := range []string{"今年", "总体", "平稳", "指出"} {
		s := strings.Index(src, word)
		a, b := m.ToText(s), m.ToTextEnd(s+len(word))
		if got := m.Text[a:b]; got != word {
			t.Errorf("%s at %d in the source is %q in the text shown", word, s, got)
		}
		if back := m.ToSource(a); back != s {
			t.Errorf("%s: back to the source at %d, want %d", word, back, s)
		}
	}
	s2t, err := Load(S2T)
	if err != nil {
		t.Fatal(err)
	}
	both := s2t.WithFullWidthPunct()
	if both != s2t.WithFullWidthPunct() {
		t.Error("WithFullWidthPunct makes a new converter every call")
	}
	if got := both.Convert("发展,经济"); got != "發展，經濟" {
		t.Errorf("s2t with punctuation: %q", got)
	}
	if both.Conversion() != S2T {
		t.Errorf("conversion %q, want s2t", both.Conversion())
	}
}

// TestCJKHanRange holds cjk's shortcut for U+4E00–U+9FFF to the Han
// script of the unicode package.
func TestCJKHanRange(t *testing.T) {
	for r := rune(0x4e00); r <= 0x9fff; r++ {
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("%U is not Han, but cjk says it is Chinese text", r)
		}
	}
}

// TestHalfPunctSet: the vectors' set of the punctuation stage is its
// table, byte for byte.
func TestHalfPunctSet(t *testing.T) {
	for c := range 256 {
		if got := halfPunctSet.Index(string([]byte{byte(c)})) == 0; got != halfPunct[c] {
			t.Errorf("byte %#x: in the set %v, in halfPunct %v", c, got, halfPunct[c])
		}
	}
}

// TestPunctAtFast checks punctAt's shortcut for a mark between two Han
// characters against the rule (punctRule), for the marks of each branch
// with each character of the ranges around Han, ASCII, the two-byte ones
// and the full-width forms (and broken UTF-8) before it, and after it, the
// other side Han or something else; a ) also after a ( set half width.
func TestPunctAtFast(t *testing.T) {
	others := []string{"中", "鿿", "㐀", "a", "", "“", "\xe4\xb8", "\xff"}
	ranges := [][2]rune{{0, 0x7ff}, {0x2000, 0x3100}, {0x3400, 0x4f00}, {0x9f00, 0xa100}, {0xfe00, 0xffff}}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			for _, o := range others {
				for _, c := range ",?()" {
					for k, s := range []string{string(r) + string(c) + o, o + string(c) + string(r)} {
						i := len(string(r)) // the mark's offset
						if k == 1 {
							i = len(o)
						}
						for _, pre := range []string{"", "a("} { // a ( set half width before )
							gn, gv := punctAt(pre+s, len(pre)+i)
							wn, wv := punctRule(pre+s, len(pre)+i)
							if gn != wn || gv != wv {
								t.Fatalf("punctAt(%q, %d) = %d %q, the rule %d %q", pre+s, len(pre)+i, gn, gv, wn, wv)
							}
						}
					}
				}
			}
		}
	}
}
