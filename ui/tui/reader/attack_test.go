package reader

import (
	"fmt"
	"strings"
	"testing"

	"dubao/issue"
)

// TestCopyTooLong (issue #18, item 10): y on an article whose OSC 52
// payload would pass what terminals take (about 100 kB) sends nothing and
// says so, pointing to | with a clipboard tool; a short article is copied
// and the status says how much.
func TestCopyTooLong(t *testing.T) {
	para := strings.Repeat("长江中下游地区今年春耕进展顺利，各地农技人员深入田间地头。", 40)
	long := &issue.Issue{Paper: "星河日报", Sections: []issue.Section{{Page: 1, Name: "要闻", Articles: []issue.Article{
		{N: 1, Title: "短稿", Paragraphs: []string{"一段。"}},
		{N: 2, Title: "长稿", Paragraphs: repeat(para, 60)},
	}}}}
	m := newModel(t, long, 100, 30)
	msgs := send(m, keyMsg("y"))
	if len(msgs) != 1 || !strings.Contains(screen(m), "已复制第1篇") {
		t.Fatalf("y on a short article: %v\n%s", msgs, screen(m))
	}
	press(t, m, "J")
	if n := reader(m).Article().N; n != 2 {
		t.Fatalf("J went to article %d", n)
	}
	msgs = send(m, keyMsg("y"))
	for _, msg := range msgs {
		if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
			t.Fatalf("y on a %d kB article sends it to the terminal's clipboard", len(para)*60/1000)
		}
	}
	sc := screen(m)
	if strings.Contains(sc, "已复制第2篇") || !strings.Contains(sc, "太长") || !strings.Contains(sc, "|") {
		t.Errorf("y on a long article: the status does not say it is too long and what to do:\n%s", sc)
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}
