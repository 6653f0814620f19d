package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/issue"
	"dubao/ui/styles"
)

// structured is an article with every kind of block of the fidelity
// issue (#13) and inline spans.
func structured() *issue.Article {
	span := func(kind issue.SpanKind, para int, text, in, href string) issue.Span {
		i := strings.Index(in, text)
		return issue.Span{Kind: kind, Para: para, Start: i, End: i + len(text), Href: href}
	}
	p0, p1 := "城南社区的邻里小站本周开门迎客，见网址：nz.example/…。", "小站的借用表要填写工具编号。"
	return &issue.Article{
		Title: "城南社区开通邻里小站",
		Paragraphs: []string{
			p0,
			p1,
			"一个人的力量是有限的，众人拾柴火焰高。",
			"社区计划下月再开两处小站。",
		},
		Spans: []issue.Span{
			span(issue.SpanStrong, 0, "邻里小站", p0, ""),
			span(issue.SpanLink, 0, "网址：nz.example/…", p0, "https://nz.example/a"),
			span(issue.SpanCode, 1, "工具编号", p1, ""),
		},
		Blocks: []issue.Block{
			{After: 0, Kind: issue.BlockList, Items: []string{"要点一", "要点二"}, Marker: "■"},
			{After: 1, Kind: issue.BlockHeading, Text: "一站多用"},
			{After: 2, Kind: issue.BlockCode, Text: "第一行\n  第二行", Lang: "text"},
			{After: 3, Kind: issue.BlockAttribution, Text: "——某街道干部"},
			{After: 3, Kind: issue.BlockPhotoCredit, Text: "本报记者  林晓禾摄"},
			{After: 4, Kind: issue.BlockByline, Text: "（本报记者  林晓禾）"},
			{After: 4, Kind: issue.BlockLayoutCredit, Text: "版式设计：郭  禾"},
		},
	}
}

// TestStructureShown: the new block kinds and spans are shown, each on
// lines of its own, in the plain and the styled layouts, and never as raw
// markup; ■ is kept as printed; a link's address shows with --links.
func TestStructureShown(t *testing.T) {
	a := structured()
	plain := Plain(a, Options{})
	for _, want := range []string{
		"■ 要点一\n■ 要点二\n", "\n一站多用\n", "\n第一行\n  第二行\n", "\n——某街道干部\n",
		"\n本报记者  林晓禾摄\n", "\n（本报记者  林晓禾）\n", "\n版式设计：郭  禾\n",
		"城南社区的邻里小站本周开门迎客，见网址：nz.example/…。\n", "填写工具编号。",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("plain output lacks %q:\n%s", want, plain)
		}
	}
	if strings.Contains(plain, "https://") || strings.Contains(plain, "•") {
		t.Errorf("plain output shows an address or another bullet:\n%s", plain)
	}
	links := Plain(a, Options{Links: true})
	if !strings.Contains(links, "见网址：nz.example/… <https://nz.example/a>。") {
		t.Errorf("--links output:\n%s", links)
	}
	styled := ansi.Strip(New(styles.New(true)).Styled(a, Options{Width: 60}))
	for _, want := range []string{"■ 要点一", "一站多用", "——某街道干部", "本报记者  林晓禾摄", "版式设计：郭  禾", "<https://nz.example/a>"} {
		if !strings.Contains(styled, want) {
			t.Errorf("styled output lacks %q:\n%s", want, styled)
		}
	}
}

// TestSpanRoles: the text of spans gets its own role, so the reader can
// show it bold, italic, as code or as a link.
func TestSpanRoles(t *testing.T) {
	l := newLayout(structured(), Options{Width: 80}, nil)
	roles := map[Role]string{}
	for _, ln := range l.All() {
		for _, s := range ln.Spans {
			roles[s.Role] += ln.Text[s.Start:s.End]
		}
	}
	for role, want := range map[Role]string{
		RoleStrong: "邻里小站", RoleLink: "网址：nz.example/…", RoleCode: "工具编号第一行  第二行",
		RoleAttribution: "——某街道干部", RoleCredit: "本报记者  林晓禾摄版式设计：郭  禾",
		RoleLinkAddr: "<https://nz.example/a>",
	} {
		if got := strings.TrimSpace(roles[role]); got != want {
			t.Errorf("role %d: %q, want %q", role, got, want)
		}
	}
}
