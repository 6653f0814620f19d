package issue

import (
	"bytes"
	"strings"
	"testing"
)

// Tests of the defects found reading real archives (issue #13), each on a
// fixture of our own with the shape of the real data.

// TestGB18030ParagraphMark: FD A3 (U+E40C) separates paragraphs, decoded
// without damage (item 1).
func TestGB18030ParagraphMark(t *testing.T) {
	path := samplePath(t, "issues/gb18030-pua.txt")
	is := mustOpen(t, path, Options{})
	if is.Encoding != "GB18030" || is.Invalid != 0 {
		t.Errorf("encoding %s, %d invalid", is.Encoding, is.Invalid)
	}
	a := is.Articles()[0]
	if len(a.Paragraphs) != 3 {
		t.Fatalf("%d paragraphs, want 3: %q", len(a.Paragraphs), a.Paragraphs)
	}
	for _, p := range a.Paragraphs {
		if strings.ContainsAny(p, "\ufffd\ue40c") {
			t.Errorf("paragraph %q", p)
		}
	}
	if err := checkLossless(decoded(t, path), is); err != nil {
		t.Error(err)
	}
}

// archive20250110 opens the fixture folder of the archive form.
func archive20250110(t *testing.T) *Issue {
	t.Helper()
	return mustOpen(t, samplePath(t, "issues/archive-20250110"), Options{})
}

// TestArchiveLinesAreParagraphs: in the per-article archive form every
// line is a paragraph; an unindented line after one that ends open is not
// glued onto it (item 2).
func TestArchiveLinesAreParagraphs(t *testing.T) {
	is := archive20250110(t)
	for _, a := range is.Articles() {
		for _, p := range a.Paragraphs {
			if strings.Contains(p, "禾秘书长") || strings.Contains(p, "贺电南州籍") {
				t.Errorf("article %d: lines glued: %q", a.N, p)
			}
		}
	}
	a := articleByTitle(t, is, "市委市政府致电祝贺极地科考队凯旋")
	want := []string{"南州市委南州市人民政府致南州籍极地科考队圆满完成第十次科考任务的贺电", "南州籍极地科考队全体同志："}
	found := 0
	for _, p := range a.Paragraphs {
		for _, w := range want {
			if p == w {
				found++
			}
		}
	}
	if found != 2 {
		t.Errorf("the letter's title and salutation are not paragraphs of their own: %q", a.Paragraphs)
	}
}

// TestDatelineWithoutPlace: 新华社电  （记者…） and 本报电 open the text as
// datelines do (item 3).
func TestDatelineWithoutPlace(t *testing.T) {
	for _, tt := range []struct{ in, byline, rest string }{
		{"新华社电\u00a0\u00a0（记者赵洪南）“今年来得早。”护鸟员说。", "新华社电\u00a0\u00a0（记者赵洪南）", "“今年来得早。”护鸟员说。"},
		{"本报电\u00a0\u00a0市农业农村局日前组织服务队下乡。", "本报电", "市农业农村局日前组织服务队下乡。"},
		{"新华社电 （记者 甲）正文。", "新华社电 （记者 甲）", "正文。"},
	} {
		b, rest, ok := splitLeadByline(tt.in)
		if !ok || b != tt.byline || rest != tt.rest {
			t.Errorf("splitLeadByline(%q) = %q, %q, %v", tt.in, b, rest, ok)
		}
	}
	for _, s := range []string{"本报电视台今天开播。", "新华社电讯稿说明了情况。", "本报电话：123。"} {
		if b, _, ok := splitLeadByline(s); ok {
			t.Errorf("splitLeadByline(%q) found byline %q", s, b)
		}
	}
	is := archive20250110(t)
	if a := articleByTitle(t, is, "江心洲湿地迎来首批越冬候鸟"); a.Byline != "新华社电\u00a0\u00a0（记者赵洪南）" || !strings.HasPrefix(a.Paragraphs[0], "“今年") {
		t.Errorf("byline %q, paragraph 0 %q", a.Byline, a.Paragraphs[0])
	}
	if a := articleByTitle(t, is, "农技服务队下乡"); a.Byline != "本报电" || !strings.HasPrefix(a.Paragraphs[0], "市农业农村局") {
		t.Errorf("byline %q, paragraph 0 %q", a.Byline, a.Paragraphs[0])
	}
}

// blockTexts lists the blocks of an article as "kind:text".
func blockTexts(a *Article) []string {
	var out []string
	for _, b := range a.Blocks {
		text := b.Text
		if b.Kind == BlockList {
			text = b.Marker + strings.Join(b.Items, "|")
		}
		out = append(out, string(b.Kind)+":"+text)
	}
	return out
}

