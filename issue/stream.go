package issue

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"dubao/issue/decode"
	"dubao/issue/internal/vec"
)

// StreamOptions tune Stream.
type StreamOptions struct {
	// Name names the source in error messages.
	Name string
	// MaxBytes refuses larger input, as Options.MaxBytes.
	MaxBytes int64
	// PartSize is about the size of the parts the text is parsed in; 0
	// means DefaultPartSize. Tests make it small, so that the text is cut
	// everywhere it can be.
	PartSize int
	// FinalHead holds the sections back until the head is final (its
	// paper, which a byline or a citation anywhere may decide): for a
	// writer that writes the head first (JSON).
	FinalHead bool
	// Reuse lets Stream read later parts into the memory of parts whose
	// sections emit has had, so that it need not be allocated and
	// cleared anew: emit must then be done with its sections when it
	// returns (write them out, keep nothing of them).
	Reuse bool

	// trace, when not nil, is given the second pass (tests: see
	// TestFirstPass).
	trace **streamer
}

// DefaultPartSize is the size of Stream's parts by default.
const DefaultPartSize = 1 << 20

// ErrNotStreamed is returned by Stream, before anything was emitted, for
// input that it cannot read in parts as Parse reads it whole: text that
// decoding changes (another encoding than UTF-8, a byte order mark,
// invalid bytes, a carriage return not before a line feed, control
// characters) and input over the size limit. The caller parses it whole.
// (CRLF lines are streamed: decoding makes them LF lines, and so does
// Stream, part by part.)
var ErrNotStreamed = errors.New("not read in parts")

// Stream parses the issue in the first size bytes of r as Parse would,
// reading it in parts of about PartSize bytes, and hands each part's
// sections to emit as soon as they are final — articles stitched,
// numbered, sections dropped as Parse drops them —, so that only a part
// and the articles waiting for a continuation are in memory. Taken in
// order, the sections emit gets are Parse's Issue.Sections. The head
// emit gets holds the masthead's fields (no Sections); it is final at
// the last call (last true) or, with FinalHead, at every call.
//
// The input is read twice: a first pass finds what the parse of a part
// needs to know of the whole (the share of blank lines, the levels of
// its headings, where pages start, the pages jump lines point to); the
// second parses the text in parts cut before page headings (# 第2版) and
// page lines (第2版 要闻), where the blocks of one part cannot depend on
// the next. What cannot be proven to read as the whole does is read in a
// larger part, at worst the whole text in one.
//
// When ctx is done, Stream stops at the next chunk of the first pass,
// the next part or the next call of emit, whichever comes first, and
// returns ctx.Err(): emit is not called again.
func Stream(ctx context.Context, r io.ReaderAt, size int64, opt StreamOptions, emit func(head *Issue, secs []Section, last bool) error) error {
	name := Options{Name: opt.Name}.name()
	if size > (Options{MaxBytes: opt.MaxBytes}).limit() {
		return ErrNotStreamed
	}
	partSize := opt.PartSize
	if partSize <= 0 {
		partSize = DefaultPartSize
	}
	ps, err := prescanText(ctx, r, size, max(partSize, 64<<10))
	if err != nil {
		if err == ctx.Err() {
			return err
		}
		return fmt.Errorf("read %s: %w", name, err)
	}
	if ps == nil {
		return ErrNotStreamed
	}
	st := &streamer{ctx: ctx, ps: ps, r: r, size: size, name: name, emit: emit, head: &Issue{Encoding: decode.UTF8}, finalHead: opt.FinalHead, reuse: opt.Reuse, heldRef: math.MaxInt}
	st.stitch.removed = map[ref]bool{}
	if opt.trace != nil {
		*opt.trace = st
	}
	return st.run(int64(partSize))
}

