package shelf

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// walkProgressEvery is how many entries are met between two calls of
// Options.Walking.
const walkProgressEvery = 256

// walkSplitDepth is how deep the walk hands folders to other goroutines:
// the shelf's folders and their folders (years and months, papers and
// years); deeper ones are walked by the goroutine that met them.
const walkSplitDepth = 2

// walk lists the regular files under dir, and the entries it cannot read,
// in the order of filepath.WalkDir (each folder's entries by name, a
// folder's files before those of the folder after it). It never opens a
// file: special files (named pipes, devices, sockets) are skipped by their
// type, and the folders of pseudo file systems (see pseudoPaths,
// pseudoFSOf) and, unless opt.CrossFilesystems, of other file systems are
// not entered. Folders are walked by up to opt.workers() goroutines at
// once.
func walk(ctx context.Context, dir string, opt Options) (*walked, error) {
	if name := pseudoFSOf(dir); name != "" || slices.Contains(pseudoPaths, dir) {
		return nil, fmt.Errorf("open shelf %s: %s", dir, fixed(ReasonPseudoFS))
	}
	wk := &walker{ctx: ctx, opt: opt, tokens: make(chan struct{}, opt.workers()-1)}
	if info, err := os.Stat(dir); err == nil {
		wk.rootDev, wk.haveDev = deviceOf(info)
	}
	defer wk.progress(0, 0, true)
	info, err := os.Lstat(dir)
	if err != nil {
		return nil, fmt.Errorf("open shelf %s: %w", dir, err)
	}
	root := &walkPart{folders: []folderRec{newFolderRec("", info)}}
	ents, stats, err := readFolder(dir)
	if err != nil {
		return nil, fmt.Errorf("open shelf %s: %w", dir, err)
	}
	wk.entries(root, dir, "", ents, stats, 0)
	wk.wg.Wait()
	if wk.err != nil {
		return nil, wk.err
	}
	w := &walked{mixed: map[string]bool{}}
	root.flatten(w)
	return w, nil
}

// walker is a walk going on.
type walker struct {
	ctx     context.Context
	opt     Options
	rootDev uint64
	haveDev bool
	// tokens holds one for each goroutine walking a folder besides the
	// walk's own.
	tokens chan struct{}
	wg     sync.WaitGroup

	failed         atomic.Bool // err is set
	mu             sync.Mutex  // guards what follows
	err            error       // the first error, which ends the walk
	met            int         // entries met
	folders, files int         // for Options.Walking
}

// walkPart is what the walk of one folder found, in order; the folders
// in it walked by other goroutines are parts of their own, put in their
// place (at) when flattened.
type walkPart struct {
	files   []found
	skipped []Skipped
	mixed   []string
	parts   []walkPartAt
	// folders are the folders entered, each before those it holds.
	folders []folderRec
}

// fileStat is what the walk keeps of a regular file (see found), when
// readFolder found it out (ok).
type fileStat struct {
	ok      bool
	size    int64
	modTime time.Time
	inode   uint64
	ctime   int64
}

// walkPartAt is a part and where it goes: after how many files, skipped
// entries and folders of the part that holds it.
type walkPartAt struct {
	files, skipped, folders int
	part                    *walkPart
}

// flatten appends what p found, its parts in their places, to w.
func (p *walkPart) flatten(w *walked) {
	f, s, d := 0, 0, 0
	for _, at := range p.parts {
		w.files = append(w.files, p.files[f:at.files]...)
		w.skipped = append(w.skipped, p.skipped[s:at.skipped]...)
		w.folders = append(w.folders, p.folders[d:at.folders]...)
		f, s, d = at.files, at.skipped, at.folders
		at.part.flatten(w)
	}
	w.files = append(w.files, p.files[f:]...)
	w.skipped = append(w.skipped, p.skipped[s:]...)
	w.folders = append(w.folders, p.folders[d:]...)
	for _, d := range p.mixed {
		w.mixed[d] = true
	}
}

// skip records that the entry rel is not read, and why.
func (p *walkPart) skip(rel string, reason Reason) {
	p.skipped = append(p.skipped, Skipped{Path: rel, Reason: reason})
	p.mixed = append(p.mixed, path.Dir(rel))
}

// fail records err as the walk's error, unless one came first.
func (wk *walker) fail(err error) {
	wk.mu.Lock()
	if wk.err == nil {
		wk.err = err
		wk.failed.Store(true)
	}
	wk.mu.Unlock()
}

// stopped reports whether the walk must end: ctx cancelled (which is
// then its error) or another goroutine failed.
func (wk *walker) stopped() bool {
	if err := wk.ctx.Err(); err != nil {
		wk.fail(err)
		return true
	}
	return wk.failed.Load()
}

