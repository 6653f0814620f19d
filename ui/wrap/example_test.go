package wrap_test

import (
	"fmt"
	"strings"

	"dubao/ui/wrap"
)

func ExampleLines() {
	text := "本市今年前10个月完成投资3000亿元，同比增长5.8%。“这是好兆头”，他说。"
	for _, l := range wrap.Lines(text, wrap.Options{Width: 16, Indent: 4}) {
		fmt.Printf("%s%s|\n", strings.Repeat(" ", l.Indent), l.Text(text))
	}
	// Output:
	//     本市今年前10|
	// 个月完成投资3000|
	// 亿元，同比增长|
	// 5.8%。“这是好兆|
	// 头”，他说。|
}

func ExampleParagraph() {
	p := wrap.NewParagraph("青溪河生态廊道全线贯通，市民步行15分钟可达滨水空间。")
	for _, w := range []int{20, 12} {
		for _, l := range p.Lines(wrap.Options{Width: w}) {
			fmt.Println(l.Text(p.Text()))
		}
		fmt.Println("--")
	}
	// Output:
	// 青溪河生态廊道全线贯
	// 通，市民步行15分钟可
	// 达滨水空间。
	// --
	// 青溪河生态廊
	// 道全线贯通，
	// 市民步行15分
	// 钟可达滨水空
	// 间。
	// --
}

func ExampleSplitSpans() {
	text := "搜索结果：青溪日报今日出版"
	lines := wrap.Lines(text, wrap.Options{Width: 14})
	hit := wrap.Span{Start: strings.Index(text, "青溪日报"), End: strings.Index(text, "今日"), Style: 1}
	for i, spans := range wrap.SplitSpans(text, []wrap.Span{hit}, lines) {
		line := lines[i].Text(text)
		for _, s := range spans {
			fmt.Printf("%s [%s]\n", line, line[s.Start:s.End])
		}
	}
	// Output:
	// 搜索结果：青溪 [青溪]
	// 日报今日出版 [日报]
}

func ExampleTruncate() {
	fmt.Println(wrap.Truncate("习作：青溪河畔的春天来了", 12, false))
	// Output:
	// 习作：青溪…
}
