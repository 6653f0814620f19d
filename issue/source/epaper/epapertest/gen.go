// Package epapertest writes e-paper websites for tests and benchmarks: the
// layout and article pages of a day of a fictional paper, shaped as each
// system publishes them (人民日报 old and new, 光明日报, Founder), laid out
// as a `wget -r` mirror lays them out. The text is fictional.
package epapertest

import (
	"fmt"
	"html"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The systems Day can be written in.
const (
	RMRB     = "rmrb"
	RMRB2010 = "rmrb-2010"
	GMRB     = "gmrb"
	Founder  = "founder"
)

// Day is one day of a paper.
type Day struct {
	Paper  string // 青州日报
	Date   string // YYYY-MM-DD
	System string
	Pages  []Page
	// Host is the site's host name in the mirror's paths.
	Host string
	// Boilerplate adds to every page what real e-paper pages carry around
	// the paper's text (about 16 KB: scripts, styles, the site's
	// navigation, a footer), as their size is for a benchmark.
	Boilerplate bool
}

// Page is one page of the day.
type Page struct {
	Number   int
	Name     string
	Articles []Article
}

// Article is one article.
type Article struct {
	ID                              int // the number in its file name
	Kicker, Title, Subtitle, Byline string
	Paras                           []string
	// HTML, when set, is the body's markup as it is, in place of Paras.
	HTML           string
	Image, Caption string // an image's address and caption, before the text
	OnLayoutOnly   bool   // listed on the layout page, its page not saved
}

// File is one file of the mirror.
type File struct {
	Path string // relative, with slashes
	Data []byte
}

// Files writes the day's pages, layout pages first, then article pages,
// each in page order.
func (d Day) Files() []File {
	var out []File
	for _, p := range d.Pages {
		out = append(out, File{d.layoutPath(p.Number), d.encode(d.layout(p))})
	}
	for _, p := range d.Pages {
		for i, a := range p.Articles {
			if a.OnLayoutOnly {
				continue
			}
			out = append(out, File{d.articlePath(p.Number, i, a), d.encode(d.article(p, a))})
		}
	}
	return out
}

func (d Day) ymd() (y, m, dd string) { return d.Date[:4], d.Date[5:7], d.Date[8:10] }

func (d Day) host() string {
	if d.Host != "" {
		return d.Host
	}
	switch d.System {
	case RMRB, RMRB2010:
		return "paper.people.com.cn"
	case GMRB:
		return "epaper.gmw.cn"
	}
	return "epaper.example.cn"
}

// layoutDir and articleDir are the folders of the layout and article
// pages; layoutPath and articlePath the pages' paths.
func (d Day) layoutDir() string {
	y, m, dd := d.ymd()
	switch d.System {
	case RMRB:
		return d.host() + "/rmrb/pc/layout/" + y + m + "/" + dd
	case RMRB2010:
		return d.host() + "/rmrb/html/" + y + "-" + m + "/" + dd
	case GMRB:
		return d.host() + "/gmrb/html/layout/" + y + m + "/" + dd
	}
	return d.host() + "/html/" + y + "-" + m + "/" + dd
}

func (d Day) articleDir() string {
	y, m, dd := d.ymd()
	switch d.System {
	case RMRB:
		return d.host() + "/rmrb/pc/content/" + y + m + "/" + dd
	case GMRB:
		return d.host() + "/gmrb/html/content/" + y + m + "/" + dd
	}
	return d.layoutDir()
}

func (d Day) layoutName(page int) string {
	switch d.System {
	case RMRB, GMRB:
		return fmt.Sprintf("node_%02d.html", page)
	case RMRB2010:
		return fmt.Sprintf("nbs.D110000renmrb_%02d.htm", page)
	}
	return fmt.Sprintf("node_%d.htm", page+1)
}

func (d Day) articleName(page, i int, a Article) string {
	switch d.System {
	case RMRB, GMRB:
		return fmt.Sprintf("content_%d.html", a.ID)
	case RMRB2010:
		y, m, dd := d.ymd()
		return fmt.Sprintf("nw.D110000renmrb_%s%s%s_%d-%02d.htm", y, m, dd, i+1, page)
	}
	return fmt.Sprintf("content_%d.htm", a.ID)
}

func (d Day) layoutPath(page int) string { return d.layoutDir() + "/" + d.layoutName(page) }

func (d Day) articlePath(page, i int, a Article) string {
	return d.articleDir() + "/" + d.articleName(page, i, a)
}

// articleHref is the link from a layout page to an article.
func (d Day) articleHref(page, i int, a Article) string {
	if d.articleDir() == d.layoutDir() {
		return d.articleName(page, i, a)
	}
	y, m, dd := d.ymd()
	sub := "content"
	return "../../../" + sub + "/" + y + m + "/" + dd + "/" + d.articleName(page, i, a)
}

// encode encodes a page: GB18030 for the Founder system (its pages
// declare GB2312), UTF-8 otherwise.
func (d Day) encode(s string) []byte {
	if d.System == Founder {
		b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		if err == nil {
			return []byte(b)
		}
	}
	return []byte(s)
}

var esc = html.EscapeString

// pageList writes the links to the day's pages.
func (d Day) pageList(b *strings.Builder, attrs string) {
	for _, p := range d.Pages {
		fmt.Fprintf(b, "<li><a %s href=\"%s\">第%02d版：%s</a></li>\n", attrs, d.layoutName(p.Number), p.Number, esc(p.Name))
	}
}

// layout writes a layout page.
func (d Day) layout(p Page) string {
	var b strings.Builder
	y, m, dd := d.ymd()
	charset := "utf-8"
	if d.System == Founder {
		charset = "gb2312"
	}
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n<title>%s</title>\n", charset, esc(d.Paper))
	b.WriteString("<link rel=\"stylesheet\" href=\"../../../css/style.css\">\n<script src=\"../../../js/jquery.js\"></script>\n")
	b.WriteString("<script>var pageInfo = { prev: '<p>上一版</p>', date: '" + d.Date + "' };</script>\n")
	d.boilerHead(&b)
	b.WriteString("</head>\n<body>\n")
	d.boilerNav(&b)
	fmt.Fprintf(&b, "<div class=\"header\"><span class=\"date\">%s年%s月%s日</span> <a href=\"../../../index.html\">首页</a></div>\n", y, m, dd)
	// The page's picture with its image map.
	b.WriteString("<div class=\"paper\"><map name=\"PagePicMap\">\n")
	for i, a := range p.Articles {
		fmt.Fprintf(&b, "<area shape=\"polygon\" coords=\"0,%d,300,%d,300,%d,0,%d\" href=\"%s\">\n", i*100, i*100, i*100+90, i*100+90, d.articleHref(p.Number, i, a))
	}
	fmt.Fprintf(&b, "</map><img src=\"../../../pic/%02d.jpg\" usemap=\"#PagePicMap\"></div>\n", p.Number)
	switch d.System {
	case RMRB:
		fmt.Fprintf(&b, "<div class=\"paper-top\"><p class=\"left ban\">第%02d版：%s</p><a href=\"../../../pic/%02d.pdf\">PDF下载</a></div>\n", p.Number, esc(p.Name), p.Number)
		b.WriteString("<div class=\"swiper-box\"><div class=\"swiper-wrapper\" id=\"list\"><ul>\n")
		d.pageList(&b, "id=\"pageLink\"")
		b.WriteString("</ul></div></div>\n<div class=\"news\"><ul class=\"news-list\">\n")
		for i, a := range p.Articles {
			fmt.Fprintf(&b, "<li><i></i><a href=\"%s\">%s</a></li>\n", d.articleHref(p.Number, i, a), esc(a.Title))
		}
		b.WriteString("<li><a href=\"" + d.articleHref(p.Number, 99, Article{ID: 9999}) + "\">本版责编：林小禾</a></li>\n</ul></div>\n")
	case RMRB2010:
		fmt.Fprintf(&b, "<div class=\"l_t\">%02d版:%s</div>\n<div id=\"titleList\"><ul>\n", p.Number, esc(p.Name))
		for i, a := range p.Articles {
			fmt.Fprintf(&b, "<li><a href=%s><script>document.write(view(\"%s  \"))</script></a></li>\n", d.articleHref(p.Number, i, a), jsEscape(esc(a.Title)))
		}
		b.WriteString("</ul></div>\n<div id=\"pageList\"><ul>\n")
		for _, q := range d.Pages {
			fmt.Fprintf(&b, "<div class=\"right_title-name\"><a id=pageLink href=%s>第%02d版：%s</a></div>\n", d.layoutName(q.Number), q.Number, esc(q.Name))
		}
		b.WriteString("</ul></div>\n<div style=\"display:none\"><table>\n")
		for i, a := range p.Articles {
			fmt.Fprintf(&b, "<tr><td><a href=%s><div style=\"display:inline\">%s</div></a></td></tr>\n", d.articleHref(p.Number, i, a), esc(a.Title))
		}
		b.WriteString("</table></div>\n")
	case GMRB:
		fmt.Fprintf(&b, "<div class=\"m-layout-nav\"><span>%02d版：%s</span></div>\n<div class=\"m-title-list\"><ul>\n", p.Number, esc(p.Name))
		for i, a := range p.Articles {
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", d.articleHref(p.Number, i, a), esc(a.Title))
		}
		b.WriteString("</ul></div>\n<div class=\"m-list\" id=\"list\"><ul>\n")
		d.pageList(&b, "")
		b.WriteString("</ul></div>\n")
	default:
		fmt.Fprintf(&b, "<table><tr><td class=\"px12\"><strong>第%02d版：%s</strong></td></tr></table>\n<table id=\"pagelist\">\n", p.Number, esc(p.Name))
		for _, q := range d.Pages {
			fmt.Fprintf(&b, "<tr><td><a id=\"pageLink\" href=\"%s\">第%02d版：%s</a></td></tr>\n", d.layoutName(q.Number), q.Number, esc(q.Name))
		}
		b.WriteString("</table>\n<table id=\"artlist\">\n")
		for i, a := range p.Articles {
			fmt.Fprintf(&b, "<tr><td><a href=\"%s\"><div id=\"mp%d\" style=\"display:inline\">%s</div></a></td></tr>\n", d.articleHref(p.Number, i, a), a.ID, esc(a.Title))
		}
		b.WriteString("</table>\n")
	}
	d.boilerNav(&b)
	fmt.Fprintf(&b, "<div class=\"footer\">%s社版权所有 未经书面授权不得复制</div>\n</body>\n</html>\n", esc(d.Paper))
	return b.String()
}

// boilerHead writes the scripts and styles of a real page's head.
func (d Day) boilerHead(b *strings.Builder) {
	if !d.Boilerplate {
		return
	}
	b.WriteString("<style>\n")
	for i := range 60 {
		fmt.Fprintf(b, ".c%d { margin: %dpx auto; font-size: 14px; color: #333; line-height: 1.8; }\n", i, i)
	}
	b.WriteString("</style>\n<script>\n")
	for i := range 60 {
		fmt.Fprintf(b, "function f%d(a) { if (a > %d) { document.getElementById('x%d').innerHTML = '<p>' + a + '</p>'; } return a; }\n", i, i, i)
	}
	b.WriteString("</script>\n")
}

// boilerNav writes a real page's navigation: links to the site's
// channels and to other sites.
func (d Day) boilerNav(b *strings.Builder) {
	if !d.Boilerplate {
		return
	}
	b.WriteString("<div class=\"topnav\"><ul>\n")
	for i := range 40 {
		fmt.Fprintf(b, "<li><a href=\"http://www.example.cn/channel/%d/index.html\" target=\"_blank\">频道%d</a></li>\n", i, i)
	}
	b.WriteString("</ul></div>\n")
}

// jsEscape escapes a string for a JavaScript string literal in quotes.
func jsEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}

