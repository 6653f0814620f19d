package reader

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/config"
	"dubao/ui/render"
	"dubao/ui/tui/common"
)

func TestListNavigation(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	if r.focus != focusList || r.Article().N != 1 {
		t.Fatalf("starts at article %d, focus %d", r.Article().N, r.focus)
	}
	press(t, m, "j", "j", "down")
	if got := r.Article().N; got != 4 {
		t.Errorf("after j j ↓: article %d, want 4", got)
	}
	press(t, m, "k")
	if got := r.Article().N; got != 3 {
		t.Errorf("after k: article %d, want 3", got)
	}
	press(t, m, "G")
	if got := r.Article().N; got != len(r.arts) {
		t.Errorf("after G: article %d, want the last", got)
	}
	press(t, m, "g")
	if got := r.Article().N; got != 1 {
		t.Errorf("after g: article %d", got)
	}
	press(t, m, "k") // at the top: stays
	if got := r.Article().N; got != 1 {
		t.Errorf("k at the top: article %d", got)
	}
	if !strings.Contains(screen(m), "▌ 1 青溪河生态廊道全线贯通") {
		t.Errorf("selected headline not marked:\n%s", screen(m))
	}
	for _, k := range []string{"enter", "l", "right", "tab"} {
		press(t, m, "esc")
		if r.focus != focusList {
			t.Fatalf("esc does not focus the list")
		}
		press(t, m, k)
		if r.focus != focusArticle {
			t.Errorf("%s does not focus the article", k)
		}
	}
	for _, k := range []string{"h", "left"} {
		press(t, m, "enter", k)
		if r.focus != focusList {
			t.Errorf("%s does not focus the list", k)
		}
	}
}

func TestArticleScroll(t *testing.T) {
	is := jumpIssue()
	m := newModel(t, is, 100, 12)
	r := reader(m)
	press(t, m, "enter")
	top := func() int { return r.lay.Distance(render.Loc{}, r.top) }
	press(t, m, "j", "j")
	if top() != 2 {
		t.Fatalf("j j: top line %d", top())
	}
	press(t, m, "k")
	if top() != 1 {
		t.Errorf("k: top line %d", top())
	}
	press(t, m, "d")
	if top() != 1+r.g.BodyH/2 {
		t.Errorf("d: top line %d, body %d", top(), r.g.BodyH)
	}
	press(t, m, "u")
	if top() != 1 {
		t.Errorf("u: top line %d", top())
	}
	press(t, m, "g", "space")
	if top() != r.g.BodyH-2 {
		t.Errorf("space: top line %d, body %d", top(), r.g.BodyH)
	}
	press(t, m, "b")
	if top() != 0 {
		t.Errorf("b: top line %d", top())
	}
	press(t, m, "f", "pgup", "pgdown")
	if top() != r.g.BodyH-2 {
		t.Errorf("f pgup pgdown: top line %d", top())
	}
	press(t, m, "G")
	if !r.atEnd() || r.lay.Distance(r.top, r.lay.Last()) != r.g.BodyH-1 {
		t.Errorf("G does not show the last line at the bottom")
	}
	if !strings.Contains(screen(m), "100%") {
		t.Errorf("status does not say 100%% at the end:\n%s", screen(m))
	}
	press(t, m, "j") // cannot scroll past the end
	if !r.atEnd() || r.lay.Distance(r.top, r.lay.Last()) != r.g.BodyH-1 {
		t.Errorf("j scrolled past the end")
	}
	press(t, m, "space") // at the end: the next article
	if r.Article().N != 2 || top() != 0 || r.focus != focusArticle {
		t.Errorf("space at the end: article %d top %d", r.Article().N, top())
	}
	press(t, m, "home")
	if top() != 0 {
		t.Errorf("home: top %d", top())
	}
	press(t, m, "up") // at the top: stays
	if top() != 0 {
		t.Errorf("up at the top: %d", top())
	}
}

