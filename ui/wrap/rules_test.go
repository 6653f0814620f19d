package wrap

import (
	"strings"
	"testing"
)

// layoutString lays text out and returns the lines' texts joined by "|".
func layoutString(text string, opt Options) string {
	var parts []string
	for _, l := range Lines(text, opt) {
		parts = append(parts, l.Text(text))
	}
	return strings.Join(parts, "|")
}

func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  string
	}{
		// Break opportunities.
		{"between Han", "一二三四五六", 4, "一二|三四|五六"},
		{"at spaces, trimmed", "hello world", 5, "hello|world"},
		{"at spaces, several", "ab  cd ef", 4, "ab|cd|ef"},
		{"Han then Latin word", "这是GDP和CRH380A列车", 8, "这是GDP|和|CRH380A|列车"},
		{"number kept whole", "今年前10个月", 7, "今年前|10个月"},
		{"break after a number", "今年前10个月", 8, "今年前10|个月"},
		{"four-digit number", "年贸易额3000亿美元", 10, "年贸易额|3000亿美元"},
		{"decimal number", "增长102.6万元", 8, "增长|102.6万|元"},
		{"thousands separator and percent", "共计1,000吨增5.8%", 8, "共计|1,000吨|增5.8%"},
		{"temperature range", "气温9℃~14℃。", 8, "气温|9℃~14℃。"},
		{"digit and letter", "使用5G网络", 5, "使用|5G网|络"},
		{"code with space and hyphen", "CN 43-0004", 8, "CN|43-0004"},
		{"code breaks after its hyphen when too long", "CN 43-0004", 5, "CN|43-|0004"},
		{"fullwidth digits kept whole", "共计１２３４吨", 6, "共计|１２３|４吨"},
		{"lone dash joins a designation", "还有空警—2000预警机", 12, "还有空|警—2000预警|机"},
		{"over-long designation breaks after its dash", "东风—41", 4, "东|风—|41"},
		{"lone dash before Han may break", "北京—上海", 6, "北京—|上海"},
		{"double dash may break before a number", "一二——2000年", 8, "一二——|2000年"},

		// Line-start prohibitions: push-out carries a character down.
		{"fullwidth comma", "一二三，四五", 6, "一二|三，四|五"},
		{"half-width comma of PDF exports", "一二三,四五", 6, "一二|三,四|五"},
		{"ideographic full stop", "一二三。四五", 6, "一二|三。四|五"},
		{"enumeration comma", "一二三、四五", 6, "一二|三、四|五"},
		{"half-width question mark", "是吗?好", 4, "是|吗?|好"},
		{"half-width closing parenthesis", "甲(乙丙)", 7, "甲(乙|丙)"},
		{"closing book title mark", "一二《三》", 6, "一二|《三》"},
		{"closing corner bracket", "一二「三」", 7, "一二|「三」"},
		{"closing white corner bracket", "一二『三』", 7, "一二|『三』"},
		{"closing corner bracket and stop carried down", "一二三好」。", 8, "一二三|好」。"},
		{"nested corner brackets", "一二三「『好』」", 10, "一二三|「『好』」"},
		{"closing quote", "“好好好”", 7, "“好好|好”"},
		{"percent sign", "甲乙丙％", 6, "甲乙|丙％"},
		{"permille", "甲乙丙‰", 6, "甲乙|丙‰"},
		{"degree Celsius", "零下五℃", 6, "零下|五℃"},
		{"iteration mark", "甲乙丙々", 6, "甲乙|丙々"},
		{"prolonged sound mark", "アイウー", 6, "アイ|ウー"},
		{"small kana", "アイウッ", 6, "アイ|ウッ"},
		{"interpunct", "马克·吐温", 4, "马|克·|吐温"},
		{"katakana middle dot", "马克・吐温", 5, "马|克・|吐温"},
		{"lone em dash", "甲乙丙—丁", 6, "甲乙|丙—丁"},
		{"fullwidth tilde", "甲乙丙～丁", 6, "甲乙|丙～丁"},
		{"wave dash", "甲乙丙〜丁", 6, "甲乙|丙〜丁"},
		{"hyphen", "甲乙丙-丁", 6, "甲乙|丙-丁"},
		{"slash never starts a line", "甲乙丙/丁", 6, "甲乙|丙/丁"},
		{"fullwidth slash", "甲乙丙／丁", 6, "甲乙|丙／丁"},

		// Line-end prohibitions.
		{"opening book title mark", "甲乙丙《丁》", 8, "甲乙丙|《丁》"},
		{"opening quote", "甲乙丙“丁”", 7, "甲乙丙|“丁”"},
		{"opening corner bracket", "甲乙丙「丁」", 8, "甲乙丙|「丁」"},
		{"opening white corner bracket", "甲乙丙『丁』", 8, "甲乙丙|『丁』"},
		{"opening fullwidth parenthesis", "甲乙丙（丁）", 8, "甲乙丙|（丁）"},
		{"half-width opening parenthesis", "甲乙(丙丁", 5, "甲乙|(丙丁"},
		{"slash never ends a line", "甲乙/丙丁", 5, "甲|乙/丙|丁"},
		{"currency prefix", "售价￥120元", 7, "售价|￥120元"},

		// Dashes and ellipses.
		{"double dash stays together", "他说——我们走吧", 6, "他说——|我们走|吧"},
		{"double dash may start a line", "他说——我们走吧", 5, "他说|——我|们走|吧"},
		{"double ellipsis stays together", "等等……好", 5, "等|等……|好"},

		// Quotes: breaking before “ and after ” is allowed.
		{"break before opening quote", "他说“好”", 4, "他说|“好”"},
		{"break after closing quote", "“好”他说", 4, "“好”|他说"},

		// Over-long words and URLs.
		{"URL at slashes", "网址http://www.example.com/news/index.html?id=1", 20, "网址|http://|www.example.com/|news/index.html?id=1"},
		{"URL query", "see example.org/a?x=1&y=2", 13, "see|example.org/|a?x=1&y=2"},
		{"over-long word by grapheme", "supercalifragilistic", 8, "supercal|ifragili|stic"},

		// Mandatory breaks and degenerate input.
		{"newline forces a break", "甲乙\n丙丁", 10, "甲乙|丙丁"},
		{"lone wide grapheme wider than the line", "中文", 1, "中|文"},
		{"empty", "", 10, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Width: tt.width}
			if got := layoutString(tt.text, opt); got != tt.want {
				t.Errorf("width %d: got %q, want %q", tt.width, got, tt.want)
			}
			lines := Lines(tt.text, opt)
			if bad := newOracle(tt.text, false).check(opt, lines); len(bad) > 0 {
				t.Errorf("oracle: %s", joinLines(bad))
			}
		})
	}
}