// prescan is what the first pass of Stream knows of the whole text.
type prescan struct {
	lines, blank int
	heads        []streamMark // heading lines that are not page lines (Page: the level)
	cuts         []streamCut  // page headings and lines at the start of a line: where parts may start
	indented     []int64      // indented lines that are not blank
	lastPage     map[int]int64
	lastJump     map[int]int64 // the last place of a jump onwards to each page
	lastAnyJump  int64         // the last place of a jump onwards to a page the scan cannot tell, or −1
	lastCite     int64         // the last place where a byline may cite the paper (see scanCites), or −1
	crs          int           // carriage returns (each before a line feed), which the parts drop

	// hits, when not nil, gathers every place scanJumps and scanCites
	// note (tests: see TestFirstPass).
	hits *prescanHits
}

// prescanHits are the places the first pass notes: jumps onwards (Page
// the page, 0 when the scan cannot tell) and possible citations.
type prescanHits struct {
	jumps []streamMark
	cites []int64
}

// streamMark is a place in the text and a number.
type streamMark struct {
	at   int64
	page int
}

// streamCut is a line where a part may start: [at, end) without its '\n'
// (nor its '\r').
type streamCut struct{ at, end int64 }

// prescanText is Stream's first pass: it reads the text in chunks of
// complete lines and returns nil when it is not verbatim UTF-8 (but for
// CRLF lines: see decode.VerbatimCRLF). The places it notes are places
// in the bytes read, carriage returns counted. It returns ctx.Err() when
// ctx is done before a chunk.
func prescanText(ctx context.Context, r io.ReaderAt, size int64, chunk int) (*prescan, error) {
	return prescanHitsText(ctx, r, size, chunk, nil)
}

