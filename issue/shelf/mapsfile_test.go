package shelf

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"dubao/issue"
)

// TestOutlinesFileDamaged: an outlines file (HASH.map) that is damaged,
// cut short, missing, of another save (another token) or of the same
// token with its records moved never gives an issue another's outline or
// loses a hit: the search gives what a search without a cache gives, and
// makes again, and saves, the outlines it could not read.
func TestOutlinesFileDamaged(t *testing.T) {
	dir, _ := generated(t, smallConfig())
	whole, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"发展", "云岭", "报"}
	want := map[string][]string{}
	for _, q := range queries {
		want[q] = hitsOf(t, whole, q)
	}
	opt := Options{CacheDir: t.TempDir()}
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		collect(t, s, q, SearchOptions{}) // makes the outlines
	}
	name, err := prefilterPath(opt.CacheDir, dir, opt.variant())
	if err != nil {
		t.Fatal(err)
	}
	made := readableOutlines(opt, dir, s)
	if made < len(s.Issues)/2 {
		t.Fatalf("%d outlines made for %d issues", made, len(s.Issues))
	}
	good, err := os.ReadFile(mapsPath(name))
	if err != nil {
		t.Fatal(err)
	}
	goodHan, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	pf := readPrefilters(opt, dir)
	pf.close()
	var first outlineRef // the first record
	for _, info := range pf.known {
		if info.at.n > 0 && (first.n == 0 || info.at.off < first.off) {
			first = info.at
		}
	}
	if first.off != int64(mapsHeaderSize) {
		t.Fatalf("first record at %d", first.off)
	}
	flipped := slices.Clone(good)
	flipped[first.off+int64(first.n/2)] ^= 0x10
	// The record's own checksum made anew: only the prefilter file's
	// tells it is not the record written.
	recrc := slices.Clone(good)
	rec := recrc[first.off : first.off+int64(first.n)]
	rec[len(rec)/2] ^= 0x10
	binary.LittleEndian.PutUint32(rec[len(rec)-4:], binary.LittleEndian.Uint32(appendCRC(slices.Clone(rec[:len(rec)-4]))[len(rec)-4:]))
	// Every record one further on: the file of another save with the
	// same token (where the first record is still where it was, and
	// reads: the same bytes).
	moved := slices.Concat(good[:mapsHeaderSize], good[first.off:first.off+int64(first.n)], good[mapsHeaderSize:])
	otherToken := slices.Clone(good)
	otherToken[len(mapsMagic)] ^= 1
	for _, c := range []struct {
		name     string
		data     []byte // nil: no outlines file
		unread   int    // how many records do not read
		readable bool   // whether the file is opened at all
	}{
		{"byte flipped", flipped, 1, true},
		{"checksum made anew", recrc, 1, true},
		{"cut short", good[:len(good)-1], 1, true},
		{"cut in the header", good[:mapsHeaderSize-1], made, false},
		{"records moved", moved, made - 1, true},
		{"another token", otherToken, made, false},
		{"missing", nil, made, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.data == nil {
				if err := os.Remove(mapsPath(name)); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(mapsPath(name), c.data, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, goodHan, 0o600); err != nil {
				t.Fatal(err)
			}
			pf := readPrefilters(opt, dir)
			if (pf.maps != nil) != c.readable {
				t.Errorf("outlines file opened: %v", pf.maps != nil)
			}
			unread := 0
			for _, e := range s.Issues {
				if info := pf.known[e.key()]; info != nil && info.at.n > 0 && pf.outlineOf(e.key()) == nil {
					unread++
				}
			}
			pf.close()
			if unread != c.unread {
				t.Errorf("%d outlines do not read, want %d", unread, c.unread)
			}
			for _, q := range queries {
				if got := hitsOf(t, s, q); !slices.Equal(got, want[q]) {
					t.Errorf("%s: %d hits, want %d (those of a search without a cache)", q, len(got), len(want[q]))
				}
			}
			if n := readableOutlines(opt, dir, s); n != made {
				t.Errorf("after the searches, %d outlines read, want %d (made again)", n, made)
			}
		})
	}
}

