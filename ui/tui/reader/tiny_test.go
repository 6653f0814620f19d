package reader

import (
	"strings"
	"testing"

	"dubao/ui/tui/internal/tuitest"
)

// hostileCommand is a command line with escape sequences, controls and
// bidi controls, as pasted into the | prompt.
const hostileCommand = "cat 油菜\x1b[2J\x1b]52;c;aGk=\x07花\u202e开\u2066了\x00\x07\u009b31m"

// TestOutputAtEverySize draws the output of a | command — a hostile
// command line, long lines with escape sequences, tabs and carriage
// returns — at every size of tuitest.EverySize.
func TestOutputAtEverySize(t *testing.T) {
	m := newModel(t, sample(t), 80, 24)
	press(t, m, "enter")
	out := strings.Repeat("输出的一行,很长很长很长很长很长很长很长很长很长很长\x1b[31m红\t制表\r\n", 40)
	send(m, pipeDoneMsg{command: hostileCommand, output: []byte(out)})
	if reader(m).overlay != overlayOutput {
		t.Fatal("no output shown")
	}
	tuitest.EverySize(t, "pipe output", m)
	tuitest.ResizeStorm(t, "pipe output", m, func(k string) { press(t, m, k) })
}
