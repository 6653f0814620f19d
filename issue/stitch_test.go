package issue

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// stitchCases are fictional two-page issues whose first article goes on
// on page 2, with the seam each must get.
var stitchCases = []struct {
	name string
	// before and after are the text of the article on page 1 and of the
	// continuation on page 2, paragraphs separated by blank lines.
	before, after string
	paras         []string
	// seamPara and seamOff: where both stitched jumps must stand.
	seamPara, seamOff int
	// order is the kinds of the article's pieces after the title, with
	// J for a stitched jump and P for a paragraph.
	order string
}{
	{
		name:     "joined mid-sentence",
		before:   "第一段写完了。\n\n第二段说到一半,(下转第二版)",
		after:    "(上接第一版)另一半在这里。\n\n第三段。",
		paras:    []string{"第一段写完了。", "第二段说到一半,另一半在这里。", "第三段。"},
		seamPara: 1, seamOff: len("第二段说到一半,"),
		order: "PPJJP",
	},
	{
		name:     "jump line alone on both pages, joined",
		before:   "第一段写完了。\n\n第二段说到一半,\n(下转第二版)",
		after:    "(上接第一版)\n\n另一半在这里。",
		paras:    []string{"第一段写完了。", "第二段说到一半,另一半在这里。"},
		seamPara: 1, seamOff: len("第二段说到一半,"),
		order: "PPJJ",
	},
	{
		name:     "not joined: the sentence had ended",
		before:   "第一段写完了。\n\n第二段也写完了。(下转第二版)",
		after:    "(上接第一版)续文是新的一段。\n\n第三段。",
		paras:    []string{"第一段写完了。", "第二段也写完了。", "续文是新的一段。", "第三段。"},
		seamPara: 1, seamOff: len("第二段也写完了。"),
		order: "PPJJPP",
	},
	{
		name:     "the jump line stood alone after a finished paragraph",
		before:   "第一段写完了。\n\n(下转第二版)",
		after:    "(上接第一版)续文是新的一段。",
		paras:    []string{"第一段写完了。", "续文是新的一段。"},
		seamPara: 0, seamOff: len("第一段写完了。"),
		order: "PJJP",
	},
	{
		name:     "no text before the seam",
		before:   "(下转第二版)",
		after:    "(上接第一版)全文都在第二版。\n\n第二段。",
		paras:    []string{"全文都在第二版。", "第二段。"},
		seamPara: 0, seamOff: 0,
		order: "JJPP",
	},
}

// stitchIssue returns the Markdown of a two-page issue for a stitch case.
func stitchIssue(before, after string) string {
	return "# 第1版 要闻\n\n## 河畔新绿道\n\n" + before + "\n\n# 第2版 城市\n\n## 河畔新绿道\n\n" + after + "\n"
}

func TestStitchSeam(t *testing.T) {
	for _, tc := range stitchCases {
		t.Run(tc.name, func(t *testing.T) {
			is, err := ParseBytes([]byte(stitchIssue(tc.before, tc.after)), Options{Name: "stitch"})
			if err != nil {
				t.Fatal(err)
			}
			if is.Count() != 1 {
				t.Fatalf("%d articles, want the continuation stitched on", is.Count())
			}
			a := is.Articles()[0]
			if strings.Join(a.Paragraphs, "|") != strings.Join(tc.paras, "|") {
				t.Errorf("paragraphs\n%q, want\n%q", a.Paragraphs, tc.paras)
			}
			want := []Jump{
				{Page: 2, Text: "(下转第二版)", Dir: JumpTo, Para: tc.seamPara, Offset: tc.seamOff, Stitched: true},
				{Page: 1, Text: "(上接第一版)", Dir: JumpFrom, Para: tc.seamPara, Offset: tc.seamOff, Stitched: true},
			}
			if len(a.Jumps) != 2 || a.Jumps[0] != want[0] || a.Jumps[1] != want[1] {
				t.Errorf("jumps\n%+v, want\n%+v", a.Jumps, want)
			}
			// Paragraphs[Para][:Offset] is the text before the seam.
			if p := a.Paragraphs[tc.seamPara]; !strings.HasPrefix(p, p[:tc.seamOff]) || tc.seamOff > len(p) {
				t.Errorf("seam offset %d outside %q", tc.seamOff, p)
			}
			var order strings.Builder
			for _, p := range a.Pieces() {
				switch p.Kind {
				case PieceJump:
					order.WriteByte('J')
					if a.Jumps[p.Row].Text != p.Text {
						t.Errorf("jump piece %q has Row %d, the jump %q", p.Text, p.Row, a.Jumps[p.Row].Text)
					}
				case PieceParagraph:
					order.WriteByte('P')
				}
			}
			if order.String() != tc.order {
				t.Errorf("pieces %s, want %s", order.String(), tc.order)
			}
			for k := range a.Jumps {
				if i := a.SeamPiece(k); i < 0 || a.Pieces()[i].Text != a.Jumps[k].Text {
					t.Errorf("SeamPiece(%d) = %d", k, i)
				}
			}
		})
	}
}

