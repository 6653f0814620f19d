package state

import (
	"maps"
	"slices"
	"time"

	"dubao/issue"
)

// Issue is the reading state of one issue. Articles are keyed by their
// number (Article.N) and remember their title, so that Bind can follow them
// if a newer parser numbers the issue differently.
type Issue struct {
	Version int    `json:"version"`
	Key     string `json:"key"` // the issue's content key
	// Paper, Name, Date and Path describe the issue for a bookmarks view:
	// Paper is the paper its masthead names; Name is what the reader calls
	// it (the paper, else the base name of its file or folder); Date is
	// its date, from the masthead or else from its file's name on a
	// shelf; Path is where it was last read from.
	Paper string `json:"paper,omitempty"`
	Name  string `json:"name,omitempty"`
	Date  string `json:"date,omitempty"`
	Path  string `json:"path,omitempty"`
	// Last is the number of the article read last, 0 for none.
	Last     int              `json:"last,omitempty"`
	Articles map[int]*Article `json:"articles"`

	// changes is what changed since the state was loaded or last saved.
	changes changes
	// marks counts the changes of read marks (ReadMarks).
	marks uint64
}

// Article is the reading state of one article.
type Article struct {
	Title string    `json:"title"`
	Pos   issue.Pos `json:"pos"` // where reading stopped
	Read  bool      `json:"read,omitempty"`
	// Bookmarked is when the article was bookmarked; nil when it is not.
	Bookmarked *time.Time `json:"bookmarked,omitempty"`
}

// New returns the fresh state of the issue with key.
func New(key string) *Issue {
	return &Issue{Version: version, Key: key, Articles: map[int]*Article{}}
}

// article returns the state of article n, made if needed, and records
// that fields of it change.
func (st *Issue) article(n int, title string, fields uint8) *Article {
	a := st.Articles[n]
	if a == nil {
		a = &Article{}
		st.Articles[n] = a
	}
	if title != "" && title != a.Title {
		a.Title = title
		fields |= changedTitle
	}
	st.changes.mark(n, fields)
	return a
}

// Describe records what the issue is and where it was read from, for the
// bookmarks view, as its masthead gives them; a masthead without a date
// keeps the date recorded before (see Label).
func (st *Issue) Describe(is *issue.Issue, path string) {
	st.Paper, st.Path = is.Paper, path
	if is.Date != "" {
		st.Date = is.Date
	}
	st.changes.describe = true
}

// Label records what the reader shows for the issue beyond its masthead:
// the name it calls it and the date it shows (from the file's name on a
// shelf when the masthead has none). Empty values keep what was recorded
// before: the issue opened later from elsewhere (a bookmark's file) may
// not know its date, but it is the same issue (the key is its content).
func (st *Issue) Label(name, date string) {
	if name != "" {
		st.Name = name
	}
	if date != "" {
		st.Date = date
	}
	st.changes.describe = true
}

// Bind matches the saved state to the issue as parsed now: an article whose
// number now holds another title follows its title when exactly one article
// has it; positions past the end of their article go back to its start;
// state of articles that no longer exist is dropped.
func (st *Issue) Bind(is *issue.Issue) {
	byTitle := map[string][]int{}
	arts := map[int]*issue.Article{}
	for _, a := range is.Articles() {
		byTitle[a.Title] = append(byTitle[a.Title], a.N)
		arts[a.N] = a
	}
	moved := map[int]*Article{}
	last := st.Last
	for _, n := range slices.Sorted(maps.Keys(st.Articles)) {
		a := st.Articles[n]
		to := n
		if cur := arts[n]; cur == nil || (a.Title != "" && cur.Title != a.Title) {
			if ns := byTitle[a.Title]; len(ns) == 1 {
				to = ns[0]
			} else if cur == nil {
				continue
			}
		}
		if _, taken := moved[to]; taken {
			continue
		}
		a.Title = arts[to].Title
		if !validPos(arts[to], a.Pos) {
			a.Pos = issue.Pos{}
		}
		moved[to] = a
		if n == st.Last {
			last = to
		}
	}
	if !sameArticles(st.Articles, moved) {
		// Articles were renumbered or dropped: the numbers on disk no
		// longer mean the same articles, and the next save writes the
		// state whole.
		st.changes.whole = true
	}
	st.Articles = moved
	st.marks++
	if arts[last] == nil {
		last = 0
	}
	if last != st.Last {
		st.changes.last = true
	}
	st.Last = last
}

