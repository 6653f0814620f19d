package fetch

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"dubao/issue/safefile"
)

// Manifest is what a fetch of a day leaves in the day's folder (the hidden
// file .dubao-get.json, which the shelf does not read): where the day came
// from, whether it is complete, and for each file what the site said of
// it, for the next fetch (which fetches only what is missing, or on
// refresh asks whether each page changed).
type Manifest struct {
	// Start is the address the day was fetched from.
	Start string `json:"start"`
	// Date is the day, YYYY-MM-DD.
	Date string `json:"date"`
	// First is the path of the day's first layout page in the folder.
	First string `json:"first,omitempty"`
	// Complete is set when every file of the day was saved.
	Complete bool `json:"complete"`
	// Fetched is when the fetch ended.
	Fetched time.Time `json:"fetched"`
	// Files are the day's files by address.
	Files map[string]ManifestFile `json:"files"`
}

// ManifestFile is what a Manifest keeps of one file.
type ManifestFile struct {
	Path     string `json:"path"`
	Kind     string `json:"kind"`
	Number   int    `json:"number,omitempty"`
	ETag     string `json:"etag,omitempty"`
	Modified string `json:"modified,omitempty"`
	// Error says why the file could not be fetched.
	Error string `json:"error,omitempty"`
}

// ReadManifest reads the manifest of the day saved in dir. Only a regular
// file of a sane size is read (safefile.ReadSmall): a named pipe or a link
// to a device in its place is an error, not a wait.
func ReadManifest(dir string) (*Manifest, error) {
	data, err := safefile.ReadSmall(filepath.Join(dir, manifestName), 0)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, manifestName), err)
	}
	return &m, nil
}

// readManifest is the manifest of dir, or an empty one.
func readManifest(dir string) *Manifest {
	m, err := ReadManifest(dir)
	if err != nil || m.Files == nil {
		return &Manifest{Files: map[string]ManifestFile{}}
	}
	return m
}

// writeManifest saves m in dir, atomically.
func writeManifest(dir string, m *Manifest) error {
	data, err := json.MarshalIndent(m, "", "\t")
	if err != nil {
		return err
	}
	return safefile.WriteAtomic(filepath.Join(dir, manifestName), append(data, '\n'))
}