// TestStitchTwice checks a continuation that goes on in its turn: every
// seam keeps its place, in reading order.
func TestStitchTwice(t *testing.T) {
	src := "# 第1版 要闻\n\n## 河畔新绿道\n\n开头说到一半,(下转第二版)" +
		"\n\n# 第2版 城市\n\n## 河畔新绿道\n\n(上接第一版)接着说,还没说完,(下转第三版)" +
		"\n\n# 第3版 经济\n\n## 河畔新绿道\n\n(上接第二版)终于说完了。\n"
	for _, order := range []string{"in order", "in order, back to page 1", "continuation first"} {
		in := src
		last := "(上接第二版)"
		switch order {
		case "in order":
			// Page 3 points back to page 2, which is stitched onto page 1.
		case "in order, back to page 1":
			in = strings.Replace(src, "(上接第二版)", "(上接第一版)", 1)
			last = "(上接第一版)"
		default:
			// Page 2 comes first: its continuation is stitched onto it
			// before it is stitched onto page 1.
			i, j := strings.Index(src, "# 第2版"), strings.Index(src, "# 第3版")
			in = src[i:j] + src[:i] + src[j:]
		}
		is, err := ParseBytes([]byte(in), Options{Name: "stitch"})
		if err != nil {
			t.Fatal(err)
		}
		if is.Count() != 1 {
			t.Fatalf("%s: %d articles", order, is.Count())
		}
		a := is.Articles()[0]
		want := "开头说到一半,接着说,还没说完,终于说完了。"
		if len(a.Paragraphs) != 1 || a.Paragraphs[0] != want {
			t.Fatalf("%s: paragraphs %q", order, a.Paragraphs)
		}
		seams := []int{len("开头说到一半,"), len("开头说到一半,"), len("开头说到一半,接着说,还没说完,"), len("开头说到一半,接着说,还没说完,")}
		if len(a.Jumps) != 4 {
			t.Fatalf("%s: jumps %+v", order, a.Jumps)
		}
		for k, j := range a.Jumps {
			if !j.Stitched || j.Para != 0 || j.Offset != seams[k] {
				t.Errorf("%s: jump %d %+v, want stitched at 0:%d", order, k, j, seams[k])
			}
		}
		if got := a.Jumps[0].Text + a.Jumps[1].Text + a.Jumps[2].Text + a.Jumps[3].Text; got != "(下转第二版)(上接第一版)(下转第三版)"+last {
			t.Errorf("%s: jumps in the order %s", order, got)
		}
		back, md := roundTrip(t, is)
		if got, want := comparable(t, back), comparable(t, is); got != want {
			t.Errorf("%s: round trip changed the model:\n%s\nmarkdown:\n%s", order, firstDiff(want, got), md)
		}
	}
}

