package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strconv"
	"unsafe"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/search"
	"dubao/issue/shelf"
	"dubao/issue/textsafe"
)

// searchCommand is `dubao search [FILE|-|FOLDER [DATE]] TEXT`.
func (r *runner) searchCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "search [FILE|-|FOLDER [DATE]] TEXT",
		Short: "Find text in the titles and bodies of an issue or a folder of issues",
		Long: `dubao search prints one line per match, for scripts:

    DATE<TAB>PAGE<TAB>N<TAB>TITLE<TAB>LINE

DATE is the issue's date, PAGE the page (版), N the article number (as
'dubao cat' takes it), TITLE its title (for an untitled article, the start
of its text) and LINE the text that matches: on a FOLDER of issues the
sentence around the match, newest issue first; on one issue the whole
paragraph (one line of 'dubao cat'). With DATE after a FOLDER it searches
that issue only (DATE as 'dubao list FOLDER' takes it). TEXT matches the
way the reader's search does: full-width and half-width forms alike (ＡＢＣ
= ABC, ，= ,), Latin letters in any case, spaces and line breaks ignored,
Simplified and Traditional characters alike (苹果 finds 蘋果). --script
shows the lines converted (繁简). Without FILE it searches the built-in
sample. Exit status 1 when nothing matches.`,
		Example: `  dubao search issue.md 生态
  dubao search ~/papers 长江 | cut -f1,4 | uniq
  dubao search ~/papers 2024-03-08 长江
  dubao search ~/papers GDP | head`,
		Args:              r.argRange(1, 3),
		ValidArgsFunction: r.completeIssue,
		RunE: r.runE(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			cfg, err := r.settings(cmd)
			if err != nil {
				return err
			}
			text := args[len(args)-1]
			file, date := "", ""
			switch len(args) {
			case 1:
				if namesPath(text) {
					return missingAfter(cmd, text, "TEXT to search for")
				}
			case 2:
				file = args[0]
			case 3:
				file, date = args[0], args[1]
			}
			q := search.New(text)
			if q.Empty() {
				return usagef(cmd.CommandPath(), "nothing to search for in %q", text)
			}
			var src input
			if date == "" {
				// A shelf whose cached index tells it unchanged is
				// searched without walking its files first: the first
				// lines come out at once (see shelf.OpenKnown).
				src = r.openKnown(file)
			}
			if src.shelf == nil {
				if src, err = r.open(ctx, file); err != nil {
					return err
				}
			}
			if src.shelf != nil && date == "" && len(src.shelf.Lookup(text)) > 0 {
				// dubao search FOLDER DATE: the text is missing, not the DATE.
				return usagef(cmd.CommandPath(), "%s: missing search text after DATE", cmd.Name())
			}
			if src.shelf == nil || date != "" {
				if src, err = r.pickIssue(ctx, cmd.CommandPath(), src, date); err != nil {
					return err
				}
			}
			// A shelf's search writes lines by the hundred thousand:
			// few, large writes.
			out := bufio.NewWriterSize(r.stdout, 64<<10)
			var found int
			if src.issue == nil {
				widenPipe(r.stdout)
				found, err = r.searchShelf(ctx, out, src.shelf, q, cfg.Script)
			} else {
				date := src.issue.Date
				if src.entry != nil { // the date the shelf knows it by
					date = src.entry.Date
				}
				var cv *script.Converter
				if cv, err = converterFor(cfg.Script, src.issue); err != nil {
					return err
				}
				found, err = searchIssue(out, src.issue, date, q, cv)
			}
			// The lines found before a failure are written before its
			// message reaches stderr (on a terminal, the same screen).
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			switch {
			case found == 0 && len(args) == 1 && looksLikePath(text):
				// dubao search issue.md, with issue.md not there: a FILE
				// with its TEXT forgotten more likely than a search.
				return missingAfter(cmd, text, "TEXT to search for")
			case found == 0:
				return fmt.Errorf("%s: nothing matches %q", src.name, text)
			}
			return nil
		}),
	}
}

// searchIssue writes a line for every piece of text of is (of the given
// date) that matches q, shown converted by cv, and returns how many it
// wrote.
func searchIssue(out *bufio.Writer, is *issue.Issue, date string, q search.Query, cv *script.Converter) (int, error) {
	n := 0
	var line []byte
	for _, sec := range is.Sections {
		for a := range sec.Articles {
			art := &sec.Articles[a]
			pieces := art.Pieces()
			last := -1
			for _, m := range search.Article(art, q) {
				if m.Piece == last {
					continue // one line per piece, as grep prints a line once
				}
				last = m.Piece
				line = appendSearchLine(line[:0], date, sec.Page, art.N,
					listField(cv.Convert(art.Headline())), listField(cv.Convert(pieces[m.Piece].Text)))
				if _, err := out.Write(line); err != nil {
					return n, err
				}
				n++
			}
		}
	}
	return n, nil
}

