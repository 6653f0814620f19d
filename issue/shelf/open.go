package shelf

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"dubao/issue"
	"dubao/issue/safefile"
	"dubao/issue/source"
)

// Loaded is an issue read for the reader: the parsed issue, the key of its
// content (for remembered reading state) and, when it comes from a shelf,
// its entry.
type Loaded struct {
	Issue *issue.Issue
	Key   string
	Entry *Entry // nil when not read from a shelf
}

// ErrShelf is returned (wrapped) by Load for a folder that holds more than
// one issue: open it with Scan instead.
var ErrShelf = errors.New("folder holds several issues")

// Open reads and parses the issue e. An issue kept as several files (one
// per page) is joined into one with issue.Merge, its pages in order and its
// articles numbered through; a web archive folder is read with
// issue.OpenFolder.
func (s *Shelf) Open(e *Entry) (*Loaded, error) {
	sums := make([][sha256.Size]byte, len(e.Files))
	parts := make([]*issue.Issue, 0, len(e.Files))
	var names []string
	var datas [][]byte
	for i, f := range e.Files {
		name := filepath.Join(s.Dir, filepath.FromSlash(f.Path))
		data, err := source.ReadText(name, f.Size, source.LimitOf(s.opt.MaxBytes))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if !s.opt.NoKey {
			sums[i] = sha256.Sum256(data)
		}
		if e.folder != "" {
			continue
		}
		if e.day {
			names = append(names, f.Path)
			datas = append(datas, data)
			continue
		}
		// The buffer is this issue's alone: the model may share it.
		is, err := source.Parse(name, data, s.opt.source())
		if err != nil {
			return nil, err
		}
		parts = append(parts, withPageOf(is, f))
	}
	var is *issue.Issue
	switch {
	case e.folder != "":
		var err error
		dir := filepath.Join(s.Dir, filepath.FromSlash(e.folder))
		if is, err = issue.OpenFolder(dir, issue.Options{Name: dir, Encoding: s.opt.Encoding}); err != nil {
			return nil, err
		}
	case e.day:
		var err error
		if is, err = source.ParseDay(names, datas, s.opt.source()); err != nil {
			return nil, err
		}
	default:
		is = source.Join(parts)
	}
	key := ""
	if !s.opt.NoKey {
		key = source.KeyOfSums(sums)
	}
	return &Loaded{Issue: is, Key: key, Entry: e}, nil
}

// openKept is Open for an entry whose files the scan has just parsed:
// kept holds the issue of each unit indexed (see scan.indexAll), by the
// path of its first file. It returns nil unless every file of e is in
// kept. The key is e's: the scan worked it out from the same bytes.
func (s *Shelf) openKept(e *Entry, kept map[string]*issue.Issue) *Loaded {
	if len(kept) == 0 || e.Pending || len(e.Files) == 0 {
		return nil
	}
	var is *issue.Issue
	if e.folder != "" || e.day {
		// One unit, read as a whole.
		if is = kept[e.Files[0].Path]; is == nil {
			return nil
		}
	} else {
		parts := make([]*issue.Issue, 0, len(e.Files))
		for _, f := range e.Files {
			p := kept[f.Path]
			if p == nil {
				return nil
			}
			parts = append(parts, withPageOf(p, f))
		}
		is = source.Join(parts)
	}
	key := ""
	if !s.opt.NoKey {
		if key = e.Key; key == "" {
			return nil // not hashed: Open works the key out
		}
	}
	return &Loaded{Issue: is, Key: key, Entry: e}
}

// withPageOf gives the sections of is, read from the file f alone, the
// page that f's name or folder gives them (see source.WithPage), and the
// page's name that its folder gives (01-要闻/…: 要闻).
func withPageOf(is *issue.Issue, f File) *issue.Issue {
	is = source.WithPage(is, f.Page)
	if f.PageName != "" {
		for k := range is.Sections {
			if sec := &is.Sections[k]; sec.Page == f.Page && sec.Name == "" {
				sec.Name = f.PageName
			}
		}
	}
	return is
}

// OpenPath opens what path names, as `dubao PATH` does: a file, or a
// folder that holds one issue (its page files, or a web archive's article
// files), gives that issue; a folder of several issues gives the shelf
// (scanned with opt, so with its cache). A folder without any issue is an
// error that wraps issue.ErrNoArticles and names the first skipped file.
func OpenPath(ctx context.Context, path string, opt Options) (*Loaded, *Shelf, error) {
	l, s, _, err := openPath(ctx, path, opt, false)
	return l, s, err
}

