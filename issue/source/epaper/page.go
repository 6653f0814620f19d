package epaper

import (
	"dubao/issue"
	"dubao/issue/source/htmltext"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"dubao/issue/source/charset"
)

// Kind says what an e-paper page is.
type Kind int

// The kinds of page.
const (
	// Other is a page that is neither a layout page nor an article page
	// of a known e-paper system (a news page of another site, a web app,
	// a sitemap).
	Other Kind = iota
	// Layout is a layout page (版面页): the page's name, the titles of its
	// articles with their links, and links to the day's other pages.
	Layout
	// Article is an article page of an e-paper.
	Article
)

// String names the kind: "other", "layout", "article".
func (k Kind) String() string {
	switch k {
	case Layout:
		return "layout"
	case Article:
		return "article"
	}
	return "other"
}

// Link is a link found on a page: to an article or to a page of the day.
type Link struct {
	// URL is the address, resolved against the page's own address (or
	// file path) when Inspect was given one, else as written.
	URL string `json:"url"`
	// Title is an article's title, or a page's name (要闻); it may be
	// empty (an article linked only from the page's image map).
	Title string `json:"title"`
	// Page is the number of the page (版次) the link goes to or, for an
	// article, the page it is on; 0 when unknown.
	Page int `json:"page,omitempty"`
}

// Page is what Inspect finds on one e-paper page.
type Page struct {
	Kind Kind `json:"kind"`
	// System names the e-paper system recognised by the page's markup:
	// "rmrb" (人民日报 since December 2024), "rmrb-2010" (人民日报 before
	// it), "gmrb" (光明日报), "founder" (the Founder 方正 system of most
	// city and provincial dailies), or "" when none is.
	System string `json:"system"`
	// Paper and Date (YYYY-MM-DD) are the paper's name and the issue's
	// date when the page or its address tells them.
	Paper string `json:"paper,omitempty"`
	Date  string `json:"date,omitempty"`
	// Number and Name are the page's number and name (第01版：要闻 → 1,
	// 要闻): of the layout page itself, or of the page an article is on.
	Number int    `json:"number,omitempty"`
	Name   string `json:"name,omitempty"`
	// Title is an article page's title.
	Title string `json:"title,omitempty"`
	// Articles are the links to the page's articles in page order (on an
	// article page: to the other articles the page lists, if any).
	Articles []Link `json:"articles,omitempty"`
	// Pages are the links to the pages of the day, in page order, each
	// with its number and name.
	Pages []Link `json:"pages,omitempty"`
	// Encoding names the character encoding the page was read in.
	Encoding string `json:"encoding"`
}

// Inspect reads one page of an e-paper: whether it is a layout page or an
// article page, and what it tells of the issue (see Page). pageURL is the
// page's address or file path ("" when unknown): it resolves the links
// and may give the date, the paper and the page. An error means the data
// could not be read as text at all; a page of no known shape is of Kind
// Other.
func Inspect(data []byte, pageURL string) (*Page, error) {
	d, err := load(data, pageURL, "")
	if err != nil {
		return nil, err
	}
	return d.inspect(true), nil
}

// doc is a parsed page.
type doc struct {
	root    *html.Node
	name    string   // the address or path as given
	base    *url.URL // name as an address, or the address the page was saved from
	enc     string
	invalid int
	sys     string
	// body holds the nodes of the article body (nil when none was found);
	// head is the container of its headings, when the system has one.
	body []*html.Node
	head *html.Node
	prop map[string]string // the fields of an enpproperty comment
	line *string           // the text of head without the body, once read
	// saved is the address a browser wrote in a page it saved (see
	// savedFrom), "" when none.
	saved string
}

// load decodes and parses a page (forced forces its encoding).
func load(data []byte, name, forced string) (*doc, error) {
	res, err := charset.Decode(data, forced)
	if err != nil {
		return nil, err
	}
	root, err := htmltext.Parse(res.Text)
	if err != nil {
		return nil, fmt.Errorf("read HTML: %w", err)
	}
	d := &doc{root: root, name: name, enc: res.Encoding, invalid: res.Invalid}
	d.base = baseURL(name)
	if d.base == nil || d.base.Scheme != "http" && d.base.Scheme != "https" {
		if u := savedFrom(root); u != nil {
			d.base, d.saved = u, u.String()
		}
	}
	d.prop = enpProperty(root)
	d.findSystem()
	return d, nil
}

// baseURL reads an address or a file path as a URL to resolve links with.
func baseURL(name string) *url.URL {
	if name == "" {
		return nil
	}
	if u, err := url.Parse(name); err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "file") {
		return u
	}
	return &url.URL{Path: strings.ReplaceAll(name, "\\", "/")}
}

