package shelf

import (
	"strings"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/shelf"
	"dubao/ui/tui/internal/tuitest"
)

// TestShelfFrontPage: from 120 columns the shelf shows the front page of
// the issue selected beside its list — the first page's name and its
// headlines, read in the background — and follows the selection; below
// 120 columns the list has the screen to itself.
func TestShelfFrontPage(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 100, 30)
	p := m.shelf
	send(m, tea.WindowSizeMsg{Width: 160, Height: 30}) // reads the selected issue's front page (fed back)
	e := p.Selected()
	l, err := s.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	first := l.Issue.Sections[0].Articles[0].Headline()
	sc := screen(m)
	if !strings.Contains(sc, "第1版") || !strings.Contains(sc, first) {
		t.Fatalf("no front page of %s %s beside the list (want %q):\n%s", e.Paper, e.Date, first, sc)
	}
	for _, line := range strings.Split(sc, "\n")[1:3] {
		if !strings.Contains(line, "│") {
			t.Errorf("no rule between the list and the front page: %q", line)
		}
	}
	checkScreen(t, m, 160, 30, "front page")
	press(t, m, "j")
	if p.Selected() == e {
		t.Fatal("j does not move")
	}
	if _, ok := p.fronts[p.Selected()]; !ok {
		t.Errorf("the front page of the issue selected next is not read")
	}
	// narrow: no front page
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if strings.Contains(screen(m), "│") {
		t.Errorf("a front page at 100 columns:\n%s", screen(m))
	}
}

// countReads makes the shelf page count the issues it reads for the front
// page.
func countReads(p *Page) *atomic.Int32 {
	var n atomic.Int32
	p.frontRead.open = func(e *shelf.Entry) (*shelf.Loaded, error) {
		n.Add(1)
		return p.s.Open(e)
	}
	return &n
}

// runOnly runs cmd as the program would and returns its messages without
// giving them to the page: the timers' messages, which the program gives
// only after their pause.
func runOnly(m *Model, cmd tea.Cmd) []tea.Msg {
	return tuitest.Run(m, cmd, func(tea.Msg) bool { return false })
}

// TestShelfFrontHoldJ: holding j on a wide screen reads the front page of
// none of the issues passed over, only of the issue the selection rests
// on, and the pane shows that issue's. Holding is keys given one after the
// other with the timers' messages held back until the last key, as a
// pause in moving lets them through.
func TestShelfFrontHoldJ(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newShelfModel(t, s, nil, nil, 160, 30) // reads the first issue's front page
	p := m.shelf
	reads := countReads(p)
	first := p.Selected()
	var held []tea.Msg
	n := 0
	for ; n < 20; n++ {
		before := p.Selected()
		_, cmd := m.Update(keyMsg("j"))
		held = append(held, runOnly(m, cmd)...)
		if p.Selected() == before {
			break // the last issue
		}
	}
	if n < 4 || p.Selected() == first {
		t.Fatalf("j moved over %d issues: too few to test", n)
	}
	for _, msg := range held {
		send(m, msg)
	}
	if got := reads.Load(); got != 1 {
		t.Errorf("holding j over %d issues read %d of them, want 1 (the issue under the cursor)", n, got)
	}
	e := p.Selected()
	l, err := s.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	want := l.Issue.Sections[0].Articles[0].Headline()
	if sc := screen(m); !strings.Contains(sc, want) {
		t.Errorf("the pane does not show the front page of %s %s (want %q):\n%s", e.Paper, e.Date, want, sc)
	}
}

