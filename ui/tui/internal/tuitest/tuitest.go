// Package tuitest helps the tests of the full-screen program and its pages
// drive a bubbletea model as the program would — keys in, the commands
// they return run and their messages fed back, the screen out — on the
// repository's fixtures. Each page's tests drive that page alone (behind a
// stand-in for the root model); the root's tests drive the whole program.
package tuitest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/issue"
	"dubao/ui/config"
	"dubao/ui/render"
	"dubao/ui/state"
	"dubao/ui/styles"
	"dubao/ui/tui/common"
	"dubao/ui/wrap"
)

// RepoDir returns the folder holding go.mod.
func RepoDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test folder")
		}
		dir = parent
	}
}

// Sample parses the repo's sample issue.
func Sample(t testing.TB) *issue.Issue {
	t.Helper()
	f, err := os.Open(filepath.Join(RepoDir(t), "testdata", "sample.md"))
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

// Seed parses the real sample issue in ../shared, or returns nil when it
// is absent (a fresh clone).
func Seed(t testing.TB) *issue.Issue {
	t.Helper()
	p := filepath.Join(RepoDir(t), "..", "shared", "seed", "000_f6fea3e315053468.txt")
	f, err := os.Open(p)
	if err != nil {
		t.Logf("seed issue not found (%v): skipping it", err)
		return nil
	}
	defer f.Close()
	is, err := issue.Parse(f, issue.Options{Name: "seed"})
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	return is
}

// Real reads the real 20-page issue in ../shared (one file per article),
// or returns nil when it is absent (a fresh clone).
func Real(t testing.TB) *issue.Issue {
	t.Helper()
	p := filepath.Join(RepoDir(t), "..", "shared", "real", "people-daily-2019-10-02")
	if _, err := os.Stat(p); err != nil {
		t.Logf("real issue not found (%v): skipping it", err)
		return nil
	}
	is, err := issue.Open(p, issue.Options{})
	if err != nil {
		t.Fatalf("real issue: %v", err)
	}
	return is
}

// Para returns a fictional paragraph of about n characters.
func Para(n int) string {
	const s = "清晨的河岸边,早起的人们沿着新修的步道慢跑,白鹭从芦苇丛里飞起。"
	var b strings.Builder
	for b.Len() < n*3 {
		b.WriteString(s)
	}
	return b.String()
}

// JumpIssue is a fictional issue of three pages whose first article
// continues on page 2, with a reference to page 3 and one to a page that
// is not in the issue.
func JumpIssue() *issue.Issue {
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
					Paragraphs: []string{first, p2 + j2, Para(800) + j3},
					Jumps: []issue.Jump{
						{Page: 2, Text: j1, Dir: issue.JumpTo, Para: 0, Offset: len(p1)},
						{Page: 3, Text: j2, Dir: issue.JumpSee, Para: 1, Offset: len(p2)},
						{Page: 9, Text: j3, Dir: issue.JumpTo, Para: 2, Offset: len(Para(800))},
					}},
				{N: 2, Title: "短讯两则", Paragraphs: []string{Para(30)}},
			}},
			{Page: 2, Name: "城市", Articles: []issue.Article{
				{N: 3, Title: "老城区的绿意", Paragraphs: []string{Para(50)}},
				{N: 4, Title: "口袋公园今年再添三十个", Paragraphs: []string{"(上接第一版)" + Para(80)},
					Jumps: []issue.Jump{{Page: 1, Text: "(上接第一版)", Dir: issue.JumpFrom, Para: 0, Offset: 0}}},
			}},
			{Page: 3, Name: "名单", Articles: []issue.Article{
				{N: 5, Title: "口袋公园名单", Paragraphs: []string{Para(40)}},
			}},
		},
	}
}

// BigIssue returns an issue of n articles of about 200,000 characters
// each (2,000 paragraphs; the articles share their text).
func BigIssue(n int) *issue.Issue {
	paras := make([]string, 2000)
	for i := range paras {
		paras[i] = Para(100)
	}
	sec := issue.Section{Page: 1, Name: "长文"}
	for i := range n {
		sec.Articles = append(sec.Articles, issue.Article{N: i + 1, Title: "长文", Byline: "本报讯", BylineInline: true, Paragraphs: paras})
	}
	return &issue.Issue{Paper: "测试报", Sections: []issue.Section{sec}}
}

// Key returns the key press bubbletea reports for a key name.
func Key(k string) tea.KeyPressMsg {
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

// Run runs cmd and gives m the messages it returns that feed accepts, and
// the commands those return in turn (to a depth of 8), as the program
// would; it returns the messages it did not feed (quit, clipboard, ticks…).
// A command that hangs (none should) is given up after 5 seconds.
func Run(m tea.Model, cmd tea.Cmd, feed func(tea.Msg) bool) []tea.Msg {
	return run(m, cmd, feed, 0)
}

func run(m tea.Model, cmd tea.Cmd, feed func(tea.Msg) bool, depth int) []tea.Msg {
	if cmd == nil || depth > 8 {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(5 * time.Second):
		return nil
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, run(m, c, feed, depth+1)...)
		}
		return out
	}
	if !feed(msg) {
		return []tea.Msg{msg}
	}
	_, next := m.Update(msg)
	return append([]tea.Msg{msg}, run(m, next, feed, depth+1)...)
}

// CheckScreen checks that a view fits w×h.
func CheckScreen(t testing.TB, v string, w, h int, where string) {
	t.Helper()
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

// Press gives m the keys, one at a time, running the commands each
// returns as Run does.
func Press(t testing.TB, m tea.Model, feed func(tea.Msg) bool, keys ...string) {
	t.Helper()
	for _, k := range keys {
		Send(m, Key(k), feed)
	}
}

// Send gives m a message and runs the commands it returns as Run does,
// returning the messages not fed.
func Send(m tea.Model, msg tea.Msg, feed func(tea.Msg) bool) []tea.Msg {
	_, cmd := m.Update(msg)
	return Run(m, cmd, feed)
}

// Screen returns m's view without styles.
func Screen(m tea.Model) string {
	return ansi.Strip(m.View().Content)
}

// Stream feeds the messages among msgs that batch reports (results of a
// search of the shelf) back to m, and those that follow, until the search
// ends (or, with steps > 0, for that many messages), running the commands
// of each with run. It returns the number of messages fed.
func Stream(m tea.Model, msgs []tea.Msg, steps int, batch func(tea.Msg) bool, run func(tea.Cmd) []tea.Msg) int {
	var next tea.Msg
	for _, msg := range msgs {
		if batch(msg) {
			next = msg
		}
	}
	n := 0
	for next != nil && (steps <= 0 || n < steps) {
		_, cmd := m.Update(next)
		n++
		next = nil
		for _, msg := range run(cmd) {
			if batch(msg) {
				next = msg
			}
		}
	}
	return n
}

// Env is the root's environment with the default configuration and the
// dark styles, saving nothing, for a page on its own.
func Env() common.Env {
	st := styles.ForMode(styles.Dark, true, false)
	return common.Env{Keys: common.DefaultKeyMap(), St: st, Rnd: render.New(st),
		Measure: config.DefaultMeasure, Current: config.DefaultMeasure,
		FullWidthPunct: true, IndentOnly: true, // the defaults
		Save: func(*state.Issue) string { return "" }}
}

// PageView draws a page as the root does: cut to w×h, with its cursor
// (nil: none).
func PageView(content string, cursor *tea.Cursor, w, h int) tea.View {
	v := tea.NewView(common.Fit(content, w, h))
	if w > 0 && h > 0 {
		v.Cursor = cursor
	}
	return v
}
