package reader

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/ui/render"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// hkIssue parses the repo's fictional Hong Kong issue (Traditional).
func hkIssue(t testing.TB) *issue.Issue {
	t.Helper()
	f, err := os.Open(filepath.Join(tuitest.RepoDir(t), "testdata", "hk-sample.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	is, err := issue.Parse(f, issue.Options{Name: "hk-sample.md"})
	if err != nil {
		t.Fatal(err)
	}
	return is
}

// newScriptModel opens is at w×h with the configured script setting.
func newScriptModel(t testing.TB, is *issue.Issue, setting script.Conversion, w, h int) *Model {
	t.Helper()
	env := testEnv()
	env.Script = setting
	m := newPage(common.OpenMsg{Issue: is, Name: "test"}, env)
	run(m, m.Init(), 0)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// longIssue is a Simplified article long enough to scroll, whose text
// changes length in Taiwan's vocabulary (互联网 → 網際網路, 内存 → 記憶體).
func longIssue() *issue.Issue {
	var paras []string
	for i := range 6 {
		paras = append(paras, strings.Repeat("他在互联网上查内存的价格，头发都白了。", 30+i))
	}
	return &issue.Issue{Paper: "测试报", Sections: []issue.Section{{Page: 1, Name: "要闻", Articles: []issue.Article{
		{N: 1, Title: "互联网与内存", Paragraphs: paras},
		{N: 2, Title: "苹果丰收", Paragraphs: []string{"今年苹果丰收。"}},
	}}}}
}

// TestScriptKey cycles 原文 → 简 → 繁 → 原文 on a Traditional issue: the
// article, the list, the masthead and the status line follow, and the
// article is converted only where it is not already in the script.
func TestScriptKey(t *testing.T) {
	m := newScriptModel(t, hkIssue(t), script.None, 100, 30)
	r := reader(m)
	press(t, m, "enter")
	sc := screen(m)
	if !strings.Contains(sc, "澄灣晨報") || !strings.Contains(sc, "鷺嶼海濱長廊全綫貫通") || !strings.Contains(sc, " 繁 ") {
		t.Fatalf("原文 of a Traditional issue:\n%s", sc)
	}
	press(t, m, "t")
	sc = screen(m)
	for _, want := range []string{"澄湾晨报", "鹭屿海滨长廊全线贯通", "立法会财委会通过拨款", "显示简体(hk2s)"} { // a Hong Kong paper
		if !strings.Contains(sc, want) {
			t.Errorf("简: no %q on the screen:\n%s", want, sc)
		}
	}
	if strings.Contains(sc, "鷺嶼") {
		t.Errorf("简 still shows 鷺嶼:\n%s", sc)
	}
	press(t, m, "j") // the message gives way to the status
	if sc := screen(m); !strings.Contains(sc, " 繁→简 ") {
		t.Errorf("简: the status line does not say 繁→简:\n%s", sc)
	}
	press(t, m, "t")
	sc = screen(m)
	if !strings.Contains(sc, "鷺嶼海濱長廊全綫貫通") || r.scriptStatus() != "繁→繁" || !strings.Contains(sc, "本期原是繁体") {
		t.Errorf("繁 of a Traditional issue is not the text as written:\n%s", sc)
	}
	if r.script.conv != nil {
		t.Errorf("繁 converts a Traditional issue with %s", r.script.conv.Conversion())
	}
	press(t, m, "t")
	if sc := screen(m); !strings.Contains(sc, "鷺嶼海濱") || !strings.Contains(sc, "显示原文") || r.scriptStatus() != "繁" {
		t.Errorf("back to 原文:\n%s", sc)
	}
	if r.Script() != script.None {
		t.Errorf("the next issue would start with %q", r.Script())
	}
}

// TestScriptKeepsPlace scrolls into a long article and switches script:
// the character at the top stays in view through 原文 → 简 → 繁 (s2twp,
// which changes lengths) → 原文, and the reading position is the source's.
func TestScriptKeepsPlace(t *testing.T) {
	m := newScriptModel(t, longIssue(), script.S2TWP, 40, 20)
	r := reader(m)
	if r.script.mode != modeTraditional {
		t.Fatalf("s2twp in the config opens in mode %d", r.script.mode)
	}
	press(t, m, "t") // 繁 → 原文
	press(t, m, "enter")
	for range 60 {
		press(t, m, "j")
	}
	n, pos := r.Position()
	t.Logf("top at %+v", pos)
	if pos.Piece < 2 || pos.Offset == 0 {
		t.Fatalf("did not scroll into a paragraph: %+v", pos)
	}
	for i, mode := range []string{"简", "繁", "原文"} {
		press(t, m, "t")
		if r.script.mode != scriptMode((i+1)%3) {
			t.Fatalf("t #%d: mode %d", i+1, r.script.mode)
		}
		// The character that was at the top is on the first or second
		// line: a line may start inside a phrase that changed length
		// (網際|網路), and then the line where the phrase starts is shown.
		// Where it is in the text shown comes from the script package.
		_, maps := script.ArticleMapped(r.Article(), r.script.conv)
		at := maps[pos.Piece].ToText(pos.Offset)
		if !showsOffset(r.lay.Lines(r.top, 2), pos.Piece, at) {
			t.Errorf("%s: the character at %+v (%d shown) is not on the first two lines", mode, pos, at)
		}
		if n2, pos2 := r.Position(); n2 != n || pos2.Piece != pos.Piece || pos2.Offset > pos.Offset {
			t.Errorf("%s: position %d %+v, was %d %+v", mode, n2, pos2, n, pos)
		}
	}
	if strings.Contains(screen(m), "網際網路") {
		t.Error("原文 shows the conversion")
	}
	press(t, m, "t", "t")
	if sc := screen(m); !strings.Contains(sc, "網際網路") || !strings.Contains(sc, "記憶體") {
		t.Errorf("繁 (s2twp) does not show Taiwan's words:\n%s", sc)
	}
	if _, pos2 := r.Position(); pos2.Piece != pos.Piece {
		t.Errorf("after a second round: %+v, was %+v", pos2, pos)
	}
}

// showsOffset reports whether one of lines shows the byte at offset of
// piece (of the text shown).
func showsOffset(lines []render.Line, piece, offset int) bool {
	for _, ln := range lines {
		for _, sp := range ln.Spans {
			if sp.Piece == piece && sp.Offset <= offset && offset < sp.Offset+sp.End-sp.Start {
				return true
			}
		}
	}
	return false
}

// TestScriptSearch searches in either script and either display: the
// matches are the same, and the marks fall on what the words became.
func TestScriptSearch(t *testing.T) {
	m := newScriptModel(t, hkIssue(t), script.None, 100, 30)
	r := reader(m)
	press(t, m, "/", "苹", "果", "enter")
	s := &r.search
	if len(s.matches) == 0 {
		t.Fatal("苹果 does not find 蘋果")
	}
	count := len(s.matches)
	checkMarks := func(mode, want string) {
		t.Helper()
		marks := r.lay.Marks(r.search.marks(r.Article()))
		ps := r.lay.Pieces()
		found := 0
		for _, mk := range marks {
			if got := ps[mk.Piece].Text[mk.Start:mk.End]; got != want {
				t.Errorf("%s: a mark covers %q, want %q", mode, got, want)
			}
			found++
		}
		if found == 0 {
			t.Errorf("%s: no mark in the article shown", mode)
		}
		if sc := screen(m); !strings.Contains(sc, "“"+want+"”") && !strings.Contains(sc, want) {
			t.Errorf("%s: the results do not show %q:\n%s", mode, want, sc)
		}
	}
	checkMarks("原文", "蘋果")
	press(t, m, "t")
	checkMarks("简", "苹果")
	if len(s.matches) != count {
		t.Errorf("switching script changed the matches: %d, was %d", len(s.matches), count)
	}
	press(t, m, "/", "蘋", "果", "enter")
	if len(s.matches) != count {
		t.Errorf("蘋果 finds %d, 苹果 %d", len(s.matches), count)
	}
	checkMarks("简, Traditional query", "苹果")
	// The results list shows the snippets converted, the match marked.
	press(t, m, "esc")
	if sc := screen(m); !strings.Contains(sc, "送上苹果") || strings.Contains(sc, "送上蘋果") {
		t.Errorf("results in 简:\n%s", sc)
	}
}

// TestScriptAuto opens issues with script = "auto-s": a Traditional issue
// in Simplified, a Simplified one as written.
func TestScriptAuto(t *testing.T) {
	m := newScriptModel(t, hkIssue(t), script.AutoS, 100, 30)
	if sc := screen(m); !strings.Contains(sc, "鹭屿海滨长廊全线贯通") || !strings.Contains(sc, " 繁→简 ") {
		t.Errorf("auto-s on a Traditional issue:\n%s", sc)
	}
	if reader(m).Script() != script.AutoS {
		t.Errorf("auto-s does not carry to the next issue: %q", reader(m).Script())
	}
	m = newScriptModel(t, sample(t), script.AutoS, 100, 30)
	if sc := screen(m); !strings.Contains(sc, "青溪河生态廊道全线贯通") || strings.Contains(sc, "→") || reader(m).script.conv != nil {
		t.Errorf("auto-s on a Simplified issue:\n%s", sc)
	}
	m = newScriptModel(t, sample(t), script.AutoT, 100, 30)
	if sc := screen(m); !strings.Contains(sc, "青溪河生態廊道全線貫通") || !strings.Contains(sc, "简→繁") {
		t.Errorf("auto-t on a Simplified issue:\n%s", sc)
	}
}

// TestScriptLineBreaks draws the Hong Kong issue converted and not at
// several widths: no line of the article starts with a closing mark
// (」』，。) or ends with an opening one (「『).
func TestScriptLineBreaks(t *testing.T) {
	is := hkIssue(t)
	rnd := render.New(testEnv().St)
	cv, err := script.Load(script.HK2S)
	if err != nil {
		t.Fatal(err)
	}
	for _, conv := range []*script.Converter{nil, cv} {
		for _, a := range is.Articles() {
			for _, w := range []int{12, 17, 30, 41} {
				for _, ln := range rnd.Layout(a, render.Options{Width: w, Script: conv}).All() {
					text := strings.TrimSpace(ln.Text)
					if text == "" {
						continue
					}
					if strings.ContainsAny(text[:len(string([]rune(text)[0]))], "」』，。、：；！？") {
						t.Errorf("#%d width %d: a line starts with a closing mark: %q", a.N, w, text)
					}
					if r := []rune(text); strings.ContainsRune("「『（", r[len(r)-1]) {
						t.Errorf("#%d width %d: a line ends with an opening mark: %q", a.N, w, text)
					}
				}
			}
		}
	}
}