// sameArticles reports whether moved holds the same articles under the
// same numbers as before.
func sameArticles(before, moved map[int]*Article) bool {
	if len(before) != len(moved) {
		return false
	}
	for n, a := range moved {
		if before[n] != a {
			return false
		}
	}
	return true
}

// validPos reports whether pos addresses a character of a (or its end).
func validPos(a *issue.Article, pos issue.Pos) bool {
	pieces := a.Pieces()
	return pos.Piece >= 0 && pos.Offset >= 0 &&
		(pos == issue.Pos{} || pos.Piece < len(pieces) && pos.Offset <= len(pieces[pos.Piece].Text))
}

// Position returns where reading stopped in article n (the start if never).
func (st *Issue) Position(n int) issue.Pos {
	if a := st.Articles[n]; a != nil {
		return a.Pos
	}
	return issue.Pos{}
}

// SetPosition records the reading position in article n (titled title) and
// makes it the last article read.
func (st *Issue) SetPosition(n int, title string, pos issue.Pos) {
	st.article(n, title, changedPos).Pos = pos
	st.Last = n
	st.changes.last = true
}

// SetLast makes article n the last one read, without changing the
// position remembered in it.
func (st *Issue) SetLast(n int) {
	st.Last = n
	st.changes.last = true
}

// IsRead reports whether article n was read.
func (st *Issue) IsRead(n int) bool {
	a := st.Articles[n]
	return a != nil && a.Read
}

// SetRead marks article n read or unread.
func (st *Issue) SetRead(n int, title string, read bool) {
	st.article(n, title, changedRead).Read = read
	st.marks++
}

// ReadMarks counts the changes of st's read marks (SetRead, Bind): a
// count of read or unread articles made from st holds while ReadMarks
// stays the same.
func (st *Issue) ReadMarks() uint64 { return st.marks }

// NextUnread returns the number of the first unread article after article
// after, going round to the first article; 0 when every article is read.
func (st *Issue) NextUnread(is *issue.Issue, after int) int {
	arts := is.Articles()
	start := 0
	for i, a := range arts {
		if a.N == after {
			start = i + 1
		}
	}
	for k := range arts {
		a := arts[(start+k)%len(arts)]
		if !st.IsRead(a.N) {
			return a.N
		}
	}
	return 0
}

// Unread counts the unread articles of is.
func (st *Issue) Unread(is *issue.Issue) int {
	n := 0
	for _, a := range is.Articles() {
		if !st.IsRead(a.N) {
			n++
		}
	}
	return n
}

// ReadCount returns how many articles of is are marked read.
func (st *Issue) ReadCount(is *issue.Issue) int {
	n := 0
	for _, a := range is.Articles() {
		if st.IsRead(a.N) {
			n++
		}
	}
	return n
}

// IsBookmarked reports whether article n is bookmarked.
func (st *Issue) IsBookmarked(n int) bool {
	a := st.Articles[n]
	return a != nil && a.Bookmarked != nil
}

// ToggleBookmark bookmarks article n (at time now) or removes its bookmark,
// and reports whether it is bookmarked now.
func (st *Issue) ToggleBookmark(n int, title string, now time.Time) bool {
	a := st.article(n, title, changedBookmark)
	if a.Bookmarked != nil {
		a.Bookmarked = nil
		return false
	}
	a.Bookmarked = &now
	return true
}

// BookmarkList returns the bookmarks of the issue, as Store.Bookmarks
// lists them, in article order.
func (st *Issue) BookmarkList() []Bookmark {
	var out []Bookmark
	for _, n := range slices.Sorted(maps.Keys(st.Articles)) {
		if a := st.Articles[n]; a != nil && a.Bookmarked != nil {
			out = append(out, Bookmark{Key: st.Key, Paper: st.Paper, Name: st.Name, Date: st.Date, Path: st.Path,
				N: n, Title: a.Title, Pos: a.Pos, Added: *a.Bookmarked})
		}
	}
	return out
}

// Bookmarks returns the numbers of the bookmarked articles, in order.
func (st *Issue) Bookmarks(is *issue.Issue) []int {
	var out []int
	for _, a := range is.Articles() {
		if st.IsBookmarked(a.N) {
			out = append(out, a.N)
		}
	}
	return out
}
