package shelf

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"dubao/issue"
	"dubao/issue/source"
	"dubao/issue/source/epaper"
	"dubao/issue/textsafe"
)

// Options tune how a shelf is scanned and read.
type Options struct {
	// CacheDir is the folder where the index of the shelf's mastheads is
	// cached (see DefaultCacheDir); "" does not cache.
	CacheDir string
	// Encoding forces the character encoding of every file; "" detects it.
	Encoding string
	// Format forces the format of every file (see source.Formats); ""
	// tells it by each file's content.
	Format string
	// MaxBytes refuses a file larger than this many bytes before reading
	// it (and a stream read with ReadAll past it); 0 means issue.MaxSize.
	MaxBytes int64
	// Workers is the number of files read in parallel; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called as files are indexed with the number
	// done and the number to do (files not in the cache). It is called
	// from one goroutine at a time.
	Progress func(done, total int)
	// Walking, when set, is called now and then while the shelf's folders
	// are walked (before any file is read), with the number of folders and
	// files met so far, and once at the end of the walk.
	Walking func(folders, files int)
	// CrossFilesystems walks into folders on other file systems (mount
	// points) too; by default a walk stays on the shelf's own file system
	// (as find -xdev does). Pseudo file systems (/proc, /sys, /dev…) are
	// never walked.
	CrossFilesystems bool
	// Search says that the shelf is scanned to be searched: what its
	// search keeps in the cache (see Shelf.Search) is read while the
	// shelf is walked, for its first search.
	Search bool
	// NoKey leaves Loaded.Key empty: the caller keeps no reading state
	// (list, cat, json, search), and hashing a large issue is a good
	// part of reading it. A scan with NoKey hashes none of the files it
	// indexes either: their entries' Key stays empty until a scan
	// without it (the reader's) works their sums out — from the cache,
	// or by reading the files again (a hash only, no parse).
	NoKey bool
}

// source is the part of o that reads one issue.
func (o Options) source() source.Options {
	return source.Options{Encoding: o.Encoding, MaxBytes: o.MaxBytes, Format: o.Format}
}

// variant names what the forced encoding and format make of the files,
// for the cache: each variant has an index of its own.
func (o Options) variant() string {
	if o.Format == "" {
		return o.Encoding
	}
	return o.Encoding + "+format=" + o.Format
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// DefaultCacheDir returns the folder for dubao's caches:
// $XDG_CACHE_HOME/dubao, else ~/.cache/dubao (the platform's cache folder
// elsewhere).
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("cache folder: %w", err)
	}
	return filepath.Join(dir, "dubao"), nil
}

// record is what the shelf knows of one file, or of one folder of a web
// archive's article files (which is read as a whole): the files' identity
// (path, size, modification time, content sum) and what reading them
// found. Records are cached.
type record struct {
	// Path is the file, or the archive folder, relative to the shelf.
	Path string `json:"path"`
	// Folder is set for an archive folder read as one issue.
	Folder bool `json:"folder,omitempty"`
	// Day is set for the saved pages of one e-paper day (layout and
	// article pages, in one folder or in a mirror's folders) read as one
	// issue.
	Day   bool      `json:"day,omitempty"`
	Files []fileRec `json:"files"`
	// Skip says why the file is not an issue; nil for an issue.
	Skip *Reason `json:"skip,omitempty"`
	// transient is true for a skip that is not a property of the content
	// (a read error): such records are not cached.
	transient bool
	// pending marks the stand-in record of a unit not indexed yet (see
	// provisional): never cached.
	pending bool
	// parsed is the issue read from the unit when it was asked to keep it
	// (unit.keep); never cached.
	parsed *issue.Issue

	Paper    string `json:"paper,omitempty"`
	Date     string `json:"date,omitempty"` // from the masthead
	Weekday  string `json:"weekday,omitempty"`
	Number   int    `json:"number,omitempty"`
	Pages    int    `json:"pages,omitempty"` // as the masthead says
	Articles int    `json:"articles,omitempty"`
	// SectionPages are the page numbers of the file's sections (0 unknown).
	SectionPages []int  `json:"section_pages,omitempty"`
	Encoding     string `json:"encoding,omitempty"`
}

