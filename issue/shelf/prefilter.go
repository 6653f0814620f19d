package shelf

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	mathbits "math/bits"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unsafe"

	"dubao/issue"
	"dubao/issue/safefile"
)

// The search's prefilter: for each issue of a shelf, the set of Han
// characters its text holds (hanSet), kept in the shelf's cache beside its
// index and known by the identity of the issue's files (Entry.key: what
// the index trusts to tell a changed file, see fileRec), so that a search
// needs no content key. A search skips, without reading them, the issues
// that lack every form of one of the query's Han characters
// (search.Query.Needs). The sets are made by the searches themselves, from
// the text they read anyway: indexing (list, the reader) never pays for
// them, and an issue whose set is not known yet is read as before.
//
// A set of characters rather than of pairs of them (a "bigram bitmap"):
// it is exact (no false hit), small (a real 20-page daily holds 2,080
// distinct Han characters, 4 KB here; its 17,000 distinct pairs would
// need some 20 KB of bits for one false hit in ten), and it keeps a
// match whose characters the markup separates (云**岭**), which the
// search finds in the parsed text. Its limit: a query of common
// characters only (发展) passes every issue.

// Range of the characters a hanSet holds: the CJK blocks that search's
// fast byte search covers (the Han characters of Chinese text).
const (
	hanLo = 0x3400
	hanHi = 0x9FFF
)

// hanSet holds the characters of hanLo–hanHi that a text holds, as their
// offsets from hanLo in increasing order, two bytes each (little-endian).
// A nil hanSet is one that is not known.
type hanSet []byte

// hanBits is a set of hanLo–hanHi, as bits, for building a hanSet.
type hanBits [(hanHi - hanLo + 64) / 64]uint64

// add adds the Han characters of text, UTF-8 (invalid bytes are passed
// over), to the set.
func (b *hanBits) add(text []byte) {
	n := len(text)
	for i := 0; i+2 < n; {
		c := text[i]
		// U+3400–U+9FFF is E3 90 80 – E9 BF BF.
		if c < 0xE3 || c > 0xE9 {
			i++
			continue
		}
		c1, c2 := text[i+1], text[i+2]
		if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			i++
			continue
		}
		r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		if r >= hanLo {
			b[(r-hanLo)/64] |= 1 << ((r - hanLo) % 64)
		}
		i += 3
	}
}

// set returns the characters of b as a hanSet (never nil).
func (b *hanBits) set() hanSet {
	out := make(hanSet, 0, 256)
	for w, bits := range b {
		for bits != 0 {
			k := mathbits.TrailingZeros64(bits)
			bits &= bits - 1
			out = binary.LittleEndian.AppendUint16(out, uint16(w*64+k))
		}
	}
	return out
}

