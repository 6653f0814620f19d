package wrap

import (
	"slices"
	"testing"
)

// variants are the option sets every paragraph is laid out with.
var variants = []struct {
	name string
	opt  Options
}{
	{"plain", Options{}},
	{"indent", Options{Indent: 4}},
	{"ambiguous-wide", Options{AmbiguousWide: true}},
	{"hang", Options{Hang: true}},
}

// checkParagraph lays text out at every width from 4 to 200 with every
// variant and reports each broken invariant: width, rules (unless forced),
// exact text fidelity, determinism, and Lines agreeing with Paragraph.Lines.
func checkParagraph(t *testing.T, name, text string) {
	t.Helper()
	p := NewParagraph(text)
	oracles := [2]*oracle{newOracle(text, false), newOracle(text, true)}
	for _, v := range variants {
		o := oracles[0]
		if v.opt.AmbiguousWide {
			o = oracles[1]
		}
		for w := 4; w <= 200; w++ {
			opt := v.opt
			opt.Width = w
			got := p.Lines(opt)
			if bad := o.check(opt, got); len(bad) > 0 {
				t.Fatalf("%s, %s, width %d:\n%s\ntext: %q", name, v.name, w, joinLines(bad), text)
			}
			if again := p.Lines(opt); !slices.Equal(got, again) {
				t.Fatalf("%s, %s, width %d: two layouts differ", name, v.name, w)
			}
			if v.name == "plain" || w%16 == 0 {
				if direct := Lines(text, opt); !slices.Equal(got, direct) {
					t.Fatalf("%s, %s, width %d: Lines and Paragraph.Lines differ:\n%v\n%v", name, v.name, w, direct, got)
				}
			}
		}
	}
}

func joinLines(ss []string) string {
	out := ""
	for _, s := range ss {
		out += "  " + s + "\n"
	}
	return out
}

func checkCorpus(t *testing.T, ps []string) {
	if len(ps) == 0 {
		t.Skip("no paragraphs")
	}
	for i, text := range ps {
		checkParagraph(t, "paragraph "+itoa(i), text)
	}
}

func itoa(i int) string {
	b := []byte{}
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			return string(b)
		}
	}
}

func TestPropertiesSeed(t *testing.T) {
	t.Parallel()
	checkCorpus(t, seedParagraphs(t))
}

func TestPropertiesRealIssue(t *testing.T) {
	t.Parallel()
	checkCorpus(t, realParagraphs(t))
}

func TestPropertiesSamples(t *testing.T) {
	t.Parallel()
	checkCorpus(t, sampleParagraphs(t))
}
