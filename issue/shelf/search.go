package shelf

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"dubao/issue"
	"dubao/issue/decode"
	"dubao/issue/search"
	"dubao/issue/source"
)

// Hit is one match of a search across the shelf.
type Hit struct {
	Entry *Entry
	Page  int    // the page (版) of the article, 0 if unknown
	N     int    // the article's number in its issue (as `dubao list` numbers it)
	Title string // the article's title
	// Line is the text around the match on one line (the sentence, cut
	// with … when long), and Match the byte range of the match in it.
	Line  string
	Match [2]int
	// Pos is where the match starts in the article (see issue.Pos), so the
	// reader can open the article at the match.
	Pos issue.Pos
}

// Batch is what a search found in one issue.
type Batch struct {
	Entry *Entry
	Hits  []Hit // in article order; none when the issue has no match
	// Err is set when the issue could not be read (the search goes on).
	Err error
	// Done is the number of issues searched so far (this one included),
	// out of Total.
	Done, Total int
	// Limited is set on the last batch when the search stopped at
	// SearchOptions.Limit hits.
	Limited bool
	// Lines is what SearchOptions.Lines made of the issue's hits (then
	// Hits is empty), and NLines how many of them made something.
	Lines  []byte
	NLines int
	// back takes Lines back (Release), once for every copy of the
	// batch.
	back *linesBack
}

// linesBack is where a batch's lines go back to the search: shared by
// the batch's copies, so that only the first Release of one hands them
// back.
type linesBack struct {
	free chan<- []byte
	done atomic.Bool
}

// Release hands b.Lines back to the search, which makes a later batch's
// lines in their memory: call it once done with them (and with every
// copy of b), or never. b.Lines is nil then. Releasing b again, or a
// copy of it, does nothing: the memory is never handed to two batches
// at once.
func (b *Batch) Release() {
	if k := b.back; k != nil && cap(b.Lines) > 0 && k.done.CompareAndSwap(false, true) {
		select {
		case k.free <- b.Lines[:0]:
		default: // enough kept
		}
	}
	b.Lines, b.back = nil, nil
}

// SearchOptions tune a search.
type SearchOptions struct {
	// Workers is the number of issues searched in parallel; 0 means
	// GOMAXPROCS.
	Workers int
	// Limit stops the search after this many hits; 0 means no limit.
	// With Lines, it counts the hits that made something, and the
	// search stops after the issue that reaches it (its lines not cut).
	Limit int
	// Lines, when set, gives each worker a LineMaker, which makes the
	// text of each hit as it is found, in the batch's Lines, instead of
	// a Hit of each in its Hits: a caller that only writes the hits out
	// (dubao search) spares their copies.
	Lines func() LineMaker
}

// A LineMaker makes the text of a search's hits (SearchOptions.Lines).
type LineMaker interface {
	// AppendHit appends to b what h makes (a line, or nothing) and
	// returns it. b holds what AppendHit returned for the hits of the
	// issue before h (none when h.First). h and its strings are only
	// valid during the call.
	AppendHit(b []byte, h *HitText) []byte
	// EndIssue returns the issue's text, given what AppendHit made of
	// its hits (b, not empty), once they are all made.
	EndIssue(b []byte) []byte
}

// HitText is a hit as a LineMaker gets it: the fields of its Hit, its
// Line appended where the maker wants it (AppendLine).
type HitText struct {
	Entry *Entry
	Page  int
	N     int
	Title string // valid only during the AppendHit call
	Match [2]int // of the match in the Line
	Pos   issue.Pos
	First bool // the first hit of its issue
	// Article is set on the first hit of each article (and of each
	// issue): Page, N and Title are those of the hit before when it is
	// not.
	Article bool

	text        string // the piece
	from, to    int    // the snippet's bounds in it
	lead, trail bool   // cut there (…)
}

