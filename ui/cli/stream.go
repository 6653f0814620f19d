package cli

import (
	"context"
	"errors"
	"io"
	"strings"

	"dubao/issue"
	"dubao/issue/safefile"
	"dubao/issue/source"
)

// streamLimit is the soft memory limit of a streamed parse, whose live
// heap is a part of the text, its records and the articles waiting for a
// continuation: some 10 MB. Under it main's GOGC=400 collects seldom; with
// the 64 MB floor the heap grew to 70 MB of a 50 MB issue, at GOGC=100
// the collector cost a quarter more CPU.
const streamLimit = 40 << 20

// streamIssue reads the one issue file that arg names in parts
// (issue.Stream), handing its sections to emit as they are final, for
// list, json and cat --all (finalHead: see issue.StreamOptions). emit must
// write the sections out before it returns: their memory is reused. It returns false, having emitted nothing, when the issue
// is to be read whole: the sample, stdin, a folder, a --format other than
// text or an --encoding given, a file that is not text, a file named as
// one of the per-article archive, and text that decoding would change
// other than making CRLF lines LF lines (see issue.Stream). When ctx is
// done it stops between parts, emits nothing more and returns ctx.Err().
func (r *runner) streamIssue(ctx context.Context, arg string, finalHead bool, emit func(head *issue.Issue, secs []issue.Section, last bool) error) (bool, error) {
	if arg == "" || arg == "-" || r.app.streamPart < 0 || r.flags.encoding != "" || r.flags.format != "" && !strings.EqualFold(r.flags.format, source.FormatText) {
		return false, nil
	}
	if _, _, _, ok := issue.ArchiveName(arg); ok {
		// A file of the per-article archive form: its name gives the
		// date and the page (see source.Parse).
		return false, nil
	}
	f, err := safefile.Open(arg) // never waits on a named pipe
	if err != nil {
		return false, nil // the whole read says why
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() == 0 {
		return false, nil
	}
	head := make([]byte, min(info.Size(), source.SniffSize))
	if _, err := io.ReadFull(f, head); err != nil {
		return false, nil
	}
	if source.SniffBinary(head) != "" || r.flags.format == "" && source.Sniff(head) != source.FormatText {
		return false, nil
	}
	r.app.Memory.Small(streamLimit)
	err = issue.Stream(ctx, f, info.Size(), issue.StreamOptions{Name: arg, MaxBytes: r.app.maxBytes, FinalHead: finalHead, PartSize: r.app.streamPart, Reuse: true}, emit)
	if errors.Is(err, issue.ErrNotStreamed) {
		return false, nil
	}
	return true, err
}

// endStreamed ends the output of a command that printed an issue as
// streamIssue read it (list, json, cat --all), after it returned err.
// Interrupted, nothing more is written. Otherwise flush writes out what
// the command has buffered: after an error midway (the file could not
// be read on, or it changed under the reading), the whole entries printed
// before it stay on stdout — lines of list, articles of cat, sections of
// json's unfinished document — and the error is its one line on stderr,
// with a non-zero status.
func endStreamed(err error, flush func() error) error {
	if isInterrupt(err) {
		return err
	}
	if ferr := flush(); err == nil {
		return ferr
	}
	return err
}
