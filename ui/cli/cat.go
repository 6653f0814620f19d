package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/ui/config"
	"dubao/ui/render"
	"dubao/ui/styles"
)

// catCommand is `dubao cat [FILE|-|FOLDER DATE] N|TEXT`.
func (r *runner) catCommand() *cobra.Command {
	var (
		opt    catOptions
		format = newChoice("text", formatChoices...)
	)
	cmd := &cobra.Command{
		Use:   "cat [FILE|-|FOLDER DATE] N|TEXT",
		Short: "Print an article as text",
		Long: `dubao cat prints one article: N is its number as 'dubao list' shows it;
TEXT picks the article whose title contains it (full-width and half-width
forms match each other, Latin letters in any case; an untitled article goes
by the start of its text, as 'dubao list' shows it). When several titles
contain TEXT, cat lists them with their numbers and prints nothing. --all
prints every article in order. Without FILE it reads the built-in sample;
on a FOLDER of several issues, DATE names the issue (as 'dubao list FOLDER'
shows them).

When stdout is a terminal the article is styled and wrapped at the terminal
width. When it is not (a pipe or a file), cat writes plain UTF-8 text with
no escape sequences and no trailing spaces: the kicker, title, subtitle and
byline lines, a blank line, then one paragraph per line with blank lines
between — unless --width asks for wrapping. Emphasis is printed as plain
text and a link as its text; --links adds its address after it
(text <address>). --format markdown writes Markdown that dubao reads back
as the same article, emphasis and links included.`,
		Example: `  dubao cat issue.md 3
  dubao cat issue.md 生态廊道
  dubao cat issue.md 3 | wc -m
  dubao cat --width 40 issue.md 3
  dubao cat --links issue.md 3
  dubao cat --all --format markdown issue.md > copy.md
  dubao cat ~/papers 2024-03-08 3`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opt.all {
				return r.argRange(0, 2)(cmd, args)
			}
			return r.argRange(1, 3)(cmd, args)
		},
		ValidArgsFunction: r.completeCat(&opt),
		RunE: r.runE(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			cfg, err := r.settings(cmd)
			if err != nil {
				return err
			}
			opt.markdown = format.value == "markdown"
			var file, date, sel string
			switch {
			case opt.all:
				file, date = argAt(args, 0), argAt(args, 1)
			case len(args) == 1:
				sel = args[0]
				if namesPath(sel) {
					return missingAfter(cmd, sel, "article number or title")
				}
			case len(args) == 2:
				file, sel = args[0], args[1]
			default:
				file, date, sel = args[0], args[1], args[2]
			}
			if opt.all && !opt.markdown && date == "" && cfg.Script == script.None {
				// One issue file read in parts, its articles printed
				// as they are final.
				var c *catter // made at the first articles: it may ask the terminal
				streamed, err := r.streamIssue(ctx, file, false, func(_ *issue.Issue, secs []issue.Section, _ bool) error {
					if c == nil {
						c = r.newCatter(opt, cfg, nil)
					}
					for i := range secs {
						for k := range secs[i].Articles {
							if err := c.article(ctx, &secs[i].Articles[k]); err != nil {
								return err
							}
						}
					}
					return nil
				})
				if streamed {
					return endStreamed(err, func() error {
						if c == nil {
							return nil
						}
						return c.out.Flush()
					})
				}
			}
			if !opt.all && strings.HasPrefix(sel, "-") && isDigits(sel[1:]) {
				return errArticleNumber(cmd) // dubao cat FILE -- -1
			}
			if n, ok := articleNumber(sel); ok && n == 0 && !opt.all {
				return errArticleNumber(cmd) // dubao cat FILE 0
			}
			src, err := r.open(ctx, file)
			if err != nil {
				return err
			}
			if src.shelf != nil && date == "" && !opt.all && len(src.shelf.Lookup(sel)) > 0 {
				// dubao cat FOLDER DATE: the article is missing, not the DATE.
				return usagef(cmd.CommandPath(), "%s: missing article number or title after DATE", cmd.Name())
			}
			if src, err = r.pickIssue(ctx, cmd.CommandPath(), src, date); err != nil {
				return err
			}
			is := src.issue
			if opt.all {
				return r.finish(src, r.cat(ctx, is, is.Articles(), opt, cfg))
			}
			a, err := pick(is, sel, src.name)
			if errors.Is(err, errNoTitle) && len(args) == 1 && looksLikePath(sel) {
				// dubao cat issue.md, with issue.md not there: a FILE
				// with its article forgotten more likely than a title.
				return missingAfter(cmd, sel, "article number or title")
			}
			if err != nil {
				return err
			}
			return r.finish(src, r.cat(ctx, is, []*issue.Article{a}, opt, cfg))
		}),
	}
	f := cmd.Flags()
	f.BoolVarP(&opt.all, "all", "a", false, "print every article, in order")
	f.BoolVar(&opt.links, "links", false, "print each link's address after its text: text <address>")
	f.Var(&opt.width, "width", "wrap at N columns (0: one paragraph per line), or auto: the width of the terminal dubao runs in, for a pager (dubao cat --width auto FILE N | less); default: the terminal width, or no wrapping when stdout is not a terminal")
	f.Var(format, "format", "write plain text, or Markdown that dubao reads back as the same article")
	_ = cmd.RegisterFlagCompletionFunc("format", completeWords(formatChoices))
	_ = cmd.RegisterFlagCompletionFunc("width", completeWords([]string{"auto", "0", "40", "60", "80"}))
	return cmd
}

// catOptions are the flags of cat.
type catOptions struct {
	all      bool
	width    widthFlag
	markdown bool
	links    bool
}