// TextOf returns the hit h as a LineMaker gets it, the first of its
// issue or not (and of its article: Article set), its Line a text of
// its own (for a LineMaker's tests).
func TextOf(h *Hit, first bool) *HitText {
	return &HitText{Entry: h.Entry, Page: h.Page, N: h.N, Title: h.Title, Match: h.Match, Pos: h.Pos,
		First: first, Article: true, text: h.Line, to: len(h.Line)}
}

// AppendLine appends the hit's Line (Hit.Line) to b.
func (h *HitText) AppendLine(b []byte) []byte {
	if h.lead {
		b = append(b, "…"...)
	}
	b = appendOneLine(b, h.text[h.from:h.to])
	if h.trail {
		b = append(b, "…"...)
	}
	return b
}

// AppendText appends the hit's Line to b as its text has it: as
// AppendLine does, but with any tab, line feed or carriage return kept
// where AppendLine writes a space (OneLine makes it the Line), for a
// maker that looks at the bytes it writes anyway.
func (h *HitText) AppendText(b []byte) []byte {
	if h.lead {
		b = append(b, "…"...)
	}
	b = append(b, h.text[h.from:h.to]...)
	if h.trail {
		b = append(b, "…"...)
	}
	return b
}

// OneLine makes b, what HitText.AppendText appended, the hit's Line
// (what AppendLine appends): each tab, line feed and carriage return a
// space.
func OneLine(b []byte) {
	for i, c := range b {
		switch c {
		case '\t', '\n', '\r':
			b[i] = ' '
		}
	}
}

// snippetRunes is how far Hit.Line reaches on each side of a match.
const snippetRunes = 24

// Search looks for q in the titles and bodies of every issue, newest first,
// and streams what it finds: one Batch per issue, in shelf order, sent as
// soon as that issue and those before it are done. Issues are read and
// parsed by parallel workers, and only when their decoded text holds a
// match. The channel is closed when the search is complete or ctx is
// cancelled; every goroutine of the search has ended by then. Cancel ctx to
// stop early (the caller must cancel or drain the channel).
//
// On a shelf from OpenKnown, each issue's files are checked as they are
// read (those of an issue not read, or whose search fails, by a stat),
// and an issue with one changed sends no hits: at the first file changed
// since the index was made, the shelf is scanned anew (Scan) and the
// search goes on in it with the issues not sent yet. (An issue whose
// file was rewritten in place so that its date or paper changed may then
// come out of order: its new place may be among the issues already sent.)
func (s *Shelf) Search(ctx context.Context, q search.Query, opt SearchOptions) <-chan Batch {
	out := make(chan Batch, searchAhead)
	go func() {
		defer close(out)
		sent := map[string]bool{} // by filesKey, when s is known
		hits := 0
		send := func(b Batch) bool {
			if s.known != nil && b.Entry != nil {
				sent[filesKey(b.Entry)] = true
			}
			hits += len(b.Hits) + b.NLines
			select {
			case out <- b:
				return true
			case <-ctx.Done():
				return false
			}
		}
		if !s.search(ctx, q, opt, nil, send) || s.known == nil || ctx.Err() != nil {
			return
		}
		scanOpt := s.opt
		scanOpt.Walking, scanOpt.Progress = nil, nil
		fresh, err := Scan(ctx, s.Dir, scanOpt)
		if err != nil {
			send(Batch{Err: err, Total: len(s.Issues)})
			return
		}
		rest := opt // its lines made by opt.Lines too
		rest.Limit -= hits
		if opt.Limit > 0 && rest.Limit <= 0 {
			return
		}
		before := len(sent)
		fresh.search(ctx, q, rest, func(e *Entry) bool { return sent[filesKey(e)] }, func(b Batch) bool {
			b.Done, b.Total = b.Done+before, b.Total+before
			return send(b)
		})
	}()
	return out
}

// searchAhead is how many batches Search's channel holds.
const searchAhead = 64

// searchWindow is how many issues, per worker, the search's workers may
// run ahead of the batches it has sent.
const searchWindow = 4

