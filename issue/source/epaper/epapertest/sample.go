package epapertest

import (
	"fmt"
	"strings"
)

// sentences are fictional sentences the sample articles are made of.
var sentences = []string{
	"清晨六点，青禾镇的粮站已经排起了长队。",
	"今年的秋粮比去年多收了一成，种粮大户周远山笑得合不拢嘴。",
	"镇上新修的烘干塔连夜运转，稻谷进仓时的含水量降到了百分之十三以下。",
	"“过去靠天晒粮，一场雨就能毁掉半年的辛苦。”他说。",
	"县农业农村局的技术员林小禾带着仪器，一仓一仓地测温测湿。",
	"北岭新区的第三条地铁线在傍晚六点准时开通。",
	"首班列车从湖滨站出发，车厢里坐满了下班的年轻人。",
	"新线全长二十一公里，设车站十六座，把老城和科学城连在了一起。",
	"沿线的社区提前半年就开始筹备接驳公交。",
	"一位退休教师说，她终于可以每天去图书馆读报了。",
	"山间小学今年秋天迎来了三位新老师。",
	"学校的图书角添了四百多本新书，孩子们排着队登记借阅。",
	"古桥修缮工程用了整整两年，工匠们按照老办法一块一块地补齐石料。",
	"夜色里，湘江边的步道上亮起了一串灯，夜跑的人三三两两。",
}

// para makes a paragraph of n sentences starting at sentence k.
func para(k, n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(sentences[(k+i)%len(sentences)])
	}
	return b.String()
}

// Sample returns a fictional day of four pages in the given system: page
// 1 holds an article continued on page 4 (下转第四版 / 上接第一版), page
// 2 an article with a picture, page 3 two short articles, page 4 the
// continuation and one more article.
func Sample(system string) Day {
	d := Day{Paper: "青州日报", Date: "2026-08-03", System: system}
	switch system {
	case RMRB, RMRB2010:
		d.Paper = "人民日报"
	case GMRB:
		d.Paper = "光明日报"
	}
	d.Pages = []Page{
		{Number: 1, Name: "要闻", Articles: []Article{
			{ID: 101, Kicker: "秋收一线", Title: "青禾镇的秋粮进仓了", Subtitle: "烘干塔连夜运转 种粮大户喜获丰收", Byline: "本报记者 苏晚晴",
				Paras: []string{para(0, 2), para(2, 3), para(4, 1) + "（下转第四版）"}},
			{ID: 102, Title: "北岭新区开通第三条地铁线", Byline: "本报记者 周远山",
				Paras: []string{"本报北岭8月2日电　" + para(5, 2), para(7, 3)}},
		}},
		{Number: 2, Name: "综合新闻", Articles: []Article{
			{ID: 201, Title: "山间小学来了新老师", Byline: "本报记者 林小禾",
				Image: "../../../res/1/20260803/p2.jpg", Caption: "图为新老师在上第一堂课。本报记者 林小禾摄",
				Paras: []string{para(10, 2), para(11, 2)}},
		}},
		{Number: 3, Name: "经济", Articles: []Article{
			{ID: 301, Title: "一座古桥的修缮记", Paras: []string{para(12, 1), para(3, 2)}},
			{ID: 302, Title: "湘江边的夜跑人", Byline: "张\u00a0\u00a0洋", Paras: []string{para(13, 1)}},
		}},
		{Number: 4, Name: "综合", Articles: []Article{
			{ID: 401, Title: "青禾镇的秋粮进仓了", Paras: []string{"（上接第一版）" + para(8, 2), para(9, 1)}},
			{ID: 402, Title: "老街坊的新菜园", Byline: "本报通讯员 苏晓", Paras: []string{para(1, 3)}},
		}},
	}
	return d
}

// Large returns a fictional day of pages pages holding articles articles
// in all, each of about paraCount paragraphs, for benchmarks.
func Large(system string, pages, articles, paraCount int) Day {
	d := Day{Paper: "青州日报", Date: "2026-08-03", System: system, Boilerplate: true}
	id := 1000
	for p := 1; p <= pages; p++ {
		pg := Page{Number: p, Name: fmt.Sprintf("第%d版专栏", p)}
		n := articles / pages
		if p <= articles%pages {
			n++
		}
		for i := range n {
			id++
			a := Article{ID: id, Kicker: "本版关注", Title: fmt.Sprintf("%s（之%d）", sentences[id%len(sentences)][:12], id), Byline: "本报记者 苏晚晴"}
			for k := range paraCount {
				a.Paras = append(a.Paras, para(id+k+i, 3))
			}
			pg.Articles = append(pg.Articles, a)
		}
		d.Pages = append(d.Pages, pg)
	}
	return d
}
