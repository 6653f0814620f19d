package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/shelf"
	"dubao/issue/textsafe"
)

// listCommand is `dubao list [FILE|-|FOLDER [DATE]]`.
func (r *runner) listCommand() *cobra.Command {
	var long bool
	cmd := &cobra.Command{
		Use:   "list [FILE|-|FOLDER [DATE]]",
		Short: "List the articles (number, page, title), or the issues of a folder",
		Long: `dubao list prints one line per article of the issue, in issue order:

    N<TAB>PAGE<TAB>TITLE

N is the article number that 'dubao cat' takes; PAGE is the page (版) the
article is on, 0 if unknown; TITLE is the title, or for an untitled article
the start of its text. Without FILE it lists the built-in sample. --long
adds two columns after these three (which scripts rely on):

    N<TAB>PAGE<TAB>TITLE<TAB>PAGE NAME<TAB>BYLINE

PAGE NAME is the page's name (要闻, 经济; empty if it has none) and BYLINE
the article's byline (empty if none).

On a FOLDER of several issues (a shelf) it lists the issues instead, newest
first, one line each:

    DATE<TAB>PAPER<TAB>PAGES<TAB>ARTICLES<TAB>PATH

and with DATE (2024-03-08, 20240308, "青溪日报 2024-03-08", the name the
list shows for an issue without a paper, such as noname for noname.md, or
a PATH) the articles of that issue.`,
		Example: `  dubao list issue.md
  dubao list issue.md | grep 经济                  # titles with 经济
  dubao list --long issue.md | awk -F'\t' '$4 == "经济" {print $1}'   # the articles of the page 经济
  dubao list issue.md | cut -f3
  dubao list ~/papers
  dubao list ~/papers 2024-03-08`,
		Args:              r.maxArgs(2),
		ValidArgsFunction: r.completeIssue,
		RunE: r.runE(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			cfg, err := r.settings(cmd)
			if err != nil {
				return err
			}
			if len(args) < 2 && cfg.Script == script.None {
				// One issue file read in parts, its articles listed as
				// they are final.
				out := bufio.NewWriter(r.stdout)
				streamed, err := r.streamIssue(ctx, argAt(args, 0), false, func(_ *issue.Issue, secs []issue.Section, _ bool) error {
					for i := range secs {
						listSection(out, &secs[i], nil, long)
					}
					return nil
				})
				if streamed {
					return endStreamed(err, out.Flush)
				}
			}
			src, err := r.open(ctx, argAt(args, 0))
			if err != nil {
				return err
			}
			if src.shelf != nil && len(args) < 2 {
				return r.listShelf(src, cfg.Script)
			}
			if src, err = r.pickIssue(ctx, cmd.CommandPath(), src, argAt(args, 1)); err != nil {
				return err
			}
			cv, err := converterFor(cfg.Script, src.issue)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(r.stdout)
			for i := range src.issue.Sections {
				listSection(out, &src.issue.Sections[i], cv, long)
			}
			return r.finish(src, out.Flush())
		}),
	}
	cmd.Flags().BoolVarP(&long, "long", "l", false, "add the page's name and the article's byline: N, PAGE, TITLE, PAGE NAME, BYLINE")
	return cmd
}

// listSection writes the lines of the articles of sec, converted by cv
// (nil for none).
func listSection(out *bufio.Writer, sec *issue.Section, cv *script.Converter, long bool) {
	for i := range sec.Articles {
		a := &sec.Articles[i]
		fmt.Fprintf(out, "%d\t%d\t%s", a.N, sec.Page, listField(cv.Convert(a.Headline())))
		if long {
			fmt.Fprintf(out, "\t%s\t%s", listField(cv.Convert(sec.Name)), listField(cv.Convert(a.Byline)))
		}
		out.WriteByte('\n')
	}
}

// listShelf lists the issues of a shelf, their papers' names in the
// script sc asks for, and says on stderr how many files were skipped as
// not issues.
func (r *runner) listShelf(src input, sc script.Conversion) error {
	out := bufio.NewWriter(r.stdout)
	for _, e := range src.shelf.Issues {
		cv, err := converterForText(sc, e.Paper)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s\t%s\t%d\t%d\t%s\n", e.Date, listField(cv.Convert(e.Paper)), e.Pages, e.Articles, quoteName(entryPath(e)))
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if n := len(src.shelf.Skipped); n > 0 {
		what := "1 file is not an issue and was skipped"
		if n > 1 {
			what = fmt.Sprintf("%d files are not issues and were skipped", n)
		}
		fmt.Fprintf(r.stderr, "%s: %s: %s ('%s json %s' says why)\n",
			r.root.Name(), oneLine(src.name), what, r.root.Name(), oneLine(src.name))
	}
	return nil
}

// entryPath names the issue e by its file, or by the folder of its files
// when it has several; both select it (see shelf.Lookup).
func entryPath(e *shelf.Entry) string { return e.Path() }

// trimSpace is strings.TrimSpace, sooner for the text of a search or a
// list: a field that starts and ends with a character that cannot be a
// space (most do; Chinese text most often with a character of three
// bytes, where TrimSpace decodes and looks up two runes) is returned as
// it is. The spaces (unicode.IsSpace) are ASCII or U+0085, U+00A0,
// U+1680, U+2000–U+205F and U+3000 (E3 80 80).
func trimSpace(s string) string {
	if n := len(s); n >= 3 &&
		(s[0]-0x21 < 0x7F-0x21 || notSpace(uint32(s[0])<<16|uint32(s[1])<<8|uint32(s[2]))) &&
		(s[n-1]-0x21 < 0x7F-0x21 || notSpace(uint32(s[n-3])<<16|uint32(s[n-2])<<8|uint32(s[n-1]))) {
		return s
	}
	return strings.TrimSpace(s)
}

// notSpace reports whether three bytes at an end of a text, v =
// b0<<16 | b1<<8 | b2, are one character that is not a space, as most
// ends of Chinese text are (the ends of printable ASCII but the space
// trimSpace passes before): a character of U+3001–U+FFFF (E3 80 81 to
// EF BF BF, the second and third bytes continuation bytes), or …, where
// a search's LINE is cut.
func notSpace(v uint32) bool {
	return v&0xC0C0 == 0x8080 && v-0xE38081 <= 0xEFBFBF-0xE38081 || v == 0xE280A6
}

// listField makes a title fit on one tab-separated line with nothing that
// controls a terminal.
func listField(s string) string {
	if textsafe.IsLine(s) {
		// One line that safeText keeps as it is (most are: the model's
		// text is clean already): one scan instead of three.
		return trimSpace(s)
	}
	if !strings.ContainsAny(s, "\t\n\r") {
		return strings.TrimSpace(safeText(s, false))
	}
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(safeText(s, false))
}