// filesKey identifies an issue by the paths of its files.
func filesKey(e *Entry) string {
	var b strings.Builder
	for _, f := range e.Files {
		b.WriteString(f.Path)
		b.WriteByte(0)
	}
	return b.String()
}

// search runs Search on s, leaving out the issues skip reports (nil: none),
// and sends each batch with send, which reports false when the search must
// end. It returns true when it stopped at an issue of a known shelf whose
// files changed (nothing of it was sent), and once every goroutine it
// started has ended.
func (s *Shelf) search(ctx context.Context, q search.Query, opt SearchOptions, skip func(*Entry) bool, send func(Batch) bool) (changed bool) {
	workers := opt.Workers
	if workers <= 0 {
		workers = s.opt.workers()
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	issues := s.Issues
	if skip != nil {
		issues = make([]*Entry, 0, len(s.Issues))
		for _, e := range s.Issues {
			if !skip(e) {
				issues = append(issues, e)
			}
		}
	}
	if q.Empty() {
		issues = nil
	}
	// Each worker takes the next issue no one has taken (next), in shelf
	// order, and puts what it found in that issue's slot, slots[i%len],
	// where the loop below takes the results in order. A worker takes an
	// issue only with a ticket, which the loop hands back once it has
	// sent the batch of an issue: the workers run at most len(slots)
	// issues ahead of the loop, so an issue's slot is empty when it is
	// taken. No goroutine hands the issues out: a worker waits only when
	// it is that far ahead, not for each issue (on two cores, handing
	// out each issue cost the workers a fifth of their time).
	slots := make([]chan result, searchWindow*workers)
	tickets := make(chan struct{}, len(slots))
	for i := range slots {
		slots[i] = make(chan result, 1)
		tickets <- struct{}{}
	}
	var next atomic.Int64
	// Until a batch with something in it has been sent (found), a
	// worker that fills the slot the loop waits for (waited) lets the
	// loop, and the consumer after it, run at once: on two cores busy
	// with the workers they would otherwise run only once a worker
	// waits for a ticket, and the first lines would wait for the
	// window's issues.
	var waited atomic.Int64
	var found atomic.Bool
	pf := loadPrefilters(s)
	needs := q.Needs()
	fs := openFiles(s)
	defer fs.close() // once every worker is done (deferred before wg.Wait)
	// The batches' lines the consumer hands back (Batch.Release): as
	// many as may be on their way to it at once.
	free := make(chan []byte, len(slots)+workers+searchAhead)
	for range workers {
		wg.Go(func() {
			var bufs source.Buffers
			var mem lineMem // the hits' lines
			if opt.Lines != nil {
				mem.maker, mem.free = opt.Lines(), free
			}
			var outlines outlineMemory
			for {
				select {
				case <-tickets:
				case <-ctx.Done():
					return
				}
				i := int(next.Add(1) - 1)
				if i >= len(issues) {
					return
				}
				e := issues[i]
				r := result{b: Batch{Entry: e}}
				if ctx.Err() == nil {
					r.b.Hits, r.b.Err = s.searchEntrySafe(e, q, needs, pf, fs, &bufs, &outlines, &mem)
					// (None when the issue failed: what it made is dropped.)
					if lines, n := mem.takeLines(); r.b.Err == nil {
						r.b.Lines, r.b.NLines = lines, n
						if cap(lines) > 0 {
							r.b.back = &linesBack{free: free}
						}
					}
					if r.b.Err == errChanged {
						r.b, r.changed = Batch{Entry: e}, true
					}
				}
				slots[i%len(slots)] <- r
				if !found.Load() && int64(i) == waited.Load() {
					runtime.Gosched()
				}
			}
		})
	}
	// The prefilters this search made are kept for the next one, once
	// every worker is done.
	defer func() {
		_ = pf.save(s)
		pf.close()
	}()
	defer wg.Wait()
	defer cancel()
	hits := 0
	for i := range issues {
		var r result
		waited.Store(int64(i))
		select {
		case r = <-slots[i%len(slots)]:
		case <-ctx.Done():
			return false
		}
		if r.changed {
			return true
		}
		b := r.b
		b.Done, b.Total = i+1, len(issues)
		if opt.Limit > 0 && hits+len(b.Hits)+b.NLines >= opt.Limit {
			if b.NLines == 0 {
				b.Hits = b.Hits[:opt.Limit-hits]
			}
			b.Limited = true
		}
		hits += len(b.Hits) + b.NLines
		if len(b.Hits)+b.NLines > 0 || b.Err != nil {
			found.Store(true)
		}
		if !send(b) || b.Limited {
			return false
		}
		tickets <- struct{}{} // the issue's slot is free
	}
	return false
}

// result is what a search worker found of one issue: its batch, or that
// its files changed (see Search).
type result struct {
	b       Batch
	changed bool
}

// searchEntry searches one issue. Its files are decoded and checked for a
// match first; only an issue with one is parsed and searched article by
// article. The check is on the raw text, where the query's folding also
// skips spaces and line breaks, so it passes every issue whose articles
// can match (bar a match across markup that search.Query.Loose does not
// pass over).
//
// On a known shelf (OpenKnown), errChanged tells that a file of e is not
// the one indexed: its files are checked as they are read (fs.read), and
// all of them when the issue is not read, or when it fails (as they were
// before it was searched).
func (s *Shelf) searchEntrySafe(e *Entry, q search.Query, needs [][]rune, pf *prefilters, fs *files, bufs *source.Buffers, outlines *outlineMemory, mem *lineMem) (hits []Hit, err error) {
	defer func() {
		if p := recover(); p != nil {
			*bufs = source.Buffers{} // in whatever state the panic left them
			*outlines = outlineMemory{}
			hits, err = nil, fmt.Errorf("%s: dubao failed searching it (a bug: %v)", e.Path(), p)
		}
		if err != nil && err != errChanged && s.known != nil && !s.known.unchangedEntry(e) {
			hits, err = nil, errChanged
		}
	}()
	hits, err = s.searchEntry(e, q, needs, pf, fs, bufs, outlines, mem)
	return mem.own(hits), err
}

// searchEntry searches the issue e: not at all when its prefilter (in
// pf) says it lacks a character q needs (see search.Query.Needs); else
// its files are read, and its prefilter made from their text when it is
// not known (for text files only: the text of a web page or an EPUB is
// not the one read from its bytes). An issue whose text holds a match is
// parsed — only the articles where the match may be when its outline is
// known (see searchOutlined), else whole, which makes its outline. The
// hits' lines and titles are made in mem.
func (s *Shelf) searchEntry(e *Entry, q search.Query, needs [][]rune, pf *prefilters, fs *files, bufs *source.Buffers, outlines *outlineMemory, mem *lineMem) ([]Hit, error) {
	id := e.key()
	knownHan := pf.han(id)
	if !knownHan.mayMatch(needs) {
		if s.known != nil && !s.known.unchangedEntry(e) {
			return nil, errChanged
		}
		return nil, nil
	}
	if knownHan != nil {
		// Only the forms of the query's first character that the issue
		// holds are looked for (发展: not 發 and 髮 in Simplified text).
		q = q.Narrowed(knownHan.holds)
	}
	var han *hanBits
	if knownHan == nil && id != (keySum{}) && !e.day {
		han = new(hanBits)
	}
	// The text before it is parsed still has its markup: 云**岭** may
	// be a match.
	loose := q.Loose()
	texts := make([][]byte, len(e.Files))
	raws := make([][]byte, len(e.Files))
	match := false
	var first *search.Finder // of the first file: searchOutlined goes on with it
	for i, f := range e.Files {
		// The file's name, for a message: made only for one.
		name := func() string { return filepath.Join(s.Dir, filepath.FromSlash(f.Path)) }
		data, err := fs.read(bufs, i, f)
		if err == errChanged {
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name(), err)
		}
		if source.IsEPUB(data) {
			// Compressed: searched once parsed.
			raws[i], match, han = data, true, nil
			continue
		}
		text, err := s.decode(f, data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name(), err)
		}
		texts[i], raws[i] = text, data
		if han != nil {
			if s.textFormat(data) {
				han.add(text)
			} else {
				han = nil
			}
		}
		if !match {
			f := loose.In(view(text))
			start, _ := f.Next(0)
			match = start >= 0
			if i == 0 {
				first = f
			}
		}
	}
	var made hanSet
	if han != nil {
		made = han.set()
	}
	if !match {
		pf.put(id, made, nil)
		return nil, nil
	}
	// One text file, its page not given by its name: it can be read
	// article by article.
	single := e.folder == "" && !e.day && len(e.Files) == 1 && e.Files[0].Page == 0 && texts[0] != nil && s.textFormat(raws[0])
	// The outline (or files map) is read only now, for an issue with a
	// match (see prefilters).
	knownOutline := pf.outlineIn(id, &outlines.record)
	o := outlines.open(knownOutline) // in the worker's memory, as long as this issue is searched
	if single && o != nil {
		if hits, ok := searchOutlined(e, q, loose, first, texts[0], o, outlines, mem); ok {
			pf.put(id, made, nil)
			return hits, nil
		}
	}
	// Several text files (pages): searched by their files map when one
	// is known (see filesMap), else parsed and joined, which makes it.
	multi := e.folder == "" && !e.day && len(e.Files) > 1
	for i := range e.Files {
		multi = multi && texts[i] != nil && s.textFormat(raws[i])
	}
	if multi && knownOutline != nil {
		if m := outlines.decodeFilesMap(knownOutline); m != nil {
			if hits, ok := searchFilesMap(e, q, texts, m, mem); ok {
				pf.put(id, made, nil)
				return hits, nil
			}
		}
	}
	var is *issue.Issue
	var outline *issue.Outline
	switch {
	case e.folder != "":
		dir := filepath.Join(s.Dir, filepath.FromSlash(e.folder))
		var err error
		if is, err = issue.OpenFolder(dir, issue.Options{Name: dir, Encoding: s.opt.Encoding}); err != nil {
			return nil, err
		}
	case e.day:
		// The files are in reused buffers: the day gets copies.
		names := make([]string, len(e.Files))
		datas := make([][]byte, len(e.Files))
		for i, f := range e.Files {
			names[i], datas[i] = f.Path, bytes.Clone(raws[i])
		}
		var err error
		if is, err = source.ParseDay(names, datas, s.opt.source()); err != nil {
			return nil, err
		}
	default:
		parts := make([]*issue.Issue, len(e.Files))
		for i, f := range e.Files {
			// The text is in a reused buffer, which the parsed issue
			// shares: the issue lives only until its hits are made, and
			// they hold copies (appendHits). Another format's parser
			// gets a copy of its own.
			var p *issue.Issue
			var err error
			switch {
			case !s.textFormat(raws[i]):
				p, err = source.Parse(f.Path, bytes.Clone(raws[i]), s.opt.source())
			case single && o == nil:
				p, outline, err = issue.ParseOutlined(texts[i], issue.Options{Name: f.Path, Encoding: "utf-8"})
			default:
				// The outline of one text file says whether its
				// text decodes to itself (then it is not decoded again).
				verbatim := single && o != nil && o.Verbatim
				p, err = issue.ParseOwned(texts[i], issue.Options{Name: f.Path, Encoding: "utf-8", Verbatim: verbatim})
			}
			if err != nil {
				return nil, err
			}
			parts[i] = source.WithPage(p, f.Page)
		}
		is = source.Join(parts)
		if multi && knownOutline == nil {
			pf.putFilesMap(id, mapFiles(is, texts))
		}
	}
	pf.put(id, made, outline)
	hits := mem.hits()
	for si := range is.Sections {
		sec := &is.Sections[si]
		for a := range sec.Articles {
			hits = appendHits(hits, e, sec.Page, &sec.Articles[a], q, mem)
		}
	}
	return hits, nil
}

