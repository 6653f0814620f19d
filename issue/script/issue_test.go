package script

import (
	"encoding/json"
	"strings"
	"testing"

	"dubao/issue"
)

// parseSample parses a sample issue of the repository's testdata.
func parseSample(t *testing.T, name string) *issue.Issue {
	t.Helper()
	is, err := issue.Parse(strings.NewReader(sampleText(t, name)), issue.Options{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return is
}

// snapshot returns is as JSON, to check that it was not changed.
func snapshot(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestArticleMapped(t *testing.T) {
	for _, tt := range []struct {
		sample string
		c      Conversion
	}{
		{"hk-sample.md", HK2S}, {"hk-sample.md", T2S}, {"sample.md", S2TWP}, {"sample.md", S2HK},
	} {
		is := parseSample(t, tt.sample)
		before := snapshot(t, is)
		cv, err := Load(tt.c)
		if err != nil {
			t.Fatal(err)
		}
		changed := 0
		for _, a := range is.Articles() {
			conv, maps := ArticleMapped(a, cv)
			src, dst := a.Pieces(), conv.Pieces()
			if len(src) != len(dst) || len(maps) != len(src) {
				t.Fatalf("%s %s #%d: %d pieces, %d converted, %d maps", tt.sample, tt.c, a.N, len(src), len(dst), len(maps))
			}
			for i := range src {
				if src[i].Kind != dst[i].Kind || src[i].Para != dst[i].Para || src[i].Block != dst[i].Block {
					t.Errorf("%s #%d piece %d: %+v became %+v", tt.sample, a.N, i, src[i], dst[i])
				}
				if want := cv.Convert(src[i].Text); dst[i].Text != want {
					t.Errorf("%s #%d piece %d = %q, want %q", tt.sample, a.N, i, dst[i].Text, want)
				}
				if maps[i].Source != src[i].Text || maps[i].Text != dst[i].Text {
					t.Errorf("%s #%d: map %d is not of piece %d", tt.sample, a.N, i, i)
				}
				if dst[i].Text != src[i].Text {
					changed++
				}
			}
			for _, cv := range []*Converter{cv, cv.WithFullWidthPunct(), (*Converter)(nil).WithFullWidthPunct()} {
				conv, _ := ArticleMapped(a, cv)
				if plain := Article(a, cv); snapshot(t, plain) != snapshot(t, conv) {
					t.Errorf("%s #%d: Article and ArticleMapped differ", tt.sample, a.N)
				}
			}
		}
		if changed == 0 {
			t.Errorf("%s: %s changed no piece", tt.sample, tt.c)
		}
		if snapshot(t, is) != before {
			t.Errorf("%s: converting changed the issue", tt.sample)
		}
	}
}

// TestArticleJumpOffsets converts an article whose paragraph changes
// length before its jump line: the jump's offset still points at it.
func TestArticleJumpOffsets(t *testing.T) {
	para := "用互联网看内存（下转第三版）"
	at := strings.Index(para, "（")
	a := &issue.Article{N: 1, Title: "内存", Paragraphs: []string{para},
		Jumps: []issue.Jump{{Page: 3, Text: "（下转第三版）", Dir: issue.JumpTo, Para: 0, Offset: at}}}
	cv, err := Load(S2TWP)
	if err != nil {
		t.Fatal(err)
	}
	conv := Article(a, cv)
	j := conv.Jumps[0]
	if got := conv.Paragraphs[0][j.Offset:]; got != j.Text {
		t.Errorf("converted jump at %d: %q, want %q", j.Offset, got, j.Text)
	}
	if a.Jumps[0].Offset != at {
		t.Error("the source's jump moved")
	}
	var none *Converter
	if Article(a, none) != a {
		t.Error("Article with no converter is not the article")
	}
	if _, maps := ArticleMapped(a, none); len(maps) != 2 || maps[1].ToText(3) != 3 {
		t.Errorf("identity maps: %+v", maps)
	}
}

// TestArticleSpans converts an article with emphasis, links and code:
// the spans still cover their words, after phrases that change length;
// code blocks and addresses are kept.
func TestArticleSpans(t *testing.T) {
	para := "用互联网看内存，头发要干燥。"
	bold := strings.Index(para, "头发")
	item := "访问互联网主页"
	link := strings.Index(item, "主页")
	a := &issue.Article{N: 1, Title: "内存", Paragraphs: []string{para},
		Spans: []issue.Span{{Kind: issue.SpanStrong, Para: 0, Start: bold, End: bold + len("头发")}},
		Blocks: []issue.Block{
			{After: 1, Kind: issue.BlockList, Items: []string{"内存", item},
				Spans: []issue.Span{{Kind: issue.SpanLink, Row: 1, Start: link, End: link + len("主页"), Href: "https://example.org/内存"}}},
			{After: 1, Kind: issue.BlockCode, Text: "// 内存\nx := 1"},
		}}
	cv, err := Load(S2TWP)
	if err != nil {
		t.Fatal(err)
	}
	conv, maps := ArticleMapped(a, cv)
	if sp := conv.Spans[0]; conv.Paragraphs[0][sp.Start:sp.End] != "頭髮" {
		t.Errorf("bold span covers %q", conv.Paragraphs[0][sp.Start:sp.End])
	}
	b := conv.Blocks[0]
	if sp := b.Spans[0]; b.Items[1][sp.Start:sp.End] != "主頁" || sp.Href != "https://example.org/内存" {
		t.Errorf("link span covers %q → %s", b.Items[1][sp.Start:sp.End], sp.Href)
	}
	if conv.Blocks[1].Text != a.Blocks[1].Text {
		t.Errorf("code converted: %q", conv.Blocks[1].Text)
	}
	for i, p := range conv.Pieces() {
		if maps[i].Text != p.Text {
			t.Errorf("map %d is not of piece %d (%q)", i, i, p.Text)
		}
	}
	if a.Spans[0].Start != bold || a.Blocks[0].Spans[0].Start != link {
		t.Error("the source's spans moved")
	}
}

func TestIssueAndDetectIssue(t *testing.T) {
	hk := parseSample(t, "hk-sample.md")
	simp := parseSample(t, "sample.md")
	if got := DetectIssue(hk); got != Traditional {
		t.Errorf("DetectIssue(hk-sample) = %v", got)
	}
	if got := DetectIssue(simp); got != Simplified {
		t.Errorf("DetectIssue(sample) = %v", got)
	}
	before := snapshot(t, hk)
	cv, _ := Load(HK2S)
	conv := Issue(hk, cv)
	if snapshot(t, hk) != before {
		t.Error("Issue changed its source")
	}
	if conv.Paper != cv.Convert(hk.Paper) || conv.Paper == hk.Paper {
		t.Errorf("paper %q → %q", hk.Paper, conv.Paper)
	}
	if conv.Sections[0].Name != "要闻" {
		t.Errorf("page name %q", conv.Sections[0].Name)
	}
	if got := DetectIssue(conv); got != Simplified {
		t.Errorf("DetectIssue(converted) = %v", got)
	}
	if Issue(hk, nil) != hk {
		t.Error("Issue with no converter is not the issue")
	}
}
