//go:build unix

package e2e

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"dubao/issue/safefile/safefiletest"
)

// writeTinyIssue writes the pathological issue of issue #18 (items 3 and
// 7) to path: n tiny articles (a numbered title and a one-character body)
// on one page, about 21 bytes each.
func writeTinyIssue(t testing.TB, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprint(w, "# 第一版 要闻\n\n")
	for i := range n {
		fmt.Fprintf(w, "## 题%d\n\n文。\n\n", i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

var (
	tinyOnce sync.Once
	tinyPath string
)

// tinyIssue returns the path of an issue of a million tiny articles (21 MB),
// written once per test binary.
func tinyIssue(t testing.TB) string {
	tinyOnce.Do(func() {
		tinyPath = filepath.Join(scratch, "tiny.md")
		writeTinyIssue(t, tinyPath, 1_000_000)
	})
	return tinyPath
}

// signalMidRun starts dubao with args, sends sig after delay and returns
// its exit status, its stderr and how long it took to exit after the
// signal.
func signalMidRun(t testing.TB, sig syscall.Signal, delay time.Duration, args ...string) (int, string, time.Duration) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &errb // stdout: /dev/null
	cmd.Env = append(os.Environ(), "NO_COLOR=", "TERM=xterm-256color")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitParsing(cmd.Process.Pid)
	time.Sleep(delay)
	sent := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	var err error
	safefiletest.NoHang(t, fmt.Sprintf("dubao %v after %v", args, sig), func() { err = cmd.Wait() })
	took := time.Since(sent)
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, errb.String(), took
	case errors.As(err, &exit):
		return exit.ExitCode(), errb.String(), took
	}
	t.Fatalf("dubao %v: %v", args, err)
	return 0, "", 0
}

// waitParsing waits until the process pid has read its input (its
// resident memory passes 40 MB), so that a signal reaches it mid-parse and
// not while it starts (before it handles signals) however loaded the
// machine is; without /proc it returns at once.
func waitParsing(pid int) {
	statm := fmt.Sprintf("/proc/%d/statm", pid)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(statm)
		if err != nil {
			return
		}
		var size, resident int64
		if _, err := fmt.Sscan(string(data), &size, &resident); err != nil {
			return
		}
		if resident*int64(os.Getpagesize()) > 40<<20 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestSignalsMidParse (issue #18, item 3): SIGINT, SIGTERM and SIGHUP in
// the middle of reading a huge issue end dubao with 130, 143 and 129, and
// nothing on stderr. (How fast: BenchmarkSignalExit.)
func TestSignalsMidParse(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 21 MB issue")
	}
	file := tinyIssue(t)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}, {syscall.SIGHUP, 129}} {
		for _, cmd := range []string{"list", "json"} {
			code, stderr, _ := signalMidRun(t, tc.sig, 100*time.Millisecond, cmd, file)
			if code != tc.code || stderr != "" {
				t.Errorf("%s, %v mid-parse: exit %d, stderr %q; want %d and nothing", cmd, tc.sig, code, stderr, tc.code)
			}
		}
	}
}

// BenchmarkSignalExit measures how long dubao takes to exit after SIGINT,
// SIGTERM or SIGHUP sent while it parses a million tiny articles (issue
// #18, item 3: within 100 ms). It reports the minimum, median and maximum
// over the runs, in milliseconds:
//
//	go test ./ui/cli/e2e -run '^$' -bench SignalExit -benchtime 10x
func BenchmarkSignalExit(b *testing.B) {
	file := tinyIssue(b)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		for _, cmd := range []string{"list", "json"} {
			b.Run(fmt.Sprintf("%s/%s", cmd, sig), func(b *testing.B) {
				var times []float64
				for i := 0; b.Loop(); i++ {
					// Signal at varying moments of the parse.
					delay := time.Duration(50*(i%8)) * time.Millisecond
					code, stderr, took := signalMidRun(b, sig, delay, cmd, file)
					if code != 128+int(sig) {
						b.Fatalf("exit %d (stderr %q), want %d", code, stderr, 128+int(sig))
					}
					times = append(times, float64(took.Microseconds())/1000)
				}
				slices.Sort(times)
				b.ReportMetric(times[0], "min-ms")
				b.ReportMetric(times[len(times)/2], "median-ms")
				b.ReportMetric(times[len(times)-1], "max-ms")
				b.ReportMetric(0, "ns/op")
			})
		}
	}
}
