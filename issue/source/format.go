package source

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"dubao/issue"
	"dubao/issue/source/epaper"
	"dubao/issue/source/epub"
	"dubao/issue/source/feed"
)

// The formats Parse reads (Options.Format).
const (
	FormatText = "text" // a text export: Markdown, plain text (see package issue)
	FormatHTML = "html" // a web page: an e-paper article or layout page, or any news page
	FormatFeed = "feed" // a news feed: RSS 2.0, RSS 1.0 (RDF), Atom
	FormatEPUB = "epub" // a news EPUB (calibre, KindleEar)
)

// Formats lists the formats in the order --from shows them.
var Formats = []string{FormatText, FormatHTML, FormatFeed, FormatEPUB}

// ErrFormat is returned for a format name that is not known.
var ErrFormat = errors.New("unknown format")

// ErrUnknownXML is returned for an XML document that is neither a feed nor
// a web page (a sitemap, a configuration file).
var ErrUnknownXML = errors.New("XML that is not a news feed or a web page")

// CheckFormat checks a format name for Options.Format ("" detects it).
func CheckFormat(name string) error {
	if name == "" {
		return nil
	}
	for _, f := range Formats {
		if strings.EqualFold(name, f) {
			return nil
		}
	}
	return fmt.Errorf("%w %q (one of %s)", ErrFormat, name, strings.Join(Formats, ", "))
}

// Sniff tells the format of data by its content, not its name: an EPUB
// by its ZIP signature and mimetype, a feed by its root element (<rss>,
// <rdf:RDF>, <feed>), a web page by its markup (<!DOCTYPE html>, <html>,
// <head>, <body>), and text otherwise. Other XML is "xml" (which Parse
// refuses).
func Sniff(data []byte) string {
	if IsEPUB(data) {
		return FormatEPUB
	}
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return sniffUTF16(head)
	}
	lead := bytes.TrimLeft(head, " \t\r\n\f")
	if !bytes.HasPrefix(lead, []byte("<")) {
		// Text: no need to lower its case (a shelf sniffs every file).
		return FormatText
	}
	lower := bytes.ToLower(lead)
	rest := lower
	// Skip the XML declaration, comments, doctype and processing
	// instructions to find the root element.
	for {
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			i := bytes.Index(rest, []byte("?>"))
			if i < 0 {
				return FormatText
			}
			rest = rest[i+2:]
		case bytes.HasPrefix(rest, []byte("<!--")):
			i := bytes.Index(rest, []byte("-->"))
			if i < 0 {
				return FormatText
			}
			rest = rest[i+3:]
		case bytes.HasPrefix(rest, []byte("<!doctype html")):
			return FormatHTML
		case bytes.HasPrefix(rest, []byte("<!")):
			i := bytes.IndexByte(rest, '>')
			if i < 0 {
				return FormatText
			}
			rest = rest[i+1:]
		default:
			rest = bytes.TrimLeft(rest, " \t\r\n\f")
			if !bytes.HasPrefix(rest, []byte("<")) {
				if bytes.HasPrefix(lower, []byte("<?xml")) {
					return "xml"
				}
				return FormatText
			}
			return rootFormat(rest, lower)
		}
		rest = bytes.TrimLeft(rest, " \t\r\n\f")
	}
}

// rootFormat tells the format by the root element that starts rest.
func rootFormat(rest, lower []byte) string {
	for _, p := range []string{"<rss", "<rdf:rdf", "<feed", "<rdf "} {
		if bytes.HasPrefix(rest, []byte(p)) {
			return FormatFeed
		}
	}
	for _, p := range []string{"<html", "<head", "<body", "<meta", "<title", "<link", "<script", "<style"} {
		if bytes.HasPrefix(rest, []byte(p)) {
			return FormatHTML
		}
	}
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<body")) {
			return FormatHTML
		}
		return "xml"
	}
	// A fragment saved from a page: markup with a body of its own.
	if bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<founder-")) {
		return FormatHTML
	}
	return FormatText
}

// sniffUTF16 tells the format of UTF-16 data by its first characters.
func sniffUTF16(head []byte) string {
	var b []byte
	for i := 2; i+1 < len(head); i += 2 {
		c := head[i]
		if head[0] == 0xfe {
			c = head[i+1]
		}
		b = append(b, c)
	}
	if f := Sniff(b); f == FormatHTML || f == FormatFeed || f == "xml" {
		return f
	}
	return FormatText
}

// IsEPUB reports whether data is an EPUB: a ZIP archive whose first entry
// is the file mimetype holding application/epub+zip.
func IsEPUB(data []byte) bool {
	return len(data) >= 58 && bytes.HasPrefix(data, []byte("PK\x03\x04")) &&
		string(data[30:38]) == "mimetype" && bytes.Contains(data[38:min(len(data), 100)], []byte("application/epub+zip"))
}

// parseAs parses data in the given format.
func parseAs(format, name string, data []byte, opt Options) (*issue.Issue, error) {
	var is *issue.Issue
	var err error
	switch strings.ToLower(format) {
	case FormatHTML:
		is, err = epaper.Read(data, name, opt.Encoding)
	case FormatFeed:
		is, err = feed.Read(data, opt.Encoding)
	case FormatEPUB:
		is, err = epub.Read(data)
	case "xml":
		err = ErrUnknownXML
	default:
		return parseText(name, data, opt)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return is, nil
}

// parseText parses a text export (see package issue); a file of the
// per-article archive form also by its name.
func parseText(name string, data []byte, opt Options) (*issue.Issue, error) {
	iopt := textOptions(name, opt)
	if _, _, _, ok := issue.ArchiveName(name); ok {
		// One file of the per-article archive form: its name gives the
		// date and the page.
		return issue.ParseArchiveOwned(name, data, iopt)
	}
	return issue.ParseOwned(data, iopt)
}

// textOptions are the options of package issue's parse of a text export.
func textOptions(name string, opt Options) issue.Options {
	return issue.Options{Name: name, Encoding: opt.Encoding, MaxBytes: LimitOf(opt.MaxBytes), Scratch: opt.Scratch}
}

// ParseDay parses the saved pages of one day of an e-paper (layout and
// article pages) as one issue: see epaper.ReadDay. names name the files
// (their paths give the date and resolve the links between them).
func ParseDay(names []string, datas [][]byte, opt Options) (*issue.Issue, error) {
	files := make([]epaper.File, len(names))
	for i := range names {
		files[i] = epaper.File{Name: names[i], Data: datas[i]}
	}
	is, err := epaper.ReadDay(files, opt.Encoding)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", DayName(names), err)
	}
	return is, nil
}

// DayName names a saved day in messages: the folder of its first file.
func DayName(names []string) string {
	if len(names) == 0 {
		return "day"
	}
	return filepath.Dir(names[0])
}
