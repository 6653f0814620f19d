package reader

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/tui/common"
)

// TestHelpTopBottom: g and G go to the top and the bottom of the help, as
// space and d page it, instead of closing it.
func TestHelpTopBottom(t *testing.T) {
	m := newModel(t, sample(t), 40, 12)
	r := reader(m)
	press(t, m, "?")
	last := len(r.helpLines(38)) - (r.g.BodyH - 1)
	if last <= 0 {
		t.Fatalf("the help fits: nothing to scroll")
	}
	press(t, m, "G")
	if r.overlay != overlayHelp || r.help.Top != last {
		t.Fatalf("G in the help: overlay %d, top %d, want the help at %d", r.overlay, r.help.Top, last)
	}
	lines := strings.Split(screen(m), "\n")
	if !strings.Contains(lines[len(lines)-2], r.keys.Interrupt.Help().Desc) {
		t.Errorf("G does not show the last key:\n%s", screen(m))
	}
	press(t, m, "g")
	if r.overlay != overlayHelp || r.help.Top != 0 {
		t.Errorf("g in the help: overlay %d, top %d", r.overlay, r.help.Top)
	}
	press(t, m, "d")
	if r.help.Top == 0 {
		t.Errorf("d does not scroll the help")
	}
	press(t, m, "x")
	if r.overlay != overlayNone {
		t.Errorf("another key does not close the help")
	}
}

// TestHelpTiny: at tiny sizes the help's title still says how to close it,
// and every key's description can be read whole, scrolling down.
func TestHelpTiny(t *testing.T) {
	for _, size := range [][2]int{{20, 6}, {15, 6}, {10, 5}, {25, 8}, {33, 6}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := newModel(t, sample(t), w, h)
			r := reader(m)
			press(t, m, "?")
			if r.overlay != overlayHelp {
				t.Fatal("? shows no help")
			}
			var body []string
			for range 200 {
				lines := strings.Split(screen(m), "\n")
				if !strings.Contains(lines[1], "关闭") {
					t.Fatalf("title %q hides how to close the help", lines[1])
				}
				checkScreen(t, m, w, h, "help")
				top := r.help.Top
				body = append(body, lines[2+len(body)-top:1+r.g.BodyH]...)
				press(t, m, "j")
				if r.help.Top == top {
					break
				}
			}
			text := ""
			for _, l := range body {
				if strings.Contains(l, "…") {
					t.Errorf("help line cut: %q", l)
				}
				text += strings.TrimSpace(l)
			}
			for _, b := range common.Enabled(r.helpEntries()) {
				desc := strings.ReplaceAll(b.Help().Desc, " ", "")
				if !strings.Contains(strings.ReplaceAll(text, " ", ""), desc) {
					t.Errorf("description %q of %s not shown whole:\n%s", desc, b.Help().Key, strings.Join(body, "\n"))
				}
			}
		})
	}
}

// TestOutputHelp: ? over the output of a | command lists the keys of the
// output view, not the reader's.
func TestOutputHelp(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	send(m, pipeDoneMsg{command: "x", output: []byte("a\nb\n")})
	press(t, m, "?")
	sc := screen(m)
	for _, want := range []string{"关闭输出", "到末尾", "下一页"} {
		if !strings.Contains(sc, want) {
			t.Errorf("output help lacks %q:\n%s", want, sc)
		}
	}
	k := r.keys
	for _, b := range []string{k.NextArticle.Help().Desc, k.NextUnread.Help().Desc, k.Bookmark.Help().Desc, k.Open.Help().Desc, k.Search.Help().Desc} {
		if strings.Contains(sc, b) {
			t.Errorf("output help shows the reader's %q:\n%s", b, sc)
		}
	}
	press(t, m, "q")
	if r.overlay != overlayOutput {
		t.Errorf("closing the help does not return to the output")
	}
	// every key listed does what the help says in the output view
	send(m, pipeDoneMsg{command: "x", output: []byte(strings.Repeat("line\n", 200))})
	press(t, m, "G")
	if r.output.Top == 0 {
		t.Errorf("G in the output does not go to the end")
	}
	press(t, m, "g", "d")
	if r.output.Top != (r.g.BodyH-1)/2 {
		t.Errorf("d scrolls the output to %d, want half a page", r.output.Top)
	}
	m.Update(tea.WindowSizeMsg{Width: 20, Height: 6})
	press(t, m, "?")
	checkScreen(t, m, 20, 6, "output help")
}

// TestRemappedKeysInHints: the hints of the status line, the help's title
// and the messages name the keys the configuration gives, not the
// defaults.
func TestRemappedKeysInHints(t *testing.T) {
	env := testEnv()
	env.Keys = common.NewKeyMap(map[string][]string{"help": {"H"}, "search": {"S"}})
	m := newPage(common.OpenMsg{Issue: sample(t), Name: "test"}, env)
	run(m, m.Init(), 0)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	lines := strings.Split(screen(m), "\n")
	if status := lines[len(lines)-1]; !strings.HasSuffix(strings.TrimSpace(status), "H 帮助") {
		t.Errorf("the status line's hint: %q, want it to end in H 帮助", status)
	}
	press(t, m, "n")
	if sc := screen(m); !strings.Contains(sc, "还没有搜索(按 S 搜索)") {
		t.Errorf("n before a search does not name the search key S:\n%s", sc)
	}
	press(t, m, "H")
	if sc := screen(m); !strings.Contains(sc, "按键 · j/k 滚动 · H/esc 关闭") {
		t.Errorf("the help's title does not name H:\n%s", sc)
	}
}
