package shelf

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"dubao/issue"
	"dubao/issue/safefile"
	"dubao/issue/textsafe"
)

// indexVersion changes whenever what a record holds, or how it is worked
// out, changes: an index of another version, or one made by another
// version of the parser (issue.ParserVersion), is rebuilt.
const indexVersion = 8 // 5: a text not mostly Chinese is no issue; 6: sums may be left out (Options.NoKey); 7: the folders walked (see folderRec); 8: the issues grouped (memberRec)

// indexFile is the cached index of one shelf (see encodeIndex for its
// form on disk).
type indexFile struct {
	Version int
	Parser  int    // issue.ParserVersion
	Dir     string // absolute path of the shelf
	Records []*record
	// WalkedAt is when the walk that found Folders began (Unix
	// nanoseconds); Folders are the folders it entered, the shelf's
	// first, when it met nothing but folders and regular files and every
	// unit it found has its record in Records; else none.
	WalkedAt int64
	Folders  []folderRec
	// Files is how many files the records of Records hold, when Folders
	// are kept.
	Files int
	// Issues are the issues the records make, in shelf order, as
	// orderedIssues groups them (kept with Folders): OpenKnown makes
	// them without grouping the records again.
	Issues [][]memberRec
}

// memberRec is a member of a cached issue (see member): its record, by
// its place in indexFile.Records, and what grouping worked out of it.
type memberRec struct {
	Record   int
	Date     string
	From     DateSource
	Page     int
	Seq      int
	PageName string
	Pages    []int
}

// index is a loaded index: the cached records by path, and in the order
// the scan that saved them had them (see scan.build).
type index struct {
	byPath  map[string]*record
	records []*record
	// walkedAt and folders are indexFile's WalkedAt and Folders.
	walkedAt int64
	folders  []folderRec
	files    int
	issues   [][]memberRec
}

// indexPath returns where the index of the shelf at dir is cached: a file
// named after a hash of dir's absolute path (and the encoding forced, if
// any: it changes what is read), under cacheDir/shelves.
func indexPath(cacheDir, dir, encoding string) (string, string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	sum := sha256.Sum256([]byte(abs + "\x00" + encoding))
	return filepath.Join(cacheDir, "shelves", hex.EncodeToString(sum[:12])+".idx"), abs, nil
}

// maxIndexSize is the size cap of a cached index: about 200,000 issues.
const maxIndexSize = 64 << 20

// loadIndex reads the cached index of the shelf at dir. A missing,
// unreadable, corrupt or outdated index is an empty one: it is rebuilt.
// Only a regular file under maxIndexSize is read (never a named pipe or a
// link to a device put in its place).
func loadIndex(cacheDir, dir, encoding string) index {
	idx := index{byPath: map[string]*record{}}
	if cacheDir == "" {
		return idx
	}
	name, abs, err := indexPath(cacheDir, dir, encoding)
	if err != nil {
		return idx
	}
	data, err := safefile.ReadSmall(name, maxIndexSize)
	if err != nil {
		return idx
	}
	file, err := decodeIndex(data)
	if err != nil ||
		file.Version != indexVersion || file.Parser != issue.ParserVersion || file.Dir != abs {
		return idx
	}
	for _, r := range file.Records {
		if r != nil {
			idx.byPath[r.Path] = r
			idx.records = append(idx.records, r)
		}
	}
	idx.walkedAt, idx.folders, idx.files, idx.issues = file.WalkedAt, file.Folders, file.Files, file.Issues
	return idx
}

// lookup returns the cached record of u when none of its files has
// changed — same paths, sizes, modification times, inodes and inode change
// times, or where the system tells no inode or change time, the same sum
// of their first and last bytes (see fileRec) — and the record is
// plausible for them (see plausible); else nil.
func (idx index) lookup(u unit) *record {
	r := idx.byPath[u.rel]
	if r == nil || r.Folder != u.folder || r.Day != u.day || len(r.Files) != len(u.files) || !plausible(r) {
		return nil
	}
	for i, f := range u.files {
		c := r.Files[i]
		if c.Path != f.rel || !c.sameStat(f.size, f.modTime.UnixNano(), f.inode, f.ctime) {
			return nil
		}
		if f.inode == 0 || f.ctime == 0 {
			if ends, err := readEnds(f.abs, f.size); err != nil || ends != c.Ends {
				return nil
			}
		}
	}
	return r
}

// Limits of what a cached record may say (see plausible).
const (
	maxRecordText = 1024  // bytes of a paper's name, a weekday, a reason
	maxPage       = 10000 // a page number
)

// plausible reports whether r could describe its files: an index is a
// file anyone could have written (valid JSON claiming 200,000 pages for a
// small file would make grouping the shelf crawl), so a record is trusted
// only when its numbers fit the size of its files and its text is short
// and clean; anything else is indexed again.
func plausible(r *record) bool {
	var size int64
	for _, f := range r.Files {
		if f.Size < 0 || !cleanText(f.Path, 4096) {
			return false
		}
		size += f.Size
	}
	if !cleanText(r.Path, 4096) || r.Skip != nil && !(cleanText(r.Skip.Detail, maxRecordText) && cleanText(r.Skip.Zh, maxRecordText) && cleanText(r.Skip.Limit, maxRecordText)) || !cleanText(r.Paper, maxRecordText) ||
		!cleanText(r.Weekday, maxRecordText) || !cleanText(r.Encoding, maxRecordText) {
		return false
	}
	if r.Date != "" {
		if !validDate(r.Date) {
			return false
		}
	}
	// Every article and every section takes a few bytes of its file.
	if r.Number < 0 || r.Pages < 0 || r.Pages > maxPage || r.Articles < 0 || int64(r.Articles) > size ||
		int64(len(r.SectionPages)) > size/2+1 {
		return false
	}
	for _, p := range r.SectionPages {
		if p < 0 || p > maxPage {
			return false
		}
	}
	return true
}