func TestNextPrevArticleAndPage(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "J", "J")
	if r.Article().N != 3 || r.focus != focusList {
		t.Errorf("J J from the list: article %d focus %d", r.Article().N, r.focus)
	}
	press(t, m, "enter", "J")
	if r.Article().N != 4 || r.focus != focusArticle {
		t.Errorf("J from the article: article %d focus %d", r.Article().N, r.focus)
	}
	press(t, m, "K", "K")
	if r.Article().N != 2 {
		t.Errorf("K K: article %d", r.Article().N)
	}
	press(t, m, "]")
	if r.Article().N != 6 || !strings.Contains(screen(m), "版 2/4 · 篇 1/2") {
		t.Errorf("]: article %d, status:\n%s", r.Article().N, screen(m))
	}
	press(t, m, "]", "]")
	if r.Article().N != 10 || !strings.Contains(screen(m), "版 4/4 · 篇 1/2") {
		t.Errorf("] ] ]: article %d\n%s", r.Article().N, screen(m))
	}
	press(t, m, "]")
	if r.Article().N != 10 || !strings.Contains(screen(m), "已是最后一版") {
		t.Errorf("] on the last page: article %d\n%s", r.Article().N, screen(m))
	}
	press(t, m, "J", "[")
	if r.Article().N != 8 {
		t.Errorf("[ from page 4: article %d", r.Article().N)
	}
	press(t, m, "J", "[")
	if r.Article().N != 6 {
		t.Errorf("[ from the second article of page 3: article %d, want page 2's first", r.Article().N)
	}
	press(t, m, "esc", "g", "[")
	if r.Article().N != 1 || !strings.Contains(screen(m), "已是第一版") {
		t.Errorf("[ on the first page: article %d", r.Article().N)
	}
	press(t, m, "G", "J")
	if r.Article().N != r.arts[len(r.arts)-1].N {
		t.Errorf("J at the last article moved to %d", r.Article().N)
	}
}

func TestDigits(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "1", "0")
	if !strings.Contains(screen(m), "跳到第10篇(enter 确定)") {
		t.Errorf("typed number not shown:\n%s", screen(m))
	}
	press(t, m, "enter")
	if r.Article().N != 10 || r.focus != focusList {
		t.Errorf("10 enter: article %d", r.Article().N)
	}
	// a number waits for enter, however long the pause: no timer
	if _, cmd := m.Update(keyMsg("7")); cmd != nil {
		t.Fatal("a digit starts a timer")
	}
	if r.Article().N == 7 || r.digits != "7" {
		t.Errorf("7 jumped without enter: article %d, digits %q", r.Article().N, r.digits)
	}
	press(t, m, "enter")
	if r.Article().N != 7 {
		t.Errorf("7 enter: article %d", r.Article().N)
	}
	press(t, m, "3")
	press(t, m, "backspace")
	if r.digits != "" {
		t.Errorf("backspace does not erase the digit: %q", r.digits)
	}
	press(t, m, "9", "9", "enter")
	if r.Article().N != 7 || !strings.Contains(screen(m), "没有第99篇(本期共11篇)") {
		t.Errorf("99 enter: article %d\n%s", r.Article().N, screen(m))
	}
	press(t, m, "2", "esc")
	if r.digits != "" || r.Article().N != 7 {
		t.Errorf("esc does not cancel the number")
	}
	press(t, m, "5", "j") // another key drops the number and does its job
	if r.digits != "" || r.Article().N != 8 {
		t.Errorf("5 j: digits %q article %d", r.digits, r.Article().N)
	}
}