// appendHits appends the matches of q in the article a, on page, of the
// issue e, as search.Article finds them (keeping the pieces for the
// lines). The hits share no memory with a: its text may be in a buffer
// that the next issue is read into. Their lines and titles are made in
// mem.
func appendHits(hits []Hit, e *Entry, page int, a *issue.Article, q search.Query, mem *lineMem) []Hit {
	at := Hit{Entry: e, Page: page, N: a.N}
	a.EachPiece(func(i int, p issue.Piece) bool {
		hits = appendPieceHits(hits, &at, a.Headline, i, p.Text, q, mem)
		return true
	})
	return hits
}

// appendPieceHits appends the matches of q in p, the piece i of the
// article at tells (its issue, page and number), as q.FindAll finds them,
// without the list. The first hit of the article sets at.Title to a copy
// of headline() (the text may be in a buffer that the next issue is read
// into); the article's other hits share it. The lines and the title are
// made in mem.
func appendPieceHits(hits []Hit, at *Hit, headline func() string, i int, p string, q search.Query, mem *lineMem) []Hit {
	f := q.Finder(p)
	for from := 0; ; {
		start, end := f.Next(from)
		if start < 0 {
			return hits
		}
		hits = appendHit(hits, at, headline, i, p, start, end, mem)
		from = end
	}
}

