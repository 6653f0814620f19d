package shelf

import (
	"encoding/binary"
	"unsafe"

	"dubao/issue"
	"dubao/issue/search"
)

// An issue kept in several text files (one per page) is parsed file by
// file and joined (source.Join), so it has no outline; what a search
// keeps of it instead is a files map: every article of the joined issue,
// with its page, number and the place of its headline and of each of its
// pieces in the files' decoded text. It is made only when every one of
// them is a slice of one file's text (the parser took it as it stood):
// the next search then finds the same matches in the same pieces from
// the text alone (searchFilesMap), with no parse.

// filesMap is the map of an issue of several text files.
type filesMap struct {
	lens []int // each file's decoded text length
	arts []mapArticle
}

// mapArticle is one article of a filesMap.
type mapArticle struct {
	page, n  int
	hash     uint32 // issue.HeadlineHash of the headline
	headline fileRange
	pieces   []fileRange
}

// fileRange is a byte range of the decoded text of one of an issue's
// files.
type fileRange struct{ file, start, end int }

// mapFiles returns the files map of is, joined from files of these
// decoded texts, or nil when a headline or a piece of it is not a slice
// of one of them.
func mapFiles(is *issue.Issue, texts [][]byte) *filesMap {
	m := &filesMap{lens: make([]int, len(texts))}
	for i, t := range texts {
		m.lens[i] = len(t)
	}
	ok := true
	in := func(s string) fileRange {
		for i, t := range texts {
			if off, ok := issue.SliceAt(s, view(t)); ok {
				return fileRange{i, off, off + len(s)}
			}
		}
		ok = false
		return fileRange{}
	}
	for si := range is.Sections {
		sec := &is.Sections[si]
		for a := range sec.Articles {
			art := &sec.Articles[a]
			h := art.Headline()
			ma := mapArticle{page: sec.Page, n: art.N, hash: issue.HeadlineHash(h), headline: in(h)}
			art.EachPiece(func(_ int, p issue.Piece) bool {
				ma.pieces = append(ma.pieces, in(p.Text))
				return ok
			})
			if !ok {
				return nil
			}
			m.arts = append(m.arts, ma)
		}
	}
	return m
}

// searchFilesMap finds the matches of q in the issue e of these decoded
// texts by its files map, as appendHits finds them in the issue parsed
// and joined (their lines made in mem). It reports false when the texts
// are not those the map was made from (another length, another
// headline).
func searchFilesMap(e *Entry, q search.Query, texts [][]byte, m *filesMap, mem *lineMem) ([]Hit, bool) {
	if len(texts) != len(m.lens) {
		return nil, false
	}
	for i, t := range texts {
		if len(t) != m.lens[i] {
			return nil, false
		}
	}
	text := func(r fileRange) string {
		t := texts[r.file]
		return view(t[r.start:r.end])
	}
	hits := mem.hits()
	for k := range m.arts {
		a := &m.arts[k]
		headline := text(a.headline)
		if issue.HeadlineHash(headline) != a.hash {
			return nil, false
		}
		at := Hit{Entry: e, Page: a.page, N: a.n}
		title := func() string { return headline }
		if ps, ok := orderedIn(a.pieces, mem); ok {
			// Of one file, in order: one Finder in its text.
			hits = appendOrdered(hits, &at, title, ps, view(texts[a.pieces[0].file]), &q, -1, mem)
			continue
		}
		for i, r := range a.pieces {
			hits = appendPieceHits(hits, &at, title, i, text(r), q, mem)
		}
	}
	return hits, true
}

// orderedIn returns the ranges of the pieces of an article of a files
// map, when they are all of one file and each starts at or after the
// end of the one before (at least one), in mem (a list of its own when
// mem is nil; reused for the next article).
func orderedIn(pieces []fileRange, mem *lineMem) ([]issue.TextRange, bool) {
	if len(pieces) == 0 {
		return nil, false
	}
	var ps []issue.TextRange
	if mem != nil {
		ps = mem.ranges[:0]
	}
	f, end := pieces[0].file, pieces[0].start
	for _, r := range pieces {
		if r.file != f || r.start < end {
			return nil, false
		}
		end = r.end
		ps = append(ps, issue.TextRange{Start: r.start, End: r.end})
	}
	if mem != nil {
		mem.ranges = ps
	}
	return ps, true
}

