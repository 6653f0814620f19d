package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// input returns the path of the generated input name in the work folder,
// writing it with gen when it is not there yet.
func (b *bench) input(name string, gen func(w *bufio.Writer)) (string, error) {
	p := filepath.Join(b.opt.work, name)
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	b.log("writing %s", p)
	tmp := p + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	gen(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return p, os.Rename(tmp, p)
}

// tinyIssue is the attack trial's issue of a million tiny articles, one
// page of a title and a one-character body each (21 MB).
func (b *bench) tinyIssue() (string, error) {
	return b.input("tiny-1m.md", func(w *bufio.Writer) {
		fmt.Fprint(w, "# 第一版 要闻\n\n")
		for i := range 1_000_000 {
			fmt.Fprintf(w, "## 题%d\n\n文。\n\n", i)
		}
	})
}

// tableIssue is an article holding a table of 200,000 rows (4.8 MB).
func (b *bench) tableIssue() (string, error) {
	return b.input("table-200k.md", func(w *bufio.Writer) {
		fmt.Fprint(w, "# 第1版 要闻\n\n## 全市各区数据一览\n\n本报讯 下表列出各项数据。\n\n| 序号 | 地区 | 数值 |\n|---|---|---|\n")
		for i := range 200_000 {
			fmt.Fprintf(w, "| %d | 区%d | %d |\n", i, i%97, i*7%1000)
		}
	})
}

// sentences make the ordinary issue (fictional text).
var sentences = []string{
	"清晨的河岸边，早起的人们沿着新修的步道慢跑，白鹭从芦苇丛里飞起。",
	"今年以来，全市新建口袋公园%d个，改造老旧小区一百多个。",
	"“这条路修好以后，我们卖菜方便多了。”村民老李笑着说。",
	"据介绍，项目总投资%d亿元，预计明年年底完工。",
	"记者在现场看到，工人们正在铺设管网，机器轰鸣，一派繁忙。",
	"社区图书角本周新到图书%d册，其中一半是儿童绘本。",
}

// ordinaryIssue is a 10 MB issue of ordinary articles: pages of 40
// articles, each a title, a byline and 3 to 12 paragraphs.
func (b *bench) ordinaryIssue() (string, error) {
	return b.input("ordinary-10mb.md", func(w *bufio.Writer) {
		fmt.Fprint(w, "星河日报\n\n2024年3月8日 星期五\n\n")
		size, n := 0, 0
		for page := 1; size < 10<<20; page++ {
			s := fmt.Sprintf("# 第%d版 要闻\n\n", page)
			for a := 0; a < 40 && size < 10<<20; a++ {
				n++
				s += fmt.Sprintf("## 第%d篇稿件的标题\n\n本报讯（记者 林晓帆）", n)
				for p := range 3 + n%10 {
					for k := range 4 {
						line := sentences[(n+p+k)%len(sentences)]
						s += fmt.Sprintf(line, n%90+p+k)
					}
					s += "\n\n"
				}
			}
			size += len(s)
			w.WriteString(s)
		}
	})
}
