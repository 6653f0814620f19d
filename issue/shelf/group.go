package shelf

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"path"
	"slices"
	"strings"
	"time"

	"dubao/issue"
	"dubao/issue/source"
)

// member is a file that holds (part of) an issue, with the date and pages
// worked out for grouping.
type member struct {
	r     *record
	dir   string
	date  string
	from  DateSource
	pages []int // the pages it holds, from its name or its sections; nil if unknown
	page  int   // its page for File.Page: from the name, or its only section's
	seq   int   // order among files of one page (web archive article number)
	// pageName is the page's name its folder gives (01-要闻).
	pageName string
	// single: the file holds one article (a note, a web archive's file):
	// files of one article each share pages without being copies.
	single bool
}

// group turns the records of issue files into issues. Files in one folder
// with the same date (from the masthead or the name, not the file time)
// and the same paper, each holding known pages that do not overlap, are
// one issue with its pages in order: 2024-03-08/01.md, 02.md, …, and a web
// archive's 20191002-PP-NN.txt. Files of one article each are one issue
// per folder and date whatever their pages (a day of notes:
// 1946-05-15_<title>.md), and the page folders of a day count as the day's
// folder (2025-01-02/01-要闻/<title>.md, 18-副刊/<title>.md). Every other
// file is an issue of its own.
// root is the base name of the shelf folder, which may carry the date of a
// shelf of one day's page files.
func group(records []*record, root string) []*Entry {
	entries, _ := groupMembers(records, root)
	return entries
}

// groupMembers is group, with the members of each issue (in the order
// newEntry sorted them).
func groupMembers(records []*record, root string) ([]*Entry, [][]*member) {
	members := make([]*member, len(records))
	folders := map[string]pageFolderOf{} // pageFolder of each folder, read once
	for i, r := range records {
		members[i] = newMember(r, root, folders)
	}
	inheritDates(members)

	type bucketKey struct{ dir, date string }
	buckets := map[bucketKey][]*member{}
	var keys []bucketKey
	var entries []*Entry
	var groups [][]*member
	for _, m := range members {
		if m.r.Folder || m.r.Day || m.from == DateModTime || len(m.pages) == 0 && !m.single {
			g := []*member{m}
			entries, groups = append(entries, newEntry(g)), append(groups, g)
			continue
		}
		k := bucketKey{m.dir, m.date}
		if _, ok := buckets[k]; !ok {
			keys = append(keys, k)
		}
		buckets[k] = append(buckets[k], m)
	}
	for _, k := range keys {
		for _, class := range byPaper(buckets[k]) {
			for _, g := range splitOverlaps(class) {
				entries, groups = append(entries, newEntry(g)), append(groups, g)
			}
		}
	}
	return entries, groups
}

// pageFolderOf is what pageFolder says of a folder.
type pageFolderOf struct {
	page int
	name string
	ok   bool
}

// newMember works out a file's date and pages; folders keeps what
// pageFolder said of each folder (the files of a folder share it).
func newMember(r *record, root string, folders map[string]pageFolderOf) *member {
	m := &member{r: r, dir: path.Dir(r.Path)}
	switch {
	case r.Date != "" && (r.Folder || r.Day): // an archive's date comes from its file names; a day's from its pages
		m.date, m.from = r.Date, DateName
	case r.Date != "":
		m.date, m.from = r.Date, DateMasthead
	default:
		if d := dateFromName(root + "/" + r.Path); d != "" {
			m.date, m.from = d, DateName
		} else {
			m.date, m.from = time.Unix(0, r.Files[0].ModTime).Format(time.DateOnly), DateModTime
		}
	}
	if !r.Folder && !r.Day {
		m.page, m.seq = pageFromName(r.Path)
		m.single = r.Articles == 1
		pf, known := folders[m.dir]
		if !known {
			pf.page, pf.name, pf.ok = pageFolder(m.dir)
			folders[m.dir] = pf
		}
		if page, name, ok := pf.page, pf.name, pf.ok; ok && m.page == 0 {
			// 2025-01-02/01-要闻/<title>.md: the folder is the page, its
			// folder the day.
			m.page, m.pageName, m.dir = page, name, path.Dir(m.dir)
		}
	}
	if m.page > 0 {
		m.pages = []int{m.page}
		return m
	}
	for _, p := range r.SectionPages {
		if p > 0 && !slices.Contains(m.pages, p) {
			if m.pages == nil {
				m.pages = make([]int, 0, len(r.SectionPages))
			}
			m.pages = append(m.pages, p)
		}
	}
	if len(r.SectionPages) == 1 {
		m.page = r.SectionPages[0]
	}
	return m
}

