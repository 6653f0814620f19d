package reader

import (
	"strings"
	"testing"

	"dubao/issue"
	"dubao/ui/tui/common"
)

// TestPageNameTitlesOnly: a page read from a layout page alone says that
// it holds titles only.
func TestPageNameTitlesOnly(t *testing.T) {
	is := &issue.Issue{Sections: []issue.Section{{Page: 1, Name: "要闻", TitlesOnly: true}, {Page: 2, Name: "综合"}}}
	if got := common.PageName(is, 0); got != "第1版 要闻（仅标题）" {
		t.Errorf("pageName = %q", got)
	}
	if got := common.PageName(is, 1); got != "第2版 综合" {
		t.Errorf("pageName = %q", got)
	}
}

// TestTitlesOnlyNoReadingTime: an article known by its title alone (a
// layout page read without its article pages) has no text to count: the
// status line gives no 字数 or reading time for it, while an article with
// a body does.
func TestTitlesOnlyNoReadingTime(t *testing.T) {
	is := &issue.Issue{Sections: []issue.Section{
		{Page: 1, Name: "要闻", TitlesOnly: true, Articles: []issue.Article{{N: 1, Title: "全市春耕备耕有序推进"}}},
		{Page: 2, Name: "综合", Articles: []issue.Article{{N: 2, Title: "河畔茶事", Paragraphs: []string{"清晨的河岸边，早起的人们沿着步道慢跑。"}}}},
	}}
	m := newModel(t, is, 80, 24)
	if sc := screen(m); strings.Contains(sc, "字 约") {
		t.Errorf("a titles-only article shows a reading time:\n%s", sc)
	}
	m.Update(keyMsg("J"))
	if sc := screen(m); !strings.Contains(sc, "字 约1分钟") {
		t.Errorf("an article with a body shows no reading time:\n%s", sc)
	}
}