// cat writes the articles arts of is as cat prints them: styled when
// stdout is a terminal, plain text otherwise, or Markdown. Articles are
// separated by two blank lines; the Markdown of --all is the whole issue,
// masthead and pages included, so that it reads back as the same issue.
func (r *runner) cat(ctx context.Context, is *issue.Issue, arts []*issue.Article, opt catOptions, cfg config.Config) error {
	cv, err := converterFor(cfg.Script, is)
	if err != nil {
		return err
	}
	if opt.markdown && opt.all {
		var b strings.Builder
		if err := issue.WriteMarkdown(&b, script.Issue(is, cv)); err != nil {
			return err
		}
		_, err := io.WriteString(r.stdout, safeText(b.String(), false))
		return err
	}
	c := r.newCatter(opt, cfg, cv)
	for _, a := range arts {
		if err := c.article(ctx, a); err != nil {
			return err
		}
	}
	return c.out.Flush()
}

// catter writes articles one after the other as cat prints them (see
// cat), articles separated by two blank lines.
type catter struct {
	opt    catOptions
	cv     *script.Converter
	ropt   render.Options
	styled bool
	rnd    *render.Renderer
	out    *bufio.Writer
	buf    []byte // the plain text of one article, reused
	n      int    // articles written
}

// newCatter returns the writer of cat's articles for opt and cfg,
// converted by cv (nil for none): not the Markdown of --all, which is
// the whole issue's.
func (r *runner) newCatter(opt catOptions, cfg config.Config, cv *script.Converter) *catter {
	termWidth, isTerm := r.app.terminalWidth(r.stdout)
	styled := isTerm && !opt.markdown && cfg.Style != styles.NoTTY
	ropt := render.Options{AmbiguousWide: cfg.AmbiguousWide, Links: opt.links, IndentOnly: cfg.IndentOnly}
	switch {
	case opt.width.auto:
		ropt.Width, _ = r.app.autoWidth(r.stdout, r.stderr)
	case opt.width.set:
		ropt.Width = opt.width.n
	case isTerm:
		ropt.Width = termWidth
	}
	// set for reading (on a terminal, or wrapped for a pager): full-width
	// punctuation; one paragraph per line for scripts: the source's
	ropt.FullWidthPunct = cfg.FullWidthPunct && !opt.markdown && (styled || ropt.Width > 0)

	c := &catter{opt: opt, cv: cv, ropt: ropt, styled: styled}
	dst := r.stdout
	if styled {
		dst = r.profileWriter()
		c.rnd = render.New(r.styles(cfg.Style))
	}
	c.out = bufio.NewWriterSize(dst, 64<<10)
	return c
}

// article writes the article a.
func (c *catter) article(ctx context.Context, a *issue.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.n > 0 {
		c.out.WriteString("\n\n")
	}
	c.n++
	a = script.Article(a, c.cv)
	var text string
	switch {
	case c.opt.markdown:
		text = safeText(a.Markdown(), false)
	case c.styled:
		text = safeText(c.rnd.Styled(a, c.ropt), true)
	default:
		// Plain's text is safe already (textsafe.Line on every
		// line, FuzzLayout checks that textsafe.Text keeps it): a
		// second pass of safeText over it would change nothing but
		// the spaces of a line left blank by the cleaning
		c.buf = render.AppendPlain(c.buf[:0], a, c.ropt)
		if !bytes.Contains(c.buf, []byte(" \n")) && !bytes.HasSuffix(c.buf, []byte(" ")) {
			_, err := c.out.Write(c.buf)
			return err
		}
		text = trimLineEnds(string(c.buf))
	}
	_, err := c.out.WriteString(text)
	return err
}

// styles returns the styles for a style mode, the terminal background and
// NO_COLOR: auto asks the terminal for its background, and uses the
// fallback palette, which reads on both, when it does not answer.
func (r *runner) styles(mode styles.Mode) styles.Styles {
	noColor := r.app.getenv("NO_COLOR") != ""
	isDark, known := true, true // a test's stand-in terminal: dark
	if mode == styles.Auto && r.app.terminal == nil && !noColor {
		isDark, known = terminalBackground()
	}
	return styles.ForBackground(mode, isDark, known, noColor)
}

// profileWriter returns stdout behind a writer that lowers colours to what
// the terminal supports (and honours NO_COLOR, CLICOLOR, CLICOLOR_FORCE).
func (r *runner) profileWriter() io.Writer {
	env := r.app.environ()
	p := colorprofile.Detect(unwrapOutput(r.stdout), env)
	if r.app.terminal != nil {
		p = colorprofile.Env(env) // stdout is a test's stand-in for a terminal
	}
	return &colorprofile.Writer{Forward: r.stdout, Profile: p}
}

// terminalBackground asks the terminal for its background colour; the
// controlling terminal is asked directly so that it works when stdin is a
// pipe. known is false when the terminal does not answer.
func terminalBackground() (isDark, known bool) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return true, false
	}
	defer tty.Close()
	bg, err := lipgloss.BackgroundColor(tty, tty)
	if err != nil || bg == nil {
		return true, false
	}
	return tea.BackgroundColorMsg{Color: bg}.IsDark(), true
}

// completeCat completes cat's arguments: a file, then the numbers of its
// articles with their titles; after a folder of several issues, their
// dates, then the numbers of the articles of the issue of that date.
func (r *runner) completeCat(opt *catOptions) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		const articles = cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
		if opt.all || len(args) == 0 || len(args) > 2 || args[0] == "-" {
			return r.completeIssue(cmd, args, toComplete)
		}
		if len(args) == 1 {
			if dates := r.shelfDates(cmd.Context(), args[0]); dates != nil {
				return dates, articles
			}
		}
		src, err := r.load(cmd.Context(), cmd.CommandPath(), args[0], argAt(args, 1))
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return issueArticles(src.issue), articles
	}
}