// OpenPathLazy is OpenPath for the reader: a folder with many files to
// index is returned at once as a shelf being indexed, with the channel of
// its updates (see ScanLazy). The channel is nil when the shelf (or the
// issue) is complete.
func OpenPathLazy(ctx context.Context, path string, opt Options) (*Loaded, *Shelf, <-chan Update, error) {
	return openPath(ctx, path, opt, true)
}

func openPath(ctx context.Context, path string, opt Options, lazy bool) (*Loaded, *Shelf, <-chan Update, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, nil, err
	}
	if !info.IsDir() {
		data, err := source.ReadText(path, info.Size(), source.LimitOf(opt.MaxBytes))
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		// The buffer is this parse's alone: with no key to work out
		// from it, the parse may clean it in place.
		l, err := loadBytes(path, data, opt, opt.NoKey)
		return l, nil, nil, err
	}
	// The scan keeps the issues it parses when it indexes a folder of a
	// few files: a folder of one issue is then opened without parsing
	// its files again.
	var s *Shelf
	var updates <-chan Update
	var kept map[string]*issue.Issue
	if lazy {
		s, updates, kept, err = scanLazy(ctx, path, opt, true)
	} else {
		var sc *scan
		if sc, err = prepare(ctx, path, opt); err == nil {
			s, kept, err = sc.indexAll(ctx, true, true)
		}
	}
	if err != nil {
		return nil, nil, nil, err
	}
	if updates != nil {
		return nil, s, updates, nil
	}
	switch len(s.Issues) {
	case 0:
		if len(s.Skipped) > 0 {
			return nil, nil, nil, fmt.Errorf("%s: %w in the folder (%s)", path, issue.ErrNoArticles, s.Skipped[0])
		}
		return nil, nil, nil, fmt.Errorf("%s: %w in the folder", path, issue.ErrNoArticles)
	case 1:
		l := s.openKept(s.Issues[0], kept)
		if l != nil {
			l.Entry = nil
			return l, nil, nil, nil
		}
		l, err := s.Open(s.Issues[0])
		if err != nil {
			return nil, nil, nil, err
		}
		l.Entry = nil
		return l, nil, nil, nil
	}
	return nil, s, nil, nil
}

// Load reads the issue at path outside a shelf (see OpenPath); a folder of
// several issues is an error that wraps ErrShelf. The key is the one the
// same issue has on a shelf.
func Load(path string, opt Options) (*Loaded, error) {
	l, s, err := OpenPath(context.Background(), path, opt)
	if s != nil {
		return nil, fmt.Errorf("%s: %w (%d)", path, ErrShelf, len(s.Issues))
	}
	return l, err
}

// LoadBytes parses an issue held in memory (stdin); name names it in
// errors. It keeps data (the issue's text may share its memory, which
// spares a copy of a large issue): the caller must not change it
// afterwards. Data over Options.MaxBytes is refused.
func LoadBytes(name string, data []byte, opt Options) (*Loaded, error) {
	return loadBytes(name, data, opt, false)
}

// loadBytes is LoadBytes; scratch says that the parse may overwrite data
// (see source.Options.Scratch), which needs opt.NoKey: the key is worked
// out from data beside the parse.
func loadBytes(name string, data []byte, opt Options, scratch bool) (*Loaded, error) {
	// The key is worked out beside the parse (which only reads data): a
	// large issue opens in the reader sooner on a machine of two cores.
	key := ""
	var hashed sync.WaitGroup
	if !opt.NoKey {
		hashed.Go(func() { key = source.Key(data) })
	}
	sopt := opt.source()
	sopt.Scratch = scratch && opt.NoKey
	is, err := source.Parse(name, data, sopt)
	hashed.Wait()
	if err != nil {
		return nil, err
	}
	return &Loaded{Issue: is, Key: key}, nil
}

// Sizes of a preview (see Preview).
const (
	// PreviewMin is the size from which Preview reads a file's start: a
	// smaller issue is parsed whole in a few tens of milliseconds.
	PreviewMin = 4 << 20
	// previewSize is how much of the file Preview reads: a few pages of
	// a daily.
	previewSize = 512 << 10
)

// Preview returns the first pages of the large issue file at path (at
// least PreviewMin bytes), parsed from its first bytes (see
// source.Preview), for a reader that shows them while the whole is read
// with Load; nil when path is no such file or its start cannot be
// previewed. It never blocks on a special file: only a regular file is
// read.
func Preview(path string, opt Options) *issue.Issue {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() < PreviewMin || info.Size() > source.LimitOf(opt.MaxBytes) {
		return nil
	}
	f, err := safefile.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, previewSize)
	n, err := io.ReadFull(f, head)
	if err != nil && n < previewSize {
		return nil
	}
	return source.Preview(path, head[:n], opt.source())
}
