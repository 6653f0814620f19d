package render

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	xansi "github.com/charmbracelet/x/ansi"

	"dubao/issue"
	"dubao/ui/styles"
)

// codeArticle is a fictional article with a fenced Go block after its
// first paragraph.
func codeArticle() *issue.Article {
	return &issue.Article{N: 1, Title: "代码示例", Paragraphs: []string{"下面这段程序打印问候。", "完。"},
		Blocks: []issue.Block{{After: 1, Kind: issue.BlockCode, Lang: "go",
			Text: "func main() {\n    // 打印问候\n    fmt.Println(\"你好\", 42)\n}"}}}
}

// TestCodeHighlighted: a code block is drawn in glamour's colours (made of
// the code styles), its text and its lines as our layout broke them; plain
// output and the notty style have no colour; a search match in it is
// highlighted over glamour's colours.
func TestCodeHighlighted(t *testing.T) {
	a := codeArticle()
	st := styles.New(true)
	r := New(st)
	lay := r.Layout(a, Options{Width: 60})
	var code []Line
	for _, ln := range lay.All() {
		if strings.Contains(ln.Text, "fmt.Println") || strings.Contains(ln.Text, "func main") {
			code = append(code, ln)
		}
	}
	if len(code) != 2 {
		t.Fatalf("code lines: %+v", code)
	}
	for _, ln := range code {
		if ln.styled == "" {
			t.Fatalf("code line %q is not highlighted", ln.Text)
		}
		drawn := r.Line(ln, nil)
		if got := strings.TrimLeft(xansi.Strip(drawn), " "); got != strings.TrimLeft(ln.Text, " ") {
			t.Errorf("highlighted %q, text %q", got, ln.Text)
		}
	}
	keyword, str := rgbOf(st.CodeKeyword), rgbOf(st.CodeString)
	if !strings.Contains(r.Line(code[0], nil), keyword) || strings.Contains(r.Line(code[0], nil), str) {
		t.Errorf("func is not drawn as a keyword: %q", r.Line(code[0], nil))
	}
	if !strings.Contains(r.Line(code[1], nil), str) {
		t.Errorf("the string is not drawn as one: %q", r.Line(code[1], nil))
	}
	// a match inside the code
	p := code[1].Spans[len(code[1].Spans)-1].Piece
	text := lay.Pieces()[p].Text
	at := strings.Index(text, "你好")
	m := r.Line(code[1], []Mark{{Piece: p, Start: at, End: at + len("你好")}})
	if !strings.Contains(m, r.sgr[sgrMatch].open+"你好") {
		t.Errorf("the match is not highlighted: %q", m)
	}
	// no colour where there may be none
	for _, plain := range []*Layout{New(styles.Plain()).Layout(a, Options{Width: 60}), r.Layout(a, Options{Width: 60, Plain: true})} {
		for _, ln := range plain.All() {
			if ln.styled != "" {
				t.Errorf("plain layout highlights %q", ln.Text)
			}
		}
	}
}

// TestCodeNarrow: code broken into more lines than it has (a narrow
// width) keeps glamour's colours on each part.
func TestCodeNarrow(t *testing.T) {
	r := New(styles.New(false))
	for _, w := range []int{12, 20, 30} {
		for _, ln := range r.Layout(codeArticle(), Options{Width: w}).All() {
			if ln.Width > w {
				t.Errorf("at %d: %q is %d wide", w, ln.Text, ln.Width)
			}
			if strings.Contains(ln.Text, "Println") && ln.styled == "" {
				t.Errorf("at %d: %q not highlighted", w, ln.Text)
			}
			if ln.styled != "" && strings.TrimLeft(xansi.Strip(ln.styled), " ") != strings.TrimLeft(ln.Text, " ") {
				t.Errorf("at %d: drawn %q, text %q", w, xansi.Strip(ln.styled), ln.Text)
			}
		}
	}
}

// rgbOf is the 24-bit colour parameters of s's foreground, as an SGR
// sequence holds them: "38;2;R;G;B".
func rgbOf(s lipgloss.Style) string {
	r, g, b, _ := color.RGBAModel.Convert(s.GetForeground()).RGBA()
	return fmt.Sprintf("38;2;%d;%d;%d", r>>8, g>>8, b>>8)
}