// progress counts an entry met (and the folders and files found with
// it) and tells Options.Walking every walkProgressEvery entries, and at
// the end (force).
func (wk *walker) progress(folders, files int, force bool) {
	if wk.opt.Walking == nil {
		return
	}
	wk.mu.Lock()
	defer wk.mu.Unlock()
	wk.folders += folders
	wk.files += files
	if !force {
		wk.met++
	}
	if force || wk.met%walkProgressEvery == 0 {
		wk.opt.Walking(wk.folders, wk.files)
	}
}

// entries walks the entries ents of the folder at abs (rel to the shelf,
// "" for the shelf itself), at depth, into p; stats are what readFolder
// found of them.
func (wk *walker) entries(p *walkPart, abs, rel string, ents []fs.DirEntry, stats []fileStat, depth int) {
	for i, d := range ents {
		if wk.stopped() {
			return
		}
		name := d.Name()
		childAbs, childRel := abs+string(filepath.Separator)+name, name
		if strings.HasSuffix(abs, string(filepath.Separator)) {
			childAbs = abs + name
		}
		if rel != "" {
			childRel = rel + "/" + name
		}
		if d.IsDir() {
			wk.folder(p, childAbs, childRel, d, depth+1)
			continue
		}
		if i < len(stats) && stats[i].ok {
			st := &stats[i]
			p.files = append(p.files, found{rel: childRel, abs: childAbs, size: st.size, modTime: st.modTime, inode: st.inode, ctime: st.ctime})
			wk.progress(0, 1, false)
			continue
		}
		wk.file(p, childAbs, childRel, d)
	}
}

// folder walks the folder at abs (rel), at depth, met as the entry d of
// the folder whose part is p: in a goroutine of its own, into a part of
// its own, when it is not deep and a goroutine is free.
func (wk *walker) folder(p *walkPart, abs, rel string, d fs.DirEntry, depth int) {
	found := 0
	defer func() { wk.progress(found, 0, false) }()
	if strings.HasPrefix(d.Name(), ".") {
		return
	}
	p.mixed = append(p.mixed, path.Dir(rel))
	info, err := d.Info()
	if reason, ok := enterableInfo(abs, info, err, wk.rootDev, wk.haveDev, wk.opt.CrossFilesystems); !ok {
		p.skip(rel, reason)
		return
	}
	found = 1
	rec := newFolderRec(rel, info)
	if depth <= walkSplitDepth {
		select {
		case wk.tokens <- struct{}{}:
			sub := &walkPart{folders: []folderRec{rec}}
			p.parts = append(p.parts, walkPartAt{files: len(p.files), skipped: len(p.skipped), folders: len(p.folders), part: sub})
			wk.wg.Go(func() {
				defer func() { <-wk.tokens }()
				wk.read(sub, abs, rel, depth)
			})
			return
		default:
		}
	}
	p.folders = append(p.folders, rec)
	wk.read(p, abs, rel, depth)
}

// read reads the folder at abs (rel), at depth, and walks its entries into
// p; a folder that cannot be read is skipped with the reason.
func (wk *walker) read(p *walkPart, abs, rel string, depth int) {
	ents, stats, err := readFolder(abs)
	if err != nil {
		wk.progress(0, 0, false)
		p.skip(rel, unreadable(unwrapPath(err)))
		return
	}
	wk.entries(p, abs, rel, ents, stats, depth)
}

// file records the entry d, at abs (rel), that is not a folder: a
// regular file, or the reason it is skipped. Hidden files are passed
// over.
func (wk *walker) file(p *walkPart, abs, rel string, d fs.DirEntry) {
	if strings.HasPrefix(d.Name(), ".") {
		wk.progress(0, 0, false)
		return
	}
	info, err := d.Info()
	if err == nil && d.Type()&fs.ModeSymlink != 0 {
		info, err = os.Stat(abs)
		if err == nil && info.IsDir() {
			wk.progress(0, 0, false)
			p.skip(rel, fixed(ReasonLinkToFolder))
			return
		}
	}
	switch {
	case err != nil:
		p.skip(rel, unreadable(unwrapPath(err)))
	case !info.Mode().IsRegular():
		p.skip(rel, special(info.Mode()))
	default:
		inode, ctime := identity(info)
		p.files = append(p.files, found{rel: rel, abs: abs, size: info.Size(), modTime: info.ModTime(), inode: inode, ctime: ctime})
		wk.progress(0, 1, false)
		return
	}
	wk.progress(0, 0, false)
}
