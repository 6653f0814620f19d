// Package issue models one issue of a newspaper — its masthead, its pages
// (版面) and their articles — and parses it from the bytes of a text file.
//
// The package knows nothing of terminals: it turns bytes into plain Go data
// with JSON tags, and everything else in dubao reads that data. It holds
// the text/Markdown codec whole — the parser and its writer
// (WriteMarkdown, Article.Markdown), which reads back to the same issue —
// so that the syntax both sides share (front matter, the comments of
// stitched jumps and repeated articles, the escapes of lines the parser
// would misread) is defined once. Other input formats live in
// issue/source and its packages, other output formats in issue/export.
package issue

// Issue is one issue of a daily paper: the masthead data and its sections.
type Issue struct {
	Paper      string `json:"paper"`                // 衡阳日报
	PaperEn    string `json:"paper_en"`             // HENGYANG DAILY
	Date       string `json:"date"`                 // YYYY-MM-DD, empty if unknown
	Weekday    string `json:"weekday"`              // 星期四
	Lunar      string `json:"lunar"`                // 农历癸卯年十一月初九
	Number     int    `json:"number"`               // 第18730号 → 18730
	Pages      int    `json:"pages"`                // 今日八版 → 8
	Serial     string `json:"serial"`               // CN 43-0004
	Website    string `json:"website"`              // 衡阳全搜索网
	Supervisor string `json:"supervisor,omitempty"` // 中共衡阳市委员会 (…主管)
	Sponsor    string `json:"sponsor,omitempty"`    // 中共衡阳市委员会 (…主办)
	Publisher  string `json:"publisher,omitempty"`  // 衡阳日报社 (…出版)

	// Masthead holds the masthead lines that were not recognised as one of
	// the fields above, so that no text of the source is lost.
	Masthead []string `json:"masthead,omitempty"`

	// Encoding is the name of the character encoding the source was decoded
	// from ("UTF-8", "GB18030", "UTF-16LE", "Big5", …).
	Encoding string `json:"encoding"`
	// Invalid counts the invalid byte sequences replaced by U+FFFD.
	Invalid int `json:"invalid,omitempty"`

	Sections []Section `json:"sections"`
}

// Section is one page (版面) of the issue. Articles is empty for an ad page
// (Ad), for a page of which the source gives only the name, and for a page
// that only repeats articles kept on an earlier page (Repeats).
type Section struct {
	Page int    `json:"page"` // 0 if unknown (shown as 版次不详, never made up)
	Name string `json:"name"` // 要闻, 综合新闻, …
	Ad   bool   `json:"ad,omitempty"`
	// TitlesOnly says that the source gave only the titles of the page's
	// articles (an e-paper layout page read without its article pages).
	TitlesOnly bool `json:"titles_only,omitempty"`
	// Repeats are the articles this page printed again in full that the
	// issue keeps once, on the earlier page where they first stood: the
	// page reads 见第1版 for each, and is no ad page.
	Repeats []Repeat `json:"repeats,omitempty"`
	// Articles stays the last field: the JSON writer streams it.
	Articles []Article `json:"articles"`
}

// Repeat names an article printed again on a later page: the page and the
// title where the issue keeps it.
type Repeat struct {
	Page  int    `json:"page"`
	Title string `json:"title"`
}

// Article is one article: its headings, byline and body.
type Article struct {
	N        int    `json:"n"`        // 1-based over the whole issue, in document order
	Kicker   string `json:"kicker"`   // 引题, the line above the title
	Title    string `json:"title"`    // 主题
	Subtitle string `json:"subtitle"` // 副题, the line(s) below the title
	Byline   string `json:"byline"`   // 新华社北京12月20日电, 本报讯(记者 …), …
	// BylineEnd is true when the byline closes the article instead of
	// opening it: (新华社北京10月1日电 记者…) after the last paragraph.
	BylineEnd bool `json:"byline_end,omitempty"`
	// BylineInline is true when the byline opened the text of the first
	// paragraph (本报讯(记者 …)12月20日…, 新华社北京…电 …): it reads run in,
	// right before Paragraphs[0] and after any block anchored before it.
	// Otherwise the byline stood on a line of its own (□ 李晓梅, a quote
	// under the title) before the body.
	BylineInline bool `json:"byline_inline,omitempty"`

	// Paragraphs are the prose paragraphs, the byline removed from the first.
	// Inline markup is not part of the text (see Span): **强调** is 强调.
	Paragraphs []string `json:"paragraphs"`
	// Spans mark emphasis, code and links inside the paragraphs
	// (Span.Para), in order of paragraph and start.
	Spans []Span `json:"spans,omitempty"`
	// Blocks are the non-prose parts of the body (crossheads, quotes, lists,
	// tables, images), each anchored after a number of paragraphs.
	Blocks []Block `json:"blocks,omitempty"`
	// Jumps are the jump lines of the article: (下转第七版), (上接第一版), (详见二版).
	Jumps []Jump `json:"jumps"`
	// Cut lists the indexes of paragraphs that end cut off by the page
	// layout: their text breaks off mid-sentence and the rest is not in the issue.
	Cut []int `json:"cut,omitempty"`
	// Continued lists the pages the article was continued on, when its
	// continuation was found in the issue and stitched onto it.
	Continued []int `json:"continued,omitempty"`
}

// BlockKind says what a Block holds.
type BlockKind string

