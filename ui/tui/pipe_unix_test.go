//go:build unix

package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// needCommands skips the test when a command it runs is missing.
func needCommands(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Skipf("needs %s: %v", n, err)
		}
	}
}

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

// pidsCommand is a shell command that writes its own pid and that of a
// background child to file, then waits.
func pidsCommand(file string) string {
	return fmt.Sprintf("sleep 60 & echo $$ $! > %s.tmp; mv %s.tmp %s; wait", file, file, file)
}

// waitPids waits until file holds the pids pidsCommand writes.
func waitPids(t *testing.T, file string) []int {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(file)
		if err == nil {
			var pids []int
			for _, f := range strings.Fields(string(data)) {
				n, err := strconv.Atoi(f)
				if err != nil {
					t.Fatalf("pid file: %q", data)
				}
				pids = append(pids, n)
			}
			return pids
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the command did not start")
	return nil
}

// checkGone fails unless every process of pids has ended (a zombie left
// to an init that does not reap counts as ended), and kills those left.
func checkGone(t *testing.T, pids []int, where string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for _, pid := range pids {
		for !gone(pid) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if !gone(pid) {
			t.Errorf("%s: process %d still runs", where, pid)
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// gone reports whether process pid has ended.
func gone(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return true
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// pid (comm) state …: the comm may hold spaces and parentheses
	i := bytes.LastIndexByte(stat, ')')
	return i >= 0 && i+2 < len(stat) && stat[i+2] == 'Z'
}

// TestPipeEndless: the output of a command that never ends (yes) is cut
// at the limits, the command stopped, and what was kept shown.
func TestPipeEndless(t *testing.T) {
	needCommands(t, "sh", "yes")
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
	needCommands(t, "sh", "seq")
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
	needCommands(t, "sh", "sleep")
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	file := filepath.Join(t.TempDir(), "pids")
	cmd := pipeCommand(t, m, pidsCommand(file))
	if !strings.Contains(screen(m), "esc 取消") {
		t.Errorf("no word of how to stop the command:\n%s", screen(m))
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	pids := waitPids(t, file)
	press(t, m, "j") // other keys work meanwhile
	if !strings.Contains(screen(m), "运行") {
		t.Errorf("the status line forgets the command:\n%s", screen(m))
	}
	press(t, m, "esc")
	checkGone(t, pids, "esc")
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

// TestPipeQuit: quitting dubao (q, ctrl+c) stops a running command and
// what it started.
func TestPipeQuit(t *testing.T) {
	needCommands(t, "sh", "sleep")
	for _, k := range []string{"q", "\x03"} {
		t.Run(strconv.Quote(k), func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "pids")
			in, keys := io.Pipe()
			errc := make(chan error, 1)
			go func() {
				errc <- Run(context.Background(), sample(t), Options{Input: in, Output: io.Discard})
			}()
			go func() {
				_, _ = io.WriteString(keys, "|"+pidsCommand(file)+"\r")
			}()
			pids := waitPids(t, file)
			go func() { _, _ = io.WriteString(keys, k) }()
			select {
			case <-errc:
			case <-time.After(10 * time.Second):
				t.Fatal("dubao does not quit while a command runs")
			}
			keys.Close()
			checkGone(t, pids, "quit")
		})
	}
}
