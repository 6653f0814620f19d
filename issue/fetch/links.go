package fetch

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Kind is what a page of a day is.
type Kind int

// The kinds of files of a day.
const (
	Article Kind = iota // an article page (content_N.htm), or any page not known as a layout page
	Layout              // a layout page (版面: node_N.htm), naming its articles and the other pages
	Image               // an image of a page (with Options.Images)
)

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
var layoutName = regexp.MustCompile(`^(?:node_(\d+)|nbs\.[A-Za-z0-9]+_(\d+))\.s?html?$`)

// kindOf is the kind of page an address names, by its file name.
func kindOf(u *url.URL) (Kind, int) {
	name := path.Base(u.Path)
	if m := layoutName.FindStringSubmatch(name); m != nil {
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

// A link is an address found in a page, and whether it was an image's.
type link struct {
	url   *url.URL
	image bool
}

// pageLinks lists the links of an HTML page in document order: the href
// of <a> and <area>, the src of frames and, as images, of <img>. base is
// the page's address. (A minimal walk until the e-paper reader's layout
// page API names the day's pages and articles.)
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
		image := false
		switch string(name) {
		case "a", "area":
			want = "href"
		case "frame", "iframe":
			want = "src"
		case "img":
			want, image = "src", true
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
			out = append(out, link{url: u, image: image})
			break
		}
	}
}
