package state

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dubao/issue"
)

const key = "0f3a9c"

// sample is a small issue of three articles on two pages.
func sample() *issue.Issue {
	return &issue.Issue{Paper: "星河日报", Date: "2024-03-08", Sections: []issue.Section{
		{Page: 1, Articles: []issue.Article{
			{N: 1, Title: "春耕", Paragraphs: []string{"第一段。", "第二段，较长的一段。"}},
			{N: 2, Title: "夜市", Paragraphs: []string{"只有一段。"}},
		}},
		{Page: 2, Articles: []issue.Article{
			{N: 3, Title: "球赛", Paragraphs: []string{"甲。", "乙。", "丙。"}},
		}},
	}}
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	st, err := s.Load(key)
	if err != nil {
		t.Fatalf("Load of a missing state: %v", err)
	}
	if st.Last != 0 || len(st.Articles) != 0 {
		t.Fatalf("missing state is not fresh: %+v", st)
	}
	is := sample()
	st.Describe(is, "2024/03/2024-03-08.md")
	st.SetPosition(3, "球赛", issue.Pos{Piece: 2, Offset: 3})
	st.SetPosition(1, "春耕", issue.Pos{Piece: 1, Offset: 6})
	st.SetRead(2, "夜市", true)
	added := time.Date(2024, 3, 8, 7, 30, 0, 0, time.UTC)
	if !st.ToggleBookmark(3, "球赛", added) {
		t.Fatal("ToggleBookmark did not bookmark")
	}
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}

	// Re-open the store, as the next run of dubao does.
	got, err := Open(dir).Load(key)
	if err != nil {
		t.Fatal(err)
	}
	got.Bind(is)
	if got.Last != 1 {
		t.Errorf("Last = %d, want 1", got.Last)
	}
	if p := got.Position(1); p != (issue.Pos{Piece: 1, Offset: 6}) {
		t.Errorf("Position(1) = %+v", p)
	}
	if p := got.Position(3); p != (issue.Pos{Piece: 2, Offset: 3}) {
		t.Errorf("Position(3) = %+v", p)
	}
	if p := got.Position(2); p != (issue.Pos{}) {
		t.Errorf("Position(2) = %+v, want the start", p)
	}
	if !got.IsRead(2) || got.IsRead(1) || got.IsRead(3) {
		t.Errorf("read flags wrong: %+v", got.Articles)
	}
	if b := got.Bookmarks(is); len(b) != 1 || b[0] != 3 {
		t.Errorf("Bookmarks = %v, want [3]", b)
	}
	if got.Paper != "星河日报" || got.Date != "2024-03-08" || got.Path != "2024/03/2024-03-08.md" {
		t.Errorf("description lost: %q %q %q", got.Paper, got.Date, got.Path)
	}
	if got.ToggleBookmark(3, "", added) || got.IsBookmarked(3) {
		t.Error("second ToggleBookmark did not remove the bookmark")
	}
	// No temporary file is left beside the state.
	entries, _ := os.ReadDir(filepath.Join(dir, "issues"))
	if len(entries) != 1 || entries[0].Name() != key+".json" {
		t.Errorf("state folder holds %v, want only %s.json", names(entries), key)
	}
}

