package reader

import (
	"testing"

	"dubao/issue"
)

// TestPageNameTitlesOnly: a page read from a layout page alone says that
// it holds titles only.
func TestPageNameTitlesOnly(t *testing.T) {
	is := &issue.Issue{Sections: []issue.Section{{Page: 1, Name: "要闻", TitlesOnly: true}, {Page: 2, Name: "综合"}}}
	if got := pageName(is, 0); got != "第1版 要闻（仅标题）" {
		t.Errorf("pageName = %q", got)
	}
	if got := pageName(is, 1); got != "第2版 综合" {
		t.Errorf("pageName = %q", got)
	}
}
