package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"dubao/issue"
	"dubao/ui/config"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

func TestErrorPageQuits(t *testing.T) {
	m := New(nil, Options{Shelf: nil})
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 10})
	send(m, common.ErrorMsg{Name: "x", Err: errors.New("bad")})
	checkScreen(t, m, 40, 10, "error page")
	msgs := send(m, keyMsg("j"))
	quit := false
	for _, msg := range msgs {
		if msg == (tea.QuitMsg{}) {
			quit = true
		}
	}
	if !quit {
		t.Errorf("a key on the error page without a shelf does not quit: %v", msgs)
	}
}

func TestBackground(t *testing.T) {
	m := New(sample(t), Options{})
	if m.Init() == nil {
		t.Fatal("auto style does not ask for the background")
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	if m.st.Name != "fallback" || !m.st.Selected.GetReverse() {
		t.Errorf("before the terminal answers: styles %q, want the fallback palette (reverse selection)", m.st.Name)
	}
	m.Update(tea.ColorProfileMsg{Profile: colorprofile.ANSI})
	if !m.st.Selected.GetReverse() || m.st.Name != "fallback-16" {
		t.Errorf("16 colours: styles %q, selection reverse %v", m.st.Name, m.st.Selected.GetReverse())
	}
	m.Update(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	m.Update(tea.BackgroundColorMsg{Color: lightColor{}})
	if m.st.Name != "light" || !drawnWith(m, m.st.Masthead) {
		t.Errorf("light background: styles %q, the reader drawn with them %v", m.st.Name, drawnWith(m, m.st.Masthead))
	}
	m = New(sample(t), Options{NoColor: true})
	if m.st.Name != "nocolor" {
		t.Errorf("NO_COLOR: styles %q", m.st.Name)
	}
}

// lightColor is a white background.
type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestConfigKeys(t *testing.T) {
	cfg, err := config.Parse([]byte("[keys]\ndown = [\"x\"]\nquit = [\"Q\"]\n"), "test")
	if err != nil {
		t.Fatal(err)
	}
	m := New(sample(t), Options{Config: cfg})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "x")
	if readerOf(m).Article().N != 2 {
		t.Errorf("configured key x does not move down")
	}
	press(t, m, "j")
	if readerOf(m).Article().N != 2 {
		t.Errorf("j still moves down")
	}
	if msgs := send(m, keyMsg("Q")); len(msgs) != 1 || msgs[0] != (tea.QuitMsg{}) {
		t.Errorf("Q does not quit: %v", msgs)
	}
	press(t, m, "?")
	if !strings.Contains(screen(m), "x ") {
		t.Errorf("help does not show the configured key")
	}
}

// TestHostileText checks that control characters in the issue never reach
// the screen.
func TestHostileText(t *testing.T) {
	is := &issue.Issue{
		Paper: "坏报\x1b]0;title\x07", Date: "2024-01-02",
		Sections: []issue.Section{{Page: 1, Name: "要闻\x1b[2J", Articles: []issue.Article{
			{N: 1, Kicker: "引\x9b1m题", Title: "标题\u202e反转\x1b]52;c;aGk=\x07", Byline: "本报讯\x00",
				Paragraphs: []string{"正文\x1b[31m红\x07铃\x08退格\u2066隔离。"},
				Blocks:     []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: [][]string{{"格\x1b[1m", "x\u202dy"}}}}},
		}}},
	}
	m := newModel(t, is, 80, 20)
	for _, keys := range [][]string{nil, {"enter"}, {"/", "红", "enter"}, {"esc", "esc", "?"}} {
		press(t, m, keys...)
		v := m.View()
		for _, bad := range []string{"\x07", "\x00", "\x08", "\u009b", "\u202e", "\u202d", "\u2066", "\x1b]", "\x1b[2J", "\x1b[31m红", "\x1b[1m\n"} {
			if strings.Contains(v.Content, bad) {
				t.Errorf("after %v the screen holds %q", keys, bad)
			}
		}
		if strings.ContainsAny(v.WindowTitle, "\x1b\x07") {
			t.Errorf("window title holds controls: %q", v.WindowTitle)
		}
	}
}

// drawnWith reports whether m's screen shows something in style st.
func drawnWith(m *Model, st lipgloss.Style) bool {
	sgr, _, _ := strings.Cut(st.Render("\x00"), "\x00")
	return sgr != "" && strings.Contains(m.View().Content, sgr)
}

// TestViewCursor: the root's view puts the terminal's cursor where the
// page shown puts it — in the shelf's filter and the reader's search
// while they are typed into — and nowhere otherwise.
func TestViewCursor(t *testing.T) {
	m := newShelfModel(t, tuitest.ScanShelf(t, tuitest.ShelfDir(t)), nil, nil, 100, 30)
	cursorAt := func(when string, want *tea.Cursor) {
		t.Helper()
		got := m.View().Cursor
		switch {
		case want == nil && got != nil:
			t.Errorf("%s: a cursor at %v, want none", when, got.Position)
		case want != nil && (got == nil || got.Position != want.Position):
			t.Errorf("%s: cursor %v, want at %v", when, got, want.Position)
		}
	}
	cursorAt("the shelf", nil)
	press(t, m, "/")
	if m.shelf.Cursor() == nil {
		t.Fatalf("/ opens no filter on the shelf:\n%s", screen(m))
	}
	cursorAt("the shelf's filter", m.shelf.Cursor())
	press(t, m, "esc", "j", "enter")
	if m.showing != showReader {
		t.Fatalf("enter opens no issue:\n%s", screen(m))
	}
	cursorAt("the reader", nil)
	press(t, m, "/")
	if readerOf(m).Cursor() == nil {
		t.Fatalf("/ opens no search in the reader:\n%s", screen(m))
	}
	cursorAt("the reader's search", readerOf(m).Cursor())
	press(t, m, "esc")
	cursorAt("the reader after esc", nil)
}
