// Package epub reads a news EPUB — as calibre's news recipes and
// KindleEar make them — as an issue: META-INF/container.xml leads to the
// package document (OPF), whose table of contents (the NCX of EPUB 2 or
// the nav document of EPUB 3) has two levels, sections (often the pages,
// 第01版：要闻) and their articles. Sections become pages; articles keep
// their titles, bylines and text; calibre's navigation bars ("This
// article was downloaded by calibre from …") are dropped.
package epub

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"dubao/issue"
	"dubao/issue/source/charset"
	"dubao/issue/source/htmltext"
	"dubao/issue/source/xmltree"
)

// ErrNotEPUB is returned for data that is not a readable EPUB.
var ErrNotEPUB = errors.New("not an EPUB (no container.xml or package document)")

// maxEntry is the largest file of the archive read (a larger one is left
// out), and maxTotal the most bytes read from it in all: a ZIP bomb is
// not unpacked.
const (
	maxEntry = 64 << 20
	maxTotal = 512 << 20
)

// book is an open EPUB.
type book struct {
	files map[string]*zip.File
	read  int64
}

// file returns the bytes of the archive's file name, or an error.
func (b *book) file(name string) ([]byte, error) {
	f := b.files[name]
	if f == nil {
		return nil, fmt.Errorf("%s: not in the EPUB", name)
	}
	if f.UncompressedSize64 > maxEntry || b.read+int64(f.UncompressedSize64) > maxTotal {
		return nil, fmt.Errorf("%s: too large", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxEntry+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxEntry {
		return nil, fmt.Errorf("%s: too large", name)
	}
	b.read += int64(len(data))
	return data, nil
}

// entry is one entry of the table of contents.
type entry struct {
	label string
	src   string // the file, relative to the archive's root, fragment cut
	kids  []entry
}

// Read reads an EPUB as an issue.
func Read(data []byte) (*issue.Issue, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotEPUB, err)
	}
	b := &book{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		b.files[f.Name] = f
	}
	cdata, err := b.file("META-INF/container.xml")
	if err != nil {
		return nil, ErrNotEPUB
	}
	container, err := xmltree.Parse(cdata)
	if err != nil {
		return nil, fmt.Errorf("container.xml: %w", err)
	}
	var opfPath string
	if rf := container.Child("rootfiles"); rf != nil {
		if r := rf.Child("rootfile"); r != nil {
			opfPath = r.Attr("full-path")
		}
	}
	odata, err := b.file(opfPath)
	if err != nil {
		return nil, ErrNotEPUB
	}
	opf, err := xmltree.Parse(odata)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opfPath, err)
	}
	base := path.Dir(opfPath)
	is := &issue.Issue{Encoding: "UTF-8"}
	if md := opf.Child("metadata"); md != nil {
		if t := md.Child("title"); t != nil {
			is.Paper, is.Date = paperAndDate(htmltext.Clean(t.Text))
		}
		if d := md.Child("date"); d != nil && is.Date == "" {
			is.Date = isoDate(d.Text)
		}
	}
	toc := b.contents(opf, base)
	if len(toc) == 0 {
		toc = spine(opf, base)
	}
	flat := true
	for _, e := range toc {
		if len(e.kids) > 0 {
			flat = false
		}
	}
	if flat {
		toc = []entry{{kids: toc}}
	}
	for i, sec := range toc {
		s := issue.Section{Name: sec.label}
		if n, name, ok := issue.ParsePageLabel(sec.label); ok {
			s.Page, s.Name = n, name
		} else if !flat {
			s.Page = i + 1
		}
		for _, e := range sec.kids {
			a, ok := b.article(e)
			if ok {
				s.Articles = append(s.Articles, a)
			}
		}
		is.Sections = append(is.Sections, s)
	}
	is.Assemble()
	if is.Count() == 0 {
		return nil, fmt.Errorf("%w: no articles in its table of contents", ErrNotEPUB)
	}
	return is, nil
}

