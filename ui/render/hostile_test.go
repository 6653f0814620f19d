package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/issue"
	"dubao/issue/textsafe"
	"dubao/ui/styles"
)

// hostileFiles returns the files of testdata/hostile that must open (see
// ui/cli/e2e/hostile_test.go; a "bad-" file must be refused).
func hostileFiles(tb testing.TB) []string {
	tb.Helper()
	all, err := filepath.Glob(filepath.Join(repoRoot(tb), "testdata", "hostile", "*"))
	if err != nil || len(all) < 20 {
		tb.Fatalf("testdata/hostile: %d files, %v", len(all), err)
	}
	var out []string
	for _, p := range all {
		if !strings.HasPrefix(filepath.Base(p), "bad-") {
			out = append(out, p)
		}
	}
	return out
}

// hostileRaw returns the bytes of the UTF-8 files of testdata/hostile, as
// text that was never sanitised (the renderer must clean it all the same).
func hostileRaw(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, p := range hostileFiles(tb) {
		if strings.HasSuffix(p, ".md") {
			data, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, string(data))
		}
	}
	return out
}

// seedArticles returns the articles of the repository's samples and of
// the files of testdata/hostile, parsed.
func seedArticles(tb testing.TB) []*issue.Article {
	tb.Helper()
	paths := append([]string{filepath.Join(repoRoot(tb), "testdata", "sample.md"), filepath.Join(repoRoot(tb), "testdata", "gb18030.txt")}, hostileFiles(tb)...)
	var out []*issue.Article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		is, err := issue.ParseBytes(data, issue.Options{Name: p})
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		arts := is.Articles()
		out = append(out, arts[:min(len(arts), 8)]...)
	}
	return out
}

// checkSafe fails when s holds a character that can control a terminal
// (see textsafe.Unsafe) or invalid UTF-8;
// with sgr, SGR sequences (CSI with digits, ';' and ':', ending in m) are
// allowed, as the renderer writes them.
func checkSafe(t *testing.T, s string, sgr bool, where string) {
	t.Helper()
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			n := 0
			if sgr && strings.HasPrefix(s[i:], "\x1b[") {
				j := i + 2
				for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
					j++
				}
				if j < len(s) && s[j] == 'm' {
					n = j + 1 - i
				}
			}
			if n == 0 {
				t.Fatalf("%s: an escape sequence that is not SGR: %q", where, s[i:min(len(s), i+20)])
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r != '\n' && textsafe.Unsafe(r) {
			t.Fatalf("%s: %U in %q", where, r, s[max(i-20, 0):min(len(s), i+20)])
		}
		i += size
	}
}

// TestHostileLayouts lays out every article of testdata/hostile at many
// widths, styled and plain, narrow and wide ambiguous characters: the
// layout invariants of checkLayout hold, and neither the styled lines nor
// the plain text hold anything but text and SGR styling.
func TestHostileLayouts(t *testing.T) {
	r := New(styles.New(true))
	for _, p := range hostileFiles(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		is, err := issue.ParseBytes(data, issue.Options{Name: p})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		arts := is.Articles()
		for _, a := range arts[:min(len(arts), 6)] {
			for w := 1; w <= 90; w += 1 + w/3 {
				for _, amb := range []bool{false, true} {
					name := fmt.Sprintf("%s article %d width %d ambiguous-wide=%v", filepath.Base(p), a.N, w, amb)
					l := r.Layout(a, Options{Width: w, AmbiguousWide: amb})
					checkLayout(t, r, l, name)
					checkLayout(t, r, newLayout(a, Options{Width: w, AmbiguousWide: amb, Plain: true}, nil), name+" plain")
					for _, ln := range l.All() {
						checkSafe(t, r.Line(ln, []Mark{{Piece: 1, Start: 0, End: 3}}), true, name)
					}
					checkSafe(t, Plain(a, Options{Width: w, AmbiguousWide: amb}), false, name+" plain")
				}
			}
		}
	}
}
