// Package feed reads news feeds — RSS 2.0, RSS 1.0 (RDF) and Atom, in any
// encoding they declare — as an issue. A whole-issue e-paper feed (each
// item's category a page label, 第01版 要闻 or 第01版：要闻) gives the
// issue with its pages; any other feed gives one section of articles,
// newest first. Item bodies (description, content:encoded, Atom content)
// are HTML read as article bodies (see htmltext.ReadBody).
package feed

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"

	"dubao/issue"
	"dubao/issue/source/charset"
	"dubao/issue/source/htmltext"
	"dubao/issue/source/xmltree"
)

// ErrNotFeed is returned for XML that is not an RSS or Atom feed.
var ErrNotFeed = errors.New("not a news feed (no <rss>, <rdf:RDF> or <feed>)")

// ErrEmpty is returned for a feed with no items.
var ErrEmpty = errors.New("the feed has no items")

const contentNS = "http://purl.org/rss/1.0/modules/content/"

// item is one entry of a feed, in the form of any of the formats.
type item struct {
	title, body, author, category string
	date                          time.Time
	order                         int
}

// Read reads a feed as an issue; encoding forces the character encoding
// when not empty. name names the feed in errors.
func Read(data []byte, encoding string) (*issue.Issue, error) {
	res, err := charset.Decode(data, encoding)
	if err != nil {
		return nil, err
	}
	root, err := xmltree.Read(res.Text)
	if err != nil {
		return nil, fmt.Errorf("read feed: %w", err)
	}
	var title string
	var items []item
	switch root.XMLName.Local {
	case "rss":
		ch := root.Child("channel")
		if ch == nil {
			return nil, ErrNotFeed
		}
		title = ch.ChildText("title")
		for i, it := range ch.Children("item") {
			items = append(items, rssItem(it, i))
		}
	case "RDF":
		if ch := root.Child("channel"); ch != nil {
			title = ch.ChildText("title")
		}
		for i, it := range root.Children("item") {
			items = append(items, rssItem(it, i))
		}
	case "feed":
		title = plain(root.ChildText("title"))
		for i, e := range root.Children("entry") {
			items = append(items, atomEntry(e, i))
		}
	default:
		return nil, ErrNotFeed
	}
	if len(items) == 0 {
		return nil, ErrEmpty
	}
	title = htmltext.Clean(title)
	is := &issue.Issue{Encoding: res.Encoding, Invalid: res.Invalid}
	if byPage(items) {
		is.Paper = paperOf(title)
		is.Date = dateOf(title)
		is.Sections = pages(items)
	} else {
		is.Paper = title
		slices.SortStableFunc(items, func(a, b item) int { return b.date.Compare(a.date) })
		sec := issue.Section{}
		for _, it := range items {
			sec.Articles = append(sec.Articles, article(it))
		}
		is.Sections = []issue.Section{sec}
	}
	if is.Date == "" {
		is.Date = newest(items)
	}
	is.Assemble()
	if is.Count() == 0 {
		return nil, ErrEmpty
	}
	return is, nil
}

// rssItem reads an RSS 2.0 or 1.0 item.
func rssItem(n *xmltree.Node, order int) item {
	it := item{title: n.ChildText("title"), order: order}
	it.body = n.ChildText("description")
	if c := n.ChildNS(contentNS, "encoded"); c != nil && strings.TrimSpace(c.Text) != "" {
		it.body = c.Text
	}
	it.author = n.ChildText("creator")
	if a := n.ChildText("author"); a != "" {
		it.author = a
	}
	it.category = n.ChildText("category")
	if c := n.ChildText("subject"); it.category == "" {
		it.category = c
	}
	it.date = parseDate(n.ChildText("pubDate"))
	if it.date.IsZero() {
		it.date = parseDate(n.ChildText("date"))
	}
	return it
}

