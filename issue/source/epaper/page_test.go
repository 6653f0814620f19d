package epaper

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestInspectLayout reads the layout pages of each system: the page, its
// articles in page order with their titles, the day's pages, the paper
// and the date.
func TestInspectLayout(t *testing.T) {
	tests := []struct {
		file, url string
		want      Page
		titles    []string
		pages     []int
		firstURL  string
	}{
		{
			file: "rmrb-node_01.html", url: "http://paper.people.com.cn/rmrb/pc/layout/202608/03/node_01.html",
			want:     Page{Kind: Layout, System: SystemRMRB, Paper: "人民日报", Date: "2026-08-03", Number: 1, Name: "要闻"},
			titles:   []string{"青禾镇的秋粮进仓了", "北岭新区开通第三条地铁线", "图片报道"},
			pages:    []int{1, 2, 3, 4},
			firstURL: "http://paper.people.com.cn/rmrb/pc/content/202608/03/content_30081201.html",
		},
		{
			file: "gmrb-node_01.html", url: "https://epaper.gmw.cn/gmrb/html/layout/202608/03/node_01.html",
			want:     Page{Kind: Layout, System: SystemGMRB, Paper: "光明日报", Date: "2026-08-03", Number: 1, Name: "要闻"},
			titles:   []string{"山间小学来了新老师", "一座古桥的修缮记"},
			pages:    []int{1, 2, 3},
			firstURL: "https://epaper.gmw.cn/gmrb/html/content/202608/03/content_4701.html",
		},
		{
			file: "founder-node_3.htm", url: "http://epaper.example.cn/html/2026-08/03/node_3.htm",
			want:     Page{Kind: Layout, System: SystemFounder, Paper: "衡州日报", Date: "2026-08-03", Number: 2, Name: "综合新闻", Encoding: "GB18030"},
			titles:   []string{"湘江边的\u00a0\u00a0夜跑人", "老街坊的新菜园"},
			pages:    []int{1, 2, 3, 4},
			firstURL: "http://epaper.example.cn/html/2026-08/03/content_77021.htm",
		},
		{
			// Without an address: links as written, the date unknown.
			file:     "founder-node_3.htm",
			want:     Page{Kind: Layout, System: SystemFounder, Paper: "衡州日报", Number: 2, Name: "综合新闻", Encoding: "GB18030"},
			titles:   []string{"湘江边的\u00a0\u00a0夜跑人", "老街坊的新菜园"},
			pages:    []int{1, 2, 3, 4},
			firstURL: "content_77021.htm",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.url, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "layout", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := Inspect(data, tt.url)
			if err != nil {
				t.Fatal(err)
			}
			got := *p
			got.Articles, got.Pages = nil, nil
			if tt.want.Encoding == "" {
				tt.want.Encoding = "UTF-8"
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("page = %+v, want %+v", got, tt.want)
			}
			var titles []string
			for _, a := range p.Articles {
				titles = append(titles, a.Title)
				if a.Page != tt.want.Number {
					t.Errorf("article %q on page %d, want %d", a.Title, a.Page, tt.want.Number)
				}
			}
			if !reflect.DeepEqual(titles, tt.titles) {
				t.Errorf("titles = %q, want %q", titles, tt.titles)
			}
			if len(p.Articles) > 0 && p.Articles[0].URL != tt.firstURL {
				t.Errorf("first article at %q, want %q", p.Articles[0].URL, tt.firstURL)
			}
			var pages []int
			for _, l := range p.Pages {
				pages = append(pages, l.Page)
				if l.Title == "" {
					t.Errorf("page link %d without a name", l.Page)
				}
			}
			if !reflect.DeepEqual(pages, tt.pages) {
				t.Errorf("pages = %v, want %v", pages, tt.pages)
			}
		})
	}
}

// TestInspectRealLayout reads the saved 人民日报 layout page of 2017 in
// ../shared: its five articles (titles written by scripts, one with a
// <br>), its 24 pages.
func TestInspectRealLayout(t *testing.T) {
	data := sharedFile(t, "rmrb-2017-10-16-layout-01.htm")
	p, err := Inspect(data, "http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm")
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != Layout || p.System != SystemRMRB2010 || p.Paper != "人民日报" || p.Date != "2017-10-16" || p.Number != 1 || p.Name != "要闻" {
		t.Errorf("page = %v %q %q %q %d %q", p.Kind, p.System, p.Paper, p.Date, p.Number, p.Name)
	}
	want := []string{"《习近平关于社会主义文化建设论述摘编》出版发行", "中共中央召开党外人士座谈会 征求对中共十九大报告的意见",
		"党的十九大代表陆续抵京", "砥砺奋进 铸就辉煌", "党的十八大以来大事记"}
	var titles []string
	for i, a := range p.Articles {
		titles = append(titles, a.Title)
		if wantURL := "http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_" + string(rune('1'+i)) + "-01.htm"; a.URL != wantURL {
			t.Errorf("article %d at %q, want %q", i+1, a.URL, wantURL)
		}
	}
	if !reflect.DeepEqual(titles, want) {
		t.Errorf("titles = %q, want %q", titles, want)
	}
	if len(p.Pages) != 24 || p.Pages[7].Title != "广告" || p.Pages[23].Page != 24 {
		t.Errorf("pages = %+v", p.Pages)
	}
}

// sharedFile reads a file of ../shared/epaper (the real pages kept beside
// the repository), skipping the test when it is absent.
func sharedFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "epaper", name))
	if err != nil {
		t.Skipf("real pages not available (../shared/epaper/%s): %v", name, err)
	}
	return data
}

// TestInspectOther: pages that are no e-paper page are of Kind Other.
func TestInspectOther(t *testing.T) {
	for _, src := range []string{
		`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://a.example/</loc></url></urlset>`,
		`<html><head><title>Login</title></head><body><form><input name=u><button>Go</button></form></body></html>`,
		``,
		`plain text, no markup`,
	} {
		p, err := Inspect([]byte(src), "")
		if err != nil {
			t.Errorf("Inspect(%.30q): %v", src, err)
			continue
		}
		if p.Kind != Other || len(p.Articles) != 0 {
			t.Errorf("Inspect(%.30q) = %v with %d articles, want other", src, p.Kind, len(p.Articles))
		}
	}
}