// has reports whether the set holds r (a character of hanLo–hanHi).
func (h hanSet) has(r rune) bool {
	want := uint16(r - hanLo)
	lo, hi := 0, len(h)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if binary.LittleEndian.Uint16(h[2*m:]) < want {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(h)/2 && binary.LittleEndian.Uint16(h[2*lo:]) == want
}

// holds reports whether a text of these characters may hold r: false
// only for a character of hanLo–hanHi that the set lacks.
func (h hanSet) holds(r rune) bool {
	return r < hanLo || r > hanHi || h.has(r)
}

// mayMatch reports whether a text of these characters can match a query
// that needs one character of each group (search.Query.Needs): false
// only when the set is known and lacks every character of a group that
// lies wholly in its range.
func (h hanSet) mayMatch(needs [][]rune) bool {
	if h == nil {
		return true
	}
next:
	for _, group := range needs {
		for _, r := range group {
			if r < hanLo || r > hanHi || h.has(r) {
				continue next
			}
		}
		return false
	}
	return true
}

// prefilters are what a search keeps of each issue of a shelf, by its
// files' identity:
// its hanSet and its outline (see searchOutlined) — those of the cache,
// and those the search made (added), to be saved.
//
// The cache keeps them in two files: the prefilter file (HASH.han) holds
// each issue's set and where its outline stands in the outlines file
// (HASH.map), which is read only for an issue whose text holds a match,
// one record at a time (see outlineOf). The prefilter file, read whole
// before the first issue is searched, stays small (the sets: some 500
// bytes an issue), where the outlines are some 5 KB an issue.
type prefilters struct {
	path  string // the prefilter file; "" when there is no cache
	mu    sync.Mutex
	known map[keySum]*searchInfo
	added int
	// token ties the prefilter file read to its outlines file (see
	// mapsTokenSize); nil when none was read.
	token []byte
	// maps is the outlines file the records of known point into, open
	// while a search uses it (see openOutlines); nil when there is none
	// that goes with the prefilter file.
	maps *mapsFile
}

// searchInfo is what a search keeps of one issue; each part is nil (or
// zero) while it is not known. The outline (for an issue of several text
// files, its files map: see filesMap) is kept encoded (see encodeOutline):
// made by this search (outline), or in the outlines file (at). A shelf's
// outlines, decoded, would be several times the size of the file they are
// read from.
type searchInfo struct {
	han     hanSet
	outline []byte
	at      outlineRef
}

// outlineRef is where an issue's encoded outline stands in the outlines
// file: its offset, its length (0: none) and its CRC-32C (the last 4
// bytes of the record, see appendCRC), so that a record of another
// outlines file (an older one, or one written by another search at the
// same time) or a damaged one is never read for this issue's.
type outlineRef struct {
	off int64
	n   int
	crc uint32
}

// prefilterMagic starts a prefilter file and mapsMagic an outlines file;
// prefilterVersion changes with their layout or with what they hold.
const (
	prefilterMagic   = "DUBAOHAN"
	mapsMagic        = "DUBAOMAP"
	prefilterVersion = 8 // 3: known by the files' identity, not the content key; 4: piece maps, a checksum; 5: the count of pieces, files maps; 6: the file's checksum; 7: the outlines in a file of their own; 8: pieces and files maps' ranges of a fixed width
)

// mapsTokenSize is the size of the token that ties an outlines file to
// the prefilter file written with it (random bytes, new at each save).
const mapsTokenSize = 16

// mapsHeaderSize is the size of an outlines file's header: its magic and
// token. Its records follow, each where the prefilter file says.
const mapsHeaderSize = len(mapsMagic) + mapsTokenSize

// maxPrefilterSize is the size cap of a prefilter file: with the
// sets, some 500 bytes an issue, so about a million issues; maxIndexSize,
// an index's cap, was reached at 13,000 issues when the outlines were in
// it, and every search of a larger shelf then read every issue and wrote
// the file again.
const maxPrefilterSize = 512 << 20

// maxOutlineSize is the size cap of one issue's encoded outline.
const maxOutlineSize = 256 << 20

// prefilterPath is the file of the shelf's prefilters: beside its index.
func prefilterPath(cacheDir, dir, encoding string) (string, error) {
	name, _, err := indexPath(cacheDir, dir, encoding)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".han", nil
}

// mapsPath is the outlines file that goes with the prefilter file name.
func mapsPath(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".map"
}

// lockPath is the lock file a search holds while it writes the
// prefilter file name and its outlines file (see prefilters.save).
func lockPath(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".lock"
}

// loadPrefilters reads the prefilters of the shelf s from its cache — or
// takes those read while it was walked, once (see Options.Search) — for
// a search, with the outlines file that goes with them open (its records
// are read as they are needed; close closes it); a missing, unreadable
// or corrupt file is an empty one.
func loadPrefilters(s *Shelf) *prefilters {
	if s.preloaded != nil {
		if pre := s.preloaded.Swap(nil); pre != nil {
			p := <-*pre
			p.openOutlines()
			return p
		}
	}
	return readPrefilters(s.opt, s.Dir)
}

// readPrefilters reads the prefilters of the shelf at dir, scanned with
// opt, from its cache (see loadPrefilters), and opens the outlines file
// that goes with them.
func readPrefilters(opt Options, dir string) *prefilters {
	p := readAhead(opt, dir)
	p.openOutlines()
	return p
}

// readAhead is readPrefilters without the outlines file, for a shelf
// opened to be searched (Options.Search): what it reads is kept until a
// search takes it, maybe never, so it holds no open file.
func readAhead(opt Options, dir string) *prefilters {
	p := &prefilters{known: map[keySum]*searchInfo{}}
	if opt.CacheDir == "" {
		return p
	}
	name, err := prefilterPath(opt.CacheDir, dir, opt.variant())
	if err != nil {
		return p
	}
	p.path = name
	data, err := safefile.ReadSmall(name, maxPrefilterSize)
	if err != nil {
		return p
	}
	known, token, err := decodePrefilters(data)
	if err != nil {
		return p
	}
	p.known, p.token = known, token
	return p
}

// openOutlines opens the outlines file that goes with the prefilter file
// read, when it is the one of its token (see openMaps).
func (p *prefilters) openOutlines() {
	if p.path != "" && p.token != nil && p.maps == nil {
		p.maps = openMaps(mapsPath(p.path), p.token)
	}
}

// decodePrefilters reads a prefilter file: the magic, the version, the
// parser's version (issue.ParserVersion), the token of its outlines file
// (mapsTokenSize bytes), the count, then for each issue its key (32
// bytes), its set (length and bytes; none when 0) and where its outline
// stands in the outlines file (its length, none when 0, then its offset
// and CRC-32C, 4 bytes); last the CRC-32C of all that (4 bytes): a set
// changed on disk, which has no checksum of its own, would make every
// search pass over an issue that holds the word. It returns the token
// too.
func decodePrefilters(data []byte) (map[keySum]*searchInfo, []byte, error) {
	body, ok := splitCRC(data)
	if !ok || !bytes.HasPrefix(body, []byte(prefilterMagic)) {
		return nil, nil, errCorrupt
	}
	d := decoder{b: body[len(prefilterMagic):]}
	// Outlines are the parser's: those of another version of it are not
	// used (nor the sets, which come with them).
	if d.uvarint() != prefilterVersion || d.small(d.varint()) != issue.ParserVersion {
		return nil, nil, errCorrupt
	}
	token := d.bytes(mapsTokenSize)
	n := d.count(34)
	// The records carved out of blocks as they are read, and the map
	// sized for at most a large shelf, not for the count the file claims
	// (see decodeIndex).
	known := make(map[keySum]*searchInfo, min(n, 1<<16))
	var infos block[searchInfo]
	for range n {
		// The count may claim more records than the file holds (each
		// takes 34 bytes at least, most many more): a key cut short is
		// the file's end, not a key.
		k := d.bytes(32)
		if k == nil {
			return nil, nil, errCorrupt
		}
		key := keySum(k)
		info := &infos.take(1)[0]
		if size := d.count(1); size > 0 {
			info.han = hanSet(d.bytes(size))
			if size%2 != 0 {
				d.fail()
			}
		}
		if size := d.uvarint(); size > 0 {
			off := d.uvarint()
			if c := d.bytes(4); c != nil {
				info.at = outlineRef{off: int64(off), n: int(size), crc: binary.LittleEndian.Uint32(c)}
			}
			if size < 4 || size > maxOutlineSize || off < uint64(mapsHeaderSize) || off > 1<<62 {
				d.fail()
			}
		}
		if d.err != nil {
			return nil, nil, d.err
		}
		known[key] = info
	}
	if d.err != nil || len(d.rest()) != 0 {
		return nil, nil, errCorrupt
	}
	return known, token, nil
}

// mapsFile is an outlines file open for reading its records.
type mapsFile struct {
	f     *os.File
	size  int64
	token []byte
}

// openMaps opens the outlines file name when it is the one of this token
// (nil when it is missing, of another token or not a regular file).
func openMaps(name string, token []byte) *mapsFile {
	f, err := safefile.Open(name)
	if err != nil {
		return nil
	}
	info, err := f.Stat()
	head := make([]byte, mapsHeaderSize)
	if err != nil || !info.Mode().IsRegular() || info.Size() < int64(mapsHeaderSize) {
		f.Close()
		return nil
	}
	if _, err := f.ReadAt(head, 0); err != nil || string(head[:len(mapsMagic)]) != mapsMagic || !bytes.Equal(head[len(mapsMagic):], token) {
		f.Close()
		return nil
	}
	return &mapsFile{f: f, size: info.Size(), token: bytes.Clone(token)}
}

// read returns the record at r, or nil when it cannot be read or is not
// the one r was written for (its checksum).
func (m *mapsFile) read(r outlineRef) []byte {
	return m.readInto(nil, r)
}

// readInto is read into buf, grown as needed: the record it returns
// shares buf's memory (made anew when buf is nil).
func (m *mapsFile) readInto(buf *[]byte, r outlineRef) []byte {
	if m == nil || r.n < 4 || r.off < int64(mapsHeaderSize) || r.off > m.size-int64(r.n) {
		return nil
	}
	var b []byte
	if buf == nil {
		b = make([]byte, r.n)
	} else {
		*buf = grow(*buf, r.n)
		b = *buf
	}
	if _, err := m.f.ReadAt(b, r.off); err != nil {
		return nil
	}
	if body, ok := splitCRC(b); !ok || binary.LittleEndian.Uint32(b[len(body):]) != r.crc {
		return nil
	}
	return b
}

// current reports whether the outlines file name is still m's: another
// search may have written it anew since m was opened.
func (m *mapsFile) current(name string) bool {
	now, err := os.Stat(name)
	if err != nil {
		return false
	}
	was, err := m.f.Stat()
	return err == nil && os.SameFile(now, was)
}

// close closes the outlines file (the records not yet read are then
// none).
func (p *prefilters) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.maps != nil {
		p.maps.f.Close()
		p.maps = nil
	}
}