// TestArchiveBodyBlocks: short unpunctuated lines inside the body are
// crossheads; quote attributions, photo and layout credits and the
// bylines closing each part are blocks of their own kind; ■ stays the
// list's bullet (items 4 and 13).
func TestArchiveBodyBlocks(t *testing.T) {
	is := archive20250110(t)
	nbsp := "\u00a0\u00a0"
	for _, tt := range []struct {
		title  string
		blocks []string
		paras  int
	}{
		{"纪念大会在望江广场举行", []string{
			"list:■八百年来，南州人民依江而居、因水而兴，走出了一条开放包容的发展之路|新时代的南州，要在高质量发展中续写江城故事",
			"heading:秘书长", "heading:江城记忆", "heading:面向未来"}, 7},
		{"走过望江广场，我们无比自豪", []string{
			"attribution:——南州市民代表", "heading:手中的灯笼亮了八百年", "byline:（本报记者" + nbsp + "吴嘉禾）",
			"heading:老船工的新渡口", "byline:（本报记者" + nbsp + "郑一帆）",
			"photo_credit:本报记者" + nbsp + "陈" + nbsp + "润摄", "layout_credit:版式设计：何" + nbsp + "秋"}, 4},
		{"图片报道", []string{"photo_credit:本报记者" + nbsp + "沈" + nbsp + "禾摄"}, 1},
	} {
		a := articleByTitle(t, is, tt.title)
		if got := blockTexts(a); strings.Join(got, "\n") != strings.Join(tt.blocks, "\n") || len(a.Paragraphs) != tt.paras {
			t.Errorf("%s: blocks\n%s\nwant\n%s\nparagraphs %q", tt.title, strings.Join(got, "\n"), strings.Join(tt.blocks, "\n"), a.Paragraphs)
		}
	}
}

// TestArchiveRepeatedPage: a page whose article is a copy of one on an
// earlier page shows as repeating it, not as an ad page (item 14).
func TestArchiveRepeatedPage(t *testing.T) {
	is := archive20250110(t)
	var p5 *Section
	for i := range is.Sections {
		if is.Sections[i].Page == 5 {
			p5 = &is.Sections[i]
		}
	}
	if p5 == nil {
		t.Fatal("no page 5")
	}
	if p5.Ad || len(p5.Articles) != 0 || len(p5.Repeats) != 1 || p5.Repeats[0] != (Repeat{Page: 1, Title: "纪念大会在望江广场举行"}) {
		t.Errorf("page 5: %+v", *p5)
	}
}

// TestArchiveFileAlone: one file of the archive form opened alone has the
// date and the page of its name, and reads as in its folder (item 9).
func TestArchiveFileAlone(t *testing.T) {
	path := samplePath(t, "issues/archive-20250110/20250110-02-02.txt")
	is := mustOpen(t, path, Options{})
	if is.Date != "2025-01-10" || len(is.Sections) != 1 || is.Sections[0].Page != 2 {
		t.Fatalf("date %q, sections %+v", is.Date, is.Sections)
	}
	alone := *is.Articles()[0]
	inFolder := *articleByTitle(t, archive20250110(t), alone.Title)
	alone.N, inFolder.N = 0, 0
	if jsonOf(t, &Issue{Sections: []Section{{Articles: []Article{alone}}}}) != jsonOf(t, &Issue{Sections: []Section{{Articles: []Article{inFolder}}}}) {
		t.Errorf("alone %+v\nin its folder %+v", alone, inFolder)
	}
}

// TestNoteCitation: a note tool's "> " line holds the byline and the
// citation 《报名》（YYYY年MM月DD日第 N 版）: the byline is the name part, the
// citation gives the paper, the date and the page; YAML author is the
// byline when there is no other; a dateline in the first paragraph is
// split off as usual (item 5).
func TestNoteCitation(t *testing.T) {
	for _, tt := range []struct {
		file, byline, p0, paper, date string
		page                          int
		inline                        bool
	}{
		{"issues/note-citation.md", "本报记者  方  晴", "元旦前夕", "南州日报", "2025-01-02", 1, false},
		{"issues/note-citation-only.md", "据新华社南州1月1日电  （记者姜琳）", "记者从省人力资源", "南州日报", "2025-01-02", 18, true},
	} {
		path := samplePath(t, tt.file)
		is := mustOpen(t, path, Options{})
		a := is.Articles()[0]
		if a.Byline != tt.byline || a.BylineInline != tt.inline || !strings.HasPrefix(a.Paragraphs[0], tt.p0) {
			t.Errorf("%s: byline %q (inline %v), paragraph 0 %q", tt.file, a.Byline, a.BylineInline, a.Paragraphs[0])
		}
		if is.Paper != tt.paper || is.Date != tt.date || is.Sections[0].Page != tt.page {
			t.Errorf("%s: paper %q, date %q, page %d", tt.file, is.Paper, is.Date, is.Sections[0].Page)
		}
		if len(a.Blocks) != 0 {
			t.Errorf("%s: blocks %+v", tt.file, a.Blocks)
		}
		if err := checkLossless(decoded(t, path), is); err != nil {
			t.Errorf("%s: %v", tt.file, err)
		}
	}
	is := mustParse(t, "---\ntitle: 题目\nauthor: 本报记者  张  洋\n---\n\n# 题目\n\n> 《南州日报》（2025年01月02日第 18 版）\n\n正文第一段。\n\n正文第二段。\n")
	if a := is.Articles()[0]; a.Byline != "本报记者  张  洋" || is.Paper != "南州日报" || is.Sections[0].Page != 18 {
		t.Errorf("author as byline: %q, paper %q, page %d", a.Byline, is.Paper, is.Sections[0].Page)
	}
}

