package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"dubao/issue"
	"dubao/ui/styles"
)

// waterworks returns an article whose table is wider than a narrow
// pane: four columns, long cells (fictional text).
func waterworks() *issue.Article {
	return &issue.Article{
		N:          6,
		Title:      "首批水利工程清单公布",
		Byline:     "本报讯(记者 许清和)",
		Paragraphs: []string{"今年开工的水利工程中,投资额居前四位的如下:", "四项工程全部建成后,可新增灌溉面积3.6万亩。"},
		Blocks: []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: [][]string{
			{"工程名称", "所在区域", "总投资(亿元)", "计划完工"},
			{"青溪河上游生态补水工程", "云岭镇", "18.5", "2027年"},
			{"三江口排涝泵站", "三江区", "6.2", "2026年"},
			{"城西灌区节水改造", "城西区", "4.8", "2026年"},
			{"柳湾水库除险加固", "柳湾村", "1.9", "2025年"},
		}}},
	}
}

// TestPlainTable checks the plain text of a table: at a width, a grid
// when no cell must wrap (60), else its cells one under another (12, 30);
// without a width, one line per row.
func TestPlainTable(t *testing.T) {
	for _, w := range []int{0, 12, 30, 60} {
		t.Run(fmt.Sprintf("width%d", w), func(t *testing.T) {
			golden.RequireEqual(t, Plain(waterworks(), Options{Width: w}))
		})
	}
	t.Run("ambiguous30", func(t *testing.T) {
		golden.RequireEqual(t, Plain(waterworks(), Options{Width: 30, AmbiguousWide: true}))
	})
}

// tableUnits returns the lines of the table units of l (without the blank
// line after a unit) and their rows.
func tableUnits(l *Layout) (lines [][]Line, rows []int) {
	for i, u := range l.units {
		if u.kind != unitTable {
			continue
		}
		ls := l.unitLines(i)
		if u.gap {
			ls = ls[:len(ls)-1]
		}
		lines = append(lines, ls)
		rows = append(rows, len(l.article.Blocks[u.block].Rows))
	}
	return lines, rows
}

// TestPlainTableShape checks the table lines of the plain layout of every
// test article: at a width, the cells' text is in reading order (row by
// row, cell by cell), the text of a column starts at the same place on
// every line and no line starts with a column rule (as in a row broken
// like prose); without a width, each row is one line; and where the plain
// layout draws a grid, it is the styled layout's grid.
func TestPlainTableShape(t *testing.T) {
	r := New(styles.New(true))
	arts := append(articles(t), waterworks())
	tables := 0
	for _, a := range arts {
		for _, amb := range []bool{false, true} {
			for w := 0; w <= 90; w += 1 + w/8 {
				opt := Options{Width: w, AmbiguousWide: amb, Plain: true}
				l := newLayout(a, opt, nil)
				units, rows := tableUnits(l)
				for k, ls := range units {
					tables++
					name := fmt.Sprintf("article %d width %d ambiguous-wide=%v table %d", a.N, w, amb, k)
					if w == 0 {
						if len(ls) != rows[k] {
							t.Errorf("%s: %d lines for %d rows: %q", name, len(ls), rows[k], texts(ls))
						}
						continue
					}
					if len(ls) < rows[k] {
						t.Errorf("%s: %d lines for %d rows", name, len(ls), rows[k])
					}
					at := map[int]int{}    // column of the table → where its text starts
					last := [2]int{-1, -1} // (piece, offset) of the text before
					for i, ln := range ls {
						for _, sp := range ln.Spans {
							if sp.Piece < 0 {
								continue
							}
							if here := [2]int{sp.Piece, sp.Offset}; here[0] < last[0] || here[0] == last[0] && here[1] <= last[1] {
								t.Errorf("%s: line %d: text out of reading order: %q", name, i, ln.Text)
							} else {
								last = here
							}
							x := ln.Indent + strictWidth(ln.Text[:sp.Start], amb)
							if labelled(ln, sp) {
								continue // the cell's text after its label, in the stacked layout
							}
							if c := l.pieces[sp.Piece].Col; at[c] == 0 {
								at[c] = x + 1
							} else if at[c] != x+1 {
								t.Errorf("%s: line %d: column %d starts at %d, above at %d: %q", name, i, c, x, at[c]-1, ln.Text)
							}
						}
						if len(ln.Spans) > 0 && ln.Spans[0].Piece < 0 && strings.ContainsAny(ln.Text[:ln.Spans[0].End], "|│") {
							t.Errorf("%s: line %d starts with a rule: %q", name, i, ln.Text)
						}
					}
				}
			}
		}
	}
	if tables == 0 {
		t.Fatal("no table laid out")
	}

	// the grid: the same in both layouts, but the plain one has no margin
	// (so it is the styled grid one column wider), and keeps numbers where
	// their column starts (the styled grid right-aligns them): the same
	// cells in the same rows
	for _, w := range []int{60, 70, 80} {
		a := waterworks()
		plain := newLayout(a, Options{Width: w, Plain: true}, nil)
		styled := r.Layout(a, Options{Width: w + 1})
		pu, _ := tableUnits(plain)
		var grid []Line
		for i := range styled.units {
			if styled.units[i].kind == unitTable {
				grid = styled.grid(&styled.units[i])
			}
		}
		if len(pu) != 1 || grid == nil {
			t.Fatalf("width %d: %d plain tables, styled grid %v", w, len(pu), grid != nil)
		}
		if got, want := cellsOf(texts(pu[0])), cellsOf(texts(grid)); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("width %d: plain grid\n%s\nstyled grid\n%s", w, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for i := range min(len(pu[0]), len(grid)) {
			if pu[0][i].Indent != grid[i].Indent-1 {
				t.Errorf("width %d line %d: plain indent %d, styled %d", w, i, pu[0][i].Indent, grid[i].Indent)
			}
		}
	}
}

// cellsOf returns grid lines with the space around each cell dropped.
func cellsOf(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		cells := strings.Split(l, "│")
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		out[i] = strings.Join(cells, "│")
	}
	return out
}

