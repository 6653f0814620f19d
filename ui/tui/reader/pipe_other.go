//go:build !unix

package reader

import "os/exec"

// ownGroup leaves c as it is where there are no Unix process groups:
// stopping it (its context done) kills the command's own process
// (exec.CommandContext's default), and WaitDelay bounds the wait for
// anything it started that holds its output open.
func ownGroup(*exec.Cmd) {}
