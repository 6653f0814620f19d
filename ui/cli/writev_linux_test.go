package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// lineBufs returns n buffers of lines of growing length, some empty.
func lineBufs(n int) [][]byte {
	bufs := make([][]byte, n)
	for i := range bufs {
		if i%7 == 3 {
			continue // empty
		}
		bufs[i] = fmt.Appendf(nil, "%d\t%s\n", i, bytes.Repeat([]byte("发展"), i%50))
	}
	return bufs
}

// TestWriteLines: buffers written with writev reach a pipe, a file and
// a writer that is not a file whole and in order — more buffers than one
// writev takes, empty ones among them, and through a non-blocking pipe
// whose reader is slow (partial writes, the poller waiting); a closed
// pipe's error is os.File.Write's, a broken pipe, and recorded.
func TestWriteLines(t *testing.T) {
	want := func(bufs [][]byte) []byte { return bytes.Join(bufs, nil) }

	// A blocking pipe (as a shell gives stdout; os.Pipe's are not), its
	// reader quick.
	fds := make([]int, 2)
	if err := syscall.Pipe2(fds, syscall.O_CLOEXEC); err != nil {
		t.Fatal(err)
	}
	r, w := os.NewFile(uintptr(fds[0]), "r"), os.NewFile(uintptr(fds[1]), "w")
	bufs := lineBufs(3*iovMax + 5)
	all := want(bufs)
	got := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(r)
		got <- b
	}()
	if err := writeLines(&outputError{w: w}, bufs); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if b := <-got; !bytes.Equal(b, all) {
		t.Errorf("pipe: read %d bytes, want %d", len(b), len(all))
	}
	r.Close()

	// A non-blocking pipe (in Go's poller) whose reader takes its time:
	// writev writes part of what it is given, or nothing (EAGAIN), and
	// goes on once the poller says the pipe has room.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	bufs = lineBufs(2000)
	for i := range bufs {
		bufs[i] = bytes.Repeat(bufs[i], 20) // ~2 MB, more than the pipe holds
	}
	all = want(bufs)
	go func() {
		var b []byte
		chunk := make([]byte, 7000)
		for {
			time.Sleep(100 * time.Microsecond)
			n, err := r.Read(chunk)
			b = append(b, chunk[:n]...)
			if err != nil {
				got <- b
				return
			}
		}
	}()
	if err := writeLines(w, bufs); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if b := <-got; !bytes.Equal(b, all) {
		t.Errorf("non-blocking pipe: read %d bytes, want %d", len(b), len(all))
	}
	r.Close()

	// A file, and a writer that is not one.
	name := filepath.Join(t.TempDir(), "out")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	bufs = lineBufs(50)
	all = want(bufs)
	if err := writeLines(f, bufs); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if b, err := os.ReadFile(name); err != nil || !bytes.Equal(b, all) {
		t.Errorf("file: %d bytes, %v; want %d", len(b), err, len(all))
	}
	var buf bytes.Buffer
	if err := writeLines(&outputError{w: &buf}, bufs); err != nil || !bytes.Equal(buf.Bytes(), all) {
		t.Errorf("buffer: %d bytes, %v; want %d", buf.Len(), err, len(all))
	}

	// A pipe whose reader has gone (SIGPIPE is ignored by dubao, and by
	// the test binary for writes that are not to stdout).
	r, w, err = os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	o := &outputError{w: w}
	err = writeLines(o, lineBufs(10))
	var pe *os.PathError
	if !errors.As(err, &pe) || pe.Op != "write" || pe.Path != w.Name() || !isBrokenPipe(err) {
		t.Errorf("closed pipe: %#v, want a write PathError of %s, a broken pipe", err, w.Name())
	}
	_, werr := w.Write([]byte("x"))
	if fmt.Sprint(err) != fmt.Sprint(werr) {
		t.Errorf("closed pipe: %q, os.File.Write says %q", err, werr)
	}
	if o.failed() == nil {
		t.Error("closed pipe: the error is not recorded")
	}
	w.Close()
}

