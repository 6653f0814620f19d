package shelf

import (
	"context"
	"testing"
)

// TestKeysLater: a scan with NoKey (list, search) hashes none of the files
// it indexes, and its entries have no key; a scan without it (the reader)
// then works out the sums of the files the index lacks — reading them,
// not parsing them — and its keys are those of a shelf indexed with keys
// from the start; the sums are kept in the index.
func TestKeysLater(t *testing.T) {
	dir, days := lazyShelf(t)
	ctx := context.Background()
	want, err := Scan(ctx, dir, Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	bare, err := Scan(ctx, dir, Options{CacheDir: cache, NoKey: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(bare.Issues) != days+1 || len(want.Issues) != days+1 {
		t.Fatalf("%d and %d issues, want %d", len(bare.Issues), len(want.Issues), days+1)
	}
	for _, e := range bare.Issues {
		if e.Key != "" || e.Pending || e.key() == (keySum{}) {
			t.Fatalf("NoKey scan: %s has key %q, pending %v, id %x", e.Name(), e.Key, e.Pending, e.key())
		}
	}
	// Again with NoKey: all from the cache, still no key.
	indexed := -1
	again, err := Scan(ctx, dir, Options{CacheDir: cache, NoKey: true, Progress: func(_, total int) { indexed = total }})
	if err != nil || indexed != -1 || again.Issues[0].Key != "" {
		t.Fatalf("second NoKey scan: %v, indexed %d, key %q", err, indexed, again.Issues[0].Key)
	}
	// The reader's scan: the sums of every file, read again.
	for _, lazy := range []bool{false, true} {
		cache := cache
		if lazy {
			// A fresh cache indexed with NoKey, then ScanLazy.
			cache = t.TempDir()
			if _, err := Scan(ctx, dir, Options{CacheDir: cache, NoKey: true}); err != nil {
				t.Fatal(err)
			}
		}
		var keyed *Shelf
		hashed := 0
		opt := Options{CacheDir: cache, Progress: func(_, total int) { hashed = total }}
		if lazy {
			s, updates, err := ScanLazy(ctx, dir, opt)
			if err != nil || updates == nil {
				t.Fatalf("ScanLazy: %v, updates %v", err, updates != nil)
			}
			for _, e := range s.Issues {
				if e.Pending || e.Articles == 0 {
					t.Fatalf("ScanLazy: %s pending %v before it is hashed: only its key is missing", e.Name(), e.Pending)
				}
			}
			for u := range updates {
				keyed = u.Shelf
			}
		} else if keyed, err = Scan(ctx, dir, opt); err != nil {
			t.Fatal(err)
		}
		if hashed != 80+16*3+1 {
			t.Errorf("lazy %v: %d files hashed, want every one", lazy, hashed)
		}
		sameKeys(t, keyed, want)
		// The sums are kept: the next scan reads nothing.
		hashed = 0
		next, err := Scan(ctx, dir, opt)
		if err != nil || hashed != 0 {
			t.Fatalf("lazy %v: scan after the hashing: %v, %d files read", lazy, err, hashed)
		}
		sameKeys(t, next, want)
	}
	// Keyed on a NoKey shelf gives the keys too.
	bare, err = Scan(ctx, dir, Options{CacheDir: t.TempDir(), NoKey: true})
	if err != nil {
		t.Fatal(err)
	}
	keyed, err := bare.Keyed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sameKeys(t, keyed, want)
	if k, _ := keyed.Keyed(ctx); k != keyed {
		t.Errorf("Keyed of a keyed shelf scanned it again")
	}
}

// sameKeys checks that got's issues are want's, with the same keys.
func sameKeys(t *testing.T, got, want *Shelf) {
	t.Helper()
	if len(got.Issues) != len(want.Issues) {
		t.Fatalf("%d issues, want %d", len(got.Issues), len(want.Issues))
	}
	for i, e := range got.Issues {
		w := want.Issues[i]
		if e.Key == "" || e.Key != w.Key || e.Path() != w.Path() || e.Articles != w.Articles {
			t.Errorf("%s: key %q, want %q (%s)", e.Path(), e.Key, w.Key, w.Path())
		}
	}
}
