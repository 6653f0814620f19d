package ui

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
	a := r.article()
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
	if r.article() != a || !strings.Contains(s, seamLine) || !strings.Contains(s, "续文从此接上") {
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
	if r.article() != a || r.top != before {
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