func TestSearch(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "/")
	if r.prompt != promptSearch || !strings.Contains(screen(m), "/") {
		t.Fatal("/ opens no prompt")
	}
	press(t, m, "青", "溪", "enter")
	s := &r.search
	if !s.active() || len(s.matches) < 5 {
		t.Fatalf("search found %d matches", len(s.matches))
	}
	sc := screen(m)
	if !strings.Contains(sc, "/青溪 1/") || !strings.Contains(sc, "第1版 要闻 (") || !strings.Contains(sc, "“青溪”") {
		t.Errorf("no counter or grouped results:\n%s", sc)
	}
	if r.focus != focusArticle {
		t.Errorf("search does not show the article")
	}
	first := s.matches[0]
	press(t, m, "n", "n")
	if s.cur != 2 || !strings.Contains(screen(m), "/青溪 3/") {
		t.Errorf("n n: match %d", s.cur)
	}
	press(t, m, "N")
	if s.cur != 1 {
		t.Errorf("N: match %d", s.cur)
	}
	// across articles: the article shown follows the match
	for range len(s.matches) {
		press(t, m, "n")
		if r.Article().N != s.matches[s.cur].N {
			t.Fatalf("match %d is in article %d, reader shows %d", s.cur, s.matches[s.cur].N, r.Article().N)
		}
	}
	// the current match is on screen
	press(t, m, "n")
	m0 := s.matches[s.cur]
	loc := r.lay.LocOf(m0.Pos())
	if loc.Before(r.top) || r.lay.Distance(r.top, loc) >= r.g.BodyH {
		t.Errorf("current match not in view")
	}
	// the results list: j/k move through the matches
	press(t, m, "esc")
	if r.focus != focusList || !s.active() {
		t.Fatalf("esc from the article should go to the results")
	}
	cur := s.cur
	press(t, m, "j")
	if s.cur != cur+1 && !(cur == len(s.matches)-1 && s.cur == cur) {
		t.Errorf("j in the results: match %d, was %d", s.cur, cur)
	}
	press(t, m, "g")
	if s.cur != 0 || r.Article().N != first.N {
		t.Errorf("g in the results: match %d", s.cur)
	}
	press(t, m, "esc")
	if s.active() {
		t.Errorf("esc does not clear the search")
	}
	if strings.Contains(screen(m), "/青溪") {
		t.Errorf("search still in the status line")
	}
	// full-width query matches half-width text, across a line break
	press(t, m, "/", "Ａ", "enter")
	if len(s.matches) == 0 {
		t.Errorf("Ａ does not match A")
	}
	press(t, m, "/", "x", "y", "z", "q", "enter")
	if !strings.Contains(screen(m), "没有找到") {
		t.Errorf("a search without matches says nothing:\n%s", screen(m))
	}
	// an empty query keeps the search shown, as in the shelf; esc clears it
	press(t, m, "/", "Ａ", "enter", "/", "enter")
	if !s.active() || s.query != "Ａ" {
		t.Errorf("empty query changed the search to %q", s.query)
	}
	press(t, m, "esc", "esc")
	if s.active() {
		t.Errorf("esc does not clear the search")
	}
	// esc cancels the prompt
	press(t, m, "/", "a", "esc")
	if r.prompt != promptNone {
		t.Errorf("esc does not close the prompt")
	}
}