// TestAdvance: advance drops the bytes written, across and within buffers.
func TestAdvance(t *testing.T) {
	for n := 0; n <= 9; n++ {
		bufs := [][]byte{[]byte("ab"), nil, []byte("cde"), []byte("f"), {}, []byte("ghi")}
		rest := advance(bufs, n)
		if got := string(bytes.Join(rest, nil)); got != "abcdefghi"[n:] {
			t.Errorf("advance %d: %q, want %q", n, got, "abcdefghi"[n:])
		}
		if n > 0 && len(rest) > 0 && len(rest[0]) == 0 && n < 9 {
			t.Errorf("advance %d: an empty buffer first: %q", n, rest)
		}
	}
}

// TestSearchHeldLines: a shelf's search into a blocking pipe and into a
// file (its lines held in their batches and written with writev, more
// batches than maxHeld and more bytes than the buffer among them) writes
// what it writes into a buffer, and says the same.
func TestSearchHeldLines(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range maxHeld + 40 {
		text := twoArticles
		if i == 100 {
			text = strings.Repeat(twoArticles, 1000) // 2,000 lines
		}
		name := filepath.Join(dir, day.AddDate(0, 0, i).Format("2006-01-02")+".md")
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"search", dir, "春耕"}
	want := run(t, App{}, "", args...)
	if want.code != 0 || strings.Count(want.stdout, "\n") != 2*(maxHeld+40)+1998 {
		t.Fatalf("into a buffer: status %d, %d lines, %q", want.code, strings.Count(want.stdout, "\n"), want.stderr)
	}
	for _, into := range []string{"pipe", "file"} {
		var w *os.File
		got := make(chan []byte, 1)
		name := filepath.Join(t.TempDir(), "out")
		if into == "pipe" {
			fds := make([]int, 2)
			if err := syscall.Pipe2(fds, syscall.O_CLOEXEC); err != nil {
				t.Fatal(err)
			}
			r := os.NewFile(uintptr(fds[0]), "r")
			w = os.NewFile(uintptr(fds[1]), "w")
			go func() {
				b, _ := io.ReadAll(r)
				r.Close()
				got <- b
			}()
		} else {
			var err error
			if w, err = os.Create(name); err != nil {
				t.Fatal(err)
			}
		}
		var stderr bytes.Buffer
		code := App{Sample: sample(t), Environ: []string{"TERM=dumb"}}.Run(context.Background(), args, strings.NewReader(""), w, &stderr)
		w.Close()
		var out []byte
		if into == "pipe" {
			out = <-got
		} else {
			out, _ = os.ReadFile(name)
		}
		if code != want.code || string(out) != want.stdout || stderr.String() != want.stderr {
			t.Errorf("into a %s: status %d, %d bytes, %q; into a buffer: %d, %d bytes, %q", into, code, len(out), stderr.String(), want.code, len(want.stdout), want.stderr)
		}
	}
}

// TestWriteLinesNonblockLater: a pipe that was blocking when its File
// was made (stdout as a shell gives it, not in Go's poller) and was made
// non-blocking since (by another program on the same terminal or pipe)
// fails, once full, with os.File.Write's error (resource temporarily
// unavailable), not the poller's "waiting for unsupported file type".
func TestWriteLinesNonblockLater(t *testing.T) {
	pipe := func() (r, w *os.File) {
		fds := make([]int, 2)
		if err := syscall.Pipe2(fds, syscall.O_CLOEXEC); err != nil {
			t.Fatal(err)
		}
		r, w = os.NewFile(uintptr(fds[0]), "r"), os.NewFile(uintptr(fds[1]), "w")
		if err := syscall.SetNonblock(fds[1], true); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(); w.Close() })
		return r, w
	}
	big := bytes.Repeat([]byte("发展\n"), 1<<20) // more than a pipe holds
	_, w := pipe()
	_, werr := w.Write(big)
	if !errors.Is(werr, syscall.EAGAIN) {
		t.Fatalf("os.File.Write into a full pipe: %v, want EAGAIN", werr)
	}
	_, w = pipe()
	o := &outputError{w: w}
	err := writeLines(o, [][]byte{big[:1000], big[1000:]})
	if !errors.Is(err, syscall.EAGAIN) || fmt.Sprint(err) != fmt.Sprint(werr) {
		t.Errorf("writeLines into a full pipe: %q, os.File.Write says %q", err, werr)
	}
	if o.failed() == nil {
		t.Error("the error is not recorded")
	}
}
