package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dubao/issue"
	"dubao/ui/state"
	"dubao/ui/styles"
	"dubao/ui/tui/internal/tuitest"
)

// sampleKey is a made-up content key of the sample issue.
const sampleKey = "sample0key"

func TestStateRoundTrip(t *testing.T) {
	store := state.Open(t.TempDir())
	m := newStateModel(t, store, 100, 30)
	r := readerOf(m)
	// read article 1, then article 10 down to somewhere in its middle
	press(t, m, "enter", "1", "0", "enter", "space")
	if r.Article().N != 10 || !r.Reading() {
		t.Fatalf("at article %d", r.Article().N)
	}
	press(t, m, "j", "j", "j")
	_, pos := r.Position()
	if pos == (issue.Pos{}) {
		t.Fatalf("not scrolled: %v", pos)
	}
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}

	// A new run at another width opens at article 10, at the same place
	// of its text (not the same line number).
	m2 := newStateModel(t, store, 50, 20)
	r2 := readerOf(m2)
	if r2.Article().N != 10 || !r2.Reading() {
		t.Fatalf("re-opened at article %d (on the article %v), want 10", r2.Article().N, r2.Reading())
	}
	checkPos(t, m2, pos, "50×20")
	// read and unread: 1 and 10 were read
	st, err := store.Load(sampleKey)
	if err != nil {
		t.Fatal(err)
	}
	// 1 was shown whole; 10 only to its middle, for a moment
	if !st.IsRead(1) || st.IsRead(10) || st.IsRead(2) || st.Last != 10 {
		t.Errorf("saved state: read 1 %v, 10 %v, 2 %v; last %d", st.IsRead(1), st.IsRead(10), st.IsRead(2), st.Last)
	}
	if st.Path != "/papers/sample.md" || st.Paper != "青溪日报" {
		t.Errorf("saved state describes %q %q", st.Paper, st.Path)
	}
}

// TestUnreadMarks: the list marks unread articles (•) and the status
// counts them; A marks the issue read, r the current article unread, U goes
// to the next unread. When an article counts as read: reader.TestReadMarks.
func TestUnreadMarks(t *testing.T) {
	m := newStateModel(t, state.Open(t.TempDir()), 100, 30)
	r := readerOf(m)
	sc := screen(m)
	if !strings.Contains(sc, "2•老街区") || !strings.Contains(sc, "未读") {
		t.Errorf("unread articles are not marked:\n%s", sc)
	}
	press(t, m, "A")
	if sc := screen(m); strings.Contains(sc, "•") || strings.Contains(sc, "未读") {
		t.Errorf("A leaves articles unread:\n%s", sc)
	}
	press(t, m, "U")
	if !strings.Contains(r.Notice().Text, "都读过了") {
		t.Errorf("U with everything read: %q", r.Notice().Text)
	}
	press(t, m, "K", "J", "r")
	if sc := screen(m); !strings.Contains(sc, "2•老街区") || !strings.Contains(sc, "第2篇已标为未读") {
		t.Errorf("r does not mark article 2 unread:\n%s", sc)
	}
	press(t, m, "g", "U")
	if r.Article().N != 2 {
		t.Errorf("U from article 1 (only 2 unread): article %d, want 2", r.Article().N)
	}
	// without reading state: no marks, U and m do nothing, are left out
	// of the help and say why
	plain := newModel(t, sample(t), 100, 30)
	if strings.Contains(screen(plain), "•") {
		t.Errorf("marks without reading state")
	}
	press(t, plain, "?")
	if sc := screen(plain); strings.Contains(sc, "下一篇未读") || strings.Contains(sc, "加/删书签") {
		t.Errorf("help shows U and m without reading state:\n%s", sc)
	}
	press(t, plain, "esc", "m")
	if !strings.Contains(readerOf(plain).Notice().Text, "不记阅读状态") {
		t.Errorf("m without reading state says %q", readerOf(plain).Notice().Text)
	}
}

