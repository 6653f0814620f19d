package source

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"dubao/issue"
	"dubao/issue/internal/issuegen"
)

// TestPreview: the start of a large issue parses to its first pages, each
// article of them whole but the last page's, and the same as in the whole
// issue (the generated issue stitches no continuation there); LF, CRLF
// and GB18030 text alike. What cannot be cut at a blank line — a web page,
// a feed, UTF-16, binary data, text without a blank line — is not
// previewed.
func TestPreview(t *testing.T) {
	data := issuegen.Issue(2 << 20)
	whole, err := issue.ParseBytes(data, issue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	for name, head := range map[string][]byte{"LF": data[:300<<10], "CRLF": crlf[:300<<10], "GB18030": gb[:250<<10]} {
		pv := Preview(name, head, Options{})
		if pv == nil {
			t.Fatalf("%s: no preview", name)
		}
		if pv.Paper != whole.Paper || pv.Date != whole.Date || len(pv.Sections) < 2 || len(pv.Sections) >= len(whole.Sections) {
			t.Fatalf("%s: preview of %s %s, %d pages (the whole: %d)", name, pv.Paper, pv.Date, len(pv.Sections), len(whole.Sections))
		}
		for s := range len(pv.Sections) - 1 {
			if !reflect.DeepEqual(pv.Sections[s], whole.Sections[s]) {
				t.Errorf("%s: page %d differs from the whole issue's", name, s+1)
			}
		}
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data[:100<<10])
	if err != nil {
		t.Fatal(err)
	}
	for name, head := range map[string][]byte{
		"html":     []byte("<!DOCTYPE html><html><body><h1>标题</h1>\n\n<p>正文。</p></body></html>\n\n"),
		"feed":     []byte("<?xml version=\"1.0\"?><rss><channel><title>报</title></channel></rss>\n\n"),
		"UTF-16":   utf16,
		"binary":   append([]byte("\x89PNG\r\n\x1a\n\x00\x00"), data[:1000]...),
		"no blank": []byte(strings.Repeat("## 一篇没有空行的文字", 100)),
	} {
		if pv := Preview(name, head, Options{}); pv != nil {
			t.Errorf("%s: previewed (%d articles)", name, pv.Count())
		}
	}
	if pv := Preview("forced", data[:300<<10], Options{Format: FormatHTML}); pv != nil {
		t.Error("a forced web page format: previewed")
	}
}
