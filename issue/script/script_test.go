package script

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// TestOpenCCPhrases converts phrases of OpenCC's own test cases
// (test/testcases/*.in and *.ans in BYVoid/OpenCC), where a character by
// character map goes wrong: 头发 is 頭髮 (not 頭發), 皇后 stays 皇后 while
// 后悔 is 後悔, 干部 is 幹部 but 干燥 乾燥 and 不干你事 stays 干.
//
// Three of OpenCC's current cases are answered differently by the
// dictionaries of opencc v0.3.13 and are left out: 鲶鱼 (鯰魚, newer
// OpenCC 鮎魚), 胚胎发育 under s2hk (胚胎髮育: the phrase 胎发 wins the
// longest match) and 台湾 under s2tw (臺灣; newer OpenCC 台灣).
func TestOpenCCPhrases(t *testing.T) {
	tests := []struct {
		c       Conversion
		in, out string
	}{
		{S2T, "夸夸其谈 夸父逐日", "誇誇其談 夸父逐日"},
		{S2T, "我干什么不干你事。", "我幹什麼不干你事。"},
		{S2T, "太后的头发很干燥。", "太后的頭髮很乾燥。"},
		{S2T, "燕燕于飞，差池其羽。之子于归，远送于野。", "燕燕于飛，差池其羽。之子于歸，遠送於野。"},
		{S2T, "请成相，世之殃，愚暗愚暗堕贤良。人主无贤，如瞽无相何伥伥！", "請成相，世之殃，愚闇愚闇墮賢良。人主無賢，如瞽無相何倀倀！"},
		{S2T, "主忌苟胜，群臣莫谏必逢灾。", "主忌苟勝，羣臣莫諫必逢災。"},
		{S2T, "等我失去的时候我才后悔莫及。", "等我失去的時候我才後悔莫及。"},
		{S2T, "新的理论被发现了。", "新的理論被發現了。"},
		{S2T, "金胄不是金色的甲胄。", "金胄不是金色的甲冑。"},
		{S2T, "皇后的头发", "皇后的頭髮"},
		{S2T, "干部", "幹部"},
		{S2T, "台湾", "臺灣"},
		{S2HK, "台湾", "台灣"},
		{S2TW, "着装污染虚伪发泄棱柱群众里面", "著裝汙染虛偽發洩稜柱群眾裡面"},
		{S2TWP, "鼠标里面的硅二极管坏了，导致光标分辨率降低。", "滑鼠裡面的矽二極體壞了，導致游標解析度降低。"},
		{S2TWP, "我们在老挝的服务器的硬盘需要使用互联网算法软件解决异步的问题。", "我們在寮國的伺服器的硬碟需要使用網際網路演算法軟體解決非同步的問題。"},
		{S2TWP, "为什么你在床里面睡着？", "為什麼你在床裡面睡著？"},
		{S2TWP, "海内存知己", "海內存知己"},
		{TW2SP, "滑鼠裡面的矽二極體壞了，導致游標解析度降低。", "鼠标里面的硅二极管坏了，导致光标分辨率降低。"},
		{TW2SP, "我們在寮國的伺服器的硬碟需要使用網際網路演算法軟體解決非同步的問題。", "我们在老挝的服务器的硬盘需要使用互联网算法软件解决异步的问题。"},
		{TW2SP, "為什麼你在床裡面睡著？", "为什么你在床里面睡着？"},
		{TW2SP, "用滑鼠點選正規表示式", "用鼠标点击正则表达式"},
		{TW2SP, "KB大橋也被視為帛琉人的後花園", "KB大桥也被视为帕劳人的后花园"},
		{TW2S, "為什麼你在床裡面睡著？", "为什么你在床里面睡着？"},
		{S2HK, "虚伪叹息", "虛偽嘆息"},
		{S2HK, "潮湿灶台", "潮濕灶台"},
		{S2HK, "赞叹沙河涌汹涌的波浪", "讚歎沙河涌洶湧的波浪"},
		{S2HK, "为了核实这说法", "為了核實這説法"},
		{HK2S, "為了核實這説法", "为了核实这说法"},
		{T2S, "曾經有一份真誠的愛情放在我面前，我沒有珍惜，等我失去的時候我才後悔莫及。", "曾经有一份真诚的爱情放在我面前，我没有珍惜，等我失去的时候我才后悔莫及。"},
		{T2S, "人事間最痛苦的事莫過於此。", "人事间最痛苦的事莫过于此。"},
		{T2S, "頭髮乾燥", "头发干燥"},
	}
	for _, tt := range tests {
		cv, err := Load(tt.c)
		if err != nil {
			t.Fatal(err)
		}
		if got := cv.Convert(tt.in); got != tt.out {
			t.Errorf("%s(%s)\n got %s\nwant %s", tt.c, tt.in, got, tt.out)
		}
		if m := cv.ConvertMapped(tt.in); m.Text != tt.out {
			t.Errorf("%s ConvertMapped(%s) = %s, want %s", tt.c, tt.in, m.Text, tt.out)
		}
	}
}

