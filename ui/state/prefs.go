package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"dubao/issue/safefile"
)

// Prefs are what the reader remembers across runs that belongs to no
// issue: the reading measure last set with + and -. The measure is one for
// every width of window (not one per width class): a window too narrow for
// it shows what fits, and the measure comes back whole in a wider one.
type Prefs struct {
	Version int `json:"version"`
	// Measure is the reading measure in 汉字; 0 when none was set.
	Measure int `json:"measure,omitempty"`
}

// prefsFile is the name of the preferences in the store's folder.
const prefsFile = "prefs.json"

// LoadPrefs reads the preferences; none saved (or a disabled store) gives
// the zero Prefs. A file that cannot be read or decoded is an error, with
// the zero Prefs.
func (s *Store) LoadPrefs() (Prefs, error) {
	if !s.Enabled() {
		return Prefs{}, nil
	}
	name := filepath.Join(s.dir, prefsFile)
	data, err := safefile.ReadSmall(name, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return Prefs{}, nil
	}
	if err != nil {
		return Prefs{}, fmt.Errorf("read preferences: %w", err)
	}
	var p Prefs
	if err := json.Unmarshal(data, &p); err != nil {
		return Prefs{}, fmt.Errorf("read preferences %s: %w", name, err)
	}
	return p, nil
}

// SavePrefs writes the preferences, under the store's lock, whole or not
// at all.
func (s *Store) SavePrefs(p Prefs) error {
	if !s.Enabled() {
		return nil
	}
	p.Version = version
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	unlock, err := safefile.Lock(filepath.Join(s.dir, ".lock"), lockWait)
	if err != nil {
		return notSaved(err)
	}
	defer unlock()
	if err := safefile.WriteAtomic(filepath.Join(s.dir, prefsFile), append(data, '\n')); err != nil {
		return notSaved(err)
	}
	return nil
}