// contents reads the table of contents: the NCX the spine names, or the
// EPUB 3 nav document.
func (b *book) contents(opf *xmltree.Node, base string) []entry {
	manifest := opf.Child("manifest")
	spineNode := opf.Child("spine")
	if manifest == nil {
		return nil
	}
	ncxID := ""
	if spineNode != nil {
		ncxID = spineNode.Attr("toc")
	}
	for _, it := range manifest.Children("item") {
		href := path.Join(base, it.Attr("href"))
		switch {
		case ncxID != "" && it.Attr("id") == ncxID, it.Attr("media-type") == "application/x-dtbncx+xml" && ncxID == "":
			data, err := b.file(href)
			if err != nil {
				continue
			}
			ncx, err := xmltree.Parse(data)
			if err != nil {
				continue
			}
			if nm := ncx.Child("navMap"); nm != nil {
				return navPoints(nm, path.Dir(href))
			}
		}
	}
	for _, it := range manifest.Children("item") {
		if strings.Contains(" "+it.Attr("properties")+" ", " nav ") {
			href := path.Join(base, it.Attr("href"))
			data, err := b.file(href)
			if err != nil {
				continue
			}
			return navDocument(data, path.Dir(href))
		}
	}
	return nil
}

// navPoints reads the navPoints of an NCX.
func navPoints(n *xmltree.Node, dir string) []entry {
	var out []entry
	for _, np := range n.Children("navPoint") {
		e := entry{}
		if l := np.Child("navLabel"); l != nil {
			if t := l.Child("text"); t != nil {
				e.label = htmltext.Clean(t.Text)
			}
		}
		if c := np.Child("content"); c != nil {
			e.src = resolve(dir, c.Attr("src"))
		}
		e.kids = navPoints(np, dir)
		out = append(out, e)
	}
	return out
}

// navDocument reads the table of contents of an EPUB 3 nav document.
func navDocument(data []byte, dir string) []entry {
	res, err := charset.Decode(data, "")
	if err != nil {
		return nil
	}
	root, err := htmltext.Parse(res.Text)
	if err != nil {
		return nil
	}
	nav := htmltext.Find(root, func(n *html.Node) bool {
		return htmltext.IsElem(n, "nav") && strings.Contains(htmltext.Attr(n, "epub:type")+htmltext.Attr(n, "type"), "toc")
	})
	if nav == nil {
		nav = htmltext.Find(root, htmltext.ByTag("nav"))
	}
	if nav == nil {
		return nil
	}
	ol := htmltext.Find(nav, htmltext.ByTag("ol"))
	return listEntries(ol, dir)
}

// listEntries reads the <li> entries of a nav document's list.
func listEntries(ol *html.Node, dir string) []entry {
	if ol == nil {
		return nil
	}
	var out []entry
	for li := ol.FirstChild; li != nil; li = li.NextSibling {
		if !htmltext.IsElem(li, "li") {
			continue
		}
		e := entry{}
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case htmltext.IsElem(c, "a"):
				e.label = htmltext.Clean(htmltext.Text(c))
				e.src = resolve(dir, htmltext.Attr(c, "href"))
			case htmltext.IsElem(c, "span"):
				e.label = htmltext.Clean(htmltext.Text(c))
			case htmltext.IsElem(c, "ol"):
				e.kids = listEntries(c, dir)
			}
		}
		out = append(out, e)
	}
	return out
}

// spine lists the spine's documents as a flat table of contents, for a
// book without one.
func spine(opf *xmltree.Node, base string) []entry {
	manifest, sp := opf.Child("manifest"), opf.Child("spine")
	if manifest == nil || sp == nil {
		return nil
	}
	hrefs := map[string]string{}
	for _, it := range manifest.Children("item") {
		hrefs[it.Attr("id")] = path.Join(base, it.Attr("href"))
	}
	var out []entry
	for _, ref := range sp.Children("itemref") {
		if h := hrefs[ref.Attr("idref")]; h != "" {
			out = append(out, entry{src: h})
		}
	}
	return out
}