// pageFolder reads the name of a folder that is one page of a day: 01-要闻,
// 18_副刊, 第3版, 第3版 经济. A date is no page, nor a number alone.
func pageFolder(dir string) (page int, name string, ok bool) {
	base := path.Base(dir)
	if base == "." || base == "/" || findDate(base) != "" {
		return 0, "", false
	}
	m := names().pageFolderName.FindStringSubmatch(base)
	if m == nil {
		return 0, "", false
	}
	name = strings.TrimSpace(m[3] + m[4])
	if m[1] == "" && name == "" {
		return 0, "", false // 03 alone: as likely a day of 2024/03/ as a page
	}
	if page = parseOrdinal(m[1] + m[2]); page <= 0 {
		return 0, "", false
	}
	return page, name, true
}

// inheritDates gives page files without a date of their own (dated by the
// file time) the date of the other page files of their folder, when those
// agree on one date: a folder today/01.md (with a masthead), 02.md, 03.md.
func inheritDates(members []*member) {
	type dated struct {
		date string
		from DateSource
		n    int
	}
	dirs := map[string]*dated{}
	for _, m := range members {
		if m.r.Folder || m.from == DateModTime || len(m.pages) == 0 {
			continue
		}
		d := dirs[m.dir]
		switch {
		case d == nil:
			dirs[m.dir] = &dated{date: m.date, from: m.from, n: 1}
		case d.date != m.date:
			d.n = 2 // several dates: nothing to inherit
		}
	}
	for _, m := range members {
		if d := dirs[m.dir]; d != nil && d.n == 1 && m.from == DateModTime && len(m.pages) > 0 {
			m.date, m.from = d.date, d.from
		}
	}
}

// byPaper splits the files of one folder and date by paper. Files without a
// paper name (page files past the first rarely repeat the masthead) join
// the only paper there is; with several papers they stay on their own.
func byPaper(ms []*member) [][]*member {
	var papers []string
	for _, m := range ms {
		if m.r.Paper != "" && !slices.Contains(papers, m.r.Paper) {
			papers = append(papers, m.r.Paper)
		}
	}
	if len(papers) <= 1 {
		return [][]*member{ms}
	}
	classes := make([][]*member, len(papers))
	var out [][]*member
	for _, m := range ms {
		if m.r.Paper == "" {
			out = append(out, []*member{m})
			continue
		}
		i := slices.Index(papers, m.r.Paper)
		classes[i] = append(classes[i], m)
	}
	return append(classes, out...)
}

// splitOverlaps splits files of one paper and date into issues whose pages
// do not overlap: two copies of the same day are two issues, not one issue
// with every page twice. Files of a web archive share a page (one file per
// article) and are told apart by their sequence number.
func splitOverlaps(ms []*member) [][]*member {
	sortMembers(ms)
	var groups [][]*member
next:
	for _, m := range ms {
		for i, g := range groups {
			if !overlaps(g, m) {
				groups[i] = append(g, m)
				continue next
			}
		}
		groups = append(groups, []*member{m})
	}
	return groups
}

// overlaps reports whether m holds a page that a file of g holds too.
// Files of one article each never overlap.
func overlaps(g []*member, m *member) bool {
	for _, o := range g {
		if o.seq > 0 && m.seq > 0 && o.seq != m.seq || o.single && m.single {
			continue
		}
		for _, p := range m.pages {
			if slices.Contains(o.pages, p) {
				return true
			}
		}
	}
	return false
}