// savedMark is the comment a browser writes at the top of a page it
// saves: <!-- saved from url=(0061)https://… -->.
var savedMark = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*saved from url=\(\d+\)(https?://\S+)\s*$`) })

// savedFrom returns the address a browser saved the page from, when it
// wrote it in a comment at the top of the page (before or at the start
// of <html> or <head>), or nil.
func savedFrom(root *html.Node) *url.URL {
	for _, parent := range []*html.Node{root, htmltext.Find(root, htmltext.ByTag("html")), htmltext.Find(root, htmltext.ByTag("head"))} {
		if parent == nil {
			continue
		}
		for n := parent.FirstChild; n != nil; n = n.NextSibling {
			if n.Type == html.ElementNode && n.Data != "html" && n.Data != "head" {
				break
			}
			if n.Type != html.CommentNode {
				continue
			}
			if m := savedMark().FindStringSubmatch(n.Data); m != nil {
				if u, err := url.Parse(m[1]); err == nil && u.Host != "" {
					return u
				}
			}
		}
	}
	return nil
}

// resolve resolves href against the page's address.
func (d *doc) resolve(href string) string {
	href = strings.TrimSpace(href)
	if d.base == nil {
		return href
	}
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	return d.base.ResolveReference(u).String()
}

// inspect reads what the page tells; without links, an article page's
// links are left out (reading a day needs only the layout pages').
func (d *doc) inspect(links bool) *Page {
	p := &Page{System: d.sys, Encoding: d.enc}
	body := d.hasBody()
	if links || !body {
		p.Articles, p.Pages = d.links()
	}
	p.Number, p.Name = d.pageLabel(p.Pages)
	p.Paper = d.paper()
	p.Date = d.date()
	switch {
	case body:
		p.Kind = Article
	case len(p.Articles) > 0:
		p.Kind = Layout
	case IsArticleName(d.name) && d.sys != "":
		p.Kind = Article
	case IsLayoutName(d.name) && d.sys != "":
		p.Kind = Layout
	}
	if p.Kind == Article {
		h := d.headings()
		p.Title = h.title
		if h.page > 0 {
			p.Number = h.page
			if h.pageName != "" {
				p.Name = h.pageName
			}
		}
	}
	for i := range p.Articles {
		if p.Kind == Layout && p.Articles[i].Page == 0 {
			p.Articles[i].Page = p.Number
		}
	}
	return p
}

// hasBody reports an article body with some text or an image.
func (d *doc) hasBody() bool {
	for _, n := range d.body {
		found := false
		htmltext.Walk(n, func(c *html.Node) bool {
			if found || htmltext.Hidden(c) {
				return false
			}
			if c.Type == html.TextNode && strings.TrimFunc(c.Data, htmltext.IsSpace) != "" || htmltext.IsElem(c, "img") {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// Words of navigation links, never article titles.
var navWords = []string{"上一篇", "下一篇", "上一版", "下一版", "上一期", "下一期", "返回", "目录", "首页", "本版导航", "版面导航"}

// credit matches the editors' credit line a layout page lists among its
// articles (本版责编：…).
var credit = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(本版)?(责编|责任编辑|编辑|美编|版式|制图|校对)`)
})

// links returns the page's links to articles and to the day's pages.
func (d *doc) links() (articles, pages []Link) {
	type art struct {
		link  Link
		order int // position of the first titled link; −1 none yet
	}
	var arts []*art
	byURL := map[string]*art{}
	pageByURL := map[string]int{}
	n := 0
	htmltext.Walk(d.root, func(c *html.Node) bool {
		if c.Type != html.ElementNode {
			return true
		}
		if c.Data != "a" && c.Data != "area" {
			return !htmltext.Hidden(c) || c.Data == "form"
		}
		href := htmltext.Attr(c, "href")
		if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
			return true
		}
		u := d.resolve(href)
		title := d.linkText(c)
		switch {
		case IsArticleName(href):
			if isNav(title) {
				return false
			}
			if credit().MatchString(title) {
				return false
			}
			n++
			a := byURL[u]
			if a == nil {
				a = &art{link: Link{URL: u, Page: pageFromName(href)}, order: -1}
				byURL[u] = a
				arts = append(arts, a)
			}
			if a.link.Title == "" && title != "" {
				a.link.Title = title
				a.order = n
			}
		case IsLayoutName(href):
			num, name, ok := issue.ParsePageLabel(title)
			if !ok {
				if num = pageFromName(href); num == 0 || title != "" && !isNav(title) && !isDigits(title) {
					return false
				}
			}
			if i, seen := pageByURL[u]; seen {
				if pages[i].Title == "" {
					pages[i].Title = name
				}
				return false
			}
			pageByURL[u] = len(pages)
			pages = append(pages, Link{URL: u, Title: name, Page: num})
		}
		return false
	})
	slices.SortStableFunc(arts, func(a, b *art) int {
		switch {
		case a.order < 0 && b.order < 0:
			return 0
		case a.order < 0:
			return 1
		case b.order < 0:
			return -1
		}
		return a.order - b.order
	})
	for _, a := range arts {
		articles = append(articles, a.link)
	}
	slices.SortStableFunc(pages, func(a, b Link) int { return a.Page - b.Page })
	return articles, pages
}

// isNav reports the text of a navigation link.
func isNav(s string) bool {
	for _, w := range navWords {
		if strings.Contains(s, w) && len(s) <= len(w)+12 {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// linkText returns the text of a link: its own text, or the string a
// script inside it writes (document.write(view("…")), the 人民日报's old
// title lists), or the alt or title attribute.
func (d *doc) linkText(a *html.Node) string {
	if t := htmltext.Clean(htmltext.Text(a)); t != "" {
		return t
	}
	var t string
	htmltext.Walk(a, func(c *html.Node) bool {
		if t != "" {
			return false
		}
		if htmltext.IsElem(c, "script") && c.FirstChild != nil {
			t = htmltext.Clean(scriptString(c.FirstChild.Data))
			return false
		}
		return true
	})
	if t == "" {
		t = htmltext.Clean(htmltext.Attr(a, "title"))
	}
	return t
}

// jsString matches the first string literal of a script.
var jsString = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'`) })

// scriptString returns the text of the markup held by the first string
// literal of a script (JavaScript escapes undone), or "".
func scriptString(js string) string {
	m := jsString().FindStringSubmatch(js)
	if m == nil {
		return ""
	}
	s := m[1] + m[2]
	s = strings.NewReplacer(`\"`, `"`, `\'`, `'`, `\\`, `\`, `\n`, " ", `\t`, " ", `\/`, "/").Replace(s)
	return htmltext.FragmentText(s)
}

// pageLabel finds the page's own number and name: a page label in the
// text outside links (01版:要闻), the page link that points to the page
// itself, or the page number in the file name.
func (d *doc) pageLabel(pages []Link) (int, string) {
	num, name := 0, ""
	htmltext.Walk(d.root, func(c *html.Node) bool {
		if num > 0 || htmltext.Hidden(c) || htmltext.IsElem(c, "a") {
			return false
		}
		if c.Type == html.TextNode && strings.Contains(c.Data, "版") {
			if p, n, ok := issue.ParsePageLabel(htmltext.Clean(c.Data)); ok {
				num, name = p, n
			}
		}
		return true
	})
	if num > 0 {
		return num, name
	}
	if d.base != nil {
		self := d.base.String()
		for _, p := range pages {
			if p.URL == self || baseName(p.URL) == baseName(self) && IsLayoutName(self) {
				return p.Page, p.Title
			}
		}
	}
	if p := pageFromName(d.name); p > 0 {
		for _, l := range pages {
			if l.Page == p {
				return p, l.Title
			}
		}
		return p, ""
	}
	return 0, ""
}

// paper finds the paper's name: from a known address, the 《…》 of an
// article's date line, the enpproperty comment, the page's <title>, or a
// form field naming the channel.
func (d *doc) paper() string {
	if p := paperFromURL(d.name); p != "" {
		return p
	}
	if p := paperFromURL(d.saved); p != "" {
		return p
	}
	if m := paperQuoted().FindStringSubmatch(d.headLine()); m != nil {
		return htmltext.Clean(m[1])
	}
	if t := htmltext.Find(d.root, htmltext.ByTag("title")); t != nil {
		if p := paperFromTitle(htmltext.Clean(htmltext.Text(t))); p != "" {
			return p
		}
	}
	if in := htmltext.Find(d.root, func(n *html.Node) bool {
		return htmltext.IsElem(n, "input") && htmltext.Attr(n, "name") == "channelname"
	}); in != nil {
		if p := paperFromTitle(htmltext.Clean(htmltext.Attr(in, "value"))); p != "" {
			return p
		}
	}
	return ""
}

// date finds the issue's date: from the address, the enpproperty comment,
// or the article's date line.
func (d *doc) date() string {
	if s := dateFromURL(d.name); s != "" {
		return s
	}
	if s := dateFromURL(d.saved); s != "" {
		return s
	}
	if s := dateFromISO(d.prop["date"]); s != "" {
		return s
	}
	if m := paperQuoted().FindStringSubmatch(d.headLine()); m != nil {
		if s := dateFromText(m[2]); s != "" {
			return s
		}
	}
	return ""
}
