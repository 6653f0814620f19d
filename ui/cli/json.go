package cli

import (
	"context"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/export"
	"dubao/issue/script"
)

// jsonCommand is `dubao json [FILE|-|FOLDER [DATE]]`.
func (r *runner) jsonCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "json [FILE|-|FOLDER [DATE]]",
		Short: "Print the parsed issue as JSON",
		Long: `dubao json prints the parsed issue — masthead fields, sections (pages) and their
articles with kicker, title, subtitle, byline, paragraphs, blocks and jump
lines — as indented UTF-8 JSON. Without FILE it prints the built-in sample.

On a FOLDER of several issues it prints the shelf: its issues (paper,
date, pages, articles, files) and the files skipped with the reason; with
DATE, that issue.

The text is the source's as written, whatever script the configuration
file asks for; --script converts it (繁简), masthead and pages included.
Positions in the JSON (a jump line's offset) are then in the converted
text.`,
		Example: `  dubao json issue.md | jq '.sections[].articles[].title'
  dubao json issue.md | jq -r .date
  dubao json ~/papers | jq '.skipped'`,
		Args:              r.maxArgs(2),
		ValidArgsFunction: r.completeIssue,
		RunE: r.runE(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			if _, err := r.settings(cmd); err != nil {
				return err
			}
			if _, given := r.scriptFlag(cmd); !given && len(args) < 2 {
				// One issue file read in parts, its sections written
				// as they are final.
				iw := export.NewIssueWriter(r.stdout)
				var head *issue.Issue
				streamed, err := r.streamIssue(ctx, argAt(args, 0), true, func(h *issue.Issue, secs []issue.Section, _ bool) error {
					head = h
					if len(secs) == 0 {
						return nil
					}
					return iw.Sections(h, secs)
				})
				if streamed {
					if err != nil {
						return endStreamed(err, iw.Flush)
					}
					return iw.Close(head)
				}
			}
			src, err := r.open(ctx, argAt(args, 0))
			if err != nil {
				return err
			}
			if src.shelf != nil && len(args) < 2 {
				// The JSON holds each issue's content key, which list
				// and search do not work out.
				s, err := src.shelf.Keyed(ctx)
				if err != nil {
					return err
				}
				return export.JSON(r.stdout, shelfForJSON(s))
			}
			if src, err = r.pickIssue(ctx, cmd.CommandPath(), src, argAt(args, 1)); err != nil {
				return err
			}
			is := src.issue
			if c, given := r.scriptFlag(cmd); given {
				// The configured script is for reading: JSON is the
				// source's text unless --script asks.
				cv, err := converterFor(c, is)
				if err != nil {
					return err
				}
				is = script.Issue(is, cv)
			}
			return r.finish(src, export.IssueJSON(r.stdout, is))
		}),
	}
}
