package fetchtest

import (
	"fmt"
	"strings"
	"time"
)

// The fictional paper's words: headlines and text are made from them.
var (
	places  = []string{"青溪", "白石", "云岭", "松江", "梅川", "兰港", "柳湾", "桐乡"}
	things  = []string{"新建社区图书馆开放", "春耕备耕有序推进", "老街改造完工", "渡口恢复通航", "校园足球联赛开幕", "菜篮子供应充足", "养老服务中心启用", "河道清淤工程过半"}
	kickers = []string{"民生一线", "走基层", "", "新春走基层", ""}
	columns = []string{"要闻", "要闻", "评论", "经济", "社会", "文化", "国际", "体育", "副刊", "广告"}
)

// headline is the title of article a of page p.
func headline(p, a int) string {
	return places[(p+a)%len(places)] + things[(p*7+a)%len(things)]
}

// column is the name of page p (要闻, 评论, …).
func column(p int) string { return columns[(p-1)%len(columns)] }

// dayParts are the date of day as the site's paths write it.
func (s *Site) dayParts(day time.Time) (folder, compact string) {
	switch s.System {
	case PeopleNew:
		return day.Format("200601/02"), day.Format("20060102")
	default:
		return day.Format("2006-01/02"), day.Format("20060102")
	}
}

// layoutPath is the path of layout page p.
func (s *Site) layoutPath(p int) string { return s.layoutPathOn(s.Day, p) }

// imagePath is the path of the picture of layout page p.
func (s *Site) imagePath(p int) string {
	folder, _ := s.dayParts(s.Day)
	if s.System == PeopleNew {
		return fmt.Sprintf("/rmrb/pc/pic/%s/p%02d.jpg", folder, p)
	}
	return fmt.Sprintf("%s/images/%s/p%02d.jpg", strings.TrimSuffix(strings.SplitAfter(s.layoutPath(p), "/html/")[0], "/html/"), folder, p)
}

// layoutPathOn is the path of layout page p of day.
func (s *Site) layoutPathOn(day time.Time, p int) string {
	folder, _ := s.dayParts(day)
	switch s.System {
	case PeopleNew:
		return fmt.Sprintf("/rmrb/pc/layout/%s/node_%02d.html", folder, p)
	case PeopleOld:
		return fmt.Sprintf("/rmrb/html/%s/nbs.D110000renmrb_%02d.htm", folder, p)
	}
	return fmt.Sprintf("/html/%s/node_%d.htm", folder, p)
}

// articlePath is the path of article a of page p.
func (s *Site) articlePath(p, a, perPage int) string {
	folder, compact := s.dayParts(s.Day)
	n := 1000 + (p-1)*perPage + a
	switch s.System {
	case PeopleNew:
		return fmt.Sprintf("/rmrb/pc/content/%s/content_%d.html", folder, 30000000+n)
	case PeopleOld:
		return fmt.Sprintf("/rmrb/html/%s/nw.D110000renmrb_%s_%d-%02d.htm", folder, compact, a, p)
	}
	return fmt.Sprintf("/html/%s/content_%d.htm", folder, n)
}

// rel is the link from the page at path from to the page at path to, as
// e-papers write them: relative.
func rel(from, to string) string {
	f := strings.Split(strings.TrimPrefix(from, "/"), "/")
	t := strings.Split(strings.TrimPrefix(to, "/"), "/")
	i := 0
	for i < len(f)-1 && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	return strings.Repeat("../", len(f)-1-i) + strings.Join(t[i:], "/")
}

// pageName is how page p is named on the site: 01版：要闻 or 第01版：要闻.
func (s *Site) pageName(p int) string {
	if s.System == PeopleNew {
		return fmt.Sprintf("%02d版：%s", p, column(p))
	}
	return fmt.Sprintf("第%02d版：%s", p, column(p))
}

// paperName is the paper's name.
func (s *Site) paperName() string {
	if s.System == Founder {
		return "青溪日报"
	}
	return "人民日报"
}

// charset is the charset the pages declare.
func (s *Site) charset() string {
	if s.System == Founder {
		return "gb2312"
	}
	return "utf-8"
}

