package reader

import (
	"fmt"
	"strings"
	"testing"

	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// TestPageCount: the status counts the pages the file holds, so that it
// agrees with ] and [; the masthead tells the printed count apart.
func TestPageCount(t *testing.T) {
	m := newModel(t, tuitest.NoPaper(), 100, 30)
	sc := screen(m)
	if !strings.Contains(sc, "版 1/1") || !strings.Contains(sc, "本期20版(此处1版)") {
		t.Errorf("page count:\n%s", sc)
	}
	press(t, m, "]")
	if reader(m).note.Text != "已是最后一版" {
		t.Errorf("] says %q", reader(m).note.Text)
	}
	// pages numbered apart from their place: both shown
	is := jumpIssue()
	is.Sections[1].Page = 5
	is.Pages = 0
	m = newModel(t, is, 100, 30)
	press(t, m, "]")
	if sc := screen(m); !strings.Contains(sc, "第5版 2/3") {
		t.Errorf("a page numbered 5 of 3:\n%s", sc)
	}
	if s := tuitest.Seed(t); s != nil {
		m = newModel(t, s, 100, 30)
		sc := screen(m)
		want := fmt.Sprintf("版 1/%d", len(s.Sections))
		if !strings.Contains(sc, want) {
			t.Errorf("seed: status lacks %q:\n%s", want, sc)
		}
		if s.Pages > len(s.Sections) && !strings.Contains(sc, fmt.Sprintf("本期%d版(此处%d版)", s.Pages, len(s.Sections))) {
			t.Errorf("seed: masthead does not tell the printed pages apart:\n%s", sc)
		}
	}
}

// TestOutputView: the output of a | command is wrapped, not cut, and ?
// shows the help over it, closing back to it.
func TestOutputView(t *testing.T) {
	m := newModel(t, sample(t), 60, 20)
	r := reader(m)
	long := strings.Repeat("长行", 40) + "END"
	send(m, pipeDoneMsg{command: "x", output: []byte("short\n" + long + "\n")})
	if r.overlay != overlayOutput {
		t.Fatalf("no output overlay")
	}
	body := strings.Split(screen(m), "\n")[1:]
	joined := strings.ReplaceAll(strings.Join(body, ""), " ", "")
	if !strings.Contains(joined, long) {
		t.Errorf("the long line is cut:\n%s", screen(m))
	}
	checkScreen(t, m, 60, 20, "output")
	press(t, m, "?")
	if r.overlay != overlayHelp || !strings.Contains(screen(m), "按键") {
		t.Fatalf("? in the output does not show the help:\n%s", screen(m))
	}
	press(t, m, "esc")
	if r.overlay != overlayOutput {
		t.Errorf("closing the help does not return to the output")
	}
	press(t, m, "q")
	if r.overlay != overlayNone {
		t.Errorf("q does not close the output")
	}
	// a long output scrolls to its last wrapped line
	send(m, pipeDoneMsg{command: "x", output: []byte(strings.Repeat(long+"\n", 20))})
	press(t, m, "G")
	if sc := screen(m); !strings.Contains(strings.Split(sc, "\n")[18], "END") {
		t.Errorf("G does not reach the end of the output:\n%s", sc)
	}
}

// TestEndMessages: J, K and space say when there is no article further,
// and < > say why they do nothing outside a shelf.
func TestEndMessages(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "K")
	if r.note.Text != "已是第一篇" || r.cur != 0 {
		t.Errorf("K on the first: %q", r.note.Text)
	}
	press(t, m, "G", "J")
	if r.note.Text != "已是最后一篇" || r.cur != len(r.arts)-1 {
		t.Errorf("J on the last: %q", r.note.Text)
	}
	press(t, m, "enter")
	for range 50 {
		press(t, m, "space")
	}
	if r.note.Text != "已是最后一篇" || r.cur != len(r.arts)-1 {
		t.Errorf("space at the end of the last: %q", r.note.Text)
	}
	for _, k := range []string{"<", ">"} {
		press(t, m, k)
		if !strings.Contains(r.note.Text, "不在书架中") {
			t.Errorf("%s outside a shelf says %q", k, r.note.Text)
		}
	}
	// space at the end of an article names the next
	press(t, m, "g", "1", "enter", "space")
	if want := "下一篇：第2篇 " + r.arts[1].Headline(); r.note.Text != want {
		t.Errorf("space to the next article says %q, want %q", r.note.Text, want)
	}
}