// TestSearchPromptStartsEmpty: / opens an empty prompt, as in less and
// in the shelf, whatever the search shown; its placeholder says that ↑
// brings back the last query, which ↑ does, even after esc cleared the
// search.
func TestSearchPromptStartsEmpty(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "/")
	if r.input.Value() != "" || strings.Contains(screen(m), "↑") {
		t.Errorf("/ before any search: prompt %q\n%s", r.input.Value(), screen(m))
	}
	press(t, m, "青", "溪", "enter")
	if r.search.query != "青溪" {
		t.Fatalf("searched %q", r.search.query)
	}
	press(t, m, "/")
	if r.input.Value() != "" {
		t.Errorf("/ with a search shown starts with %q, want an empty prompt", r.input.Value())
	}
	if want := "(↑ 调出上次的“青溪”)"; !strings.Contains(screen(m), want) {
		t.Errorf("the prompt does not say %q:\n%s", want, screen(m))
	}
	// typing starts a new query, not one added to the last
	press(t, m, "茶", "enter")
	if r.search.query != "茶" {
		t.Errorf("/茶 after /青溪 searched %q", r.search.query)
	}
	// ↑ brings back the last query, also after esc cleared the search
	press(t, m, "esc", "esc")
	if r.search.active() {
		t.Fatalf("esc esc does not clear the search")
	}
	press(t, m, "/", "up")
	if r.input.Value() != "茶" {
		t.Errorf("↑ in the prompt: %q, want the last query", r.input.Value())
	}
	press(t, m, "enter")
	if r.search.query != "茶" {
		t.Errorf("↑ enter searched %q", r.search.query)
	}
	// ↑ means nothing in the prompt of |
	press(t, m, "|", "up")
	if r.input.Value() != "" {
		t.Errorf("↑ in the | prompt: %q", r.input.Value())
	}
	press(t, m, "esc")
}

func TestSearchStale(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	c1 := r.startSearch("青溪")
	c2 := r.startSearch("茶")
	m.Update(c2())
	m.Update(c1()) // finishes late: ignored
	if r.search.query != "茶" {
		t.Errorf("a stale search replaced the newer one: %q", r.search.query)
	}
}

func TestFollowJumps(t *testing.T) {
	m := newModel(t, jumpIssue(), 100, 20)
	r := reader(m)
	press(t, m, "enter", "j")
	before := r.top
	press(t, m, "o")
	if r.Article().N != 4 || !strings.Contains(screen(m), "(下转第二版) → 第4篇") {
		t.Fatalf("o: article %d\n%s", r.Article().N, screen(m))
	}
	press(t, m, "backspace")
	if r.Article().N != 1 || r.top != before {
		t.Errorf("backspace: article %d top %v, want 1 %v", r.Article().N, r.top, before)
	}
	// repeated o takes the jump lines in turn, also after a return
	press(t, m, "o")
	if r.Article().N != 5 {
		t.Errorf("second o: article %d, want 5 (详见三版)", r.Article().N)
	}
	press(t, m, "backspace", "o")
	if r.Article().N != 1 || !strings.Contains(screen(m), "第9版不在本期中") {
		t.Errorf("third o: article %d\n%s", r.Article().N, screen(m))
	}
	press(t, m, "o")
	if r.Article().N != 4 {
		t.Errorf("fourth o wraps around: article %d", r.Article().N)
	}
	// from the continuation back to the start
	press(t, m, "o")
	if r.Article().N != 1 {
		t.Errorf("o on (上接第一版): article %d", r.Article().N)
	}
	press(t, m, "backspace", "backspace")
	if r.Article().N != 1 || len(r.history) != 0 {
		t.Errorf("backspace twice: article %d, history %d", r.Article().N, len(r.history))
	}
	msgs := send(m, keyMsg("backspace"))
	found := false
	for _, msg := range msgs {
		if _, ok := msg.(common.BackMsg); ok {
			found = true
		}
	}
	if found || !strings.Contains(screen(m), "没有可返回的转版(esc 回到标题列表)") {
		t.Errorf("backspace with no jump to return from leaves or says nothing: %v\n%s", msgs, screen(m))
	}
	// an article without jumps: o is disabled
	press(t, m, "J")
	if r.keys.Follow.Enabled() {
		t.Errorf("o enabled on an article without jump lines")
	}
}

