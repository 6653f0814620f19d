package reader

import (
	"fmt"
	"strings"
	"testing"
)

// TestCommandKind: | gives the terminal to a pager (on its stdin), an
// editor (on a file) — known ones and $PAGER, $EDITOR, $VISUAL — and to
// any command after a !; other commands are captured.
func TestCommandKind(t *testing.T) {
	env := map[string]string{"PAGER": "/usr/bin/mypager -R", "EDITOR": "myedit", "VISUAL": ""}
	getenv := func(k string) string { return env[k] }
	for _, tc := range []struct {
		in   string
		kind execKind
		cmd  string
	}{
		{"wc -m", execCapture, "wc -m"},
		{"grep 经济 | head", execCapture, "grep 经济 | head"},
		{"less", execPager, "less"},
		{"less -R", execPager, "less -R"},
		{"/usr/bin/more", execPager, "/usr/bin/more"},
		{"LESS=-S less", execPager, "LESS=-S less"},
		{"mypager", execPager, "mypager"},
		{"vim", execFile, "vim"},
		{"myedit -n", execFile, "myedit -n"},
		{"!wc -m", execStdin, "wc -m"},
		{"! top", execStdin, "top"},
		{"!", execStdin, ""},
		{"lesser", execCapture, "lesser"},
	} {
		kind, cmd := commandKind(tc.in, getenv)
		if kind != tc.kind || cmd != tc.cmd {
			t.Errorf("%q: kind %d, command %q; want %d, %q", tc.in, kind, cmd, tc.kind, tc.cmd)
		}
	}
}

// TestPipeGivesTerminal: |less hands the terminal over (bubbletea's exec)
// instead of capturing, and the reader says when it ended.
func TestPipeGivesTerminal(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	cmd := r.runPipe("less")
	if cmd == nil || r.output.job != nil {
		t.Fatalf("|less: command %v, captured job %v", cmd != nil, r.output.job != nil)
	}
	if got := fmt.Sprintf("%T", cmd()); got != "tea.execMsg" {
		t.Errorf("|less runs as %s, not with the terminal", got)
	}
	m.Update(execDoneMsg{from: r, command: "less"})
	if !strings.Contains(screen(m), "| less 已结束") {
		t.Errorf("no word that less ended:\n%s", screen(m))
	}
}

// TestOutputAtMeasure: the output of a | command is wrapped at the
// reading measure, not at the width of the screen.
func TestOutputAtMeasure(t *testing.T) {
	m := newModel(t, sample(t), 200, 30)
	r := reader(m)
	r.pipeDone(pipeDoneMsg{command: "x", output: []byte(strings.Repeat("青溪河生态廊道全线贯通，", 30) + "\n")})
	if r.overlay != overlayOutput {
		t.Fatal("no output shown")
	}
	rows := r.output.wrapped(r.outputWidth(), false)
	if len(rows) < 8 {
		t.Fatalf("the output is not wrapped at the measure: %d rows", len(rows))
	}
	for _, row := range rows {
		if w := len([]rune(row)) * 2; w > r.measure*2 {
			t.Errorf("row of %d columns, wider than the measure (%d): %q", w, r.measure*2, row)
		}
	}
	checkScreen(t, m, 200, 30, "output")
}
