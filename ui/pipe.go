package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/render"
	"dubao/ui/wrap"
)

// pipeTimeout bounds how long a | command may run.
const pipeTimeout = 30 * time.Second

// pipeOutputLimit bounds how much of a command's output is kept.
const pipeOutputLimit = 1 << 20

// outputView is the overlay showing the output of a | command. Its lines
// are wrapped to the width of the screen by the Chinese line breaker, so
// that nothing is cut off.
type outputView struct {
	title string
	lines []string // the output's lines, cleaned
	top   int      // the first screen row shown

	wrapW   int      // the width rows were wrapped at
	wrapAmb bool     // and whether ambiguous characters were wide
	rows    []string // lines wrapped at wrapW
}

// wrapped returns the output's lines wrapped at w columns.
func (o *outputView) wrapped(w int, ambWide bool) []string {
	w = max(w, 1)
	if o.rows != nil && o.wrapW == w && o.wrapAmb == ambWide {
		return o.rows
	}
	o.rows = make([]string, 0, len(o.lines))
	opt := wrap.Options{Width: w, AmbiguousWide: ambWide}
	var buf []wrap.Line
	for _, l := range o.lines {
		if stringWidth(l, ambWide) <= w {
			o.rows = append(o.rows, l)
			continue
		}
		buf = wrap.AppendLines(buf[:0], l, opt)
		for _, ln := range buf {
			o.rows = append(o.rows, ln.Text(l))
		}
	}
	o.wrapW, o.wrapAmb = w, ambWide
	return o.rows
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

// outputKey scrolls or closes the output overlay; ? shows the help over
// it, and closing the help comes back to it.
func (r *Reader) outputKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	o := &r.output
	h := max(r.g.bodyH-1, 1)
	last := max(len(o.wrapped(r.width, r.ambWide))-h, 0)
	switch {
	case pressed(msg, k.Help):
		r.overlay, r.helpTop, r.helpOver = overlayHelp, 0, overlayOutput
		return nil
	case pressed(msg, k.Down):
		o.top++
	case pressed(msg, k.Up):
		o.top--
	case pressed(msg, k.PageDown, k.HalfDown):
		o.top += max(h-1, 1)
	case pressed(msg, k.PageUp, k.HalfUp):
		o.top -= max(h-1, 1)
	case pressed(msg, k.Top):
		o.top = 0
	case pressed(msg, k.Bottom):
		o.top = last
	case pressed(msg, k.Back, k.Quit, k.Cancel):
		r.overlay = overlayNone
	}
	o.top = min(max(o.top, 0), last)
	return nil
}

// outputView draws the output overlay: a title line, then the output,
// wrapped.
func (r *Reader) outputView(w, h int) []string {
	o := &r.output
	out := make([]string, 0, h)
	if h > 0 {
		title := o.title + " · j/k 滚动 · ? 帮助 · q/esc 关闭"
		out = append(out, r.st.StatusKey.Render(truncate(title, w, r.ambWide)))
	}
	rows := o.wrapped(w, r.ambWide)
	o.top = min(max(o.top, 0), max(len(rows)-max(h-1, 1), 0))
	for i := o.top; i < len(rows) && len(out) < h; i++ {
		out = append(out, truncate(rows[i], w, r.ambWide))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}
