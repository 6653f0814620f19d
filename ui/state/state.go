// Package state remembers where the reader was in each issue: the last
// article, the reading position in every article (as an issue.Pos, which
// does not depend on the terminal width), which articles were read, and
// bookmarks.
//
// A Store keeps one small JSON file per issue, named by the issue's content
// key (shelf.Key), so renaming or moving an issue's files keeps its state.
// Files are written atomically (a temporary file renamed over the old one);
// a missing file is a fresh start, and a corrupt one is set aside and
// reported once.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"dubao/issue"
	"dubao/issue/safefile"
)

// version is the version of the state file format written.
const version = 1

// ErrCorrupt is wrapped by the error Load returns when an issue's state
// file could not be read as state: it has been set aside and reading starts
// fresh.
var ErrCorrupt = errors.New("reading state was unreadable; starting fresh")

// validKey reports whether key may be an issue key (it names a file): 1 to
// 128 ASCII letters, digits, '_' and '-'. (A loop, not a regular
// expression: compiling `{1,128}` cost every command 0.3 ms at start-up.)
func validKey(key string) bool {
	if len(key) == 0 || len(key) > 128 {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// DefaultDir returns where dubao keeps reading state:
// $XDG_STATE_HOME/dubao, else ~/.local/state/dubao. getenv reads the
// environment (os.Getenv).
func DefaultDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "dubao"), nil
	}
	home := getenv("HOME")
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("state folder: %w", err)
		}
		home = h
	}
	return filepath.Join(home, ".local", "state", "dubao"), nil
}

// Store reads and writes reading state under one folder. It is safe for
// concurrent use, and several processes (two readers of the same issue in
// two terminals) may share its folder: a save takes the folder's lock
// file, reads the issue's state as it is on disk and applies to it what
// this run changed (see merge), so that nothing another process saved is
// lost. The zero Store is disabled.
type Store struct {
	dir string // "" when disabled

	mu       sync.Mutex
	reported map[string]bool // keys whose corrupt state was reported
	// now tells the time of a corrupt file set aside (tests set it).
	now func() time.Time

	// The background writer of SaveLater: the latest save of each issue
	// waiting to be written, in the order first queued.
	wmu     sync.Mutex
	queue   map[string]pending
	order   []string
	writing bool
	idle    *sync.Cond // signalled when the writer stops
	werr    error      // the first write error not reported yet
	// failed holds the changes of saves that failed, by issue: they are
	// tried again with the next save of the issue.
	failed map[string]changes
}

// Open returns a store that keeps state under dir (see DefaultDir); the
// folder is made when state is first saved.
func Open(dir string) *Store {
	s := &Store{dir: dir, reported: map[string]bool{}, queue: map[string]pending{}, failed: map[string]changes{}, now: time.Now}
	s.idle = sync.NewCond(&s.wmu)
	return s
}

// Disabled returns a store that remembers nothing (--no-state): Load gives
// fresh state and Save does nothing.
func Disabled() *Store { return &Store{} }

// Enabled reports whether the store keeps state.
func (s *Store) Enabled() bool { return s != nil && s.dir != "" }

// Dir returns the folder the store keeps state in ("" when disabled).
func (s *Store) Dir() string {
	if s == nil {
		return ""
	}
	return s.dir
}

// path returns the state file of the issue with key.
func (s *Store) path(key string) string {
	return filepath.Join(s.dir, "issues", key+".json")
}

// Load returns the state of the issue with key: fresh state when none was
// saved (or the store is disabled). Only a regular file of at most
// safefile.MaxSmall bytes is read: anything else (a named pipe, a link to
// /dev/zero) gives fresh state and an error naming it. A state file that
// cannot be read as state is set aside (see setAside) and Load returns
// fresh state with an error wrapping ErrCorrupt, once; a file that cannot
// be read at all gives fresh state and the error.
func (s *Store) Load(key string) (*Issue, error) {
	st := New(key)
	if !s.Enabled() {
		return st, nil
	}
	if !validKey(key) {
		return st, fmt.Errorf("reading state: bad issue key %q", key)
	}
	got, err := s.read(key)
	if err != nil {
		var corrupt *corruptError
		if errors.As(err, &corrupt) {
			return st, s.setAside(key, corrupt)
		}
		return st, fmt.Errorf("reading state: %w", err)
	}
	if got == nil {
		return st, nil
	}
	return got, nil
}

// corruptError is the error of read for a state file that is not state.
type corruptError struct {
	name  string
	cause error
}

func (e *corruptError) Error() string { return e.name + ": " + e.cause.Error() }