// fileRec is one file of a record.
//
// A file is taken to be the one indexed when its path, size, modification
// time, inode and inode change time are the same: a file replaced by
// another of the same size and modification time (cp -p, touch -r, an
// archive unpacked, a sync tool) has another inode or change time — any
// write, rename or change of times sets the change time, and no tool can
// set it back. Where the system tells no inode or change time, the CRC-32C
// of the file's first and of its last endsSize bytes (Ends) is checked
// instead.
type fileRec struct {
	Path    string `json:"path"` // relative to the shelf, with slashes
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"`           // Unix nanoseconds
	Inode   uint64 `json:"inode,omitempty"` // 0 where the system has none
	CTime   int64  `json:"ctime,omitempty"` // the inode's change time, Unix nanoseconds
	Sum     sum    `json:"sum"`             // SHA-256 of the bytes; all zero while not worked out (see Options.NoKey)
	Ends    uint64 `json:"ends"`            // CRC-32C of the first and of the last endsSize bytes
}

// sameStat reports whether a file's size, modification time, inode and
// change time (Unix nanoseconds) are those of fr: the file is then taken
// for the one recorded (checked by its ends too where inode or change
// time is 0).
func (fr *fileRec) sameStat(size, modTime int64, inode uint64, ctime int64) bool {
	return fr.Size == size && fr.ModTime == modTime && fr.Inode == inode && fr.CTime == ctime
}

// newFileRec returns the record of the file f, its sums not known yet.
func newFileRec(f found) fileRec {
	return fileRec{Path: f.rel, Size: f.size, ModTime: f.modTime.UnixNano(), Inode: f.inode, CTime: f.ctime}
}

// setSums records the sums of the file's bytes, data: with hash, the
// SHA-256 too (the content key's part), else only Ends.
func (fr *fileRec) setSums(data []byte, hash bool) {
	if hash {
		fr.Sum = sha256.Sum256(data)
	}
	fr.Ends = endsSum(data)
}

// hashed reports whether the file's SHA-256 is known.
func (fr *fileRec) hashed() bool { return fr.Sum != sum{} }

// hashed reports whether the SHA-256 of every file of r is known.
func (r *record) hashed() bool {
	for i := range r.Files {
		if !r.Files[i].hashed() {
			return false
		}
	}
	return true
}

// endsSize is how many bytes at each end of a file Ends covers.
const endsSize = 4096

// endsSum returns the CRC-32C of the first endsSize bytes of data and of
// its last endsSize bytes (all of it when it is shorter than twice that),
// one in each half: the processor computes it (SSE 4.2, ARMv8), a cheap
// check, a microsecond or two a file, that tells a replaced file from the
// one indexed; not a defence against someone who can write the shelf's
// files.
func endsSum(data []byte) uint64 {
	if len(data) <= 2*endsSize {
		return uint64(crc32.Checksum(data, castagnoli()))
	}
	return uint64(crc32.Checksum(data[:endsSize], castagnoli()))<<32 | uint64(crc32.Checksum(data[len(data)-endsSize:], castagnoli()))
}

// readEnds returns endsSum of the file at abs, size bytes long, reading
// only its ends.
func readEnds(abs string, size int64) (uint64, error) {
	var buf [2 * endsSize]byte
	if size <= 2*endsSize {
		n, err := readAt(abs, buf[:min(size+1, 2*endsSize)], 0, nil, 0)
		if err != nil {
			return 0, err
		}
		return endsSum(buf[:n]), nil
	}
	if _, err := readAt(abs, buf[:endsSize], 0, buf[endsSize:], size-endsSize); err != nil {
		return 0, err
	}
	return uint64(crc32.Checksum(buf[:endsSize], castagnoli()))<<32 | uint64(crc32.Checksum(buf[endsSize:], castagnoli())), nil
}

// sum is a SHA-256 sum, written in hex in the index.
type sum [sha256.Size]byte

// MarshalText writes the sum in hex.
func (s sum) MarshalText() ([]byte, error) { return []byte(hex.EncodeToString(s[:])), nil }

