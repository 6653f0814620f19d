package epaper

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"dubao/issue"
	"dubao/issue/source/epaper/epapertest"
	"dubao/issue/source/htmltext"
)

// randomHTML writes a random article body: paragraphs of fictional
// sentences with inline markup, line breaks, no-break spaces, pictures
// with captions, jump lines, credits, crossheads, scripts.
func randomHTML(r *rand.Rand) string {
	bits := []string{"清晨六点，青禾镇的粮站已经排起了长队。", "今年的秋粮比去年多收了一成，", "<b>种粮大户</b>周远山笑得合不拢嘴。",
		`<a href="../x.html">烘干塔</a>连夜运转`, "<br>", "&nbsp;&nbsp;", "　　", "\n", "<em>强调</em>", "（下转第四版）", "<span>“过去靠天晒粮。”</span>",
		"<script>var s = '</p><p>不见';</script>", "&lt;p&gt;", "2026年", "Latin text"}
	blocks := []string{"<p>%s</p>", "<div>%s</div>", "<p>　　%s</p>", "<h3>%s</h3>", "<p><strong>%s</strong></p>", "%s<br>"}
	var b strings.Builder
	for range 1 + r.IntN(8) {
		switch r.IntN(10) {
		case 0:
			b.WriteString(`<p><img src="../res/p.jpg"></p><p>图为新老师在上第一堂课。本报记者 林小禾摄</p>`)
		case 1:
			b.WriteString("<p>（本报记者 苏晚晴）</p>")
		case 2:
			b.WriteString("<p>版式设计：郭&nbsp;&nbsp;祥</p>")
		default:
			var p strings.Builder
			for range 1 + r.IntN(5) {
				p.WriteString(bits[r.IntN(len(bits))])
			}
			fmt.Fprintf(&b, blocks[r.IntN(len(blocks))], p.String())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// visibleText returns the text of the text nodes of a body that a reader
// sees (no scripts, styles, comments), white space dropped.
func visibleText(body string) string {
	nodes, _ := htmltext.ParseFragment(body)
	var b strings.Builder
	for _, n := range nodes {
		htmltext.Walk(n, func(c *html.Node) bool {
			if htmltext.Invisible(c) {
				return false
			}
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
			return true
		})
	}
	return noSpace(b.String())
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || htmltext.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestArticleLossless is the property for article pages: every text node
// of the article body is in the model exactly once, in order, in every
// system's page.
func TestArticleLossless(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 40
	}
	for seed := range n {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		body := randomHTML(r)
		for _, sys := range systems {
			d := epapertest.Sample(sys)
			d.Pages = d.Pages[:1]
			d.Pages[0].Articles = []epapertest.Article{{ID: 7, Kicker: "引题", Title: "标题", Subtitle: "副题", Byline: "本报记者 苏晚晴", HTML: body}}
			var page epapertest.File
			for _, f := range d.Files() {
				if IsArticleName(f.Path) {
					page = f
				}
			}
			is, err := Read(page.Data, page.Path, "")
			if err != nil {
				t.Fatalf("seed %d %s: %v", seed, sys, err)
			}
			var got strings.Builder
			for _, a := range is.Articles() {
				for _, p := range a.Pieces() {
					switch p.Kind {
					case issue.PieceKicker, issue.PieceTitle, issue.PieceSubtitle, issue.PieceByline, issue.PieceImage:
					default:
						got.WriteString(p.Text)
					}
				}
			}
			if want := visibleText(body); noSpace(got.String()) != want {
				t.Fatalf("seed %d %s: text lost or added\nbody %q\nwant %q\n got %q", seed, sys, body, want, noSpace(got.String()))
			}
		}
	}
}