// resolve resolves a link of a file in dir, its fragment cut.
func resolve(dir, href string) string {
	if i := strings.IndexByte(href, '#'); i >= 0 {
		href = href[:i]
	}
	if href == "" {
		return ""
	}
	return path.Join(dir, href)
}

// article reads the article of a table of contents entry.
func (b *book) article(e entry) (issue.Article, bool) {
	data, err := b.file(e.src)
	if err != nil {
		return issue.Article{}, false
	}
	res, err := charset.Decode(data, "")
	if err != nil {
		return issue.Article{}, false
	}
	root, err := htmltext.Parse(res.Text)
	if err != nil {
		return issue.Article{}, false
	}
	body := htmltext.Find(root, htmltext.ByTag("body"))
	if body == nil {
		return issue.Article{}, false
	}
	// calibre's navigation bars go.
	for _, n := range htmltext.FindAll(body, func(n *html.Node) bool {
		return n.Type == html.ElementNode && (htmltext.HasClass(n, "calibre_navbar") || htmltext.HasClass(n, "calibre_nav")) ||
			n.Type == html.ElementNode && (n.Data == "p" || n.Data == "div") && strings.Contains(htmltext.Text(n), "This article was downloaded by calibre from")
	}) {
		n.Parent.RemoveChild(n)
	}
	a := issue.Article{Title: e.label}
	// The page's own headings: a heading that repeats the title goes; a
	// heading before it is the kicker, one after it the subtitle.
	heads := htmltext.FindAll(body, func(n *html.Node) bool {
		return n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '3'
	})
	for _, h := range heads {
		t := htmltext.Clean(htmltext.Text(h))
		if t == "" {
			continue
		}
		if a.Title == "" {
			a.Title = t
		}
		if t == a.Title {
			h.Parent.RemoveChild(h)
			break
		}
	}
	for _, n := range htmltext.FindAll(body, func(n *html.Node) bool {
		return n.Type == html.ElementNode && (htmltext.HasClass(n, "calibre_feed_description") || htmltext.HasClass(n, "byline") || htmltext.HasClass(n, "author"))
	}) {
		if a.Byline == "" {
			a.Byline = htmltext.Clean(htmltext.Text(n))
			n.Parent.RemoveChild(n)
		}
	}
	r := htmltext.ReadBody([]*html.Node{body}, func(src string) string { return resolve(path.Dir(e.src), src) })
	a.Paragraphs, a.Spans, a.Blocks = r.Paragraphs, r.Spans, r.Blocks
	if a.Title == "" && len(a.Paragraphs) == 0 && len(a.Blocks) == 0 {
		return issue.Article{}, false
	}
	a.Finish()
	return a, true
}

var (
	titleRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(.*?)\s*[\[【(（]\s*([^\]】)）]*)[\]】)）]\s*$`)
	})
	monthRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* ((?:19|20)\d\d)`)
	})
)

// isoDate reads the date that starts an OPF date (2026-08-03T…).
func isoDate(s string) string {
	d, _, _ := issue.FindDate(s, issue.SeparatedDate)
	return d
}

// paperAndDate splits a calibre book title, 人民日报 [Mon, 03 Aug 2026],
// into the paper's name and the date.
func paperAndDate(title string) (string, string) {
	m := titleRE().FindStringSubmatch(title)
	if m == nil {
		return title, ""
	}
	inner := m[2]
	if d, _, _ := issue.FindDate(inner, issue.ChineseDate|issue.SeparatedDate); d != "" {
		return m[1], d
	}
	// calibre's own form: Mon, 03 Aug 2026.
	if d := monthRE().FindStringSubmatch(inner); d != nil {
		months := "JanFebMarAprMayJunJulAugSepOctNovDec"
		mon := strings.Index(months, d[2])/3 + 1
		day, _ := strconv.Atoi(d[1])
		year, _ := strconv.Atoi(d[3])
		if date := issue.CalendarDate(year, mon, day); date != "" {
			return m[1], date
		}
	}
	return title, ""
}
