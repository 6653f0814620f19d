package epaper

import (
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"dubao/issue/source/htmltext"
)

// The readability method finds the block of a news page that holds its
// text, and with it what the site prints just above and below the text
// inside that block: a link to a channel (点击进入“文艺星青年”>>), the
// label of an empty picture carousel (图集), an advertising banner, a like
// counter (+1), a copyright notice (版权声明 来源：…), links to the
// previous and next articles. trimEdges takes such lines off the two ends
// of the body, and only there: it stops at the first line that is none of
// them, so that no line of the article's own text is ever lost.

// maxEdgeRunes is the longest line trimEdges may take as boilerplate.
const maxEdgeRunes = 60

// edgeLine is one line of a body as htmltext.ReadBody makes it: the text
// nodes and images between two block boundaries (or <br>s).
type edgeLine struct {
	nodes []*html.Node    // text nodes and <img> elements, in order
	raw   strings.Builder // the text nodes' text
	text  string          // raw cleaned (htmltext.Clean), once the line is read
	// linked counts the characters (but spaces) inside links, all those
	// outside.
	linked, all int
	// images counts the images, uiImages those that are a part of the
	// page rather than of the article (see uiImage).
	images, uiImages int
}

// trimEdges removes the boilerplate lines at the start and at the end of
// the body under root (see boilerplate), with the elements they leave
// empty. A body that is all boilerplate is left as it is.
// A line that names the article's people (a byline at the start, 责编 at
// the end) is kept, and the trimming goes on past it.
func trimEdges(root *html.Node) {
	lines := edgeLines(root)
	drop := make([]bool, len(lines))
	trim := func(i, step int) {
		for ; i >= 0 && i < len(lines); i += step {
			switch {
			case boilerplate(lines[i], next(lines, i)):
				drop[i] = true
			case !namesPeople(lines[i]):
				return
			}
		}
	}
	trim(0, 1)
	trim(len(lines)-1, -1)
	kept := false
	for i, l := range lines {
		if !drop[i] && !namesPeople(l) {
			kept = true
			break
		}
	}
	if !kept {
		return // nothing but boilerplate: not sure enough to drop it all
	}
	for i, l := range lines {
		if drop[i] {
			for _, n := range l.nodes {
				remove(n, root)
			}
		}
	}
}

// next returns the text of the line after lines[i], or "".
func next(lines []*edgeLine, i int) string {
	if i+1 < len(lines) {
		return lines[i+1].text
	}
	return ""
}

// remove takes n out of the tree, and the elements above it (below root)
// that it leaves with no text and no image.
func remove(n, root *html.Node) {
	for n != root && n.Parent != nil {
		p := n.Parent
		p.RemoveChild(n)
		if p == root || htmltext.Find(p, func(c *html.Node) bool {
			return c != p && (c.Type == html.TextNode && strings.TrimFunc(c.Data, htmltext.IsSpace) != "" || htmltext.IsElem(c, "img"))
		}) != nil {
			return
		}
		n = p
	}
}

// edgeLines returns the lines of the body under root that hold text or
// images, in order.
func edgeLines(root *html.Node) []*edgeLine {
	var lines []*edgeLine
	cur := &edgeLine{}
	end := func() {
		if len(cur.nodes) > 0 {
			cur.text = htmltext.Clean(cur.raw.String())
			lines = append(lines, cur)
			cur = &edgeLine{}
		}
	}
	var links []*html.Node // the <a> elements open at this point
	enter := func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			if strings.TrimFunc(n.Data, htmltext.IsSpace) == "" {
				return false
			}
			cur.nodes = append(cur.nodes, n)
			cur.raw.WriteString(n.Data)
			k := 0
			for _, r := range n.Data {
				if !htmltext.IsSpace(r) {
					k++
				}
			}
			cur.all += k
			if len(links) > 0 {
				cur.linked += k
			}
			return false
		case html.ElementNode, html.DocumentNode:
		default:
			return false
		}
		if htmltext.Invisible(n) {
			return false
		}
		switch {
		case n.Data == "br":
			end()
			return false
		case n.Data == "img":
			cur.nodes = append(cur.nodes, n)
			cur.images++
			if uiImage(n, links, root) {
				cur.uiImages++
			}
			return false
		case n.Data == "a":
			links = append(links, n)
		case htmltext.IsBlock(n.Data) || isHeading(n.Data):
			end()
		}
		return true
	}
	leave := func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch {
		case n.Data == "a" && len(links) > 0:
			links = links[:len(links)-1]
		case htmltext.IsBlock(n.Data) || isHeading(n.Data):
			end()
		}
	}
	htmltext.WalkInOut(root, enter, leave)
	end()
	return lines
}

func isHeading(tag string) bool {
	return len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
}

