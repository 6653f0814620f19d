package htmltext

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/issue"
)

// parse parses a fragment of a body.
func parse(t testing.TB, src string) []*html.Node {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	return nodes
}

func TestReadBody(t *testing.T) {
	tests := []struct {
		name, src string
		paras     []string
		blocks    []issue.Block
	}{
		{"p and br", "<p>　　第一段。</p><p>第二段<br>第三段。</p>", []string{"第一段。", "第二段", "第三段。"}, nil},
		{"line breaks of the markup", "<p>中文\n  中文 English\nwords</p>", []string{"中文中文 English words"}, nil},
		{"spaces kept inside", "<p>张&nbsp;&nbsp;洋　文</p>", []string{"张\u00a0\u00a0洋\u3000文"}, nil},
		{"text outside elements", "甲<div>乙</div>丙", []string{"甲", "乙", "丙"}, nil},
		{"picture and caption below", `<p>前文。</p><p><img src="a.jpg" alt="图"></p><p>图为青禾镇。本报记者 苏晚晴摄</p><p>后文。</p>`,
			[]string{"前文。", "后文。"}, []issue.Block{{After: 1, Kind: issue.BlockImage, Src: "a.jpg", Alt: "图", Text: "图为青禾镇。本报记者 苏晚晴摄"}}},
		{"figure", `<figure><img src="b.png"><figcaption>古桥</figcaption></figure><p>文。</p>`,
			[]string{"文。"}, []issue.Block{{After: 0, Kind: issue.BlockImage, Src: "b.png", Text: "古桥"}}},
		{"data table", "<table><tr><th>年</th><th>产量</th></tr><tr><td>2025</td><td>10</td></tr></table>",
			nil, []issue.Block{{Kind: issue.BlockTable, Rows: [][]string{{"年", "产量"}, {"2025", "10"}}}}},
		{"layout table", "<table><tr><td><p>一段。</p><p>二段。</p></td></tr></table>", []string{"一段。", "二段。"}, nil},
		{"crossheads", "<h3>一、秋收</h3><p><strong>二、进仓</strong></p><p><b>加粗</b>的句子在段中。</p>",
			[]string{"加粗的句子在段中。"}, []issue.Block{{Kind: issue.BlockHeading, Text: "一、秋收"}, {Kind: issue.BlockHeading, Text: "二、进仓"}}},
		{"list", "<ul><li>甲</li><li>乙</li></ul>", nil, []issue.Block{{Kind: issue.BlockList, Items: []string{"甲", "乙"}}}},
		{"quote", "<blockquote>引文。</blockquote>", nil, []issue.Block{{Kind: issue.BlockQuote, Text: "引文。"}}},
		{"script holding </p>", `<p>甲<script>document.write("</p><p>乙")</script>丙</p><style>p{}</style>`, []string{"甲丙"}, nil},
		{"hidden", `<p>甲<span style="display: none">乙</span></p><!-- 丙 --><noscript>丁</noscript>`, []string{"甲"}, nil},
		{"entities for controls", "<p>a&#27;[31mb&#x9b;c&#8238;d&#7;e</p>", []string{"ab›cde"}, nil},
		{"unclosed", "<p>甲<div>乙<span>丙", []string{"甲", "乙丙"}, nil},
	}
	for _, tt := range tests {
		b := ReadBody(parse(t, tt.src), nil)
		if !reflect.DeepEqual(b.Paragraphs, tt.paras) || !reflect.DeepEqual(b.Blocks, tt.blocks) {
			t.Errorf("%s:\n got %q %+v\nwant %q %+v", tt.name, b.Paragraphs, b.Blocks, tt.paras, tt.blocks)
		}
	}
}

func TestReadBodySpans(t *testing.T) {
	b := ReadBody(parse(t, `<p>　　见<a href="/a">链接<b>加粗</b></a>和<em>强调</em>。</p><p><a href="javascript:x()">脚本</a></p>`),
		func(s string) string { return "http://x.example" + s })
	want := []issue.Span{
		{Kind: issue.SpanLink, Start: len("见"), End: len("见链接加粗"), Href: "http://x.example/a"},
		{Kind: issue.SpanStrong, Start: len("见链接"), End: len("见链接加粗")},
		{Kind: issue.SpanEm, Start: len("见链接加粗和"), End: len("见链接加粗和强调")},
	}
	if !reflect.DeepEqual(b.Spans, want) {
		t.Errorf("spans %+v, want %+v", b.Spans, want)
	}
}

