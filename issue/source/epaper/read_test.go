package epaper

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/issue/source/epaper/epapertest"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata/day")

var systems = []string{epapertest.RMRB, epapertest.RMRB2010, epapertest.GMRB, epapertest.Founder}

// dayFiles returns the sample day of a system as File values named by
// their paths in the mirror.
func dayFiles(system string) []File {
	var out []File
	for _, f := range epapertest.Sample(system).Files() {
		out = append(out, File{Name: f.Path, Data: f.Data})
	}
	return out
}

// TestFixtures keeps testdata/day, the sample days written out as
// mirrors (for the README's examples and the fuzz seeds), equal to what
// the generator writes; -update rewrites them.
func TestFixtures(t *testing.T) {
	for _, sys := range systems {
		for _, f := range epapertest.Sample(sys).Files() {
			name := filepath.Join("testdata", "day", sys, filepath.FromSlash(f.Path))
			if *update {
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(name, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(name)
			if err != nil || !bytes.Equal(got, f.Data) {
				t.Errorf("%s is not what the generator writes (run go test -update): %v", name, err)
			}
		}
	}
}

// TestReadDay reads the sample day of each system as one issue.
func TestReadDay(t *testing.T) {
	type art struct {
		title     string
		paras     int
		continued []int
	}
	want := [][]art{
		{{"青禾镇的秋粮进仓了", 5, []int{4}}, {"北岭新区开通第三条地铁线", 2, nil}},
		{{"山间小学来了新老师", 2, nil}},
		{{"一座古桥的修缮记", 2, nil}, {"湘江边的夜跑人", 1, nil}},
		{{"老街坊的新菜园", 1, nil}},
	}
	names := []string{"要闻", "综合新闻", "经济", "综合"}
	for _, sys := range systems {
		t.Run(sys, func(t *testing.T) {
			is, err := ReadDay(dayFiles(sys), "")
			if err != nil {
				t.Fatal(err)
			}
			wantPaper := map[string]string{epapertest.RMRB: "人民日报", epapertest.RMRB2010: "人民日报", epapertest.GMRB: "光明日报", epapertest.Founder: "青州日报"}[sys]
			if is.Paper != wantPaper || is.Date != "2026-08-03" || is.Pages != 4 {
				t.Errorf("issue %q %q %d pages, want %q 2026-08-03 4", is.Paper, is.Date, is.Pages, wantPaper)
			}
			if len(is.Sections) != 4 {
				t.Fatalf("%d sections, want 4: %+v", len(is.Sections), is.Sections)
			}
			for s, sec := range is.Sections {
				if sec.Page != s+1 || sec.Name != names[s] || sec.TitlesOnly {
					t.Errorf("section %d: page %d %q titles only %v, want %d %q", s, sec.Page, sec.Name, sec.TitlesOnly, s+1, names[s])
				}
				var got []art
				for _, a := range sec.Articles {
					got = append(got, art{a.Title, len(a.Paragraphs), a.Continued})
				}
				if !reflect.DeepEqual(got, want[s]) {
					t.Errorf("page %d: %+v, want %+v", s+1, got, want[s])
				}
			}
			first := is.Sections[0].Articles[0]
			if first.Kicker != "秋收一线" || first.Subtitle != "烘干塔连夜运转 种粮大户喜获丰收" || first.Byline != "本报记者 苏晚晴" {
				t.Errorf("headings %q / %q / %q", first.Kicker, first.Subtitle, first.Byline)
			}
			if p := is.Sections[2].Articles[1].Byline; p != "张\u00a0\u00a0洋" {
				t.Errorf("byline %q, want the no-break spaces kept", p)
			}
			pic := is.Sections[1].Articles[0]
			if len(pic.Blocks) != 1 || pic.Blocks[0].Kind != issue.BlockImage || !strings.HasSuffix(pic.Blocks[0].Src, "res/1/20260803/p2.jpg") ||
				pic.Blocks[0].Text != "图为新老师在上第一堂课。本报记者 林小禾摄" {
				t.Errorf("picture: %+v", pic.Blocks)
			}
			second := is.Sections[0].Articles[1]
			if second.Byline != "本报记者 周远山" || !strings.HasPrefix(second.Paragraphs[0], "本报北岭8月2日电") {
				t.Errorf("second article: byline %q, first paragraph %q", second.Byline, second.Paragraphs[0])
			}
		})
	}
}

// TestReadArticlePage reads one article page of each system alone.
func TestReadArticlePage(t *testing.T) {
	for _, sys := range systems {
		t.Run(sys, func(t *testing.T) {
			var f File
			for _, g := range dayFiles(sys) {
				if IsArticleName(g.Name) {
					f = g
					break
				}
			}
			is, err := Read(f.Data, f.Name, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(is.Sections) != 1 || is.Sections[0].Page != 1 || is.Sections[0].Name != "要闻" || is.Count() != 1 {
				t.Fatalf("sections %+v", is.Sections)
			}
			a := is.Sections[0].Articles[0]
			if a.Kicker != "秋收一线" || a.Title != "青禾镇的秋粮进仓了" || a.Subtitle != "烘干塔连夜运转 种粮大户喜获丰收" || a.Byline != "本报记者 苏晚晴" {
				t.Errorf("headings %q / %q / %q / %q", a.Kicker, a.Title, a.Subtitle, a.Byline)
			}
			if len(a.Paragraphs) != 3 || len(a.Jumps) != 1 || a.Jumps[0].Page != 4 || a.Jumps[0].Dir != issue.JumpTo {
				t.Errorf("paragraphs %q, jumps %+v", a.Paragraphs, a.Jumps)
			}
			for _, p := range a.Paragraphs {
				if strings.ContainsAny(p, "<>") || strings.Contains(p, "分享") || strings.HasPrefix(p, "\u3000") {
					t.Errorf("paragraph %q", p)
				}
			}
			if is.Date != "2026-08-03" {
				t.Errorf("date %q", is.Date)
			}
		})
	}
}

// TestReadLayoutAlone: a layout page alone is its page's titles.
func TestReadLayoutAlone(t *testing.T) {
	files := dayFiles(epapertest.RMRB)
	is, err := Read(files[0].Data, files[0].Name, "")
	if err != nil {
		t.Fatal(err)
	}
	sec := is.Sections[0]
	if !sec.TitlesOnly || sec.Page != 1 || sec.Name != "要闻" || len(sec.Articles) != 2 || sec.Articles[1].Title != "北岭新区开通第三条地铁线" {
		t.Errorf("section %+v", sec)
	}
}

// TestReadDayStoredTwice: a continued article the web edition stores
// whole on both its pages is kept once, on its first page.
func TestReadDayStoredTwice(t *testing.T) {
	d := epapertest.Sample(epapertest.Founder)
	whole := d.Pages[0].Articles[0]
	whole.ID = 499
	d.Pages[3].Articles[0] = whole
	var files []File
	for _, f := range d.Files() {
		files = append(files, File{Name: f.Path, Data: f.Data})
	}
	is, err := ReadDay(files, "")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range is.Articles() {
		if a.Title == whole.Title {
			n++
		}
	}
	if n != 1 || len(is.Sections[3].Articles) != 1 {
		t.Errorf("%d copies of the continued article, page 4 holds %d articles", n, len(is.Sections[3].Articles))
	}
}

// TestReadNewsPage reads a news page of no known system by the fallback:
// kicker, title and subtitle around its <h1>, the byline of its meta
// tags, the date printed by the title, the main text.
func TestReadNewsPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "news", "generic.html"))
	if err != nil {
		t.Fatal(err)
	}
	is, err := Read(data, "generic.html", "")
	if err != nil {
		t.Fatal(err)
	}
	a := is.Articles()[0]
	if a.Kicker != "秋收一线" || a.Title != "青禾镇的秋粮进仓了" || a.Subtitle != "烘干塔连夜运转" || a.Byline != "张三" || is.Date != "2026-08-03" {
		t.Errorf("%q / %q / %q / %q, date %q", a.Kicker, a.Title, a.Subtitle, a.Byline, is.Date)
	}
	if len(a.Paragraphs) != 3 || strings.Contains(strings.Join(a.Paragraphs, ""), "版权") || strings.Contains(strings.Join(a.Paragraphs, ""), "首页") {
		t.Errorf("paragraphs %q", a.Paragraphs)
	}
}
