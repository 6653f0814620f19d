package shelf

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"dubao/issue"
)

// TestFixedRanges: the ranges of piece maps and files maps, written with
// offsets of a fixed width (2 bytes, or 4 when a span or a file is
// 0xFFFF bytes or longer), read back as written at either width and at
// the edges between them, ranges that are not slices of the text
// (none) included; a piece outside its span makes an outline that does
// not read (as before); and a record damaged anywhere, its checksum made
// right again, never reads as ranges outside their span or file.
func TestFixedRanges(t *testing.T) {
	none := issue.TextRange{Start: -1, End: -1}
	for _, size := range []int{1, 100, 0xFFFE, 0xFFFF, 0x10000, 3 << 20} {
		start := 7
		sp := issue.ArticleSpan{Start: start, End: start + size, N: 1, Page: 2, Hash: 9}
		pieces := []issue.TextRange{{Start: start, End: start}, none, {Start: start, End: start + size}, {Start: start + size/2, End: start + size}, {Start: start + size, End: start + size}}
		o := &issue.Outline{Mode: 1, Len: start + size + 3, Spans: []issue.ArticleSpan{sp, {Start: start + size, End: start + size + 1}},
			Maps: []issue.PieceMap{{Headline: issue.TextRange{Start: start, End: start + 1}, Pieces: pieces}, {}}}
		enc := encodeOutline(o)
		back := decodeOutline(enc)
		if back == nil || !reflect.DeepEqual(back.Spans, o.Spans) || !reflect.DeepEqual(back.Maps[0], o.Maps[0]) || len(back.Maps[1].Pieces) != 0 {
			t.Fatalf("span of %d bytes: read back as %+v, written %+v", size, back, o)
		}
		if w := rangeWidth(size); (w == 2) != (size < 0xFFFF) || w == 0 {
			t.Fatalf("span of %d bytes: width %d", size, w)
		}
		checkDamaged(t, enc)
		// A piece outside its span.
		for _, r := range []issue.TextRange{{Start: start - 1, End: start}, {Start: start, End: start + size + 1}, {Start: start + 1, End: start}} {
			bad := *o
			bad.Maps = []issue.PieceMap{{Headline: o.Maps[0].Headline, Pieces: []issue.TextRange{r}}, {}}
			if d := decodeOutline(encodeOutline(&bad)); d != nil {
				t.Fatalf("span of %d bytes: piece %+v outside it read as %+v", size, r, d.Maps[0].Pieces)
			}
		}
		// A files map with a file of that size.
		fm := &filesMap{lens: []int{size, 5}, arts: []mapArticle{{page: 1, n: 1, hash: 3, headline: fileRange{1, 0, 5},
			pieces: []fileRange{{0, 0, size}, {0, size, size}, {1, 2, 3}, {0, size / 2, size / 2}}}}}
		fenc := encodeFilesMap(fm)
		if back := decodeFilesMap(fenc); back == nil || !reflect.DeepEqual(*back, *fm) {
			t.Fatalf("files map, a file of %d bytes: read back as %+v, written %+v", size, back, fm)
		}
		for i := 0; i < len(fenc)-4; i++ {
			for _, flip := range []byte{1, 0x80, 0xFF} {
				bad := append([]byte(nil), fenc...)
				bad[i] ^= flip
				if d := decodeFilesMap(appendCRC(bad[:len(bad)-4])); d != nil {
					for _, a := range d.arts {
						for _, r := range append([]fileRange{a.headline}, a.pieces...) {
							if r.file < 0 || r.file >= len(d.lens) || r.start < 0 || r.start > r.end || r.end > d.lens[r.file] {
								t.Fatalf("files map damaged at %d: range %+v outside its file (%v)", i, r, d.lens)
							}
						}
					}
				}
			}
		}
	}
	// Spans that do not fit their fixed size, or out of order: the
	// outline does not read.
	spans := []issue.ArticleSpan{{Start: 0, End: 5, N: -1}, {Start: 3, End: 2, N: 1}, {Start: 0, End: 11, N: 1}}
	if strconv.IntSize == 64 { // a page or number past 32 bits: only where an int holds one
		wide := int64(1) << 31
		spans = append(spans, issue.ArticleSpan{Start: 0, End: 5, N: 1, Page: int(wide)},
			issue.ArticleSpan{Start: 0, End: 5, N: 1, Page: int(-wide - 1)}, issue.ArticleSpan{Start: 0, End: 5, N: int(wide)})
	}
	for _, sp := range spans {
		o := &issue.Outline{Len: 10, Spans: []issue.ArticleSpan{sp}}
		if d := decodeOutline(encodeOutline(o)); d != nil {
			t.Fatalf("span %+v read back as %+v", sp, d.Spans)
		}
	}
	o := &issue.Outline{Len: 10, Spans: []issue.ArticleSpan{{Start: 4, End: 6, N: 1, Page: -1 << 31, Hash: 1}, {Start: 5, End: 8, N: 2}}}
	if d := decodeOutline(encodeOutline(o)); d != nil {
		t.Fatalf("spans out of order read back as %+v", d.Spans)
	}
	o.Spans[1].Start = 6
	if d := decodeOutline(encodeOutline(o)); d == nil || !reflect.DeepEqual(d.Spans, o.Spans) {
		t.Fatalf("spans %+v read back as %+v", o.Spans, d)
	}
	// Random outlines with long spans among short ones.
	rng := rand.New(rand.NewPCG(8, 8))
	for range 300 {
		o := randomOutline(rng)
		if len(o.Spans) == 0 || o.Maps == nil {
			continue
		}
		// Make one span long: shift everything after it.
		k := rng.IntN(len(o.Spans))
		grow := 0xFFFF + rng.IntN(3) - 1
		shift := func(r *issue.TextRange, from int) {
			if r.Plain() && r.Start >= from {
				r.Start += grow
				r.End += grow
			}
		}
		end := o.Spans[k].End
		for i := range o.Spans {
			if i > k {
				o.Spans[i].Start += grow
			}
			if i >= k {
				o.Spans[i].End += grow
			}
			m := &o.Maps[i]
			shift(&m.Headline, end)
			for j := range m.Pieces {
				shift(&m.Pieces[j], end)
			}
		}
		o.Len += grow
		enc := encodeOutline(o)
		var mem outlineMemory
		back := mem.decode(enc)
		if back != nil {
			checkFacts(t, &mem, back)
		}
		if back == nil || !reflect.DeepEqual(*back, *o) {
			t.Fatalf("outline with a span of %d more bytes: read back as %+v, written %+v", grow, back, o)
		}
	}
}

