package epaper

import (
	"dubao/issue"
	"dubao/issue/source/htmltext"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// The e-paper systems recognised by their markup.
const (
	SystemRMRB     = "rmrb"      // 人民日报 since 2024-12: div.article, h3/h1/h2, p.sec, div#ozoom
	SystemRMRB2010 = "rmrb-2010" // 人民日报 before: div.text_c, h3/h1/h2/h4, div#ozoom
	SystemGMRB     = "gmrb"      // 光明日报: .m-article-content h1, .m-article-main, .m-article-author
	SystemFounder  = "founder"   // 方正: <founder-title>…, <!--enpproperty …-->, <!--enpcontent-->
)

// findSystem recognises the page's system and finds its article body and
// the container of its headings.
func (d *doc) findSystem() {
	if c := htmltext.Find(d.root, htmltext.ByClass("", "m-article-content")); c != nil || htmltext.Find(d.root, htmltext.ByClass("", "m-title-list")) != nil {
		d.sys = SystemGMRB
		d.head = c
		if m := htmltext.Find(d.root, htmltext.ByClass("", "m-article-main")); m != nil {
			d.body = []*html.Node{m}
		} else if c != nil {
			d.body = enpContent(c)
		}
		return
	}
	if c := htmltext.Find(d.root, htmltext.ByClass("div", "text_c")); c != nil {
		d.sys, d.head = SystemRMRB2010, c
		if z := htmltext.Find(c, htmltext.ByID("ozoom")); z != nil {
			d.body = []*html.Node{z}
		}
		return
	}
	if c := htmltext.Find(d.root, func(n *html.Node) bool {
		return htmltext.IsElem(n, "div") && htmltext.HasClass(n, "article") && htmltext.Find(n, htmltext.ByTag("h1")) != nil
	}); c != nil {
		d.sys, d.head = SystemRMRB, c
		if z := htmltext.Find(c, htmltext.ByID("ozoom")); z != nil {
			d.body = []*html.Node{z}
		} else if z := htmltext.Find(d.root, htmltext.ByID("ozoom")); z != nil {
			d.body = []*html.Node{z}
		}
		return
	}
	if fc := htmltext.Find(d.root, htmltext.ByTag("founder-content")); fc != nil {
		d.sys = SystemFounder
		d.body = []*html.Node{fc}
		return
	}
	if b := enpContent(d.root); b != nil {
		d.sys = SystemFounder
		d.body = b
		return
	}
	if d.prop != nil || htmltext.Find(d.root, func(n *html.Node) bool {
		return n.Type == html.ElementNode && strings.HasPrefix(n.Data, "founder-")
	}) != nil {
		d.sys = SystemFounder
		return
	}
	switch {
	case IsLayoutName(d.name) && strings.Contains(strings.ToLower(baseName(d.name)), "renmrb"),
		htmltext.Find(d.root, htmltext.ByID("titleList")) != nil && htmltext.Find(d.root, htmltext.ByID("pageList")) != nil:
		d.sys = SystemRMRB2010
	case htmltext.Find(d.root, htmltext.ByClass("", "news-list")) != nil && htmltext.Find(d.root, htmltext.ByID("list")) != nil:
		d.sys = SystemRMRB
	case htmltext.Find(d.root, linksTo(layoutName())) != nil && htmltext.Find(d.root, linksTo(articleName())) != nil:
		d.sys = SystemFounder // its layout pages: node_N.htm and content_N.htm
	}
}

// enpContent returns the nodes between the <!--enpcontent--> and
// <!--/enpcontent--> comments under n (siblings of the first), or nil.
func enpContent(n *html.Node) []*html.Node {
	start := htmltext.Find(n, func(c *html.Node) bool {
		return c.Type == html.CommentNode && strings.TrimSpace(c.Data) == "enpcontent"
	})
	if start == nil {
		return nil
	}
	var out []*html.Node
	for c := start.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.CommentNode && strings.TrimSpace(c.Data) == "/enpcontent" {
			break
		}
		if c.Type == html.CommentNode && strings.TrimSpace(c.Data) == "enpcontent" {
			continue // written twice by some templates
		}
		out = append(out, c)
	}
	if out == nil {
		return nil
	}
	return out
}

