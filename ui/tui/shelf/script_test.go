package shelf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/issue/script"
	"dubao/ui/tui/internal/tuitest"
)

// TestShelfSearchScripts searches a shelf of a Simplified and a
// Traditional issue for 苹果 and 蘋果: both find both, the highlight on
// the words as written, or as shown when the configured script converts.
func TestShelfSearchScripts(t *testing.T) {
	root := tuitest.RepoDir(t)
	dir := filepath.Join(t.TempDir(), "papers")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"2024-03-07.md": "sample.md", "2024-03-08.txt": "hk-sample-big5.txt"} {
		data, err := os.ReadFile(filepath.Join(root, "testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		if src == "sample.md" {
			data = append(data, "\n## 果园\n\n今年苹果丰收。\n"...)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := tuitest.ScanShelf(t, dir)
	for _, tt := range []struct {
		setting script.Conversion
		q       string
		want    []string // the highlighted words, newest issue first
	}{
		{script.None, "苹果", []string{"蘋果", "蘋果", "苹果"}},
		{script.None, "蘋果", []string{"蘋果", "蘋果", "苹果"}},
		{script.T2S, "蘋果", []string{"苹果", "苹果", "苹果"}},
		{script.S2HK, "苹果", []string{"蘋果", "蘋果", "蘋果"}},
		{script.AutoS, "苹果", []string{"苹果", "苹果", "苹果"}},
	} {
		m := newShelfModel(t, s, nil, nil, 100, 30)
		p := m.shelf
		p.env.Script = tt.setting
		msgs := press2(t, m, "/")
		msgs = append(msgs, press2(t, m, strings.Split(tt.q, "")...)...)
		msgs = append(msgs, press2(t, m, "enter")...)
		stream(t, m, msgs, 0)
		var got []string
		for _, hit := range p.find.hits {
			shown := shownHit(hit, p.converter(hit))
			got = append(got, shown.Line[shown.Match[0]:shown.Match[1]])
			if line := ansi.Strip(p.hitLine(shown, "  ", 100, false)); !strings.Contains(line, got[len(got)-1]) {
				t.Errorf("%s /%s: the row %q does not show %q", tt.setting, tt.q, line, got[len(got)-1])
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("script %q, /%s: highlights %q, want %q", tt.setting, tt.q, got, tt.want)
		}
		if sc := screen(m); !strings.Contains(sc, tt.want[0]) {
			t.Errorf("script %q, /%s: the screen does not show %s:\n%s", tt.setting, tt.q, tt.want[0], sc)
		}
	}
}
