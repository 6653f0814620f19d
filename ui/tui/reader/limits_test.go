package reader

import (
	"strings"
	"testing"

	"dubao/issue"
	"dubao/ui/tui/common"
)

// TestSearchLimit: a search keeps at most maxMatches matches (a frequent
// character in a huge issue has millions) and says so; n still moves
// through them.
func TestSearchLimit(t *testing.T) {
	p := strings.Repeat("青溪的河,", 2000) // 2,000 matches of 的 a paragraph
	var arts []issue.Article
	for i := range 8 {
		arts = append(arts, issue.Article{N: i + 1, Title: "第几篇", Paragraphs: []string{p, p}})
	}
	is := &issue.Issue{Sections: []issue.Section{{Page: 1, Articles: arts}}}
	m := newModel(t, is, 100, 30)
	press(t, m, "/", "的", "enter")
	r := reader(m)
	if got := len(r.search.matches); got != maxMatches {
		t.Fatalf("%d matches kept, want %d", got, maxMatches)
	}
	if !strings.Contains(screen(m), "只列出前10000处") {
		t.Errorf("the limit is not said:\n%s", screen(m))
	}
	press(t, m, "N")
	if r.search.cur != maxMatches-1 || r.Article().N != 3 {
		t.Errorf("N from the first match: match %d in article %d", r.search.cur, r.Article().N)
	}
	// Fewer than the limit: all of them, and nothing said.
	m = newModel(t, is, 100, 30)
	press(t, m, "/", "几", "篇", "enter")
	if r := reader(m); len(r.search.matches) != 8 || strings.Contains(screen(m), "只列出") {
		t.Errorf("%d matches of 8:\n%s", len(r.search.matches), screen(m))
	}
}

// TestRunePrefix: a prefix never cuts a character.
func TestRunePrefix(t *testing.T) {
	s := "青a溪"
	for n, want := range map[int]string{0: "", 1: "", 2: "", 3: "青", 4: "青a", 5: "青a", 6: "青a", 7: "青a溪", 100: "青a溪"} {
		if got := common.RunePrefix(s, n); got != want {
			t.Errorf("common.RunePrefix(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
}