// encodeOutline writes an outline: the mode (0x100 added when
// Verbatim, 0x200 when it has piece maps), the length of its text and
// the count of spans (varints); the spans, of a fixed size (see
// getSpans); then, with piece maps, the count of their pieces, the width
// of their ranges (rangeWidth) and, for each span of a number, its
// headline's range, the count of its pieces and their ranges (see
// putFixed); last, the CRC-32C of all that (4 bytes), so that a corrupt
// file is never read for the ranges it gives. Where they stand is read
// from the bytes, with no varint to decode but the counts.
func encodeOutline(o *issue.Outline) []byte {
	var e encoder
	mode := uint64(o.Mode)
	if o.Verbatim {
		mode |= 0x100
	}
	if o.Maps != nil {
		mode |= 0x200
	}
	e.uint(mode)
	e.uint(uint64(o.Len))
	e.uint(uint64(len(o.Spans)))
	for _, sp := range o.Spans {
		start, end := sp.Start, sp.End
		if start < 0 || int64(end) > math.MaxUint32 || sp.N < 0 || sp.N > math.MaxInt32 || sp.Page < math.MinInt32 || sp.Page > math.MaxInt32 {
			start, end = 1, 0 // does not fit: the outline does not read
		}
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(start))
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(end))
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(sp.N))
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(int32(sp.Page)))
		e.b = binary.LittleEndian.AppendUint32(e.b, sp.Hash)
	}
	if o.Maps != nil {
		total := 0
		for k, sp := range o.Spans {
			if sp.N > 0 {
				total += len(o.Maps[k].Pieces)
			}
		}
		e.uint(uint64(total))
		longest := 0
		for _, sp := range o.Spans {
			if sp.N > 0 {
				longest = max(longest, sp.End-sp.Start)
			}
		}
		w := rangeWidth(longest)
		e.b = append(e.b, byte(w))
		for k, sp := range o.Spans {
			if sp.N <= 0 {
				continue
			}
			m := &o.Maps[k]
			e.putFixed(m.Headline, sp.Start, sp.End, w)
			e.uint(uint64(len(m.Pieces)))
			for _, r := range m.Pieces {
				e.putFixed(r, sp.Start, sp.End, w)
			}
		}
	}
	return appendCRC(e.b)
}