// getFileRanges reads len(out) ranges of a files map (each the 2 bytes
// of its file, then its start and end, of w bytes each, little endian)
// from b, as decodeFilesMap's get reads one: each in a file of lens. It
// reports false when one is not (or b is short, or w not a width).
func getFileRanges(out []fileRange, b []byte, w int, lens []int) bool {
	switch w {
	case 2:
		if len(b) < 6*len(out) {
			return false
		}
		rs := unsafe.Slice((*[6]byte)(unsafe.Pointer(unsafe.SliceData(b))), len(out))
		out = out[:len(rs)]
		for i, q := range rs {
			f, start, end := int(binary.LittleEndian.Uint16(q[:])), int(binary.LittleEndian.Uint16(q[2:])), int(binary.LittleEndian.Uint16(q[4:]))
			if uint(f) >= uint(len(lens)) || start > end || end > lens[f] {
				return false
			}
			out[i] = fileRange{f, start, end}
		}
	case 4:
		if len(b) < 10*len(out) {
			return false
		}
		rs := unsafe.Slice((*[10]byte)(unsafe.Pointer(unsafe.SliceData(b))), len(out))
		out = out[:len(rs)]
		for i, q := range rs {
			f, start, end := int(binary.LittleEndian.Uint16(q[:])), int(binary.LittleEndian.Uint32(q[2:])), int(binary.LittleEndian.Uint32(q[6:]))
			// start < 0: an offset past what an int holds (32 bits)
			if uint(f) >= uint(len(lens)) || start < 0 || start > end || end > lens[f] {
				return false
			}
			out[i] = fileRange{f, start, end}
		}
	default:
		return false
	}
	return true
}

// filesMapMark starts an encoded files map (an outline starts with its
// mode, which is less).
const filesMapMark = 0x7ff

// encodeFilesMap writes a files map: its mark, the count of files and
// each one's length, the count of articles and of their pieces, the
// width of the ranges' offsets (rangeWidth of the longest file), then
// for each article its page, number, headline hash (4 bytes), headline
// range and pieces (count and ranges: file, 2 bytes, then start and end,
// of that width each, all little endian); last the CRC-32C of all that.
// A map of more files than 2 bytes count is written so that it does not
// read.
func encodeFilesMap(m *filesMap) []byte {
	var e encoder
	e.uint(filesMapMark)
	e.uint(uint64(len(m.lens)))
	longest := 0
	for _, n := range m.lens {
		e.uint(uint64(n))
		longest = max(longest, n)
	}
	e.uint(uint64(len(m.arts)))
	total := 0
	for _, a := range m.arts {
		total += len(a.pieces)
	}
	e.uint(uint64(total))
	w := rangeWidth(longest)
	if len(m.lens) > 0xFFFF {
		w = 0
	}
	e.b = append(e.b, byte(w))
	put := func(r fileRange) {
		e.b = binary.LittleEndian.AppendUint16(e.b, uint16(r.file))
		e.b = appendFixed(appendFixed(e.b, uint64(r.start), w), uint64(r.end), w)
	}
	for _, a := range m.arts {
		e.int(int64(a.page))
		e.uint(uint64(a.n))
		e.b = binary.LittleEndian.AppendUint32(e.b, a.hash)
		put(a.headline)
		e.uint(uint64(len(a.pieces)))
		for _, r := range a.pieces {
			put(r)
		}
	}
	return appendCRC(e.b)
}

// decodeFilesMap reads what encodeFilesMap wrote; nil when it does not
// read: every range it returns lies in its file's length.
func decodeFilesMap(b []byte) *filesMap {
	return new(outlineMemory).decodeFilesMap(b)
}

// decodeFilesMap is decodeFilesMap in om's memory: the map it returns is
// good until the next decode.
func (om *outlineMemory) decodeFilesMap(b []byte) *filesMap {
	body, ok := splitCRC(b)
	if !ok {
		return nil
	}
	d := decoder{b: body}
	if d.uvarint() != filesMapMark {
		return nil
	}
	m := &om.files
	m.lens = grow(m.lens, d.count(1))
	for i := range m.lens {
		m.lens[i] = d.small(int64(d.uvarint()))
	}
	m.arts = grow(m.arts, d.count(8))
	om.ranges = grow(om.ranges, d.count(6))
	all := om.ranges
	w := 0
	if b := d.bytes(1); b != nil {
		w = int(b[0])
	}
	if w != 2 && w != 4 {
		return nil
	}
	size := 2 + 2*w // of a range
	get := func() fileRange {
		b := d.bytes(size)
		if b == nil {
			return fileRange{}
		}
		f := int(binary.LittleEndian.Uint16(b))
		var start, end int
		if w == 2 {
			start, end = int(binary.LittleEndian.Uint16(b[2:])), int(binary.LittleEndian.Uint16(b[4:]))
		} else {
			start, end = int(binary.LittleEndian.Uint32(b[2:])), int(binary.LittleEndian.Uint32(b[6:]))
		}
		// start < 0: a 4-byte offset past what an int holds (32 bits)
		if f >= len(m.lens) || start < 0 || start > end || end > m.lens[f] {
			d.fail()
			return fileRange{}
		}
		return fileRange{f, start, end}
	}
	for k := range m.arts {
		a := &m.arts[k]
		*a = mapArticle{}
		a.page, a.n = d.small(d.varint()), d.small(int64(d.uvarint()))
		if h := d.bytes(4); h != nil {
			a.hash = binary.LittleEndian.Uint32(h)
		}
		a.headline = get()
		n := d.count(size)
		if n > len(all) {
			d.fail()
		}
		if d.err != nil {
			return nil
		}
		a.pieces, all = all[:n:n], all[n:]
		if !getFileRanges(a.pieces, d.bytes(size*n), w, m.lens) {
			return nil
		}
	}
	if d.err != nil || len(d.rest()) != 0 || len(all) != 0 {
		return nil
	}
	return m
}
