package reader

import (
	"testing"

	"dubao/issue"
	"dubao/ui/tui/common"
)

// TestPageNames: a page that is not known is 版次不详, never a number made
// up; a page that only repeats an article says where it is (issue #13,
// items 11 and 14).
func TestPageNames(t *testing.T) {
	art := issue.Article{Title: "标题", Paragraphs: []string{"正文。"}}
	is := &issue.Issue{Sections: []issue.Section{
		{Page: 1, Name: "要闻", Articles: []issue.Article{art}},
		{Page: 5, Repeats: []issue.Repeat{{Page: 1, Title: "标题"}}},
		{Page: 0, Articles: []issue.Article{art}},
		{Page: 7, Ad: true},
	}}
	for s, want := range []string{"第1版 要闻", "第5版 见第1版《标题》", "版次不详", "第7版 广告"} {
		if got := common.PageName(is, s); got != want {
			t.Errorf("section %d: %q, want %q", s, got, want)
		}
	}
	// The repeating page has its row in the headline list.
	rows := buildRows(is, []*issue.Article{&is.Sections[0].Articles[0], &is.Sections[2].Articles[0]}, []int{0, 2})
	var pages []int
	for _, r := range rows {
		if r.kind == rowPage {
			pages = append(pages, r.sec)
		}
	}
	if len(pages) != 3 || pages[0] != 0 || pages[1] != 1 || pages[2] != 2 {
		t.Errorf("page rows for sections %v, want [0 1 2]", pages)
	}
	for _, tt := range []struct {
		is   *issue.Issue
		want string
	}{
		{&issue.Issue{Sections: []issue.Section{{Page: 18}}}, "第18版"},
		{&issue.Issue{Sections: []issue.Section{{Page: 0}}}, "版次不详"},
		{&issue.Issue{Pages: 8, Sections: []issue.Section{{Page: 1}, {Page: 2}}}, "本期8版(此处2版)"},
		{&issue.Issue{Sections: []issue.Section{{Page: 1}, {Page: 2}}}, "2版"},
	} {
		if got := pagesText(tt.is); got != tt.want {
			t.Errorf("pagesText(%+v) = %q, want %q", tt.is.Sections, got, tt.want)
		}
	}
}
