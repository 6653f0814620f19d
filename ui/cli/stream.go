package cli

import (
	"errors"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"dubao/issue"
	"dubao/issue/safefile"
	"dubao/issue/source"
)

// streamPart is the memory a streamed parse expects to hold: a part of
// the text and the articles waiting for their continuation.
const streamPart = 8 * issue.DefaultPartSize

// streamIssue reads the one issue file that arg names in parts
// (issue.Stream), handing its sections to emit as they are final, for
// list and json (finalHead: see issue.StreamOptions). It returns false, having emitted nothing, when the issue
// is to be read whole: the sample, stdin, a folder, a --format other than
// text or an --encoding given, a file that is not text, and text that
// decoding would change (see issue.Stream).
func (r *runner) streamIssue(arg string, finalHead bool, emit func(head *issue.Issue, secs []issue.Section, last bool) error) (bool, error) {
	if arg == "" || arg == "-" || r.app.streamPart < 0 || r.flags.encoding != "" || r.flags.format != "" && !strings.EqualFold(r.flags.format, source.FormatText) {
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
	r.app.Memory.Expect(streamPart)
	if os.Getenv("GOGC") == "" {
		// A small live heap, a part at a time: collected at the default
		// pace, the heap stays a few parts large (main's 400 is for
		// shelves, whose garbage is many small issues).
		defer debug.SetGCPercent(debug.SetGCPercent(100))
	}
	err = issue.Stream(f, info.Size(), issue.StreamOptions{Name: arg, MaxBytes: r.app.maxBytes, FinalHead: finalHead, PartSize: r.app.streamPart}, emit)
	if errors.Is(err, issue.ErrNotStreamed) {
		return false, nil
	}
	return true, err
}
