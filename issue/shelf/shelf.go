// Package shelf reads a folder of newspaper issues — years of them, one file
// per day or one per page, in any encoding the issue package reads — as a
// shelf: the issues ordered by date, grouped by year and month, with the
// previous and next day of each paper, and a streaming search across all of
// them.
//
// Scan builds a Shelf from a folder. It reads each file once to learn its
// masthead (paper, date, pages, article count) and caches what it learned,
// keyed by path, size and modification time, so that opening the same
// shelf again only walks the folder. Issues are not kept parsed: Open parses
// one when it is read, and Search parses only the files whose text can match.
//
// OpenPath is what `dubao PATH` needs: the issue a file or a one-issue
// folder holds, or the shelf a folder of several issues makes. Key names
// an issue by its content, for remembered reading state.
//
// ScanLazy is Scan for a reader that must show the shelf at once: it
// returns the shelf as the walk, the file names and the cache give it,
// and indexes the rest in the background, sending newer shelves as it
// goes.
//
// A Shelf does not change once made (ScanLazy makes a new one for each
// update): its methods may be called from several goroutines at once.
package shelf

import (
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"dubao/issue"
)

// DateSource says where an issue's date came from.
type DateSource string

// The sources of an issue's date, from the most to the least trusted.
const (
	DateMasthead DateSource = "masthead" // 2023年12月21日 in the masthead
	DateName     DateSource = "name"     // 2024-03-08 or 20240308 in the file or folder name
	DateModTime  DateSource = "mtime"    // the file's modification time (local time)
)

// Shelf is a folder of issues.
type Shelf struct {
	// Dir is the folder, as given to Scan.
	Dir string `json:"dir"`
	// Issues are the issues found, newest first (then by paper and path).
	Issues []*Entry `json:"issues"`
	// Skipped lists the files that are not issues, by path.
	Skipped []Skipped `json:"skipped"`
	// Pending counts the files (or archive folders) not indexed yet (see
	// Entry.Pending): 0 for a shelf from Scan, and for the last one
	// ScanLazy sends.
	Pending int `json:"pending,omitempty"`

	opt     Options
	byPaper map[string][]*Entry // each paper's issues, oldest first
	// preloaded holds the search prefilters being read while the shelf
	// was walked (Options.Search), until a search takes them.
	preloaded *atomic.Pointer[<-chan *prefilters]
	// known is set on a shelf from OpenKnown: its entries are the cached
	// index's, their files not checked yet.
	known *known
}

// Entry is one issue on the shelf: what its masthead says and the files it
// is read from. It is not the parsed issue; Shelf.Open parses it.
type Entry struct {
	Paper    string     `json:"paper"`
	Date     string     `json:"date"` // YYYY-MM-DD
	DateFrom DateSource `json:"date_from"`
	Weekday  string     `json:"weekday,omitempty"`
	Number   int        `json:"number,omitempty"`
	Pages    int        `json:"pages"`
	Articles int        `json:"articles"`
	Encoding string     `json:"encoding"`
	// Files are the files the issue is read from, in page order: one for
	// an issue kept in one file, one per page (or per article) otherwise.
	Files []File `json:"files"`
	// Key identifies the issue by its content (see Key); it does not change
	// when the files are renamed or moved. It is empty while Pending, and
	// while the shelf's index lacks the sums of its files: a scan with
	// Options.NoKey (list, search) does not hash the files it indexes.
	Key string `json:"key"`
	// Pending is set while the issue's files are not indexed yet (ScanLazy):
	// its date comes from the file names, and its paper, number, pages
	// and articles are not known. Open reads it all the same.
	Pending bool `json:"pending,omitempty"`

	index  int           // position in Shelf.Issues
	id     filesIdentity // its files' identity (see filesID); nil while Pending
	folder string        // the archive folder read as a whole (issue.OpenFolder), if any
	day    bool          // the files are the saved pages of one e-paper day (source.ParseDay)
}

// File is one file of an issue.
type File struct {
	// Path is the file's path relative to the shelf folder, with slashes.
	Path string `json:"path"`
	Page int    `json:"page,omitempty"` // page number from the file name, its page folder or its only section; 0 if none
	// PageName is the page's name its folder gives (01-要闻/…: 要闻).
	PageName string    `json:"page_name,omitempty"`
	Size     int64     `json:"size"`
	ModTime  time.Time `json:"mtime"`
	// Encoding is the file's encoding as detected when it was indexed;
	// empty for the files of a web archive folder (see Entry.Encoding).
	Encoding string `json:"encoding,omitempty"`
}