// searchShelf streams the matches of q across the shelf s, newest issue
// first, shown in the script sc asks for (auto-s and auto-t resolved by
// the text of each issue's hits), and returns how many lines it wrote. An
// issue that cannot be read is reported on stderr and the search goes on.
func (r *runner) searchShelf(ctx context.Context, out *bufio.Writer, s *shelf.Shelf, q search.Query, sc script.Conversion) (n int, err error) {
	// Shown as they are, the hits are made into lines by the search's
	// workers as they are found (searchLines), without a Hit of each.
	return r.searchShelfBy(ctx, out, s, q, sc, sc == script.None)
}

// searchShelfBy is searchShelf, which makes the lines in the search's
// workers (shelf.SearchOptions.Lines) when byWorkers is set, else from
// the hits of each batch; the same lines either way.
func (r *runner) searchShelfBy(ctx context.Context, out *bufio.Writer, s *shelf.Shelf, q search.Query, sc script.Conversion, byWorkers bool) (n int, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the search's workers when the output fails
	var lines shelfLines
	// The lines are made in buf and handed to out past its size, which
	// out then writes as they are, without copying them into its own
	// buffer (which stays empty), or before waiting. The lines the
	// workers made are held in their batches (held, heldLen bytes) and
	// written from there, with one call for all of them (writeLines),
	// then handed back.
	var buf []byte
	var held []shelf.Batch
	var heldLines [][]byte
	heldLen := 0
	put := func(flush bool) error {
		if len(buf) > 0 {
			_, err := out.Write(buf)
			buf = buf[:0]
			if err != nil {
				return err
			}
		}
		if len(held) > 0 {
			err := out.Flush() // (nothing there: out is only written past its size)
			if err == nil {
				heldLines = heldLines[:0]
				for i := range held {
					heldLines = append(heldLines, held[i].Lines)
				}
				err = writeLines(r.stdout, heldLines)
			}
			for i := range held {
				held[i].Release() // the search makes later lines there
			}
			clear(held)
			held, heldLen = held[:0], 0
			if err != nil {
				return err
			}
		}
		if flush {
			return out.Flush()
		}
		return nil
	}
	defer func() { // the lines made before a failure too
		if perr := put(false); err == nil {
			err = perr
		}
	}()
	var opt shelf.SearchOptions
	if byWorkers {
		opt.Lines = func() shelf.LineMaker { return new(searchLines) }
	}
	batches := s.Search(ctx, q, opt)
	for b := range batches {
		if b.Err != nil {
			// The lines of the issues before it go first: on a
			// terminal, stdout and stderr are one screen.
			if err := put(true); err != nil {
				return n, err
			}
			fmt.Fprintf(r.stderr, "%s: %s\n", r.root.Name(), oneLine(b.Err.Error()))
			continue
		}
		if byWorkers {
			if len(b.Lines) > 0 {
				held = append(held, b)
				heldLen += len(b.Lines)
			} else {
				b.Release()
			}
			n += b.NLines
			if heldLen > out.Size() || len(held) >= maxHeld {
				if err := put(false); err != nil {
					return n, err
				}
			}
		}
		var texts []string // for auto-s and auto-t, the issue's script
		for _, h := range b.Hits {
			if sc.Auto() {
				texts = append(texts, h.Title, h.Line)
			}
		}
		cv, err := converterForText(sc, texts...)
		if err != nil {
			return n, err
		}
		lines.add(b.Hits, cv)
		for i := range b.Hits {
			if !lines.kept(i) {
				continue
			}
			buf = lines.append(buf, &b.Hits[i], i)
			n++
			if len(buf) > out.Size() {
				if err := put(false); err != nil {
					return n, err
				}
			}
		}
		// Lines reach a pipe as each issue is done, not at the end:
		// before waiting for the next issue (one already done is
		// written first).
		if len(batches) > 0 {
			continue
		}
		if err := put(true); err != nil {
			return n, err
		}
	}
	return n, ctx.Err()
}

// maxHeld is how many batches' lines a shelf's search holds at most
// before it writes them (with one writev, which takes 1,024 buffers).
const maxHeld = 256

