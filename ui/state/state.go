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
	"regexp"
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

// validKey is what an issue key may look like (it names a file).
var validKey = regexp.MustCompile(`^[0-9A-Za-z_-]{1,128}$`)

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
// concurrent use. The zero Store is disabled.
type Store struct {
	dir string // "" when disabled

	mu       sync.Mutex
	reported map[string]bool // keys whose corrupt state was reported

	// The background writer of SaveLater: the latest data of each issue
	// waiting to be written, in the order first queued.
	wmu     sync.Mutex
	queue   map[string][]byte
	order   []string
	writing bool
	idle    *sync.Cond // signalled when the writer stops
	werr    error      // the first write error not reported yet
}

// Open returns a store that keeps state under dir (see DefaultDir); the
// folder is made when state is first saved.
func Open(dir string) *Store {
	s := &Store{dir: dir, reported: map[string]bool{}, queue: map[string][]byte{}}
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
// cannot be read as state is renamed to key.json.corrupt and Load returns fresh state with an
// error wrapping ErrCorrupt, once; a file that cannot be read at all gives
// fresh state and the error.
func (s *Store) Load(key string) (*Issue, error) {
	st := New(key)
	if !s.Enabled() {
		return st, nil
	}
	if !validKey.MatchString(key) {
		return st, fmt.Errorf("reading state: bad issue key %q", key)
	}
	name := s.path(key)
	data, err := safefile.ReadSmall(name, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("reading state: %w", err)
	}
	var got Issue
	if err := json.Unmarshal(data, &got); err != nil || got.Key != key {
		if err == nil {
			err = fmt.Errorf("it belongs to issue %q", got.Key)
		}
		return st, s.setAside(key, name, err)
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

// setAside renames a corrupt state file out of the way and returns the
// error to report, or nil when it was reported before.
func (s *Store) setAside(key, name string, cause error) error {
	_ = os.Rename(name, name+".corrupt")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reported[key] {
		return nil
	}
	s.reported[key] = true
	return fmt.Errorf("%s: %w (%v)", name, ErrCorrupt, cause)
}

// Save writes the state of one issue atomically.
func (s *Store) Save(st *Issue) error {
	if !s.Enabled() {
		return nil
	}
	data, err := encode(st)
	if err != nil {
		return err
	}
	return writeAtomic(s.path(st.Key), data)
}

// encode checks st's key and writes st as the content of its state file.
func encode(st *Issue) ([]byte, error) {
	if !validKey.MatchString(st.Key) {
		return nil, fmt.Errorf("save reading state: bad issue key %q", st.Key)
	}
	st.Version = version
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("save reading state: %w", err)
	}
	return append(data, '\n'), nil
}

// SaveLater saves the state of one issue in the background, so that a
// program's event loop never waits for the disk: st is encoded at once
// (it may change as soon as SaveLater returns) and written by a
// background writer, in order — a newer state of the same issue waiting
// to be written replaces the older. It returns an error when st cannot be
// encoded, or the error of an earlier background write (each is returned
// once, here or by Flush).
func (s *Store) SaveLater(st *Issue) error {
	if !s.Enabled() {
		return nil
	}
	data, err := encode(st)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, queued := s.queue[st.Key]; !queued {
		s.order = append(s.order, st.Key)
	}
	s.queue[st.Key] = data
	if !s.writing {
		s.writing = true
		go s.writeQueued()
	}
	err, s.werr = s.werr, nil
	return err
}

// writeQueued writes what SaveLater queued until the queue is empty.
func (s *Store) writeQueued() {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	for len(s.order) > 0 {
		key := s.order[0]
		s.order = s.order[1:]
		data := s.queue[key]
		delete(s.queue, key)
		s.wmu.Unlock()
		err := writeAtomic(s.path(key), data)
		s.wmu.Lock()
		if err != nil && s.werr == nil {
			s.werr = err
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
		if key, ok := strings.CutSuffix(e.Name(), ".json"); ok && validKey.MatchString(key) {
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
		if !ok || !validKey.MatchString(key) {
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
		if !ok || !validKey.MatchString(key) {
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

// writeAtomic writes data to name through a temporary file in the same
// folder, synced and renamed over name once complete.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("save reading state: %w", err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("save reading state: %w", err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save reading state %s: %w", name, err)
	}
	return nil
}
