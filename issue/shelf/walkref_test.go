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
)

// walkReference is the walk as it was before it went parallel
// (filepath.WalkDir), for TestWalkMatchesWalkDir: it lists the regular files under dir, and the entries it cannot read.
// It never opens a file: special files (named pipes, devices, sockets) are
// skipped by their type, and the folders of pseudo file systems (see
// pseudoPaths, pseudoFSOf) and, unless opt.CrossFilesystems, of other file
// systems are not entered.
func walkReference(ctx context.Context, dir string, opt Options) (*walked, error) {
	w := &walked{mixed: map[string]bool{}}
	skip := func(rel string, reason Reason) {
		w.skipped = append(w.skipped, Skipped{Path: rel, Reason: reason})
		w.mixed[path.Dir(rel)] = true
	}
	if name := pseudoFSOf(dir); name != "" || slices.Contains(pseudoPaths, dir) {
		return nil, fmt.Errorf("open shelf %s: %s", dir, fixed(ReasonPseudoFS))
	}
	rootDev, haveDev := uint64(0), false
	if info, err := os.Stat(dir); err == nil {
		rootDev, haveDev = deviceOf(info)
	}
	folders, met := 0, 0
	progress := func(force bool) {
		if opt.Walking != nil && (force || met%walkProgressEvery == 0) {
			opt.Walking(folders, len(w.files))
		}
	}
	defer progress(true)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		met++
		progress(false)
		rel, relErr := filepath.Rel(dir, p)
		if relErr != nil {
			return relErr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			if rel == "." {
				return fmt.Errorf("open shelf %s: %w", dir, err)
			}
			skip(rel, unreadable(unwrapPath(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel == "." {
			info, err := os.Lstat(p)
			if err != nil {
				return err
			}
			w.folders = append(w.folders, newFolderRec("", info))
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			w.mixed[path.Dir(rel)] = true
			if reason, ok := enterable(p, d, rootDev, haveDev, opt.CrossFilesystems); !ok {
				skip(rel, reason)
				return fs.SkipDir
			}
			folders++
			info, err := d.Info()
			if err != nil {
				info = nil
			}
			w.folders = append(w.folders, newFolderRec(rel, info))
			return nil
		}
		info, err := d.Info()
		if err == nil && d.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(p)
			if err == nil && info.IsDir() {
				skip(rel, fixed(ReasonLinkToFolder))
				return nil
			}
		}
		switch {
		case err != nil:
			skip(rel, unreadable(unwrapPath(err)))
		case !info.Mode().IsRegular():
			skip(rel, special(info.Mode()))
		default:
			inode, ctime := identity(info)
			w.files = append(w.files, found{rel: rel, abs: p, size: info.Size(), modTime: info.ModTime(), inode: inode, ctime: ctime})
		}
		return nil
	})
	return w, err
}