// checkDamaged flips bytes of the encoded outline enc everywhere (its
// checksum made right again): what reads has every range in its span,
// and every span in the text's length.
func checkDamaged(t *testing.T, enc []byte) {
	t.Helper()
	for i := 0; i < len(enc)-4; i++ {
		for _, flip := range []byte{1, 0x80, 0xFF} {
			bad := append([]byte(nil), enc...)
			bad[i] ^= flip
			bad = appendCRC(bad[:len(bad)-4])
			// Opened, each map read when asked for: those that read
			// are inside their spans, as a whole outline is.
			var mem outlineMemory
			if d := mem.open(bad); d != nil && d.Maps != nil {
				for k := range d.Maps {
					mem.mapAt(k)
				}
				checkFacts(t, &mem, d)
			}
			d := decodeOutline(bad)
			if d == nil {
				continue
			}
			for k, sp := range d.Spans {
				if sp.Start < 0 || sp.Start > sp.End || sp.End > d.Len {
					t.Fatalf("damaged at %d: span %+v outside the text (%d)", i, sp, d.Len)
				}
				if d.Maps == nil || sp.N <= 0 { // a span of N 0 has an empty map
					continue
				}
				m := d.Maps[k]
				for _, r := range append([]issue.TextRange{m.Headline}, m.Pieces...) {
					if r.Plain() && (r.Start < sp.Start || r.Start > r.End || r.End > sp.End) {
						t.Fatalf("damaged at %d: range %+v outside its span %+v", i, r, sp)
					}
				}
			}
		}
	}
}

// checkFacts holds the facts m.decode found of the maps of o, the
// outline it returned, to those mapFactsOf finds: all of them, and only
// those.
func checkFacts(t testing.TB, m *outlineMemory, o *issue.Outline) {
	t.Helper()
	if o == nil || o.Maps == nil {
		if len(m.facts) != 0 {
			t.Fatalf("no maps, facts %v", m.facts)
		}
		return
	}
	if len(m.facts) != len(o.Maps) {
		t.Fatalf("%d facts of %d maps", len(m.facts), len(o.Maps))
	}
	for k := range o.Maps {
		f := m.facts[k]
		if f&mapRead == 0 || f&mapBad != 0 {
			continue // not read (or not readable): not used
		}
		sp, pm := o.Spans[k], &o.Maps[k]
		for _, r := range append([]issue.TextRange{pm.Headline}, pm.Pieces...) {
			if sp.N > 0 && r.Plain() && (r.Start < sp.Start || r.Start > r.End || r.End > sp.End) {
				t.Fatalf("map %d: range %+v outside its span %+v", k, r, sp)
			}
		}
		want := mapFactsOf(pm) | mapRead
		if sp.N <= 0 {
			want = mapRead // an empty map, never searched
		}
		if f != want {
			t.Fatalf("map %d %+v: facts %b, want %b", k, pm, f, want)
		}
	}
}
