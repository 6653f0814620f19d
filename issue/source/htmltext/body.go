package htmltext

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"dubao/issue"
	"dubao/issue/textsafe"
)

// Body is an article body read from HTML: its prose paragraphs and its
// other parts (images with captions, tables, crossheads, quotes, lists)
// as blocks anchored between them, as in issue.Article.
type Body struct {
	Paragraphs []string
	// Spans mark the bold, italic and linked text of the paragraphs
	// (<strong>, <em>, <a href>), as in issue.Article.
	Spans  []issue.Span
	Blocks []issue.Block
}

// ReadBody reads the article body held by nodes (and what lies under
// them), in order. Paragraphs come from <p>, <div> and the other block
// elements, and from <br>; runs of white space in the markup become one
// space, or nothing at a line break inside Chinese text; indents and the
// spaces at the ends of a paragraph go, no-break and ideographic spaces
// inside it stay as printed. <img> gives an image block whose address is
// resolved with resolve (nil keeps it as written) and whose caption is
// its <figcaption> or the caption-shaped paragraph right below it (图为…,
// …摄); a <table> of data gives a table block (one laying out a page is
// read through); <h1>–<h6> and a short paragraph all in bold give
// crossheads; <blockquote> a quote; a list of plain items a list.
// Scripts, styles, forms and comments give nothing; every other text
// node's text is in the body exactly once, in order.
func ReadBody(nodes []*html.Node, resolve func(string) string) Body {
	r := &bodyReader{resolve: resolve}
	for _, n := range nodes {
		WalkInOut(n, r.enter, r.leave)
	}
	r.flush()
	r.captions()
	return r.b
}

// bodyReader builds a Body.
type bodyReader struct {
	b       Body
	resolve func(string) string
	cur     strings.Builder
	// White space seen since the last character written, and whether it
	// held a line break.
	space, newline bool
	last           rune
	// Whether the current paragraph has text in bold, and text outside.
	bold, plain bool
	boldDepth   int
	// open are the spans open at this point; spans those of the current
	// paragraph closed so far.
	open  []openSpan
	spans []issue.Span
}

// openSpan is a span whose end is not read yet: Start is −1 until its
// first character is written.
type openSpan struct {
	kind  issue.SpanKind
	start int
	href  string
}

// enter handles the start of n; false skips its children (and leave).
func (r *bodyReader) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return false
	case html.ElementNode:
	case html.DocumentNode:
		return true
	default:
		return false
	}
	if Invisible(n) {
		return false
	}
	switch n.Data {
	case "br":
		r.flush()
		return false
	case "img":
		r.image(n)
		return false
	case "h1", "h2", "h3", "h4", "h5", "h6":
		r.flush()
		r.block(issue.Block{Kind: issue.BlockHeading, Text: Clean(Text(n))})
		return false
	case "blockquote":
		r.flush()
		if !hasBlockImage(n) {
			r.block(issue.Block{Kind: issue.BlockQuote, Text: Clean(Text(n))})
			return false
		}
	case "figcaption":
		r.flush()
		if k := len(r.b.Blocks) - 1; k >= 0 && r.b.Blocks[k].Kind == issue.BlockImage && r.b.Blocks[k].Text == "" &&
			r.b.Blocks[k].After == len(r.b.Paragraphs) {
			r.b.Blocks[k].Text = Clean(Text(n))
			return false
		}
	case "table":
		r.flush()
		if rows := dataTable(n); rows != nil {
			r.block(issue.Block{Kind: issue.BlockTable, Rows: rows})
			return false
		}
	case "ul", "ol":
		r.flush()
		if items := plainList(n); items != nil {
			r.block(issue.Block{Kind: issue.BlockList, Items: items, Ordered: n.Data == "ol"})
			return false
		}
	case "b", "strong":
		r.boldDepth++
		r.open = append(r.open, openSpan{kind: issue.SpanStrong, start: -1})
	case "em", "i":
		r.open = append(r.open, openSpan{kind: issue.SpanEm, start: -1})
	case "a":
		href := strings.TrimSpace(Attr(n, "href"))
		if href == "" || strings.HasPrefix(strings.ToLower(href), "javascript:") || strings.HasPrefix(href, "#") {
			break
		}
		if r.resolve != nil {
			href = r.resolve(href)
		}
		r.open = append(r.open, openSpan{kind: issue.SpanLink, start: -1, href: Clean(href)})
	default:
		if IsBlock(n.Data) {
			r.flush()
		}
	}
	return true
}