func TestBookmarks(t *testing.T) {
	store := state.Open(t.TempDir())
	m := newStateModel(t, store, 100, 30)
	r := readerOf(m)
	press(t, m, "3", "enter", "m")
	if !strings.Contains(screen(m), "3★青溪与临川") || !strings.Contains(r.Notice().Text, "已加书签") {
		t.Errorf("m does not bookmark:\n%s", screen(m))
	}
	press(t, m, "1", "0", "enter", "enter", "space", "m")
	_, pos10 := r.Position()
	press(t, m, "J", "m", "m") // bookmarked and removed again
	if strings.Contains(screen(m), "11★") {
		t.Errorf("m m leaves a bookmark")
	}
	// the bookmarks list, newest first, across issues
	press(t, m, "M")
	if m.showing != showBookmarks {
		t.Fatalf("M does not show the bookmarks")
	}
	sc := screen(m)
	if !strings.Contains(sc, "书签 · 2个") || !strings.Contains(sc, "河畔茶事") || !strings.Contains(sc, "青溪与临川") {
		t.Errorf("bookmarks:\n%s", sc)
	}
	if strings.Index(sc, "河畔茶事") > strings.Index(sc, "青溪与临川") {
		t.Errorf("bookmarks not newest first:\n%s", sc)
	}
	checkScreen(t, m, 100, 30, "bookmarks")
	// enter opens the bookmark where it was made
	press(t, m, "enter")
	r = readerOf(m)
	if m.showing != showReader || r.Article().N != 10 {
		t.Fatalf("enter on a bookmark: showing %d, article %d", m.showing, r.Article().N)
	}
	checkPos(t, m, pos10, "bookmark")
	// m in the list removes a bookmark; esc goes back
	press(t, m, "M", "m")
	if sc := screen(m); !strings.Contains(sc, "书签 · 1个") || strings.Contains(sc, "青溪日报  10 ") || !strings.Contains(sc, "已删除书签") {
		t.Errorf("m in the bookmarks does not remove one:\n%s", sc)
	}
	press(t, m, "esc")
	if m.showing != showReader {
		t.Errorf("esc does not go back from the bookmarks")
	}
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	list, err := store.Bookmarks()
	if err != nil || len(list) != 1 || list[0].N != 3 || list[0].Key != sampleKey {
		t.Errorf("saved bookmarks: %v %+v", err, list)
	}
	// a bookmark of another issue opens its file
	other := filepath.Join(t.TempDir(), "other.md")
	if err := os.WriteFile(other, []byte(tuitest.OtherPaper), 0o644); err != nil {
		t.Fatal(err)
	}
	st := state.New("otherkey")
	st.Describe(&issue.Issue{Paper: "晨风报", Date: "2024-02-10"}, other)
	st.ToggleBookmark(2, "蓝鲸模型进校园", time.Now())
	if err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	m = newStateModel(t, store, 100, 30)
	press(t, m, "M", "enter") // the newest bookmark is the other issue's
	if m.showing != showError || !strings.Contains(screen(m), "内容变了") {
		// the key of the file is not "otherkey": it was changed since
		t.Errorf("a bookmark of a changed file:\n%s", screen(m))
	}
}

func TestStateCorruptAndDisabled(t *testing.T) {
	dir := t.TempDir()
	store := state.Open(dir)
	name := filepath.Join(dir, "issues", sampleKey+".json")
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newStateModel(t, store, 100, 30)
	if sc := screen(m); !strings.Contains(sc, "阅读记录已损坏") {
		t.Errorf("a corrupt state file is not reported:\n%s", sc)
	}
	press(t, m, "j")
	if strings.Contains(screen(m), "阅读记录已损坏") {
		t.Errorf("the report stays after a key")
	}
	press(t, m, "enter")
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	// said once: the next run starts from the state saved since
	m = newStateModel(t, store, 100, 30)
	if sc := screen(m); strings.Contains(sc, "损坏") || readerOf(m).Article().N != 2 {
		t.Errorf("second run: article %d\n%s", readerOf(m).Article().N, sc)
	}
	if copies, _ := filepath.Glob(name + ".corrupt-*"); len(copies) != 1 {
		t.Errorf("the corrupt file was not set aside: %v", copies)
	}

	// --no-state: nothing is written, but the run still marks what is read
	off := state.Disabled()
	m = newStateModel(t, off, 100, 30)
	press(t, m, "enter", "m")
	if !strings.Contains(screen(m), "1★") {
		t.Errorf("no bookmark within the run without saved state")
	}
	press(t, m, "M")
	if !strings.Contains(screen(m), "书签 · 1个") {
		t.Errorf("bookmarks of the run without saved state:\n%s", screen(m))
	}
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
}

// TestMeasureRemembered: the measure set with + and - is saved on quitting
// and the next run starts with it (one for every window width: a narrow
// window shows what fits); = goes back to the configured one, which is
// remembered too; --no-state remembers nothing.
func TestMeasureRemembered(t *testing.T) {
	store := state.Open(t.TempDir())
	m := newStateModel(t, store, 200, 40)
	press(t, m, "+", "+", "+")
	if got := readerOf(m).ReadingMeasure(); got != 43 {
		t.Fatalf("+ + +: measure %d", got)
	}
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	m = newStateModel(t, store, 200, 40)
	if got := readerOf(m).ReadingMeasure(); got != 43 {
		t.Errorf("the next run starts at measure %d, want 43", got)
	}
	// a narrow window shows what fits, and keeps the measure
	m = newStateModel(t, store, 60, 20)
	if got := readerOf(m).ReadingMeasure(); got != 43 {
		t.Errorf("in a narrow window: measure %d, want 43", got)
	}
	press(t, m, "=")
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	if p, err := store.LoadPrefs(); err != nil || p.Measure != 40 {
		t.Errorf("= then quit: saved %+v, %v", p, err)
	}
	m = New(sample(t), Options{Name: "sample", Style: styles.Dark})
	start(m, 200, 40)
	if got := readerOf(m).ReadingMeasure(); got != 40 {
		t.Errorf("without state: measure %d", got)
	}
}
