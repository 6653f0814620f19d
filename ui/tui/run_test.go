package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
)

// TestRun runs the program on fake input and output: it takes keys, quits
// on q and reports where the reader was.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	var left int
	err := Run(context.Background(), sample(t), Options{
		Name:    "sample",
		Input:   strings.NewReader("jjq"),
		Output:  &out,
		OnLeave: func(_ *issue.Issue, n int, _ issue.Pos) { left = n },
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	// (without a terminal there is no size, so nothing is drawn before q)
	if !strings.Contains(out.String(), "\x1b]2;dubao · 青溪日报 2024-03-08\a") {
		t.Errorf("window title not set: %q", out.String())
	}
	if left != 3 {
		t.Errorf("left at article %d, want 3", left)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe() // no key ever comes
	defer w.Close()
	go func() {
		time.Sleep(200 * time.Millisecond)
		cancel()
	}()
	err := Run(ctx, sample(t), Options{Input: r, Output: io.Discard})
	if !errors.Is(err, tea.ErrInterrupted) {
		t.Errorf("cancelled Run returned %v, want ErrInterrupted", err)
	}
}

func TestRunNothing(t *testing.T) {
	if err := Run(context.Background(), nil, Options{}); err == nil {
		t.Error("Run without an issue or a shelf returned no error")
	}
}
