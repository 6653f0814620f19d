package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Terminal size of the screen runs.
const screenCols, screenRows = 100, 30

// runScreen runs c in a terminal (a pseudo-terminal of screenCols ×
// screenRows) and measures the time until the text c.screen appears on it
// (escape sequences removed); then it types q, as a user who has seen the
// screen, and stops the program if it is still running a second later.
func runScreen(c command) (sample, error) {
	master, slave, err := openPTY(screenCols, screenRows)
	if err != nil {
		return sample{}, fmt.Errorf("terminal: %w", err)
	}
	defer master.Close()
	argv, rssFile := withRSS(c)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), append([]string{"TERM=xterm-256color", "COLUMNS=", "LINES="}, c.env...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		slave.Close()
		return sample{}, fmt.Errorf("%s: %w", c, err)
	}
	slave.Close()
	seen := make(chan time.Duration, 1)
	readDone := make(chan []byte, 1)
	go func() {
		var text []byte
		var st stripper
		buf := make([]byte, 64<<10)
		reported := false
		want := []byte(c.screen)
		for {
			n, err := master.Read(buf)
			if n > 0 {
				text = st.append(text, buf[:n])
				if !reported && bytes.Contains(text, want) {
					seen <- time.Since(start)
					reported = true
				}
			}
			if err != nil {
				if !reported {
					close(seen)
				}
				readDone <- text
				return
			}
		}
	}()
	var s sample
	var screenErr error
	select {
	case at, ok := <-seen:
		if ok {
			s.first = at
		} else {
			screenErr = fmt.Errorf("%s: ended without showing %q", c, c.screen)
		}
	case <-time.After(60 * time.Second):
		screenErr = fmt.Errorf("%s: %q not shown within a minute", c, c.screen)
	}
	_, _ = master.Write([]byte("q"))
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case <-waited:
	case <-time.After(time.Second):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-waited
	}
	s.wall = time.Since(start)
	s.cpu = usage(cmd.ProcessState)
	s.rss = readRSS(rssFile)
	master.Close()
	if screenErr != nil {
		text := <-readDone
		return s, fmt.Errorf("%w; the screen showed: %.300q", screenErr, text)
	}
	return s, nil
}

// openPTY opens a pseudo-terminal of the given size: its master side
// and the terminal (slave) side.
func openPTY(cols, rows uint16) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("unlock: %w", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("terminal number: %w", err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: cols, Row: rows}); err != nil {
		master.Close()
		slave.Close()
		return nil, nil, fmt.Errorf("size: %w", err)
	}
	return master, slave, nil
}

// screenSupported reports whether runScreen works here.
const screenSupported = true