// sortMembers orders files by their first page, then sequence, then path.
func sortMembers(ms []*member) {
	first := func(m *member) int {
		if len(m.pages) == 0 {
			return 0
		}
		return slices.Min(m.pages)
	}
	if len(ms) < 2 {
		return
	}
	slices.SortStableFunc(ms, func(a, b *member) int {
		if c := cmp.Compare(first(a), first(b)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.seq, b.seq); c != 0 {
			return c
		}
		return strings.Compare(a.r.Path, b.r.Path)
	})
}

// newEntry makes the issue read from the files of g.
func newEntry(g []*member) *Entry {
	sortMembers(g)
	e := &Entry{Date: g[0].date, DateFrom: g[0].from}
	var pages []int
	files := 0
	for _, m := range g {
		files += len(m.r.Files)
	}
	e.Files = make([]File, 0, files)
	hashed := true
	for _, m := range g {
		for _, f := range m.r.Files {
			hashed = hashed && f.hashed()
		}
	}
	var sums [][sha256.Size]byte
	if hashed {
		sums = make([][sha256.Size]byte, 0, files)
	}
	id := filesID{b: make([]byte, 0, files*96)}
	var encodings []string
	for _, m := range g {
		r := m.r
		e.Pending = e.Pending || r.pending
		if e.Paper == "" {
			e.Paper = r.Paper
		}
		if r.Date != "" && !r.Folder {
			e.DateFrom = DateMasthead
		}
		if e.Weekday == "" {
			e.Weekday = r.Weekday
		}
		if e.Number == 0 {
			e.Number = r.Number
		}
		e.Pages = max(e.Pages, r.Pages)
		e.Articles += r.Articles
		for _, p := range m.pages {
			if !slices.Contains(pages, p) {
				pages = append(pages, p)
			}
		}
		if !slices.Contains(encodings, r.Encoding) {
			encodings = append(encodings, r.Encoding)
		}
		for _, f := range r.Files {
			if hashed {
				sums = append(sums, [sha256.Size]byte(f.Sum))
			}
			id.add(f)
			page, enc := m.page, r.Encoding
			switch {
			case r.Folder:
				_, page, _, _ = issue.ArchiveName(f.Path)
				e.folder, enc = r.Path, ""
			case r.Day:
				e.day, page = true, 0
			}
			e.Files = append(e.Files, File{Path: f.Path, Page: page, PageName: m.pageName, Size: f.Size, ModTime: time.Unix(0, f.ModTime), Encoding: enc})
		}
	}
	e.Pages = max(e.Pages, len(pages))
	if e.Pages == 0 && len(g) == 1 {
		e.Pages = len(g[0].r.SectionPages)
	}
	e.Encoding = strings.Join(encodings, "+")
	if e.Pending {
		e.Encoding = ""
	} else {
		if hashed {
			e.Key = source.KeyOfSums(sums)
		}
		e.id = filesIdentity(id.b)
	}
	return e
}

// filesID hashes what tells the files of an issue from any other: their
// paths, sizes, modification times, inodes, inode change times and the
// sums of their ends — what the index trusts to know a file unchanged
// (see fileRec). It keys what a search keeps of the issue (see
// prefilters), which needs no content key.
type filesID struct{ b []byte }

// add adds the file f.
func (id *filesID) add(f fileRec) {
	id.b = binary.AppendUvarint(id.b, uint64(len(f.Path)))
	id.b = append(id.b, f.Path...)
	id.b = binary.AppendVarint(id.b, f.Size)
	id.b = binary.AppendVarint(id.b, f.ModTime)
	id.b = binary.AppendUvarint(id.b, f.Inode)
	id.b = binary.AppendVarint(id.b, f.CTime)
	id.b = binary.LittleEndian.AppendUint64(id.b, f.Ends)
}

// filesIdentity is an issue's files' identity (see filesID), hashed only
// when it is needed (Entry.key): by the search's workers, as each issue
// is searched, not for all of a shelf's issues as they are built from
// its index, before the first is searched.
type filesIdentity []byte

// key returns the hash of the files' identity of the issue e; zero while
// it is Pending.
func (e *Entry) key() keySum {
	if e.id == nil {
		return keySum{}
	}
	return sha256.Sum256(e.id)
}