// visible returns the text of the text nodes ReadBody must keep: every
// one not under a node it leaves out (see Invisible), in order.
func visible(nodes []*html.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		Walk(n, func(c *html.Node) bool {
			if Invisible(c) {
				return false
			}
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
			return true
		})
	}
	return b.String()
}

// bodyText returns the text of a body in reading order, as the model's
// pieces hold it (image alt texts left out: they are no text nodes).
func bodyText(b Body) string {
	a := issue.Article{Paragraphs: b.Paragraphs, Blocks: b.Blocks, Spans: b.Spans}
	var s strings.Builder
	for _, p := range a.Pieces() {
		if p.Kind != issue.PieceImage {
			s.WriteString(p.Text)
		}
	}
	return s.String()
}

// noSpace drops every kind of white space.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// unsafeText reports text holding a control, bidi or escape character.
func unsafeText(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c || r == 0xfeff {
			return true
		}
	}
	return false
}

// checkLossless checks that the body read from nodes holds every visible
// text node's text once, in order (white space aside), and nothing that
// can control a terminal.
func checkLossless(t *testing.T, src string, nodes []*html.Node) {
	t.Helper()
	want := visible(nodes)
	b := ReadBody(nodes, nil)
	got := bodyText(b)
	if unsafeText(got) {
		t.Fatalf("unsafe text from %q: %q", src, got)
	}
	for _, sp := range b.Spans {
		if sp.Para >= len(b.Paragraphs) || sp.Start < 0 || sp.End > len(b.Paragraphs[sp.Para]) || sp.Start >= sp.End {
			t.Fatalf("bad span %+v of %q from %q", sp, b.Paragraphs, src)
		}
	}
	if unsafeText(want) {
		return // the cleaning may take more than the controls (an escape sequence's parameters)
	}
	if noSpace(got) != noSpace(want) {
		t.Fatalf("text lost or added:\nsource %q\n  want %q\n   got %q", src, noSpace(want), noSpace(got))
	}
}

// randomBody writes a random body of nested elements and text.
func randomBody(r *rand.Rand, depth int, b *strings.Builder) {
	words := []string{"青禾镇", "的秋粮", "进仓了。", " ", "\n", "　　", "&nbsp;", "图为古桥。", "本报记者 苏晚晴摄", "（下转第四版）", "Latin words", "2026", "&amp;", "&lt;p&gt;"}
	tags := []string{"p", "div", "span", "b", "strong", "em", "a href=x", "br", "img src=i.jpg", "table", "tr", "td", "ul", "li", "blockquote", "h3", "figure", "figcaption", "script", "style", "section", "font"}
	for range 1 + r.IntN(4) {
		if depth > 0 && r.IntN(3) > 0 {
			tag := tags[r.IntN(len(tags))]
			name, _, _ := strings.Cut(tag, " ")
			fmt.Fprintf(b, "<%s>", tag)
			if name == "script" || name == "style" {
				b.WriteString("var s = '</p><p>不见';")
			} else if name != "br" && name != "img" {
				randomBody(r, depth-1, b)
			}
			if r.IntN(5) > 0 {
				fmt.Fprintf(b, "</%s>", name)
			}
			continue
		}
		b.WriteString(words[r.IntN(len(words))])
	}
}

// TestReadBodyLossless is the property: for random bodies, every text
// node's text is in the body exactly once, in order.
func TestReadBodyLossless(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	for seed := range n {
		r := rand.New(rand.NewPCG(uint64(seed), 11))
		var b strings.Builder
		randomBody(r, 5, &b)
		src := b.String()
		checkLossless(t, src, parse(t, src))
	}
}

// FuzzReadBody: no input panics, gives unsafe text or loses text.
func FuzzReadBody(f *testing.F) {
	for _, s := range []string{
		"<p>　　第一段。</p><p>第二段<br>第三段。</p>",
		`<p><img src="a.jpg"></p><p>图为青禾镇。本报记者 苏晚晴摄</p>`,
		"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
		`<p>甲<script>document.write("</p><p>乙")</script>丙</p>`,
		"<p>a&#27;[31mb&#x9b;c&#8238;d</p>",
		"<ul><li>甲</li><li>乙<ul><li>丙</li></ul></li></ul>",
		"<div><div><div><p><a href=x><b>链接</b></a>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // pages are decoded to UTF-8 before they are parsed
		}
		nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil {
			return
		}
		checkLossless(t, src, nodes)
	})
}
