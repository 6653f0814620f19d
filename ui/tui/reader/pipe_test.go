package reader

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/tui/common"
)

// TestCapture: the output kept is the start of the output, within both
// limits, cut only when more came than fits, never in the middle of a
// character, and the command is told once.
func TestCapture(t *testing.T) {
	for _, tc := range []struct {
		name          string
		writes        []string
		maxB, maxL    int
		want          string
		cut           bool
		fullCallCount int
	}{
		{"fits", []string{"ab\n", "cd\n"}, 10, 10, "ab\ncd\n", false, 0},
		{"exactly the bytes", []string{"abcd", "ef"}, 6, 10, "abcdef", false, 0},
		{"bytes over", []string{"abcd", "efgh", "ij"}, 6, 10, "abcdef", true, 1},
		{"exactly the lines", []string{"a\nb\n"}, 100, 2, "a\nb\n", false, 0},
		{"lines over in one write", []string{"a\nb\nc\nd\n"}, 100, 2, "a\nb\n", true, 1},
		{"lines over in the next write", []string{"a\nb\n", "c"}, 100, 2, "a\nb\n", true, 1},
		{"a character cut", []string{"ab", "汉字"}, 6, 10, "ab汉", true, 1},
		{"a character cut at its start", []string{"abc汉"}, 4, 10, "abc", true, 1},
		{"empty writes", []string{"", "a", ""}, 1, 1, "a", false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			c := &capture{maxBytes: tc.maxB, maxLines: tc.maxL, full: func() { calls++ }}
			for _, w := range tc.writes {
				if n, err := c.Write([]byte(w)); n != len(w) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", w, n, err)
				}
			}
			if string(c.buf) != tc.want || c.cut != tc.cut || calls != tc.fullCallCount {
				t.Errorf("kept %q cut %v full called %d times, want %q %v %d", c.buf, c.cut, calls, tc.want, tc.cut, tc.fullCallCount)
			}
			if !utf8.Valid(c.buf) {
				t.Errorf("kept invalid UTF-8 %q", c.buf)
			}
		})
	}
}

// TestCaptureIsNoReaderFrom: io.Copy must go through Write, which keeps
// the limits; a bytes.Buffer's ReadFrom would read everything.
func TestCaptureIsNoReaderFrom(t *testing.T) {
	var w any = &capture{}
	if _, ok := w.(interface {
		ReadFrom(r interface{ Read([]byte) (int, error) }) (int64, error)
	}); ok {
		t.Error("capture has ReadFrom")
	}
	c := &capture{maxBytes: 10, maxLines: 100}
	n, err := bytes.NewReader(bytes.Repeat([]byte("y\n"), 1000)).WriteTo(c)
	if n != 2000 || err != nil || len(c.buf) != 10 || !c.cut {
		t.Errorf("WriteTo: %d %v, kept %d bytes, cut %v", n, err, len(c.buf), c.cut)
	}
}

// TestPipeCutNote: output cut at the limits is shown with a note saying
// so, in the title and after the last line kept.
func TestPipeCutNote(t *testing.T) {
	m := newModel(t, sample(t), 100, 30)
	r := reader(m)
	send(m, pipeDoneMsg{command: "yes", output: []byte(strings.Repeat("y\n", 50)), cut: true, err: fmt.Errorf("signal: killed")})
	if r.overlay != overlayOutput {
		t.Fatalf("no output shown:\n%s", screen(m))
	}
	if !strings.Contains(r.output.title, "输出过长") || strings.Contains(r.output.title, "失败") {
		t.Errorf("title %q", r.output.title)
	}
	press(t, m, "G")
	if sc := screen(m); !strings.Contains(sc, "输出到此截断") {
		t.Errorf("no note at the end of cut output:\n%s", sc)
	}
	if r.note.Err {
		t.Errorf("cut output reported as an error")
	}
}

// TestPipeWheelWrapped: the mouse wheel scrolls the output of | by the
// rows the view shows, its lines wrapped: a few long lines scroll to
// their last row, as G does, and no further.
func TestPipeWheelWrapped(t *testing.T) {
	m := newModel(t, sample(t), 40, 12)
	r := reader(m)
	long := strings.Repeat("春风又绿江南岸，", 20)
	send(m, pipeDoneMsg{command: "cat", output: []byte(long + "\n" + long + "\n末行到此\n")})
	if r.overlay != overlayOutput {
		t.Fatalf("no output shown:\n%s", screen(m))
	}
	rows := len(r.output.wrapped(r.width, r.env.AmbWide))
	last := rows - (r.g.BodyH - 1)
	if len(r.output.lines) >= r.g.BodyH-1 || last <= common.WheelLines {
		t.Fatalf("%d lines, %d rows in a body of %d: the test needs few lines wrapped to many rows", len(r.output.lines), rows, r.g.BodyH)
	}
	wheel := func(b tea.MouseButton) { send(m, tea.MouseWheelMsg{X: 5, Y: 5, Button: b}) }
	wheel(tea.MouseWheelDown)
	if r.output.Top != common.WheelLines {
		t.Fatalf("a notch down scrolled to row %d, want %d", r.output.Top, common.WheelLines)
	}
	for range rows {
		wheel(tea.MouseWheelDown)
	}
	if r.output.Top != last {
		t.Errorf("the wheel stops at row %d, want the last screenful at %d", r.output.Top, last)
	}
	if sc := screen(m); !strings.Contains(sc, "末行到此") {
		t.Errorf("the wheel does not show the last line:\n%s", sc)
	}
	press(t, m, "G")
	if r.output.Top != last {
		t.Errorf("G goes to row %d, the wheel to %d", r.output.Top, last)
	}
	for range rows {
		wheel(tea.MouseWheelUp)
	}
	if r.output.Top != 0 {
		t.Errorf("the wheel up stops at row %d", r.output.Top)
	}
}
