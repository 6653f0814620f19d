package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/ui/render"
)

// pipeTimeout bounds how long a | command may run.
const pipeTimeout = 30 * time.Second

// pipeOutputLimit bounds how much of a command's output is kept.
const pipeOutputLimit = 1 << 20

// outputView is the overlay showing the output of a | command.
type outputView struct {
	title string
	lines []string
	top   int
}

// pipeDoneMsg carries the result of a | command.
type pipeDoneMsg struct {
	command string
	output  []byte
	err     error
}

// limitedBuffer keeps the first pipeOutputLimit bytes written to it.
type limitedBuffer struct {
	bytes.Buffer
	cut bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := pipeOutputLimit - b.Len(); room < len(p) {
		b.cut = true
		b.Buffer.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// runPipe runs command with sh, the current article as plain text on its
// stdin, and reports its output.
func (r *Reader) runPipe(command string) tea.Cmd {
	a := r.article()
	command = strings.TrimSpace(command)
	if a == nil || command == "" {
		return nil
	}
	text := render.Plain(a, render.Options{})
	r.msg = fmt.Sprintf("运行 %s …", command)
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), pipeTimeout)
		defer cancel()
		c := exec.CommandContext(ctx, "sh", "-c", command)
		c.Stdin = strings.NewReader(text)
		var out limitedBuffer
		c.Stdout, c.Stderr = &out, &out
		err := c.Run()
		if ctx.Err() != nil {
			err = fmt.Errorf("超时(%s)", pipeTimeout)
		}
		if out.cut {
			out.WriteString("\n…(输出过长,已截断)")
		}
		return pipeDoneMsg{command: command, output: out.Bytes(), err: err}
	}
}

// pipeDone shows the output of a | command, or says it finished.
func (r *Reader) pipeDone(msg pipeDoneMsg) {
	status := "完成"
	var ee *exec.ExitError
	switch {
	case errors.As(msg.err, &ee):
		status = fmt.Sprintf("退出码 %d", ee.ExitCode())
	case msg.err != nil:
		status = "失败:" + msg.err.Error()
	}
	text := strings.TrimRight(string(msg.output), "\n")
	if text == "" {
		r.msg = fmt.Sprintf("| %s:%s,没有输出", msg.command, status)
		r.msgErr = msg.err != nil
		return
	}
	text = strings.ReplaceAll(text, "\t", "    ")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = render.Clean(strings.TrimRight(l, "\r"))
	}
	r.output = outputView{title: render.Clean(fmt.Sprintf("| %s — %s", msg.command, status)), lines: lines}
	r.overlay = overlayOutput
	r.msg = ""
}

// outputKey scrolls or closes the output overlay.
func (r *Reader) outputKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	o := &r.output
	h := max(r.g.bodyH-1, 1)
	last := max(len(o.lines)-h, 0)
	switch {
	case key.Matches(msg, k.Down):
		o.top++
	case key.Matches(msg, k.Up):
		o.top--
	case key.Matches(msg, k.PageDown, k.HalfDown):
		o.top += max(h-1, 1)
	case key.Matches(msg, k.PageUp, k.HalfUp):
		o.top -= max(h-1, 1)
	case key.Matches(msg, k.Top):
		o.top = 0
	case key.Matches(msg, k.Bottom):
		o.top = last
	case key.Matches(msg, k.Back, k.Quit, k.Cancel, k.Help):
		r.overlay = overlayNone
	}
	o.top = min(max(o.top, 0), last)
	return nil
}

// outputView draws the output overlay: a title line, then the output.
func (r *Reader) outputView(w, h int) []string {
	o := &r.output
	out := make([]string, 0, h)
	if h > 0 {
		title := o.title + " · q/esc 关闭"
		out = append(out, r.st.StatusKey.Render(truncate(title, w, r.ambWide)))
	}
	for i := o.top; i < len(o.lines) && len(out) < h; i++ {
		out = append(out, truncate(o.lines[i], w, r.ambWide))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}