// uiImage reports an image that is a part of the page rather than of the
// article: a banner in a link that leads nowhere (href="#", javascript:),
// an image in an element (up to root) whose class or id says it is an
// advertisement (ad, ads, ad-pc, banner, guanggao), or a button or icon
// by its file's name (next_page.jpg, btn_share.png, icon09.gif, logo.png,
// qrcode.jpg). links are the <a> elements around img.
func uiImage(img *html.Node, links []*html.Node, root *html.Node) bool {
	if len(links) > 0 {
		href := strings.ToLower(strings.TrimSpace(htmltext.Attr(links[len(links)-1], "href")))
		if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(href, "javascript:") {
			return true
		}
	}
	for n := img; n != nil && n != root.Parent; n = n.Parent {
		for _, tok := range strings.FieldsFunc(strings.ToLower(htmltext.Attr(n, "class")+" "+htmltext.Attr(n, "id")), notAlnum) {
			if adWords[tok] {
				return true
			}
		}
	}
	name := strings.ToLower(path.Base(htmltext.Attr(img, "src")))
	for _, tok := range strings.FieldsFunc(strings.TrimSuffix(name, path.Ext(name)), notAlnum) {
		if uiWords[strings.TrimRight(tok, "0123456789")] {
			return true
		}
	}
	return false
}

func notAlnum(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }

// adWords are the words of the class names and ids of advertisements.
var adWords = map[string]bool{"ad": true, "ads": true, "advert": true, "advertisement": true, "banner": true,
	"guanggao": true, "gg": true, "adv": true}

// uiWords are the words of the file names of a page's buttons and icons.
var uiWords = map[string]bool{"next": true, "prev": true, "previous": true, "btn": true, "button": true,
	"icon": true, "logo": true, "share": true, "qrcode": true, "ewm": true, "arrow": true, "more": true}

// boilerplateStart are the starts of lines a site prints around an
// article: links to the articles before and after it, to related ones,
// sharing and printing buttons, copyright and reprint notices.
var boilerplateStart = []string{
	"上一篇", "下一篇", "上一页", "下一页", "上一条", "下一条", "上篇", "下篇",
	"相关阅读", "相关新闻", "相关链接", "相关文章", "延伸阅读", "推荐阅读", "热点推荐", "更多精彩",
	"分享到", "扫一扫", "扫描二维码", "关注我们", "返回顶部", "返回首页", "返回列表", "返回目录",
	"版权声明", "版权所有", "免责声明", "转载请注明", "本文链接", "原文链接", "打印本页", "关闭窗口",
	"点击进入", "点击查看", "点击阅读", "copyright", "©",
}

// boilerplateWords are lines that are one button or label of a page.
var boilerplateWords = map[string]bool{
	"图集": true, "组图": true, "打印": true, "关闭": true, "收藏": true, "纠错": true, "分享": true,
	"评论": true, "点赞": true, "举报": true, "字号": true, "大中小": true, "复制链接": true, "更多": true,
	"进入专题": true, "查看原图": true, "查看评论": true, "我要评论": true,
}

// counter matches a like counter or a row of page numbers: +1, 12, 1 2 3.
var counter = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[+＋]?[0-9]+( +[0-9]+)*$`) })

// people matches the words of a line that names the article's people: a
// byline, a photo credit, the editor (责编).
var people = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`记者|通讯员|作者|编辑|责编|摄`) })

// namesPeople reports a short line that names the article's people.
func namesPeople(l *edgeLine) bool {
	return utf8.RuneCountInString(l.text) <= maxEdgeRunes && people().MatchString(l.text) && !isNotice(l.text)
}

// boilerplate reports a line a site prints around an article rather than
// the article's text: no longer than maxEdgeRunes, and either a link
// alone (text that is all link, or a picture linking to another page, a
// banner, with no caption under it), a line starting as the links and
// notices of boilerplateStart do, one of boilerplateWords, or a counter.
// Lines that name the article's people are never boilerplate. next is the
// text of the line that follows.
func boilerplate(l *edgeLine, next string) bool {
	text := l.text
	if l.all == 0 {
		return l.images > 0 && l.uiImages == l.images && !htmltext.IsCaption(next)
	}
	if utf8.RuneCountInString(text) > maxEdgeRunes || l.uiImages < l.images {
		return false
	}
	if isNotice(text) {
		return true
	}
	return l.linked == l.all && !strings.ContainsAny(text, "。！？") && !people().MatchString(text)
}

// isNotice reports a line of a site's links and notices: a start of
// boilerplateStart, one of boilerplateWords, or a counter.
func isNotice(text string) bool {
	bare := strings.TrimFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("【】[]「」<>《》()（）|｜:：·•>»", r)
	})
	lower := strings.ToLower(bare)
	for _, s := range boilerplateStart {
		if strings.HasPrefix(lower, s) {
			return true
		}
	}
	return boilerplateWords[strings.Join(strings.Fields(bare), "")] || counter().MatchString(bare)
}