// enpField matches one field of an enpproperty comment.
var enpField = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<([a-z]+)>(.*?)</([a-z]+)>`) })

// enpProperty reads the fields of the page's enpproperty comment
// (<!--enpproperty <articleid>…</articleid><date>…</date><title>…</title>…
// /enpproperty-->): their text, markup and entities removed. Nil when
// the page has none.
func enpProperty(root *html.Node) map[string]string {
	c := htmltext.Find(root, func(n *html.Node) bool {
		return n.Type == html.CommentNode && strings.HasPrefix(strings.TrimSpace(n.Data), "enpproperty")
	})
	if c == nil {
		return nil
	}
	out := map[string]string{}
	for _, m := range enpField().FindAllStringSubmatch(c.Data, -1) {
		if m[1] != m[3] {
			continue
		}
		key := strings.TrimPrefix(m[1], "founder-")
		if _, seen := out[key]; !seen {
			out[key] = htmltext.Clean(htmltext.FragmentText(m[2]))
		}
	}
	return out
}

// heads are an article's headings and the page it is on.
type heads struct {
	kicker, title, subtitle, byline string
	page                            int
	pageName                        string
}

// headings reads the headings of an article page, as its system places
// them.
func (d *doc) headings() heads {
	var h heads
	switch d.sys {
	case SystemRMRB, SystemRMRB2010:
		h = d.rmrbHeadings()
	case SystemGMRB:
		h = d.gmrbHeadings()
	case SystemFounder:
		h = d.founderHeadings()
	}
	// The enpproperty comment fills what the markup did not give.
	if p := d.prop; p != nil {
		fill(&h.title, p["title"])
		fill(&h.kicker, p["introtitle"])
		fill(&h.subtitle, p["subtitle"])
		fill(&h.byline, p["author"])
		if h.page == 0 {
			if n, name, ok := issue.ParsePageLabel(p["nodename"]); ok {
				h.page, h.pageName = n, name
			} else if h.pageName == "" {
				h.pageName = p["nodename"]
			}
		}
	}
	if h.page == 0 {
		h.page = pageFromName(d.name)
	}
	return h
}

// fill sets *dst to v when it is empty.
func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// rmrbHeadings reads the headings of the 人民日报's pages: h3 kicker, h1
// title, h2 subtitle (the old pages: h4 the author too), and the line
// p.sec (or the text before the body) with the author and
// 《人民日报》（2026年08月03日 第 01 版）.
func (d *doc) rmrbHeadings() heads {
	var h heads
	c := d.head
	for _, n := range htmltext.FindAll(c, func(n *html.Node) bool {
		return n.Type == html.ElementNode && (n.Data == "h1" || n.Data == "h2" || n.Data == "h3" || n.Data == "h4")
	}) {
		if d.inBody(n) {
			continue
		}
		t := d.headText(n)
		switch n.Data {
		case "h1":
			fill(&h.title, t)
		case "h2":
			if h.title != "" {
				fill(&h.subtitle, t)
			} else {
				fill(&h.kicker, t)
			}
		case "h3":
			if h.title == "" {
				fill(&h.kicker, t)
			} else {
				fill(&h.subtitle, t)
			}
		case "h4":
			if d.sys == SystemRMRB2010 {
				fill(&h.byline, t)
			} else {
				fill(&h.subtitle, t)
			}
		}
	}
	if sec := htmltext.Find(c, htmltext.ByClass("p", "sec")); sec != nil {
		line := htmltext.Clean(htmltext.Text(sec))
		if m := paperQuoted().FindStringIndex(line); m != nil {
			quoted := paperQuoted().FindStringSubmatch(line)
			h.page = pageInDateLine(quoted[2])
			line = strings.TrimSpace(line[:m[0]] + line[m[1]:])
		}
		fill(&h.byline, line)
	}
	if h.page == 0 {
		if m := paperQuoted().FindStringSubmatch(d.headLine()); m != nil {
			h.page = pageInDateLine(m[2])
		}
	}
	return h
}

// headLine returns the text of the headings' container without the
// article body, where the 人民日报's pages write
// 《人民日报》（2026年08月03日 第 01 版）; "" when the system has no such
// container.
func (d *doc) headLine() string {
	if d.head == nil {
		return ""
	}
	if d.line == nil {
		s := htmltext.Clean(htmltext.TextExcept(d.head, func(c *html.Node) bool { return slices.Contains(d.body, c) }))
		d.line = &s
	}
	return *d.line
}

// pageDigits matches the page of a date line: 第 01 版, 01版.
var pageDigits = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d{1,3})\s*版`) })

// pageInDateLine reads the page of 2026年08月03日 第 01 版.
func pageInDateLine(s string) int {
	if m := pageDigits().FindStringSubmatch(s); m != nil {
		n := 0
		for _, r := range m[1] {
			n = n*10 + int(r-'0')
		}
		return n
	}
	return 0
}

// headText returns the text of a heading, cleaned, leaving out the
// article body when broken markup put it inside the heading.
func (d *doc) headText(n *html.Node) string {
	return htmltext.Clean(htmltext.TextExcept(n, func(c *html.Node) bool { return slices.Contains(d.body, c) }))
}

// inBody reports whether n lies inside the article body.
func (d *doc) inBody(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		for _, b := range d.body {
			if p == b {
				return true
			}
		}
	}
	return false
}

// gmrbHeadings reads the headings of the 光明日报's pages: in
// .m-article-content, a heading before the h1 is the kicker, one after it
// the subtitle; .m-article-author the author.
func (d *doc) gmrbHeadings() heads {
	var h heads
	if d.head != nil {
		for _, n := range htmltext.FindAll(d.head, func(n *html.Node) bool {
			return n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
		}) {
			if d.inBody(n) {
				continue
			}
			t := d.headText(n)
			switch {
			case n.Data == "h1":
				fill(&h.title, t)
			case h.title == "":
				fill(&h.kicker, t)
			default:
				fill(&h.subtitle, t)
			}
		}
	}
	if a := htmltext.Find(d.root, htmltext.ByClass("", "m-article-author")); a != nil {
		t := htmltext.Clean(htmltext.Text(a))
		t = strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(t, "作者"), "："), ": ")
		h.byline = t
	}
	return h
}

// founderHeadings reads the <founder-*> tags of a Founder page.
func (d *doc) founderHeadings() heads {
	var h heads
	tag := func(name string) string {
		if n := htmltext.Find(d.root, htmltext.ByTag(name)); n != nil {
			return htmltext.Clean(htmltext.Text(n))
		}
		return ""
	}
	h.title = tag("founder-title")
	h.kicker = tag("founder-introtitle")
	h.subtitle = tag("founder-subtitle")
	h.byline = tag("founder-author")
	if s := tag("founder-pagenum"); s != "" {
		if n, name, ok := issue.ParsePageLabel(s); ok {
			h.page, h.pageName = n, name
		} else if isDigits(s) && len(s) <= 3 {
			for _, r := range s {
				h.page = h.page*10 + int(r-'0')
			}
		}
	}
	return h
}

// linksTo matches links (<a>, <area>) whose file name matches re.
func linksTo(re *regexp.Regexp) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return (htmltext.IsElem(n, "a") || htmltext.IsElem(n, "area")) && re.MatchString(baseName(htmltext.Attr(n, "href")))
	}
}
