package epub

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"dubao/issue"
)

// build makes an EPUB of the given files, the mimetype first and stored,
// as EPUB requires.
func build(t testing.TB, files map[string]string, order ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("application/epub+zip"))
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const container = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`

// calibreArticle writes an article page as calibre's news recipes do:
// a navigation bar above and below the text.
func calibreArticle(title, body string, n, m int) string {
	nav := fmt.Sprintf(`<div class="calibre_navbar"><hr/><p class="calibre_nav">This article was downloaded by <b>calibre</b> from <a href="http://paper.example/%d">http://paper.example/%d</a></p><p>| <a href="../article_%d/index.html">Next</a> | <a href="../index.html">Section menu</a> | <a href="../../index.html">Main menu</a> |</p></div>`, m, m, m+1)
	return `<?xml version='1.0' encoding='utf-8'?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + title + `</title></head><body>` + nav +
		`<div><h2 class="calibre_recipe_title">` + title + `</h2>` + body + `</div>` + nav + `</body></html>`
}

// calibreBook is a news EPUB of two sections (pages) of calibre's shape.
func calibreBook(t testing.TB) []byte {
	files := map[string]string{
		"META-INF/container.xml": container,
		"content.opf": `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>青州日报 [Mon, 03 Aug 2026]</dc:title><dc:creator>calibre</dc:creator><dc:date>2026-08-02T22:00:00+00:00</dc:date></metadata>
<manifest>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="a00" href="feed_0/article_0/index.html" media-type="application/xhtml+xml"/>
<item id="a01" href="feed_0/article_1/index.html" media-type="application/xhtml+xml"/>
<item id="a10" href="feed_1/article_0/index.html" media-type="application/xhtml+xml"/>
</manifest>
<spine toc="ncx"><itemref idref="a00"/><itemref idref="a01"/><itemref idref="a10"/></spine>
</package>`,
		"toc.ncx": `<?xml version='1.0' encoding='utf-8'?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="s0" playOrder="1"><navLabel><text>第01版：要闻</text></navLabel><content src="feed_0/index.html"/>
  <navPoint id="a00" playOrder="2"><navLabel><text>青禾镇的秋粮进仓了</text></navLabel><content src="feed_0/article_0/index.html"/></navPoint>
  <navPoint id="a01" playOrder="3"><navLabel><text>北岭新区开通第三条地铁线</text></navLabel><content src="feed_0/article_1/index.html#top"/></navPoint>
</navPoint>
<navPoint id="s1" playOrder="4"><navLabel><text>第02版：综合新闻</text></navLabel><content src="feed_1/index.html"/>
  <navPoint id="a10" playOrder="5"><navLabel><text>山间小学来了新老师</text></navLabel><content src="feed_1/article_0/index.html"/></navPoint>
</navPoint>
</navMap></ncx>`,
		"feed_0/article_0/index.html": calibreArticle("青禾镇的秋粮进仓了", `<p>本报记者 苏晚晴</p><p>清晨六点，青禾镇的粮站已经排起了长队。</p><p>今年的秋粮比去年多收了一成。</p>`, 0, 0),
		"feed_0/article_1/index.html": calibreArticle("北岭新区开通第三条地铁线", `<p>首班列车从湖滨站出发。</p><img src="../../images/p1.jpg"/><p>图为首班列车。本报记者 周远山摄</p>`, 0, 1),
		"feed_1/article_0/index.html": calibreArticle("山间小学来了新老师", `<p>学校的图书角添了四百多本新书。</p>`, 1, 0),
	}
	return build(t, files, "META-INF/container.xml", "content.opf", "toc.ncx", "feed_0/article_0/index.html", "feed_0/article_1/index.html", "feed_1/article_0/index.html")
}

func TestCalibre(t *testing.T) {
	is, err := Read(calibreBook(t))
	if err != nil {
		t.Fatal(err)
	}
	if is.Paper != "青州日报" || is.Date != "2026-08-03" {
		t.Errorf("paper %q date %q", is.Paper, is.Date)
	}
	type sec struct {
		page   int
		name   string
		titles []string
	}
	var got []sec
	for _, s := range is.Sections {
		x := sec{s.Page, s.Name, nil}
		for _, a := range s.Articles {
			x.titles = append(x.titles, a.Title)
			for _, p := range a.Paragraphs {
				if strings.Contains(p, "calibre") || strings.Contains(p, "Main menu") {
					t.Errorf("navigation in the text: %q", p)
				}
			}
		}
		got = append(got, x)
	}
	want := []sec{{1, "要闻", []string{"青禾镇的秋粮进仓了", "北岭新区开通第三条地铁线"}}, {2, "综合新闻", []string{"山间小学来了新老师"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections %+v, want %+v", got, want)
	}
	a := is.Sections[0].Articles[0]
	if a.Byline != "本报记者 苏晚晴" || !reflect.DeepEqual(a.Paragraphs, []string{"清晨六点，青禾镇的粮站已经排起了长队。", "今年的秋粮比去年多收了一成。"}) {
		t.Errorf("article: %q %q", a.Byline, a.Paragraphs)
	}
	b := is.Sections[0].Articles[1]
	if len(b.Blocks) != 1 || b.Blocks[0].Kind != issue.BlockImage || b.Blocks[0].Src != "images/p1.jpg" || b.Blocks[0].Text != "图为首班列车。本报记者 周远山摄" {
		t.Errorf("picture: %+v", b.Blocks)
	}
}

// TestNav reads an EPUB 3 book whose table of contents is a nav document.
func TestNav(t *testing.T) {
	files := map[string]string{
		"META-INF/container.xml": strings.Replace(container, "content.opf", "OEBPS/package.opf", 1),
		"OEBPS/package.opf": `<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>青州晚报</dc:title><dc:date>2026-08-03</dc:date></metadata>
