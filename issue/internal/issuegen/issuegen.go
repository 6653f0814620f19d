// Package issuegen writes generated issues of a fictional city daily for
// benchmarks and for measuring dubao against other programs: original,
// randomly composed text in the Markdown form of the sample, of any size.
// Nothing it writes is checked in.
package issuegen

import (
	"bytes"
	"fmt"
	"strings"
)

// words is the vocabulary of generated issues (our own words).
var words = []string{
	"青溪河", "生态廊道", "全线贯通", "沿岸村居", "共享", "绿色红利", "市民", "步行", "滨水空间",
	"城市更新", "老旧小区", "改造", "背街小巷", "整治", "雨污分流", "燃气管网", "烟火气", "新设施",
	"文旅合作", "精品线路", "景区", "门票优惠", "演艺交流", "非遗展示", "研学旅行", "春耕", "育秧",
	"重点项目", "集中开工", "先进制造", "数字经济", "基础设施", "社会民生", "GDP", "5G", "102.6",
	"1,000", "5.8%", "9℃~14℃", "茶园", "采茶", "渡口", "大青石", "外婆", "灶膛", "明前茶",
}

// Issue generates an issue of about size bytes in the Markdown form of
// the sample: a masthead, pages, articles with kickers, subtitles,
// bylines, paragraphs (some broken mid-word), jump lines, tables and
// lists.
func Issue(size int) []byte {
	var b bytes.Buffer
	b.WriteString("中共青溪市委员会主管\n中共青溪市委员会主办\n\nQINGXI DAILY\n\n青溪日报社出版\n\n国内统一连续出版物号 CN 36-0127\n\n")
	b.WriteString("2024年3月8日 星期五 农历甲辰年正月廿八 官方网站:青溪新闻网\n\n今日八版\n\n第12846号\n\n")
	seed := uint32(1)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	sentence := func() string {
		var s strings.Builder
		n := 4 + next(10)
		for i := 0; i < n; i++ {
			s.WriteString(words[next(len(words))])
			switch next(6) {
			case 0:
				s.WriteString(",")
			case 1:
				s.WriteString("、")
			}
		}
		s.WriteString("。")
		return s.String()
	}
	// Twelve articles a page, more in issues so large that the pages
	// would pass 999 (which is no page number): the 50 MB issue must be
	// as much an issue as the 1 MB one for the benchmarks to compare.
	perPage := 12 * (1 + size/(16<<20))
	page, art := 0, 0
	for b.Len() < size {
		if art%perPage == 0 {
			page++
			fmt.Fprintf(&b, "# 第%d版 要闻\n\n", page)
		}
		art++
		if art%5 == 0 {
			b.WriteString("### 市政府常务会议研究部署\n\n")
		}
		fmt.Fprintf(&b, "## %s%s第%d篇\n\n", words[next(len(words))], words[next(len(words))], art)
		if art%3 == 0 {
			b.WriteString("沿岸12个村居共享绿色红利 市民步行15分钟可达滨水空间\n\n")
		}
		b.WriteString("本报讯(记者 林晓帆 通讯员 周一鸣)")
		paras := 4 + next(8)
		for p := 0; p < paras; p++ {
			for k := 1 + next(6); k > 0; k-- {
				b.WriteString(sentence())
			}
			if p == 2 && art%4 == 0 {
				b.WriteString("同步推进雨污分流和燃气管\n\n网更新,让老街区用得上新设施。")
			}
			if p == paras-1 && art%7 == 0 {
				fmt.Fprintf(&b, "(下转第%d版)", page+1)
			}
			b.WriteString("\n\n")
			if p == 1 && art%9 == 0 {
				b.WriteString("| 项目 | 投资(亿元) |\n| --- | --- |\n| 青溪5G产业园 | 42.0 |\n| 三江口枢纽 | 35.5 |\n\n")
			}
			if p == 1 && art%11 == 0 {
				b.WriteString("- 滨江公园:早樱已开七成\n- 云岭茶园:油菜花与茶垄相间\n\n")
			}
		}
	}
	return b.Bytes()
}
