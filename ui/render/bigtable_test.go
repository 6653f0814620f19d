package render

import (
	"fmt"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/ui/styles"
	"dubao/ui/wrap"
)

// bigTableArticle is an article of one paragraph and a table of n rows
// under a header.
func bigTableArticle(n int) *issue.Article {
	rows := [][]string{{"序号", "地区", "数值"}}
	for i := range n {
		rows = append(rows, []string{fmt.Sprint(i), fmt.Sprintf("区%d", i%97), fmt.Sprint(i * 7 % 1000)})
	}
	return &issue.Article{N: 1, Title: "全市各区数据一览", Paragraphs: []string{"下表列出各项数据。"},
		Blocks: []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: rows}}}
}

// laidOut counts the lines of l laid out so far.
func laidOut(l *Layout) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, ls := range l.lines {
		n += len(ls)
	}
	return n
}

// TestBigTableOnDemand (issue #18, item 8): the first screen and the last
// of an article with a table of 200,000 rows lay out a few rows each, not
// the table.
func TestBigTableOnDemand(t *testing.T) {
	a := bigTableArticle(200_000)
	for _, plain := range []bool{false, true} {
		l := New(styles.ForMode(styles.Dark, true, false)).Layout(a, Options{Width: 80, Plain: plain})
		if n := len(l.Lines(Loc{}, 30)); n != 30 {
			t.Fatalf("plain=%v: the first screen has %d lines", plain, n)
		}
		if n := laidOut(l); n > 300 {
			t.Errorf("plain=%v: the first screen laid out %d lines", plain, n)
		}
		last := l.Lines(l.MaxTop(30), 30)
		if len(last) != 30 || !strings.Contains(last[len(last)-1].Text, "199999") {
			t.Errorf("plain=%v: the last screen ends with %q", plain, last[len(last)-1].Text)
		}
		if n := laidOut(l); n > 600 {
			t.Errorf("plain=%v: the first and last screens laid out %d lines", plain, n)
		}
	}
}

// TestBigTableOneGrid: a table laid out by chunks of rows is one grid —
// the header and its rule once, every row once, the columns at the same
// places on every line.
func TestBigTableOneGrid(t *testing.T) {
	const n = 1000
	a := bigTableArticle(n)
	l := New(styles.ForMode(styles.Dark, true, false)).Layout(a, Options{Width: 60})
	var grid []Line
	for _, ln := range l.All() {
		if strings.Contains(ln.Text, "│") || strings.Contains(ln.Text, "┼") {
			grid = append(grid, ln)
		}
	}
	if len(grid) != n+2 { // header, rule, rows
		t.Fatalf("%d grid lines, want %d", len(grid), n+2)
	}
	cols := func(s string) []int {
		var at []int
		for i, r := range []rune(s) {
			if r == '│' || r == '┼' {
				at = append(at, wrap.StringWidth(string([]rune(s)[:i]), false))
			}
		}
		return at
	}
	want := cols(grid[0].Text)
	for i, ln := range grid {
		if got := cols(ln.Text); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("line %d %q: separators at %v, want %v", i, ln.Text, got, want)
		}
		if i >= 2 && !strings.HasPrefix(strings.TrimSpace(ln.Text), fmt.Sprint(i-2)+" ") {
			t.Fatalf("line %d is %q, want row %d", i, ln.Text, i-2)
		}
	}
}
