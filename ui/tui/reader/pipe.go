package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/issue/textsafe"
	"dubao/ui/render"
	"dubao/ui/tui/common"
	"dubao/ui/wrap"
)

// Limits of a | command. The command runs with a process group of its own
// (on Unix), so that stopping it stops whatever it started too: esc stops
// it, and so do leaving the reader and quitting dubao.
const (
	// pipeTimeout bounds how long a command may run.
	pipeTimeout = 30 * time.Second
	// pipeMaxBytes and pipeMaxLines bound the output kept, whichever comes
	// first: the start of the output is shown with a note that it was cut,
	// and the command is stopped at once (yes, cat /dev/urandom).
	pipeMaxBytes = 4 << 20
	pipeMaxLines = 100_000
	// pipeWaitDelay bounds how long a stopped command, or a finished one
	// whose background processes still hold its output open, is waited for.
	pipeWaitDelay = time.Second
)

// Why a command was stopped (the cause of its context's cancellation).
var (
	errPipeCancelled = errors.New("cancelled")
	errPipeCut       = errors.New("output over the limit")
	errPipeTimeout   = errors.New("timed out")
)

// outputView is the overlay showing the output of a | command, and the
// command running for it, if any. Its lines are wrapped to the width of
// the screen by the Chinese line breaker, so that nothing is cut off.
type outputView struct {
	job *pipeJob // the command running, nil when none

	title           string
	lines           []string // the output's lines, cleaned
	common.Scroller          // the first screen row shown

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
		if common.StringWidth(l, ambWide) <= w {
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

// pipeJob is a | command started by the reader.
type pipeJob struct {
	command string
	ctx     context.Context
	cancel  context.CancelCauseFunc // stops the command, with why
	started atomic.Bool             // run has begun
	done    chan struct{}           // closed when run returns
}

// pipeDoneMsg carries the result of a | command.
type pipeDoneMsg struct {
	job     *pipeJob // the command, nil for output from elsewhere (tests)
	command string
	output  []byte
	cut     bool  // the output was cut at the limits (and the command stopped)
	cause   error // why the command was stopped, if it was
	err     error
}

// capture keeps the start of a command's output: at most maxBytes bytes
// and maxLines lines. When more comes it drops the rest, marks the output
// cut and calls full once (which stops the command). It is not a
// bytes.Buffer on purpose: io.Copy would use a buffer's ReadFrom and so
// read the whole output into memory past any limit.
type capture struct {
	buf      []byte
	lines    int
	maxBytes int
	maxLines int
	cut      bool
	full     func()
}

// Write keeps what fits in the limits of p and reports all of p written,
// so that the command is never blocked (it is stopped instead).
func (c *capture) Write(p []byte) (int, error) {
	n := len(p)
	if c.cut || n == 0 {
		return n, nil
	}
	keep := min(n, max(c.maxBytes-len(c.buf), 0))
	if c.lines >= c.maxLines {
		keep = 0
	}
	for i := 0; i < keep; {
		nl := bytes.IndexByte(p[i:keep], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
		if c.lines++; c.lines == c.maxLines {
			keep = i
		}
	}
	c.buf = append(c.buf, p[:keep]...)
	if keep < n {
		c.cut = true
		c.buf = trimPartialRune(c.buf)
		if c.full != nil {
			c.full()
		}
	}
	return n, nil
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end of b (a
// cut in the middle of a character).
func trimPartialRune(b []byte) []byte {
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

// runPipe starts command with sh, the current article as plain text on its
// stdin; the command returned waits for it and reports its output. A
// command still running is stopped first: one runs at a time. A pager, an
// editor or a !command is given the terminal instead (see execPipe).
func (r *Page) runPipe(command string) tea.Cmd {
	a := r.Article()
	command = strings.TrimSpace(command)
	if a == nil || command == "" {
		return nil
	}
	r.stopPipe()
	text := render.Plain(a, render.Options{Script: r.script.conv})
	if kind, cmd := commandKind(command, os.Getenv); kind != execCapture {
		if cmd == "" {
			return nil
		}
		if kind == execPager {
			text = render.Plain(a, render.Options{Script: r.script.conv, Width: r.outputWidth(),
				AmbiguousWide: r.env.AmbWide, FullWidthPunct: r.env.FullWidthPunct})
		}
		return r.execPipe(kind, cmd, text)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	job := &pipeJob{command: command, ctx: ctx, cancel: cancel, done: make(chan struct{})}
	r.output.job = job
	r.note.Set(r.pipeNote())
	return func() tea.Msg { return job.run(text) }
}

// run runs the command to its end, or until it is stopped, and returns
// what it wrote.
func (j *pipeJob) run(stdin string) tea.Msg {
	j.started.Store(true)
	defer close(j.done)
	defer j.cancel(nil)
	ctx, stop := context.WithTimeoutCause(j.ctx, pipeTimeout, errPipeTimeout)
	defer stop()
	c := exec.CommandContext(ctx, "sh", "-c", j.command)
	ownGroup(c)
	c.WaitDelay = pipeWaitDelay
	c.Stdin = strings.NewReader(stdin)
	out := &capture{maxBytes: pipeMaxBytes, maxLines: pipeMaxLines, full: func() { j.cancel(errPipeCut) }}
	c.Stdout, c.Stderr = out, out
	err := c.Run()
	return pipeDoneMsg{job: j, command: j.command, output: out.buf, cut: out.cut, cause: context.Cause(ctx), err: err}
}

// StopWait bounds how long quitting waits for the | commands stopped to
// end (see Leave).
const StopWait = 2 * pipeWaitDelay

// stopPipe stops the | command running, if any, without waiting for it
// (Update never blocks): its whole process group is killed as its context
// ends, and its output is not shown. It returns a channel closed once the
// command has ended, nil when none was started.
func (r *Page) stopPipe() <-chan struct{} {
	j := r.output.job
	if j == nil {
		return nil
	}
	r.output.job = nil
	j.cancel(errPipeCancelled)
	if !j.started.Load() {
		return nil // it never starts: its context is done
	}
	return j.done
}

// pipeNote is the status line while a command runs: how to stop it
// first, as a long command is cut at the right.
func (r *Page) pipeNote() string {
	return "运行中(" + common.Hint("取消", r.keys.Cancel) + ")| " + r.output.job.command
}

// pipeKey handles esc while a | command runs (and no prompt or overlay
// takes it): it stops the command. Any other key leaves the status line
// saying that the command runs (the key's own message, if any, replaces
// it). It reports whether the key was handled.
func (r *Page) pipeKey(msg tea.KeyPressMsg) bool {
	if r.output.job == nil {
		return false
	}
	if r.prompt == promptNone && r.overlay == overlayNone && common.Matches(msg, r.keys.Cancel) {
		command := r.output.job.command
		r.stopPipe()
		r.note.Set("已取消 | " + command)
		return true
	}
	r.note.Set(r.pipeNote())
	return false
}

// pipeStatus says how a command ended, for the output's title.
func pipeStatus(msg pipeDoneMsg) string {
	var ee *exec.ExitError
	switch {
	case msg.cut:
		return "输出过长，已截断并停止命令"
	case errors.Is(msg.cause, errPipeTimeout):
		return fmt.Sprintf("超时(%s)，命令已停止", pipeTimeout)
	case errors.Is(msg.err, exec.ErrWaitDelay):
		return "完成(它留在后台的进程的输出不再收)"
	case errors.As(msg.err, &ee):
		if ee.ExitCode() < 0 {
			return "被终止：" + ee.String()
		}
		return fmt.Sprintf("退出码 %d", ee.ExitCode())
	case msg.err != nil:
		return "失败：" + msg.err.Error()
	}
	return "完成"
}

// pipeDone shows the output of a | command, or says it finished. The
// result of a command that was stopped (esc, or another command) is
// dropped.
func (r *Page) pipeDone(msg pipeDoneMsg) {
	o := &r.output
	if msg.job != nil {
		if msg.job != o.job {
			return
		}
		o.job = nil
	}
	status := pipeStatus(msg)
	failed := msg.err != nil && !msg.cut
	text := strings.TrimRight(string(msg.output), "\n")
	if text == "" {
		r.note = common.Status{Text: fmt.Sprintf("| %s：%s，没有输出", msg.command, status), Err: failed}
		return
	}
	text = strings.ReplaceAll(text, "\t", "    ")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = textsafe.Line(strings.TrimRight(l, "\r"))
	}
	if msg.cut {
		lines = append(lines, "", fmt.Sprintf("…(输出到此截断：只收前 %d 行或 %d MB，命令已停止)", pipeMaxLines, pipeMaxBytes>>20))
	}
	o.title = textsafe.Line(fmt.Sprintf("| %s — %s", msg.command, status))
	o.lines, o.Top, o.rows = lines, 0, nil
	r.overlay = overlayOutput
	r.note = common.Status{}
}

// outputKey scrolls or closes the output overlay; ? shows the help over
// it, and closing the help comes back to it.
func (r *Page) outputKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &r.keys
	switch {
	case common.Matches(msg, k.Help):
		r.overlay, r.help.Top, r.helpOver = overlayHelp, 0, overlayOutput
	case common.Matches(msg, k.Back, k.Quit, k.Cancel):
		r.overlay = overlayNone
	default:
		r.output.Key(msg, k, len(r.output.wrapped(r.outputWidth(), r.env.AmbWide)), max(r.g.BodyH-1, 1))
	}
	return nil
}

// outputHelp returns the keys outputKey answers, with what they do in
// the output view, for the help shown over it.
func (r *Page) outputHelp() []key.Binding {
	k := r.keys
	say := func(b key.Binding, desc string) key.Binding {
		b.SetHelp(b.Help().Key, desc)
		b.SetEnabled(true)
		return b
	}
	return []key.Binding{
		say(k.Down, "向下滚一行"), say(k.Up, "向上滚一行"),
		say(k.PageDown, "下一页"), say(k.PageUp, "上一页"),
		say(k.HalfDown, "下半页"), say(k.HalfUp, "上半页"),
		say(k.Top, "到开头"), say(k.Bottom, "到末尾"),
		say(k.Back, "关闭输出"), say(k.Quit, "关闭输出"),
		say(k.Help, k.Help.Help().Desc), say(k.Interrupt, k.Interrupt.Help().Desc),
	}
}

// outputWidth is the width the output of a | command is wrapped at: the
// reading measure, or the screen when it is narrower.
func (r *Page) outputWidth() int {
	return max(min(r.width, r.measure*2), 1)
}

// outputView draws the output overlay: a title line, then the output,
// wrapped at the measure.
func (r *Page) outputView(w, h int) []string {
	o := &r.output
	out := make([]string, 0, h)
	if h > 0 {
		k := &r.keys
		title := o.title + " · " + common.Hint("滚动", k.Down, k.Up) + " · " + common.Hint("帮助", k.Help) + " · " + common.Hint("关闭", k.Quit, k.Back)
		out = append(out, r.env.St.StatusKey.Render(common.Truncate(title, w, r.env.AmbWide)))
	}
	rows := o.wrapped(min(w, r.outputWidth()), r.env.AmbWide)
	o.Clamp(len(rows), max(h-1, 1))
	for i := o.Top; i < len(rows) && len(out) < h; i++ {
		out = append(out, common.Truncate(rows[i], w, r.env.AmbWide))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}