// appendHit appends the hit of the match [start, end) in p, the piece i
// of the article at tells (see appendPieceHits).
func appendHit(hits []Hit, at *Hit, headline func() string, i int, p string, start, end int, mem *lineMem) []Hit {
	if mem != nil && mem.maker != nil {
		mem.appendText(at, headline, i, p, start, end)
		return hits
	}
	if at.Title == "" {
		at.Title = mem.clone(headline())
	}
	hits = append(hits, *at)
	h := &hits[len(hits)-1]
	h.Line, h.Match = mem.snippet(p, start, end)
	h.Pos = issue.Pos{Piece: i, Offset: start}
	return hits
}

// searchOutlined searches the issue e, one text file of these bytes
// (decoded for the search: see decode; f is loose's Finder in them),
// article by article: its text is
// decoded as a parse decodes it (unless the outline says it is
// Verbatim), looked through for where a match may be (loose: the markup
// still in), and only the articles where one may be are searched: from
// the text itself when the outline maps every piece of the article to a
// slice of it (see issue.PieceMap; appendMapped), else parsed, each
// alone (issue.ParseArticle, by the outline o made when the issue was
// parsed whole). It reports false when the issue is better parsed whole:
// a match in an article read only with the whole issue (a stitched one),
// most of its articles to parse, or lines that no longer read as the
// outline says.
//
// maps, when not nil, is the memory o was opened in (outlineMemory.open),
// which reads the maps of the articles where a match may be, and only
// those; else o's maps are all there.
func searchOutlined(e *Entry, q, loose search.Query, f *search.Finder, data []byte, o *issue.Outline, maps *outlineMemory, mem *lineMem) ([]Hit, bool) {
	text := view(data)
	// Text that decoding left as it was needs no decoding again: these
	// bytes are those (the issue's key, which the outline is kept under,
	// is their hash), and f, which looked for the first match in them,
	// goes on from there.
	if !o.Verbatim || f == nil {
		res, err := issue.DecodeBytes(data, "utf-8")
		if err != nil {
			return nil, false
		}
		text = view(res.Text)
		f = loose.In(text)
	}
	if len(text) != o.Len || o.Maps != nil && len(o.Maps) != len(o.Spans) {
		return nil, false // not the text the outline was made from
	}
	spans := o.Spans
	opened := maps != nil && o == &maps.o
	if maps != nil && (!opened || o.Maps == nil || len(maps.facts) != len(o.Maps)) {
		maps = nil
	}
	// The spans are in order (as the parse made them; open reads no
	// others): the span of each match is found on from that of the one
	// before.
	ordered := opened || slices.IsSortedFunc(spans, func(a, b issue.ArticleSpan) int { return cmp.Compare(a.End, b.End) })
	where := mem.places() // the spans where a match may be
	defer func() { mem.keepPlaces(where) }()
	parse := 0 // how many of them are to be parsed
	k := 0
	for from := 0; from < len(text); {
		start, end := f.Next(from)
		if start < 0 {
			break
		}
		if ordered {
			for k < len(spans) && spans[k].End <= start {
				k++
			}
		} else {
			k = sort.Search(len(spans), func(i int) bool { return spans[i].End > start })
		}
		if k == len(spans) || start < spans[k].Start {
			// Not in an article: the masthead, a page line. A match
			// from there may run into the next article, whose own may
			// start before its end.
			from = end
			if k < len(spans) {
				from = min(end, spans[k].Start)
			}
			continue
		}
		if spans[k].N == 0 {
			return nil, false
		}
		var fs mapFacts
		switch {
		case maps != nil:
			var ok bool
			if fs, ok = maps.mapAt(k); !ok {
				return nil, false // as an outline that does not read
			}
		case o.Maps != nil:
			fs = mapFactsOf(&o.Maps[k])
		}
		mapped := fs&mapPlain != 0
		where = append(where, place{k: k, from: from, at: start, mapped: mapped, ordered: fs&mapOrdered != 0})
		if !mapped {
			parse++
			// A word in most articles (发展) is found sooner by one
			// parse of the whole text than by one of each article.
			if 2*parse > len(spans) {
				return nil, false
			}
		}
		from = spans[k].End
	}
	hits := mem.hits()
	for i := range where {
		w := &where[i]
		if w.mapped {
			// No match of the loose query starts between from and at,
			// so none of q (a match of q is one of the loose query).
			var ok bool
			if hits, ok = appendMapped(hits, e, &spans[w.k], &o.Maps[w.k], w, text, &q, mem); !ok {
				return nil, false
			}
			continue
		}
		a := issue.ParseArticle(text, o, w.k)
		if a == nil {
			return nil, false
		}
		hits = appendHits(hits, e, spans[w.k].Page, a, q, mem)
	}
	return hits, true
}