// read reads the state of the issue with key as it is on disk: nil when
// there is none, a *corruptError when the file is not its state.
func (s *Store) read(key string) (*Issue, error) {
	name := s.path(key)
	data, err := safefile.ReadSmall(name, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var got Issue
	if err := json.Unmarshal(data, &got); err != nil || got.Key != key {
		if err == nil {
			err = fmt.Errorf("it belongs to issue %q", got.Key)
		}
		return nil, &corruptError{name, err}
	}
	if got.Articles == nil {
		got.Articles = map[int]*Article{}
	}
	for n, a := range got.Articles {
		if a == nil {
			delete(got.Articles, n)
		}
	}
	return &got, nil
}

// maxCorrupt is how many corrupt state files of one issue are kept.
const maxCorrupt = 3

// setAside renames a corrupt state file out of the way, to
// KEY.json.corrupt-TIME (the newest maxCorrupt of them are kept), and
// returns the error to report, or nil when it was reported before.
func (s *Store) setAside(key string, c *corruptError) error {
	stamp := s.now().UTC().Format("20060102T150405.000000000Z")
	_ = os.Rename(c.name, c.name+".corrupt-"+stamp)
	s.pruneCorrupt(c.name)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reported[key] {
		return nil
	}
	s.reported[key] = true
	return fmt.Errorf("%s: %w (%v)", c.name, ErrCorrupt, c.cause)
}

// pruneCorrupt removes all but the newest maxCorrupt corrupt copies of the
// state file name (their names sort by time).
func (s *Store) pruneCorrupt(name string) {
	entries, err := os.ReadDir(filepath.Dir(name))
	if err != nil {
		return
	}
	prefix := filepath.Base(name) + ".corrupt"
	var copies []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			copies = append(copies, e.Name())
		}
	}
	sort.Strings(copies)
	for len(copies) > maxCorrupt {
		_ = os.Remove(filepath.Join(filepath.Dir(name), copies[0]))
		copies = copies[1:]
	}
}

// Save writes what changed in the state of one issue since it was loaded
// or last saved, merged with the state on disk (see Store). When the write
// fails the changes stay with st, to be saved with the next save, and the
// error wraps ErrNotSaved.
func (s *Store) Save(st *Issue) error {
	if !s.Enabled() {
		return nil
	}
	if !validKey(st.Key) {
		return fmt.Errorf("save reading state: bad issue key %q", st.Key)
	}
	p := s.withFailed(st.take())
	if err := s.write(p); err != nil {
		st.giveBack(p.changes)
		return err
	}
	return nil
}

// withFailed adds to p the changes of the issue's saves that failed.
func (s *Store) withFailed(p pending) pending {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if c, ok := s.failed[p.st.Key]; ok {
		p.changes.add(c)
		delete(s.failed, p.st.Key)
	}
	return p
}

// lockWait is how long a save waits for another process's save (the
// store's lock, see safefile.Lock).
const lockWait = 2 * time.Second

// write merges the save p into the issue's state on disk under the
// store's lock, and writes the result atomically.
func (s *Store) write(p pending) error {
	if p.changes.empty() {
		return nil
	}
	unlock, err := safefile.Lock(filepath.Join(s.dir, ".lock"), lockWait)
	if err != nil {
		return notSaved(err)
	}
	defer unlock()
	disk, err := s.read(p.st.Key)
	var corrupt *corruptError
	if errors.As(err, &corrupt) {
		// Whatever it was, the state written now replaces it: keep a copy.
		_ = s.setAside(p.st.Key, corrupt)
	}
	data, err := encode(merge(disk, p))
	if err != nil {
		return err
	}
	if err := safefile.WriteAtomic(s.path(p.st.Key), data); err != nil {
		return notSaved(err)
	}
	return nil
}

// ErrNotSaved is wrapped by the errors of saves that failed: the changes
// are kept for this run only.
var ErrNotSaved = errors.New("reading state not saved")

// notSaved wraps err with ErrNotSaved.
func notSaved(err error) error {
	return fmt.Errorf("%w: %w", ErrNotSaved, err)
}

// encode checks st's key and writes st as the content of its state file.
func encode(st *Issue) ([]byte, error) {
	if !validKey(st.Key) {
		return nil, fmt.Errorf("save reading state: bad issue key %q", st.Key)
	}
	st.Version = version
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("save reading state: %w", err)
	}
	return append(data, '\n'), nil
}

// SaveLater saves the state of one issue as Save does, but in the
// background, so that a program's event loop never waits for the disk:
// what changed in st is taken at once (st may change as soon as SaveLater
// returns) and written by a background writer, in order — a newer save of
// the same issue waiting to be written is joined with the older. It
// returns an error when st cannot be saved, or the error of an earlier
// background write (each is returned once, here or by Flush); the changes
// of a failed write are tried again with the issue's next save.
func (s *Store) SaveLater(st *Issue) error {
	if !s.Enabled() {
		return nil
	}
	if !validKey(st.Key) {
		return fmt.Errorf("save reading state: bad issue key %q", st.Key)
	}
	p := st.take()
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if c, ok := s.failed[st.Key]; ok {
		p.changes.add(c)
		delete(s.failed, st.Key)
	}
	if q, queued := s.queue[st.Key]; queued {
		q.changes.add(p.changes)
		p.changes = q.changes
	} else {
		s.order = append(s.order, st.Key)
	}
	s.queue[st.Key] = p
	if !s.writing {
		s.writing = true
		go s.writeQueued()
	}
	err := s.werr
	s.werr = nil
	return err
}