// UnmarshalText reads a sum written in hex.
func (s *sum) UnmarshalText(b []byte) error {
	if hex.DecodedLen(len(b)) != len(s) {
		return fmt.Errorf("bad sum %q", b)
	}
	_, err := hex.Decode(s[:], b)
	return err
}

// found is a file met while walking the shelf.
type found struct {
	rel     string
	abs     string
	size    int64
	modTime time.Time
	inode   uint64 // 0 where the system has none
	ctime   int64  // the inode's change time, Unix nanoseconds; 0 unknown
}

// unit is what is read as one: a file, or an archive folder's files.
type unit struct {
	rel    string
	abs    string
	folder bool
	day    bool    // the saved pages of an e-paper day
	files  []found // in page order for a folder
	// keep asks analyze to keep the issue it parses in the record
	// (record.parsed): openPath opens a folder of one issue from it
	// instead of parsing its files a second time.
	keep bool
	// unhashed is the cached record of a unit indexed by a scan that
	// hashed nothing (Options.NoKey): analyze then only works out the
	// sums of its files, for a scan that needs the content keys.
	unhashed *record
}

// Scan finds the issues under dir (recursively) and returns the shelf.
// Files that are not issues are listed in Shelf.Skipped with the reason;
// only a dir that cannot be read at all, or a cancelled ctx, is an error.
// Hidden files and folders (".name") are passed over silently. Scan reads
// every file that is not in the cache before it returns; ScanLazy returns
// at once and reads them in the background.
func Scan(ctx context.Context, dir string, opt Options) (*Shelf, error) {
	sc, err := prepare(ctx, dir, opt)
	if err != nil {
		return nil, err
	}
	s, _, err := sc.indexAll(ctx, false, true)
	return s, err
}