// spanSize is the size of a span in an encoded outline: its start, end,
// number, page and headline hash, 4 bytes each (little endian).
const spanSize = 20

// getSpans reads len(out) spans of an outline of a text of n bytes from
// b: each one starts at or after the end of the one before and ends in
// the text, its number not negative. It reports false when one does not
// (or b is short).
func getSpans(out []issue.ArticleSpan, b []byte, n int) bool {
	if len(b) < spanSize*len(out) {
		return false
	}
	// The spans' bytes as arrays (b holds them all): read with no
	// bounds to check.
	rs := unsafe.Slice((*[spanSize]byte)(unsafe.Pointer(unsafe.SliceData(b))), len(out))
	out = out[:len(rs)]
	end := 0
	for i, q := range rs {
		start, stop := int(binary.LittleEndian.Uint32(q[:])), int(binary.LittleEndian.Uint32(q[4:]))
		num := binary.LittleEndian.Uint32(q[8:])
		out[i] = issue.ArticleSpan{Start: start, End: stop, N: int(num), Page: int(int32(binary.LittleEndian.Uint32(q[12:]))), Hash: binary.LittleEndian.Uint32(q[16:])}
		if start < end || stop < start || stop > n || num > math.MaxInt32 {
			return false
		}
		end = stop
	}
	return true
}

// rangeWidth is the width in bytes of each end of the ranges of a piece
// map or files map (putFixed), whose offsets are at most n: 2 when they
// fit 16 bits with a value to spare (none), else 4 (0 when they do not
// fit 32: such a map is written so that it does not read).
func rangeWidth(n int) int {
	switch {
	case n < 0xFFFF:
		return 2
	case int64(n) < 0xFFFFFFFF:
		return 4
	}
	return 0
}

