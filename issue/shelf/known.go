package shelf

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync/atomic"
	"time"

	"dubao/issue/source"
)

// folderRec is a folder a walk entered, as the index keeps it: a folder
// whose modification time, inode and inode change time are the same holds
// the same names (adding, removing or renaming an entry changes its
// times), unless it was changed again within the clock's granularity of
// the time it was read — which the index rules out by trusting a folder
// only when its times are racyMargin older than the walk that read it
// (git's racy-clean rule). A file's content changing does not touch its
// folder: each file is still checked, as an issue is searched (see
// OpenKnown).
type folderRec struct {
	Path    string // relative to the shelf, with slashes; "" for the shelf
	ModTime int64  // Unix nanoseconds
	Inode   uint64 // 0 where the system has none
	CTime   int64  // the inode's change time, Unix nanoseconds; 0 unknown
}

// racyMargin is how much older than the walk that read it a folder's
// times must be for the folder to be trusted unchanged when its times are:
// more than any file system's timestamp granularity (2 s on FAT).
const racyMargin = int64(3 * time.Second)

// newFolderRec returns the record of the folder at rel, of this info
// (nil: not known, never trusted).
func newFolderRec(rel string, info fs.FileInfo) folderRec {
	if info == nil {
		return folderRec{Path: rel}
	}
	inode, ctime := identity(info)
	return folderRec{Path: rel, ModTime: info.ModTime().UnixNano(), Inode: inode, CTime: ctime}
}

// trusted reports whether a folder recorded as f by a walk that began at
// walkedAt may be taken to hold the same names when its times are the
// same.
func (f folderRec) trusted(walkedAt int64) bool {
	return f.Inode != 0 && f.CTime != 0 && max(f.ModTime, f.CTime) <= walkedAt-racyMargin
}

// settled reports whether the index holds these folders, each trusted:
// a walk that finds them need not save the index again for them.
func (idx index) settled(folders []folderRec) bool {
	if len(idx.folders) != len(folders) {
		return false
	}
	for i, f := range folders {
		if idx.folders[i] != f || !f.trusted(idx.walkedAt) {
			return false
		}
	}
	return true
}

// known is what a shelf from OpenKnown checks before it trusts a record:
// the real folder of the shelf, and each file's record by path.
type known struct {
	root  string
	files map[string]*fileRec
}

// OpenKnown returns the shelf at dir as its cached index describes it,
// without walking it, when the index can tell that the shelf holds the
// same files: every folder it lists is there with the same times (see
// folderRec), on the shelf's file system, and no other folder can be
// (a new one changes the times of the folder that holds it). Only the
// folders are looked at; the files are not, bar those of skipped records:
// the issues, their order and their files are the index's, and Search
// checks each issue's files (size, times, inode) before it searches it,
// going on with a shelf walked and indexed anew (Scan) when one has
// changed. It returns nil when the index cannot tell, or the shelf holds
// fewer than two issues (a folder of one issue is opened as that issue).
// The shelf is for Search only: Open and the rest take its entries as
// they are.
func OpenKnown(dir string, opt Options) *Shelf {
	if opt.CacheDir == "" {
		return nil
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	// A search's prefilters are read while the index is.
	var pre <-chan *prefilters
	if opt.Search {
		ch := make(chan *prefilters, 1)
		go func() { ch <- readAhead(opt, dir) }()
		pre = ch
	}
	s := openKnown(dir, opt)
	if pre != nil && s != nil {
		s.preloaded = new(atomic.Pointer[<-chan *prefilters])
		s.preloaded.Store(&pre)
	}
	return s
}

// openKnown is OpenKnown of a folder, with a cache, its prefilters aside.
func openKnown(dir string, opt Options) *Shelf {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil
	}
	idx := loadIndex(opt.CacheDir, dir, opt.variant())
	if len(idx.folders) == 0 || idx.folders[0].Path != "" || len(idx.records) < 2 {
		return nil
	}
	name := filepath.Base(dir)
	if abs, err := filepath.Abs(dir); err == nil {
		name = filepath.Base(abs)
	}
	// The issues are made (from the index's grouping, or grouped and
	// ordered anew) while the folders are looked at.
	ordered := make(chan []*Entry, 1)
	go func() {
		issues := idx.cachedIssues()
		if issues == nil {
			issues = orderedIssues(idx.records, name)
		}
		ordered <- issues
	}()
	if !sameFolders(root, idx) {
		return nil
	}
	files := 0
	for _, r := range idx.records {
		files += len(r.Files)
	}
	k := &known{root: root, files: make(map[string]*fileRec, files)}
	folders := make(map[string]bool, len(idx.folders))
	for _, f := range idx.folders {
		folders[f.Path] = true
	}
	s := &Shelf{Dir: dir, opt: opt}
	if n := len(idx.records); n != len(idx.byPath) || n > idx.files {
		return nil
	}
	for _, r := range idx.records {
		if !plausible(r) || !opt.NoKey && r.Skip == nil && !r.hashed() || len(r.Files) == 0 {
			return nil
		}
		for i := range r.Files {
			fr := &r.Files[i]
			dir := path.Dir(fr.Path)
			if dir == "." {
				dir = ""
			}
			if !folders[dir] || k.files[fr.Path] != nil {
				return nil
			}
			k.files[fr.Path] = fr
		}
		if r.Skip != nil {
			// Not an issue: it would not be checked by Search.
			for i := range r.Files {
				if !k.unchanged(&r.Files[i]) {
					return nil
				}
			}
			s.Skipped = append(s.Skipped, Skipped{Path: r.Path, Reason: *r.Skip})
		}
	}
	if len(k.files) != idx.files {
		return nil // a file the walk found has no record
	}
	s.Issues = <-ordered
	if len(s.Issues) < 2 {
		return nil
	}
	s.known = k
	s.finish()
	return s
}

