package shelf

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"dubao/issue"
)

// TestOutlineMemoryReuse: outlines decoded one after the other in one
// worker's memory (outlineMemory, as a search decodes them) read as each
// decoded in memory of its own (files maps too) — longer and shorter ones, with and
// without maps, spans read only with the whole issue (N 0, whose map
// must be empty after one that had pieces), and damaged records (which
// do not read, and leave the memory as they found it for the next) in
// between.
func TestOutlineMemoryReuse(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 17))
	var m outlineMemory
	for round := range 3000 {
		if rng.IntN(3) == 0 {
			// A files map, in the same memory.
			fm := randomFilesMap(rng)
			enc := encodeFilesMap(fm)
			if rng.IntN(5) == 0 {
				enc[rng.IntN(len(enc)-4)] ^= byte(1 + rng.IntN(255))
				enc = appendCRC(enc[:len(enc)-4])
			}
			fresh, got := decodeFilesMap(enc), m.decodeFilesMap(enc)
			if (fresh == nil) != (got == nil) || fresh != nil && !reflect.DeepEqual(*fresh, *got) {
				t.Fatalf("round %d, files map: reused memory read %+v, fresh %+v", round, got, fresh)
			}
			continue
		}
		o := randomOutline(rng)
		enc := encodeOutline(o)
		if rng.IntN(5) == 0 {
			bad := append([]byte(nil), enc...)
			bad[rng.IntN(len(bad)-4)] ^= byte(1 + rng.IntN(255))
			if rng.IntN(2) == 0 {
				bad = appendCRC(bad[:len(bad)-4]) // the checks behind the checksum
			}
			fresh, got := decodeOutline(bad), m.decode(bad)
			if (fresh == nil) != (got == nil) || fresh != nil && !reflect.DeepEqual(*fresh, *got) {
				t.Fatalf("round %d, damaged: reused memory read %+v, fresh %+v", round, got, fresh)
			}
			continue
		}
		want, got := decodeOutline(enc), m.decode(enc)
		if want == nil || got == nil || !reflect.DeepEqual(*want, *got) {
			t.Fatalf("round %d: reused memory read %+v, fresh %+v", round, got, want)
		}
		if !reflect.DeepEqual(*want, *o) {
			t.Fatalf("round %d: read %+v, written %+v", round, want, o)
		}
	}
}

// randomOutline returns an outline of up to 40 spans, with maps or not.
func randomOutline(rng *rand.Rand) *issue.Outline {
	o := &issue.Outline{Mode: uint8(rng.IntN(8)), Verbatim: rng.IntN(2) == 0}
	pos := 0
	n := rng.IntN(40)
	withMaps := rng.IntN(4) > 0
	if withMaps {
		o.Maps = []issue.PieceMap{}
	}
	o.Spans = []issue.ArticleSpan{}
	for k := range n {
		start := pos + rng.IntN(50)
		end := start + 1 + rng.IntN(3000)
		sp := issue.ArticleSpan{Start: start, End: end, N: k + 1, Page: rng.IntN(9), Hash: rng.Uint32()}
		if rng.IntN(6) == 0 {
			sp.N = 0
		}
		o.Spans = append(o.Spans, sp)
		pos = end
		if !withMaps {
			continue
		}
		var pm issue.PieceMap
		if sp.N > 0 {
			pm.Headline = issue.TextRange{Start: -1, End: -1}
			if rng.IntN(3) > 0 {
				a := start + rng.IntN(end-start)
				pm.Headline = issue.TextRange{Start: a, End: a + rng.IntN(end-a+1)}
			}
			pm.Pieces = []issue.TextRange{}
			at := start
			for range 1 + rng.IntN(30) {
				if rng.IntN(8) == 0 || at >= end {
					pm.Pieces = append(pm.Pieces, issue.TextRange{Start: -1, End: -1})
					continue
				}
				a := at + rng.IntN(min(end-at, 200))
				b := a + rng.IntN(min(end-a, 400)+1)
				pm.Pieces = append(pm.Pieces, issue.TextRange{Start: a, End: b})
				at = b
			}
		}
		o.Maps = append(o.Maps, pm)
	}
	o.Len = pos + rng.IntN(100)
	return o
}

// randomFilesMap returns a files map of up to 5 files and 30 articles.
func randomFilesMap(rng *rand.Rand) *filesMap {
	m := &filesMap{}
	for range 1 + rng.IntN(5) {
		m.lens = append(m.lens, rng.IntN(5000))
	}
	rangeIn := func() fileRange {
		f := rng.IntN(len(m.lens))
		a := rng.IntN(m.lens[f] + 1)
		return fileRange{f, a, a + rng.IntN(m.lens[f]-a+1)}
	}
	for k := range rng.IntN(30) {
		a := mapArticle{page: rng.IntN(9), n: k + 1, hash: rng.Uint32(), headline: rangeIn()}
		for range 1 + rng.IntN(20) {
			a.pieces = append(a.pieces, rangeIn())
		}
		m.arts = append(m.arts, a)
	}
	return m
}
