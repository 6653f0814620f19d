package epaper

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/issue/source/htmltext"
)

// allText is everything of article a that is shown: its headings, its
// paragraphs and its blocks' text, captions, alt texts and items.
func allText(a *issue.Article) string {
	parts := []string{a.Kicker, a.Title, a.Subtitle, a.Byline}
	parts = append(parts, a.Paragraphs...)
	for _, b := range a.Blocks {
		parts = append(parts, b.Text, b.Alt)
		parts = append(parts, b.Items...)
		for _, row := range b.Rows {
			parts = append(parts, row...)
		}
	}
	return strings.Join(parts, "\n")
}

// TestNewsPageEdges reads news pages of no known system shaped like the
// real ones of ../shared (a channel link above the text, a picture
// carousel's label and a like counter, an advertising banner, a
// copyright notice and links to the previous and next articles inside the
// block of text): none of that is in the article, and all of the
// article's own text, pictures and credits are.
func TestNewsPageEdges(t *testing.T) {
	for _, tt := range []struct {
		name       string
		gone, kept []string
		paragraphs int
		images     int
	}{
		{"promo.html", []string{"点击进入", "书香青州"},
			[]string{"秋风起时", "《秋夜》", "月照青石巷", "读书会每月还会评出", "(责编：苏晚晴、林青)"}, 6, 1},
		{"gallery.html", []string{"图集", "+1"},
			[]string{"青州网湖滨8月2日电（记者林青）", "横跨青溪的湖滨大桥", "据介绍，大桥计划年底建成通车"}, 4, 0},
		{"ad.html", []string{"主题购买", "版权声明", "转载请注明", "复制链接", "上一篇", "下一篇", "口袋公园", "老年课堂"},
			[]string{"为帮助居民识别金融诈骗", "活动现场", "社区居民周大姐说", "(文/图 林青 苏晚晴)"}, 4, 1},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "news", tt.name))
		if err != nil {
			t.Fatal(err)
		}
		is, err := Read(data, tt.name, "")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		a := is.Articles()[0]
		text := allText(a)
		for _, s := range tt.gone {
			if strings.Contains(text, s) {
				t.Errorf("%s: %q is in the article:\n%s", tt.name, s, text)
			}
		}
		for _, s := range tt.kept {
			if !strings.Contains(text, s) {
				t.Errorf("%s: %q is not in the article:\n%s", tt.name, s, text)
			}
		}
		images := 0
		for _, b := range a.Blocks {
			if b.Kind == issue.BlockImage {
				images++
			}
		}
		if len(a.Paragraphs) != tt.paragraphs || images != tt.images {
			t.Errorf("%s: %d paragraphs and %d images, want %d and %d:\n%s", tt.name, len(a.Paragraphs), images, tt.paragraphs, tt.images, text)
		}
	}
}