// putFixed writes a range of a piece map in [lo, hi) as two offsets from
// lo of w bytes each (little endian), its start and end; both all ones
// for a range that is not a slice of the text. A range outside [lo, hi)
// is written so that the map does not read (its start after its end),
// as getRange would not read it.
func (e *encoder) putFixed(r issue.TextRange, lo, hi, w int) {
	var a, b uint64
	switch {
	case !r.Plain():
		a, b = 1<<(8*w)-1, 1<<(8*w)-1
	case r.Start < lo || r.End > hi || r.Start > r.End:
		a, b = 1, 0
	default:
		a, b = uint64(r.Start-lo), uint64(r.End-lo)
	}
	e.b = appendFixed(appendFixed(e.b, a, w), b, w)
}

// appendFixed appends v as w bytes, little endian.
func appendFixed(b []byte, v uint64, w int) []byte {
	if w == 2 {
		return binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	return binary.LittleEndian.AppendUint32(b, uint32(v))
}

// getFixed reads len(out) ranges that putFixed wrote (w bytes each end)
// from b into out, for a span [lo, hi): every one is none or lies in it.
// It reports false when one does not (or w is not a width), and else
// what it found of them on the way (mapPlain, mapOrdered), which
// mapFactsOf would find again.
func getFixed(out []issue.TextRange, b []byte, w, lo, hi int) (mapFacts, bool) {
	n := uint64(hi - lo)
	if len(b) < 2*w*len(out) {
		return 0, false
	}
	f := mapPlain | mapOrdered
	prev := math.MinInt // the end of the range before
	// The ranges' bytes as arrays (b holds them all): read with no
	// bounds to check.
	switch w {
	case 2:
		ends := unsafe.Slice((*[4]byte)(unsafe.Pointer(unsafe.SliceData(b))), len(out))
		out = out[:len(ends)]
		for i, q := range ends {
			v := binary.LittleEndian.Uint32(q[:])
			a, e := uint64(v&0xFFFF), uint64(v>>16)
			s, t := lo+int(a), lo+int(e)
			if a > e || e > n {
				if v != 0xFFFFFFFF {
					return 0, false
				}
				s, t = -1, -1
				f &^= mapPlain
			}
			if s < prev {
				f &^= mapOrdered
			}
			out[i], prev = issue.TextRange{Start: s, End: t}, t
		}
	case 4:
		ends := unsafe.Slice((*[8]byte)(unsafe.Pointer(unsafe.SliceData(b))), len(out))
		out = out[:len(ends)]
		for i, q := range ends {
			v := binary.LittleEndian.Uint64(q[:])
			a, e := v&0xFFFFFFFF, v>>32
			s, t := lo+int(a), lo+int(e)
			if a > e || e > n {
				if v != 1<<64-1 {
					return 0, false
				}
				s, t = -1, -1
				f &^= mapPlain
			}
			if s < prev {
				f &^= mapOrdered
			}
			out[i], prev = issue.TextRange{Start: s, End: t}, t
		}
	default:
		return 0, false
	}
	return f, true
}

// mapFacts are what the decoder of an outline found of a span's piece
// map as it read its ranges (outlineMemory.facts), which the search
// would otherwise find again for each article with a match: set only
// when true of the map, as mapFactsOf finds them.
type mapFacts uint8

const (
	// mapPlain: every range read is a slice of the text (not none);
	// of a whole map, also its headline's and at least one piece's, as
	// issue.PieceMap.Complete reports.
	mapPlain mapFacts = 1 << iota
	// mapOrdered: each piece starts at or after the end of the one
	// before (appendMapped searches them with one Finder).
	mapOrdered
	// mapRead and mapBad: outlineMemory.mapAt read the map, and it did
	// not read.
	mapRead
	mapBad
)

// mapFactsOf returns the facts of m (see mapFacts).
func mapFactsOf(m *issue.PieceMap) mapFacts {
	var f mapFacts
	if m.Complete() {
		f |= mapPlain
	}
	if piecesInOrder(m.Pieces) {
		f |= mapOrdered
	}
	return f
}

// piecesInOrder reports whether each of the ranges starts at or after
// the end of the one before.
func piecesInOrder(p []issue.TextRange) bool {
	for i := 1; i < len(p); i++ {
		if p[i].Start < p[i-1].End {
			return false
		}
	}
	return true
}

// castagnoli is the CRC-32C table (computed by the CPU where it can).
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// appendCRC appends to b the CRC-32C of its bytes (4 bytes, little
// endian), which splitCRC checks.
func appendCRC(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli()))
}

