package reader

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/issue/textsafe"
	"dubao/ui/render"
	"dubao/ui/tui/common"
	"dubao/ui/tui/internal/tuitest"
)

// readableIssues loads, as the command line does, every issue the tests
// have: the repository's samples, the files of testdata/hostile that open,
// and the shared seed issue and real archive folder when ../shared is
// there.
func readableIssues(t *testing.T) map[string]*issue.Issue {
	t.Helper()
	root := tuitest.RepoDir(t)
	paths := []string{filepath.Join(root, "testdata", "sample.md"), filepath.Join(root, "testdata", "gb18030.txt")}
	more, _ := filepath.Glob(filepath.Join(root, "testdata", "issues", "*"))
	paths = append(paths, more...)
	for _, p := range tuitest.HostilePaths(t) {
		if !tuitest.IsBad(p) {
			paths = append(paths, p)
		}
	}
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(shared); err == nil {
		paths = append(paths, filepath.Join(shared, "seed", "000_f6fea3e315053468.txt"), filepath.Join(shared, "real", "people-daily-2019-10-02"))
	} else {
		t.Logf("../shared is absent: the seed and the real issue are not tested")
	}
	out := map[string]*issue.Issue{}
	for _, p := range paths {
		l, err := shelf.Load(p, shelf.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		rel, _ := filepath.Rel(root, p)
		out[rel] = l.Issue
	}
	return out
}

// TestReaderShowsAllText scrolls through every article of every issue in
// the reader, half a page at a time as d does, at three sizes (two panes,
// one pane, a tiny one), and collects the article pane from the screen.
// Every line of the article's layout must have been on the screen, whole
// and as laid out; and the lines' text must hold every non-space character
// of every piece of the article (Article.Pieces), in order.
func TestReaderShowsAllText(t *testing.T) {
	issues := readableIssues(t)
	for name, is := range issues {
		t.Run(name, func(t *testing.T) {
			for _, size := range [][2]int{{100, 30}, {50, 20}, {24, 8}} {
				m := newPage(common.OpenMsg{Issue: is, Name: name}, testEnv())
				run(m, m.Init(), 0)
				m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				r := m.reader
				for i := range r.arts {
					if i >= 60 && strings.Contains(name, "many-articles") {
						break // five hundred of the same
					}
					r.show(i)
					r.focus = focusArticle
					where := fmt.Sprintf("%dx%d article %d", size[0], size[1], r.arts[i].N)
					checkArticleShown(t, m, where)
				}
			}
		})
	}
}

// checkArticleShown scrolls the current article from its top to its end
// and checks what the screen showed (see TestReaderShowsAllText).
func checkArticleShown(t *testing.T, m *Model, where string) {
	t.Helper()
	r := m.reader
	g := r.g
	seen := map[int]string{}
	for steps := 0; ; steps++ {
		top := r.lay.Distance(render.Loc{}, r.top)
		lines := strings.Split(m.View().Content, "\n")
		for k := range g.BodyH {
			if row := g.BodyY + k; row < len(lines) {
				seen[top+k] = strings.TrimRight(ansi.Strip(ansi.Cut(lines[row], g.ArtX, r.width)), " ")
			}
		}
		prev := r.top
		press(t, m, "d")
		if r.top == prev || steps > 100000 {
			break
		}
	}
	all := r.lay.All()
	margin := g.TextX - g.ArtX
	for i, ln := range all {
		got, ok := seen[i]
		if !ok {
			if i < len(all) {
				t.Errorf("%s: line %d of %d was never on the screen: %q", where, i, len(all), ln.Text)
			}
			return
		}
		want := ""
		if ln.Text != "" {
			want = strings.TrimRight(strings.Repeat(" ", margin+ln.Indent)+textsafe.Line(ln.Text), " ")
		}
		if got != want {
			t.Errorf("%s: line %d on the screen is\n%q, laid out as\n%q", where, i, got, want)
			return
		}
	}
	// Every character of the pieces, in order, in the lines' spans.
	pieces := r.lay.Pieces()
	text := make([]strings.Builder, len(pieces))
	for _, ln := range all {
		for _, s := range ln.Spans {
			if s.Piece >= 0 {
				if p := pieces[s.Piece].Text; s.Offset+s.End-s.Start > len(p) || p[s.Offset:s.Offset+s.End-s.Start] != ln.Text[s.Start:s.End] {
					t.Errorf("%s: a span of piece %d shows %q, not its text", where, s.Piece, ln.Text[s.Start:s.End])
				}
				text[s.Piece].WriteString(ln.Text[s.Start:s.End])
			}
		}
	}
	for i, p := range pieces {
		if got, want := nonBlank(text[i].String()), nonBlank(p.Text); got != want {
			t.Errorf("%s: piece %d (kind %d) is shown as\n%q, its text is\n%q", where, i, p.Kind, clipText(got), clipText(want))
		}
	}
}

// nonBlank returns s without white space.
func nonBlank(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