// atomEntry reads an Atom entry.
func atomEntry(n *xmltree.Node, order int) item {
	it := item{title: plain(n.ChildText("title")), order: order}
	for _, k := range []string{"content", "summary"} {
		if c := n.Child(k); c != nil {
			body := c.Text
			switch c.Attr("type") {
			case "xhtml":
				body = c.Inner
			case "text", "":
				if !strings.Contains(body, "<") {
					body = html.EscapeString(body)
				}
			}
			if strings.TrimSpace(body) != "" {
				it.body = body
				break
			}
		}
	}
	if a := n.Child("author"); a != nil {
		it.author = a.ChildText("name")
	}
	if c := n.Child("category"); c != nil {
		it.category = cmp.Or(c.Attr("label"), c.Attr("term"))
	}
	it.date = parseDate(cmp.Or(n.ChildText("published"), n.ChildText("updated")))
	return it
}

// plain returns the text of a title that may hold markup.
func plain(s string) string {
	if strings.ContainsAny(s, "<&") {
		return htmltext.FragmentText(s)
	}
	return s
}

// The layouts of dates in feeds.
var dateLayouts = []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05-0700", "2 Jan 2006 15:04:05 -0700", "Mon, 02 Jan 2006 15:04 -0700", time.RFC3339, "2006-01-02T15:04:05",
	"2006-01-02 15:04:05", "2006-01-02"}

// parseDate reads a feed's date; zero when it cannot.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// newest returns the date of the newest item, YYYY-MM-DD, or "".
func newest(items []item) string {
	var t time.Time
	for _, it := range items {
		if it.date.After(t) {
			t = it.date
		}
	}
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// byPage reports a whole-issue feed: most items have a page label.
func byPage(items []item) bool {
	n := 0
	for _, it := range items {
		if _, _, ok := issue.ParsePageLabel(it.category); ok {
			n++
		}
	}
	return n*2 > len(items)
}

// pages groups the items of a whole-issue feed by page, in page order,
// the items of a page in feed order.
func pages(items []item) []issue.Section {
	var secs []issue.Section
	index := map[int]int{}
	for _, it := range items {
		num, name, _ := issue.ParsePageLabel(it.category)
		name = htmltext.Clean(name)
		i, ok := index[num]
		if !ok {
			i = len(secs)
			index[num] = i
			secs = append(secs, issue.Section{Page: num, Name: name})
		}
		secs[i].Articles = append(secs[i].Articles, article(it))
	}
	slices.SortStableFunc(secs, func(a, b issue.Section) int { return cmp.Compare(a.Page, b.Page) })
	return secs
}

// article reads an item's article: its title, its body read as an
// article page's, its author.
func article(it item) issue.Article {
	a := issue.Article{Title: htmltext.Clean(plain(it.title)), Byline: htmltext.Clean(plain(it.author))}
	body := it.body
	if !strings.Contains(body, "<") {
		// Plain text: a paragraph a line.
		var b strings.Builder
		for line := range strings.SplitSeq(body, "\n") {
			b.WriteString("<p>")
			b.WriteString(html.EscapeString(line))
			b.WriteString("</p>")
		}
		body = b.String()
	}
	nodes, err := htmltext.ParseFragment(body)
	if err == nil {
		b := htmltext.ReadBody(nodes, nil)
		a.Paragraphs, a.Spans, a.Blocks = b.Paragraphs, b.Spans, b.Blocks
	}
	a.Finish()
	return a
}

// paperOf finds the paper's name in a whole-issue feed's title:
// 人民日报电子版 - 20260803 → 人民日报.
func paperOf(title string) string {
	t := title
	for _, sep := range []string{" - ", "-", "—", "|", "_", " "} {
		if i := strings.Index(t, sep); i > 0 {
			t = t[:i]
		}
	}
	for _, suffix := range []string{"电子版", "数字报", "电子报", "全部版面", "数字版"} {
		t = strings.TrimSuffix(strings.TrimSpace(t), suffix)
	}
	if t == "" {
		return title
	}
	return t
}

// dateOf finds a date in a feed's title: 20260803, 2026-08-03, 2026年8月3日.
func dateOf(title string) string {
	d, _, _ := issue.FindDate(title, issue.AnyDate)
	return d
}
