package shelf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"dubao/issue/shelf"
	"dubao/issue/textsafe"
	"dubao/ui/tui/internal/tuitest"
)

// sampleShelf is a shelf holding the sample issue.
func sampleShelf(t *testing.T) *shelf.Shelf {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(tuitest.RepoDir(t), "testdata", "sample.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "papers")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "2024-03-08.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return tuitest.ScanShelf(t, dir)
}

// TestShelfHitCuts searches a shelf for words next to numbers and checks
// the line of every hit at every width from 40 to 130: no number or Latin
// word is cut (186.4 is never shown as …86.4), no opening mark is parted
// from its text.
func TestShelfHitCuts(t *testing.T) {
	s := sampleShelf(t)
	for _, q := range []string{"亿元", "个", "公里", "余个", "微改造", "项目"} {
		m := newShelfModel(t, s, nil, nil, 100, 30)
		p := m.shelf
		msgs := press2(t, m, "/")
		msgs = append(msgs, press2(t, m, strings.Split(q, "")...)...)
		msgs = append(msgs, press2(t, m, "enter")...)
		stream(t, m, msgs, 0)
		if len(p.find.hits) == 0 {
			t.Fatalf("/%s: no hits", q)
		}
		for w := 40; w <= 130; w++ {
			for _, hit := range p.find.hits {
				line := ansi.Strip(p.hitLine(hit, "  ", w, false))
				if hit.Title != "" && strings.HasPrefix(line, "    标题 ") {
					continue
				}
				tuitest.CheckCuts(t, fmt.Sprintf("/%s at %d columns", q, w), strings.TrimPrefix(line, "    "), textsafe.Line(hit.Line))
			}
		}
	}
}

// TestShelfStoppedHeading checks the heading of a search that stopped at
// the limit (one parenthesis, not two in a row) and of a quoted query.
func TestShelfStoppedHeading(t *testing.T) {
	m := newShelfModel(t, sampleShelf(t), nil, nil, 100, 30)
	f := &m.shelf.find
	f.query, f.hits, f.found, f.done, f.total = "亿元", make([]shelf.Hit, shelfSearchLimit), 84, 84, 1500
	f.limited, f.took = true, 400*time.Millisecond
	want := "“亿元” 前2000处 · 84期 (结果太多，搜了84/1500期后停止) · 400毫秒"
	if got := m.shelf.resultsHeading(); got != want {
		t.Errorf("heading of a search stopped at the limit:\n got %q\nwant %q", got, want)
	}
	f.query = "“微改造”"
	if got := m.shelf.resultsHeading(); !strings.HasPrefix(got, "“微改造” 前2000处") {
		t.Errorf("heading of a quoted query: %q", got)
	}
}

// TestShelfPromptStartsEmpty checks that / opens an empty prompt (a query
// typed after esc is not added to the last one), and that ↑ brings the
// last query back.
func TestShelfPromptStartsEmpty(t *testing.T) {
	m := newShelfModel(t, sampleShelf(t), nil, nil, 100, 30)
	p := m.shelf
	msgs := press2(t, m, "/", "亿", "元")
	msgs = append(msgs, send(m, searchTickMsg{typed: p.find.typed})...)
	stream(t, m, msgs, 0)
	press(t, m, "esc")
	msgs = press2(t, m, "/", "茶", "enter")
	stream(t, m, msgs, 0)
	if p.find.query != "茶" {
		t.Errorf("/茶 after /亿元 esc searched %q", p.find.query)
	}
	// / and enter with nothing typed keeps the results
	press(t, m, "/")
	if p.input.Value() != "" || !strings.Contains(screen(m), "↑") {
		t.Errorf("/ with results shown: prompt %q\n%s", p.input.Value(), screen(m))
	}
	press(t, m, "enter")
	if p.find.query != "茶" || len(p.find.hits) == 0 {
		t.Errorf("an empty enter changed the results: %q", p.find.query)
	}
	// ↑ brings back the last query
	press(t, m, "esc", "/", "up")
	if p.input.Value() != "茶" {
		t.Errorf("↑ in the prompt: %q, want the last query", p.input.Value())
	}
}