// TestTrimEdges: what trimEdges takes off the ends of a body, and what it
// leaves — never a line of the article's own text, wherever it is.
func TestTrimEdges(t *testing.T) {
	const p1 = "<p>清晨六点，青禾镇的粮站已经排起了长队，今年的秋粮比去年多收了一成。</p>"
	const p2 = "<p>县农业农村局的技术员林小禾带着仪器，一仓一仓地测温测湿。</p>"
	for _, tt := range []struct {
		name, body string
		want       string // the lines left (their first three characters), joined by |
	}{
		{"channel link above", `<p><a href="/c/"><strong>点击进入“书香青州”</strong>&gt;&gt;</a></p>` + p1 + p2, "清晨六|县农业"},
		{"carousel label", `<div><span class="tj">图集</span><div class="swiper"></div></div>` + p1 + p2, "清晨六|县农业"},
		{"like counter", p1 + p2 + `<div><a href="javascript:void(0)"> </a><div>+1</div></div>`, "清晨六|县农业"},
		{"banner in a dead link", `<div><a href="#"><img src="/img/850x118.jpg" alt="主题购买"></a></div>` + p1 + p2, "清晨六|县农业"},
		{"banner in an ad", `<div class="ad-pc"><a href="/shop/"><img src="/img/x.jpg"></a></div>` + p1 + p2, "清晨六|县农业"},
		{"next-page button before the editor", p1 + p2 + `<table><tr><td><a href="/a-2.html"><img src="/img/next_page.jpg"></a></td></tr></table><div>(责编：苏晚晴)</div>`, "清晨六|县农业|(责编"},
		{"notices and links below", p1 + p2 + `<ul><li><strong>版权声明</strong> 来源：青州商报 作者：</li><li>转载请注明：<a href="/1.html">标题</a></li></ul><p>上一篇：<a href="/0.html">别的文章</a></p><p>下一篇：<a href="/2.html">另一篇</a></p>`, "清晨六|县农业"},
		{"page numbers", p1 + p2 + `<div><a href="/a-1.html">1</a> <a href="/a-2.html">2</a> <a href="/a-3.html">3</a></div>`, "清晨六|县农业"},
		// what stays
		{"a lead picture linked to the next page", `<p><a href="/a-2.html"><img src="/pic/MAIN2026.jpg"></a></p>` + p1 + p2, "[img]|清晨六|县农业"},
		{"a banner with its caption", `<p><a href="#"><img src="/img/x.jpg"></a></p><p>图为青禾镇粮站。林青摄</p>` + p1, "[img]|图为青|清晨六"},
		{"a byline in a link", `<p><a href="/author/7">本报记者 林青</a></p>` + p1 + p2, "本报记|清晨六|县农业"},
		{"a note's label", `<p><strong>编者按</strong></p>` + p1 + p2, "编者按|清晨六|县农业"},
		{"a sentence in a link", p1 + `<p><a href="/x.html">详情请见青州市政府网站。</a></p>`, "清晨六|详情请"},
		{"a link in the text", p1 + p2 + `<p>报名请登录<a href="/x.html">青州读书网</a></p>`, "清晨六|县农业|报名请"},
		{"the end mark", p1 + `<p>（完）</p>`, "清晨六|（完）"},
		{"boilerplate between the text", p1 + `<p>上一篇：<a href="/0.html">别的文章</a></p>` + p2, "清晨六|上一篇|县农业"},
		{"nothing but boilerplate", `<p>上一篇：<a href="/0.html">别的文章</a></p><div>图集</div>`, "上一篇|图集"},
	} {
		nodes, err := htmltext.ParseFragment("<div>" + tt.body + "</div>")
		if err != nil {
			t.Fatal(err)
		}
		root := nodes[0]
		trimEdges(root)
		var got []string
		for _, l := range edgeLines(root) {
			s := firstRunes(l.text, 3)
			if s == "" {
				s = "[img]"
			}
			got = append(got, s)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s: lines %q, want %q", tt.name, strings.Join(got, "|"), tt.want)
		}
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// TestNewsPageDetails: the date of a news page whose title is no <h1>
// (by the title's element) or is printed after a label (发布日期：), the
// address a browser saved the page from (its date, and the pictures'
// addresses resolved against it), and no made-up host for the pictures
// of a page read from a file.
func TestNewsPageDetails(t *testing.T) {
	read := func(name string, data []byte) *issue.Issue {
		t.Helper()
		if data == nil {
			var err error
			if data, err = os.ReadFile(filepath.Join("testdata", "news", name)); err != nil {
				t.Fatal(err)
			}
		}
		is, err := Read(data, name, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return is
	}
	firstImage := func(a *issue.Article) string {
		for _, b := range a.Blocks {
			if b.Kind == issue.BlockImage {
				return b.Src
			}
		}
		return ""
	}
	for _, name := range []string{"gallery.html", "ad.html"} {
		if is := read(name, nil); is.Date != "2026-08-03" {
			t.Errorf("%s: date %q, want 2026-08-03", name, is.Date)
		}
	}
	if src := firstImage(read("promo.html", nil).Articles()[0]); src != "/NMediaFile/2026/0803/MAIN20260803001.jpg" {
		t.Errorf("promo.html: picture at %q, want the address as written", src)
	}
	const page = `<!-- saved from url=(0051)https://www.example.cn/culture/2026-08/03/c_17.htm -->
<html><head><title>湖滨社区开办老年课堂</title></head><body><div class="text">
<p><img src="pic/a.jpg"></p><p>图为老年课堂上的书法课。林青摄</p>
<p>湖滨社区的老年课堂开课了，第一堂是书法课，二十多位老人早早来到教室。</p>
<p>社区工作人员说，课堂每周两次，还将开设手机使用和健康讲座等课程。</p></div></body></html>`
	is := read("湖滨社区开办老年课堂.html", []byte(page))
	if a := is.Articles()[0]; is.Date != "2026-08-03" || firstImage(a) != "https://www.example.cn/culture/2026-08/03/pic/a.jpg" {
		t.Errorf("saved page: date %q, picture at %q", is.Date, firstImage(a))
	}
}