// sameFolders reports whether every folder of idx is at root with the
// times it had, trusted (see folderRec.trusted), on root's file system.
func sameFolders(root string, idx index) bool {
	var rootDev uint64
	for i, f := range idx.folders {
		if !f.trusted(idx.walkedAt) {
			return false
		}
		info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil || !info.IsDir() || newFolderRec(f.Path, info) != f {
			return false
		}
		dev, ok := deviceOf(info)
		if !ok {
			return false
		}
		if i == 0 {
			rootDev = dev
		} else if dev != rootDev {
			return false
		}
	}
	return true
}

// unchanged reports whether the file of fr is the one indexed, as
// index.lookup checks it.
func (k *known) unchanged(fr *fileRec) bool {
	abs := filepath.Join(k.root, filepath.FromSlash(fr.Path))
	info, err := os.Stat(abs)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	inode, ctime := identity(info)
	if !fr.sameStat(info.Size(), info.ModTime().UnixNano(), inode, ctime) {
		return false
	}
	if inode == 0 || ctime == 0 {
		if ends, err := readEnds(abs, fr.Size); err != nil || ends != fr.Ends {
			return false
		}
	}
	return true
}

// unchangedEntry reports whether every file of e is the one indexed.
func (k *known) unchangedEntry(e *Entry) bool {
	for _, f := range e.Files {
		if !k.unchangedFile(f.Path) {
			return false
		}
	}
	return true
}

// unchangedFile reports whether the file at p (relative to the shelf,
// with slashes) is the one indexed.
func (k *known) unchangedFile(p string) bool {
	fr := k.files[p]
	return fr != nil && k.unchanged(fr)
}

// errChanged is what a search of a known shelf meets at a file that is
// not the one indexed: the shelf is scanned anew (see Shelf.Search).
var errChanged = errors.New("changed since the shelf was indexed")

// readChecked reads f, the i-th file of an issue of the shelf in dir,
// into buffer i of bufs, as bufs.Read reads it; with k (a known shelf)
// it checks it first: errChanged when f is not the file indexed.
func readChecked(k *known, bufs *source.Buffers, i int, dir string, f File) ([]byte, error) {
	if k != nil && !k.unchangedFile(f.Path) {
		return nil, errChanged
	}
	return bufs.Read(i, filepath.Join(dir, filepath.FromSlash(f.Path)), f.Size)
}
