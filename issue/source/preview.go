package source

import (
	"bytes"
	"strings"

	"dubao/issue"
)

// Preview parses the start of a large text issue — head, its first bytes —
// for a first look while the whole is read: the text up to the last blank
// line of head (so that no paragraph is cut), as Parse would read it. The
// articles of its last page may be missing, and an article continued on a
// later page is not stitched yet; the whole issue parsed afterwards is the
// one to keep. The issue may share head's memory: head must not be
// changed afterwards. It returns nil when head cannot be previewed: not text (a
// web page, a feed, an EPUB, binary data), UTF-16 (whose line breaks are
// two bytes), or no article before its last blank line.
func Preview(name string, head []byte, opt Options) *issue.Issue {
	if opt.Format != "" && !strings.EqualFold(opt.Format, FormatText) || Sniff(head) != FormatText || SniffBinary(head) != "" {
		return nil
	}
	if enc := strings.ToUpper(opt.Encoding); strings.Contains(enc, "16") || strings.Contains(enc, "32") {
		return nil
	}
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return nil
	}
	// The end of the last blank line, LF or CRLF.
	cut := max(bytes.LastIndex(head, []byte("\n\n"))+2, bytes.LastIndex(head, []byte("\n\r\n"))+3)
	if cut <= 3 {
		return nil
	}
	is, err := issue.ParseOwned(head[:cut], issue.Options{Name: name, Encoding: opt.Encoding})
	if err != nil || strings.HasPrefix(is.Encoding, "UTF-16") || strings.HasPrefix(is.Encoding, "UTF-32") {
		return nil
	}
	return is
}