// writeQueued writes what SaveLater queued until the queue is empty.
func (s *Store) writeQueued() {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	for len(s.order) > 0 {
		key := s.order[0]
		s.order = s.order[1:]
		p := s.queue[key]
		delete(s.queue, key)
		s.wmu.Unlock()
		err := s.write(p)
		s.wmu.Lock()
		if err != nil {
			c := s.failed[key]
			c.add(p.changes)
			s.failed[key] = c
			if s.werr == nil {
				s.werr = err
			}
		}
	}
	s.writing = false
	s.idle.Broadcast()
}

// Flush waits until what SaveLater queued is written, and returns the
// first write error not returned yet.
func (s *Store) Flush() error {
	if !s.Enabled() {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	for s.writing {
		s.idle.Wait()
	}
	err := s.werr
	s.werr = nil
	return err
}

// Unsaved reports whether changes of this run could not be saved.
func (s *Store) Unsaved() bool {
	if !s.Enabled() {
		return false
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return len(s.failed) > 0
}

// Saved returns the keys of the issues that have saved state (a shelf
// marks them as read before); nil when the store is disabled or the folder
// cannot be listed.
func (s *Store) Saved() map[string]bool {
	if !s.Enabled() {
		return nil
	}
	entries, err := os.ReadDir(filepath.Join(s.dir, "issues"))
	if err != nil {
		return nil
	}
	out := make(map[string]bool, len(entries))
	for _, e := range entries {
		if key, ok := strings.CutSuffix(e.Name(), ".json"); ok && validKey(key) {
			out[key] = true
		}
	}
	return out
}

// SavedTimes returns the keys of the issues that have saved state, each
// with when its state was last saved (the modification time of its
// file): the latest is the issue read last. Nil when the store is
// disabled or the folder cannot be read.
func (s *Store) SavedTimes() map[string]time.Time {
	if !s.Enabled() {
		return nil
	}
	entries, err := os.ReadDir(filepath.Join(s.dir, "issues"))
	if err != nil {
		return nil
	}
	out := make(map[string]time.Time, len(entries))
	for _, e := range entries {
		key, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !validKey(key) {
			continue
		}
		var mod time.Time
		if info, err := e.Info(); err == nil {
			mod = info.ModTime()
		}
		out[key] = mod
	}
	return out
}

// ReadCounts returns, for each issue with saved reading state, how many
// of its articles are marked read (for the shelf's unread counts). A
// state file that cannot be read counts none.
func (s *Store) ReadCounts() map[string]int {
	out := map[string]int{}
	for key := range s.Saved() {
		st, err := s.read(key)
		if err != nil || st == nil {
			out[key] = 0
			continue
		}
		n := 0
		for _, a := range st.Articles {
			if a.Read {
				n++
			}
		}
		out[key] = n
	}
	return out
}

// Bookmark is a bookmarked article of some issue, for a bookmarks view.
type Bookmark struct {
	Key   string // the issue's content key
	Paper string
	Name  string // what the reader called the issue (Issue.Name)
	Date  string
	Path  string // where the issue was last read from (a hint; it may have moved)
	N     int
	Title string
	Pos   issue.Pos
	Added time.Time
}

// Bookmarks returns the bookmarks of every issue, newest first. State files
// that cannot be read are passed over.
func (s *Store) Bookmarks() ([]Bookmark, error) {
	if !s.Enabled() {
		return nil, nil
	}
	entries, err := os.ReadDir(filepath.Join(s.dir, "issues"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("bookmarks: %w", err)
	}
	var out []Bookmark
	for _, e := range entries {
		key, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !validKey(key) {
			continue
		}
		data, err := safefile.ReadSmall(filepath.Join(s.dir, "issues", e.Name()), 0)
		if err != nil {
			continue
		}
		var st Issue
		if json.Unmarshal(data, &st) != nil || st.Key != key {
			continue
		}
		out = append(out, st.BookmarkList()...)
	}
	SortBookmarks(out)
	return out, nil
}

// SortBookmarks orders bookmarks newest first (then by issue and article).
func SortBookmarks(out []Bookmark) {
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Added.Equal(out[j].Added) {
			return out[i].Added.After(out[j].Added)
		}
		if out[i].Key != out[j].Key {
			return out[i].Key < out[j].Key
		}
		return out[i].N < out[j].N
	})
}
