//go:build unix

package tuitest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// NeedCommands skips the test when a command it runs is missing.
func NeedCommands(t testing.TB, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Skipf("needs %s: %v", n, err)
		}
	}
}

// PidsCommand is a shell command that writes its own pid and that of a
// background child to file, then waits.
func PidsCommand(file string) string {
	return fmt.Sprintf("sleep 60 & echo $$ $! > %s.tmp; mv %s.tmp %s; wait", file, file, file)
}

// WaitPids waits until file holds the pids PidsCommand writes.
func WaitPids(t testing.TB, file string) []int {
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

// CheckGone fails unless every process of pids has ended (a zombie left
// to an init that does not reap counts as ended), and kills those left.
func CheckGone(t testing.TB, pids []int, where string) {
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
