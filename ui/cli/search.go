package cli

import (
	"bufio"
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/search"
	"dubao/issue/shelf"
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
func (r *runner) searchShelf(ctx context.Context, out *bufio.Writer, s *shelf.Shelf, q search.Query, sc script.Conversion) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the search's workers when the output fails
	n := 0
	batches := s.Search(ctx, q, shelf.SearchOptions{})
	for b := range batches {
		if b.Err != nil {
			// The lines of the issues before it go first: on a
			// terminal, stdout and stderr are one screen.
			if err := out.Flush(); err != nil {
				return n, err
			}
			fmt.Fprintf(r.stderr, "%s: %s\n", r.root.Name(), oneLine(b.Err.Error()))
			continue
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
		var prev shelf.Hit
		title, field := "", "" // the last title, and its field
		for i, h := range b.Hits {
			if i > 0 && h.N == prev.N && h.Line == prev.Line {
				continue
			}
			prev = h
			if i == 0 || h.Title != title {
				title, field = h.Title, listField(cv.Convert(h.Title))
			}
			// Made in the space left in the writer's buffer (a line too
			// long for it is written as made), not copied through a
			// buffer of its own.
			line := appendSearchLine(out.AvailableBuffer(), h.Entry.Date, h.Page, h.N, field, listField(cv.Convert(h.Line)))
			if _, err := out.Write(line); err != nil {
				return n, err
			}
			n++
		}
		// Lines reach a pipe as each issue is done, not at the end:
		// before waiting for the next issue (one already done is
		// written first).
		if len(batches) > 0 {
			continue
		}
		if err := out.Flush(); err != nil {
			return n, err
		}
	}
	return n, ctx.Err()
}

// appendSearchLine appends the line of a match to b:
// DATE<TAB>PAGE<TAB>N<TAB>TITLE<TAB>LINE and a line break, the fields
// as listField makes them.
func appendSearchLine(b []byte, date string, page, n int, title, line string) []byte {
	b = append(b, date...)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(page), 10)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '\t')
	b = append(b, title...)
	b = append(b, '\t')
	b = append(b, line...)
	return append(b, '\n')
}
