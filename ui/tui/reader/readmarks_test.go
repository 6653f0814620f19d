package reader

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/ui/state"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// readIssue is a fictional issue of two pages: long articles (1, 3, 4)
// that do not fit a 24-line screen and short ones (2, 5).
func readIssue() *issue.Issue {
	long := []string{tuitest.Para(600), tuitest.Para(600)}
	short := []string{tuitest.Para(20)}
	return &issue.Issue{Paper: "晨风报", Date: "2024-05-06", Sections: []issue.Section{
		{Page: 1, Name: "要闻", Articles: []issue.Article{
			{N: 1, Title: "长文一", Paragraphs: long}, {N: 2, Title: "短讯", Paragraphs: short}, {N: 3, Title: "长文三", Paragraphs: long}}},
		{Page: 2, Name: "城市", Articles: []issue.Article{
			{N: 4, Title: "长文四", Paragraphs: long}, {N: 5, Title: "短讯五", Paragraphs: short}}},
	}}
}

// newReadModel returns the reader on is at w×h with a reading state and
// a clock the test moves.
func newReadModel(t *testing.T, is *issue.Issue, w, h int) (*Model, *state.Issue, *time.Time) {
	t.Helper()
	st := state.New("readkey")
	st.Bind(is)
	clock := time.Date(2024, 5, 6, 8, 0, 0, 0, time.UTC)
	m := &Model{env: testEnv(), width: w, height: h}
	r := New(common.OpenMsg{Issue: is, Name: "test", Key: "readkey"}, m.env, st, false, w, h)
	r.now = func() time.Time { return clock }
	r.startShown(-1, false)
	m.reader = r
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m, st, &clock
}

// TestReadMarks checks when an article counts as read: once its end has
// been shown (in the article pane, or beside the list), or once it has
// been on screen for readDwell; r marks it unread (and it stays so while
// shown) or read, P every article of its page, A the whole issue.
func TestReadMarks(t *testing.T) {
	m, st, clock := newReadModel(t, readIssue(), 100, 24)
	r := reader(m)
	read := func() (out []int) {
		for _, a := range r.arts {
			if st.IsRead(a.N) {
				out = append(out, a.N)
			}
		}
		return out
	}
	check := func(where string, want ...int) {
		t.Helper()
		if got := read(); !equalInts(got, want) {
			t.Errorf("%s: read %v, want %v", where, got, want)
		}
	}
	check("at the start (article 1 shown, not to its end)")
	// browsing the list: a short article shown whole beside it is read
	press(t, m, "j")
	check("j onto the short article 2", 2)
	press(t, m, "j")
	check("j onto the long article 3", 2)
	// a few seconds on screen: read at the next key (or on leaving)
	*clock = clock.Add(readDwell - time.Second)
	press(t, m, "?", "esc")
	check("3 shown for less than the dwell", 2)
	*clock = clock.Add(2 * time.Second)
	press(t, m, "k", "j")
	check("3 shown for the dwell", 2, 3)
	// scrolled to its end in the article pane: read
	press(t, m, "j", "enter", "G")
	check("4 scrolled to its end", 2, 3, 4)
	// r marks unread, and it stays unread while shown
	press(t, m, "r")
	check("r on 4", 2, 3)
	if !strings.Contains(r.Notice().Text, "未读") {
		t.Errorf("r says %q", r.Notice().Text)
	}
	*clock = clock.Add(time.Minute)
	press(t, m, "k", "G")
	check("4 marked unread, still shown", 2, 3)
	press(t, m, "r")
	check("r again on 4", 2, 3, 4)
	// P: the page; A: the issue
	press(t, m, "r", "esc", "K", "K", "K", "P")
	check("P on page 1", 1, 2, 3)
	if !strings.Contains(r.Notice().Text, "第1版") {
		t.Errorf("P says %q", r.Notice().Text)
	}
	press(t, m, "A")
	check("A", 1, 2, 3, 4, 5)
	if !strings.Contains(screen(m), "全期2篇标为已读") {
		t.Errorf("A does not say how many it marked:\n%s", screen(m))
	}
}