func TestMeasure(t *testing.T) {
	m := newModel(t, sample(t), 200, 30)
	r := reader(m)
	if r.g.TextW != config.DefaultMeasure*2 {
		t.Fatalf("default text width %d", r.g.TextW)
	}
	press(t, m, "+", "+")
	if r.g.TextW != 84 || !strings.Contains(screen(m), "版心 42字") {
		t.Errorf("+ +: text width %d\n%s", r.g.TextW, screen(m))
	}
	m.Update(tea.WindowSizeMsg{Width: 210, Height: 30})
	if r.g.TextW != 84 {
		t.Errorf("measure lost on resize: %d", r.g.TextW)
	}
	press(t, m, "-", "-", "-")
	if r.g.TextW != 78 {
		t.Errorf("- - -: text width %d", r.g.TextW)
	}
	press(t, m, "=")
	if r.g.TextW != 80 {
		t.Errorf("=: text width %d", r.g.TextW)
	}
	for range 200 {
		press(t, m, "-")
	}
	if r.measure != config.MinMeasure {
		t.Errorf("measure went below the minimum: %d", r.measure)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
	press(t, m, "=")
	if !strings.Contains(screen(m), "版心 40字(窗口只容25字)") {
		t.Errorf("no note that the window is narrower than the measure:\n%s", screen(m))
	}
	// + does not count on past what the window shows, and - narrows at once
	for range 5 {
		press(t, m, "+")
	}
	if r.measure != 40 || r.g.TextW != 51 || !strings.Contains(screen(m), "版心 25字，已是窗口能容的最宽") || strings.Contains(screen(m), "41字") {
		t.Errorf("+ past the window: measure %d, text width %d\n%s", r.measure, r.g.TextW, screen(m))
	}
	press(t, m, "-")
	if r.g.TextW != 48 || r.measure != 24 {
		t.Errorf("- in a narrow window: measure %d, text width %d", r.measure, r.g.TextW)
	}
	press(t, m, "+", "+")
	if r.measure != 25 || !strings.Contains(screen(m), "已是窗口能容的最宽") {
		t.Errorf("+ + back to the window's width: measure %d\n%s", r.measure, screen(m))
	}
}

func TestCopy(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	msgs := send(m, keyMsg("y"))
	if len(msgs) != 1 || !strings.Contains(screen(m), "已复制第1篇") {
		t.Errorf("y: %v\n%s", msgs, screen(m))
	}
}

func TestPipe(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "|")
	if r.prompt != promptPipe {
		t.Fatal("| opens no prompt")
	}
	for _, c := range "wc -l" {
		press(t, m, string(c))
	}
	press(t, m, "enter")
	if r.overlay != overlayOutput || !strings.Contains(screen(m), "| wc -l — 完成") {
		t.Fatalf("no output shown:\n%s", screen(m))
	}
	want := strings.Count(render.Plain(r.Article(), render.Options{}), "\n")
	if !strings.Contains(screen(m), strconv.Itoa(want)) {
		t.Errorf("wc -l output %d not shown:\n%s", want, screen(m))
	}
	press(t, m, "q")
	if r.overlay != overlayNone {
		t.Errorf("q does not close the output")
	}
	press(t, m, "|", "t", "r", "u", "e", "enter")
	if r.overlay != overlayNone || !strings.Contains(screen(m), "没有输出") {
		t.Errorf("command without output:\n%s", screen(m))
	}
	press(t, m, "|", "f", "a", "l", "s", "e", "enter")
	if !strings.Contains(screen(m), "退出码 1") {
		t.Errorf("failing command:\n%s", screen(m))
	}
	// control sequences in the output are removed
	r.pipeDone(pipeDoneMsg{command: "x", output: []byte("a\x1b]52;c;aGk=\x07b\n\x1b[2Jc")})
	if v := m.View().Content; strings.Contains(v, "\x1b]52") || strings.Contains(v, "\x1b[2J") {
		t.Errorf("output not cleaned: %q", v)
	}
}

