package issue

import "unsafe"

// arena hands out the drafts of one parse and the room for their
// paragraphs from shared chunks, so that an issue of thousands of
// articles costs a few allocations instead of several per article.
//
// Drafts are filled one after the other (only the article being read
// gets paragraphs), so the draft made last may grow into the whole rest
// of the paragraph chunks; when the next draft is made, the last one's
// slices are capped at their length, and any later append to them
// (stitching) copies them out instead of writing over its successor.
type arena struct {
	drafts []draft  // chunk of drafts; len is how many are handed out
	paras  []string // chunk of paragraph room; len is how much is taken
	indent []bool   // parallel to paras
	open   *draft   // the draft whose slices run to the end of the chunks
}

// The chunk sizes: small issues stay small, large ones allocate rarely.
const (
	minDraftChunk = 16
	maxDraftChunk = 1024
	minParaChunk  = 64
	maxParaChunk  = 8192
)

// draft returns a new zero draft whose paragraph slices have the rest of
// the current chunks as their capacity.
func (m *arena) draft() *draft {
	m.close()
	if len(m.drafts) == cap(m.drafts) {
		m.drafts = make([]draft, 0, min(max(2*cap(m.drafts), minDraftChunk), maxDraftChunk))
	}
	m.drafts = m.drafts[:len(m.drafts)+1]
	d := &m.drafts[len(m.drafts)-1]
	if cap(m.paras)-len(m.paras) < minParaChunk {
		n := min(max(2*cap(m.paras), minParaChunk), maxParaChunk)
		m.paras, m.indent = make([]string, 0, n), make([]bool, 0, n)
	}
	d.a.Paragraphs = m.paras[len(m.paras):len(m.paras)]
	d.indent = m.indent[len(m.indent):len(m.indent)]
	m.open = d
	return d
}

// close caps the slices of the open draft and takes the room its
// paragraphs use out of the chunks.
func (m *arena) close() {
	d := m.open
	if d == nil {
		return
	}
	m.open = nil
	m.paras = take(m.paras, d.a.Paragraphs)
	m.indent = take(m.indent, d.indent)
	d.a.Paragraphs = d.a.Paragraphs[:len(d.a.Paragraphs):len(d.a.Paragraphs)]
	d.indent = d.indent[:len(d.indent):len(d.indent)]
}

// reset makes the arena's last chunks ready for another parse, which
// reuses them: every draft and paragraph handed out is cleared. What the
// parse made of them must no longer be read.
func (m *arena) reset() {
	clear(m.drafts)
	clear(m.paras[:cap(m.paras)])
	m.drafts, m.paras, m.indent, m.open = m.drafts[:0], m.paras[:0], m.indent[:0], nil
}

// take returns chunk with the elements of used taken, when used is the
// start of the chunk's free room (and not a copy that outgrew it).
func take[T any](chunk, used []T) []T {
	if len(used) > 0 && cap(chunk) > len(chunk) && unsafe.SliceData(used) == unsafe.SliceData(chunk[len(chunk):]) {
		return chunk[:len(chunk)+len(used)]
	}
	return chunk
}