// indexAll indexes every unit left to index and returns the shelf; with
// keep, also the issues parsed while indexing a folder of a few files
// (see keepParses), by the path of their unit's first file. progress
// says whether Options.Progress is told.
func (sc *scan) indexAll(ctx context.Context, keep, progress bool) (*Shelf, map[string]*issue.Issue, error) {
	if keep {
		sc.keepParses()
	}
	err := analyzeAll(ctx, sc.units, sc.todo, sc.opt, func(i int, r *record, done int) {
		sc.records[i] = r
		if progress && sc.opt.Progress != nil {
			sc.opt.Progress(done, len(sc.todo))
		}
	})
	// Keep what was indexed, also when the scan was cancelled; a shelf
	// that cannot be cached still opens: it is only slower next time.
	sc.save()
	var kept map[string]*issue.Issue
	for _, r := range sc.records {
		if r != nil && r.parsed != nil {
			if kept == nil {
				kept = map[string]*issue.Issue{}
			}
			kept[r.Files[0].Path], r.parsed = r.parsed, nil
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return sc.build(), kept, nil
}

// keepLimit is the most bytes of files, in a folder of several files,
// whose issues a scan for openPath keeps once indexed (the issue of a
// folder of one file is always kept: it is opened next).
const keepLimit = 64 << 20

// keepParses marks the units left to index to keep the issues they are
// parsed into, when they are few and small (a folder that may hold one
// issue: openPath then opens it without parsing it again).
func (sc *scan) keepParses() {
	var size int64
	for _, i := range sc.todo {
		for _, f := range sc.units[i].files {
			size += f.size
		}
	}
	if len(sc.todo) > syncIndexLimit || len(sc.units) > 1 && size > keepLimit {
		return
	}
	for _, i := range sc.todo {
		sc.units[i].keep = true
	}
}

// scan is a shelf being scanned: what the walk found, grouped into units,
// and the record of each unit known so far (from the cache, or indexed).
type scan struct {
	dir     string
	opt     Options
	name    string    // the base name of the shelf folder
	skipped []Skipped // entries the walk could not read
	units   []unit
	records []*record // by unit; nil while not indexed
	todo    []int     // units to index, in the order to index them
	idx     index     // the cached index as loaded
	// walkedAt is when the walk began (Unix nanoseconds), and folders
	// the folders it entered (see indexFile.Folders).
	walkedAt int64
	folders  []folderRec
	// ahead receives the issues of idx's records, grouped and ordered
	// (orderedIssues), made while the shelf is walked; nil once used.
	ahead <-chan []*Entry
	// aheadUsed says that a build took its issues from ahead.
	aheadUsed bool
	// prefilters receives the search's prefilters (Options.Search), for
	// the first shelf built; nil once given to it.
	prefilters <-chan *prefilters
}

// prepare walks dir and looks up the units it finds in the cached index:
// what is left to index is in todo, newest first (by the date in the
// name), so that the top of the shelf is filled in first.
func prepare(ctx context.Context, dir string, opt Options) (*scan, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("open shelf %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("open shelf %s: not a folder", dir)
	}
	// The walk does not follow links: start it where a linked shelf
	// folder (~/papers → /data/papers) leads.
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, fmt.Errorf("open shelf %s: %w", dir, err)
	}
	sc := &scan{dir: dir, opt: opt, name: filepath.Base(dir)}
	if abs, err := filepath.Abs(dir); err == nil {
		sc.name = filepath.Base(abs)
	}
	// The cached index is read while the shelf is walked, and its issues
	// grouped and ordered as if the walk will find its files unchanged
	// (see scan.build).
	loaded := make(chan index, 1)
	ahead := make(chan []*Entry, 1)
	go func() {
		idx := loadIndex(opt.CacheDir, dir, opt.variant())
		loaded <- idx
		if len(idx.records) == 0 {
			close(ahead)
			return
		}
		ahead <- orderedIssues(idx.records, sc.name)
	}()
	if opt.Search && opt.CacheDir != "" {
		pre := make(chan *prefilters, 1)
		go func() { pre <- readAhead(opt, dir) }()
		sc.prefilters = pre
	}
	sc.walkedAt = time.Now().UnixNano()
	w, err := walk(ctx, root, opt)
	if err != nil {
		return nil, err
	}
	sc.skipped, sc.units = w.skipped, w.units()
	if len(w.skipped) == 0 { // units() adds the files of saved web pages
		sc.folders = w.folders
	}
	sc.idx, sc.ahead = <-loaded, ahead
	sc.records = make([]*record, len(sc.units))
	dates := map[int]string{}
	for i, u := range sc.units {
		if r := sc.idx.lookup(u); r != nil {
			sc.records[i] = r
			if !opt.NoKey && r.Skip == nil && !r.hashed() {
				// Indexed without its sums: they are read, not the
				// issue parsed again.
				sc.units[i].unhashed = r
				sc.todo = append(sc.todo, i)
				dates[i] = dateFromName(sc.name + "/" + u.rel)
			}
		} else {
			sc.todo = append(sc.todo, i)
			dates[i] = dateFromName(sc.name + "/" + u.rel)
		}
	}
	slices.SortStableFunc(sc.todo, func(a, b int) int { return strings.Compare(dates[b], dates[a]) })
	return sc, nil
}

// save writes the records known to the cache when they differ from what
// it held, or when its folders cannot tell a shelf unchanged (OpenKnown)
// and this walk's may: they are kept when the walk met nothing it skipped.
func (sc *scan) save() {
	changed := sc.idx.stale(sc.records)
	for _, i := range sc.todo {
		if sc.records[i] != nil {
			changed = true
			break
		}
	}
	folders := sc.folders
	if folders != nil && !sc.idx.settled(folders) {
		changed = true
	}
	if changed {
		_ = saveIndex(sc.opt.CacheDir, sc.dir, sc.opt.variant(), sc.records, sc.walkedAt, folders)
	}
}

// build makes the shelf of the records known so far. A unit not indexed
// yet is an issue pending when its name gives its date (see
// Entry.Pending), and left out otherwise.
//
// The issues are those grouped and ordered while the shelf was walked
// (sc.ahead) when the records are the cached index's, one for one and in
// its order — every file found unchanged, none added or gone: grouping
// the same records in the same order makes the same issues. The first
// build of a scan only uses them: the entries are not shared by two
// shelves.
func (sc *scan) build() *Shelf {
	s := &Shelf{Dir: sc.dir, opt: sc.opt, Skipped: slices.Clone(sc.skipped)}
	issues := make([]*record, 0, len(sc.records))
	for i, r := range sc.records {
		switch {
		case r == nil:
			s.Pending++
			if p := provisional(sc.units[i], sc.name); p != nil {
				issues = append(issues, p)
			}
		case r.Skip != nil:
			s.Skipped = append(s.Skipped, Skipped{Path: r.Path, Reason: *r.Skip})
		default:
			issues = append(issues, r)
		}
	}
	ahead := sc.ahead
	sc.ahead = nil
	if ahead != nil && slices.Equal(sc.records, sc.idx.records) {
		s.Issues = <-ahead
		sc.aheadUsed = s.Issues != nil
	}
	if s.Issues == nil {
		s.Issues = orderedIssues(issues, sc.name)
	}
	if sc.prefilters != nil {
		pre := sc.prefilters
		sc.prefilters = nil
		s.preloaded = new(atomic.Pointer[<-chan *prefilters])
		s.preloaded.Store(&pre)
	}
	s.finish()
	return s
}

// orderedIssues groups the records of a shelf (root: the base name of its
// folder) into issues, in shelf order (see Shelf.Issues), each knowing its
// place. Skipped records are left out.
func orderedIssues(records []*record, root string) []*Entry {
	issues := make([]*record, 0, len(records))
	for _, r := range records {
		if r.Skip == nil {
			issues = append(issues, r)
		}
	}
	entries := group(issues, root)
	sortIssues(entries)
	return entries
}

// orderedGroups returns the members of each issue orderedIssues makes of
// records, in shelf order.
func orderedGroups(records []*record, root string) [][]*member {
	issues := make([]*record, 0, len(records))
	for _, r := range records {
		if r.Skip == nil {
			issues = append(issues, r)
		}
	}
	entries, groups := groupMembers(issues, root)
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	// The stable sort of sortIssues, on the positions: the same order.
	sort.SliceStable(order, func(i, j int) bool { return issueBefore(entries[order[i]], entries[order[j]]) })
	sorted := make([][]*member, len(groups))
	for i, k := range order {
		sorted[i] = groups[k]
	}
	return sorted
}

// provisional is the record of a unit not indexed yet, from its name: nil
// when the name gives no date (the unit may not even be an issue).
func provisional(u unit, root string) *record {
	if !u.folder && !u.day && dateFromName(root+"/"+u.rel) == "" {
		return nil
	}
	r := &record{Path: u.rel, Folder: u.folder, Day: u.day, pending: true}
	for _, f := range u.files {
		r.Files = append(r.Files, newFileRec(f))
	}
	if u.folder {
		d, _, _, _ := issue.ArchiveName(u.files[0].rel)
		r.Date = d
	}
	if u.day {
		r.Date = dateFromName(root + "/" + u.rel)
	}
	return r
}

// walked is what walking a shelf found.
type walked struct {
	files   []found
	skipped []Skipped
	// mixed marks folders that hold something besides regular files (a
	// sub-folder, a link, an unreadable entry): never an archive folder.
	mixed map[string]bool
	// folders are the folders entered, the shelf's first, each before
	// those it holds.
	folders []folderRec
}

// pseudoPaths are folders that hold no files but views of the system or
// devices, whatever file system they are on: never walked.
var pseudoPaths = []string{"/proc", "/sys", "/dev"}

// enterable reports whether the walk may enter the folder p, and when not
// why: a
// pseudo file system, or another file system than the shelf's (rootDev)
// unless cross.
func enterable(p string, d fs.DirEntry, rootDev uint64, haveDev, cross bool) (Reason, bool) {
	info, err := d.Info()
	return enterableInfo(p, info, err, rootDev, haveDev, cross)
}

// enterableInfo is enterable of the folder's info, and the error of
// asking for it.
func enterableInfo(p string, info fs.FileInfo, err error, rootDev uint64, haveDev, cross bool) (Reason, bool) {
	if slices.Contains(pseudoPaths, p) {
		return fixed(ReasonPseudoFS), false
	}
	if err != nil || !haveDev {
		return Reason{}, true
	}
	dev, ok := deviceOf(info)
	if !ok || dev == rootDev {
		return Reason{}, true
	}
	// A mount point: what is mounted there?
	if pseudoFSOf(p) != "" {
		return fixed(ReasonPseudoFS), false
	}
	if !cross {
		return fixed(ReasonOtherFS), false
	}
	return Reason{}, true
}

// units groups the files into what is read as one: the saved pages of
// each e-paper day (see epaper.DayKey) together, each archive folder (a
// folder holding only YYYYMMDD-PP-NN.txt files of one date, the web
// archive's form of one issue) as a whole, every other file alone.
func (w *walked) units() []unit {
	byDir := map[string][]int{} // each folder's files, by index in w.files
	var dirs []string
	days := map[string][]found{}
	var dayKeys []string
	for i, f := range w.files {
		if why, ok := webResource(f.rel); ok {
			w.skipped = append(w.skipped, Skipped{Path: f.rel, Reason: why})
			continue
		}
		if k, ok := epaper.DayKey(f.rel); ok {
			if _, seen := days[k]; !seen {
				dayKeys = append(dayKeys, k)
			}
			days[k] = append(days[k], f)
			continue
		}
		d := path.Dir(f.rel)
		if _, ok := byDir[d]; !ok {
			dirs = append(dirs, d)
		}
		byDir[d] = append(byDir[d], i)
	}
	out := make([]unit, 0, len(w.files))
	for _, k := range dayKeys {
		files := days[k]
		// Layout pages first, then article pages, each in path order.
		slices.SortFunc(files, func(a, b found) int {
			la, lb := epaper.IsLayoutName(a.rel), epaper.IsLayoutName(b.rel)
			if la != lb {
				if la {
					return -1
				}
				return 1
			}
			return strings.Compare(a.rel, b.rel)
		})
		out = append(out, unit{rel: path.Dir(files[0].rel), abs: filepath.Dir(files[0].abs), day: true, files: files})
	}
	for _, d := range dirs {
		in := byDir[d]
		files := make([]found, len(in))
		for k, i := range in {
			files[k] = w.files[i]
		}
		if !w.mixed[d] && isArchiveFolder(files) {
			slices.SortFunc(files, func(a, b found) int {
				_, pa, sa, _ := issue.ArchiveName(a.rel)
				_, pb, sb, _ := issue.ArchiveName(b.rel)
				if pa != pb {
					return pa - pb
				}
				return sa - sb
			})
			out = append(out, unit{rel: d, abs: filepath.Dir(files[0].abs), folder: true, files: files})
			continue
		}
		for k, f := range files {
			out = append(out, unit{rel: f.rel, abs: f.abs, files: files[k : k+1 : k+1]})
		}
	}
	return out
}

// webResource says why a file of a saved web page is no issue, without
// reading it: a script or a style sheet, or a file of the folder a
// browser saves a page's resources in (content_123_files/); "" for any
// other file.
func webResource(rel string) (Reason, bool) {
	if strings.Contains(rel, "files/") {
		for _, dir := range strings.Split(path.Dir(rel), "/") {
			if strings.HasSuffix(dir, "_files") || strings.HasSuffix(dir, ".files") {
				return Reason{Kind: ReasonWebResource, Detail: dir}, true
			}
		}
	}
	switch strings.ToLower(path.Ext(rel)) {
	case ".css", ".js", ".mjs", ".map":
		return fixed(ReasonWebScript), true
	}
	return Reason{}, false
}

// isArchiveFolder reports whether files are all archive files of one date.
func isArchiveFolder(files []found) bool {
	date := ""
	for _, f := range files {
		d, _, _, ok := issue.ArchiveName(f.rel)
		if !ok || date != "" && d != date {
			return false
		}
		date = d
	}
	return date != ""
}

// unwrapPath drops the *fs.PathError wrapping of err (its path is known).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// analyzeAll reads the units listed in todo with parallel workers, in
// that order, and hands each record to got, from one goroutine, with the
// number of units read so far. It returns when every unit is read or ctx
// is cancelled (ctx's error), and got is not called after it returns.
func analyzeAll(ctx context.Context, units []unit, todo []int, opt Options, got func(i int, r *record, done int)) error {
	workers := opt.workers()
	if len(todo) == 0 {
		return ctx.Err()
	}
	type result struct {
		i int
		r *record
	}
	jobs := make(chan int)
	results := make(chan result, 2*workers)
	var wg sync.WaitGroup
	for range min(workers, len(todo)) {
		wg.Go(func() {
			var bufs source.Buffers // the worker's, reused from file to file
			for i := range jobs {
				results <- result{i, analyzeSafe(units[i], opt, &bufs)}
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, i := range todo {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	n := 0
	for res := range results {
		n++
		got(res.i, res.r, n)
	}
	return ctx.Err()
}

// analyzeSafe is analyze that never takes the program down: a panic
// reading a unit (a bug, met on some file) skips it with the reason, and
// is not cached, so that a fixed dubao reads it again.
func analyzeSafe(u unit, opt Options, bufs *source.Buffers) (r *record) {
	defer func() {
		if p := recover(); p != nil {
			r = &record{Path: u.rel, Folder: u.folder, Day: u.day, transient: true,
				Skip: &Reason{Kind: ReasonBug, Detail: wrapLine(fmt.Sprint(p))}}
			for _, f := range u.files {
				r.Files = append(r.Files, newFileRec(f))
			}
		}
	}()
	return analyze(u, opt, bufs)
}

// wrapLine is s made one clean line of at most 200 bytes, for a reason.
func wrapLine(s string) string {
	s = textsafe.Line(s)
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "…"
	}
	return strings.Clone(s) // it may quote a file's bytes, whose buffer is reused
}

// analyze reads one unit and records what it holds. A unit of one file
// not kept (unit.keep) is read into bufs (when not nil), which the next
// unit reuses: the record holds nothing of the file's bytes (see detach).
func analyze(u unit, opt Options, bufs *source.Buffers) *record {
	if u.unhashed != nil {
		if r := hashRecord(u); r != nil {
			return r
		}
	}
	forced := opt.Encoding
	r := &record{Path: u.rel, Folder: u.folder, Day: u.day}
	for _, f := range u.files {
		r.Files = append(r.Files, newFileRec(f))
	}
	var is *issue.Issue
	var sum issue.Summary
	var err error
	switch {
	case u.folder:
		is, err = analyzeFolder(u, r, forced, !opt.NoKey)
	case u.day:
		is, err = analyzeDay(u, r, opt)
	default:
		if u.keep {
			bufs = nil // the issue is kept: its strings share the bytes
		}
		sum, is, err = analyzeFile(u.files[0], r, opt, bufs, false)
	}
	if err == nil && (u.folder || u.day) {
		sum = is.Summary()
	}
	if err != nil {
		why := reasonOf(u.rel, u.abs, err)
		r.Skip = &why
		var pe *fs.PathError
		r.transient = errors.As(err, &pe)
		// A file refused before it was read whole (binary, too large)
		// is known by its ends all the same.
		for i, f := range u.files {
			if r.Files[i].Ends == 0 && !r.transient {
				if ends, eerr := readEnds(f.abs, f.size); eerr == nil {
					r.Files[i].Ends = ends
				} else {
					r.transient = true
				}
			}
		}
		r.Skip.detach()
		return r
	}
	// Clones: the parser's strings share the memory of the whole text,
	// which the shelf must not keep alive (and which bufs reuses).
	r.Paper, r.Weekday = strings.Clone(sum.Paper), strings.Clone(sum.Weekday)
	r.Number, r.Pages = sum.Number, sum.Pages
	if d := findDate(sum.Date); d == sum.Date {
		r.Date = strings.Clone(d)
	}
	r.Articles = sum.Articles
	r.SectionPages = sum.SectionPages
	r.Encoding = strings.Clone(sum.Encoding)
	if !u.folder && !u.day && r.Paper == "" && r.Date == "" && dateFromName(u.rel) == "" {
		if is == nil {
			// Read whole, for its text.
			_, is, err = analyzeFile(u.files[0], r, opt, bufs, true)
		}
		if err != nil || !mostlyChinese(is) {
			why := fixed(ReasonNotIssue)
			r.Skip = &why
		}
	}
	if u.keep && r.Skip == nil {
		r.parsed = is
	}
	return r
}

// hashRecord returns the cached record of u (u.unhashed) with the sums of
// its files worked out from their bytes; nil when a file cannot be read
// (u is then indexed again, which says why).
func hashRecord(u unit) *record {
	r := *u.unhashed
	r.Files = slices.Clone(r.Files)
	var bufs source.Buffers
	for i, f := range u.files {
		data, err := bufs.Read(0, f.abs, f.size)
		if err != nil || int64(len(data)) != f.size {
			return nil
		}
		r.Files[i].Sum = sha256.Sum256(data)
	}
	return &r
}

// analyzeFile reads one file and returns its summary: into bufs when it
// is not nil (its strings, and those of the issue it returns, then share
// bytes that the next file overwrites), else into a buffer of its own,
// which the issue may keep. It returns the issue too when it parsed it
// whole, which it does when bufs is nil or whole is set, else only when
// the summary needs it (see source.Summarize).
func analyzeFile(f found, r *record, opt Options, bufs *source.Buffers, whole bool) (issue.Summary, *issue.Issue, error) {
	var data []byte
	var err error
	if bufs != nil {
		data, err = bufs.ReadText(0, f.abs, f.size, source.LimitOf(opt.MaxBytes))
	} else {
		data, err = source.ReadText(f.abs, f.size, source.LimitOf(opt.MaxBytes))
	}
	if err != nil {
		return issue.Summary{}, nil, err
	}
	r.Files[0].setSums(data, !opt.NoKey)
	if bufs == nil || whole {
		is, err := source.Parse(f.rel, data, opt.source())
		if err != nil {
			return issue.Summary{}, nil, err
		}
		return is.Summary(), is, nil
	}
	return bufs.Summarize(f.rel, data, opt.source())
}

// analyzeDay reads the saved pages of an e-paper day: their sums, and the
// issue they make.
func analyzeDay(u unit, r *record, opt Options) (*issue.Issue, error) {
	names := make([]string, len(u.files))
	datas := make([][]byte, len(u.files))
	for i, f := range u.files {
		data, err := source.ReadText(f.abs, f.size, source.LimitOf(opt.MaxBytes))
		if err != nil {
			return nil, err
		}
		r.Files[i].setSums(data, !opt.NoKey)
		names[i], datas[i] = f.rel, data
	}
	return source.ParseDay(names, datas, opt.source())
}

// analyzeFolder reads an archive folder: the sums of its files, and the
// issue they make.
func analyzeFolder(u unit, r *record, forced string, hash bool) (*issue.Issue, error) {
	var bufs source.Buffers
	for i, f := range u.files {
		data, err := bufs.Read(0, f.abs, f.size)
		if err != nil {
			return nil, err
		}
		r.Files[i].setSums(data, hash)
	}
	return issue.OpenFolder(u.abs, issue.Options{Name: u.rel, Encoding: forced})
}

// mostlyChinese reports whether the text of is is mostly Chinese: at
// least as many Han characters as Latin words (runs of letters) in its
// first mostlyChineseBytes bytes of text — a Han character is about a
// word. A Go source or a configuration file with a Chinese comment is
// not; a Chinese paper quoting English, or spelling out a long address,
// is.
func mostlyChinese(is *issue.Issue) bool {
	han, latin, seen := 0, 0, 0
	for _, a := range is.Articles() {
		for _, p := range a.Pieces() {
			inWord := false
			for _, r := range p.Text {
				letter := r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z')
				switch {
				case unicode.Is(unicode.Han, r):
					han++
				case letter && !inWord:
					latin++
				}
				inWord = letter
			}
			if seen += len(p.Text); seen >= mostlyChineseBytes {
				return han > 0 && han >= latin
			}
		}
	}
	return han > 0 && han >= latin
}

// mostlyChineseBytes is how much text mostlyChinese looks at.
const mostlyChineseBytes = 64 << 10
