// Package export writes the model of an issue out in the formats other
// programs read: JSON (dubao json; a shelf too). A new output format is a
// file here, a writer from *issue.Issue (or *issue.Article) to an
// io.Writer, and a case in ui/cli's dispatch (cat.go, json.go).
//
// Markdown is not here: it is the other half of issue's own text/Markdown
// codec (issue.WriteMarkdown, Article.Markdown), which the parser reads back
// to the same issue — the comments of stitched jumps and repeated
// articles, the front matter, the escapes of lines the parser would misread
// (lineHazard, built on the parser's own line tests) are defined once, in
// package issue, for both directions.
package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"dubao/issue"
	"dubao/issue/textsafe"
)

// JSON writes v as indented JSON, with HTML characters left as they are
// and terminal controls escaped (textsafe.JSON): dubao json of a shelf.
func JSON(w io.Writer, v any) error {
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

// IssueJSON writes is exactly as JSON does, but article by article, so that the JSON of a large issue (hundreds of megabytes) is
// never held in memory whole: the masthead fields, then each section's
// fields, then its articles, each encoded on its own at its depth.
func IssueJSON(w io.Writer, is *issue.Issue) error {
	if len(is.Sections) == 0 {
		return JSON(w, is)
	}
	head := *is
	head.Sections = nil
	iw := NewIssueWriter(w)
	if err := iw.Sections(&head, is.Sections); err != nil {
		return err
	}
	return iw.Close(&head)
}

// IssueWriter writes the JSON of an issue whose sections come a few at
// a time (issue.Stream's), byte for byte as IssueJSON writes the whole.
type IssueWriter struct {
	w    io.Writer
	out  *bufio.Writer
	buf  []byte // an article's JSON, reused
	n    int    // sections written
	open bool   // the head is written, up to its sections' '['
}

// NewIssueWriter returns a writer of one issue's JSON to w.
func NewIssueWriter(w io.Writer) *IssueWriter {
	return &IssueWriter{w: w, out: bufio.NewWriterSize(w, 64<<10)}
}

// Sections writes the next sections; the first call writes head first,
// the issue's fields (its Sections are not read), which must be final.
func (iw *IssueWriter) Sections(head *issue.Issue, secs []issue.Section) error {
	out := iw.out
	if !iw.open {
		h := *head
		h.Sections = nil
		b, err := marshalJSON(h, "")
		if err != nil {
			return err
		}
		null := []byte("\"sections\": null\n}")
		if !bytes.HasSuffix(b, null) {
			return fmt.Errorf("encode JSON: sections is not the last field")
		}
		out.Write(textsafe.JSON(b[:len(b)-len(null)+len("sections")+4]))
		out.WriteString("[\n")
		iw.open = true
	}
	for i := range secs {
		if iw.n > 0 {
			out.WriteString(",\n")
		}
		out.WriteString("    ")
		iw.n++
		sec := secs[i]
		if len(sec.Articles) == 0 { // null or [], as the slice is
			if err := encodeJSON(out, sec, "    "); err != nil {
				return err
			}
			continue
		}
		sec.Articles = nil
		if err := spliceJSON(out, sec, "    ", "articles", len(secs[i].Articles), func(j int) error {
			iw.buf = appendArticle(iw.buf[:0], &secs[i].Articles[j], "        ")
			_, err := out.Write(iw.buf) // escaped as textsafe.JSON escapes
			return err
		}); err != nil {
			return err
		}
	}
	_, err := out.Write(nil)
	return err
}

// Close ends the JSON. An issue of which no section was written is
// written whole now, as IssueJSON writes it (head with no sections).
func (iw *IssueWriter) Close(head *issue.Issue) error {
	if !iw.open {
		h := *head
		if h.Sections == nil {
			h.Sections = []issue.Section{}
		}
		return JSON(iw.w, &h)
	}
	iw.out.WriteString("\n  ]\n}\n")
	return iw.out.Flush()
}

// Flush writes out the sections written so far without ending the JSON:
// after an error, so that what was written before it is not lost (the
// document stays unfinished).
func (iw *IssueWriter) Flush() error { return iw.out.Flush() }

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

// marshalJSON encodes v as JSON does, every line after the first
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
