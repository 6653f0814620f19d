package reader

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/ui/tui/internal/tuitest"
)

// BenchmarkKeyFrame is a key press (j or k in the article pane) and the
// frame after it, in the middle of a 200,000-character article at 100×30.
func BenchmarkKeyFrame(b *testing.B) {
	m := newModel(b, tuitest.BigIssue(1), 100, 30)
	press(b, m, "enter")
	for range 100 {
		press(b, m, "space")
	}
	j, k := keyMsg("j"), keyMsg("k")
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			m.Update(j)
		} else {
			m.Update(k)
		}
		i++
		_ = m.View()
	}
}

// BenchmarkSwitchArticle is J in the headline list and the frame after
// it: a new 200,000-character article every time (100 articles, more than
// the layout cache holds).
func BenchmarkSwitchArticle(b *testing.B) {
	m := newModel(b, tuitest.BigIssue(100), 100, 30)
	r := reader(m)
	next := keyMsg("J")
	for b.Loop() {
		if r.cur == len(r.arts)-1 {
			r.show(0)
		}
		m.Update(next)
		_ = m.View()
	}
}

// BenchmarkResize is a resize and the frame after it, in the middle of a
// 200,000-character article.
func BenchmarkResize(b *testing.B) {
	m := newModel(b, tuitest.BigIssue(1), 100, 30)
	press(b, m, "enter")
	for range 100 {
		press(b, m, "space")
	}
	sizes := []tea.WindowSizeMsg{{Width: 120, Height: 40}, {Width: 100, Height: 30}, {Width: 60, Height: 20}, {Width: 131, Height: 33}}
	i := 0
	for b.Loop() {
		m.Update(sizes[i%len(sizes)])
		i++
		_ = m.View()
	}
}

// BenchmarkHugeParagraph opens an article that is one 1 MB paragraph
// without punctuation and draws its first frame.
func BenchmarkHugeParagraph(b *testing.B) {
	p := strings.Repeat("青溪河畔新农人", 1<<20/21)
	is := &issue.Issue{Sections: []issue.Section{{Page: 1, Articles: []issue.Article{{N: 1, Title: "长段", Paragraphs: []string{p}}}}}}
	for b.Loop() {
		m := newModel(b, is, 100, 30)
		press(b, m, "enter")
		_ = m.View()
	}
}

// BenchmarkNextMatchHugeParagraph is n and the frame after it in an
// article that is one 1 MB paragraph, searched for a character it holds
// thousands of times: the results list shows snippets of the paragraph,
// and only what they show of it is cleaned.
func BenchmarkNextMatchHugeParagraph(b *testing.B) {
	p := strings.Repeat("青溪河畔新农人的", 1<<20/24)
	is := &issue.Issue{Sections: []issue.Section{{Page: 1, Articles: []issue.Article{{N: 1, Title: "长段", Paragraphs: []string{p}}}}}}
	m := newModel(b, is, 100, 30)
	press(b, m, "/", "的", "enter")
	for b.Loop() {
		press(b, m, "n")
		_ = m.View()
	}
}

// BenchmarkBigTable opens an article holding a table of 200,000 rows (the
// attack trial's: 25–29 s to the first frame before its rows were laid out
// on demand, issue #18 item 8) and draws its first screen, then its last
// (G): the table is never laid out whole.
func BenchmarkBigTable(b *testing.B) {
	rows := [][]string{{"序号", "地区", "数值"}}
	for i := range 200_000 {
		rows = append(rows, []string{strings.Repeat("1", 1+i%6), "区" + strings.Repeat("二", i%3), "993"})
	}
	is := &issue.Issue{Paper: "星河日报", Sections: []issue.Section{{Page: 1, Name: "要闻", Articles: []issue.Article{{
		N: 1, Title: "全市各区数据一览", Paragraphs: []string{"下表列出各项数据。"},
		Blocks: []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: rows}},
	}}}}}
	for b.Loop() {
		m := newModel(b, is, 100, 30)
		press(b, m, "enter")
		_ = m.View()
		press(b, m, "G")
		_ = m.View()
	}
}
