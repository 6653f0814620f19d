package issue

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// shapeIssue returns a made-up issue whose articles go on on other pages:
// pages under page headings or page lines, given twice, out of order or
// as page 0; articles of a few titles (so that continuations match),
// opening with a jump back and ending with a jump onwards in the forms
// findJumps reads (split by markup, a line break, a paragraph break, a
// comment of stitched jumps after it); bylines that name the paper or
// cite it with a page; front matter, a masthead or none.
func shapeIssue(r *rand.Rand) []byte {
	var b strings.Builder
	page := func() string { return strconv.Itoa(r.Intn(4)) }
	pick := func(s ...string) string { return s[r.Intn(len(s))] }
	switch r.Intn(4) {
	case 0:
		b.WriteString("星河日报\n\n2024年3月8日 星期五\n\n")
	case 1:
		b.WriteString("---\ntitle: 春耕\nauthor: 晨光日报讯\n---\n\n")
	case 2:
		b.WriteString("# 星河日报\n\n")
	}
	// One form of byline and of jump onwards an issue: a skeleton parse
	// reads an issue whole at the first that may change its summary.
	byline, onwards := r.Intn(6), r.Intn(6)
	for range 1 + r.Intn(6) {
		p := page()
		b.WriteString(pick("# 第"+p+"版 要闻\n\n", "第"+p+"版 综合\n\n", "## 第"+p+"版\n\n"))
		for range r.Intn(4) {
			b.WriteString(pick("## 春耕\n\n", "## 茶园\n\n", "## \n\n", "", "### 引题\n## 春耕\n\n"))
			if r.Intn(2) == 0 {
				b.WriteString([]string{"", "本报讯(记者 甲)", "晨光日报讯 ",
					"> 《星河日报》（2024年03月08日第 0" + page() + " 版）\n\n",
					"本报记者 乙《晨光日报》（2024年03月09日第 0" + page() + " 版）\n\n", "> 本报记者 丙\n\n"}[byline])
			}
			b.WriteString(pick("", "(上接第"+page()+"版)", "（续第"+page()+"版）"))
			b.WriteString(pick("正文说到这里，", "　　缩进的正文很长很长很长很长很长很长很长很长很长很长很长，"))
			if q := page(); r.Intn(2) == 0 {
				b.WriteString([]string{"(下转第" + q + "版)", "(下**转第" + q + "版**)", "(下\n转第" + q + "版)",
					"(下转第\n\n" + q + "版)", "(下转第" + q + "版)<!-- dubao:stitched (上接第" + page() + "版) -->", "还没有完。"}[onwards])
			} else {
				b.WriteString("还没有完。")
			}
			b.WriteString(pick("\n\n", "\n"))
		}
	}
	return []byte(b.String())
}

// TestShapes checks the streamed parse (compareStream) and the summary
// (checkSummary, one workspace reused for all) against the whole parse on
// made-up issues whose articles go on on other pages (shapeIssue).
func TestShapes(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 100
	}
	var ws Workspace
	for i := range n {
		data := shapeIssue(rand.New(rand.NewSource(int64(i))))
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			compareStream(t, "shape", data, 1, 64)
			checkSummary(t, &ws, "shape", data)
		})
	}
}
