package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/ui/styles"
)

// The article of the benchmarks: 2,000 paragraphs, about 200,000
// characters.
var benchArticle = long(2000)

// BenchmarkOpen lays out and styles the first screen (30 lines at 80
// columns) of a new 200,000-character article: the layout part of
// switching articles.
func BenchmarkOpen(b *testing.B) {
	r := New(styles.New(true))
	for b.Loop() {
		l := newLayout(benchArticle, Options{Width: 80}, r)
		for _, ln := range l.Lines(Loc{}, 30) {
			r.Line(ln, nil)
		}
	}
}

// BenchmarkScreen styles one screen of 30 lines from the middle of an
// article laid out before, with search marks: the render part of a frame.
func BenchmarkScreen(b *testing.B) {
	r := New(styles.New(true))
	l := r.Layout(benchArticle, Options{Width: 80})
	mid := l.Step(Loc{}, 3000)
	marks := []Mark{{Piece: mid.Unit + 1, Start: 0, End: 6, Current: true}, {Piece: mid.Unit + 2, Start: 30, End: 36}}
	for b.Loop() {
		for _, ln := range l.Lines(mid, 30) {
			r.Line(ln, marks)
		}
	}
}

// BenchmarkPlain writes a 200,000-character article as plain text (dubao
// cat | …).
func BenchmarkPlain(b *testing.B) {
	for b.Loop() {
		Plain(benchArticle, Options{})
	}
}

// BenchmarkPlainWrapped writes a 200,000-character article as dubao cat
// --width 80 does: wrapped at 80 columns by the line breaker, with
// full-width punctuation.
func BenchmarkPlainWrapped(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Plain(benchArticle, Options{Width: 80, FullWidthPunct: true})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(utf8.RuneCountInString(strings.Join(benchArticle.Paragraphs, ""))), "ns/char")
}

// hugeParagraph returns an article whose body is one paragraph of n
// characters.
func hugeParagraph(n int) *issue.Article {
	unit := []rune("青溪河生态廊道全线贯通,沿岸12个村居共享绿色红利;“今年GDP增长5.8%”,他说。")
	body := make([]rune, 0, n)
	for len(body) < n {
		body = append(body, unit[:min(len(unit), n-len(body))]...)
	}
	return &issue.Article{N: 1, Title: "长段", Paragraphs: []string{string(body)}}
}

// BenchmarkRelayoutHugeParagraph is a resize of the reader on an article
// that is one 200,000-character paragraph: a layout at a new width (the
// widths alternate between 80 and 79 columns), the line at a position in
// the middle of the paragraph, and the 30 lines of a screen from there,
// styled. "cached" uses the renderer's paragraph cache (the analysis of the
// paragraph is kept across widths); "scratch" lays the paragraph out from
// scratch each time, as the renderer did before the cache; "first" is the
// first layout, which makes the analysis.
func BenchmarkRelayoutHugeParagraph(b *testing.B) {
	plain := hugeParagraph(200_000)
	// the same with an emoji with a skin tone every 1,000 characters, which
	// bubbletea measures wider than the line breaker does (see fitStrict)
	emoji := hugeParagraph(200_000)
	var sb strings.Builder
	for i, r := range []rune(emoji.Paragraphs[0]) {
		if i%1000 == 500 {
			sb.WriteString("👍🏻")
		}
		sb.WriteRune(r)
	}
	emoji.Paragraphs[0] = sb.String()
	for _, tc := range []struct {
		name          string
		a             *issue.Article
		cached, fresh bool
	}{{"cached", plain, true, false}, {"scratch", plain, false, false}, {"first", plain, true, true}, {"cached-emoji", emoji, true, false}} {
		a := tc.a
		pos := issue.Pos{Piece: 1, Offset: len(a.Paragraphs[0]) / 2}
		b.Run(tc.name, func(b *testing.B) {
			r := New(styles.New(true))
			w := 80
			for b.Loop() {
				w = 159 - w // 80, 79, 80, …
				var l *Layout
				switch {
				case tc.fresh:
					r = New(styles.New(true)) // an empty paragraph cache
					l = newLayout(a, Options{Width: w}, r)
				case tc.cached:
					l = newLayout(a, Options{Width: w}, r) // a new width: not in the layout cache
				default:
					l = newLayout(a, Options{Width: w}, nil)
				}
				for _, ln := range l.Lines(l.LocOf(pos), 30) {
					r.Line(ln, nil)
				}
			}
		})
	}
}