// Skipped is a file that is not an issue, and why.
type Skipped struct {
	Path   string `json:"path"` // relative to the shelf folder, with slashes
	Reason Reason `json:"reason"`
}

// String returns "path: reason".
func (s Skipped) String() string { return s.Path + ": " + s.Reason.String() }

// Name returns a one-line description of the entry for lists and errors:
// "星河日报 2024-03-08", or the date and the file (or archive folder) when
// the paper's name is not known.
func (e *Entry) Name() string {
	switch {
	case e.Paper != "":
		return e.Paper + " " + e.Date
	case e.folder != "":
		return e.Date + " " + e.folder
	}
	return e.Date + " " + e.Files[0].Path
}

// Month is the issues of one calendar month, newest first.
type Month struct {
	Year   int
	Month  time.Month
	Issues []*Entry
}

// Months groups the issues by year and month, newest first.
func (s *Shelf) Months() []Month {
	var out []Month
	for _, e := range s.Issues {
		t, err := time.Parse(time.DateOnly, e.Date)
		if err != nil {
			continue
		}
		if n := len(out); n == 0 || out[n-1].Year != t.Year() || out[n-1].Month != t.Month() {
			out = append(out, Month{Year: t.Year(), Month: t.Month()})
		}
		out[len(out)-1].Issues = append(out[len(out)-1].Issues, e)
	}
	return out
}

// Index returns the entry's position in s.Issues.
func (s *Shelf) Index(e *Entry) int { return e.index }

// Prev returns the issue of the same paper before e (the previous day it
// appeared), or nil.
func (s *Shelf) Prev(e *Entry) *Entry {
	list := s.byPaper[e.Paper]
	i := sort.Search(len(list), func(i int) bool { return list[i].Date >= e.Date })
	if i == 0 {
		return nil
	}
	return list[i-1]
}

// Next returns the issue of the same paper after e (the next day it
// appeared), or nil.
func (s *Shelf) Next(e *Entry) *Entry {
	list := s.byPaper[e.Paper]
	i := sort.Search(len(list), func(i int) bool { return list[i].Date > e.Date })
	if i == len(list) {
		return nil
	}
	return list[i]
}

// Lookup returns the issues that sel names: a date in any form that file
// names use (2024-03-08, 20240308, 2024年3月8日), optionally with (part of)
// a paper name before it ("星河 2024-03-08"), or the path of one of an
// issue's files relative to the shelf. Several issues may match (several
// papers on one day); none is not an error.
func (s *Shelf) Lookup(sel string) []*Entry {
	sel = strings.TrimSpace(sel)
	clean := path.Clean(filepath.ToSlash(sel))
	var out []*Entry
	for _, e := range s.Issues {
		for _, f := range e.Files {
			if MatchPath(clean, f.Path) || MatchPath(sel, f.Path) ||
				len(e.Files) > 1 && (MatchPath(clean, path.Dir(f.Path)) || MatchPath(sel, path.Dir(f.Path))) {
				out = append(out, e)
				break
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	date, start, end := issue.FindDate(sel, issue.AnyDate)
	if date == "" {
		return nil
	}
	paper := strings.Trim(sel[:start]+sel[end:], " \t-_/·")
	for _, e := range s.Issues {
		if e.Date == date && strings.Contains(e.Paper, paper) {
			out = append(out, e)
		}
	}
	return out
}

// ByKey returns the issue whose content key is key, or nil.
func (s *Shelf) ByKey(key string) *Entry {
	if key == "" {
		return nil
	}
	for _, e := range s.Issues {
		if e.Key == key {
			return e
		}
	}
	return nil
}

// sortIssues puts issues in shelf order (see Shelf.Issues) and numbers
// them (Entry.index).
func sortIssues(issues []*Entry) {
	sort.SliceStable(issues, func(i, j int) bool { return issueBefore(issues[i], issues[j]) })
	for i, e := range issues {
		e.index = i
	}
}

// issueBefore reports whether a comes before b in shelf order.
func issueBefore(a, b *Entry) bool {
	if a.Date != b.Date {
		return a.Date > b.Date
	}
	if a.Paper != b.Paper {
		return a.Paper < b.Paper
	}
	return a.Files[0].Path < b.Files[0].Path
}

// finish indexes the issues, in shelf order (see sortIssues), by paper,
// and orders the skipped files.
func (s *Shelf) finish() {
	s.byPaper = make(map[string][]*Entry)
	for i := len(s.Issues) - 1; i >= 0; i-- {
		e := s.Issues[i]
		s.byPaper[e.Paper] = append(s.byPaper[e.Paper], e)
	}
	sort.Slice(s.Skipped, func(i, j int) bool { return s.Skipped[i].Path < s.Skipped[j].Path })
}
