package cli

import (
	"errors"
	"io"
	"strings"
	"syscall"

	"dubao/issue/textsafe"
)

// safeText returns s made safe to print (issue/textsafe: escape sequences
// and the characters that control a terminal or reorder text removed,
// invalid UTF-8 as U+FFFD). With keepStyle, the SGR sequences (colours,
// bold) and OSC 8 hyperlinks of dubao's renderer survive; without it, the
// spaces at line ends are removed too.
//
// The parser already strips control characters from the model: this is the
// last guard before stdout, so that no byte of a source file can reach the
// terminal as a command whatever the layers above do.
func safeText(s string, keepStyle bool) string {
	if keepStyle {
		return textsafe.Styled(s)
	}
	return trimLineEnds(textsafe.Text(s))
}

// trimLineEnds removes the spaces at the end of every line of s.
func trimLineEnds(s string) string {
	if !strings.Contains(s, " \n") && !strings.HasSuffix(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		line, rest, more := strings.Cut(s, "\n")
		b.WriteString(strings.TrimRight(line, " "))
		if !more {
			return b.String()
		}
		b.WriteByte('\n')
		s = rest
	}
}

// isBrokenPipe reports whether err is a write to a closed pipe: the reader
// (head, less) has gone away, and the command should end quietly.
func isBrokenPipe(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, io.ErrClosedPipe)
}

// writeEach writes bufs to w one after the other, a Write each.
func writeEach(w io.Writer, bufs [][]byte) error {
	for _, b := range bufs {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
