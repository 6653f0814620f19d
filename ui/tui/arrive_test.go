package tui

import (
	"strings"
	"testing"

	"dubao/issue"
	"dubao/ui/state"
	"dubao/ui/styles"
)

// day parses a small issue of the pages given, each "# 第N版 NAME" with its
// articles' titles and bodies.
func day(t *testing.T, pages ...string) *issue.Issue {
	t.Helper()
	is, err := issue.Parse(strings.NewReader(strings.Join(pages, "\n")), issue.Options{Name: "day"})
	if err != nil {
		t.Fatal(err)
	}
	return is
}

const (
	page1 = "# 第一版 要闻\n\n## 渡口恢复通航\n\n正文一。\n\n## 老街改造完工\n\n正文二。\n"
	page2 = "# 第二版 经济\n\n## 春耕备耕有序推进\n\n正文三。\n"
	page3 = "# 第三版 社会\n\n## 养老服务中心启用\n\n正文四。\n"
)

// closed is a closed channel of arrivals: waiting on it never blocks a
// test; the tests deliver each arrival as the program would.
func closed() chan Arrival {
	ch := make(chan Arrival)
	close(ch)
	return ch
}

// deliver gives m an arrival as the program does when the root's wait for
// it returns, and runs what that starts.
func deliver(m *Model, a Arrival) {
	_, cmd := m.Update(arrivalMsg{a, true})
	run(m, cmd, 0)
}

func TestArrivals(t *testing.T) {
	first := day(t, page1)
	m := start(New(first, Options{Name: "day", Style: styles.Dark, Arrivals: closed()}), 80, 24)
	deliver := func(a Arrival) { deliver(m, a) }
	deliver(Arrival{Issue: first, Status: "正在下载 1/3版 · 2篇"})
	if s := screen(m); !strings.Contains(s, "正在下载 1/3版 · 2篇") || !strings.Contains(s, "渡口恢复通航") {
		t.Fatalf("first page:\n%s", s)
	}
	press(t, m, "j", "enter") // read the second article
	if a := readerOf(m).Article(); a == nil || a.Title != "老街改造完工" {
		t.Fatalf("reading %v", a)
	}

	// Pages arrive, one of them before the page shown: the reader stays on
	// the article read.
	deliver(Arrival{Issue: day(t, page2, page1), Status: "正在下载 2/3版 · 3篇"})
	if a := readerOf(m).Article(); a == nil || a.Title != "老街改造完工" || !readerOf(m).Reading() {
		t.Errorf("after an arrival, reading %v (article pane %v)", a, readerOf(m).Reading())
	}
	s := screen(m)
	if !strings.Contains(s, "正在下载 2/3版 · 3篇") || !strings.Contains(s, "春耕备耕有序推进") {
		t.Errorf("second arrival:\n%s", s)
	}

	// The last arrival: the status says what came, until the next key.
	deliver(Arrival{Issue: day(t, page1, page2, page3), Status: "已下载 3版 · 4篇", Done: true, Key: "k"})
	s = screen(m)
	if !strings.Contains(s, "已下载 3版 · 4篇") || strings.Contains(s, "正在下载") || !strings.Contains(s, "养老服务中心启用") {
		t.Errorf("last arrival:\n%s", s)
	}
	press(t, m, "j")
	if s := screen(m); strings.Contains(s, "已下载") {
		t.Errorf("the message stays after a key:\n%s", s)
	}
}

// An arrival with no issue (the folder could not be read then) keeps the
// issue shown; arrivals for an issue no longer shown are dropped.
func TestArrivalsKeep(t *testing.T) {
	first := day(t, page1)
	m := start(New(first, Options{Name: "day", Style: styles.Dark, Arrivals: closed()}), 80, 24)
	deliver(m, Arrival{Status: "正在下载 1/3版 · 0篇"})
	if readerOf(m).Issue() != first || !strings.Contains(screen(m), "正在下载 1/3版 · 0篇") {
		t.Errorf("an arrival without an issue:\n%s", screen(m))
	}
	// The arrival of a real channel reaches the root.
	ch := make(chan Arrival, 1)
	ch <- Arrival{Status: "x"}
	if msg := waitArrival(ch)(); msg != (arrivalMsg{Arrival{Status: "x"}, true}) {
		t.Errorf("waitArrival: %#v", msg)
	}
	close(ch)
	if msg := waitArrival(ch)(); msg.(arrivalMsg).ok {
		t.Error("a closed channel: ok")
	}
}

// TestArrivalsResume: an issue shown from its start while the rest is
// read (a large file: shelf.Preview) opens, when the whole arrives with
// Resume, at the article its reading state remembers — unless a key has
// moved the reader since it opened; then it stays where the reader is.
func TestArrivalsResume(t *testing.T) {
	full := day(t, page1, page2, page3)
	store := state.Open(t.TempDir())
	st := state.New("k")
	st.Bind(full)
	st.SetPosition(3, "春耕备耕有序推进", issue.Pos{})
	st.SetLast(3)
	if err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Flush() })
	for _, moved := range []bool{false, true} {
		preview := day(t, page1)
		m := start(New(preview, Options{Name: "day", Style: styles.Dark, State: store, Arrivals: closed()}), 80, 24)
		if moved {
			press(t, m, "j")
		}
		deliver(m, Arrival{Issue: day(t, page1, page2, page3), Done: true, Key: "k", Resume: true})
		a := readerOf(m).Article()
		switch {
		case a == nil:
			t.Fatal("no article")
		case !moved && (a.Title != "春耕备耕有序推进" || !readerOf(m).Reading()):
			t.Errorf("not resumed: reading %q (article pane %v)", a.Title, readerOf(m).Reading())
		case moved && a.Title != "老街改造完工":
			t.Errorf("moved, then resumed: reading %q", a.Title)
		}
	}
	// Without Resume (a day fetched), the reader stays at the start.
	m := start(New(day(t, page1), Options{Name: "day", Style: styles.Dark, State: store, Arrivals: closed()}), 80, 24)
	deliver(m, Arrival{Issue: day(t, page1, page2, page3), Done: true, Key: "k"})
	if a := readerOf(m).Article(); a == nil || a.Title != "渡口恢复通航" {
		t.Errorf("resumed without Resume: %v", a)
	}
}

// TestShownOnce: Options.Shown is called once, when the first screen is
// made.
func TestShownOnce(t *testing.T) {
	n := 0
	m := New(day(t, page1), Options{Name: "day", Style: styles.Dark, Shown: func() { n++ }})
	if n != 0 {
		t.Fatal("shown before any screen")
	}
	start(m, 80, 24)
	_ = m.View()
	_ = m.View()
	if n != 1 {
		t.Errorf("Shown called %d times", n)
	}
}
