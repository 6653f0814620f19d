package reader

import (
	"strings"
	"testing"

	"dubao/issue"
)

// TestFollowSeam checks o on the jump lines of a continuation stitched
// on: the article scrolls to the seam, both lines taken as one, and
// backspace returns to where reading was.
func TestFollowSeam(t *testing.T) {
	m := newModel(t, sample(t), 100, 12)
	r := reader(m)
	press(t, m, "enter")
	a := r.Article()
	if len(a.Jumps) != 2 || !a.Jumps[0].Stitched || !a.Jumps[1].Stitched {
		t.Fatalf("the first sample article should hold one stitched seam: %+v", a.Jumps)
	}
	const seamLine = "（下转第三版） （上接第一版）"
	if strings.Contains(screen(m), seamLine) {
		t.Fatalf("the seam is in view before o:\n%s", screen(m))
	}
	before := r.top
	press(t, m, "o")
	s := screen(m)
	if r.Article() != a || !strings.Contains(s, seamLine) || !strings.Contains(s, "续文从此接上") {
		t.Fatalf("o did not scroll to the seam:\n%s", s)
	}
	// The seam line is in view below the text before the seam.
	lines := strings.Split(s, "\n")
	seamAt, textAt := -1, -1
	for i, ln := range lines {
		if strings.Contains(ln, seamLine) {
			seamAt = i
		}
		if strings.Contains(ln, "待游客超过80万人次。") {
			textAt = i
		}
	}
	if textAt < 0 || seamAt <= textAt {
		t.Errorf("the seam line (%d) is not under the end of its paragraph (%d):\n%s", seamAt, textAt, s)
	}
	// Both jump lines of the seam were taken: the next o takes the first
	// again, and the reading position comes back with backspace.
	if r.jumpNext != 2 {
		t.Errorf("jumpNext %d after o on a seam of two jump lines, want 2", r.jumpNext)
	}
	press(t, m, "backspace")
	if r.Article() != a || r.top != before {
		t.Errorf("backspace: top %v, want %v", r.top, before)
	}
	// An article with no paragraph keeps its seam at the end: o says so.
	bare := &issue.Issue{Sections: []issue.Section{{Page: 1, Articles: []issue.Article{{N: 1, Title: "只有标题",
		Jumps: []issue.Jump{{Page: 2, Text: "(下转第二版)", Dir: issue.JumpTo, Para: -1, Offset: -1, Stitched: true}}}}}}}
	m = newModel(t, bare, 100, 12)
	press(t, m, "enter", "o")
	if s := screen(m); !strings.Contains(s, "续文从此接上") {
		t.Errorf("o on a seam with no paragraph:\n%s", s)
	}
}

// TestFollowSeeNamesArticle checks that o on a cross-reference that names
// its article — （讲话全文见第二版） — opens the article of that page
// whose title matches, not the page's first.
func TestFollowSeeNamesArticle(t *testing.T) {
	src := "# 第1版 要闻\n\n## 大会隆重举行\n\n大会上午举行，主席发表重要讲话。（讲话全文见第二版）\n\n" +
		"# 第2版 要闻\n\n## 广场举行联欢活动\n\n晚上，广场举行联欢活动。\n\n## 在庆祝大会上的讲话\n\n同志们，朋友们。\n\n" +
		"## 另一篇稿件\n\n正文。（详见第二版）\n"
	is, err := issue.ParseBytes([]byte(src), issue.Options{Name: "see.md"})
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, is, 100, 20)
	r := reader(m)
	press(t, m, "enter")
	press(t, m, "o")
	if got := r.Article().Title; got != "在庆祝大会上的讲话" {
		t.Errorf("o on （讲话全文见第二版） opened %q", got)
	}
	// A reference that names nothing goes to the page's first article.
	press(t, m, "4")
	press(t, m, "enter")
	if got := r.Article().Title; got != "另一篇稿件" {
		t.Fatalf("jump to 4 opened %q", got)
	}
	press(t, m, "o")
	if got := r.Article().Title; got != "广场举行联欢活动" {
		t.Errorf("o on （详见第二版） opened %q", got)
	}
	for _, tc := range []struct {
		text, want string
	}{
		{"（讲话全文见第二版）", "讲话全文"},
		{"(项目清单详见第二版)", "项目清单"},
		{"（详见第二版）", ""},
	} {
		if got := seeTopic(tc.text); got != tc.want {
			t.Errorf("seeTopic(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