// TestSameAsOpenCC checks that dubao's converter (which walks OpenCC's
// dictionaries itself, without allocating per character) gives exactly
// what opencc's own Convert gives, on the samples and on random mixes of
// dictionary phrases, Latin text and punctuation.
func TestSameAsOpenCC(t *testing.T) {
	texts := []string{sampleText(t, "sample.md"), sampleText(t, "hk-sample.md"), "", "a", "U盘和SQL注入", "\n\n", "头"}
	rng := rand.New(rand.NewPCG(16, 16))
	pieces := []string{"头发", "皇后", "干", "部", "燥", "内存", "互联网", "U盘", "SQL注入", "記憶體", "網際網路", "着", "裏", "台", "湾",
		"乾隆", "后悔", "，", "「", "」", "x", " ", "\n", "123", "發", "展", "蘋果", "苹", "果", "說", "説", "PN結", "🙂", "𬞟"}
	for range 50 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	convs := conversions[:]
	if testing.Short() {
		convs = []Conversion{S2T, T2S, S2TWP}
	}
	for _, c := range convs {
		ref, err := opencc.New(string(c))
		if err != nil {
			t.Fatal(err)
		}
		cv, err := Load(c)
		if err != nil {
			t.Fatal(err)
		}
		if cv.Conversion() != c {
			t.Errorf("Load(%s).Conversion() = %s", c, cv.Conversion())
		}
		for _, s := range texts {
			want, err := ref.Convert(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := cv.Convert(s); got != want {
				i := commonPrefix(got, want)
				t.Errorf("%s differs from opencc at byte %d: %q, opencc %q", c, i, clip(got, i), clip(want, i))
			}
			if m := cv.ConvertMapped(s); m.Text != want || m.Source != s {
				t.Errorf("%s: ConvertMapped differs from Convert on %q", c, clip(s, 0))
			}
		}
	}
}

// TestRoundTrip converts the samples to the other script and back. The
// Simplified sample survives each trip to Traditional and back; a
// Traditional text does not (Simplified merges characters: 說 and 説 both
// become 说), but its Simplified form survives a trip to Traditional and
// back. (The vocabulary conversions s2twp and tw2sp make no round trip:
// tw2sp takes the 埠 of a place name, 石埠, for a computer's port, 端口.)
func TestRoundTrip(t *testing.T) {
	simp := sampleText(t, "sample.md")
	hk, _ := Load(HK2S)
	trad := hk.Convert(sampleText(t, "hk-sample.md"))
	for _, tt := range []struct {
		name     string
		src      string
		there    Conversion
		back     Conversion
		maxDiffs int
	}{
		{"sample.md", simp, S2T, T2S, 0},
		{"sample.md", simp, S2TW, TW2S, 0},
		{"sample.md", simp, S2HK, HK2S, 0},
		{"hk-sample.md in Simplified", trad, S2HK, HK2S, 0},
		{"hk-sample.md in Simplified", trad, S2T, T2S, 0},
	} {
		a, _ := Load(tt.there)
		b, _ := Load(tt.back)
		mid := a.Convert(tt.src)
		if mid == tt.src {
			t.Errorf("%s changed nothing in %s", tt.there, tt.name)
		}
		got := b.Convert(mid)
		diffs := 0
		gr, sr := []rune(got), []rune(tt.src)
		if len(gr) != len(sr) {
			t.Errorf("%s: round trip %s→%s changed the length: %d → %d characters", tt.name, tt.there, tt.back, len(sr), len(gr))
			continue
		}
		for i := range sr {
			if gr[i] != sr[i] {
				diffs++
				t.Logf("%s: round trip %s→%s turns %c into %c in %q", tt.name, tt.there, tt.back, sr[i], gr[i], string(sr[max(0, i-4):min(len(sr), i+4)]))
			}
		}
		if diffs > tt.maxDiffs {
			t.Errorf("%s: round trip %s→%s changed %d characters, want at most %d", tt.name, tt.there, tt.back, diffs, tt.maxDiffs)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Conversion
		ok   bool
	}{
		{"", None, true}, {"none", None, true}, {" OFF ", None, true},
		{"t2s", T2S, true}, {"S2TWP", S2TWP, true}, {"auto-s", AutoS, true}, {"auto-t", AutoT, true},
		{"t2hk", None, false}, {"s2hk-finance", None, false}, {"simplified", None, false},
	} {
		got, err := Parse(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	for _, name := range Names() {
		if c, err := Parse(name); err != nil || string(c) != name {
			t.Errorf("Parse(%q) = %q, %v", name, c, err)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, tt := range []struct {
		c    Conversion
		s    Script
		want Conversion
	}{
		{AutoS, Traditional, T2S}, {AutoS, Simplified, None}, {AutoS, Mixed, None}, {AutoS, Unknown, None},
		{AutoT, Simplified, S2T}, {AutoT, Traditional, None},
		{S2TW, Traditional, S2TW}, {None, Traditional, None},
	} {
		if got := tt.c.Resolve(tt.s); got != tt.want {
			t.Errorf("%q.Resolve(%v) = %q, want %q", tt.c, tt.s, got, tt.want)
		}
	}
	if _, err := Load(AutoS); err == nil {
		t.Error("Load(auto-s) did not fail")
	}
	if c, err := Load(None); c != nil || err != nil {
		t.Errorf("Load(None) = %v, %v", c, err)
	}
	var none *Converter
	if none.Convert("头发") != "头发" || none.ConvertMapped("头发").Text != "头发" || none.Conversion() != None {
		t.Error("a nil Converter changed its text")
	}
}

func commonPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// clip returns up to 40 bytes of s from about i, for messages.
func clip(s string, i int) string {
	i = max(0, i-12)
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	e := min(len(s), i+40)
	for e < len(s) && !utf8.RuneStart(s[e]) {
		e++
	}
	return s[i:e]
}
