package wrap

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// fill returns the mean fill (width / measure) of the non-final lines of
// the paragraphs laid out at width, and how many lines that is.
func fill(ps []string, opt Options) (float64, int) {
	sum, n := 0.0, 0
	for _, p := range ps {
		lines := Lines(p, opt)
		for k, l := range lines[:len(lines)-1] {
			avail := opt.Width
			if k == 0 {
				avail -= l.Indent
			}
			sum += float64(l.Width) / float64(avail)
			n++
		}
	}
	return sum / float64(max(n, 1)), n
}

// TestFill checks that lines are as full as the rules allow on the sample
// issue: mean fill of non-final lines ≥ 0.96 at width 20, ≥ 0.97 from 40.
func TestFill(t *testing.T) {
	ps := seedParagraphs(t)
	for _, w := range []int{20, 40, 80} {
		want := 0.97
		if w < 40 {
			want = 0.96
		}
		got, n := fill(ps, Options{Width: w})
		t.Logf("width %d: mean fill %.4f over %d non-final lines", w, got, n)
		if got < want {
			t.Errorf("width %d: mean fill %.4f, want ≥ %.2f", w, got, want)
		}
	}
}

// wrapper is a line breaker under comparison: it returns the output lines
// for one paragraph at a width.
type wrapper struct {
	name string
	wrap func(text string, width int) []string
}

func wrappers(tb testing.TB) []wrapper {
	return []wrapper{
		{"dubao/ui/wrap", func(text string, width int) []string {
			var out []string
			for _, l := range Lines(text, Options{Width: width}) {
				out = append(out, l.Text(text))
			}
			return out
		}},
		{"lipgloss/v2 Wrap", func(text string, width int) []string {
			return strings.Split(lipgloss.Wrap(text, width, ""), "\n")
		}},
		{"glamour/v2 notty", func(text string, width int) []string {
			r := glamourRenderer(tb, width)
			out, err := r.Render(text)
			if err != nil {
				tb.Fatal(err)
			}
			return strings.Split(ansi.Strip(out), "\n")
		}},
	}
}

// glamourRenderer returns a glamour/v2 renderer for plain terminals whose
// text column (margins included) is width columns wide.
func glamourRenderer(tb testing.TB, width int) *glamour.TermRenderer {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(width))
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestCompareWrappers counts, over every paragraph of the sample issue, the
// line-breaking rule violations, the lines wider than the width and the
// lines whose text the wrapper changed (lost), for dubao's breaker and for
// lipgloss.Wrap and glamour/v2. Only dubao's numbers are asserted (all
// zero); run with -v to see the table.
func TestCompareWrappers(t *testing.T) {
	ps := seedParagraphs(t)
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-18s %6s %22s %22s %22s\n", "wrapper", "", "width 20", "width 40", "width 80")
	for _, wr := range wrappers(t) {
		fmt.Fprintf(&table, "%-18s %6s", wr.name, "")
		for _, w := range []int{20, 40, 80} {
			var v, o, l int
			for _, p := range ps {
				// glamour's margins count: its word-wrap width is the whole line.
				dv, do, dl := countForeign(p, wr.wrap(p, w), w)
				v, o, l = v+dv, o+do, l+dl
			}
			fmt.Fprintf(&table, " %7dv %5do %5dl  ", v, o, l)
			if wr.name == "dubao/ui/wrap" && v+o+l > 0 {
				t.Errorf("width %d: dubao has %d violations, %d overflowing and %d lost lines", w, v, o, l)
			}
		}
		table.WriteString("\n")
	}
	table.WriteString("(v = rule violations, o = lines wider than the width, l = lines whose text was changed)\n")
	t.Log(table.String())
}
