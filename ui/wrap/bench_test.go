package wrap

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
)

// benchText returns the seed paragraphs (falling back to the repo's samples)
// and their number of characters.
func benchText(b *testing.B) ([]string, int) {
	ps := seedParagraphsOrSamples(b)
	n := 0
	for _, p := range ps {
		n += utf8.RuneCountInString(p)
	}
	return ps, n
}

func seedParagraphsOrSamples(b *testing.B) []string {
	ps, _ := readSeed(b)
	if len(ps) == 0 {
		ps = sampleParagraphs(b)
	}
	if len(ps) == 0 {
		b.Skip("no text to wrap: neither ../shared nor testdata samples")
	}
	return ps
}

func nsPerChar(b *testing.B, chars int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(chars), "ns/char")
}

// BenchmarkWrap wraps the whole sample issue, paragraph by paragraph, at
// widths 40 and 80 with dubao's breaker (one-shot Lines, and Paragraph.Lines
// on analysed paragraphs), lipgloss.Wrap and glamour/v2 (the whole issue as
// one Markdown document, paragraphs separated by blank lines), reporting
// nanoseconds per character.
func BenchmarkWrap(b *testing.B) {
	ps, chars := benchText(b)
	doc := strings.Join(ps, "\n\n")
	analysed := make([]*Paragraph, len(ps))
	for i, p := range ps {
		analysed[i] = NewParagraph(p)
	}
	for _, w := range []int{40, 80} {
		b.Run("width="+strconv.Itoa(w)+"/dubao", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range ps {
					_ = Lines(p, Options{Width: w})
				}
			}
			nsPerChar(b, chars)
		})
		b.Run("width="+strconv.Itoa(w)+"/dubao-relayout", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range analysed {
					_ = p.Lines(Options{Width: w})
				}
			}
			nsPerChar(b, chars)
		})
		b.Run("width="+strconv.Itoa(w)+"/lipgloss", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range ps {
					_ = lipgloss.Wrap(p, w, "")
				}
			}
			nsPerChar(b, chars)
		})
		b.Run("width="+strconv.Itoa(w)+"/glamour", func(b *testing.B) {
			r := glamourRenderer(b, w)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Render(doc); err != nil {
					b.Fatal(err)
				}
			}
			nsPerChar(b, chars)
		})
	}
}

// BenchmarkLongParagraph lays out one 200,000-character paragraph (the
// sample issue's paragraphs run together) at a new width: from scratch with
// Lines, and from a Paragraph analysed once, as the TUI does on resize.
func BenchmarkLongParagraph(b *testing.B) {
	ps, _ := benchText(b)
	var sb strings.Builder
	for n := 0; n < 200000; {
		for _, p := range ps {
			for _, r := range p {
				if n == 200000 {
					break
				}
				sb.WriteRune(r)
				n++
			}
		}
	}
	text := sb.String()
	b.Run("Lines", func(b *testing.B) {
		b.ReportAllocs()
		w := 30
		for b.Loop() {
			_ = Lines(text, Options{Width: w})
			w = 30 + (w-29)%90 // a new width each time
		}
	})
	b.Run("Paragraph.Lines", func(b *testing.B) {
		p := NewParagraph(text)
		b.ReportAllocs()
		w := 30
		for b.Loop() {
			_ = p.Lines(Options{Width: w})
			w = 30 + (w-29)%90
		}
	})
	b.Run("NewParagraph", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = NewParagraph(text)
		}
	})
}
