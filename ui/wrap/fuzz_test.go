package wrap

import (
	"slices"
	"testing"
)

// FuzzLines checks the layout invariants on arbitrary text, widths and
// options: tiling and exact fidelity, widths, every rule unless no
// rule-abiding break fits, determinism, Lines agreeing with
// Paragraph.Lines, and the scanner's glyphs the same with uniseg skipped
// between anchors (see uaxBreak) as with uniseg asked at every boundary.
func FuzzLines(f *testing.F) {
	seeds := []string{
		"今年前10个月，双边贸易额达3000亿美元，同比增长5.8%。",
		"他说：“这是好消息——我们走吧……”（完）",
		"网址http://www.example.com/news/index.html?id=1&x=2",
		"CN 43-0004 气温9℃~14℃, 1,000吨",
		"《人民日报》【要闻】「引号」『双引号』〔注〕",
		"アイウッ ー 々 〃 ・ ／ ￥120 $5 €3",
		"e\u0301 👍🏽 🇨🇳 👨\u200d👩\u200d👧 \u3000\u3000段首",
		"line\nbreak\r\nand\u2028more",
		"\xff\xfe invalid \xc3",
		"supercalifragilisticexpialidocious",
		"  leading and trailing  ",
		"“”“”‘’‘’——……⋯⋯",
		"5，中。中，，5：中！）“中”1.0。》中、？a；",
	}
	for i, s := range seeds {
		f.Add(s, uint8(4+i*7), uint8(i%5), uint8(i))
	}
	for _, s := range sampleParagraphs(f) {
		f.Add(s, uint8(20), uint8(4), uint8(0))
	}
	f.Fuzz(func(t *testing.T, text string, width, indent, flags uint8) {
		opt := Options{
			Width:         int(width%120) + 1,
			Indent:        int(indent % 9),
			AmbiguousWide: flags&1 != 0,
			Hang:          flags&2 != 0,
		}
		got := Lines(text, opt)
		if bad := newOracle(text, opt.AmbiguousWide).check(opt, got); len(bad) > 0 {
			t.Fatalf("%+v:\n%s", opt, joinLines(bad))
		}
		if again := Lines(text, opt); !slices.Equal(got, again) {
			t.Fatalf("%+v: two layouts differ", opt)
		}
		if p := NewParagraph(text).Lines(opt); !slices.Equal(got, p) {
			t.Fatalf("%+v: Lines and Paragraph.Lines differ:\n%v\n%v", opt, got, p)
		}
		if fast, slow := glyphsOf(text, false), glyphsOf(text, true); !slices.Equal(fast, slow) {
			t.Fatalf("the glyphs differ with uniseg skipped between anchors:\n%v\n%v", fast, slow)
		}
	})
}
