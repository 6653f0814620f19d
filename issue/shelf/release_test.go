package shelf

import (
	"context"
	"fmt"
	"testing"
	"unsafe"

	"dubao/issue/search"
)

// testLines is a LineMaker of every field of a hit.
type testLines struct{}

func (testLines) AppendHit(b []byte, h *HitText) []byte {
	b = fmt.Appendf(b, "%s %d %d %q %v %+v %v ", h.Entry.Files[0].Path, h.Page, h.N, h.Title, h.Match, h.Pos, h.First)
	return append(h.AppendLine(b), '\n')
}

func (testLines) EndIssue(b []byte) []byte { return b }

// TestBatchRelease: a search whose consumer releases each batch's lines
// once it has read them (Batch.Release, as dubao search does) gets the
// lines of one whose consumer keeps every batch and reads them at the
// end (the released memory is never written while a batch holds it),
// and makes later batches' lines in the memory released. With a cache
// (outlines known, articles searched from the text) and without.
func TestBatchRelease(t *testing.T) {
	// More issues than the workers may make batches of before the
	// consumer reads one: past them, a batch's lines are made in the
	// memory of one released (without a wait for it, sooner only as the
	// goroutines happen to run).
	c := smallConfig()
	c.Days = 150
	dir, _ := generated(t, c)
	opt := SearchOptions{Workers: 2, Lines: func() LineMaker { return testLines{} }}
	ahead := (searchWindow+1)*opt.Workers + searchAhead
	checked := 0 // searches with more batches of lines than that
	for _, cache := range []string{"", t.TempDir()} {
		s, err := Scan(context.Background(), dir, Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"发展", "报", "云岭", "的"} {
			collect(t, s, q, opt) // makes the outlines
			kept := ""
			for _, b := range collect(t, s, q, opt) {
				kept += string(b.Lines)
			}
			released := ""
			seen := map[*byte]bool{}
			withLines, reused := 0, 0
			for b := range s.Search(context.Background(), search.New(q), opt) {
				released += string(b.Lines)
				if len(b.Lines) > 0 {
					withLines++
					p := unsafe.SliceData(b.Lines)
					if seen[p] {
						reused++
					}
					seen[p] = true
				}
				b.Release()
				if b.Lines != nil {
					t.Fatalf("%s: a released batch still has its lines", q)
				}
			}
			if kept == "" || released != kept {
				t.Fatalf("cache %q, %s: %d bytes of lines from released batches, %d from batches kept", cache, q, len(released), len(kept))
			}
			if withLines > ahead {
				checked++
			}
			if withLines > ahead && reused == 0 {
				t.Fatalf("cache %q, %s: none of %d batches with lines reused a released one's memory", cache, q, withLines)
			}
		}
	}
	if checked == 0 {
		t.Errorf("no search made more than %d batches of lines: the reuse was not tested", ahead)
	}
}

// TestBatchReleaseCopies: a batch is a value, and releasing each of its
// copies (or the same batch read twice from a slice of them) hands its
// lines back once: never two later batches made in the same memory at
// once. The consumer holds each batch until the next one has come, so a
// batch whose memory another one still holds is seen, and every batch's
// lines are those of a search whose batches are kept.
func TestBatchReleaseCopies(t *testing.T) {
	dir, _ := generated(t, smallConfig())
	opt := SearchOptions{Workers: 2, Lines: func() LineMaker { return testLines{} }}
	s, err := Scan(context.Background(), dir, Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"的", "发展", "报"} {
		want := map[string]string{}
		for _, b := range collect(t, s, q, opt) {
			want[b.Entry.Path()] = string(b.Lines)
		}
		for round := range 3 {
			var held []Batch
			for b := range s.Search(context.Background(), search.New(q), opt) {
				if got := string(b.Lines); got != want[b.Entry.Path()] {
					t.Fatalf("%s, round %d, %s: the lines differ from a search whose batches are kept:\n%.200q\nwant\n%.200q", q, round, b.Entry.Path(), got, want[b.Entry.Path()])
				}
				if cap(b.Lines) > 0 {
					p := unsafe.SliceData(b.Lines[:cap(b.Lines)])
					for _, h := range held {
						if cap(h.Lines) > 0 && unsafe.SliceData(h.Lines[:cap(h.Lines)]) == p {
							t.Fatalf("%s, round %d: %s's lines are made in the memory of %s's, not released yet", q, round, b.Entry.Path(), h.Entry.Path())
						}
					}
				}
				for i := range held {
					c := held[i]
					c.Release()
					held[i].Release()
				}
				held = append(held[:0], b)
			}
		}
	}
}