// place is a span of an outline where a match may be (searchOutlined):
// its index k, the first match's start (at), where the search for it
// started (from), whether the span is mapped, and whether its map's
// pieces are in order (mapOrdered).
type place struct {
	k, from, at     int
	mapped, ordered bool
}

// appendMapped appends the matches of q in the article of the span sp
// of text, all of whose pieces are slices of it (m.Complete), as
// appendHits does for the article parsed: the same pieces searched, the
// same hits. It reports false when the headline at m.Headline is not the
// one the outline was made with (the text changed since).
//
// Pieces that follow each other in the text (as they do unless a block
// or byline is read out of its place) are searched with one Finder in
// the article's text (appendOrdered); ordered tells whether they do
// (piecesInOrder). No match of q starts in text from w.from up to w.at
// (the search starts at w.at when the article's text does not start
// before w.from).
func appendMapped(hits []Hit, e *Entry, sp *issue.ArticleSpan, m *issue.PieceMap, w *place, text string, q *search.Query, mem *lineMem) ([]Hit, bool) {
	headline := text[m.Headline.Start:m.Headline.End]
	if issue.HeadlineHash(headline) != sp.Hash {
		return hits, false
	}
	at := Hit{Entry: e, Page: sp.Page, N: sp.N}
	title := func() string { return headline }
	if !w.ordered {
		for i, r := range m.Pieces {
			hits = appendPieceHits(hits, &at, title, i, text[r.Start:r.End], *q, mem)
		}
		return hits, true
	}
	skip := -1 // no match in the pieces' text starts before it, where the loose one does
	if first := m.Pieces[0].Start; w.from <= first && w.at >= first {
		skip = w.at - first
	}
	return appendOrdered(hits, &at, title, m.Pieces, text, q, skip, mem), true
}