// splitCRC splits off the CRC-32C that ends b (see appendCRC): the bytes
// before it, and false when b is too short to hold one or it is not
// theirs.
func splitCRC(b []byte) ([]byte, bool) {
	if len(b) < 4 {
		return nil, false
	}
	body := b[:len(b)-4]
	return body, crc32.Checksum(body, castagnoli()) == binary.LittleEndian.Uint32(b[len(body):])
}

// decodeOutline reads what encodeOutline wrote; nil when it does not
// read (or its checksum is not that of its bytes): every range it
// returns lies in its text's length, in order, pieces inside their span.
func decodeOutline(b []byte) *issue.Outline {
	return new(outlineMemory).decode(b)
}

// outlineMemory is the memory a search worker decodes outlines (and files
// maps) in, kept from issue to issue (an outline lives only while its
// issue is searched): the spans, maps and pieces of an issue of a
// hundred articles are tens of kilobytes.
type outlineMemory struct {
	o      issue.Outline
	pieces []issue.TextRange
	// With maps, where each span's map stands in body (the bytes of the
	// record open read, which its maps are read from when first asked
	// for: mapAt), the width of their ranges, and the facts of each map
	// read (mapRead set then).
	body   []byte
	width  int
	places []mapPlace
	facts  []mapFacts
	// and a files map's (decodeFilesMap)
	files  filesMap
	ranges []fileRange
	// record is the encoded record read from the outlines file (see
	// prefilters.outlineIn).
	record []byte
}

// mapPlace is where the map of a span stands in an encoded outline: the
// offsets of its headline's range and of its pieces' ranges, and where
// its pieces go in outlineMemory.pieces (from, n of them).
type mapPlace struct{ head, pieces, from, n int }

// decode is decodeOutline in m's memory: the outline it returns is good
// until the next decode or open, and m.facts has the facts of its maps.
func (m *outlineMemory) decode(b []byte) *issue.Outline {
	o := m.open(b)
	if o == nil || o.Maps == nil {
		return o
	}
	for k := range o.Maps {
		if _, ok := m.mapAt(k); !ok {
			m.facts = m.facts[:0]
			return nil
		}
	}
	return o
}

// open is decode but for the maps, which mapAt reads (and checks) when
// asked for, as long as b is not changed: each is empty until then. A
// search reads only the maps of the articles where a match may be.
func (m *outlineMemory) open(b []byte) *issue.Outline {
	m.facts, m.body = m.facts[:0], nil
	body, ok := splitCRC(b)
	if !ok {
		return nil
	}
	d := decoder{b: body}
	mode := d.uvarint()
	if mode >= 0x400 {
		return nil // not an outline (a files map: see encodeFilesMap)
	}
	o := &m.o
	*o = issue.Outline{Mode: uint8(mode), Verbatim: mode&0x100 != 0, Spans: o.Spans[:0], Maps: o.Maps[:0]}
	o.Len = d.small(int64(d.uvarint()))
	o.Spans = grow(o.Spans, d.count(spanSize))
	if !getSpans(o.Spans, d.bytes(spanSize*len(o.Spans)), o.Len) {
		d.fail()
	}
	if mode&0x200 == 0 {
		o.Maps = nil
	} else if d.err == nil {
		o.Maps = grow(o.Maps, len(o.Spans))
		clear(o.Maps) // a span of N 0 has an empty map
		m.facts = grow(m.facts, len(o.Spans))
		clear(m.facts) // none read
		m.places = grow(m.places, len(o.Spans))
		// Every map's pieces in one array.
		m.pieces = grow(m.pieces, d.count(4))
		all := m.pieces
		w := 0
		if b := d.bytes(1); b != nil {
			w = int(b[0])
		}
		m.width = w
		for k, sp := range o.Spans {
			if sp.N <= 0 {
				continue
			}
			// The headline's range, the count of pieces (d.count) and
			// their ranges, passed over: the count is most often one
			// byte, read here.
			head := d.i
			var n int
			if i := head + 2*w; i < len(d.b) && d.b[i] < 0x80 && w > 0 {
				n = int(d.b[i])
				d.i = i + 1
			} else {
				d.bytes(2 * w)
				n = d.count(2 * max(w, 1))
			}
			if n > len(all) || 2*w*n > len(d.b)-d.i {
				d.fail()
			}
			if d.err != nil {
				break
			}
			m.places[k] = mapPlace{head: head, pieces: d.i, from: len(m.pieces) - len(all), n: n}
			all = all[n:]
			d.i += 2 * w * n
		}
		if len(all) != 0 {
			d.fail()
		}
	}
	if d.err != nil || len(d.rest()) != 0 {
		m.facts = m.facts[:0]
		return nil
	}
	m.body = body
	return o
}

