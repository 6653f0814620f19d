//go:build unix

package shelf

import (
	"os"
	"testing"

	"dubao/issue/safefile"
)

// TestSaveLocked: a search that finds another saving the cache (its
// lock file held) leaves both files as they are, so that the other's
// pair is not mixed with its own.
func TestSaveLocked(t *testing.T) {
	dir, opt, s, _ := twoSearchesSetup(t)
	name, err := prefilterPath(opt.CacheDir, dir, opt.variant())
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := safefile.Lock(lockPath(name), 0)
	if err != nil {
		t.Fatal(err)
	}
	han, err1 := os.Stat(name)
	maps, err2 := os.Stat(mapsPath(name))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	collect(t, s, "新刊", SearchOptions{}) // an outline and a set to save
	han2, err1 := os.Stat(name)
	maps2, err2 := os.Stat(mapsPath(name))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !os.SameFile(han, han2) || !os.SameFile(maps, maps2) {
		t.Error("a search saved while another held the lock")
	}
	unlock()
	collect(t, s, "新刊", SearchOptions{})
	if han2, err = os.Stat(name); err != nil {
		t.Fatal(err)
	}
	if os.SameFile(han, han2) {
		t.Error("a search did not save once the lock was free")
	}
}