// leave handles the end of n.
func (r *bodyReader) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	switch {
	case n.Data == "b" || n.Data == "strong":
		r.boldDepth--
		r.closeSpan(issue.SpanStrong)
	case n.Data == "em" || n.Data == "i":
		r.closeSpan(issue.SpanEm)
	case n.Data == "a":
		r.closeSpan(issue.SpanLink)
	case IsBlock(n.Data):
		r.flush()
	}
}

// closeSpan closes the innermost open span of the kind.
func (r *bodyReader) closeSpan(kind issue.SpanKind) {
	for i := len(r.open) - 1; i >= 0; i-- {
		if r.open[i].kind != kind {
			continue
		}
		o := r.open[i]
		if o.start >= 0 && r.cur.Len() > o.start {
			r.spans = append(r.spans, issue.Span{Kind: o.kind, Start: o.start, End: r.cur.Len(), Href: o.href})
		}
		r.open = append(r.open[:i], r.open[i+1:]...)
		return
	}
}

// IsBlock reports the elements that end a paragraph.
func IsBlock(tag string) bool {
	switch tag {
	case "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "aside", "nav",
		"figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "center",
		"address", "hr", "main", "blockquote", "form", "fieldset", "body", "html", "founder-content":
		return true
	}
	return false
}

// text adds the text of a text node to the current paragraph.
func (r *bodyReader) text(s string) {
	s = textsafe.String(s)
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && isASCIISpace(rune(c)) {
			r.space = true
			r.newline = r.newline || c == '\n' || c == '\r'
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if r.cur.Len() == 0 && IsSpace(c) {
			i += size // an indent
			continue
		}
		if r.space && r.cur.Len() > 0 && !(r.newline && IsWide(r.last) && IsWide(c)) {
			r.cur.WriteByte(' ')
		}
		r.space, r.newline = false, false
		for k := range r.open {
			if r.open[k].start < 0 {
				r.open[k].start = r.cur.Len()
			}
		}
		// The run of characters up to the next white space of the markup.
		j := i + size
		for j < len(s) && !(s[j] < utf8.RuneSelf && isASCIISpace(rune(s[j]))) {
			j++
		}
		r.cur.WriteString(s[i:j])
		r.last, _ = utf8.DecodeLastRuneInString(s[i:j])
		i = j
		if r.boldDepth > 0 {
			r.bold = true
		} else {
			r.plain = true
		}
	}
}