// layoutHTML is layout page p of pages: its name, its articles' titles
// linking to them, the list of the day's pages, 上一版/下一版, and links a
// crawler of the day must not follow (the day before, another site, the
// page's PDF, scripts).
func (s *Site) layoutHTML(p, pages, perPage int) string {
	self := s.layoutPath(p)
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s">
<title>%s</title>
<link rel="stylesheet" href="/static/epaper.css">
<script src="/static/epaper.js"></script>
</head><body>
<div class="header"><a href="http://www.example.org/">首页</a> <a href="javascript:void(0)">日历</a>
<a href="%s">上一期</a></div>
`, s.charset(), s.paperName(), rel(self, s.layoutPathOn(s.Day.AddDate(0, 0, -1), 1)))
	fmt.Fprintf(&b, "<div class=\"paper-bot\"><p class=\"left ban\">%s</p>\n", s.pageName(p))
	if p > 1 {
		fmt.Fprintf(&b, "<a class=\"preart\" href=\"%s\">上一版</a>\n", rel(self, s.layoutPath(p-1)))
	}
	if p < pages {
		fmt.Fprintf(&b, "<a class=\"preart\" href=\"%s\">下一版</a>\n", rel(self, s.layoutPath(p+1)))
	}
	fmt.Fprintf(&b, "<a href=\"/page/%s/%02d/paper.pdf\">PDF</a>\n", s.Day.Format("2006-01/02"), p)
	fmt.Fprintf(&b, "<img src=\"%s\" usemap=\"#PagePicMap\">\n", rel(self, s.imagePath(p)))
	listID, pagesID, wrapperID := "", "", ""
	switch s.System {
	case PeopleOld:
		listID, pagesID = ` id="titleList"`, ` id="pageList"`
	case PeopleNew:
		wrapperID = ` id="list"`
	}
	fmt.Fprintf(&b, "</div>\n<ul class=\"news-list\"%s>\n", listID)
	for a := 1; a <= perPage; a++ {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", rel(self, s.articlePath(p, a, perPage)), headline(p, a))
	}
	fmt.Fprintf(&b, "</ul>\n<div class=\"swiper-box\"%s><div class=\"swiper-wrapper\"%s>\n", pagesID, wrapperID)
	for q := 1; q <= pages; q++ {
		fmt.Fprintf(&b, "<div class=\"swiper-slide\"><a id=\"pageLink\" href=\"%s\">%s</a></div>\n", rel(self, s.layoutPath(q)), s.pageName(q))
	}
	b.WriteString("</div></div>\n<div class=\"footer\">青溪日报社版权所有 <a href=\"mailto:web@example.org\">联系我们</a></div>\n</body></html>\n")
	return b.String()
}

// articleHTML is article a of page p: kicker, title, byline, body, and
// links back to its page and to the next article.
func (s *Site) articleHTML(p, a, perPage int) string {
	self := s.articlePath(p, a, perPage)
	title := headline(p, a)
	kicker := kickers[(p+a)%len(kickers)]
	var body strings.Builder
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&body, "<p>　　本报%s电（记者%s）%s。这是第%d版第%d篇文章的第%d段，写给读报的人看。</p>\n",
			places[(a+i)%len(places)], "林青", title, p, a, i)
	}
	next := ""
	if a < perPage {
		next = fmt.Sprintf("<a href=\"%s\">下一篇</a>", rel(self, s.articlePath(p, a+1, perPage)))
	}
	back := rel(self, s.layoutPath(p))
	switch s.System {
	case Founder:
		return fmt.Sprintf(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>%s</title></head><body>
<!--enpproperty <articleid>%d</articleid><date>%s</date><author>林青</author><title>%s</title><introtitle>%s</introtitle><nodename>%s</nodename>/enpproperty-->
<a href="%s">返回版面</a> %s
<founder-title>%s</founder-title>
<founder-author>林青</founder-author>
<!--enpcontent-->%s<!--/enpcontent-->
<founder-pagenum>%02d</founder-pagenum>
</body></html>
`, title, 1000+(p-1)*perPage+a, s.Day.Format("2006-01-02"), title, kicker, column(p), back, next, title, body.String(), p)
	case PeopleOld:
		return fmt.Sprintf(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>%s</title></head><body>
<div class="text_c"><h3>%s</h3><h1>%s</h1><h2></h2><h4>本报记者 林青</h4>
<div class="c_c" id="ozoom">%s</div></div>
<a href="%s">返回版面</a> %s
</body></html>
`, title, kicker, title, body.String(), back, next)
	}
	return fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>
<div class="article"><h3>%s</h3><h1>%s</h1><h2></h2>
<p class="sec">本报记者 林青 《人民日报》（%s 第 %02d 版）</p>
<div id="ozoom">%s</div></div>
<a href="%s">返回版面</a> %s
</body></html>
`, title, kicker, title, s.Day.Format("2006年01月02日"), p, body.String(), back, next)
}