// labelled reports whether sp, a span of cell text, follows a column
// label on ln (as in "项目名称：青溪…", the text that follows a label starts
// where the label ends).
func labelled(ln Line, sp Span) bool {
	for _, l := range ln.Spans {
		if l.End == sp.Start && l.Piece < 0 && l.Role == RoleTableHead && strings.HasSuffix(ln.Text[:l.End], "：") {
			return true
		}
	}
	return false
}

func texts(ls []Line) []string {
	out := make([]string, len(ls))
	for i, ln := range ls {
		out[i] = ln.Text
	}
	return out
}

// TestGridTable shows the grid a table too wide for glamour gets: the
// columns share the width so that the table is short and no cell ends in
// a lone character (the long names get the room the header of a column
// of short figures gives up by breaking).
func TestGridTable(t *testing.T) {
	for _, w := range []int{40, 46, 58} {
		t.Run(fmt.Sprintf("width%d", w), func(t *testing.T) {
			golden.RequireEqual(t, New(styles.Plain()).Styled(waterworks(), Options{Width: w}))
		})
	}
}

// TestGridOrphans checks that at widths with room for it (narrower, every
// choice leaves one or makes the table taller, which weighs more), no
// cell of the grid of waterworks ends in a lone Han character.
func TestGridOrphans(t *testing.T) {
	r := New(styles.Plain())
	for _, w := range []int{54, 56, 58, 60, 62} {
		l := r.Layout(waterworks(), Options{Width: w})
		units, _ := tableUnits(l)
		for _, ls := range units {
			for i, ln := range ls {
				for _, sp := range ln.Spans {
					if sp.Piece >= 0 && sp.Offset > 0 && isOrphan(ln.Text[sp.Start:sp.End]) {
						t.Errorf("width %d line %d: lone %q: %q", w, i, ln.Text[sp.Start:sp.End], ln.Text)
					}
				}
			}
		}
	}
}

// TestStackedLabels checks that in the stacked layout each cell below the
// header row is labelled with its column's header.
func TestStackedLabels(t *testing.T) {
	a := waterworks()
	rows := a.Blocks[0].Rows
	for _, w := range []int{30, 40} {
		out := Plain(a, Options{Width: w})
		for _, r := range rows[1:] {
			for c, cell := range r {
				if want := rows[0][c] + "：" + cell; !strings.Contains(strings.ReplaceAll(out, "\n", ""), want) {
					t.Errorf("width %d: no %q in\n%s", w, want, out)
				}
			}
		}
	}
}
