//go:build unix

package reader

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/tui/internal/tuitest"
)

// pipeCommand opens the | prompt with command typed and returns the
// command enter starts (not run yet).
func pipeCommand(t *testing.T, m *Model, command string) tea.Cmd {
	t.Helper()
	press(t, m, "|")
	r := reader(m)
	r.input.SetValue(command)
	_, cmd := m.Update(keyMsg("enter"))
	if cmd == nil || r.output.job == nil {
		t.Fatalf("| %s starts nothing", command)
	}
	return cmd
}

// TestPipeEndless: the output of a command that never ends (yes) is cut
// at the limits, the command stopped, and what was kept shown.
func TestPipeEndless(t *testing.T) {
	tuitest.NeedCommands(t, "sh", "yes")
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	cmd := pipeCommand(t, m, "yes")
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(10 * time.Second):
		r.stopPipe()
		t.Fatal("| yes did not stop by itself")
	}
	pm, ok := msg.(pipeDoneMsg)
	if !ok || !pm.cut || len(pm.output) > pipeMaxBytes || bytes.Count(pm.output, []byte("\n")) != pipeMaxLines {
		t.Fatalf("| yes: %T cut %v, %d bytes", msg, pm.cut, len(pm.output))
	}
	send(m, msg)
	if r.overlay != overlayOutput || r.output.job != nil || !strings.Contains(screen(m), "输出过长") {
		t.Errorf("| yes:\n%s", screen(m))
	}
}

// TestPipeLargeOutput: a large finite output is shown up to the limit.
func TestPipeLargeOutput(t *testing.T) {
	tuitest.NeedCommands(t, "sh", "seq")
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	send(m, keyMsg("|"))
	r.input.SetValue("seq 1 2000000")
	press(t, m, "enter")
	if r.overlay != overlayOutput {
		t.Fatalf("| seq shows nothing:\n%s", screen(m))
	}
	lines := strings.Split(screen(m), "\n")
	if lines[2] != "1" || lines[3] != "2" {
		t.Errorf("| seq does not start with 1 2:\n%s", screen(m))
	}
	press(t, m, "G")
	if sc := screen(m); !strings.Contains(sc, "\n"+strconv.Itoa(pipeMaxLines)+"\n") || !strings.Contains(sc, "输出到此截断") {
		t.Errorf("| seq does not end at line %d with a note:\n%s", pipeMaxLines, sc)
	}
}

// TestPipeEsc: esc stops a running command and everything it started; its
// result, arriving later, is not shown.
func TestPipeEsc(t *testing.T) {
	tuitest.NeedCommands(t, "sh", "sleep")
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	file := filepath.Join(t.TempDir(), "pids")
	cmd := pipeCommand(t, m, tuitest.PidsCommand(file))
	if !strings.Contains(screen(m), "esc 取消") {
		t.Errorf("no word of how to stop the command:\n%s", screen(m))
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	pids := tuitest.WaitPids(t, file)
	press(t, m, "j") // other keys work meanwhile
	if !strings.Contains(screen(m), "运行") {
		t.Errorf("the status line forgets the command:\n%s", screen(m))
	}
	press(t, m, "esc")
	tuitest.CheckGone(t, pids, "esc")
	if r.output.job != nil || !strings.Contains(screen(m), "已取消") {
		t.Errorf("esc:\n%s", screen(m))
	}
	select {
	case msg := <-done:
		send(m, msg)
		if r.overlay != overlayNone || strings.Contains(screen(m), "退出码") {
			t.Errorf("the result of a cancelled command is shown:\n%s", screen(m))
		}
	case <-time.After(5 * time.Second):
		t.Error("the command's result never came")
	}
	// esc does its usual work again
	r.focus = focusArticle
	press(t, m, "esc")
	if r.focus != focusList {
		t.Errorf("esc after the command does not go back to the list")
	}
}

// TestPipeStopDoesNotWait: esc stops a command without waiting for it to
// end, even when the end takes a while (a process outside its group holds
// its output open: exec waits pipeWaitDelay for it), so that Update never
// blocks; Leave gives the channel quitting waits on.
func TestPipeStopDoesNotWait(t *testing.T) {
	tuitest.NeedCommands(t, "sh", "setsid", "sleep")
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	file := filepath.Join(t.TempDir(), "pids")
	cmd := pipeCommand(t, m, "setsid sleep 3 & "+tuitest.PidsCommand(file))
	job := r.output.job
	go cmd()
	tuitest.WaitPids(t, file)
	press(t, m, "esc")
	select {
	case <-job.done:
		t.Error("esc waited until the command ended")
	default:
	}
	if r.output.job != nil {
		t.Error("esc does not stop the command")
	}
	select {
	case <-job.done:
	case <-time.After(StopWait + time.Second):
		t.Error("the stopped command never ended")
	}
}