// cleanText reports whether s is valid UTF-8 of at most max bytes without
// a character that textsafe.Unsafe names (controls, bidirectional
// controls, U+FEFF): what the model may hold, as a record's paper name
// goes into the model unread.
func cleanText(s string, max int) bool {
	if len(s) > max {
		return false
	}
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7F {
		i++ // printable ASCII (a path, a date) is clean
	}
	if i == len(s) {
		return true
	}
	return utf8.ValidString(s[i:]) && strings.IndexFunc(s[i:], textsafe.Unsafe) < 0
}

// validDate reports whether s is a date written YYYY-MM-DD, one that
// time.Parse(time.DateOnly, s) reads (and Format writes back the same).
func validDate(s string) bool {
	if len(s) != len(time.DateOnly) || s[4] != '-' || s[7] != '-' {
		return false
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return -1
			}
			n = 10*n + int(t[i]-'0')
		}
		return n
	}
	year, month, day := num(s[:4]), num(s[5:7]), num(s[8:])
	if year < 0 || month < 1 || month > 12 || day < 1 {
		return false
	}
	return day <= time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// stale reports whether the index holds records of files that are gone.
func (idx index) stale(records []*record) bool {
	return len(idx.byPath) != len(records)
}

// saveIndex writes the index of the shelf at dir atomically (a temporary
// file renamed over the old one). Records of transient failures, and
// missing ones (a cancelled scan), are left out so that they are tried
// again; the folders walked (see indexFile.Folders) are kept only when no
// record is.
func saveIndex(cacheDir, dir, encoding string, records []*record, walkedAt int64, folders []folderRec) error {
	if cacheDir == "" {
		return nil
	}
	name, abs, err := indexPath(cacheDir, dir, encoding)
	if err != nil {
		return err
	}
	file := indexFile{Version: indexVersion, Parser: issue.ParserVersion, Dir: abs}
	for _, r := range records {
		if r != nil && !r.transient && !r.pending {
			file.Records = append(file.Records, r)
		}
	}
	if len(file.Records) == len(records) && len(folders) > 0 {
		file.WalkedAt, file.Folders = walkedAt, folders
		for _, r := range file.Records {
			file.Files += len(r.Files)
		}
		file.Issues = memberRecs(file.Records, filepath.Base(abs))
	}
	if err := safefile.WriteAtomic(name, encodeIndex(file)); err != nil {
		return err
	}
	// The JSON index of dubao before the binary one is of no more use.
	_ = os.Remove(strings.TrimSuffix(name, ".idx") + ".json")
	return nil
}

// memberRecs returns the issues orderedIssues makes of records (root: the
// base name of the shelf folder), as the index keeps them.
func memberRecs(records []*record, root string) [][]memberRec {
	at := make(map[*record]int, len(records))
	for i, r := range records {
		at[r] = i
	}
	groups := orderedGroups(records, root)
	out := make([][]memberRec, len(groups))
	for i, g := range groups {
		out[i] = make([]memberRec, len(g))
		for k, m := range g {
			out[i][k] = memberRec{Record: at[m.r], Date: m.date, From: m.from, Page: m.page, Seq: m.seq, PageName: m.pageName, Pages: m.pages}
		}
	}
	return out
}

// cachedIssues makes the issues of the index from its cached grouping
// (indexFile.Issues) as orderedIssues makes them; nil when the index has
// none, or one that cannot be right: every record that is not skipped
// in exactly one issue, and what each member says plausible.
func (idx index) cachedIssues() []*Entry {
	if len(idx.issues) == 0 {
		return nil
	}
	used := make([]bool, len(idx.records))
	members := 0
	entries := make([]*Entry, 0, len(idx.issues))
	// The members and their pointers, in one array each (a shelf's
	// issues are built at each search, before its first is searched).
	total := 0
	for _, g := range idx.issues {
		total += len(g)
	}
	all, ptrs := make([]member, total), make([]*member, total)
	for _, g := range idx.issues {
		if len(g) == 0 {
			return nil
		}
		ms := ptrs[:len(g):len(g)]
		ptrs = ptrs[len(g):]
		for k, mr := range g {
			if mr.Record < 0 || mr.Record >= len(idx.records) || used[mr.Record] || !validDate(mr.Date) ||
				mr.From != DateMasthead && mr.From != DateName && mr.From != DateModTime ||
				mr.Page < 0 || mr.Page > maxPage || mr.Seq < 0 || !cleanText(mr.PageName, maxRecordText) || len(mr.Pages) > maxPage {
				return nil
			}
			for _, p := range mr.Pages {
				if p < 0 || p > maxPage {
					return nil
				}
			}
			r := idx.records[mr.Record]
			if r.Skip != nil {
				return nil
			}
			used[mr.Record] = true
			members++
			m := &all[0]
			all = all[1:]
			*m = member{r: r, date: mr.Date, from: mr.From, page: mr.Page, seq: mr.Seq, pageName: mr.PageName, pages: mr.Pages}
			ms[k] = m
		}
		e := newEntry(ms)
		e.index = len(entries)
		entries = append(entries, e)
	}
	for _, r := range idx.records {
		if r.Skip == nil {
			members--
		}
	}
	if members != 0 {
		return nil
	}
	return entries
}
