package epaper

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"dubao/issue"
	"dubao/issue/source/htmltext"
)

// ErrNoArticle is returned for a page that holds no article: neither an
// e-paper page nor a page with a readable article in it.
var ErrNoArticle = errors.New("no article in the page (not an e-paper page, and no readable article)")

// maxElements is the most elements of a page the readability fallback
// reads (a larger page is refused: it is no article page).
const maxElements = 100000

// Read reads one page as an issue. An e-paper article page gives its
// article on its page; a layout page alone gives its page with the titles
// of its articles (Section.TitlesOnly); any other page is read by the
// readability fallback as one article, or refused with ErrNoArticle.
// name is the page's address or file path (see Inspect); encoding forces
// the character encoding when not empty.
func Read(data []byte, name, encoding string) (*issue.Issue, error) {
	d, err := load(data, name, encoding)
	if err != nil {
		return nil, err
	}
	p := d.inspect(true)
	is := &issue.Issue{Paper: p.Paper, Date: p.Date, Encoding: d.enc, Invalid: d.invalid}
	switch p.Kind {
	case Article:
		a := d.article()
		is.Sections = []issue.Section{{Page: p.Number, Name: p.Name, Articles: []issue.Article{a}}}
	case Layout:
		sec := issue.Section{Page: p.Number, Name: p.Name, TitlesOnly: true}
		for _, l := range p.Articles {
			if l.Title != "" {
				sec.Articles = append(sec.Articles, issue.Article{Title: l.Title})
			}
		}
		is.Sections = []issue.Section{sec}
	default:
		a, ok := d.readable()
		if !ok {
			return nil, ErrNoArticle
		}
		is.Sections = []issue.Section{{Articles: []issue.Article{a}}}
		if is.Date == "" {
			is.Date = d.metaDate()
		}
		if is.Date == "" {
			is.Date = d.dateNearTitle(a.Title)
		}
		if is.Date == "" {
			is.Date = d.labelledDate()
		}
	}
	is.Assemble()
	if is.Count() == 0 {
		return nil, ErrNoArticle
	}
	return is, nil
}

// article reads the page's article: its headings as its system places
// them, its body.
func (d *doc) article() issue.Article {
	h := d.headings()
	body := htmltext.ReadBody(d.body, d.resolve)
	a := issue.Article{Kicker: h.kicker, Title: h.title, Subtitle: h.subtitle, Byline: h.byline,
		Paragraphs: body.Paragraphs, Spans: body.Spans, Blocks: body.Blocks}
	if a.Title == "" {
		a.Title = d.titleGuess()
	}
	a.Finish()
	return a
}

// titleGuess is the title of a page whose system gave none: its first
// <h1>, og:title, or <title>.
func (d *doc) titleGuess() string {
	if h := htmltext.Find(d.root, htmltext.ByTag("h1")); h != nil {
		if t := htmltext.Clean(htmltext.TextExcept(h, func(c *html.Node) bool { return slices.Contains(d.body, c) })); t != "" {
			return t
		}
	}
	if m := htmltext.Find(d.root, func(n *html.Node) bool {
		return htmltext.IsElem(n, "meta") && htmltext.Attr(n, "property") == "og:title"
	}); m != nil {
		if t := htmltext.Clean(htmltext.Attr(m, "content")); t != "" {
			return t
		}
	}
	if t := htmltext.Find(d.root, htmltext.ByTag("title")); t != nil {
		return withoutSite(htmltext.Clean(htmltext.Text(t)))
	}
	return ""
}

// withoutSite takes the site's name off a page's <title>:
// 法国全国大罢工再次严重影响交通-新华网 → 法国全国大罢工再次严重影响交通.
func withoutSite(title string) string {
	for {
		i := strings.LastIndexAny(title, "-_|–—")
		if i <= 0 {
			return title
		}
		head := strings.TrimSpace(title[:i])
		_, size := utf8.DecodeRuneInString(title[i:])
		site := strings.TrimSpace(title[i+size:])
		n := utf8.RuneCountInString(site)
		if n == 0 || n > 12 || utf8.RuneCountInString(head) < 4 {
			return title
		}
		if !strings.HasSuffix(site, "网") && !strings.HasSuffix(site, "报") && !strings.HasSuffix(site, "频道") &&
			!strings.HasSuffix(site, "新闻") && !strings.HasSuffix(site, "网站") && !strings.Contains(site, ".") {
			return title
		}
		title = head
	}
}

// metaDate reads the date of a news page from its meta tags
// (article:published_time, publishdate, …) or its address.
func (d *doc) metaDate() string {
	var out string
	htmltext.Walk(d.root, func(n *html.Node) bool {
		if out != "" {
			return false
		}
		if htmltext.IsElem(n, "meta") {
			key := strings.ToLower(htmltext.Attr(n, "name") + htmltext.Attr(n, "property") + htmltext.Attr(n, "itemprop"))
			if strings.Contains(key, "publish") || strings.Contains(key, "pubdate") || key == "date" || strings.Contains(key, "created") {
				v := htmltext.Attr(n, "content")
				if s := dateFromISO(v); s != "" {
					out = s
				} else if s := dateFromText(v); s != "" {
					out = s
				}
			}
		}
		return true
	})
	return out
}