// searchLines makes the lines of a shelf's search in its workers
// (shelf.SearchOptions.Lines), hit by hit, as shelfLines makes them from
// the hits of an issue with no conversion: the same bytes. The start of a
// line is made once per article and each LINE written once, as its text
// has it (shelf.HitText.AppendText: a tab or line break, which the check
// below does not pass, made a space only if there is one) and trimmed
// (as listField does a clean field); the TITLEs and LINEs, one after the
// other, are checked for the terminal once the issue is done (EndIssue),
// and its lines made again from them with listField in the rare issue
// where they are not all clean (or one is to be trimmed).
type searchLines struct {
	prefix   []byte       // DATE<TAB>PAGE<TAB>N<TAB>TITLE<TAB> of the article below
	dated    *shelf.Entry // the issue of prefix's DATE<TAB> (dateLen bytes)
	dateLen  int
	articles []madeArticle // of the issue's lines
	all      []byte        // the TITLEs and LINEs as the hits gave them
	lines    []madeLine
	last     [2]int // the LINE of the last line made, in all
	lastN    int    // and its article's number
	clean    bool   // none of all's fields starts with a continuation byte
	trim     bool   // a LINE is trimmed
}

// madeArticle is an article of the lines searchLines made: its issue,
// page, number and TITLE, as the hit gave it, in searchLines.all.
type madeArticle struct {
	entry   *shelf.Entry
	page, n int
	title   [2]int
}

// madeLine is a line searchLines made: its article (in
// searchLines.articles), and its LINE as the hit gave it (AppendText),
// in searchLines.all.
type madeLine struct {
	article  int
	from, to int
}

// AppendHit appends the line of h to b, unless its LINE and article
// number are those of the hit before.
func (l *searchLines) AppendHit(b []byte, h *shelf.HitText) []byte {
	if h.First {
		l.all, l.articles, l.lines, l.clean, l.trim = l.all[:0], l.articles[:0], l.lines[:0], true, false
	}
	if h.Article || h.First {
		l.articles = append(l.articles, madeArticle{entry: h.Entry, page: h.Page, n: h.N, title: l.take(h.Title)})
		// As appendSearchLine writes it, its DATE<TAB> kept from the
		// article before of the same issue.
		if h.Entry != l.dated || h.First {
			l.prefix = append(append(l.prefix[:0], h.Entry.Date...), '\t')
			l.dated, l.dateLen = h.Entry, len(l.prefix)
		}
		if l.prefix = l.prefix[:l.dateLen]; uint(h.Page) < 10 { // most pages
			l.prefix = append(l.prefix, byte('0'+h.Page))
		} else {
			l.prefix = appendInt(l.prefix, h.Page)
		}
		l.prefix = appendInt(append(l.prefix, '\t'), h.N)
		l.prefix = append(append(append(l.prefix, '\t'), trimSpace(h.Title)...), '\t')
	}
	mark := len(b)
	b = append(b, l.prefix...)
	at := len(b)
	b = h.AppendText(b)
	line := b[at:]
	if !h.First && h.N == l.lastN && l.last[1]-l.last[0] == len(line) && sameLine(line, l.all[l.last[0]:l.last[1]]) {
		return b[:mark]
	}
	s := unsafe.String(unsafe.SliceData(line), len(line))
	if !keepsEnds(s) {
		if t := trimSpace(s); len(t) != len(s) {
			l.trim = true
		}
	}
	l.last, l.lastN = l.take(s), h.N
	l.lines = append(l.lines, madeLine{article: len(l.articles) - 1, from: l.last[0], to: l.last[1]})
	return append(b, '\n')
}

// keepsEnds reports, of most LINEs, that trimSpace keeps s as it is,
// without its call: s starts with a byte that leads a Han character
// (E4-E9: what it starts is a character of U+4000-U+9FFF, or not valid
// UTF-8, a space neither way) and ends with 。！；… or a Han character.
// Of the others it reports false.
func keepsEnds(s string) bool {
	n := len(s)
	if n < 3 || s[0]-0xE4 > 5 {
		return false
	}
	v := uint32(s[n-3])<<16 | uint32(s[n-2])<<8 | uint32(s[n-1])
	return v == 0xE38082 || v == 0xEFBC81 || v == 0xEFBC9B || v == 0xE280A6 || v>>16-0xE4 <= 5 && v&0xC0C0 == 0x8080
}

// sameLine reports whether two LINEs as hits gave them (of one length)
// are the same once made one line (shelf.OneLine).
func sameLine(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	for i := range a {
		if c, d := a[i], b[i]; c != d && (spaceOf(c) != ' ' || spaceOf(d) != ' ') {
			return false
		}
	}
	return true
}

// spaceOf is the byte c is in a LINE (shelf.OneLine).
func spaceOf(c byte) byte {
	switch c {
	case '\t', '\n', '\r':
		return ' '
	}
	return c
}

// take appends s to all and returns where it is there.
func (l *searchLines) take(s string) [2]int {
	if len(s) > 0 && s[0]&0xC0 == 0x80 {
		l.clean = false
	}
	at := len(l.all)
	l.all = append(l.all, s...)
	return [2]int{at, len(l.all)}
}