// TestPageNotInvented: an article whose source names no page has page 0,
// not 1 (item 11).
func TestPageNotInvented(t *testing.T) {
	is := mustOpen(t, samplePath(t, "issues/note-nopage.md"), Options{})
	if len(is.Sections) != 1 || is.Sections[0].Page != 0 || is.Pages != 0 {
		t.Errorf("sections %+v, pages %d", is.Sections, is.Pages)
	}
}

// TestOldArchiveMarkdown: the 1946–2003 archive in Markdown — the decks
// after ###, the date, 第N版(名) and 专栏 lines, the decks again, the
// author line and paragraphs indented by four spaces — reads as one
// article with its date, page and page name, its decks once, its author
// line as the byline and a bracketed dateline split off (item 7).
func TestOldArchiveMarkdown(t *testing.T) {
	for _, tt := range []struct {
		file, kicker, title, subtitle, byline, p0, section string
		page, paras                                        int
		inline                                             bool
	}{
		{"边区各地春耕忙", "边区各地春耕忙", "互助组遍及百余村", "", "【新华社延安十二日电】", "边区各县春耕", "要闻", 1, 3, true},
		{"冀中军民合力修堤", "保卫麦收", "冀中军民合力修堤", "——记安平县河堤工地", "本报记者  林  平", "【本报冀中十日电】入夏以来", "通讯", 2, 3, false},
		{"各地举办识字班", "", "各地举办识字班", "", "【新华社张家口十三日电】", "察哈尔省各县", "要闻", 1, 1, true},
	} {
		path := samplePath(t, "issues/rmrb-1946/1946-05-15_"+tt.file+".md")
		is := mustOpen(t, path, Options{})
		if is.Date != "1946-05-15" || len(is.Sections) != 1 || is.Sections[0].Page != tt.page || is.Sections[0].Name != tt.section {
			t.Errorf("%s: date %q, sections %+v", tt.file, is.Date, is.Sections)
			continue
		}
		a := is.Articles()[0]
		if a.Kicker != tt.kicker || a.Title != tt.title || a.Subtitle != tt.subtitle || a.Byline != tt.byline || a.BylineInline != tt.inline {
			t.Errorf("%s: %q / %q / %q, byline %q (inline %v)", tt.file, a.Kicker, a.Title, a.Subtitle, a.Byline, a.BylineInline)
		}
		if len(a.Paragraphs) != tt.paras || !strings.HasPrefix(a.Paragraphs[0], tt.p0) {
			t.Errorf("%s: paragraphs %q", tt.file, a.Paragraphs)
		}
		if err := checkLossless(decoded(t, path), is); err != nil {
			t.Errorf("%s: %v", tt.file, err)
		}
	}
}

// TestCitationPaperTrimmed: the paper a citation names is a name, read
// with its spaces trimmed as the masthead's and the front matter's are
// (《南州日报  》 names 南州日报), so that the Markdown dubao writes for
// the issue, whose front matter is read trimmed, reads back the same
// (fuzz FuzzParse 384631b22a8fdefc).
func TestCitationPaperTrimmed(t *testing.T) {
	for _, tt := range []struct{ line, paper string }{
		{"本报记者 方晴《南州日报》（2025年1月2日第1版）", "南州日报"},
		{"本报记者 方晴《南州日报       》（2025年1月2日第1版）", "南州日报"},
		{"本报记者 方晴《　南州日报\u00a0》（2025年1月2日第1版）", "南州日报"},
		{"本报记者 000000《0       》（0001年1月1日第1版）", "0"},
		{"本报记者 方晴《南州 日报》（2025年1月2日第1版）", "南州 日报"},
	} {
		src := "题目\n" + tt.line + "\n\n正文。\n"
		is := mustParse(t, src)
		if is.Paper != tt.paper {
			t.Errorf("%q: paper %q, want %q", tt.line, is.Paper, tt.paper)
			continue
		}
		var buf bytes.Buffer
		if err := WriteMarkdown(&buf, is); err != nil {
			t.Fatal(err)
		}
		if back := mustParse(t, buf.String()); back.Paper != is.Paper {
			t.Errorf("%q: paper %q read back as %q", tt.line, is.Paper, back.Paper)
		}
	}
}
