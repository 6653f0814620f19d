package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/textsafe"
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
			src, err := r.open(ctx, argAt(args, 0))
			if err != nil {
				return err
			}
			if src.shelf != nil && len(args) < 2 {
				return writeJSON(r.stdout, shelfForJSON(src.shelf))
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
			return r.finish(src, writeIssueJSON(r.stdout, is))
		}),
	}
}

// writeJSON writes v as indented JSON, with HTML characters left as they
// are and terminal controls escaped.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	_, err := w.Write(textsafe.JSON(buf.Bytes()))
	return err
}

// writeIssueJSON writes is exactly as writeJSON does, but article by
// article, so that the JSON of a large issue (hundreds of megabytes) is
// never held in memory whole: the masthead fields, then each section's
// fields, then its articles, each encoded on its own at its depth.
func writeIssueJSON(w io.Writer, is *issue.Issue) error {
	if len(is.Sections) == 0 {
		return writeJSON(w, is)
	}
	out := bufio.NewWriterSize(w, 64<<10)
	head := *is
	head.Sections = nil
	if err := spliceJSON(out, head, "", "sections", len(is.Sections), func(i int) error {
		sec := is.Sections[i]
		if len(sec.Articles) == 0 { // null or [], as the slice is
			return encodeJSON(out, sec, "    ")
		}
		sec.Articles = nil
		return spliceJSON(out, sec, "    ", "articles", len(is.Sections[i].Articles), func(j int) error {
			return encodeJSON(out, &is.Sections[i].Articles[j], "        ")
		})
	}); err != nil {
		return err
	}
	return out.Flush()
}

// spliceJSON writes v, a struct whose last field (named field) is a nil
// slice, indented at prefix, with the n > 0 elements that elem writes in
// place of that field's null.
func spliceJSON(out *bufio.Writer, v any, prefix, field string, n int, elem func(int) error) error {
	b, err := marshalJSON(v, prefix)
	if err != nil {
		return err
	}
	null := []byte("\"" + field + "\": null\n" + prefix + "}")
	if !bytes.HasSuffix(b, null) {
		return fmt.Errorf("encode JSON: %s is not the last field", field)
	}
	b = b[:len(b)-len(null)+len(field)+4] // up to and including `"field": `
	out.Write(textsafe.JSON(b))
	out.WriteString("[\n")
	for i := range n {
		if i > 0 {
			out.WriteString(",\n")
		}
		out.WriteString(prefix + "    ")
		if err := elem(i); err != nil {
			return err
		}
	}
	out.WriteString("\n" + prefix + "  ]\n" + prefix + "}")
	if prefix == "" {
		out.WriteString("\n")
	}
	_, err = out.Write(nil)
	return err
}

// encodeJSON writes v indented at prefix, without a final newline.
func encodeJSON(out *bufio.Writer, v any, prefix string) error {
	b, err := marshalJSON(v, prefix)
	if err != nil {
		return err
	}
	_, err = out.Write(textsafe.JSON(b))
	return err
}

// marshalJSON encodes v as writeJSON does, every line after the first
// indented at prefix, without the final newline.
func marshalJSON(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode JSON: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