// EndIssue returns the lines b of an issue, made again from the fields
// the hits gave when they are not all clean, or a LINE is trimmed.
func (l *searchLines) EndIssue(b []byte) []byte {
	clean := l.clean && textsafe.IsLine(unsafe.String(unsafe.SliceData(l.all), len(l.all)))
	if clean && !l.trim {
		return b
	}
	field := listField
	if clean {
		field = trimSpace
	}
	b = b[:0]
	for _, m := range l.lines {
		a := &l.articles[m.article]
		line := l.all[m.from:m.to]
		shelf.OneLine(line) // the LINE as AppendLine makes it
		b = appendSearchLine(b, a.entry.Date, a.page, a.n, field(string(l.all[a.title[0]:a.title[1]])), field(string(line)))
	}
	return b
}

// appendSearchLine appends the line of a match to b:
// DATE<TAB>PAGE<TAB>N<TAB>TITLE<TAB>LINE and a line break, the fields
// as listField makes them.
func appendSearchLine(b []byte, date string, page, n int, title, line string) []byte {
	b = append(b, date...)
	b = append(b, '\t')
	b = appendInt(b, page)
	b = append(b, '\t')
	b = appendInt(b, n)
	b = append(b, '\t')
	b = append(b, title...)
	b = append(b, '\t')
	b = append(b, line...)
	return append(b, '\n')
}

// appendInt is strconv.AppendInt in base 10, sooner for the small
// numbers of a search line (a page, an article's number).
func appendInt(b []byte, v int) []byte {
	switch {
	case uint(v) < 10:
		return append(b, byte('0'+v))
	case uint(v) < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10))
	case uint(v) < 1000:
		return append(b, byte('0'+v/100), byte('0'+v/10%10), byte('0'+v%10))
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// shelfLines makes the lines of a shelf's search, one issue's hits at a
// time, as appendSearchLine makes them with listField: the same bytes,
// made with less work per line. The start of a line (DATE, PAGE, N and
// TITLE) is made once per article, and the TITLEs and LINEs of the issue
// are checked for the terminal at once (see add).
type shelfLines struct {
	keep   []bool   // by hit: its line is written (not the same as the one before)
	title  []string // by hit: its TITLE, converted
	line   []string // by hit: its LINE, converted
	clean  bool     // every TITLE and kept LINE is one line that listField keeps (trimmed)
	all    []byte   // the TITLEs and kept LINEs, one after the other, to check at once
	prefix []byte   // DATE<TAB>PAGE<TAB>N<TAB>TITLE<TAB> of the article of at
	at     *shelf.Hit
}

// add takes in the hits of an issue, converted by cv: which are written
// (one line per article and LINE, as grep prints a line once), and
// whether their TITLEs and LINEs are all clean. They are when their text,
// one after the other, is one line that textsafe.IsLine passes and none
// starts with a continuation byte: each is then made of whole characters
// that it passes.
func (l *shelfLines) add(hits []shelf.Hit, cv *script.Converter) {
	l.keep, l.title, l.line, l.all, l.at = l.keep[:0], l.title[:0], l.line[:0], l.all[:0], nil
	l.clean = true
	take := func(s string) string {
		if s != "" && s[0]&0xC0 == 0x80 {
			l.clean = false
		}
		l.all = append(l.all, s...)
		return s
	}
	title := ""
	for i := range hits {
		h := &hits[i]
		if i == 0 || h.Title != hits[i-1].Title {
			title = take(cv.Convert(h.Title))
		}
		keep := i == 0 || h.N != hits[i-1].N || h.Line != hits[i-1].Line
		line := ""
		if keep {
			line = take(cv.Convert(h.Line))
		}
		l.keep, l.title, l.line = append(l.keep, keep), append(l.title, title), append(l.line, line)
	}
	l.clean = l.clean && textsafe.IsLine(unsafe.String(unsafe.SliceData(l.all), len(l.all)))
}

// kept reports whether the line of hit i of the issue is written.
func (l *shelfLines) kept(i int) bool { return l.keep[i] }

// append appends to b the line of h, hit i of the issue (see
// appendSearchLine).
func (l *shelfLines) append(b []byte, h *shelf.Hit, i int) []byte {
	field := listField
	if l.clean {
		field = trimSpace
	}
	if a := l.at; a == nil || h.Entry != a.Entry || h.Page != a.Page || h.N != a.N || h.Title != a.Title {
		l.at = h
		l.prefix = appendSearchLine(l.prefix[:0], h.Entry.Date, h.Page, h.N, field(l.title[i]), "")
		l.prefix = l.prefix[:len(l.prefix)-1] // its line break
	}
	b = append(b, l.prefix...)
	b = append(b, field(l.line[i])...)
	return append(b, '\n')
}
