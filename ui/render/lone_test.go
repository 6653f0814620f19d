package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/ui/styles"
	"dubao/ui/wrap"
)

// loneIssues returns the issues whose paragraphs TestNoLoneCharacter
// checks: the repo's sample, and the seed and the real 20-page issue when
// ../shared is present.
func loneIssues(t *testing.T) map[string]*issue.Issue {
	root := repoRoot(t)
	out := map[string]*issue.Issue{}
	for name, p := range map[string]string{
		"sample": filepath.Join(root, "testdata", "sample.md"),
		"seed":   filepath.Join(root, "..", "shared", "seed", "000_f6fea3e315053468.txt"),
		"real":   filepath.Join(root, "..", "shared", "real", "people-daily-2019-10-02"),
	} {
		if _, err := os.Stat(p); err != nil {
			t.Logf("%s: %s is absent (a fresh clone has no ../shared): not checked", name, p)
			continue
		}
		is, err := issue.Open(p, issue.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[name] = is
	}
	return out
}

// loneLines counts the text units (paragraphs, crossheads, quotes) of a
// laid out at width whose last line is one CJK character with its
// punctuation.
func loneLines(r *Renderer, a *issue.Article, width int) int {
	l := r.Layout(a, Options{Width: width})
	n := 0
	for u := range l.units {
		if l.units[u].kind != unitText {
			continue
		}
		var text []Line
		for _, ln := range l.unitLines(u) {
			if ln.Text != "" {
				text = append(text, ln)
			}
		}
		if len(text) >= 2 && isOrphan(text[len(text)-1].Text) {
			n++
		}
	}
	return n
}

// TestNoLoneCharacter checks that no paragraph's last line is one 汉字
// with its punctuation, at widths 20, 40 and 80 and (without -short) at
// every width from 16 to 120 columns, on the sample, the seed and the real
// issue; the counts at 20/40/80 are logged (before the pull-down: real
// 56/4/3, seed 5/0/0, sample 0/0/1).
func TestNoLoneCharacter(t *testing.T) {
	r := New(styles.Plain())
	widths := []int{20, 40, 80}
	if !testing.Short() {
		for w := 16; w <= 120; w++ {
			if w != 20 && w != 40 && w != 80 {
				widths = append(widths, w)
			}
		}
	}
	for name, is := range loneIssues(t) {
		for _, w := range widths {
			n := 0
			for _, a := range is.Articles() {
				n += loneLines(r, a, w)
			}
			if w == 20 || w == 40 || w == 80 {
				t.Logf("%s at %d columns: %d lone characters", name, w, n)
			}
			if n > 0 {
				t.Errorf("%s at %d columns: %d paragraphs end in a lone character", name, w, n)
			}
		}
	}
}

// TestPullDownKeepsFill checks that pulling a character down changes only
// the last two lines of a paragraph: every earlier line is as the line
// breaker filled it, and the lines still tile the text.
func TestPullDownKeepsFill(t *testing.T) {
	// 4 columns of indent then 7 汉字 a line at width 18; the last line
	// would be 福。 alone
	text := strings.Repeat("春风送暖入屠苏", 3) + "万象更新福。"
	wopt := wrap.Options{Width: 18, Indent: 4}
	raw := wrap.Lines(text, wopt)
	if !isOrphan(raw[len(raw)-1].Text(text)) {
		t.Fatalf("the fixture does not end in a lone character: %q", raw[len(raw)-1].Text(text))
	}
	l := &Layout{}
	got := l.avoidOrphan(text, raw, wopt)
	if len(got) != len(raw) {
		t.Fatalf("%d lines, want %d", len(got), len(raw))
	}
	for i := range len(raw) - 2 {
		if got[i] != raw[i] {
			t.Errorf("line %d changed: %q → %q", i, raw[i].Text(text), got[i].Text(text))
		}
	}
	if last := got[len(got)-1].Text(text); isOrphan(last) || last != "新福。" {
		t.Errorf("last line %q, want 新福。", last)
	}
	end := 0
	for _, ln := range got {
		if ln.Start != end {
			t.Fatalf("lines do not tile the text at %d", ln.Start)
		}
		end = ln.End
		if ln.Indent+ln.Width > wopt.Width {
			t.Errorf("line %q wider than %d", ln.Text(text), wopt.Width)
		}
	}
	if end != len(text) {
		t.Errorf("lines end at %d of %d", end, len(text))
	}
}
