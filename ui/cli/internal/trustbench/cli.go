package main

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// measured is one run of dubao: how long it took, its peak resident
// memory, its exit status.
type measured struct {
	took time.Duration
	rss  int64 // bytes
	code int
}

// runDubao runs dubao with args, its output read to the end, and measures
// it.
//
// The peak memory is /usr/bin/time's (-f %M) where it is installed: the
// rusage of a child that Go starts counts the memory of this process too
// (the child shares it until it execs), which is larger than dubao's on
// small inputs.
func (b *bench) runDubao(args ...string) (measured, error) {
	argv := append([]string{b.dubao}, args...)
	rssFile := ""
	if timeBin, err := exec.LookPath("/usr/bin/time"); err == nil {
		f, err := os.CreateTemp("", "trustbench-rss-")
		if err != nil {
			return measured{}, err
		}
		f.Close()
		defer os.Remove(f.Name())
		rssFile = f.Name()
		argv = append([]string{timeBin, "-f", "%M", "-o", rssFile}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = b.env()
	out, err := cmd.StdoutPipe()
	if err != nil {
		return measured{}, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measured{}, err
	}
	_, _ = io.Copy(io.Discard, out)
	err = cmd.Wait()
	m := measured{took: time.Since(start), rss: maxRSS(cmd.ProcessState)}
	if rssFile != "" {
		var kb int64
		if data, rerr := os.ReadFile(rssFile); rerr == nil {
			if _, serr := fmt.Sscan(strings.TrimSpace(lastLine(string(data))), &kb); serr == nil {
				m.rss = kb << 10
			}
		}
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		m.code = exit.ExitCode()
	case err != nil:
		return m, err
	}
	return m, nil
}

// env is the environment dubao runs in: its own empty configuration,
// state and cache.
func (b *bench) env() []string {
	return append(os.Environ(), "NO_COLOR=1", "TERM=xterm-256color",
		"XDG_CONFIG_HOME="+b.opt.work+"/config", "XDG_STATE_HOME="+b.opt.work+"/state", "XDG_CACHE_HOME="+b.opt.work+"/cache")
}

// lastLine returns the last line of s (time writes a note before its
// figure when the command fails).
func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// signals measures the exit after SIGINT, SIGTERM and SIGHUP sent while
// dubao parses a million tiny articles (list and json).
func (b *bench) signals(w io.Writer) error {
	file, err := b.tinyIssue()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(18, 3))
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		var ms []float64
		wrong := 0
		for i := range b.opt.runs {
			for _, c := range []string{"list", "json"} {
				cmd := exec.Command(b.dubao, c, file)
				cmd.Env = b.env()
				if err := cmd.Start(); err != nil {
					return err
				}
				waitParsing(cmd.Process.Pid)
				time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
				sent := time.Now()
				if err := cmd.Process.Signal(sig); err != nil {
					return err
				}
				err := cmd.Wait()
				took := time.Since(sent)
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
					wrong++
					b.log("%v %s run %d: %v", sig, c, i, err)
					continue
				}
				ms = append(ms, float64(took.Microseconds())/1000)
			}
		}
		row(w, "signals", fmt.Sprintf("exit after %v mid-parse, ms (list and json; %d ended otherwise than %d)", sig, wrong, 128+int(sig)), ms, "%.0f")
	}
	return nil
}

// waitParsing waits until the process pid has read its input (its
// resident memory passes 40 MB): a signal then comes mid-parse.
func waitParsing(pid int) {
	statm := fmt.Sprintf("/proc/%d/statm", pid)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		data, err := os.ReadFile(statm)
		if err != nil {
			return
		}
		var size, resident int64
		if _, err := fmt.Sscan(string(data), &size, &resident); err != nil || resident*int64(os.Getpagesize()) > 40<<20 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// commands measures dubao's commands on file: time and peak memory.
func (b *bench) commands(w io.Writer, id, file string, cmds ...string) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	for _, c := range cmds {
		var secs, mb, ratio []float64
		for range b.opt.runs {
			args := []string{c, file}
			if c == "cat" {
				args = []string{"cat", "--all", "--width", "80", file}
			}
			m, err := b.runDubao(args...)
			if err != nil {
				return err
			}
			if m.code != 0 {
				return fmt.Errorf("dubao %v: exit %d", args, m.code)
			}
			secs = append(secs, m.took.Seconds())
			mb = append(mb, float64(m.rss)/(1<<20))
			ratio = append(ratio, float64(m.rss)/float64(info.Size()))
		}
		row(w, id, c+": seconds", secs, "%.2f")
		row(w, id, c+": peak MB", mb, "%.0f")
		row(w, id, c+": peak ÷ file size", ratio, "%.1f×")
	}
	return nil
}

// tiny measures list and json of a million tiny articles.
func (b *bench) tiny(w io.Writer) error {
	file, err := b.tinyIssue()
	if err != nil {
		return err
	}
	return b.commands(w, "tiny", file, "list", "json")
}

// ordinary measures list, json and cat of a 10 MB issue.
func (b *bench) ordinary(w io.Writer) error {
	file, err := b.ordinaryIssue()
	if err != nil {
		return err
	}
	return b.commands(w, "ordinary", file, "list", "json", "cat")
}
