package cli

import (
	"bufio"
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/search"
	"dubao/issue/shelf"
)

// searchCommand is `dubao search [FILE|-|FOLDER] TEXT`.
func (r *runner) searchCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "search [FILE|-|FOLDER] TEXT",
		Short: "Find text in the titles and bodies of an issue or a folder of issues",
		Long: `Search prints one line per match, for scripts:

    DATE<TAB>PAGE<TAB>N<TAB>TITLE<TAB>LINE

DATE is the issue's date, PAGE the page (版), N the article number (as
'dubao cat' takes it), TITLE its title and LINE the text that matches: on a
FOLDER of issues the sentence around the match, newest issue first; on one
issue the whole paragraph (one line of 'dubao cat'). TEXT matches the way
the reader's search does: full-width and half-width forms alike (ＡＢＣ =
ABC, ，= ,), Latin letters in any case, spaces and line breaks ignored.
Without FILE it searches the built-in sample. Exit status 1 when nothing
matches.`,
		Example: `  dubao search issue.md 生态
  dubao search ~/papers 长江 | cut -f1,4 | uniq
  dubao search ~/papers GDP | head`,
		Args:              r.argRange(1, 2),
		ValidArgsFunction: completeFiles,
		RunE: r.runE(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			file, text := "", args[0]
			if len(args) == 2 {
				file, text = args[0], args[1]
			}
			q := search.New(text)
			if q.Empty() {
				return usagef(cmd.CommandPath(), "nothing to search for in %q", text)
			}
			src, err := r.open(ctx, file)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(r.stdout)
			var found int
			if src.shelf != nil {
				found, err = r.searchShelf(ctx, out, src.shelf, q)
			} else {
				found, err = searchIssue(out, src.issue, q)
			}
			if err != nil {
				return err
			}
			if err := out.Flush(); err != nil {
				return err
			}
			if found == 0 {
				return fmt.Errorf("%s: nothing matches %q", src.name, text)
			}
			return nil
		}),
	}
}

// searchIssue writes a line for every piece of text of is that matches q
// and returns how many it wrote.
func searchIssue(out *bufio.Writer, is *issue.Issue, q search.Query) (int, error) {
	n := 0
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
				if _, err := fmt.Fprintf(out, "%s\t%d\t%d\t%s\t%s\n", is.Date, sec.Page, art.N,
					listField(art.Title), listField(pieces[m.Piece].Text)); err != nil {
					return n, err
				}
				n++
			}
		}
	}
	return n, nil
}

// searchShelf streams the matches of q across the shelf s, newest issue
// first, and returns how many lines it wrote. An issue that cannot be read
// is reported on stderr and the search goes on.
func (r *runner) searchShelf(ctx context.Context, out *bufio.Writer, s *shelf.Shelf, q search.Query) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the search's workers when the output fails
	n := 0
	for b := range s.Search(ctx, q, shelf.SearchOptions{}) {
		if b.Err != nil {
			fmt.Fprintf(r.stderr, "%s: %s\n", r.root.Name(), oneLine(b.Err.Error()))
			continue
		}
		var prev shelf.Hit
		for i, h := range b.Hits {
			if i > 0 && h.N == prev.N && h.Line == prev.Line {
				continue
			}
			prev = h
			if _, err := fmt.Fprintf(out, "%s\t%d\t%d\t%s\t%s\n", h.Entry.Date, h.Page, h.N,
				listField(h.Title), listField(h.Line)); err != nil {
				return n, err
			}
			n++
		}
		// Lines reach a pipe as each issue is done, not at the end.
		if err := out.Flush(); err != nil {
			return n, err
		}
	}
	return n, ctx.Err()
}
