package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// pipeSizeOf returns the size of the pipe f is an end of.
func pipeSizeOf(t *testing.T, f *os.File) int {
	t.Helper()
	c, err := f.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	var ferr error
	if err := c.Control(func(fd uintptr) { n, ferr = unix.FcntlInt(fd, unix.F_GETPIPE_SZ, 0) }); err != nil || ferr != nil {
		t.Fatalf("F_GETPIPE_SZ: %v, %v", err, ferr)
	}
	return n
}

// pipeMax is the largest pipe this process may ask for
// (/proc/sys/fs/pipe-max-size), 0 when unknown.
func pipeMax() int {
	b, err := os.ReadFile("/proc/sys/fs/pipe-max-size")
	if err != nil {
		return 0
	}
	n := 0
	for _, c := range strings.TrimSpace(string(b)) {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestWidenPipe: a pipe (behind the error-recording writer dubao's
// stdout is) is widened to pipeSize, and still carries every byte; one
// already as wide is never narrowed; a size the system refuses leaves
// the pipe as it was and says nothing; what is not a pipe (a file,
// /dev/null, a buffer, a closed file) is left as it is.
func TestWidenPipe(t *testing.T) {
	if pipeMax() < pipeSize {
		t.Skipf("pipes here hold at most %d bytes (/proc/sys/fs/pipe-max-size)", pipeMax())
	}
	newPipe := func() (*os.File, *os.File) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(); w.Close() })
		return r, w
	}
	r, w := newPipe()
	before := pipeSizeOf(t, w)
	widenPipe(&outputError{w: w})
	if got := pipeSizeOf(t, w); got != pipeSize || before >= pipeSize {
		t.Errorf("pipe of %d bytes widened to %d, want %d", before, got, pipeSize)
	}
	// More than the usual 64 KiB goes in without a reader, and comes out whole.
	data := bytes.Repeat([]byte("发展\n"), 3*before/7)
	if n, err := w.Write(data); n != len(data) || err != nil {
		t.Fatalf("write %d bytes: %d, %v", len(data), n, err)
	}
	w.Close()
	if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, data) {
		t.Errorf("read back %d of %d bytes, %v", len(got), len(data), err)
	}

	// Never narrowed.
	_, w = newPipe()
	widenPipe(w)
	widenPipeTo(w, pipeSize/4)
	if got := pipeSizeOf(t, w); got != pipeSize {
		t.Errorf("a pipe of %d bytes asked for %d: %d", pipeSize, pipeSize/4, got)
	}

	// Refused (a gibibyte is beyond what a pipe may take here, unless
	// this runs with the privilege to allow it): the pipe as it was.
	r, w = newPipe()
	before = pipeSizeOf(t, w)
	widenPipeTo(w, 1<<30)
	if got := pipeSizeOf(t, w); got != before && got != 1<<30 {
		t.Errorf("a refused widening left the pipe at %d bytes, it had %d", got, before)
	}
	if _, err := w.Write([]byte("发展\n")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	if n, err := r.Read(buf); err != nil || string(buf[:n]) != "发展\n" {
		t.Errorf("after a refused widening, read %q, %v", buf[:n], err)
	}

	// Not pipes.
	file, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	closed, err := os.Create(filepath.Join(t.TempDir(), "closed"))
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	for _, f := range []*os.File{file, devNull} {
		flags, _ := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
		widenPipe(&outputError{w: f})
		if after, _ := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0); after != flags {
			t.Errorf("%s: flags %#x became %#x", f.Name(), flags, after)
		}
		if _, err := f.WriteString("发展\n"); err != nil {
			t.Errorf("%s: %v", f.Name(), err)
		}
	}
	widenPipe(closed)
	widenPipe(&bytes.Buffer{})
	widenPipe(&outputError{w: &bytes.Buffer{}})
}

// TestSearchWidensPipe: dubao search of a shelf into a pipe widens it,
// and writes what it writes into a buffer; the search of one issue
// leaves the pipe as it is.
func TestSearchWidensPipe(t *testing.T) {
	if pipeMax() < pipeSize {
		t.Skipf("pipes here hold at most %d bytes (/proc/sys/fs/pipe-max-size)", pipeMax())
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	for _, date := range []string{"2024-03-08", "2024-03-09", "2024-03-10"} {
		if err := os.WriteFile(filepath.Join(dir, date+".md"), []byte(twoArticles), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		args  []string
		widen bool
	}{
		{[]string{"search", dir, "春耕"}, true},
		{[]string{"search", filepath.Join(dir, "2024-03-09.md"), "春耕"}, false},
	} {
		want := run(t, App{}, "", tt.args...)
		if want.code != 0 || want.stdout == "" {
			t.Fatalf("%v: status %d, %q, %q", tt.args, want.code, want.stdout, want.stderr)
		}
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		before := pipeSizeOf(t, w)
		got := make(chan []byte, 1)
		go func() {
			b, _ := io.ReadAll(r)
			got <- b
		}()
		var stderr bytes.Buffer
		code := App{Sample: sample(t), Environ: []string{"TERM=dumb"}}.Run(context.Background(), tt.args, strings.NewReader(""), w, &stderr)
		size := pipeSizeOf(t, w)
		w.Close()
		out := <-got
		r.Close()
		if code != want.code || string(out) != want.stdout || stderr.String() != want.stderr {
			t.Errorf("%v into a pipe: status %d, %d bytes, %q; into a buffer: %d, %d bytes, %q", tt.args, code, len(out), stderr.String(), want.code, len(want.stdout), want.stderr)
		}
		if tt.widen && size != pipeSize || !tt.widen && size != before {
			t.Errorf("%v: the pipe of %d bytes holds %d after the search (widen: %v)", tt.args, before, size, tt.widen)
		}
	}
}