// appendOrdered appends the matches of q in the pieces ps (ranges of
// text, at least one) of the article at tells, each of which starts at
// or after the end of the one before, as appendPieceHits does for each
// piece: with one Finder in the text from the first's start to the
// last's end. A match found there that lies in one piece is that
// piece's (the Finder reads the same characters from the same place),
// one that runs past the piece's end is not, and the piece's next match
// may then start inside it. No match of q starts in that text before
// skip (relative to the first piece's start), where a match of q made
// loose starts, which the Finder then tries first (search.Finder.NextAt);
// skip is -1 when there is no such place known.
func appendOrdered(hits []Hit, at *Hit, title func() string, ps []issue.TextRange, text string, q *search.Query, skip int, mem *lineMem) []Hit {
	first, last := ps[0].Start, ps[len(ps)-1].End
	all := text[first:last]
	f := q.Finder(all)
	// Match by match: each is the hit of the piece it lies in, the
	// first that ends after its start (those before it have no more).
	lines := mem != nil && mem.maker != nil // made as found (appendHit)
	ends := ps[:len(ps)-1]                  // the pieces a match may be after
	for i, from := 0, 0; ; {
		var start, end int
		if skip >= 0 {
			start, end = f.NextAt(skip)
			skip = -1
		} else {
			start, end = f.Next(from)
		}
		if start < 0 {
			return hits
		}
		for pos := first + start; uint(i) < uint(len(ends)) && ends[i].End <= pos; {
			i++
		}
		r := ps[i]
		a, b := r.Start-first, r.End-first
		switch {
		case start < a:
			// Between pieces: the piece's own matches start at a.
			from = a
		case end > b:
			// Runs past the piece: its next match may start within
			// this one.
			_, size := firstRune(all[start:])
			from = start + size
		default:
			if lines {
				mem.appendText(at, title, i, text[r.Start:r.End], start-a, end-a)
			} else {
				hits = appendHit(hits, at, title, i, text[r.Start:r.End], start-a, end-a, mem)
			}
			from = end
		}
	}
}