// flush ends the current paragraph.
func (r *bodyReader) flush() {
	p := strings.TrimRightFunc(r.cur.String(), IsSpace)
	bold := r.bold && !r.plain
	// Spans still open end with the paragraph and go on in the next.
	for i := range r.open {
		if o := &r.open[i]; o.start >= 0 {
			if r.cur.Len() > o.start {
				r.spans = append(r.spans, issue.Span{Kind: o.kind, Start: o.start, End: r.cur.Len(), Href: o.href})
			}
			o.start = -1
		}
	}
	spans := r.spans
	r.spans = nil
	r.cur.Reset()
	r.space, r.newline, r.bold, r.plain, r.last = false, false, false, false, 0
	if p == "" {
		return
	}
	if bold && crosshead(p) {
		r.block(issue.Block{Kind: issue.BlockHeading, Text: p})
		return
	}
	para := len(r.b.Paragraphs)
	r.b.Paragraphs = append(r.b.Paragraphs, p)
	var mine []issue.Span
	for _, sp := range spans {
		sp.End = min(sp.End, len(p))
		if sp.Start < sp.End {
			sp.Para = para
			mine = append(mine, sp)
		}
	}
	slices.SortStableFunc(mine, func(a, b issue.Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	r.b.Spans = append(r.b.Spans, mine...)
}

// crosshead reports a bold paragraph short enough to be a crosshead: not
// a sentence.
func crosshead(p string) bool {
	last, _ := utf8.DecodeLastRuneInString(p)
	return utf8.RuneCountInString(p) <= 30 && !strings.ContainsRune("。！？；…!?;", last)
}

// block adds a block after the paragraphs so far (one with no text is
// dropped).
func (r *bodyReader) block(b issue.Block) {
	if b.Text == "" && b.Src == "" && len(b.Rows) == 0 && len(b.Items) == 0 {
		return
	}
	b.After = len(r.b.Paragraphs)
	r.b.Blocks = append(r.b.Blocks, b)
}

// image adds the image n.
func (r *bodyReader) image(n *html.Node) {
	src := strings.TrimSpace(Attr(n, "src"))
	for _, k := range []string{"data-src", "data-original"} {
		if v := strings.TrimSpace(Attr(n, k)); v != "" && (src == "" || strings.HasPrefix(src, "data:")) {
			src = v
		}
	}
	if src == "" {
		return
	}
	r.flush()
	if r.resolve != nil {
		src = r.resolve(src)
	}
	r.block(issue.Block{Kind: issue.BlockImage, Src: Clean(src), Alt: Clean(Attr(n, "alt"))})
}

// captions moves a caption-shaped paragraph right below an image without
// a caption into the image block.
func (r *bodyReader) captions() {
	b := &r.b
	for i := range b.Blocks {
		img := &b.Blocks[i]
		k := img.After
		if img.Kind != issue.BlockImage || img.Text != "" || k >= len(b.Paragraphs) || !IsCaption(b.Paragraphs[k]) {
			continue
		}
		if i+1 < len(b.Blocks) && b.Blocks[i+1].After == k {
			continue // another block comes first
		}
		img.Text = b.Paragraphs[k]
		b.Paragraphs = append(b.Paragraphs[:k], b.Paragraphs[k+1:]...)
		spans := b.Spans[:0]
		for _, sp := range b.Spans {
			switch {
			case sp.Para == k:
				sp.Para = 0
				img.Spans = append(img.Spans, sp)
				continue
			case sp.Para > k:
				sp.Para--
			}
			spans = append(spans, sp)
		}
		b.Spans = spans
		for j := range b.Blocks {
			if j != i && b.Blocks[j].After > k {
				b.Blocks[j].After--
			}
		}
	}
}

// IsCaption reports a paragraph shaped as a picture's caption: 图为…,
// 上图：…, …摄, …供图, （资料图片）.
func IsCaption(s string) bool {
	if utf8.RuneCountInString(s) > 200 {
		return false
	}
	for _, p := range []string{"图为", "图：", "图:", "上图", "下图", "左图", "右图", "题图", "图①", "图②", "图1", "图片"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	t := strings.TrimRight(s, ")）")
	for _, p := range []string{"摄", "摄影", "供图", "资料图片", "资料图", "制图", "绘"} {
		if strings.HasSuffix(t, p) {
			return true
		}
	}
	return false
}

// hasBlockImage reports an image under n.
func hasBlockImage(n *html.Node) bool { return Find(n, ByTag("img")) != nil }

// dataTable returns the cells of a table of data, or nil for a table that
// lays out a page (one row or one column, images, nested tables, or long
// prose in its cells).
func dataTable(t *html.Node) [][]string {
	if Find(t, ByTag("img")) != nil {
		return nil
	}
	var rows [][]string
	cols := 0
	nested := false
	Walk(t, func(n *html.Node) bool {
		if n != t && IsElem(n, "table") {
			nested = true
			return false
		}
		if IsElem(n, "tr") {
			var row []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if IsElem(c, "td") || IsElem(c, "th") {
					row = append(row, Clean(Text(c)))
				}
			}
			if len(row) > 0 {
				rows = append(rows, row)
				cols = max(cols, len(row))
			}
			return false
		}
		return !Invisible(n)
	})
	if nested || len(rows) < 2 || cols < 2 {
		return nil
	}
	for _, row := range rows {
		for _, c := range row {
			if utf8.RuneCountInString(c) > 200 {
				return nil
			}
		}
	}
	return rows
}

// plainList returns the items of a list whose items are plain text, or
// nil.
func plainList(l *html.Node) []string {
	var items []string
	for c := l.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimFunc(c.Data, IsSpace) == "":
		case IsElem(c, "li"):
			if Find(c, func(n *html.Node) bool {
				return n != c && n.Type == html.ElementNode && (IsBlock(n.Data) || n.Data == "img" || n.Data == "br")
			}) != nil {
				return nil
			}
			if t := Clean(Text(c)); t != "" {
				items = append(items, t)
			}
		default:
			return nil
		}
	}
	if len(items) == 0 {
		return nil
	}
	return items
}
