package issue

import "testing"

// TestParsePageLabel reads page labels in the forms e-paper pages, feeds
// and e-books write them.
func TestParsePageLabel(t *testing.T) {
	tests := []struct {
		in   string
		page int
		name string
		ok   bool
	}{
		{"第01版：要闻", 1, "要闻", true},
		{"01版:要闻", 1, "要闻", true},
		{"第01版 要闻", 1, "要闻", true},
		{"第 12 版", 12, "", true},
		{"A01版：要闻", 1, "要闻", true},
		{"第０３版：经济", 3, "经济", true},
		{"第09版：砥砺奋进的5年·特别报道", 9, "砥砺奋进的5年·特别报道", true},
		{"第05版：2026全国两会特刊", 5, "2026全国两会特刊", true},
		{"  第02版\t国内 \n", 2, "国内", true},
		{"第二版：综合新闻", 2, "综合新闻", true},
		{"01版权所有", 0, "", false},
		{"下一版", 0, "", false},
		{"2026年", 0, "", false},
		{"第0版", 0, "", false},
		{"第1234版", 0, "", false},
		{"A2 要闻", 0, "", false},
		{"第01版：一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", 0, "", false},
	}
	for _, tt := range tests {
		page, name, ok := ParsePageLabel(tt.in)
		if page != tt.page || name != tt.name || ok != tt.ok {
			t.Errorf("ParsePageLabel(%q) = %d, %q, %v; want %d, %q, %v", tt.in, page, name, ok, tt.page, tt.name, tt.ok)
		}
	}
}