// textFormat reports whether a file of these bytes is read as text (not
// as a web page, a feed or an EPUB): its parsed text is then made of the
// characters of its decoded bytes.
func (s *Shelf) textFormat(data []byte) bool {
	if f := s.opt.Format; f != "" {
		return strings.EqualFold(f, source.FormatText)
	}
	return source.Sniff(data) == source.FormatText
}

// decode returns the text of a file read for a search. A file that was
// UTF-8 when it was indexed, and has not changed size, is searched as it
// is, which spares detecting its encoding again; only a match that runs
// across a control character (which the parser removes) is missed there.
func (s *Shelf) decode(f File, data []byte) ([]byte, error) {
	if s.opt.Encoding == "" && int64(len(data)) == f.Size {
		switch f.Encoding {
		case decode.UTF8:
			return data, nil
		case decode.UTF8BOM:
			return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), nil
		}
	}
	res, err := issue.DecodeBytes(data, s.opt.Encoding)
	return res.Text, err
}

// view returns the bytes of b as a string without copying them. The string
// must not be kept, nor used once b changes: it is only for looking into
// a buffer (a search query's Index) before deciding to parse it.
func view(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// lastRune is utf8.DecodeLastRuneInString, sooner for the three-byte
// characters of Chinese text.
func lastRune(s string) (rune, int) {
	if n := len(s); n > 0 && s[n-1] < utf8.RuneSelf {
		return rune(s[n-1]), 1
	}
	if n := len(s); n >= 3 && s[n-3]&0xF0 == 0xE0 && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80 {
		if r := rune(s[n-3]&0x0F)<<12 | rune(s[n-2]&0x3F)<<6 | rune(s[n-1]&0x3F); r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// firstRune is utf8.DecodeRuneInString, sooner for the three-byte
// characters of Chinese text.
func firstRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		if r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F); r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}