// prescanHitsText is prescanText that gathers the places it notes in hits
// when hits is not nil.
func prescanHitsText(ctx context.Context, r io.ReaderAt, size int64, chunk int, hits *prescanHits) (*prescan, error) {
	ps := &prescan{lastPage: map[int]int64{}, lastJump: map[int]int64{}, lastAnyJump: -1, lastCite: -1, hits: hits}
	buf := make([]byte, chunk)
	var base int64
	carry := 0
	for base < size {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := r.ReadAt(buf[carry:min(int64(len(buf)), size-base)], base+int64(carry))
		if err != nil && err != io.EOF || n == 0 {
			if err == nil || err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		data := buf[:carry+n]
		end := len(data)
		if base+int64(end) < size {
			k := bytes.LastIndexByte(data, '\n')
			if k < 0 {
				// A line longer than the chunk: grow the buffer.
				buf = append(buf, make([]byte, len(buf))...)
				carry = len(data)
				continue
			}
			end = k + 1
		}
		part := data[:end]
		ok, crs := decode.VerbatimCRLF(part, base == 0)
		if !ok {
			return nil, nil
		}
		ps.crs += crs
		ps.scanLines(part, base)
		ps.scanJumps(part, base)
		ps.scanCites(part, base)
		base += int64(end)
		carry = copy(buf, data[end:])
	}
	return ps, nil
}

// scanLines notes the lines of data (at base in the text).
func (ps *prescan) scanLines(data []byte, base int64) {
	for off := 0; off < len(data); {
		end := len(data)
		next := end
		if k := bytes.IndexByte(data[off:], '\n'); k >= 0 {
			end, next = off+k, off+k+1
			if end > off && data[end-1] == '\r' {
				end-- // a CRLF line: the part drops the '\r'
			}
		}
		raw := unsafe.String(unsafe.SliceData(data[off:]), end-off)
		at := base + int64(off)
		off = next
		ps.lines++
		if len(raw) >= 3 && raw[0] >= 0xE4 && raw[0] <= 0xE9 {
			// Most lines start with a Han character: not blank, not
			// indented, no heading, and no page line unless it is 第 or
			// a numeral (see pageLine).
			if r, _ := utf8.DecodeRuneInString(raw); r != '第' && !isPageDigit(r) {
				continue
			}
		}
		l := newLine(raw)
		t := l.text()
		if t == "" {
			ps.blank++
			continue
		}
		if l.indent() {
			ps.indented = append(ps.indented, at)
		}
		if t[0] == '#' {
			lv, text := headingLevel(t)
			if lv == 0 {
				continue
			}
			var page int
			ok := false
			switch {
			case escapedStart(text):
			case lv == 1:
				page, _, ok = parsePageHeading(text)
			default:
				page, _, ok = parsePageLine(text)
			}
			if !ok {
				ps.heads = append(ps.heads, streamMark{at, lv})
				continue
			}
			ps.page(at, page)
			if raw[0] == '#' {
				ps.cuts = append(ps.cuts, streamCut{at, base + int64(end)})
			}
			continue
		}
		if page, _, ok := parsePageLine(t); ok {
			ps.page(at, page)
			if raw[0] == t[0] && !l.indent() {
				// A page line (第2版 要闻) at the start of its line, which
				// the blocks of the part before it confirm (see part).
				ps.cuts = append(ps.cuts, streamCut{at, base + int64(end)})
			}
		}
	}
}

// page notes a line that may be the page line of page.
func (ps *prescan) page(at int64, page int) {
	ps.lastPage[page] = at
}

// 版 and 》 for vec: the searches of scanJumps and scanCites.
var (
	ban        = vec.NewNeedle3("版")
	closeTitle = vec.NewNeedle3("》")
)

// The characters of a jump onwards (下转, 下轉).
var (
	zhuanS = []byte("转")
	zhuanT = []byte("轉")
)

// jumpMarkup are the bytes that can stand in the text where the parsed
// text has something else or nothing: inline markup (a link's text ends
// with ']', its address with ')') and line breaks, where lines are
// joined into paragraphs — with the carriage return of a CRLF line, which
// the parts drop.
const jumpMarkup = inlineOpeners + inlineClosers + "]\n\r"

// scanJumps notes the jump lines onwards that data may hold, each with
// the page it points to, at the place of its 版: findJumps reads a jump
// line onwards as a 转 (轉) within 30 characters before 版 and its page
// as the number right before 版. Where the 120 bytes before a 版 (30
// characters at least) hold no markup after their last 转, the parsed
// text holds them as they are and the page is read here; where they hold
// markup, the page cannot be told here and any page may be pointed to.
func (ps *prescan) scanJumps(data []byte, base int64) {
	for v := 0; v < len(data); v += len("版") {
		k := ban.IndexBytes(data[v:])
		if k < 0 {
			return
		}
		v += k
		win := data[max(0, v-120):v]
		z := max(bytes.LastIndex(win, zhuanS), bytes.LastIndex(win, zhuanT))
		seg := win
		if z >= 0 {
			seg = win[z+len(zhuanS):]
		}
		at := base + int64(v)
		switch {
		case bytes.ContainsAny(seg, jumpMarkup) || z < 0 && v < 120 && base > 0:
			// (The bytes before data, cut after a line, are not seen.)
			ps.lastAnyJump = max(ps.lastAnyJump, at)
			if ps.hits != nil {
				ps.hits.jumps = append(ps.hits.jumps, streamMark{at, 0})
			}
		case z >= 0:
			if p := pageBefore(unsafe.String(unsafe.SliceData(seg), len(seg))); p > 0 {
				ps.lastJump[p] = max(ps.lastJump[p], at)
				if ps.hits != nil {
					ps.hits.jumps = append(ps.hits.jumps, streamMark{at, p})
				}
			}
		}
	}
}

// scanCites notes the last place in data where a byline may end with a
// citation of the paper that printed it (see splitCitation: 《人民日报》
// （2025年01月02日第 01 版）), which may give the issue its paper and
// date: a 》 followed, after spaces, by an opening bracket, by markup or
// by the end of a line. The spaces are all those the end of a line loses
// (trimRightSpace), not only those the citation's pattern allows: the
// bracket may follow on the next line.
func (ps *prescan) scanCites(data []byte, base int64) {
	for off := 2; off < len(data); off++ {
		// off is the last byte of a 》 (E3 80 8B).
		k := closeTitle.IndexBytes(data[off-2:])
		if k < 0 {
			return
		}
		off += k
		rest := data[off+1:]
		for len(rest) > 0 {
			if rest[0] == ' ' {
				rest = rest[1:]
				continue
			}
			n := spacePrefixLen(unsafe.String(unsafe.SliceData(rest), min(len(rest), 3)))
			if n == 0 {
				break
			}
			rest = rest[n:]
		}
		if len(rest) == 0 || rest[0] == '(' || bytes.HasPrefix(rest, []byte("（")) || bytes.IndexByte([]byte(jumpMarkup), rest[0]) >= 0 {
			ps.lastCite = base + int64(off)
			if ps.hits != nil {
				ps.hits.cites = append(ps.hits.cites, ps.lastCite)
			}
		}
	}
}

// pageAhead reports whether a page line of page may stand at from or
// after it.
func (ps *prescan) pageAhead(page int, from int64) bool {
	at, ok := ps.lastPage[page]
	return ok && at >= from
}

// jumpAfter reports whether a jump onwards to page may stand after at.
func (ps *prescan) jumpAfter(page int, at int64) bool {
	if ps.lastAnyJump > at {
		return true
	}
	j, ok := ps.lastJump[page]
	return ok && j > at
}

// streamer is the second pass of Stream.
type streamer struct {
	ctx  context.Context // done: stop (see Stream)
	ps   *prescan
	r    io.ReaderAt
	size int64
	name string
	emit func(*Issue, []Section, bool) error
	head *Issue

	blankMode   bool
	indentStyle bool
	titleLevel  int
	paperHead   int
	citeDone    bool
	decided     bool        // decide made the whole text's choices (else it was read whole)
	fm          frontMatter // the front matter's fields for the first article
	fmDone      bool        // they went to the first article (or there are none)

	stitch streamStitch
	count  int // articles numbered

	finalHead bool      // hold the sections back until the head is final
	held      []Section // sections held back
	heldRef   int       // the first part the held sections' text is in (MaxInt: none)

	reuse    bool      // read parts into the buffers of parts done with (StreamOptions.Reuse)
	partSize int64     // StreamOptions.PartSize
	parts    int       // parts read
	live     []partBuf // the buffers of the parts whose text may be in use
	free     [][]byte  // buffers no text is in any more
	crAt     []int     // where the part's text lost a carriage return: the place of the '\n' after it (see dropCRs)
}

// send hands sections to emit unless the context is done.
func (st *streamer) send(head *Issue, secs []Section, last bool) error {
	if err := st.ctx.Err(); err != nil {
		return err
	}
	return st.emit(head, secs, last)
}

// partBuf is the buffer of the text of part number part.
type partBuf struct {
	part int
	buf  []byte
}

// run reads and parses the parts.
func (st *streamer) run(partSize int64) error {
	st.partSize = partSize
	var start int64
	first := true
	for start < st.size {
		want := partSize
		for {
			if err := st.ctx.Err(); err != nil {
				return err
			}
			end, sentEnd := st.cutAfter(start, start+want)
			if first && end >= st.size {
				return st.whole()
			}
			buf, err := st.read(start, sentEnd)
			if err != nil {
				return err
			}
			buf = st.dropCRs(buf)
			text := unsafe.String(unsafe.SliceData(buf), len(buf))
			ok, err := st.part(text, start, end, first, sentEnd > end)
			if err != nil {
				return err
			}
			if ok {
				st.live = append(st.live, partBuf{st.parts, buf})
				st.parts++
				st.release()
				start = end
				break
			}
			if st.reuse {
				st.free = append(st.free, buf) // nothing of a part read again is kept
			}
			if end >= st.size {
				return fmt.Errorf("%s: the last part of the text did not read as a whole", st.name)
			}
			want *= 2
		}
		first = false
	}
	return st.flush(true)
}

// cutAfter returns the first place where a part may start at or after
// from (the size at the end) and the end of that line (the sentinel the
// part is parsed with).
func (st *streamer) cutAfter(start, from int64) (int64, int64) {
	cuts := st.ps.cuts
	lo, hi := 0, len(cuts)
	for lo < hi {
		m := (lo + hi) / 2
		if cuts[m].at < from || cuts[m].at <= start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(cuts) {
		return st.size, st.size
	}
	return cuts[lo].at, cuts[lo].end
}

// read reads the text in [from, to) into a buffer of its own: a free
// one when it is large enough and Reuse allows.
func (st *streamer) read(from, to int64) ([]byte, error) {
	var buf []byte
	if st.reuse {
		for i, b := range st.free {
			if int64(cap(b)) >= to-from {
				buf = b[:to-from]
				st.free = append(st.free[:i], st.free[i+1:]...)
				break
			}
		}
	}
	if buf == nil && st.reuse {
		// Room to spare, so that the buffer fits the next parts too:
		// they are cut at the first page after PartSize bytes.
		buf = make([]byte, to-from, max(to-from, st.partSize+st.partSize/2))
	}
	if buf == nil {
		buf = make([]byte, to-from)
	}
	if n, err := st.r.ReadAt(buf, from); n < len(buf) {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("read %s: %w", st.name, err)
	}
	return buf, nil
}

// dropCRs takes the carriage returns out of buf, a part read, in its own
// memory — each stands before a line feed (see prescanText), and decoding
// drops it (CRLF lines become LF lines) — and notes where each was in
// st.crAt.
func (st *streamer) dropCRs(buf []byte) []byte {
	st.crAt = st.crAt[:0]
	if st.ps.crs == 0 {
		return buf
	}
	w := 0
	for r := 0; ; {
		k := bytes.IndexByte(buf[r:], '\r')
		if k < 0 {
			w += copy(buf[w:], buf[r:])
			break
		}
		w += copy(buf[w:], buf[r:r+k])
		st.crAt = append(st.crAt, w)
		r += k + 1
	}
	return buf[:w]
}

// textPlace returns the place in the input of the byte at off in the text
// of the part that starts at start: off and the carriage returns the text
// lost before it.
func (st *streamer) textPlace(start int64, off int) int64 {
	n, _ := slices.BinarySearch(st.crAt, off)
	return start + int64(off+n)
}

// release frees the buffers of the parts that no section waiting or held
// back has text in, but the first part's (the head's text is in it).
func (st *streamer) release() {
	if !st.reuse {
		st.live = st.live[:0]
		return
	}
	first := st.stitch.firstRef()
	if len(st.held) > 0 {
		first = min(first, st.heldRef)
	}
	live := st.live[:0]
	for _, b := range st.live {
		if b.part > 0 && b.part < first {
			if len(st.free) < 4 {
				st.free = append(st.free, b.buf)
			}
			continue
		}
		live = append(live, b)
	}
	st.live = live
}

// whole parses the whole text at once: it is one part.
func (st *streamer) whole() error {
	buf, err := st.read(0, st.size)
	if err != nil {
		return err
	}
	is, err := ParseOwned(buf, Options{Name: st.name})
	if err != nil {
		return err
	}
	head := *is
	head.Sections = nil
	return st.send(&head, is.Sections, true)
}

// part parses the text of one part, [start, end) and with sentinel the
// page line after it (the first line of the next part). It returns false
// when the part must be read longer: its blocks may depend on what
// follows, or (first) the choices the whole text makes are not decided.
func (st *streamer) part(text string, start, end int64, first, sentinel bool) (bool, error) {
	lines := splitLines(text)
	head, from := st.head, 0
	if first {
		if oldArchiveFirst(lines) {
			return false, nil // the archive form is read whole
		}
		// Front matter: the issue's fields, and the first article's.
		head = &Issue{Encoding: decode.UTF8}
		fp := &parser{is: head}
		from = fp.frontMatter(lines)
		if from == 0 && len(lines) > 0 && lines[0].raw == "---" && len(lines) <= maxFrontMatter+1 && end < st.size {
			return false, nil // its end may lie after the part
		}
		st.fm = fp.fm
		blank := 0
		for i := range lines[:from] {
			if lines[i].text() == "" {
				blank++
			}
		}
		st.blankMode = (st.ps.blank-blank)*3 >= st.ps.lines-from
	}
	bk := blocker{lines: lines, blankMode: st.blankMode, inline: true}
	blocks := bk.run(from)
	if bk.reachedEnd && end < st.size {
		return false, nil
	}
	if sentinel {
		n := len(blocks)
		if n == 0 || blocks[n-1].kind != bPage || int(blocks[n-1].line) != len(lines)-1 {
			return false, nil
		}
	}
	if first && !st.decide(blocks, end) {
		return false, nil
	}
	st.head = head
	p := &parser{is: head, paperHead: -1, blankMode: st.blankMode, indentStyle: st.indentStyle, titleLevel: st.titleLevel}
	p.lines = lines
	walk := blocks
	if sentinel {
		walk = blocks[:len(blocks)-1]
	}
	start0 := 0
	if first {
		p.paperHead = st.paperHead
		start0 = p.masthead(walk)
	}
	if p.titleLevel > 0 {
		p.walkHeadings(walk, start0)
	} else {
		p.walkPlain(walk, start0)
	}
	// The front matter's title and author go to the first article of
	// the issue, in whichever part it is.
	if !st.fmDone {
		p.fm = st.fm
	}
	for _, s := range p.secs {
		st.fmDone = st.fmDone || len(s.arts) > 0
	}
	// The part's sections are built in head.Sections and taken out (the
	// head emitted holds none).
	p.kept = []*draft{}
	head.Sections = nil
	cite := !st.citeDone
	st.citeDone = p.buildDrafts(cite, false) || st.citeDone
	secs := head.Sections
	head.Sections = nil
	if cite {
		// The paper a citation gives is text of this part.
		head.Paper = strings.Clone(head.Paper)
	}
	// Where each article kept starts in the text.
	base := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	starts := make([]int64, len(p.kept))
	for i, d := range p.kept {
		starts[i] = start
		if d.blk < len(walk) && int(walk[d.blk].line) < len(lines) {
			if raw := lines[walk[d.blk].line].raw; raw != "" {
				starts[i] = st.textPlace(start, int(uintptr(unsafe.Pointer(unsafe.StringData(raw)))-base))
			}
		}
	}
	st.stitch.add(secs, starts, st.parts)
	st.stitch.frontier = end
	st.stitch.citeAhead = !st.citeDone && st.ps.lastCite >= end
	return true, st.flush(end >= st.size)
}

// oldArchiveFirst reports text whose first line that is not blank starts
// as the archive form's (### decks): it is read whole.
func oldArchiveFirst(lines []lineInfo) bool {
	for i := range lines {
		if t := lines[i].text(); t != "" {
			return len(lines[i].raw) >= 4 && lines[i].raw[:4] == "### "
		}
	}
	return false
}

// decide makes the choices the parse of the whole text makes for all of
// it (see parser.analyse) from the blocks of the first part, which end
// at end, when the rest of the text cannot change them; else it returns
// false.
func (st *streamer) decide(blocks []block, end int64) bool {
	p := &parser{is: &Issue{}, paperHead: -1}
	p.analyse(blocks)
	// Indented paragraphs: decided by the first indentSample long ones.
	long, indented := longParagraphs(blocks)
	if long < indentSample {
		budget := indentSample - long
		more := 0 // indented lines after the part: at most that many more indented paragraphs
		for i := len(st.ps.indented) - 1; i >= 0 && st.ps.indented[i] >= end && more < budget; i-- {
			more++
		}
		// The rest may add up to budget long paragraphs, up to more of
		// them indented: indentStyle, a share, is highest when more
		// indented ones come and nothing else, lowest when budget
		// others come.
		never := !indentStyle(long+more, indented+more)
		always := indentStyle(long+budget, indented)
		if !never && !always {
			return false
		}
	}
	// Headings: the rest holds, of each level, at most as many as the
	// first pass found there; the choices must come out the same
	// whatever it holds (the levels present and whether a second
	// level-1 heading comes are what they depend on: analyse).
	var cand [7]int
	var levels []int
	for _, h := range st.ps.heads {
		if h.at >= end {
			if cand[h.page] == 0 {
				levels = append(levels, h.page)
			}
			cand[h.page]++
		}
	}
	if len(levels) > 0 && !slices.ContainsFunc(blocks, func(b block) bool { return b.kind == bHeading }) {
		return false // the first heading is in the rest
	}
	for mask := 1; mask < 1<<len(levels); mask++ {
		var more [7]int
		for i, lv := range levels {
			if mask&(1<<i) != 0 {
				more[lv] = 1
			}
		}
		tries := [][7]int{more}
		if more[1] == 1 && cand[1] >= 2 {
			more[1] = 2
			tries = append(tries, more)
		}
		for _, m := range tries {
			q := &parser{is: &Issue{}, paperHead: -1}
			q.analyseMore(blocks, m)
			if q.titleLevel != p.titleLevel || q.paperHead != p.paperHead {
				return false
			}
		}
	}
	st.indentStyle, st.titleLevel, st.paperHead = p.indentStyle, p.titleLevel, p.paperHead
	st.decided = true
	return true
}

// flush hands the sections that are final to emit; at the end (eof),
// all of them.
func (st *streamer) flush(eof bool) error {
	sc := &st.stitch
	secs, ref := sc.ready(st.ps, eof)
	st.count = normaliseSections(secs, st.count)
	if eof && st.count == 0 {
		return fmt.Errorf("%s: %w", st.name, ErrNoArticles)
	}
	final := eof || st.headFinal()
	if final && st.head.Paper == "" {
		st.head.Paper = derivePaperFrom(st.head, sc.bylinePaper)
	}
	if st.finalHead && (!final || st.count == 0) {
		// Held until the head is final and an article is in (an issue
		// of none is an error, with nothing written).
		st.held = append(st.held, secs...)
		st.heldRef = min(st.heldRef, ref)
		return nil
	}
	if len(st.held) > 0 {
		secs, st.held, st.heldRef = append(st.held, secs...), nil, math.MaxInt
	}
	if len(secs) == 0 && !eof {
		return nil
	}
	return st.send(st.head, secs, eof)
}

// headFinal reports whether the head can no longer change: no citation
// can come that gives the paper or the date, and the paper is known.
func (st *streamer) headFinal() bool {
	if !st.citeDone && st.ps.lastCite >= st.stitch.frontier {
		return false
	}
	return st.head.Paper != "" || paperFromPublisher(st.head.Publisher) != "" || st.stitch.bylinePaper != ""
}

// derivePaperFrom is derivePaper with the first paper a byline names
// given.
func derivePaperFrom(is *Issue, byline string) string {
	if p := paperFromPublisher(is.Publisher); p != "" {
		return p
	}
	return byline
}

// streamStitch stitches continuations (see stitch) over the sections
// read so far, in the order stitch does: an article is done when the
// pages its jump onwards points to are read in full, and, when it could
// be the continuation of a later article, when no later jump line can
// point to its page. The sections before the first article not done are
// final.
type streamStitch struct {
	secs     []Section
	starts   [][]int64    // where each article of secs starts in the text
	refs     []int        // the first part whose text each of secs holds
	removed  map[ref]bool // continuations stitched on (indices into secs)
	any      bool         // something was stitched
	cs, ca   int          // the article being stitched
	hops     int          // continuations stitched onto it so far
	shifted  int          // sections handed out before secs
	frontier int64        // the text before it is read
	// citeAhead: the issue's first citation may lie past the frontier,
	// and give a page line of page 0 there the page it cites (see
	// applyCitation).
	citeAhead bool
	// bylinePaper is the paper the first byline handed out names.
	bylinePaper string
}

// add appends the sections of part number part and the places of their
// articles.
func (sc *streamStitch) add(secs []Section, starts []int64, part int) {
	for _, s := range secs {
		sc.secs = append(sc.secs, s)
		sc.refs = append(sc.refs, part)
		sc.starts = append(sc.starts, starts[:len(s.Articles)])
		starts = starts[len(s.Articles):]
	}
}

// firstRef is the first part whose text the sections not handed out
// hold (MaxInt: none).
func (sc *streamStitch) firstRef() int {
	first := math.MaxInt
	for _, r := range sc.refs {
		first = min(first, r)
	}
	return first
}

// ready stitches what it can and returns the sections that are final,
// and the first part whose text they hold.
func (sc *streamStitch) ready(ps *prescan, eof bool) ([]Section, int) {
	win := &Issue{Sections: sc.secs}
	for sc.cs < len(sc.secs) {
		sec := &sc.secs[sc.cs]
		if sc.ca >= len(sec.Articles) {
			sc.cs, sc.ca, sc.hops = sc.cs+1, 0, 0
			continue
		}
		if sc.removed[ref{sc.cs, sc.ca}] {
			sc.ca, sc.hops = sc.ca+1, 0
			continue
		}
		art := &sec.Articles[sc.ca]
		total := sc.shifted + len(sc.secs)
		wait := false
		for {
			if sc.hops >= total {
				wait = !eof // more sections may allow more
				break
			}
			to, ok := jumpOnwards(win, sc.cs, sc.ca)
			if !ok {
				break
			}
			if !eof && (ps.pageAhead(to.Page, sc.frontier) || sc.citeAhead && ps.pageAhead(0, sc.frontier)) {
				wait = true
				break
			}
			r, ok := stitchNext(win, sc.cs, sc.ca, sc.removed)
			if !ok {
				break
			}
			sc.refs[sc.cs] = min(sc.refs[sc.cs], sc.refs[r.s])
			sc.any = true
			sc.hops++
		}
		if wait {
			break
		}
		if !eof && mayContinue(art) && ps.jumpAfter(sec.Page, sc.starts[sc.cs][sc.ca]) {
			break
		}
		sc.ca, sc.hops = sc.ca+1, 0
	}
	// The sections before the cursor are final.
	n := sc.cs
	if eof {
		n = len(sc.secs)
	}
	var out []Section
	k := 0
	for ; k < n; k++ {
		sec, keep := unstitched(sc.secs[k], k, sc.removed)
		if !keep {
			// stitch drops such a page (it held only continuations, or
			// only repeats) when anything was stitched at all.
			if !sc.any && !eof {
				break
			}
			if sc.any {
				continue
			}
		}
		for a := range sec.Articles {
			if sc.bylinePaper == "" {
				sc.bylinePaper = strings.Clone(paperFromByline(sec.Articles[a].Byline))
			}
		}
		out = append(out, sec)
	}
	outRef := math.MaxInt
	for _, r := range sc.refs[:k] {
		outRef = min(outRef, r)
	}
	// Drop the sections handed out; the indices into secs move.
	if k > 0 {
		sc.refs = append(sc.refs[:0:0], sc.refs[k:]...)
		sc.secs = append(sc.secs[:0:0], sc.secs[k:]...)
		sc.starts = append(sc.starts[:0:0], sc.starts[k:]...)
		removed := map[ref]bool{}
		for r := range sc.removed {
			if r.s >= k {
				removed[ref{r.s - k, r.a}] = true
			}
		}
		sc.removed = removed
		sc.cs -= k
		sc.shifted += k
	}
	return out, outRef
}

// mayContinue reports an article that a later one could take as its
// continuation (see findContinuation): it opens with a jump back and has
// no kicker, subtitle or byline of its own.
func mayContinue(a *Article) bool {
	_, ok := headJump(a)
	return ok && a.Kicker == "" && a.Subtitle == "" && a.Byline == ""
}