// TestReadMarksNarrow: on one pane, the list alone shows no article, so
// moving in it reads nothing; the article shown alone is read at its end.
func TestReadMarksNarrow(t *testing.T) {
	m, st, clock := newReadModel(t, readIssue(), 60, 24)
	press(t, m, "j")
	*clock = clock.Add(time.Hour)
	press(t, m, "j", "k")
	if st.IsRead(2) || st.IsRead(3) {
		t.Errorf("moving in the list alone read articles")
	}
	press(t, m, "enter")
	if !st.IsRead(2) {
		t.Errorf("the short article opened is not read")
	}
}

// TestSwitchPane: tab gives the keys to the article and back to the list.
func TestSwitchPane(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "tab")
	if r.focus != focusArticle {
		t.Fatalf("tab from the list: focus %d", r.focus)
	}
	press(t, m, "tab")
	if r.focus != focusList {
		t.Errorf("tab from the article: focus %d", r.focus)
	}
	// the pane with the keys shows: the list dimmed while the article has them
	list := r.listView(r.g.ListW, 5)
	press(t, m, "tab")
	if blur := r.listView(r.g.ListW, 5); blur[3] == list[3] {
		t.Errorf("the list looks the same with and without the keys: %q", blur[3])
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pagesIssue is an issue of pages pages of ten short articles each.
func pagesIssue(pages int) *issue.Issue {
	is := &issue.Issue{Paper: "晨风报", Date: "2024-05-06"}
	for p := range pages {
		sec := issue.Section{Page: p + 1, Name: "要闻"}
		for a := range 10 {
			sec.Articles = append(sec.Articles, issue.Article{N: p*10 + a + 1, Title: "短讯", Paragraphs: []string{tuitest.Para(20)}})
		}
		is.Sections = append(is.Sections, sec)
	}
	return is
}

// TestStatusCountsOnce: the status line's counts (篇 2/10, 未读N篇) are
// made when the issue or its read marks change, not at each frame: drawing
// it does as much work on an issue of 25 pages as on one of a page (fewer
// than 256 of anything: fmt boxes larger numbers); and the unread count
// follows a read mark.
func TestStatusCountsOnce(t *testing.T) {
	allocs := map[int]float64{}
	for _, pages := range []int{1, 25} {
		m, _, _ := newReadModel(t, pagesIssue(pages), 100, 24)
		r := reader(m)
		// A collection in the middle empties sync.Pool (fmt's printers):
		// such allocations only add, so the least of a few runs counts.
		allocs[pages] = testing.AllocsPerRun(20, func() { r.statusText(200) })
		for range 2 {
			allocs[pages] = min(allocs[pages], testing.AllocsPerRun(20, func() { r.statusText(200) }))
		}
	}
	// Under the race detector sync.Pool drops its items at random (CI
	// saw 17 against 16): the counts are compared without it only.
	if allocs[25] != allocs[1] && !raceBuild {
		t.Errorf("the status line of an issue of 25 pages makes %.0f allocations, of one page %.0f", allocs[25], allocs[1])
	}
	m, st, _ := newReadModel(t, pagesIssue(3), 100, 24)
	r := reader(m)
	press(t, m, "j") // article 1 left, article 2 (short, whole beside the list) read
	want := 30 - st.ReadCount(r.is)
	if got := r.statusText(200); !strings.Contains(got, "篇 2/10") || !strings.Contains(got, fmt.Sprintf("未读%d篇", want)) {
		t.Errorf("status %q, want 篇 2/10 and 未读%d篇", got, want)
	}
	st.SetRead(30, "短讯", true)
	if got := r.statusText(200); !strings.Contains(got, fmt.Sprintf("未读%d篇", want-1)) {
		t.Errorf("status %q after a read mark, want 未读%d篇", got, want-1)
	}
}