// TestHelpEveryKey: the help shows the keys of the reader that do
// something at the moment and not the others (no n/N before a search, no
// < > s for a single file), each key quoted apart from the next (/ and
// ctrl+f read as two keys), and at 20×6 a key a line, its description
// uncut on the lines after it (see also TestHelpNarrow).
func TestHelpEveryKey(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	press(t, m, "?")
	sc := screen(m)
	for _, k := range []string{"n ", "N ", "s ", "< ", "> "} {
		if strings.Contains(sc, " "+k) {
			t.Errorf("help shows %q, which does nothing here:\n%s", k, sc)
		}
	}
	if !strings.Contains(sc, " o ") {
		t.Errorf("help lacks o (the sample has jump lines):\n%s", sc)
	}
	if got := common.HelpKeys([]string{"/", "ctrl+f"}); got != "/ ctrl+f" {
		t.Errorf("keys / and ctrl+f shown as %q", got)
	}
	m = newModel(t, sample(t), 20, 6)
	press(t, m, "?")
	lines := strings.Split(screen(m), "\n")
	if got := strings.TrimRight(lines[2]+"|"+lines[3], " "); got != " j ↓|   下移 / 向下滚动" {
		t.Errorf("narrow help lines %q", got)
	}
	for _, l := range lines[2:5] {
		if strings.Contains(strings.TrimSpace(l), "   ") {
			t.Errorf("narrow help line with a gap: %q", l)
		}
	}
	checkScreen(t, m, 20, 6, "narrow help")
	press(t, m, "j", "j", "j", "j")
	if !strings.HasPrefix(strings.Split(screen(m), "\n")[2], " enter l →") {
		t.Errorf("narrow help does not scroll:\n%s", screen(m))
	}
}

// TestSpaceInList: in the list, space pages the article shown beside it
// (as in mutt), the list keeping the focus.
func TestSpaceInList(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "1", "0", "enter")
	if r.focus != focusList || r.Article().N != 10 {
		t.Fatalf("focus %d, article %d", r.focus, r.Article().N)
	}
	top := r.top
	press(t, m, "space")
	if r.focus != focusList || r.Article().N != 10 || !top.Before(r.top) {
		t.Errorf("space in the list: focus %d, article %d, top %v → %v", r.focus, r.Article().N, top, r.top)
	}
	press(t, m, "b")
	if r.top != top {
		t.Errorf("b in the list does not page the article back: %v", r.top)
	}
	press(t, m, "d")
	if r.Article().N == 10 {
		t.Errorf("d in the list does not move the list")
	}
	// too narrow for both panes: space opens the article
	m = newModel(t, sample(t), 40, 20)
	press(t, m, "space")
	if reader(m).focus != focusArticle {
		t.Errorf("space in the narrow list does not open the article")
	}
}

// TestTitleMatch: a match in a title is shown as such under the title,
// not as the title a second time.
func TestTitleMatch(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	press(t, m, "/")
	for _, r := range "茶事" {
		press(t, m, string(r))
	}
	press(t, m, "enter", "esc")
	left := ""
	for _, l := range strings.Split(screen(m), "\n") {
		if i := strings.Index(l, "│"); i >= 0 {
			left += l[:i] + "\n"
		}
	}
	if n := strings.Count(left, "河畔茶事"); n != 1 {
		t.Errorf("河畔茶事 %d times in the results:\n%s", n, left)
	}
	if !strings.Contains(left, "标题 茶事") {
		t.Errorf("the title match is not marked:\n%s", left)
	}
}

func TestCountText(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"青溪日报", 4},
		{"hello", 1},
		{"hello world", 2},
		{"GDP达到2,861.3亿元，增长5.8%。", 12}, // GDP 达 到 2,861.3 亿 元 ， 增 长 5.8 % 。
		{"e\u0301te\u0301", 1},         // combining accents: one word
		{"本报讯　（记者 林  舸）", 9},
		{"ＶＩＰ客户", 3},
		{"", 0},
	} {
		if got := countText(tc.text); got != tc.want {
			t.Errorf("countText(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
