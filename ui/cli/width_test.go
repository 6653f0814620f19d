package cli

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// TestCatWidthAuto: cat --width auto to a pipe wraps at the width of the
// terminal dubao runs in (here stderr), with the Chinese line breaker and
// full-width punctuation; without --width a pipe gets one paragraph per
// line with the source's punctuation, as scripts expect; with no terminal
// at all, auto does not wrap.
func TestCatWidthAuto(t *testing.T) {
	f := writeFile(t, "p.md", "# 青溪日报\n\n## 第一篇\n\n"+strings.Repeat("会议指出,今年要坚持稳中求进。", 8)+"\n\n数据显示,GDP达到2,861.3亿元。\n")
	var out, errb bytes.Buffer
	app := App{Environ: []string{"TERM=xterm-256color"}, Sample: sample(t),
		terminal: func(w io.Writer) (int, bool) { return 40, w == io.Writer(&errb) }}
	if code := app.Run(context.Background(), []string{"cat", "--width", "auto", f, "1"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) < 6 {
		t.Fatalf("--width auto did not wrap:\n%s", out.String())
	}
	for _, l := range lines {
		if w := displayWidth(l); w > 40 {
			t.Errorf("line wider than the terminal (%d > 40): %q", w, l)
		}
		if strings.HasPrefix(l, "。") || strings.HasPrefix(l, "，") {
			t.Errorf("a line starts with a closing mark: %q", l)
		}
	}
	if text := out.String(); !strings.Contains(text, "会议指出，今年") || !strings.Contains(text, "2,861.3") {
		t.Errorf("wrapped for reading: no full-width comma, or the number changed:\n%s", text)
	}
	// a pipe without --width: one paragraph per line, the source's marks
	res := run(t, App{}, "", "cat", f, "1")
	if !strings.Contains(res.stdout, "会议指出,今年") || strings.Count(res.stdout, "\n") > 8 {
		t.Errorf("piped cat changed:\n%s", res.stdout)
	}
	// json keeps the source
	if js := run(t, App{}, "", "json", f); !strings.Contains(js.stdout, "会议指出,今年") {
		t.Errorf("json does not keep the source's commas")
	}
	// no terminal anywhere: auto does not wrap
	none := App{Environ: []string{"TERM=xterm-256color"}, terminal: func(io.Writer) (int, bool) { return 0, false }}
	if res := run(t, none, "", "cat", "--width", "auto", f, "1"); strings.Count(res.stdout, "\n") > 8 {
		t.Errorf("--width auto without a terminal wrapped:\n%s", res.stdout)
	}
	if res := run(t, App{}, "", "cat", "--width", "wide", f, "1"); res.code == 0 || !strings.Contains(res.stderr, "auto") {
		t.Errorf("--width wide: exit %d, %q", res.code, res.stderr)
	}
}
