package source

import (
	"errors"
	"fmt"
	"io"

	"dubao/issue"
	"dubao/issue/safefile"
)

// SniffSize is how much of a file is read first to tell a binary file.
const SniffSize = 8192

// ErrEmpty is returned for an empty file.
var ErrEmpty = errors.New("empty file")

// LimitOf returns the size limit that n sets: n itself when positive,
// else issue.MaxSize.
func LimitOf(n int64) int64 {
	if n > 0 {
		return n
	}
	return issue.MaxSize
}

// TooLargeError is the error for a file of Size bytes (−1: unknown, it was
// read past the limit) over the size Limit. It wraps issue.ErrTooLarge.
type TooLargeError struct {
	Size, Limit int64
}

// Error says "too large (80.0 MB, the limit is 64.0 MB)", or "too large
// (more than 64.0 MB, the limit)".
func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%v (more than %s, the limit)", issue.ErrTooLarge, Megabytes(e.Limit))
	}
	return fmt.Sprintf("%v (%s, the limit is %s)", issue.ErrTooLarge, Megabytes(e.Size), Megabytes(e.Limit))
}

// Unwrap returns issue.ErrTooLarge.
func (e *TooLargeError) Unwrap() error { return issue.ErrTooLarge }

// tooLarge is the error for a file of size bytes (−1: unknown) over limit.
func tooLarge(size, limit int64) error { return &TooLargeError{Size: size, Limit: limit} }

// NotTextError is the error for a file that is binary data of a Kind
// (SniffBinary): "not text: PDF document".
type NotTextError struct {
	Kind string
}

// Error says what the file is instead of text.
func (e *NotTextError) Error() string { return "not text: " + e.Kind }

// Megabytes writes a size for a message: in MB, or in bytes below 1 MB.
func Megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%d MB", n>>20)
}

// Buffers are the read Buffers of one worker, reused from file to file so
// that searching a shelf does not allocate (and collect) its size in
// garbage. Buffer i holds the i-th file of the issue being read.
type Buffers struct {
	bufs [][]byte
	ws   issue.Workspace // for Summarize
}

// Read reads the file name, of the given size, into buffer i and returns
// its bytes, valid until buffer i is read into again. It does not check
// that the file is text (see readInto).
func (b *Buffers) Read(i int, name string, size int64) ([]byte, error) {
	return b.read(i, name, size, issue.MaxSize, false)
}

// ReadText is the package's ReadText into buffer i: the bytes are valid
// until buffer i is read into again.
func (b *Buffers) ReadText(i int, name string, size, limit int64) ([]byte, error) {
	return b.read(i, name, size, limit, true)
}

// read is readInto into buffer i, which keeps the bytes' memory for the
// next file unless it grew huge.
func (b *Buffers) read(i int, name string, size, limit int64, check bool) ([]byte, error) {
	for len(b.bufs) <= i {
		b.bufs = append(b.bufs, nil)
	}
	data, err := readInto(b.bufs[i], name, size, limit, check)
	if cap(data) <= 64<<20 { // keep no huge buffer around
		b.bufs[i] = data[:0]
	}
	return data, err
}

// ReadText reads a text file whose size is known, in one allocation, and
// refuses it when it is larger than limit bytes or binary. The buffer is
// the caller's alone.
func ReadText(name string, size, limit int64) ([]byte, error) {
	return readInto(nil, name, size, limit, true)
}

// readInto reads a file whose size is known into buf (grown as needed).
// With check, its first bytes are checked first, so that a binary file is
// refused without being read whole. A file larger than limit is refused
// before it is read. A file that holds more than its size said — it grew,
// or it is a pipe or a device, which have no size (/dev/zero, <(cmd)) —
// is read on, but never past the limit, and with check its first bytes
// are checked all the same.
func readInto(buf []byte, name string, size, limit int64, check bool) ([]byte, error) {
	if size > limit {
		return buf[:0], tooLarge(size, limit)
	}
	if !check {
		if data, ok := readRegular(buf, name, size); ok {
			return data, nil
		}
	}
	return readAny(buf, name, size, limit, check)
}

// readAny is readInto for any file: a regular one, a pipe, a device.
func readAny(buf []byte, name string, size, limit int64, check bool) ([]byte, error) {
	// A named pipe is opened without waiting for a writer: one with none
	// is an error at once, not a wait without end (see below).
	f, err := safefile.Open(name)
	if err != nil {
		return buf[:0], err
	}
	defer f.Close()
	if int64(cap(buf)) < size+1 {
		buf = make([]byte, size+1)
	}
	buf = buf[:size+1]
	head := min(size+1, SniffSize)
	n, err := io.ReadFull(f, buf[:head])
	if check && int64(n) < head || check && n == SniffSize {
		if kind := SniffBinary(buf[:n]); kind != "" {
			return buf[:0], &NotTextError{Kind: kind}
		}
	}
	if err == nil && head < int64(len(buf)) {
		var m int
		m, err = io.ReadFull(f, buf[head:])
		n += m
	}
	switch err {
	case io.ErrUnexpectedEOF, io.EOF:
		err = nil
	case nil:
		// More than size bytes: read the rest, up to the limit.
		sniffed := !check || n >= SniffSize
		buf, err = readRest(f, buf[:n], limit, sniffed)
		n = len(buf)
	}
	if err == nil && n == 0 {
		err = ErrEmpty
		if nw := safefile.NothingRead(f); nw != nil {
			err = nw
		}
	}
	return buf[:n], err
}

// ReadAll reads r to its end as dubao reads a file: it refuses binary data
// as soon as its first bytes show it, and more than limit bytes (0 means
// issue.MaxSize) with an error that wraps issue.ErrTooLarge, so that
// neither a pipe of random bytes nor an endless one (/dev/zero, yes) can
// fill the memory. It is for stdin and other streams without a size. An
// empty stream gives no data and no error.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	return readRest(r, nil, LimitOf(limit), false)
}

// readRest appends what is left of r to buf, up to limit bytes in all:
// one more is an error. Unless sniffed, the first SniffSize bytes are read
// first and checked to be text.
func readRest(r io.Reader, buf []byte, limit int64, sniffed bool) ([]byte, error) {
	if !sniffed && len(buf) < SniffSize {
		n := len(buf)
		buf = append(buf, make([]byte, SniffSize-n)...)
		m, err := io.ReadFull(r, buf[n:])
		buf = buf[:n+m]
		if kind := SniffBinary(buf); kind != "" {
			return buf[:0], &NotTextError{Kind: kind}
		}
		switch err {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			return buf, nil
		default:
			return buf, err
		}
	}
	if int64(len(buf)) > limit {
		return buf[:0], tooLarge(-1, limit)
	}
	buf, err := appendAll(buf, io.LimitReader(r, limit+1-int64(len(buf))))
	if err != nil {
		return buf[:0], err
	}
	if int64(len(buf)) > limit {
		return buf[:0], tooLarge(-1, limit)
	}
	return buf, nil
}

// appendAll appends what r holds to buf, as io.ReadAll does but into
// buf, so that a large stream is not copied once more at the end.
func appendAll(buf []byte, r io.Reader) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
