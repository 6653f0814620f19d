// Package source turns one issue's bytes into an issue.Issue: it reads a
// file or a stream within a size limit (ReadText, ReadAll, Buffers),
// refuses binary data by its first bytes (SniffBinary), parses what it
// read (Parse) and names the issue by its content (Key), so that reading
// state follows an issue that is renamed or moved.
//
// Parse is the room for input formats: every issue dubao opens, alone or
// from a shelf, is parsed through it.
package source

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"dubao/issue"
)

// Options say how Parse reads an issue's bytes.
type Options struct {
	// Encoding forces the character encoding; "" detects it.
	Encoding string
	// MaxBytes refuses data larger than this many bytes; 0 means
	// issue.MaxSize.
	MaxBytes int64
	// Format forces the format (one of Formats); "" tells it by the
	// content (see Sniff).
	Format string
	// Scratch lets Parse overwrite data, which the caller neither reads
	// nor keeps afterwards: a text export's CRLF lines are cleaned in
	// place instead of into a copy (see issue.Options.Scratch).
	Scratch bool
}

// Parse parses the issue in data; name names it in errors. It keeps data
// (the issue's text may share its memory, which spares a copy of a large
// issue): the caller must not change it afterwards. Data over
// Options.MaxBytes is refused.
//
// The format is told by the content (see Sniff) unless Options.Format
// forces one: text exports are parsed by package issue, web pages by
// package epaper, feeds by package feed, EPUBs by package epub.
func Parse(name string, data []byte, opt Options) (*issue.Issue, error) {
	if int64(len(data)) > LimitOf(opt.MaxBytes) {
		return nil, fmt.Errorf("%s: %w", name, tooLarge(int64(len(data)), LimitOf(opt.MaxBytes)))
	}
	format := opt.Format
	if format == "" {
		format = Sniff(data)
	}
	return parseAs(format, name, data, opt)
}

// Summarize returns the summary of the issue in data (issue.Summary):
// that of the issue Parse returns, and its error. A text export is read
// only as far as the summary needs where it can be (see
// issue.SummarizeOwned); other formats, and a text that must be, are
// parsed whole, and that issue is returned as well (nil otherwise). It
// keeps data as Parse does.
func Summarize(name string, data []byte, opt Options) (issue.Summary, *issue.Issue, error) {
	return summarize(name, data, opt, nil)
}

// Summarize is the package's Summarize with the parse's memory reused
// from one call to the next (see issue.Workspace).
func (b *Buffers) Summarize(name string, data []byte, opt Options) (issue.Summary, *issue.Issue, error) {
	return summarize(name, data, opt, &b.ws)
}

// summarize implements Summarize, in ws when it is not nil.
func summarize(name string, data []byte, opt Options, ws *issue.Workspace) (issue.Summary, *issue.Issue, error) {
	if int64(len(data)) > LimitOf(opt.MaxBytes) {
		return issue.Summary{}, nil, fmt.Errorf("%s: %w", name, tooLarge(int64(len(data)), LimitOf(opt.MaxBytes)))
	}
	format := opt.Format
	if format == "" {
		format = Sniff(data)
	}
	_, _, _, whole := issue.ArchiveName(name)
	switch strings.ToLower(format) {
	case FormatHTML, FormatFeed, FormatEPUB, "xml":
		whole = true
	}
	if whole {
		is, err := parseAs(format, name, data, opt)
		if err != nil {
			return issue.Summary{}, nil, err
		}
		return is.Summary(), is, nil
	}
	if ws == nil {
		ws = new(issue.Workspace)
	}
	return ws.SummarizeOwned(data, textOptions(name, opt))
}

// Key identifies an issue by the content of its files (in page order): the
// SHA-256 of the SHA-256 sums of each file's bytes. It is the same for an
// issue on a shelf and for the same file opened on its own; renaming or
// moving the files keeps it.
func Key(parts ...[]byte) string {
	sums := make([][sha256.Size]byte, len(parts))
	for i, p := range parts {
		sums[i] = sha256.Sum256(p)
	}
	return KeyOfSums(sums)
}

// KeyOfSums combines the SHA-256 sums of an issue's files into its key.
func KeyOfSums(sums [][sha256.Size]byte) string {
	h := sha256.New()
	for _, s := range sums {
		h.Write(s[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// WithPage gives the sections of a page file the page its name gives:
// its only section, or those whose page is not known.
func WithPage(is *issue.Issue, page int) *issue.Issue {
	if page <= 0 {
		return is
	}
	for i := range is.Sections {
		if len(is.Sections) == 1 || is.Sections[i].Page == 0 {
			is.Sections[i].Page = page
		}
	}
	return is
}

// Join merges the parsed files of one issue (see issue.Merge); the page
// count is at least the number of pages found.
func Join(parts []*issue.Issue) *issue.Issue {
	if len(parts) == 1 {
		return parts[0]
	}
	is := issue.Merge(parts...)
	var pages []int
	for _, sec := range is.Sections {
		if sec.Page > 0 && !slices.Contains(pages, sec.Page) {
			pages = append(pages, sec.Page)
		}
	}
	is.Pages = max(is.Pages, len(pages))
	return is
}