func TestHang(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  string
	}{
		{"half-width comma hangs", "一二三,四五", 6, "一二三,|四五"},
		{"fullwidth comma hangs one column", "一二三，四五", 7, "一二三，|四五"},
		{"fullwidth comma needs two columns", "一二三，四五", 6, "一二|三，四|五"},
		{"no hang before another closing mark", "一二三.)四", 6, "一二|三.)四"},
		{"spaces after a hanging mark", "一二三, 四", 6, "一二三,|四"},
		{"no hang for opening marks", "一二三(四", 6, "一二三|(四"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Width: tt.width, Hang: true}
			if got := layoutString(tt.text, opt); got != tt.want {
				t.Errorf("width %d: got %q, want %q", tt.width, got, tt.want)
			}
			if bad := newOracle(tt.text, false).check(opt, Lines(tt.text, opt)); len(bad) > 0 {
				t.Errorf("oracle: %s", joinLines(bad))
			}
		})
	}
}

func TestIndentAndWidths(t *testing.T) {
	text := "一二三四五六七八"
	got := Lines(text, Options{Width: 10, Indent: 4})
	want := []Line{{Start: 0, End: 9, Indent: 4, Width: 6}, {Start: 9, End: 24, Indent: 0, Width: 10}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("indent 4 at width 10: got %+v, want %+v", got, want)
	}
	if got := Lines(text, Options{Width: 5, Indent: 4}); got[0].Indent != 0 {
		t.Errorf("an indent leaving one column must be dropped, got indent %d", got[0].Indent)
	}
	quoted := "“好”"
	if w := Lines(quoted, Options{Width: 10})[0].Width; w != 4 {
		t.Errorf("narrow ambiguous quotes: width %d, want 4", w)
	}
	if w := Lines(quoted, Options{Width: 10, AmbiguousWide: true})[0].Width; w != 6 {
		t.Errorf("wide ambiguous quotes: width %d, want 6", w)
	}
	if got := layoutString("他说“好”吧", Options{Width: 8, AmbiguousWide: true}); got != "他说|“好”吧" {
		t.Errorf("ambiguous wide layout: got %q", got)
	}
	if got := Lines("", Options{Width: 10}); len(got) != 1 || got[0].Start != 0 || got[0].End != 0 {
		t.Errorf("empty text: got %+v, want one empty line", got)
	}
}

// TestOracleCatchesNaiveBreaking makes sure the oracle used by the property
// and fuzz tests can fail: a wrapper that breaks anywhere must be caught.
func TestOracleCatchesNaiveBreaking(t *testing.T) {
	text := "今年前10个月，双边贸易额达3000亿美元，同比增长5.8%。“这是好消息”，他说。"
	opt := Options{Width: 9}
	var naive []Line
	start, w := 0, 0
	o := newOracle(text, false)
	for _, g := range o.gs {
		if w+g.w > opt.Width {
			naive = append(naive, Line{Start: start, End: g.start, Width: w})
			start, w = g.start, 0
		}
		w += g.w
	}
	naive = append(naive, Line{Start: start, End: len(text), Width: w})
	bad := o.check(opt, naive)
	if len(bad) == 0 {
		t.Fatalf("the oracle accepts naive breaking: %q", layoutOf(text, naive))
	}
	if bad := o.check(opt, Lines(text, opt)); len(bad) > 0 {
		t.Errorf("the oracle rejects Lines: %s", joinLines(bad))
	}
}

func layoutOf(text string, lines []Line) string {
	var parts []string
	for _, l := range lines {
		parts = append(parts, l.Text(text))
	}
	return strings.Join(parts, "|")
}