// TestShelfFrontCancel: reading the front page of the issue selected next
// cancels the reading of the one before; the front page not read is
// forgotten, and read when its issue is selected again.
func TestShelfFrontCancel(t *testing.T) {
	s := tuitest.ScanShelf(t, tuitest.ShelfDir(t))
	m := newPage(s, nil, nil)
	p := m.shelf
	reads := countReads(p)
	// at 160 columns the first issue is waited for: its timer's message
	var read1 tea.Cmd
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 160, Height: 30})
	for _, msg := range runOnly(m, cmd) {
		if tick, ok := msg.(frontTickMsg); ok {
			_, read1 = p.Update(tick)
		}
	}
	a := p.Selected()
	if read1 == nil || !p.fronts[a].loading {
		t.Fatalf("no reading of the front page of the issue selected (%v)", p.fronts[a])
	}
	var read2 tea.Cmd
	_, cmd = m.Update(keyMsg("j"))
	for _, msg := range runOnly(m, cmd) {
		if tick, ok := msg.(frontTickMsg); ok {
			_, read2 = p.Update(tick)
		}
	}
	b := p.Selected()
	if read2 == nil || b == a {
		t.Fatal("no reading of the front page of the issue selected next")
	}
	p.Update(read1()) // cancelled before it started
	if _, ok := p.fronts[a]; ok || reads.Load() != 0 {
		t.Errorf("the cancelled reading read %d issues and left %v", reads.Load(), p.fronts[a])
	}
	p.Update(read2())
	if f := p.fronts[b]; f.loading || f.err || len(f.titles) == 0 || reads.Load() != 1 {
		t.Errorf("the front page of the issue selected: %+v, %d reads", f, reads.Load())
	}
	press(t, m, "k")
	if p.Selected() != a || p.fronts[a].loading || len(p.fronts[a].titles) == 0 {
		t.Errorf("the front page whose reading was cancelled is not read when its issue is selected again: %+v", p.fronts[a])
	}

	// Back on an issue whose reading was cancelled but has not answered
	// yet: its answer starts the wait for it again.
	delete(p.fronts, b)
	_, cmd = m.Update(keyMsg("j")) // b: waited for
	var read3 tea.Cmd
	for _, msg := range runOnly(m, cmd) {
		if tick, ok := msg.(frontTickMsg); ok {
			_, read3 = p.Update(tick)
		}
	}
	delete(p.fronts, a)
	_, cmd = m.Update(keyMsg("k")) // a: waited for
	var read4 tea.Cmd
	for _, msg := range runOnly(m, cmd) {
		if tick, ok := msg.(frontTickMsg); ok {
			_, read4 = p.Update(tick) // cancels b's
		}
	}
	press(t, m, "j") // b again, still reading (cancelled)
	if read3 == nil || read4 == nil || p.Selected() != b || !p.fronts[b].loading {
		t.Fatalf("b not being read when selected again: %+v", p.fronts[b])
	}
	_, cmd = p.Update(read3()) // b's reading answers: cancelled
	run(m, cmd, 0)
	if f := p.fronts[b]; f.loading || len(f.titles) == 0 {
		t.Errorf("the issue selected, whose reading was cancelled, is not read again: %+v", f)
	}
}

// TestFrontPageName: the front page is named as the reader names the page
// (common.PageName): 版次不详 when its number is not known, never 第1版.
func TestFrontPageName(t *testing.T) {
	arts := []issue.Article{{N: 1, Title: "头条"}, {N: 2, Title: "二条"}}
	for _, tt := range []struct {
		sec  issue.Section
		want string
	}{
		{issue.Section{Page: 0, Articles: arts}, "版次不详"},
		{issue.Section{Page: 0, Name: "要闻", Articles: arts}, "要闻"},
		{issue.Section{Page: 3, Name: "要闻", Articles: arts}, "第3版 要闻"},
		{issue.Section{Page: 1, Name: "要闻", TitlesOnly: true, Articles: arts}, "第1版 要闻（仅标题）"},
	} {
		is := &issue.Issue{Sections: []issue.Section{{Page: 9}, tt.sec, {Page: 4, Articles: arts[:1]}}}
		f := frontOf(is, script.None)
		if f.page != tt.want || len(f.titles) != 2 || f.more != 1 {
			t.Errorf("front page of page %d %q: %q %q +%d, want %q, 2 titles, 1 more", tt.sec.Page, tt.sec.Name, f.page, f.titles, f.more, tt.want)
		}
	}
}
