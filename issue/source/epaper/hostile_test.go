package epaper

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/issue/source/epaper/epapertest"
)

// unsafeRune reports a character that can control a terminal or reorder
// what it shows.
func unsafeRune(r rune) bool {
	return r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c || r == 0xfeff
}

// checkSafe fails when a string of the issue holds an unsafe character
// or a tag.
func checkSafe(t *testing.T, is *issue.Issue) {
	t.Helper()
	data, err := json.Marshal(is)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			for _, r := range v {
				if unsafeRune(r) {
					t.Fatalf("unsafe %U in %q", r, v)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	walk(v)
}

// TestHostilePages: pages built to hurt are read safely or refused with
// an error, never shown as markup, never with a control character.
func TestHostilePages(t *testing.T) {
	depth := 2 << 20 // 10 MB of <div>
	if testing.Short() {
		depth = 1 << 16
	}
	tests := []struct {
		name, src string
		title     string
		paras     []string
	}{
		{"entities for controls",
			`<html><head><title>x</title></head><body><div class="article"><h1>标&#27;]0;pwned&#7;题&#8238;</h1><div id="ozoom"><p>正&#x9b;2J文&#x1b;[31m。</p><p>&#0;二&#x202e;段</p></div></div></body></html>`,
			"标题", []string{"正›2J文。", "\ufffd二段"}},
		{"script holding </p>",
			`<html><body><div class="article"><h1>题</h1><div id="ozoom"><p>甲<script>var s = "</p><p>乙</div>";</script>丙</p></div></div></body></html>`,
			"题", []string{"甲丙"}},
		{"unclosed tags",
			`<html><body><div class="article"><h1>题<div id="ozoom"><p>甲<p>乙<span>丙<b>丁`,
			"题", []string{"甲", "乙丙丁"}},
		{"deep nesting",
			`<html><body><div class="article"><h1>题</h1><div id="ozoom"><p>甲</p>` + strings.Repeat("<div>", depth) + "乙",
			"题", []string{"甲", "乙"}},
		{"founder tags inside out",
			`<founder-content><founder-title>题</founder-content></founder-title><!--enpcontent--><p>甲</p><!--/enpcontent-->`,
			"", nil},
	}
	for _, tt := range tests {
		is, err := Read([]byte(tt.src), "page.html", "")
		if tt.paras == nil {
			if err == nil {
				checkSafe(t, is)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		checkSafe(t, is)
		a := is.Articles()[0]
		if a.Title != tt.title || strings.Join(a.Paragraphs, "|") != strings.Join(tt.paras, "|") {
			t.Errorf("%s: title %q, paragraphs %q; want %q, %q", tt.name, a.Title, a.Paragraphs, tt.title, tt.paras)
		}
	}
}

// TestRefused: pages with no article are refused with one line.
func TestRefused(t *testing.T) {
	for _, src := range []string{
		`<html><head><title>登录</title></head><body><form><input name=u><button>登录</button></form></body></html>`,
		`<html><body></body></html>`,
	} {
		_, err := Read([]byte(src), "x.html", "")
		if err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("Read(%.40q) = %v, want a one-line error", src, err)
		}
	}
}

// TestRealNewsPages reads the real news article pages of ../shared: one
// article each, titled, with text and no markup.
func TestRealNewsPages(t *testing.T) {
	for _, tt := range []struct{ name, title, first string }{
		{"news-people-article.html", "女儿出嫁，郑板桥画了几笔兰花当嫁妆", ""},
		{"news-xinhuanet-article.html", "法国全国大罢工再次严重影响交通", "新华社巴黎12月9日电"},
		{"news-cjddsb-article.html", "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动", ""},
	} {
		data := sharedFile(t, tt.name)
		is, err := Read(data, tt.name, "")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		checkSafe(t, is)
		if is.Count() != 1 {
			t.Errorf("%s: %d articles", tt.name, is.Count())
		}
		a := is.Articles()[0]
		if a.Title != tt.title || len(a.Paragraphs) < 3 {
			t.Errorf("%s: title %q, %d paragraphs", tt.name, a.Title, len(a.Paragraphs))
		}
		if tt.first != "" && a.Byline+a.Paragraphs[0] != "" && !strings.Contains(a.Byline+strings.Join(a.Paragraphs, ""), tt.first) {
			t.Errorf("%s: %q not in the text", tt.name, tt.first)
		}
		for _, p := range a.Paragraphs {
			if strings.ContainsAny(p, "<>") && strings.Contains(p, "</") {
				t.Errorf("%s: markup in %q", tt.name, p)
			}
		}
	}
}

// FuzzRead: no page panics, gives unsafe text, or lets a tag through.
func FuzzRead(f *testing.F) {
	for _, sys := range systems {
		for _, file := range epapertest.Sample(sys).Files()[:6] {
			f.Add(file.Data)
		}
	}
	for _, name := range []string{"rmrb-node_01.html", "gmrb-node_01.html", "founder-node_3.htm"} {
		if data, err := os.ReadFile(filepath.Join("testdata", "layout", name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<html><body><div class="article"><h1>&#27;[2J</h1><div id="ozoom"><p>&#x9b;</p></div></div>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		if _, err := Inspect(data, "http://paper.example/html/2026-08/03/node_1.htm"); err != nil {
			return
		}
		is, err := Read(data, "page.html", "")
		if err != nil {
			return
		}
		checkSafe(t, is)
	})
}
