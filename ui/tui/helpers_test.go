package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/issue"
	"dubao/ui/styles"
	"dubao/ui/wrap"
)

// sample parses the repo's sample issue.
func sample(t testing.TB) *issue.Issue {
	t.Helper()
	f, err := os.Open("../../testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	is, err := issue.Parse(f, issue.Options{Name: "sample.md"})
	if err != nil {
		t.Fatal(err)
	}
	return is
}

// para returns a fictional paragraph of about n characters.
func para(n int) string {
	const s = "清晨的河岸边,早起的人们沿着新修的步道慢跑,白鹭从芦苇丛里飞起。"
	var b strings.Builder
	for b.Len() < n*3 {
		b.WriteString(s)
	}
	return b.String()
}

// jumpIssue is a fictional issue of three pages whose first article
// continues on page 2, with a reference to page 3 and one to a page that
// is not in the issue.
func jumpIssue() *issue.Issue {
	p1 := "今年,全市将新建口袋公园30个。"
	j1 := "(下转第二版)"
	p2 := "具体名单见三版。"
	j2 := "(详见三版)"
	j3 := "(下转第九版)"
	first := p1 + j1
	return &issue.Issue{
		Paper: "青溪晚报", Date: "2024-05-06", Number: 321, Pages: 3, Encoding: "GB18030",
		Sections: []issue.Section{
			{Page: 1, Name: "要闻", Articles: []issue.Article{
				{N: 1, Title: "口袋公园今年再添三十个", Byline: "本报讯", BylineInline: true,
					Paragraphs: []string{first, p2 + j2, para(800) + j3},
					Jumps: []issue.Jump{
						{Page: 2, Text: j1, Dir: issue.JumpTo, Para: 0, Offset: len(p1)},
						{Page: 3, Text: j2, Dir: issue.JumpSee, Para: 1, Offset: len(p2)},
						{Page: 9, Text: j3, Dir: issue.JumpTo, Para: 2, Offset: len(para(800))},
					}},
				{N: 2, Title: "短讯两则", Paragraphs: []string{para(30)}},
			}},
			{Page: 2, Name: "城市", Articles: []issue.Article{
				{N: 3, Title: "老城区的绿意", Paragraphs: []string{para(50)}},
				{N: 4, Title: "口袋公园今年再添三十个", Paragraphs: []string{"(上接第一版)" + para(80)},
					Jumps: []issue.Jump{{Page: 1, Text: "(上接第一版)", Dir: issue.JumpFrom, Para: 0, Offset: 0}}},
			}},
			{Page: 3, Name: "名单", Articles: []issue.Article{
				{N: 5, Title: "口袋公园名单", Paragraphs: []string{para(40)}},
			}},
		},
	}
}

// newModel returns a root model on is at w×h, with colours (dark).
func newModel(t testing.TB, is *issue.Issue, w, h int) *Model {
	t.Helper()
	m := New(is, Options{Name: "test", Style: styles.Dark})
	run(m, m.Init(), 0)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	if m.reader != nil {
		m.reader.digitWait = 0 // the timer's message is not fed back
	}
	return m
}

// keyMsg returns the key press bubbletea reports for a key name.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// press sends keys to m and runs the commands they return (except ticks
// and quits), feeding their messages back, as the program would.
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		send(m, keyMsg(k))
	}
}

// send gives m a message and runs the resulting commands.
func send(m *Model, msg tea.Msg) []tea.Msg {
	_, cmd := m.Update(msg)
	return run(m, cmd, 0)
}

// run runs cmd and feeds its messages to m; it returns the messages it did
// not feed (quit, clipboard, ticks…).
func run(m *Model, cmd tea.Cmd, depth int) []tea.Msg {
	if cmd == nil || depth > 8 {
		return nil
	}
	// a command that hangs (none should) fails the test by timing out
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(5 * time.Second):
		return nil
	}
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, run(m, c, depth+1)...)
		}
		return out
	case searchDoneMsg, pipeDoneMsg, BackMsg, OpenMsg, ErrorMsg, leaveErrorMsg, countsMsg,
		StepIssueMsg, NoticeMsg, ShowBookmarksMsg, bookmarksMsg, openBookmarkMsg, dropBookmarkMsg,
		leaveBookmarksMsg, indexMsg:
		_, next := m.Update(msg)
		return append([]tea.Msg{msg}, run(m, next, depth+1)...)
	}
	return []tea.Msg{msg}
}

// screen returns the view without styles.
func screen(m *Model) string {
	return ansi.Strip(m.View().Content)
}

// reader returns the reader page of m.
func reader(m *Model) *Reader { return m.reader }

// checkScreen checks that the view fits w×h.
func checkScreen(t testing.TB, m *Model, w, h int, where string) {
	t.Helper()
	v := m.View().Content
	lines := strings.Split(v, "\n")
	if v != "" && len(lines) > h {
		t.Errorf("%s: %d lines on a %d-line terminal", where, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > w {
			t.Errorf("%s: line %d is %d columns on a %d-column terminal: %q", where, i, got, w, ansi.Strip(l))
		}
		if got := wrap.StringWidth(ansi.Strip(l), false); got > w {
			t.Errorf("%s: line %d is %d columns (uniseg) on a %d-column terminal: %q", where, i, got, w, ansi.Strip(l))
		}
	}
}