// TestSeamMarkdown checks that the Markdown dubao writes keeps every seam
// where it was, as a comment at the seam that Parse takes out again, and
// that the source text is still all in the model.
func TestSeamMarkdown(t *testing.T) {
	for _, tc := range stitchCases {
		t.Run(tc.name, func(t *testing.T) {
			is, err := ParseBytes([]byte(stitchIssue(tc.before, tc.after)), Options{Name: "stitch"})
			if err != nil {
				t.Fatal(err)
			}
			back, md := roundTrip(t, is)
			if got, want := comparable(t, back), comparable(t, is); got != want {
				t.Fatalf("round trip changed the model:\n%s\nmarkdown:\n%s", firstDiff(want, got), md)
			}
			a := is.Articles()[0]
			p := a.Paragraphs[tc.seamPara]
			at := ""
			if n := utf8.RuneCountInString(p[tc.seamOff:]); n > 0 {
				at = fmt.Sprintf("at=-%d ", n)
			}
			line := p + "<!-- dubao:stitched (下转第二版) (上接第一版) " + at + "-->"
			if !strings.Contains(md, "\n"+line+"\n") {
				t.Errorf("the seam comment is not in the line\n%s\nof\n%s", line, md)
			}
			plain, err := ParseBytes([]byte(md), Options{Name: "markdown", noStitch: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := checkLossless(md, plain); err != nil {
				t.Errorf("lossless: %v\n%s", err, md)
			}
		})
	}
}

// TestSeamComments checks how Parse reads seam comments: at the end of a
// paragraph, with the place of the seam in it; on a line of their own (as
// dubao wrote them before seams kept their place) at the end of the text;
// alone in a paragraph at the end of the one before; not at the end of a
// paragraph, or with other text in them, as text.
func TestSeamComments(t *testing.T) {
	const c = "<!-- dubao:stitched (下转第三版) (上接第一版) -->"
	seam := func(para, off int) []Jump {
		return []Jump{
			{Page: 3, Text: "(下转第三版)", Dir: JumpTo, Para: para, Offset: off, Stitched: true},
			{Page: 1, Text: "(上接第一版)", Dir: JumpFrom, Para: para, Offset: off, Stitched: true},
		}
	}
	prose := func(text string, para int) []Jump {
		var js []Jump
		for _, j := range seam(para, 0) {
			j.Stitched, j.Offset = false, strings.Index(text, j.Text)
			js = append(js, j)
		}
		return js
	}
	mid := "第一段," + c + "接着写。"
	for _, tc := range []struct {
		name, body string
		paras      []string
		jumps      []Jump
	}{
		{"end of a paragraph", "第一段。" + c + "\n\n第二段。", []string{"第一段。", "第二段。"}, seam(0, len("第一段。"))},
		{"inside a paragraph", "第一段,接着写。<!-- dubao:stitched (下转第三版) (上接第一版) at=-4 -->", []string{"第一段,接着写。"}, seam(0, len("第一段,"))},
		{"start of a paragraph", "第一段。\n\n第二段。<!-- dubao:stitched (下转第三版) (上接第一版) at=-4 -->", []string{"第一段。", "第二段。"}, seam(1, 0)},
		{"further back than the paragraph", "第一段。\n\n第二段。<!-- dubao:stitched (下转第三版) (上接第一版) at=-30 -->", []string{"第一段。", "第二段。"}, seam(1, 0)},
		{"run-in byline", "本报讯(记者 甲)第一段。<!-- dubao:stitched (下转第三版) (上接第一版) at=-4 -->", []string{"第一段。"}, seam(0, 0)},
		{"own line at the end", "第一段。\n\n第二段。\n\n" + c, []string{"第一段。", "第二段。"}, seam(1, len("第二段。"))},
		{"own line in the middle", "第一段。\n\n" + c + "\n\n第二段。", []string{"第一段。", "第二段。"}, seam(1, len("第二段。"))},
		{"alone in its paragraph", "第一段。\n\n\\" + c + "\n\n第二段。", []string{"第一段。", "第二段。"}, seam(0, len("第一段。"))},
		{"inside the text", mid, []string{mid}, prose(mid, 0)},
		{"with other text", "第一段。<!-- dubao:stitched 注 (下转第三版) -->", []string{"第一段。<!-- dubao:stitched 注 (下转第三版) -->"},
			[]Jump{{Page: 3, Text: "(下转第三版)", Dir: JumpTo, Para: 0, Offset: len("第一段。<!-- dubao:stitched 注 ")}}},
		{"bad place", "第一段。<!-- dubao:stitched (下转第三版) at=-x -->", []string{"第一段。<!-- dubao:stitched (下转第三版) at=-x -->"},
			[]Jump{{Page: 3, Text: "(下转第三版)", Dir: JumpTo, Para: 0, Offset: len("第一段。<!-- dubao:stitched ")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "## 标题\n\n" + tc.body + "\n"
			is, err := ParseBytes([]byte(src), Options{Name: "seam"})
			if err != nil {
				t.Fatal(err)
			}
			a := is.Articles()[0]
			if strings.Join(a.Paragraphs, "|") != strings.Join(tc.paras, "|") {
				t.Errorf("paragraphs %q, want %q", a.Paragraphs, tc.paras)
			}
			if len(a.Jumps) != len(tc.jumps) {
				t.Fatalf("jumps %+v, want %+v", a.Jumps, tc.jumps)
			}
			for k := range a.Jumps {
				if a.Jumps[k] != tc.jumps[k] {
					t.Errorf("jump %d %+v, want %+v", k, a.Jumps[k], tc.jumps[k])
				}
			}
			if err := checkLossless(src, parseWith(t, src, Options{noStitch: true})); err != nil {
				t.Errorf("lossless: %v", err)
			}
			var buf bytes.Buffer
			if err := WriteMarkdown(&buf, is); err != nil {
				t.Fatal(err)
			}
			back := parseWith(t, buf.String(), Options{})
			if got, want := comparable(t, back), comparable(t, is); got != want {
				t.Errorf("round trip changed the model:\n%s\nmarkdown:\n%s", firstDiff(want, got), buf.String())
			}
		})
	}
}

// parseWith parses src with opt or fails the test.
func parseWith(t testing.TB, src string, opt Options) *Issue {
	t.Helper()
	is, err := ParseBytes([]byte(src), opt)
	if err != nil {
		t.Fatal(err)
	}
	return is
}

// TestSeamJumpMarks: a stitched jump line that holds inline marks
// (backslashes, emphasis, code, brackets) is written in its seam comment
// so that the paragraph, read as inline Markdown with the comment at its
// end, gives it back as it was: the comment was written raw, and
// (下\\\转第二版) read back as (下\\转第二版) (FuzzParse
// 9a1c3df0f34a404e). A jump line with no marks is still written as it
// stands (TestSeamMarkdown).
func TestSeamJumpMarks(t *testing.T) {
	for _, mid := range []string{`\\`, `\\\\\\`, `\*甲\*`, `\_甲\_`, "\\`甲\\`", `\[甲\]`, `\*\*甲\*\*`, "\xe4\xb8\\\\\\\\\\\\\x8b"} {
		// The back jump names no page, so it joins the one before.
		src := "## 标题\n\n正文,说到一半,(下" + mid + "转第二版)\n\n# 第二版\n\n## 标题\n\n(上接第\xe4\xb8m版)另一半。\n"
		is, err := ParseBytes([]byte(src), Options{Name: "stitch"})
		if err != nil {
			t.Fatal(err)
		}
		a := is.Articles()[0]
		if len(a.Jumps) != 2 || !a.Jumps[0].Stitched || !strings.Contains(a.Jumps[0].Text, "转第二版") {
			t.Errorf("%q: not stitched: %+v", mid, a.Jumps)
			continue
		}
		roundTripSame(t, is, mid)
	}
}
