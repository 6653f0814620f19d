//go:build unix

package tui

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"dubao/ui/tui/internal/tuitest"
)

// TestPipeQuit: quitting dubao (q, ctrl+c) stops a running command and
// what it started.
func TestPipeQuit(t *testing.T) {
	tuitest.NeedCommands(t, "sh", "sleep")
	for _, k := range []string{"q", "\x03"} {
		t.Run(strconv.Quote(k), func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "pids")
			in, keys := io.Pipe()
			errc := make(chan error, 1)
			go func() {
				errc <- Run(context.Background(), sample(t), Options{Input: in, Output: io.Discard})
			}()
			go func() {
				_, _ = io.WriteString(keys, "|"+tuitest.PidsCommand(file)+"\r")
			}()
			pids := tuitest.WaitPids(t, file)
			go func() { _, _ = io.WriteString(keys, k) }()
			select {
			case <-errc:
			case <-time.After(10 * time.Second):
				t.Fatal("dubao does not quit while a command runs")
			}
			keys.Close()
			tuitest.CheckGone(t, pids, "quit")
		})
	}
}
