package fetch

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"dubao/issue/source/epaper"
)

// Kind is what a page of a day is.
type Kind int

// The kinds of files of a day.
const (
	Article Kind = iota // an article page (content_N.htm), or any page not known as a layout page
	Layout              // a layout page (版面: node_N.htm), naming its articles and the other pages
	Image               // an image of a page (with Options.Images)
)

// String names the kind of page, for messages.
func (k Kind) String() string {
	switch k {
	case Layout:
		return "layout"
	case Image:
		return "image"
	}
	return "article"
}

// layoutName matches the file names of layout pages: node_N.htm(l) of the
// Founder system, 光明日报 and 人民日报 since 2024; nbs.D110000renmrb_NN.htm
// of 人民日报 before.
var layoutName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:node_(\d+)|nbs\.[A-Za-z0-9]+_(\d+))\.s?html?$`) })

// kindOf is the kind of page an address names, by its file name.
func kindOf(u *url.URL) (Kind, int) {
	name := path.Base(u.Path)
	if m := layoutName().FindStringSubmatch(name); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		return Layout, n
	}
	if isImage(name) {
		return Image, 0
	}
	return Article, 0
}

// isImage reports whether a file name is an image's.
func isImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp":
		return true
	}
	return false
}

// isPage reports whether the address may name a web page: no extension,
// or one that web pages have. PDFs, scripts, styles and images are not.
func isPage(u *url.URL) bool {
	switch strings.ToLower(path.Ext(path.Base(u.Path))) {
	case "", ".htm", ".html", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp":
		return true
	}
	return false
}

// A link is an address found in a page: what it is, as far as the page
// tells (kind Image for an image; Layout with its page number for a page
// of the day the e-paper reader recognised; else Article, to be known
// once fetched).
type link struct {
	url    *url.URL
	kind   Kind
	number int
}

// seen is what reading a saved page found: its links, and what the page
// itself is.
type seen struct {
	links  []link
	kind   Kind
	number int
	paper  string
}

// inspect reads a saved page: the e-paper reader (epaper.Inspect) says
// whether it is a layout or an article page and lists, for the systems it
// knows, the day's pages and the page's articles; for the rest (a page of
// an unknown site, an article page that names no page of the day) every
// link of the page is a candidate, the scope deciding. Images come from
// the walk too.
func inspect(data []byte, base *url.URL, guess Kind, guessNumber int) seen {
	out := seen{kind: guess, number: guessNumber}
	walk := pageLinks(data, base)
	p, err := epaper.Inspect(data, base.String())
	known := err == nil && p.Kind != epaper.Other
	if known {
		out.paper = p.Paper
		switch p.Kind {
		case epaper.Layout:
			out.kind = Layout
			if p.Number > 0 {
				out.number = p.Number
			}
		case epaper.Article:
			out.kind, out.number = Article, p.Number
		}
		for _, l := range p.Pages {
			if u, err := url.Parse(l.URL); err == nil {
				out.links = append(out.links, link{url: u, kind: Layout, number: l.Page})
			}
		}
		for _, l := range p.Articles {
			if u, err := url.Parse(l.URL); err == nil {
				out.links = append(out.links, link{url: u, kind: Article, number: l.Page})
			}
		}
	}
	generic := !known || p.Kind == epaper.Article && len(p.Pages) == 0
	for _, l := range walk {
		if l.kind == Image || generic {
			out.links = append(out.links, l)
		}
	}
	return out
}

// pageLinks lists the links of an HTML page in document order: the href
// of <a> and <area>, the src of frames and, as images, of <img>. base is
// the page's address.
func pageLinks(data []byte, base *url.URL) []link {
	var out []link
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		name, hasAttr := z.TagName()
		var want string
		kind := Article
		switch string(name) {
		case "a", "area":
			want = "href"
		case "frame", "iframe":
			want = "src"
		case "img":
			want, kind = "src", Image
		case "base":
			// <base href> changes what relative links resolve against.
			want = "href"
		default:
			continue
		}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if string(k) != want {
				continue
			}
			ref := strings.TrimSpace(string(v))
			if ref == "" || strings.HasPrefix(ref, "#") {
				break
			}
			u, err := base.Parse(ref)
			if err != nil {
				break
			}
			if string(name) == "base" {
				base = u
				break
			}
			u.Fragment, u.RawFragment = "", ""
			l := link{url: u, kind: kind}
			if kind != Image {
				l.kind, l.number = kindOf(u)
			}
			out = append(out, l)
			break
		}
	}
}