// body writes an article's image and paragraphs.
func body(b *strings.Builder, a Article, indent string) {
	if a.Image != "" {
		fmt.Fprintf(b, "<table class=\"pci_c\"><tr><td><img src=\"%s\"></td></tr><tr><td><p>%s</p></td></tr></table>\n", esc(a.Image), esc(a.Caption))
	}
	if a.HTML != "" {
		b.WriteString(a.HTML)
		return
	}
	for _, p := range a.Paras {
		fmt.Fprintf(b, "<p>%s%s</p>\n", indent, esc(p))
	}
}

// article writes an article page.
func (d Day) article(p Page, a Article) string {
	var b strings.Builder
	y, m, dd := d.ymd()
	charset := "utf-8"
	if d.System == Founder {
		charset = "gb2312"
	}
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n", charset)
	fmt.Fprintf(&b, "<title>%s-%s</title>\n<script>function share(){ return '</p><p>分享'; }</script>\n<style>p { text-indent: 2em; }</style>\n", esc(a.Title), esc(d.Paper))
	d.boilerHead(&b)
	b.WriteString("</head>\n<body>\n")
	d.boilerNav(&b)
	fmt.Fprintf(&b, "<div class=\"nav\"><a href=\"%s\">返回目录</a> <a href=\"#\">上一篇</a> <a href=\"#\">下一篇</a></div>\n", d.layoutName(p.Number))
	switch d.System {
	case RMRB:
		fmt.Fprintf(&b, "<div class=\"paper-top\"><p class=\"left ban\">第%02d版：%s</p></div>\n", p.Number, esc(p.Name))
		b.WriteString("<div class=\"article\">\n")
		fmt.Fprintf(&b, "<h3>%s</h3>\n<h1>%s</h1>\n<h2>%s</h2>\n", esc(a.Kicker), esc(a.Title), esc(a.Subtitle))
		fmt.Fprintf(&b, "<p class=\"sec\">%s<span class=\"date\">《%s》（%s年%s月%s日 第 %02d 版）</span></p>\n", esc(a.Byline), esc(d.Paper), y, m, dd, p.Number)
		b.WriteString("<div id=\"ozoom\">\n")
		body(&b, a, "　　")
		b.WriteString("</div>\n</div>\n")
	case RMRB2010:
		fmt.Fprintf(&b, "<div class=\"l_t\">%02d版:%s</div>\n", p.Number, esc(p.Name))
		b.WriteString("<div class=\"text_c\">\n")
		fmt.Fprintf(&b, "<h3>%s</h3>\n<h1>%s</h1>\n<h2>%s</h2>\n<h4>%s</h4>\n", esc(a.Kicker), esc(a.Title), esc(a.Subtitle), esc(a.Byline))
		fmt.Fprintf(&b, "<div class=\"lai\">《%s》（%s年%s月%s日   %02d 版）</div>\n<div class=\"c_c\" id=\"articleContent\"><div id=\"ozoom\">\n<!--enpcontent-->", esc(d.Paper), y, m, dd, p.Number)
		body(&b, a, "　　")
		b.WriteString("<!--/enpcontent-->\n</div></div>\n</div>\n")
	case GMRB:
		b.WriteString("<div class=\"m-article-content\">\n")
		fmt.Fprintf(&b, "<h2>%s</h2>\n<h1>%s</h1>\n<h3>%s</h3>\n<div class=\"m-article-author\">作者：%s</div>\n", esc(a.Kicker), esc(a.Title), esc(a.Subtitle), esc(a.Byline))
		fmt.Fprintf(&b, "<!--enpproperty <articleid>%d</articleid><date>%s 00:00:00:0</date><author>%s</author><title>%s</title><nodename>%02d版：%s</nodename>/enpproperty-->\n", a.ID, d.Date, esc(a.Byline), esc(a.Title), p.Number, esc(p.Name))
		b.WriteString("<div class=\"m-article-main\">\n")
		body(&b, a, "")
		b.WriteString("</div>\n</div>\n")
	default:
		fmt.Fprintf(&b, "<table><tr><td class=\"px12\">第%02d版：%s</td></tr>\n", p.Number, esc(p.Name))
		fmt.Fprintf(&b, "<tr><td class=\"font02\"><founder-introtitle>%s</founder-introtitle></td></tr>\n", esc(a.Kicker))
		fmt.Fprintf(&b, "<tr><td class=\"font01\"><founder-title>%s</founder-title></td></tr>\n", esc(a.Title))
		fmt.Fprintf(&b, "<tr><td class=\"font02\"><founder-subtitle>%s</founder-subtitle></td></tr>\n", esc(a.Subtitle))
		fmt.Fprintf(&b, "<tr><td><founder-author>%s</founder-author></td></tr></table>\n", esc(a.Byline))
		fmt.Fprintf(&b, "<!--enpproperty <articleid>%d</articleid><date>%s 00:00:00:0</date><author>%s</author><title>%s</title><keyword></keyword><subtitle>%s</subtitle><introtitle>%s</introtitle><siteid>1</siteid><nodeid>%d</nodeid><nodename>%s</nodename><nodesearchname></nodesearchname>/enpproperty-->\n",
			a.ID, d.Date, esc(a.Byline), esc(a.Title), esc(a.Subtitle), esc(a.Kicker), p.Number+1, esc(p.Name))
		fmt.Fprintf(&b, "<div id=\"ozoom\"><founder-content><!--enpcontent-->")
		body(&b, a, "&nbsp;&nbsp;&nbsp;&nbsp;")
		fmt.Fprintf(&b, "<!--/enpcontent--></founder-content></div>\n<founder-pagenum>%02d</founder-pagenum>\n", p.Number)
	}
	d.boilerNav(&b)
	fmt.Fprintf(&b, "<div class=\"footer\">%s社版权所有</div>\n</body>\n</html>\n", esc(d.Paper))
	return b.String()
}