func TestCorruptFile(t *testing.T) {
	for _, tc := range []struct{ name, content string }{
		{"garbage", "{\"key\": \"0f3a9c\", \"articles\": {\"1\": "},
		{"not json", "\x00\x01binary"},
		{"another issue", `{"key": "beef", "articles": {}}`},
		{"bad article key", `{"key": "0f3a9c", "articles": {"x": {}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "issues", key+".json")
			if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			s := Open(dir)
			st, err := s.Load(key)
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Load of a corrupt file: err = %v, want ErrCorrupt", err)
			}
			if st == nil || st.Key != key || len(st.Articles) != 0 {
				t.Fatalf("corrupt state did not start fresh: %+v", st)
			}
			if copies, _ := filepath.Glob(name + ".corrupt-*"); len(copies) != 1 {
				t.Errorf("corrupt file not set aside: %v", copies)
			}
			// Said once: the next load is a quiet fresh start.
			if _, err := s.Load(key); err != nil {
				t.Errorf("second Load: %v, want no error", err)
			}
			// And saving works again.
			st.SetRead(1, "春耕", true)
			if err := s.Save(st); err != nil {
				t.Fatal(err)
			}
			if again, err := Open(dir).Load(key); err != nil || !again.IsRead(1) {
				t.Errorf("after saving over a corrupt file: %v, %+v", err, again)
			}
		})
	}
}

func TestCorruptReportedOnceWhenItCannotBeSetAside(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "issues", key+".json")
	// A non-empty folder where the corrupt file would go makes the rename
	// fail (for root too): the file stays, and is still reported once.
	s := Open(dir)
	at := time.Date(2024, 3, 8, 7, 30, 0, 0, time.UTC)
	s.now = func() time.Time { return at }
	if err := os.MkdirAll(filepath.Join(name+".corrupt-20240308T073000.000000000Z", "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(key); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("first Load: %v", err)
	}
	if _, err := os.Stat(name); err != nil {
		t.Fatalf("the corrupt file should still be there: %v", err)
	}
	if _, err := s.Load(key); err != nil {
		t.Errorf("second Load reported again: %v", err)
	}
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	// A folder where the state file should be cannot be read as a file.
	if err := os.MkdirAll(filepath.Join(dir, "issues", key+".json"), 0o700); err != nil {
		t.Fatal(err)
	}
	st, err := Open(dir).Load(key)
	if err == nil || errors.Is(err, ErrCorrupt) {
		t.Errorf("err = %v, want a read error", err)
	}
	if st == nil || len(st.Articles) != 0 {
		t.Errorf("no fresh state: %+v", st)
	}
	st.SetRead(1, "春耕", true)
	if err := Open(dir).Save(st); err == nil {
		t.Error("Save over a folder succeeded")
	}
}

func TestDisabled(t *testing.T) {
	s := Disabled()
	if s.Enabled() {
		t.Fatal("Disabled store is enabled")
	}
	st, err := s.Load(key)
	if err != nil || st == nil {
		t.Fatalf("Load: %v %v", st, err)
	}
	st.SetRead(1, "春耕", true)
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	if b, err := s.Bookmarks(); err != nil || b != nil {
		t.Errorf("Bookmarks: %v %v", b, err)
	}
	var zero Store
	if zero.Enabled() {
		t.Error("zero Store is enabled")
	}
}

func TestBadKey(t *testing.T) {
	s := Open(t.TempDir())
	for _, k := range []string{"", "../escape", "a/b", "with space"} {
		if _, err := s.Load(k); err == nil {
			t.Errorf("Load(%q) accepted", k)
		}
		if err := s.Save(New(k)); err == nil {
			t.Errorf("Save(%q) accepted", k)
		}
	}
}

func TestBookmarksAcrossIssues(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	t0 := time.Date(2024, 3, 8, 8, 0, 0, 0, time.UTC)
	a := New("aaaa")
	a.Paper, a.Date = "星河日报", "2024-03-07"
	a.ToggleBookmark(2, "夜市", t0)
	b := New("bbbb")
	b.Paper, b.Date = "星河日报", "2024-03-08"
	b.ToggleBookmark(1, "春耕", t0.Add(time.Hour))
	b.ToggleBookmark(3, "球赛", t0.Add(-time.Hour))
	for _, st := range []*Issue{a, b} {
		if err := s.Save(st); err != nil {
			t.Fatal(err)
		}
	}
	// Junk in the folder is passed over.
	os.WriteFile(filepath.Join(dir, "issues", "cccc.json"), []byte("{"), 0o600)
	os.WriteFile(filepath.Join(dir, "issues", "notes.txt"), []byte("x"), 0o600)
	got, err := s.Bookmarks()
	if err != nil {
		t.Fatal(err)
	}
	var desc []string
	for _, bm := range got {
		desc = append(desc, bm.Key+" "+bm.Date+" "+bm.Title)
	}
	want := []string{"bbbb 2024-03-08 春耕", "aaaa 2024-03-07 夜市", "bbbb 2024-03-08 球赛"}
	if len(desc) != len(want) {
		t.Fatalf("Bookmarks = %q, want %q", desc, want)
	}
	for i := range want {
		if desc[i] != want[i] {
			t.Errorf("Bookmarks = %q, want %q", desc, want)
			break
		}
	}
}

func TestBindFollowsRenumberedArticles(t *testing.T) {
	st := New(key)
	// Saved against an older parse where 球赛 was article 2 and a fourth
	// article existed.
	st.SetPosition(2, "球赛", issue.Pos{Piece: 3, Offset: 3})
	st.SetRead(4, "旧文", true)
	st.SetRead(1, "春耕", true)
	st.Bind(sample())
	if st.Last != 3 {
		t.Errorf("Last = %d, want 3 (球赛 is now article 3)", st.Last)
	}
	if p := st.Position(3); p != (issue.Pos{Piece: 3, Offset: 3}) {
		t.Errorf("position did not follow the title: %+v", p)
	}
	if st.Articles[2] != nil {
		t.Errorf("article 2 keeps state of another article: %+v", st.Articles[2])
	}
	if st.Articles[4] != nil {
		t.Error("state of a vanished article kept")
	}
	if !st.IsRead(1) {
		t.Error("article 1 lost its read flag")
	}

	// A position past the end of its article goes back to the start.
	st.SetPosition(2, "夜市", issue.Pos{Piece: 9, Offset: 0})
	st.SetPosition(1, "春耕", issue.Pos{Piece: 1, Offset: 1000})
	st.Bind(sample())
	if p := st.Position(2); p != (issue.Pos{}) {
		t.Errorf("out-of-range piece kept: %+v", p)
	}
	if p := st.Position(1); p != (issue.Pos{}) {
		t.Errorf("out-of-range offset kept: %+v", p)
	}
}

func TestNextUnread(t *testing.T) {
	is := sample()
	st := New(key)
	for _, tc := range []struct {
		read  []int
		after int
		want  int
	}{
		{nil, 0, 1},
		{nil, 1, 2},
		{nil, 3, 1},
		{[]int{2}, 1, 3},
		{[]int{2, 3}, 1, 1},
		{[]int{1, 2, 3}, 2, 0},
	} {
		st.Articles = map[int]*Article{}
		for _, n := range tc.read {
			st.SetRead(n, "", true)
		}
		if got := st.NextUnread(is, tc.after); got != tc.want {
			t.Errorf("read %v, NextUnread(%d) = %d, want %d", tc.read, tc.after, got, tc.want)
		}
		if got, want := st.Unread(is), 3-len(tc.read); got != want {
			t.Errorf("read %v: Unread = %d, want %d", tc.read, got, want)
		}
	}
}

func TestDefaultDir(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_STATE_HOME": "/x/state", "HOME": "/home/u"}, "/x/state/dubao"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.local/state/dubao"},
		{map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/home/u"}, "/home/u/.local/state/dubao"},
	} {
		got, err := DefaultDir(env(tc.env))
		if err != nil || got != tc.want {
			t.Errorf("DefaultDir(%v) = %q, %v; want %q", tc.env, got, err, tc.want)
		}
	}
}

func names(entries []os.DirEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestSaveLater(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	is := sample()
	st := New(key)
	st.Describe(is, "a.md")
	// many saves in a row: the last one is what is on disk
	for i := range 50 {
		st.SetPosition(1, "春耕", issue.Pos{Piece: 1, Offset: i})
		if err := s.SaveLater(st); err != nil {
			t.Fatal(err)
		}
	}
	st.SetLast(3)
	if err := s.SaveLater(st); err != nil {
		t.Fatal(err)
	}
	// st may change once SaveLater returns: what was saved is kept
	st.SetPosition(1, "春耕", issue.Pos{Piece: 0, Offset: 999})
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := Open(dir).Load(key)
	if err != nil {
		t.Fatal(err)
	}
	if got.Last != 3 || got.Position(1) != (issue.Pos{Piece: 1, Offset: 49}) {
		t.Errorf("saved: last %d, position %+v", got.Last, got.Position(1))
	}
	if saved := s.Saved(); !saved[key] || len(saved) != 1 {
		t.Errorf("Saved() = %v", saved)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "issues"))
	if len(entries) != 1 {
		t.Errorf("state folder holds %v", names(entries))
	}

	// a write that fails is reported once, by Flush or the next SaveLater
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	bad := Open(filepath.Join(blocked, "state")) // a folder under a file
	if err := bad.SaveLater(st); err != nil {
		t.Fatalf("the first SaveLater cannot know yet: %v", err)
	}
	if err := bad.Flush(); err == nil {
		t.Error("Flush does not report the failed write")
	}
	if err := bad.Flush(); err != nil {
		t.Errorf("a failed write is reported twice: %v", err)
	}
	// disabled: nothing
	off := Disabled()
	if err := off.SaveLater(st); err != nil || off.Flush() != nil || off.Saved() != nil {
		t.Error("a disabled store saves")
	}
}

func TestBookmarkList(t *testing.T) {
	st := New(key)
	st.Describe(sample(), "a.md")
	t1 := time.Date(2024, 3, 8, 7, 0, 0, 0, time.UTC)
	st.ToggleBookmark(1, "春耕", t1)
	st.ToggleBookmark(3, "球赛", t1.Add(time.Hour))
	list := st.BookmarkList()
	if len(list) != 2 || list[0].N != 1 || list[1].N != 3 || list[0].Paper != "星河日报" || list[1].Path != "a.md" {
		t.Fatalf("BookmarkList = %+v", list)
	}
	SortBookmarks(list)
	if list[0].N != 3 {
		t.Errorf("SortBookmarks: newest first, got %+v", list)
	}
}

// TestLabel: the name and date the reader showed are saved and listed
// with the bookmarks; opening the issue again from where its date is not
// known (its masthead has none, and it is not on a shelf) keeps them.
func TestLabel(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	undated := &issue.Issue{Sections: sample().Sections}
	st := New(key)
	st.Describe(undated, "2024/03/07/noname.md")
	st.Label("noname", "2024-03-07")
	st.ToggleBookmark(1, "春耕", time.Now())
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	got, err := Open(dir).Load(key)
	if err != nil {
		t.Fatal(err)
	}
	got.Describe(undated, "/elsewhere/noname.md")
	got.Label("", "")
	if got.Name != "noname" || got.Date != "2024-03-07" || got.Path != "/elsewhere/noname.md" || got.Paper != "" {
		t.Errorf("label lost: name %q date %q path %q paper %q", got.Name, got.Date, got.Path, got.Paper)
	}
	list := got.BookmarkList()
	if len(list) != 1 || list[0].Name != "noname" || list[0].Date != "2024-03-07" {
		t.Errorf("BookmarkList = %+v", list)
	}
	// a masthead's date is the issue's date
	got.Describe(sample(), "a.md")
	if got.Date != "2024-03-08" || got.Paper != "星河日报" {
		t.Errorf("Describe: %q %q", got.Paper, got.Date)
	}
}

// TestPrefs: the measure set last is saved and read back; nothing saved
// and a disabled store give none; a damaged file is an error, not a crash.
func TestPrefs(t *testing.T) {
	s := Open(t.TempDir())
	if p, err := s.LoadPrefs(); err != nil || p.Measure != 0 {
		t.Fatalf("nothing saved: %+v, %v", p, err)
	}
	if err := s.SavePrefs(Prefs{Measure: 33}); err != nil {
		t.Fatal(err)
	}
	if p, err := Open(s.Dir()).LoadPrefs(); err != nil || p.Measure != 33 {
		t.Errorf("read back: %+v, %v", p, err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir(), prefsFile), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if p, err := s.LoadPrefs(); err == nil || p.Measure != 0 {
		t.Errorf("damaged file: %+v, %v", p, err)
	}
	if err := Disabled().SavePrefs(Prefs{Measure: 20}); err != nil {
		t.Errorf("a disabled store: %v", err)
	}
}

// TestReadMarks: ReadMarks changes with every change of read marks
// (SetRead, Bind), and not with a reading position.
func TestReadMarks(t *testing.T) {
	is := &issue.Issue{Sections: []issue.Section{{Page: 1, Articles: []issue.Article{{N: 1, Title: "甲"}, {N: 2, Title: "乙"}}}}}
	st := New("k")
	m := st.ReadMarks()
	st.SetPosition(1, "甲", issue.Pos{})
	if st.ReadMarks() != m {
		t.Error("a reading position changed ReadMarks")
	}
	st.SetRead(1, "甲", true)
	if st.ReadMarks() == m {
		t.Error("SetRead left ReadMarks")
	}
	m = st.ReadMarks()
	st.Bind(is)
	if st.ReadMarks() == m {
		t.Error("Bind left ReadMarks")
	}
}
