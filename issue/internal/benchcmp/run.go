package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"dubao/issue/benchkit"
)

// command is one program run as a user runs it.
type command struct {
	// label names the program in the table (dubao, md5sum, glow, …).
	label string
	argv  []string
	// env is added to the environment of the tool.
	env []string
	// before, when set, runs before each run, untimed (emptying a cache).
	before func() error
	// firstLine records the time until the first line of stdout.
	firstLine bool
	// screen, when set, runs the program in a terminal until its output
	// shows this text (see runScreen), and records the time until then.
	screen string
	// rss measures the peak resident set, through GNU time (see
	// withRSS); without it sample.rss is 0.
	rss bool
	// note says what the command line does not show.
	note string
}

// String returns the command as it would be typed in a shell: stdin is
// always /dev/null (glow reads stdin instead of its file argument
// whenever stdin is not a terminal), stdout a pipe that is read to its end.
func (c command) String() string {
	var b strings.Builder
	for _, e := range c.env {
		if !strings.HasPrefix(e, "XDG_") && !strings.HasPrefix(e, "HOME=") {
			b.WriteString(e + " ")
		}
	}
	for i, a := range c.argv {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(benchkit.ShellQuote(a))
	}
	if c.screen == "" {
		b.WriteString(" < /dev/null | cat")
	} else {
		b.WriteString(" (in a terminal, until it shows " + strconv.Quote(c.screen) + ")")
	}
	if c.note != "" {
		b.WriteString(" (" + c.note + ")")
	}
	return b.String()
}

// sample is what one run of a command cost.
type sample struct {
	wall  time.Duration
	cpu   time.Duration // user + system, of the process and its children
	rss   int64         // peak resident set, bytes
	first time.Duration // until the first line (firstLine) or the screen (screen)
	out   int64         // bytes written to stdout
}

// run runs c once and measures it. A run that fails is an error: a
// ratio of a failed run would mean nothing.
func run(c command) (sample, error) {
	if c.before != nil {
		if err := c.before(); err != nil {
			return sample{}, err
		}
	}
	if c.screen != "" {
		return runScreen(c)
	}
	argv, rssFile := withRSS(c)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), c.env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return sample{}, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, fmt.Errorf("%s: %w", c, err)
	}
	var s sample
	s.first, s.out = drain(stdout, start, c.firstLine)
	err = cmd.Wait()
	s.wall = time.Since(start)
	if err != nil && !acceptable(c, err) {
		return s, fmt.Errorf("%s: %w: %s", c, err, firstLineOf(stderr.String()))
	}
	s.cpu = usage(cmd.ProcessState)
	s.rss = readRSS(rssFile)
	return s, nil
}

// timeBin is GNU time, which reports the peak resident set of the
// command it runs; "" when not installed.
var timeBin, _ = exec.LookPath("/usr/bin/time")

// withRSS returns the command line that runs c and the file where the
// peak resident set of c will be written ("" when not measured). The
// rusage that a Go program gets from wait4 cannot tell it: a child that
// execs inherits the peak of the process it was forked from (Go forks
// with the parent's memory shared), so every child would seem as large
// as this tool. GNU time is small, and reports its own child's.
func withRSS(c command) ([]string, string) {
	if !c.rss || timeBin == "" {
		return c.argv, ""
	}
	f, err := os.CreateTemp("", "benchcmp-rss-")
	if err != nil {
		return c.argv, ""
	}
	f.Close()
	return append([]string{timeBin, "-f", "%M", "-o", f.Name()}, c.argv...), f.Name()
}

// readRSS reads the peak resident set that GNU time wrote to name, in
// bytes, and removes the file; 0 when unknown.
func readRSS(name string) int64 {
	if name == "" {
		return 0
	}
	defer os.Remove(name)
	b, err := os.ReadFile(name)
	if err != nil {
		return 0
	}
	lines := strings.Fields(string(b))
	if len(lines) == 0 {
		return 0
	}
	kb, err := strconv.ParseInt(lines[len(lines)-1], 10, 64)
	if err != nil {
		return 0
	}
	return kb * 1024
}

// acceptable reports an exit status that is a result, not a failure:
// grep and dubao search exit 1 when nothing matches.
func acceptable(c command, err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		return false
	}
	switch c.label {
	case "grep", "rg":
		return true
	}
	return slices.Contains(c.argv, "search")
}

// drain reads r to its end and returns the time from start until the
// first line ended (when first is set) and the bytes read.
func drain(r io.Reader, start time.Time, first bool) (time.Duration, int64) {
	buf := make([]byte, 256<<10)
	var n int64
	var at time.Duration
	for {
		k, err := r.Read(buf)
		if k > 0 {
			if first && at == 0 && bytes.IndexByte(buf[:k], '\n') >= 0 {
				at = time.Since(start)
			}
			n += int64(k)
		}
		if err != nil {
			return at, n
		}
	}
}

// firstLineOf returns the first line of s.
func firstLineOf(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// interleave runs the commands one after the other, n times over (the
// order turned each round, so that no program always runs right after
// another), and returns the samples of each command by its index.
func interleave(n int, cmds []command, progress func(string)) ([][]sample, error) {
	out := make([][]sample, len(cmds))
	for round := range n {
		for k := range cmds {
			i := (k + round) % len(cmds)
			s, err := run(cmds[i])
			if err != nil {
				return nil, err
			}
			out[i] = append(out[i], s)
			progress(fmt.Sprintf("round %d/%d %s: %v wall, %v cpu", round+1, n, cmds[i].label,
				s.wall.Round(time.Millisecond), s.cpu.Round(time.Millisecond)))
		}
	}
	return out, nil
}

// usage returns the CPU time (user + system) of a process that has
// ended, its reaped children included.
func usage(ps *os.ProcessState) time.Duration {
	return ps.UserTime() + ps.SystemTime()
}
