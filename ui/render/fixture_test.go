package render

import "dubao/issue"

// fixture returns an article with every kind of piece (fictional text).
func fixture() *issue.Article {
	return &issue.Article{
		N:        3,
		Kicker:   "春耕时节",
		Title:    "青溪河畔的新农人",
		Subtitle: "——记返乡创业青年许知远",
		Byline:   "本报讯(记者 林晓帆)",
		// the byline opens the first paragraph
		BylineInline: true,
		Paragraphs: []string{
			"3月7日清晨,薄雾还没散尽,许知远已经站在自家的育秧大棚里。“今年的秧苗比去年壮实,”他说,“用了新的温控系统。”",
			"三年前,他辞去城里的工作回到柳湾村,承包了120亩撂荒地。起初村里人并不看好:一个读了十几年书的年轻人,真能种好地?(下转第三版)",
			"如今,他的合作社已经带动37户村民增收,去年人均多收入1.2万元。",
			"他打算明年试种富硒水稻,并且把加工环节也留在村里,让",
		},
		Blocks: []issue.Block{
			{After: 1, Kind: issue.BlockHeading, Text: "从“门外汉”到“土专家”"},
			{After: 2, Kind: issue.BlockQuote, Text: "种地也要讲科学,数据不会骗人。"},
			{After: 2, Kind: issue.BlockList, Items: []string{"育秧:温控大棚", "插秧:无人机测绘后机插"}},
			{After: 3, Kind: issue.BlockTable, Rows: [][]string{{"年份", "亩产(公斤)"}, {"2022", "480"}, {"2023", "552"}}},
			{After: 4, Kind: issue.BlockImage, Alt: "许知远在查看秧苗", Text: "图为许知远在大棚里查看秧苗长势。 本报记者 林晓帆 摄"},
		},
		Jumps: []issue.Jump{
			{Page: 3, Text: "(下转第三版)", Dir: issue.JumpTo, Para: 1, Offset: len("三年前,他辞去城里的工作回到柳湾村,承包了120亩撂荒地。起初村里人并不看好:一个读了十几年书的年轻人,真能种好地?")},
			// the seam of a continuation stitched on: after paragraph 2
			{Page: 2, Text: "(下转第二版)", Dir: issue.JumpTo, Para: 2, Offset: len("如今,他的合作社已经带动37户村民增收,去年人均多收入1.2万元。"), Stitched: true},
			{Page: 1, Text: "(上接第一版)", Dir: issue.JumpFrom, Para: 2, Offset: len("如今,他的合作社已经带动37户村民增收,去年人均多收入1.2万元。"), Stitched: true},
		},
		Cut: []int{3},
	}
}