// TestOutlinesFileKept: a search that makes only sets (a new issue
// without the word) keeps the outlines file as it is, and its outlines
// still read; one that makes an outline writes it anew, with every
// outline.
func TestOutlinesFileKept(t *testing.T) {
	dir, _ := generated(t, smallConfig())
	opt := Options{CacheDir: t.TempDir()}
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	collect(t, s, "发展", SearchOptions{})
	name, err := prefilterPath(opt.CacheDir, dir, opt.variant())
	if err != nil {
		t.Fatal(err)
	}
	made := readableOutlines(opt, dir, s)
	before, err := os.Stat(mapsPath(name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "2030-01-01.md"), []byte("## 新刊\n\n今天没有那个词。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err = Scan(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	collect(t, s, "发展", SearchOptions{}) // the new issue's set only
	after, err := os.Stat(mapsPath(name))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("a search that made only a set wrote the outlines file anew")
	}
	if pf := readPrefilters(opt, dir); pf.han(s.Issues[0].key()) == nil {
		t.Error("the new issue's set was not saved")
	} else {
		pf.close()
	}
	if n := readableOutlines(opt, dir, s); n != made {
		t.Errorf("%d outlines read after the set was saved, want %d", n, made)
	}
	collect(t, s, "新刊", SearchOptions{}) // the new issue's outline
	if after, err = os.Stat(mapsPath(name)); err != nil {
		t.Fatal(err)
	}
	if os.SameFile(before, after) {
		t.Error("a search that made an outline did not write the outlines file")
	}
	if n := readableOutlines(opt, dir, s); n != made+1 {
		t.Errorf("%d outlines read after a new one was made, want %d", n, made+1)
	}
}

// TestPrefilterCorruptCountAllocates: a prefilter file whose count of
// issues is as large as the file could hold (its checksum right, its
// records unreadable) is refused without first allocating room for all
// those issues (as decodeIndex, TestIndexCorruptCountAllocates).
func TestPrefilterCorruptCountAllocates(t *testing.T) {
	var e encoder
	e.b = append(e.b, prefilterMagic...)
	e.uint(prefilterVersion)
	e.int(int64(issue.ParserVersion))
	e.b = append(e.b, make([]byte, mapsTokenSize)...)
	const garbage = 16 << 20
	e.uint(garbage / 34)
	e.b = append(e.b, bytes.Repeat([]byte{0xFF}, garbage)...)
	data := appendCRC(e.b)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, _, err := decodePrefilters(data); err == nil {
		t.Fatal("a corrupt prefilter file decoded")
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > garbage {
		t.Errorf("%d MB allocated to refuse a corrupt prefilter file of %d MB", n>>20, len(data)>>20)
	}
}

// TestPrefilterCountPastRecords: a prefilter file whose checksum holds
// but whose count claims more issues than its records hold (a record
// longer than the least one, then the file's end within the next key)
// is refused, not a panic on the key cut short (review, issue #17).
func TestPrefilterCountPastRecords(t *testing.T) {
	var e encoder
	e.b = append(e.b, prefilterMagic...)
	e.uint(prefilterVersion)
	e.int(int64(issue.ParserVersion))
	e.b = append(e.b, make([]byte, mapsTokenSize)...)
	e.uint(2)
	e.b = append(e.b, bytes.Repeat([]byte{1}, 32)...) // the first key
	e.uint(40)                                        // its set
	e.b = append(e.b, bytes.Repeat([]byte{2}, 40)...)
	e.uint(0)                                         // no outline
	e.b = append(e.b, bytes.Repeat([]byte{3}, 10)...) // 10 bytes of the second key
	if _, _, err := decodePrefilters(appendCRC(e.b)); err == nil {
		t.Fatal("a prefilter file cut in a key decoded")
	}
}

// readableOutlines reports how many of s's issues have an outline in
// the cache of opt that reads.
func readableOutlines(opt Options, dir string, s *Shelf) int {
	pf := readPrefilters(opt, dir)
	defer pf.close()
	n := 0
	for _, e := range s.Issues {
		if pf.outlineOf(e.key()) != nil {
			n++
		}
	}
	return n
}

// TestOutlineInReusesBuffer: the records of an outlines file read one
// after the other into one buffer (as a search worker reads them, see
// prefilters.outlineIn) — longer and shorter ones, and each of them
// twice — read as each read in memory of its own.
func TestOutlineInReusesBuffer(t *testing.T) {
	dir, _ := generated(t, smallConfig())
	opt := Options{CacheDir: t.TempDir()}
	s, err := Scan(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	collect(t, s, "发展", SearchOptions{}) // makes the outlines
	pf := readPrefilters(opt, dir)
	defer pf.close()
	var buf []byte
	sizes := map[int]bool{}
	back := slices.Clone(s.Issues)
	slices.Reverse(back)
	for _, e := range append(slices.Clone(s.Issues), back...) {
		id := e.key()
		want := pf.outlineOf(id)
		got := pf.outlineIn(id, &buf)
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: the record read into a reused buffer is %d bytes %q…, in its own %d bytes", e.Path(), len(got), got[:min(len(got), 16)], len(want))
		}
		if want != nil {
			sizes[len(want)] = true
			if &got[0] != &buf[0] {
				t.Fatalf("%s: the record was not read into the buffer", e.Path())
			}
		}
	}
	if len(sizes) < 3 {
		t.Fatalf("%d sizes of records: too few to tell a longer from a shorter one", len(sizes))
	}
}