// mapAt reads the map of span k of the outline open returned (into its
// Maps[k]), the first time it is asked for, and returns its facts; false
// when its ranges do not read (one outside the span, a width that is
// none).
func (m *outlineMemory) mapAt(k int) (mapFacts, bool) {
	f := m.facts[k]
	if f&mapRead == 0 {
		f = m.readMap(k)
		m.facts[k] = f
	}
	return f &^ (mapRead | mapBad), f&mapBad == 0
}

// readMap reads the map of span k (see mapAt): its facts, mapRead set,
// and mapBad when it does not read.
func (m *outlineMemory) readMap(k int) mapFacts {
	sp := &m.o.Spans[k]
	if sp.N <= 0 {
		return mapRead // an empty map
	}
	pm, at := &m.o.Maps[k], &m.places[k]
	pm.Pieces = m.pieces[at.from : at.from+at.n : at.from+at.n]
	facts, ok := getFixed(pm.Pieces, m.body[at.pieces:], m.width, sp.Start, sp.End)
	if !ok {
		return mapRead | mapBad
	}
	// The headline's range, as getFixed reads one (open has seen its
	// bytes there).
	var a, e, none uint64
	n := uint64(sp.End - sp.Start)
	switch b := m.body[at.head:]; m.width {
	case 2:
		v := binary.LittleEndian.Uint32(b)
		a, e, none = uint64(v&0xFFFF), uint64(v>>16), uint64(v)-0xFFFFFFFF
	case 4:
		v := binary.LittleEndian.Uint64(b)
		a, e, none = v&0xFFFFFFFF, v>>32, v-(1<<64-1)
	}
	switch {
	case a <= e && e <= n:
		pm.Headline = issue.TextRange{Start: sp.Start + int(a), End: sp.Start + int(e)}
	case none == 0:
		pm.Headline = issue.TextRange{Start: -1, End: -1}
		facts &^= mapPlain
	default:
		return mapRead | mapBad
	}
	if len(pm.Pieces) == 0 {
		facts &^= mapPlain // not Complete
	}
	return mapRead | facts
}

