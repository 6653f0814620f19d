package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/state"
	"dubao/ui/styles"
)

// helpDimmed reports whether the help on m's screen shows the key keys
// with desc dimmed (a key that does nothing at the moment): drawn in the
// dim style in one run, rather than as a bold key and its description.
func helpDimmed(m *Model, keys, desc string) bool {
	probe := m.st.Kicker.Render("\x00")
	sgr, _, _ := strings.Cut(probe, "\x00")
	if sgr == "" {
		return false
	}
	re := regexp.MustCompile(regexp.QuoteMeta(sgr) + regexp.QuoteMeta(keys) + ` *` + regexp.QuoteMeta(desc))
	return re.MatchString(m.View().Content)
}

// TestIssueLabels checks the fallback name of an issue without a paper:
// the base name of its file or folder, without extension or slash.
func TestIssueLabels(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/work/shared/real/people-daily-2019-10-02", "people-daily-2019-10-02"},
		{"/work/shared/real/people-daily-2019-10-02/", "people-daily-2019-10-02"},
		{"/work/main/testdata/hostile/widths.md", "widths"},
		{`C:\papers\2024-03-08.txt`, "2024-03-08"},
		{"2019/10/02", "02"},
		{"2019.10.02", "2019.10.02"},
		{".hidden", ".hidden"},
		{"stdin", "stdin"},
		{"", ""},
	} {
		if got := baseLabel(c.in); got != c.want {
			t.Errorf("baseLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	folder := &shelf.Entry{Files: []shelf.File{{Path: "2019/10/02/a.txt"}, {Path: "2019/10/02/b.txt"}}}
	file := &shelf.Entry{Files: []shelf.File{{Path: "2024/03/2024-03-08.md"}}}
	named := &shelf.Entry{Paper: "星河日报", Files: []shelf.File{{Path: "x.md"}}}
	for e, want := range map[*shelf.Entry]string{folder: "02", file: "2024-03-08", named: "星河日报"} {
		if got := entryLabel(e); got != want {
			t.Errorf("entryLabel(%v) = %q, want %q", e.Files, got, want)
		}
	}
}

// noPaper is a fictional issue without a paper's name: one page of the
// twenty its masthead counts.
func noPaper() *issue.Issue {
	return &issue.Issue{Date: "2019-10-02", Number: 25671, Pages: 20, Sections: []issue.Section{
		{Page: 1, Articles: []issue.Article{{N: 1, Title: "秋日的河岸", Paragraphs: []string{para(300)}}}},
	}}
}

// TestMastheadWithoutPaper: the masthead names an issue without a paper by
// its folder's base name, never its path, and when narrow drops the
// number and the pages before the date.
func TestMastheadWithoutPaper(t *testing.T) {
	const dir = "/work/shared/real/people-daily-2019-10-02"
	for _, c := range []struct {
		name, path string
		w          int
		want       string
	}{
		{dir, dir, 60, " people-daily-2019-10-02 · 2019年10月2日 星期三"},
		{dir, "", 60, " people-daily-2019-10-02 · 2019年10月2日 星期三"},
		{"/work/main/testdata/hostile/widths.md", "", 60, " widths · 2019年10月2日 星期三 · 本期20版(此处1版)"},
		{dir, dir + "/", 120, " people-daily-2019-10-02 · 2019年10月2日 星期三 · 第25671号 · 本期20版(此处1版)"},
	} {
		m := New(noPaper(), Options{Name: c.name, Path: c.path, Style: styles.Dark})
		m.Update(tea.WindowSizeMsg{Width: c.w, Height: 20})
		head, _, _ := strings.Cut(screen(m), "\n")
		if strings.TrimRight(head, " ") != c.want {
			t.Errorf("%s at %d columns: masthead %q, want %q", c.name, c.w, head, c.want)
		}
		if title := m.View().WindowTitle; strings.Contains(title, "/") {
			t.Errorf("window title %q shows a path", title)
		}
		checkScreen(t, m, c.w, 20, "masthead")
	}
}

// TestShelfRowWithoutPaper: the shelf names an issue without a paper by
// its file's base name, without extension.
func TestShelfRowWithoutPaper(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "papers")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	text := "# 第一版\n\n## 秋日的河岸\n\n" + para(60) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "qingxi-2024-03-08.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newShelfModel(t, scanShelf(t, dir), nil, nil, 60, 20)
	sc := screen(m)
	if !strings.Contains(sc, "08日 周五  qingxi-2024-03-08 ") || strings.Contains(sc, ".md  ") {
		t.Errorf("shelf row of an issue without a paper:\n%s", sc)
	}
	press(t, m, "enter")
	head, _, _ := strings.Cut(screen(m), "\n")
	if !strings.HasPrefix(head, " qingxi-2024-03-08 · 2024年3月8日 星期五") {
		t.Errorf("masthead of it opened from the shelf: %q", head)
	}
}

// TestBookmarkColumns: the bookmarks list keeps its columns whatever the
// width of the papers' names, and names an issue without a paper by its
// file.
func TestBookmarkColumns(t *testing.T) {
	store := state.Open(t.TempDir())
	t.Cleanup(func() { _ = store.Flush() })
	now := time.Now()
	for i, is := range []struct{ key, paper, path string }{
		{"k1", "晨风报", "/p/a.md"},
		{"k2", "", "/work/main/testdata/hostile/widths.md"},
		{"k3", "Morning Star Daily", "/p/c.md"},
	} {
		st := state.New(is.key)
		st.Describe(&issue.Issue{Paper: is.paper, Date: "2024-02-1" + fmt.Sprint(i)}, is.path)
		st.ToggleBookmark(7+i*5, "标题"+fmt.Sprint(i), now.Add(time.Duration(i)*time.Second))
		if err := store.Save(st); err != nil {
			t.Fatal(err)
		}
	}
	m := newStateModel(t, store, 100, 20)
	press(t, m, "M")
	col := -1
	rows := 0
	for _, l := range strings.Split(screen(m), "\n") {
		i := strings.Index(l, "标题")
		if i < 0 || strings.HasPrefix(strings.TrimSpace(l), "书签") {
			continue
		}
		rows++
		c := stringWidth(l[:i], false)
		if col >= 0 && c != col {
			t.Errorf("bookmark titles start at column %d and %d:\n%s", col, c, screen(m))
		}
		col = c
	}
	if rows != 3 {
		t.Errorf("%d bookmarks shown, want 3:\n%s", rows, screen(m))
	}
	if sc := screen(m); !strings.Contains(sc, "widths") || strings.Contains(sc, "/work/") {
		t.Errorf("a bookmark without a paper is not named by its file:\n%s", sc)
	}
}

// TestPageCount: the status counts the pages the file holds, so that it
// agrees with ] and [; the masthead tells the printed count apart.
func TestPageCount(t *testing.T) {
	m := newModel(t, noPaper(), 100, 30)
	sc := screen(m)
	if !strings.Contains(sc, "版 1/1") || !strings.Contains(sc, "本期20版(此处1版)") {
		t.Errorf("page count:\n%s", sc)
	}
	press(t, m, "]")
	if reader(m).msg != "已是最后一版" {
		t.Errorf("] says %q", reader(m).msg)
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
	if s := seed(t); s != nil {
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

// TestShelfSearchHeading: while searching and when done, the heading
// tells the issues with a hit from the issues searched.
func TestShelfSearchHeading(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
	m := newShelfModel(t, s, nil, nil, 120, 30)
	msgs := send(m, keyMsg("/"))
	for _, r := range "蓝鲸" {
		msgs = append(msgs, send(m, keyMsg(string(r)))...)
	}
	msgs = append(msgs, send(m, keyMsg("enter"))...)
	stream(t, m, msgs, 3)
	if h := m.shelf.resultsHeading(); !m.shelf.find.running || !strings.Contains(h, "(已搜") || !strings.Contains(h, "/46期)") {
		t.Errorf("heading while searching: %q", h)
	}
	stream(t, m, []tea.Msg{batchMsg{id: m.shelf.find.id}}, 0)
	f := m.shelf.find
	issues := map[*shelf.Entry]bool{}
	for _, h := range f.hits {
		issues[h.Entry] = true
	}
	want := fmt.Sprintf("%d处 · %d期 (已搜46期)", len(f.hits), len(issues))
	if h := m.shelf.resultsHeading(); f.running || !strings.Contains(h, want) {
		t.Errorf("heading when done: %q, want %q", h, want)
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
	if r.msg != "已是第一篇" || r.cur != 0 {
		t.Errorf("K on the first: %q", r.msg)
	}
	press(t, m, "G", "J")
	if r.msg != "已是最后一篇" || r.cur != len(r.arts)-1 {
		t.Errorf("J on the last: %q", r.msg)
	}
	press(t, m, "enter")
	for range 50 {
		press(t, m, "space")
	}
	if r.msg != "已是最后一篇" || r.cur != len(r.arts)-1 {
		t.Errorf("space at the end of the last: %q", r.msg)
	}
	for _, k := range []string{"<", ">"} {
		press(t, m, k)
		if !strings.Contains(r.msg, "不在书架中") {
			t.Errorf("%s outside a shelf says %q", k, r.msg)
		}
	}
	// space at the end of an article names the next
	press(t, m, "g", "1", "enter", "space")
	if want := "下一篇：第2篇 " + r.arts[1].Headline(); r.msg != want {
		t.Errorf("space to the next article says %q, want %q", r.msg, want)
	}
}

// TestHelpEveryKey: the help shows every key of the reader whatever it
// does at the moment, and at 20×6 a key a line, its description uncut on
// the lines after it (see also TestHelpNarrow).
func TestHelpEveryKey(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	press(t, m, "?")
	sc := screen(m)
	for _, k := range []string{"n ", "N ", "o ", "s ", "< ", "> "} {
		if !strings.Contains(sc, " "+k) {
			t.Errorf("help lacks %q:\n%s", k, sc)
		}
	}
	m = newModel(t, sample(t), 20, 6)
	press(t, m, "?")
	lines := strings.Split(screen(m), "\n")
	if got := strings.TrimRight(lines[2]+"|"+lines[3], " "); got != " j/↓|   下移 / 向下滚动" {
		t.Errorf("narrow help lines %q", got)
	}
	for _, l := range lines[2:5] {
		if strings.Contains(strings.TrimSpace(l), "   ") {
			t.Errorf("narrow help line with a gap: %q", l)
		}
	}
	checkScreen(t, m, 20, 6, "narrow help")
	press(t, m, "j", "j", "j", "j")
	if !strings.HasPrefix(strings.Split(screen(m), "\n")[2], " tab/enter/l/→") {
		t.Errorf("narrow help does not scroll:\n%s", screen(m))
	}
}

// TestSkipReasons: the shelf's reasons in Chinese.
func TestSkipReasons(t *testing.T) {
	for in, want := range map[string]string{
		"empty file":                                      "空文件",
		"not text: PDF document":                          "不是文本：PDF 文档",
		"not text: some new format":                       "不是文本：some new format",
		"cannot read: permission denied":                  "读不了：没有权限",
		"too large (80.0 MB, the limit is 64 MB)":         "文件太大(80.0 MB,上限 64 MB)",
		"too large (more than 64 MB, the limit)":          "文件太大(超过上限 64 MB)",
		"no masthead, date or Chinese text: not an issue": "没有报头、日期，也没有中文：不是报纸",
		"something else":                                  "something else",
	} {
		if got := skipReason(in); got != want {
			t.Errorf("skipReason(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestShelfRemembersLastRead: a shelf opened again selects the issue read
// last, not the newest.
func TestShelfRemembersLastRead(t *testing.T) {
	s := scanShelf(t, shelfDir(t))
	store := state.Open(t.TempDir())
	m := newShelfModel(t, s, nil, store, 100, 30)
	press(t, m, "j", "j", "j", "enter", "J", "esc", "esc")
	read := selectedEntry(m)
	if read == s.Issues[0] {
		t.Fatalf("the test reads the newest issue")
	}
	if err := m.quit(); err != nil {
		t.Fatal(err)
	}
	m = newShelfModel(t, s, nil, store, 100, 30)
	if got := selectedEntry(m); got != read {
		t.Errorf("a shelf opened again selects %s, want %s (read last)", got.Date, read.Date)
	}
}

// TestBookmarkReturn: after M opens a bookmark of another issue,
// backspace (or esc) returns to where the reader was.
func TestBookmarkReturn(t *testing.T) {
	other := filepath.Join(t.TempDir(), "other.md")
	if err := os.WriteFile(other, []byte(otherPaper), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := shelf.Load(other, shelf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	store := state.Open(t.TempDir())
	st := state.New(l.Key)
	st.Describe(l.Issue, other)
	st.ToggleBookmark(2, "蓝鲸模型进校园", time.Now())
	if err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	for _, back := range []string{"backspace", "esc"} {
		m := newStateModel(t, store, 100, 30)
		press(t, m, "1", "0", "enter", "enter", "space")
		_, pos := reader(m).Position()
		press(t, m, "M", "enter")
		if r := reader(m); r.is.Paper != "晨风报" || r.article().N != 2 {
			t.Fatalf("the bookmark opens %s %d", r.is.Paper, r.article().N)
		}
		if back == "esc" {
			press(t, m, "esc") // to the list first
		}
		press(t, m, back)
		r := reader(m)
		if m.showing != showReader || r.is.Paper != "青溪日报" || r.article().N != 10 {
			t.Fatalf("%s after a bookmark: %s article %d", back, r.is.Paper, r.article().N)
		}
		checkPos(t, r, pos, back)
		if !strings.Contains(r.msg, "已返回") {
			t.Errorf("%s after a bookmark says %q", back, r.msg)
		}
	}
}

// TestSpaceInList: in the list, space pages the article shown beside it
// (as in mutt), the list keeping the focus.
func TestSpaceInList(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	press(t, m, "1", "0", "enter")
	if r.focus != focusList || r.article().N != 10 {
		t.Fatalf("focus %d, article %d", r.focus, r.article().N)
	}
	top := r.top
	press(t, m, "space")
	if r.focus != focusList || r.article().N != 10 || !top.Before(r.top) {
		t.Errorf("space in the list: focus %d, article %d, top %v → %v", r.focus, r.article().N, top, r.top)
	}
	press(t, m, "b")
	if r.top != top {
		t.Errorf("b in the list does not page the article back: %v", r.top)
	}
	press(t, m, "d")
	if r.article().N == 10 {
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

// TestUntitledHeadline: the list and a bookmark show an untitled
// article by its headline.
func TestUntitledHeadline(t *testing.T) {
	is := jumpIssue()
	is.Sections[0].Articles[1].Title = ""
	a := &is.Sections[0].Articles[1]
	m := newModel(t, is, narrowWidth-1, 30) // the list alone, wide enough
	if !strings.Contains(screen(m), " 2 "+a.Headline()) {
		t.Errorf("the list lacks %q:\n%s", a.Headline(), screen(m))
	}
	store := state.Open(t.TempDir())
	t.Cleanup(func() { _ = store.Flush() })
	m = New(is, Options{Name: "x", Key: "untitled", State: store, Style: styles.Dark})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "j", "enter", "m")
	if list := reader(m).state.BookmarkList(); len(list) != 1 || list[0].Title != a.Headline() {
		t.Errorf("bookmark of an untitled article: %+v", list)
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