func TestHelp(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "?")
	sc := screen(m)
	// every key that does something here is in the help; those that do
	// nothing here are not
	for _, a := range config.Actions() {
		idle := false
		switch a.Name {
		case config.ActNextMatch, config.ActPrevMatch, // no search
			config.ActPrevIssue, config.ActNextIssue, config.ActSkipped, // no shelf
			config.ActNextUnread, config.ActBookmark, // no reading state
			config.ActToggleRead, config.ActPageRead, config.ActIssueRead,
			config.ActReturn: // no jump followed
			idle = true
		}
		if got := strings.Contains(sc, a.Help); got == idle {
			t.Errorf("help shows %s (%s): %v, want %v", a.Name, a.Help, got, !idle)
		}
	}
	press(t, m, "x")
	if r.overlay != overlayNone {
		t.Errorf("a key does not close the help")
	}
	// narrow and short: the help scrolls
	m.Update(tea.WindowSizeMsg{Width: 30, Height: 8})
	press(t, m, "?", "j", "j")
	if r.help.Top != 2 {
		t.Errorf("help does not scroll: %d", r.help.Top)
	}
	checkScreen(t, m, 30, 8, "help 30×8")
}

func TestMouse(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	// row 1 is the first page header, row 2 article 1, …
	send(m, tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft})
	n := r.rows[r.list.Top+4-r.g.BodyY]
	if r.cur != n.art {
		t.Errorf("click on row of article %d selected %d", n.art, r.cur)
	}
	send(m, tea.MouseClickMsg{X: 60, Y: 5, Button: tea.MouseLeft})
	if r.focus != focusArticle {
		t.Errorf("click on the article does not focus it")
	}
	press(t, m, "1", "0", "enter") // a long article
	send(m, tea.MouseWheelMsg{X: 60, Y: 10, Button: tea.MouseWheelDown})
	if d := r.lay.Distance(render.Loc{}, r.top); d != common.WheelLines {
		t.Errorf("wheel over the article scrolled %d lines", d)
	}
	send(m, tea.MouseWheelMsg{X: 5, Y: 10, Button: tea.MouseWheelDown})
	if d := r.lay.Distance(render.Loc{}, r.top); d != common.WheelLines {
		t.Errorf("wheel over the list scrolled the article")
	}
}

func TestNarrow(t *testing.T) {
	m := newModel(t, sample(t), 50, 20)
	r := reader(m)
	if r.g.Wide {
		t.Fatal("50 columns should be narrow")
	}
	if !strings.Contains(screen(m), "1 青溪河生态廊道全线贯通") || strings.Contains(screen(m), "本报讯") {
		t.Errorf("narrow: the list alone should show:\n%s", screen(m))
	}
	press(t, m, "enter")
	if strings.Contains(screen(m), "第1版 要闻") || !strings.Contains(screen(m), "本报讯") {
		t.Errorf("narrow: the article alone should show:\n%s", screen(m))
	}
	press(t, m, "esc")
	if !strings.Contains(screen(m), "第1版 要闻") {
		t.Errorf("narrow: esc shows no list")
	}
	// a click on a headline opens it
	send(m, tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseLeft})
	if r.focus != focusArticle {
		t.Errorf("narrow: click does not open the article")
	}
}

func TestQuit(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	msgs := send(m, keyMsg("q"))
	if len(msgs) != 1 || msgs[0] != (tea.QuitMsg{}) {
		t.Errorf("q: %v", msgs)
	}
	msgs = send(m, keyMsg("ctrl+c"))
	if len(msgs) != 1 || msgs[0] != (tea.InterruptMsg{}) {
		t.Errorf("ctrl+c: %v", msgs)
	}
	press(t, m, "/")
	msgs = send(m, keyMsg("q")) // typed into the prompt
	for _, msg := range msgs {
		if msg == (tea.QuitMsg{}) {
			t.Errorf("q in the prompt quits")
		}
	}
	if reader(m).input.Value() != "q" {
		t.Errorf("q not typed into the prompt: %q", reader(m).input.Value())
	}
	msgs = send(m, keyMsg("ctrl+c"))
	if len(msgs) != 1 || msgs[0] != (tea.InterruptMsg{}) {
		t.Errorf("ctrl+c in the prompt: %v", msgs)
	}
}
