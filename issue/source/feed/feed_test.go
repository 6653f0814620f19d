package feed

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dubao/issue"
)

func readFeed(t *testing.T, name string) *issue.Issue {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	is, err := Read(data, "")
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return is
}

type sec struct {
	page   int
	name   string
	titles []string
}

func sections(is *issue.Issue) []sec {
	var out []sec
	for _, s := range is.Sections {
		x := sec{page: s.Page, name: s.Name}
		for _, a := range s.Articles {
			x.titles = append(x.titles, a.Title)
		}
		out = append(out, x)
	}
	return out
}

// TestRead reads a feed of each format and encoding.
func TestRead(t *testing.T) {
	tests := []struct {
		file, paper, date, encoding string
		secs                        []sec
	}{
		{"rmrb-issue-rss2.xml", "人民日报", "2026-08-03", "UTF-8", []sec{
			{1, "要闻", []string{"青禾镇的秋粮进仓了", "北岭新区开通第三条地铁线"}},
			{2, "综合新闻", []string{"山间小学来了新老师"}},
			{4, "综合", nil}, // its only item was the continuation
		}},
		{"atom.xml", "青州晚报 · 城事", "2026-08-03", "UTF-8", []sec{
			{0, "", []string{"老街坊的新菜园", "湘江边的夜跑人", "一座古桥的修缮记"}},
		}},
		{"rdf.xml", "青州日报 要闻", "2026-08-03", "UTF-8", []sec{
			{0, "", []string{"山间小学来了新老师", "一座古桥的修缮记"}},
		}},
		{"gb2312.xml", "青州日报 经济", "2026-08-03", "GB18030", []sec{
			{0, "", []string{"秋粮进仓 农户增收", "新线开通"}},
		}},
		{"big5.xml", "青州日報 要聞", "2026-08-03", "Big5", []sec{
			{0, "", []string{"古橋修繕記", "新老師"}},
		}},
	}
	for _, tt := range tests {
		is := readFeed(t, tt.file)
		if is.Paper != tt.paper || is.Date != tt.date || is.Encoding != tt.encoding {
			t.Errorf("%s: %q %q %s, want %q %q %s", tt.file, is.Paper, is.Date, is.Encoding, tt.paper, tt.date, tt.encoding)
		}
		if got := sections(is); !reflect.DeepEqual(got, tt.secs) {
			t.Errorf("%s: sections %+v, want %+v", tt.file, got, tt.secs)
		}
	}
}

// TestWholeIssue: the whole-issue feed's items become articles with
// their bodies, authors, pictures, and the continuation on page 4 is
// stitched onto its article.
func TestWholeIssue(t *testing.T) {
	is := readFeed(t, "rmrb-issue-rss2.xml")
	a := is.Sections[0].Articles[0]
	if a.Byline != "本报记者 苏晚晴" || len(a.Paragraphs) != 3 || !reflect.DeepEqual(a.Continued, []int{4}) {
		t.Errorf("first article: %q %q %v", a.Byline, a.Paragraphs, a.Continued)
	}
	b := is.Sections[0].Articles[1]
	if len(b.Blocks) != 1 || b.Blocks[0].Kind != issue.BlockImage || b.Blocks[0].Src != "http://paper.people.com.cn/rmrb/pc/res/1/p1.jpg" ||
		b.Blocks[0].Text != "图为首班列车驶出湖滨站。本报记者 周远山摄" {
		t.Errorf("picture: %+v", b.Blocks)
	}
	if b.Paragraphs[0] != "首班列车从湖滨站出发，车厢里坐满了下班的年轻人。" || b.Byline != "本报北岭8月2日电" {
		t.Errorf("second article: byline %q, %q", b.Byline, b.Paragraphs)
	}
}

// TestHostile: entities for ESC, C1 controls and bidi overrides never
// reach the text; a feed that is none is refused.
func TestHostile(t *testing.T) {
	src := `<?xml version="1.0"?><rss version="2.0"><channel><title>t&#x1b;]0;x&#7;</title>
<item><title>a&#8238;b&#x9b;2J</title><description><![CDATA[<p>x&#27;[31my&#x9b;z</p><script>alert("</p>")</script><p>w</p>]]></description></item>
</channel></rss>`
	is, err := Read([]byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	a := is.Sections[0].Articles[0]
	all := is.Paper + a.Title + strings.Join(a.Paragraphs, "|")
	for _, r := range all {
		if r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x202e {
			t.Errorf("control %U in %q", r, all)
		}
	}
	if a.Title != "ab" || !reflect.DeepEqual(a.Paragraphs, []string{"x[31my›z", "w"}) {
		t.Errorf("title %q, paragraphs %q", a.Title, a.Paragraphs)
	}
	for _, bad := range []string{`<?xml version="1.0"?><urlset><url/></urlset>`, `<rss><channel><title>x</title></channel></rss>`, `<rss><channel><item>`} {
		if _, err := Read([]byte(bad), ""); err == nil {
			t.Errorf("Read(%q) gave no error", bad)
		}
	}
}

// TestRealFeeds reads the real GB2312 and Big5 feeds of ../shared.
func TestRealFeeds(t *testing.T) {
	for _, tt := range []struct {
		name, enc, first string
		n                int
	}{
		{"feed-gb2312-rss2.xml", "GB18030", "JCB 与中国银联（China UnionPay）完成ATM网关协议的签订；CUP持卡者得以第一次在日本享受使用ATM网络的权利", 0},
		{"feed-big5-rss2.xml", "Big5", "新年快樂", 0},
	} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "epaper", tt.name))
		if err != nil {
			t.Skipf("real feeds not available (../shared/epaper/%s): %v", tt.name, err)
		}
		is, err := Read(data, "")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		arts := is.Articles()
		if is.Encoding != tt.enc || len(arts) < 5 || arts[0].Title != tt.first {
			t.Errorf("%s: %s, %d articles, first %q", tt.name, is.Encoding, len(arts), arts[0].Title)
		}
		for _, a := range arts {
			if strings.ContainsAny(a.Title, "<>") || strings.Contains(a.Title, "rdf:RDF") {
				t.Errorf("%s: title %q", tt.name, a.Title)
			}
		}
	}
}

// FuzzRead: no feed panics or gives a control character.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"rmrb-issue-rss2.xml", "atom.xml", "rdf.xml", "gb2312.xml", "big5.xml"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		is, err := Read(data, "")
		if err != nil {
			return
		}
		for _, a := range is.Articles() {
			for _, p := range a.Pieces() {
				for _, r := range p.Text {
					if r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e {
						t.Fatalf("control %U in %q", r, p.Text)
					}
				}
			}
		}
	})
}

// TestDateOf reads the date in a whole-issue feed's title; a day that is
// not in the calendar is none.
func TestDateOf(t *testing.T) {
	tests := map[string]string{
		"人民日报电子版 - 20260803":       "2026-08-03",
		"人民日报 2026-08-03":          "2026-08-03",
		"人民日报 2026/8/3":            "2026-08-03",
		"人民日报（2026年8月3日）":          "2026-08-03",
		"人民日报电子版 - 20260231":       "",
		"人民日报 2026-02-30":          "",
		"人民日报 2026年2月31日":          "",
		"人民日报 2026-02-31 20260228": "2026-02-28",
		"人民日报电子版":                  "",
	}
	for in, want := range tests {
		if got := dateOf(in); got != want {
			t.Errorf("dateOf(%q) = %q, want %q", in, got, want)
		}
	}
}
