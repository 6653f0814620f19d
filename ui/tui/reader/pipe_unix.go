//go:build unix

package reader

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// ownGroup makes c run in a process group of its own, and stopping it
// (its context done) kill that whole group: the shell and everything it
// started, not only the shell.
func ownGroup(c *exec.Cmd) {
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error {
		err := syscall.Kill(-c.Process.Pid, syscall.SIGKILL)
		if errors.Is(err, syscall.ESRCH) {
			return os.ErrProcessDone
		}
		return err
	}
}