// The kinds of Block. Every kind but list, table and image keeps its text
// in Block.Text, as printed.
const (
	BlockHeading BlockKind = "heading" // a crosshead (小标题) inside the body: 奋斗创造历史, （一）序曲：…, 一、…
	BlockQuote   BlockKind = "quote"   // a block quote
	BlockList    BlockKind = "list"    // a bulleted or numbered list
	BlockTable   BlockKind = "table"   // a table; Rows[0] is the header row
	BlockImage   BlockKind = "image"   // an image with its caption (图为…/…摄)
	BlockCode    BlockKind = "code"    // a fenced code block: Text verbatim, its lines joined by \n

	// BlockAttribution names who said the quote or the paragraph above it:
	// ——习近平.
	BlockAttribution BlockKind = "attribution"
	// BlockPhotoCredit credits a photograph printed with the text: 本报记者
	// 李  舸摄, 新华社记者 张三摄.
	BlockPhotoCredit BlockKind = "photo_credit"
	// BlockLayoutCredit credits the page's makers: 版式设计：郭  祥,
	// 本版责编：…, 制图：….
	BlockLayoutCredit BlockKind = "layout_credit"
	// BlockByline is a byline that closes one part of an article made of
	// several reports, each under its crosshead: （本报记者  游  仪）. An
	// article's own byline is Article.Byline.
	BlockByline BlockKind = "byline"
)

// Block is a non-prose part of an article body.
type Block struct {
	// After is the number of paragraphs that precede the block.
	After   int       `json:"after"`
	Kind    BlockKind `json:"kind"`
	Text    string    `json:"text,omitempty"`    // heading, quote, code, credit, attribution or byline text; image caption
	Items   []string  `json:"items,omitempty"`   // list items
	Ordered bool      `json:"ordered,omitempty"` // numbered list
	// Marker is a list's bullet as printed when it is a glyph (■ ● ◆ ▲ ▶
	// •); empty for Markdown's - * + and for numbered lists.
	Marker string `json:"marker,omitempty"`
	// Levels holds the nesting depth of each list item (0 for the top
	// level); nil when every item is at the top level.
	Levels []int      `json:"levels,omitempty"`
	Rows   [][]string `json:"rows,omitempty"` // table cells, header row first
	Src    string     `json:"src,omitempty"`  // image address
	Alt    string     `json:"alt,omitempty"`  // image alternative text
	Lang   string     `json:"lang,omitempty"` // code: the info string of the fence (go, json, …)
	// Spans mark emphasis, code and links inside Text (a heading, a quote,
	// an image caption), inside Items[Span.Row] or inside
	// Rows[Span.Row][Span.Col].
	Spans []Span `json:"spans,omitempty"`
}

// SpanKind says what a Span marks.
type SpanKind string

// The kinds of Span.
const (
	SpanStrong SpanKind = "strong" // **加粗**, __加粗__
	SpanEm     SpanKind = "em"     // *强调*, _强调_
	SpanCode   SpanKind = "code"   // `代码`
	SpanLink   SpanKind = "link"   // [文字](地址), <https://…>: Href is the address
)

// Span marks bytes [Start, End) of a text as emphasised, code or a link.
// The markup itself is not in the text: the inline policy of dubao is that
// emphasis marks, backticks and link brackets are dropped from the text
// (which reads, searches and counts as printed) and kept here, for the
// reader to show as bold, italic or a link with its address. Spans may
// nest (a link in bold) but never cross.
type Span struct {
	Kind SpanKind `json:"kind"`
	// Para is the paragraph (Article.Spans); Row the list item or table row
	// and Col the table column (Block.Spans).
	Para  int    `json:"para,omitempty"`
	Row   int    `json:"row,omitempty"`
	Col   int    `json:"col,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Href  string `json:"href,omitempty"` // a link's address, as written
}

// JumpDir says which way a jump line points.
type JumpDir string

// The directions of a Jump.
const (
	JumpTo   JumpDir = "to"   // (下转第七版), (转第N版): the article continues there
	JumpFrom JumpDir = "from" // (上接第一版): this is the continuation of an article there
	JumpSee  JumpDir = "see"  // (详见二版): related text there
)

// Jump is a jump line: a reference from an article to another page.
type Jump struct {
	Page int     `json:"page"` // target page, 0 if unknown
	Text string  `json:"text"` // as printed, with its brackets
	Dir  JumpDir `json:"dir"`
	// Para and Offset locate Text inside Paragraphs[Para] (byte offset)
	// while the jump line is still part of the prose.
	//
	// A Stitched jump has been taken out of the prose (its text lives only
	// here) when its continuation was stitched on, and Para and Offset
	// mark the seam, where the page break was: Paragraphs[Para][:Offset]
	// is the text before it. The seam is inside the paragraph when the
	// continuation's first paragraph was joined to one cut mid-sentence,
	// at its end (Offset = len(Paragraphs[Para])) when the continuation
	// starts a paragraph of its own, and at the start of paragraph 0
	// (Offset 0) when no text came before it. Para and Offset are −1 only
	// when the article has no paragraph. Both jump lines of a seam, to
	// then from, carry the same place; Pieces shows them there.
	Para     int  `json:"para"`
	Offset   int  `json:"offset"`
	Stitched bool `json:"stitched,omitempty"`
}

// Articles returns pointers to every article of the issue in order.
func (is *Issue) Articles() []*Article {
	var out []*Article
	for s := range is.Sections {
		for a := range is.Sections[s].Articles {
			out = append(out, &is.Sections[s].Articles[a])
		}
	}
	return out
}

// Article returns the article numbered n and its section, or nil, nil.
func (is *Issue) Article(n int) (*Article, *Section) {
	for s := range is.Sections {
		sec := &is.Sections[s]
		for a := range sec.Articles {
			if sec.Articles[a].N == n {
				return &sec.Articles[a], sec
			}
		}
	}
	return nil, nil
}

// Count returns the number of articles in the issue.
func (is *Issue) Count() int {
	n := 0
	for _, s := range is.Sections {
		n += len(s.Articles)
	}
	return n
}
