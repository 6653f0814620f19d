package render

import (
	"strings"
	"testing"

	"dubao/issue"
	"dubao/ui/styles"
)

// seamArticle parses a fictional two-page issue whose first article goes
// on on page 2, mid-sentence, and returns the stitched article.
func seamArticle(t *testing.T) *issue.Article {
	t.Helper()
	src := "# 第1版 要闻\n\n## 河畔新绿道\n\n第一段写完了。\n\n第二段说到一半,(下转第二版)\n\n" +
		"# 第2版 城市\n\n## 河畔新绿道\n\n(上接第一版)另一半在这里。\n\n第三段。\n"
	is, err := issue.ParseBytes([]byte(src), issue.Options{Name: "seam"})
	if err != nil {
		t.Fatal(err)
	}
	if is.Count() != 1 {
		t.Fatalf("%d articles: the continuation was not stitched on", is.Count())
	}
	return is.Articles()[0]
}

// TestSeamLine checks that the jump lines of a stitched continuation show
// as one quiet line at the seam: right after the paragraph that holds it,
// before the next, in the plain and the styled layouts.
func TestSeamLine(t *testing.T) {
	a := seamArticle(t)
	const seam = "(下转第二版) (上接第一版)"
	plain := Plain(a, Options{})
	want := "第二段说到一半,另一半在这里。\n\n" + seam + "\n\n第三段。\n"
	if !strings.HasSuffix(plain, want) {
		t.Errorf("plain output\n%s\ndoes not end with\n%s", plain, want)
	}
	for _, opt := range []Options{{Width: 60}, {Width: 60, Plain: true}, {Width: 12}} {
		l := New(styles.New(true)).Layout(a, opt)
		lines := l.All()
		var texts []string
		for _, ln := range lines {
			texts = append(texts, strings.TrimSpace(ln.Text))
		}
		got := strings.Join(texts, "") // the text in order, lines joined
		second := strings.Index(got, "另一半在这里。")
		third := strings.Index(got, "第三段。")
		at := strings.Index(got, "(下转第二版)")
		if second < 0 || third < 0 || at < 0 || !(second < at && at < third) {
			t.Errorf("width %d: the seam is not between the second and third paragraphs:\n%s", opt.Width, strings.Join(texts, "\n"))
			continue
		}
		// Every span of the seam line is quiet and shows a jump piece
		// (or the space between).
		for _, ln := range lines {
			if !strings.Contains(ln.Text, "(上接第一版)") && !strings.Contains(ln.Text, "(下转第二版)") {
				continue
			}
			for _, s := range ln.Spans {
				if s.Role != RoleMarker {
					t.Errorf("width %d: span %q of the seam line has role %v", opt.Width, ln.Text[s.Start:s.End], s.Role)
				}
				if s.Piece >= 0 && l.Pieces()[s.Piece].Kind != issue.PieceJump {
					t.Errorf("width %d: span %q of the seam line shows piece kind %v", opt.Width, ln.Text[s.Start:s.End], l.Pieces()[s.Piece].Kind)
				}
			}
			if opt.Width >= 60 && strings.TrimSpace(ln.Text) != seam {
				t.Errorf("width %d: seam line %q, want %q", opt.Width, ln.Text, seam)
			}
		}
	}
}
