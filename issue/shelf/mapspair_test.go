package shelf

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// savedTokens returns the outlines file's token that the prefilter file
// of the shelf at dir names, and the one the outlines file holds.
func savedTokens(t *testing.T, opt Options, dir string) (named, held string) {
	t.Helper()
	name, err := prefilterPath(opt.CacheDir, dir, opt.variant())
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := decodePrefilters(data)
	if err != nil {
		t.Fatal(err)
	}
	maps, err := os.ReadFile(mapsPath(name))
	if err != nil {
		t.Fatal(err)
	}
	return string(token), string(maps[len(mapsMagic):mapsHeaderSize])
}

// twoSearchesSetup makes a shelf whose cache holds a search's prefilter
// and outlines files, then adds an issue without the word: a search
// now makes only its set (and keeps the outlines file), unless it is of
// a word of the new issue (and makes its outline: a new outlines file).
func twoSearchesSetup(t *testing.T) (dir string, opt Options, s *Shelf, made int) {
	t.Helper()
	dir, _ = generated(t, smallConfig())
	opt = Options{CacheDir: t.TempDir()}
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	collect(t, s, "发展", SearchOptions{})
	made = readableOutlines(opt, dir, s)
	if err := os.WriteFile(filepath.Join(dir, "2030-01-01.md"), []byte("## 新刊\n\n今天没有那个词。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err = Scan(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	return dir, opt, s, made
}

// TestTwoSearchesSave: two searches that read the cache at once and save
// one after the other — the first with a new outline (so a new outlines
// file), the second with a set only — leave a prefilter file that names
// the outlines file there, and every outline known readable. The second
// used to keep the outlines file it had read, no longer there, and named
// its token: every outline was then unread, and made again.
func TestTwoSearchesSave(t *testing.T) {
	dir, opt, s, made := twoSearchesSetup(t)
	second := readPrefilters(opt, dir) // read before the first saves
	defer second.close()
	collect(t, s, "新刊", SearchOptions{}) // the first: the new issue's outline
	fresh := s.Issues[0].key()
	p := readPrefilters(opt, dir)
	set := p.han(fresh)
	p.close()
	if set == nil {
		t.Fatal("the first search saved no set for the new issue")
	}
	second.put(fresh, set, nil) // the second: its set only
	if err := second.save(s); err != nil {
		t.Fatal(err)
	}
	if named, held := savedTokens(t, opt, dir); named != held {
		t.Errorf("the prefilter file names outlines file %x, the outlines file is %x", named, held)
	}
	if n := readableOutlines(opt, dir, s); n < made {
		t.Errorf("%d outlines read after the two saves, want at least the %d made first", n, made)
	}
}