// grow returns s resliced to n elements, made anew when it is nil or its
// capacity is less (never nil, as make's); the elements it keeps hold
// what they held.
func grow[T any](s []T, n int) []T {
	if s == nil || cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// keySum is a 32-byte key of an issue: its files' identity (Entry.key).
type keySum [32]byte

// han returns the set of the issue keyed id (see Entry.key; nil: not
// known).
func (p *prefilters) han(id keySum) hanSet {
	if id == (keySum{}) {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if info := p.known[id]; info != nil {
		return info.han
	}
	return nil
}

// outlineOf returns the encoded outline (or files map) of the issue keyed id:
// the one this search made, or the one of the outlines file, read there
// now (nil: not known). A record that cannot be read or is not the one
// the prefilter file recorded is forgotten, and then made anew by the
// search (see put).
func (p *prefilters) outlineOf(id keySum) []byte {
	return p.outlineIn(id, nil)
}

// outlineIn is outlineOf with a record of the outlines file read into
// buf (see mapsFile.readInto): a search worker's memory, reused from
// issue to issue, so the record is good until the next one is read.
func (p *prefilters) outlineIn(id keySum, buf *[]byte) []byte {
	if id == (keySum{}) {
		return nil
	}
	p.mu.Lock()
	info := p.known[id]
	if info == nil || info.outline != nil || info.at.n == 0 {
		p.mu.Unlock()
		if info == nil {
			return nil
		}
		return info.outline
	}
	at, maps := info.at, p.maps
	p.mu.Unlock()
	b := maps.readInto(buf, at)
	if b == nil {
		p.mu.Lock()
		if info.at == at {
			info.at = outlineRef{}
		}
		p.mu.Unlock()
	}
	return b
}

// put records the set and the outline of the issue keyed id (either may
// be nil: not known), made by a search.
func (p *prefilters) put(id keySum, h hanSet, o *issue.Outline) {
	if id == (keySum{}) || h == nil && o == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	info := p.record(id)
	if h != nil && info.han == nil {
		info.han = h
		p.added++
	}
	if o != nil && len(o.Spans) > 0 && info.outline == nil && info.at.n == 0 {
		info.outline = encodeOutline(o)
		p.added++
	}
}

// putFilesMap records the files map of the issue keyed id (see
// filesMap), made by a search, where it keeps an outline.
func (p *prefilters) putFilesMap(id keySum, m *filesMap) {
	if id == (keySum{}) || m == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if info := p.record(id); info.outline == nil && info.at.n == 0 {
		info.outline = encodeFilesMap(m)
		p.added++
	}
}

// record returns what is known of the issue keyed id, an empty record
// made and kept when nothing is yet. p.mu must be held.
func (p *prefilters) record(id keySum) *searchInfo {
	info := p.known[id]
	if info == nil {
		info = &searchInfo{}
		p.known[id] = info
	}
	return info
}

// save writes what is known of the shelf's issues (issues no longer on
// the shelf are dropped) when the search added anything: the outlines
// file first, when the search made any — the outlines made by this search
// and those of the file read, copied — then the prefilter file, with the
// outlines file's token. The two are written under a lock file
// (lockPath), so that two searches saving at once leave the pair of one
// of them; a search that finds another saving saves nothing (what it made
// is made again by a later search). (A search killed between the two
// leaves the prefilter file with an outlines file of another token: its
// outlines are then not read, and made again.)
func (p *prefilters) save(s *Shelf) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.path == "" || p.added == 0 {
		return nil
	}
	var keys []keySum
	var infos []*searchInfo
	for _, en := range s.Issues {
		if id := en.key(); id != (keySum{}) && p.known[id] != nil {
			keys, infos = append(keys, id), append(infos, p.known[id])
		}
	}
	unlock, err := safefile.Lock(lockPath(p.path), 0)
	if err != nil {
		return err
	}
	defer unlock()
	// When the search made no outline (only sets: a new issue without
	// the word), the outlines file read is kept as it is, with its token:
	// it is the larger by far — unless another search has written it
	// anew since it was read.
	keep := p.maps != nil && p.maps.current(mapsPath(p.path))
	for _, info := range infos {
		keep = keep && info.outline == nil
	}
	var token []byte
	var refs []outlineRef
	if keep {
		token = p.maps.token
		refs = make([]outlineRef, len(infos))
		for i, info := range infos {
			refs[i] = info.at
		}
	} else {
		token = make([]byte, mapsTokenSize)
		rand.Read(token)
		var err error
		if refs, err = p.saveMaps(mapsPath(p.path), token, infos); err != nil {
			// The sets are worth keeping without the outlines.
			refs, token = make([]outlineRef, len(infos)), make([]byte, mapsTokenSize)
		}
	}
	var e encoder
	e.b = append(e.b, prefilterMagic...)
	e.uint(prefilterVersion)
	e.int(int64(issue.ParserVersion))
	e.b = append(e.b, token...)
	e.uint(uint64(len(keys)))
	for i, k := range keys {
		e.b = append(e.b, k[:]...)
		e.uint(uint64(len(infos[i].han)))
		e.b = append(e.b, infos[i].han...)
		e.uint(uint64(refs[i].n))
		if refs[i].n > 0 {
			e.uint(uint64(refs[i].off))
			e.b = binary.LittleEndian.AppendUint32(e.b, refs[i].crc)
		}
	}
	e.b = appendCRC(e.b)
	p.added = 0
	return safefile.WriteAtomic(p.path, e.b)
}

// saveMaps writes the outlines file name, of this token, with the
// outlines of infos, and returns where each stands in it (none for an
// issue with no outline, or whose record in the file read cannot be
// read). p.mu must be held.
func (p *prefilters) saveMaps(name string, token []byte, infos []*searchInfo) ([]outlineRef, error) {
	w, err := safefile.Create(name)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(mapsMagic)
	bw.Write(token)
	refs := make([]outlineRef, len(infos))
	off := int64(mapsHeaderSize)
	for i, info := range infos {
		b := info.outline
		if b == nil && info.at.n > 0 {
			b = p.maps.read(info.at)
		}
		if len(b) < 4 {
			continue
		}
		bw.Write(b)
		refs[i] = outlineRef{off: off, n: len(b), crc: binary.LittleEndian.Uint32(b[len(b)-4:])}
		off += int64(len(b))
	}
	if err := bw.Flush(); err != nil {
		w.Abort()
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	if err := w.Commit(); err != nil {
		return nil, err
	}
	return refs, nil
}