<manifest><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/><item id="x" href="text/a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="x"/></spine></package>`,
		"OEBPS/nav.xhtml": `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>
<li><span>城事</span><ol><li><a href="text/a.xhtml">湘江边的夜跑人</a></li></ol></li></ol></nav></body></html>`,
		"OEBPS/text/a.xhtml": `<html><body><h1>湘江边的夜跑人</h1><p>夜色里，湘江边的步道上亮起了一串灯。</p></body></html>`,
	}
	is, err := Read(build(t, files, "META-INF/container.xml", "OEBPS/package.opf", "OEBPS/nav.xhtml", "OEBPS/text/a.xhtml"))
	if err != nil {
		t.Fatal(err)
	}
	if is.Paper != "青州晚报" || is.Date != "2026-08-03" || len(is.Sections) != 1 || is.Sections[0].Name != "城事" || is.Sections[0].Page != 1 {
		t.Fatalf("issue %q %q %+v", is.Paper, is.Date, is.Sections)
	}
	a := is.Sections[0].Articles[0]
	if a.Title != "湘江边的夜跑人" || !reflect.DeepEqual(a.Paragraphs, []string{"夜色里，湘江边的步道上亮起了一串灯。"}) {
		t.Errorf("article %q %q", a.Title, a.Paragraphs)
	}
}

// TestNotEPUB: archives that are no EPUB are refused with an error.
func TestNotEPUB(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("PK\x03\x04 broken"), build(t, map[string]string{"a.txt": "x"}, "a.txt")} {
		if _, err := Read(data); err == nil {
			t.Errorf("Read(%.20q) gave no error", data)
		}
	}
}

// TestPaperAndDate splits a calibre book title into paper and date; a day
// that is not in the calendar is no date.
func TestPaperAndDate(t *testing.T) {
	tests := []struct{ in, paper, date string }{
		{"人民日报 [Mon, 03 Aug 2026]", "人民日报", "2026-08-03"},
		{"人民日报 [2026-08-03]", "人民日报", "2026-08-03"},
		{"人民日报【2026年8月3日】", "人民日报", "2026-08-03"},
		{"人民日报 (2026.8.3)", "人民日报", "2026-08-03"},
		{"人民日报 [Tue, 31 Feb 2026]", "人民日报 [Tue, 31 Feb 2026]", ""},
		{"人民日报 [2026-02-31]", "人民日报 [2026-02-31]", ""},
		{"人民日报 [2026年2月30日]", "人民日报 [2026年2月30日]", ""},
		{"人民日报", "人民日报", ""},
	}
	for _, tt := range tests {
		if paper, date := paperAndDate(tt.in); paper != tt.paper || date != tt.date {
			t.Errorf("paperAndDate(%q) = %q, %q; want %q, %q", tt.in, paper, date, tt.paper, tt.date)
		}
	}
}

// TestISODate reads the date that an OPF date starts with.
func TestISODate(t *testing.T) {
	tests := map[string]string{
		"2026-08-03T00:00:00+00:00": "2026-08-03",
		"2026-08-03":                "2026-08-03",
		"2026-02-31T00:00:00+00:00": "",
		"unknown":                   "",
	}
	for in, want := range tests {
		if got := isoDate(in); got != want {
			t.Errorf("isoDate(%q) = %q, want %q", in, got, want)
		}
	}
}