// BenchmarkHasRisky is the cost of the width-agreement check on a
// paragraph of 200,000 characters (done once per paragraph when it is
// cached, on every layout otherwise).
func BenchmarkHasRisky(b *testing.B) {
	p := hugeParagraph(200_000).Paragraphs[0]
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		if hasRisky(p) {
			b.Fatal("risky")
		}
	}
}

// BenchmarkTable lays out a five-row table at 80 columns (by glamour) and
// at 40 (as our grid): the cost of a table unit's first layout, which the
// layout then keeps.
func BenchmarkTable(b *testing.B) {
	rows := [][]string{{"项目名称", "所在区域", "总投资(亿元)", "计划竣工"}}
	for range 5 {
		rows = append(rows, []string{"青溪5G智能制造产业园", "高新区", "42.0", "2026年"})
	}
	a := &issue.Article{Title: "表", Blocks: []issue.Block{{Kind: issue.BlockTable, Rows: rows}}}
	r := New(styles.New(true))
	for _, w := range []int{80, 40} {
		b.Run(map[int]string{80: "glamour", 40: "grid"}[w], func(b *testing.B) {
			for b.Loop() {
				newLayout(a, Options{Width: w}, r).All()
			}
		})
	}
}

// BenchmarkHugeTable lays out the first screen of an article that is one
// table of 3,000 rows and 40 columns (120,000 cells), too wide for a grid
// at 80 columns: its rows become wrapped lines, in time linear in the
// number of cells (it was quadratic: 11 s before).
func BenchmarkHugeTable(b *testing.B) {
	rows := make([][]string, 0, 3001)
	for r := range 3001 {
		row := make([]string, 40)
		for c := range row {
			row[c] = fmt.Sprintf("数据%d值%d", r, c)
		}
		rows = append(rows, row)
	}
	a := &issue.Article{Title: "大表", Blocks: []issue.Block{{Kind: issue.BlockTable, Rows: rows}}}
	r := New(styles.New(true))
	for _, plain := range []bool{false, true} {
		b.Run(map[bool]string{false: "styled", true: "plain"}[plain], func(b *testing.B) {
			for b.Loop() {
				newLayout(a, Options{Width: 80, Plain: plain}, r).Lines(Loc{}, 40)
			}
		})
	}
}

// BenchmarkRelayoutScript is a resize of the reader showing an article of
// 300,000 Traditional characters (600,000 cells) in Simplified: a layout
// at a new width and its first screen. "cached" is the renderer's layout,
// whose conversion of the article is kept across widths; "converting"
// converts the whole article again for each layout, as layouts did before
// the renderer kept conversions.
func BenchmarkRelayoutScript(b *testing.B) {
	var paras []string
	for _, a := range hkArticles(b) {
		paras = append(paras, a.Paragraphs...)
	}
	big := &issue.Article{N: 1, Title: "長文"}
	for n := 0; n < 300_000; {
		p := paras[len(big.Paragraphs)%len(paras)]
		big.Paragraphs = append(big.Paragraphs, p)
		n += utf8.RuneCountInString(p)
	}
	cv, err := script.Load(script.T2S)
	if err != nil {
		b.Fatal(err)
	}
	for _, converting := range []bool{false, true} {
		name := "cached"
		if converting {
			name = "converting"
		}
		b.Run(name, func(b *testing.B) {
			r := New(styles.New(true))
			w := 80
			for b.Loop() {
				w = 159 - w // 80, 79, 80, …
				if converting {
					r.conv.reset()
				}
				l := newLayout(big, Options{Width: w, Script: cv}, r)
				for _, ln := range l.Lines(Loc{}, 30) {
					r.Line(ln, nil)
				}
			}
		})
	}
}
