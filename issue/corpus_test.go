package issue

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusLossless checks the lossless property (see checkLossless) on
// every text sample under testdata/ (each file; a file of the per-article
// archive form as it reads alone, TestLosslessArchive checking their
// folders), not only on the samples named in losslessFiles: a new sample
// of a text format cannot lose text unseen.
// Web pages, feeds and EPUBs (read by package source) have property tests
// of their own; samples that are no issue must say so (ErrBinary,
// ErrNoArticles). ui/cli's TestCorpus checks that list, json and cat
// lose nothing of the model.
func TestCorpusLossless(t *testing.T) {
	root := filepath.Join(repoRoot(t), "testdata")
	checked := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case !d.Type().IsRegular() || !textSample(p):
		default:
			t.Run(rel, func(t *testing.T) {
				is, err := Open(p, Options{noStitch: true})
				if errors.Is(err, ErrBinary) || errors.Is(err, ErrNoArticles) {
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if err := checkLossless(decoded(t, p), is); err != nil {
					t.Error(err)
				}
				checked++
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 30 {
		t.Errorf("only %d samples checked", checked)
	}
}

// textSample reports a file that package issue reads (the text formats):
// not a web page, a feed, an EPUB or a configuration file.
func textSample(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".html", ".htm", ".xml", ".epub", ".toml":
		return false
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	head := bytes.TrimLeft(data[:min(len(data), 512)], " \t\r\n\xef\xbb\xbf")
	return !bytes.HasPrefix(head, []byte("<"))
}