// readable reads an article out of a page of no known system with the
// readability method: the title from the page (its <h1>, og:title,
// <title>), the main block of text as the body. ok is false when the page
// holds no article.
func (d *doc) readable() (issue.Article, bool) {
	title := d.titleGuess()
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxElements
	// No address for the method: it leaves links and images as written,
	// and ReadBody resolves them against the page's address or path, as
	// for the pages of known systems (an address made up for a file would
	// end in the JSON as the pictures' host).
	art, err := parser.ParseDocument(d.root, nil)
	if err != nil || art.Node == nil {
		return issue.Article{}, false
	}
	trimEdges(art.Node)
	body := htmltext.ReadBody([]*html.Node{art.Node}, d.resolve)
	if len(body.Paragraphs) == 0 {
		return issue.Article{}, false
	}
	if t := withoutSite(htmltext.Clean(art.Title())); title == "" || t != "" && len(t) < len(title) && strings.Contains(title, t) {
		title = t
	}
	// The body may repeat the title as its first heading.
	if len(body.Blocks) > 0 && body.Blocks[0].After == 0 && body.Blocks[0].Kind == issue.BlockHeading && body.Blocks[0].Text == title {
		body.Blocks = body.Blocks[1:]
	}
	a := issue.Article{Title: title, Byline: byline(art.Byline()), Paragraphs: body.Paragraphs, Spans: body.Spans, Blocks: body.Blocks}
	a.Kicker, a.Subtitle = d.besideTitle(title)
	a.Finish()
	return a, true
}

// byline keeps a byline the readability method found when it names
// someone: not a number (a content management system's user id), not a
// sentence.
func byline(s string) string {
	s = htmltext.Clean(s)
	if utf8.RuneCountInString(s) > 40 || !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return s
}

// besideTitle reads the kicker and the subtitle a news page prints around
// its <h1> title: a short heading (or an element of class pre, kicker)
// right before it, and one (or of class sub, subtitle) right after it.
func (d *doc) besideTitle(title string) (kicker, subtitle string) {
	h1 := htmltext.Find(d.root, func(n *html.Node) bool {
		return htmltext.IsElem(n, "h1") && htmltext.Clean(htmltext.Text(n)) == title
	})
	if h1 == nil {
		return "", ""
	}
	near := func(n *html.Node, next bool) *html.Node {
		for {
			if next {
				n = n.NextSibling
			} else {
				n = n.PrevSibling
			}
			if n == nil || n.Type == html.ElementNode {
				return n
			}
			if n.Type == html.TextNode && strings.TrimFunc(n.Data, htmltext.IsSpace) != "" {
				return nil
			}
		}
	}
	shaped := func(n *html.Node, classes ...string) string {
		if n == nil {
			return ""
		}
		ok := n.Data == "h2" || n.Data == "h3" || n.Data == "h4" || n.Data == "h5"
		for _, c := range classes {
			ok = ok || htmltext.HasClass(n, c)
		}
		t := htmltext.Clean(htmltext.Text(n))
		if !ok || utf8.RuneCountInString(t) > 60 || dateFromText(t) != "" {
			return ""
		}
		return t
	}
	return shaped(near(h1, false), "pre", "kicker", "yinti"), shaped(near(h1, true), "sub", "subtitle", "futi")
}

// String describes a page for messages: its kind and system.
func (p *Page) String() string {
	if p.System == "" {
		return p.Kind.String() + " page"
	}
	return fmt.Sprintf("%s page (%s)", p.Kind, p.System)
}

// dateNearTitle reads the date a news page prints by its title
// (2026年08月03日 来源：…), in the few elements that follow the element
// holding the title: its <h1>, or on a page without one the first of the
// elements whose text is the title (<div class="h-title">), or the one
// or two around it, to have a date after it.
func (d *doc) dateNearTitle(title string) string {
	if title == "" {
		return ""
	}
	h1 := htmltext.Find(d.root, func(n *html.Node) bool {
		return htmltext.IsElem(n, "h1") && htmltext.Clean(htmltext.Text(n)) == title
	})
	if h1 != nil {
		return dateAfter(h1)
	}
	tried := 0
	var out string
	htmltext.Walk(d.root, func(n *html.Node) bool {
		if out != "" || tried >= 4 || htmltext.Hidden(n) {
			return false
		}
		if n.Type != html.TextNode || htmltext.Clean(n.Data) != title {
			return true
		}
		tried++
		for e, up := n.Parent, 0; e != nil && e.Type == html.ElementNode && up < 3 && out == ""; e, up = e.Parent, up+1 {
			out = dateAfter(e)
		}
		return false
	})
	return out
}

// dateAfter reads a date in the few elements after n.
func dateAfter(n *html.Node) string {
	seen := 0
	for n := n.NextSibling; n != nil && seen < 4; n = n.NextSibling {
		if n.Type != html.ElementNode {
			continue
		}
		seen++
		if s := dateFromText(htmltext.Text(n)); s != "" {
			return s
		}
		if s := dateFromISO(htmltext.Clean(htmltext.Text(n))); s != "" {
			return s
		}
	}
	return ""
}

// publishedLabel matches a date a page prints after a label saying it is
// the article's: 发布日期：2026-08-03, 发布时间: 2026年8月3日.
var publishedLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:发布|发表|刊发|出版)(?:日期|时间)\s*[：:]\s*(\S.{0,20})`)
})

// labelledDate reads the date a page prints after a label saying it is
// the article's (see publishedLabel), the first such in the page.
func (d *doc) labelledDate() string {
	var out string
	htmltext.Walk(d.root, func(n *html.Node) bool {
		if out != "" || htmltext.Hidden(n) {
			return false
		}
		if n.Type == html.TextNode {
			if m := publishedLabel().FindStringSubmatch(n.Data); m != nil {
				if out = dateFromISO(m[1]); out == "" {
					out = dateFromText(m[1])
				}
			}
		}
		return true
	})
	return out
}
