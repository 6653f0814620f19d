package shelf

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// plainLines is a LineMaker that writes every field of every hit, one
// line each, as hitLine writes a Hit.
type plainLines struct{}

func (plainLines) AppendHit(b []byte, h *HitText) []byte {
	b = fmt.Appendf(b, "%s %d %d %t %s %v %v ", h.Entry.Date, h.Page, h.N, h.First, h.Title, h.Match, h.Pos)
	b = h.AppendLine(b)
	return append(b, '\n')
}

func (plainLines) EndIssue(b []byte) []byte { return b }

// hitLine is the line plainLines makes of h, the first of its issue or
// not.
func hitLine(h *Hit, first bool) string {
	return fmt.Sprintf("%s %d %d %t %s %v %v %s\n", h.Entry.Date, h.Page, h.N, first, h.Title, h.Match, h.Pos, h.Line)
}

// TestSearchLinesKnownChanged: a search with SearchOptions.Lines gives
// its hits as lines only, the same as the Hits of a search without it,
// also once a known shelf whose file changed is walked anew and the
// search goes on in it.
func TestSearchLinesKnownChanged(t *testing.T) {
	c := smallConfig()
	dir, _ := generated(t, c)
	opt := knownOptions(t)
	indexed(t, dir, opt)
	rewrite(t, filepath.Join(dir, "2024", "02", "2024-02-08.md"), c.Needle)
	fresh, err := Scan(context.Background(), dir, Options{NoKey: true})
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, b := range collect(t, fresh, c.Needle, SearchOptions{}) {
		for i := range b.Hits {
			want.WriteString(hitLine(&b.Hits[i], i == 0))
		}
	}
	ks := OpenKnown(dir, opt)
	if ks == nil {
		t.Fatal("OpenKnown gave no shelf")
	}
	var got strings.Builder
	n := 0
	for _, b := range collect(t, ks, c.Needle, SearchOptions{Lines: func() LineMaker { return plainLines{} }}) {
		if b.Err != nil {
			t.Fatal(b.Err)
		}
		if len(b.Hits) > 0 {
			t.Errorf("%s: %d Hits in a search for lines", b.Entry.Date, len(b.Hits))
		}
		got.Write(b.Lines)
		n += b.NLines
	}
	if got.String() != want.String() || n != strings.Count(got.String(), "\n") {
		t.Errorf("lines (NLines %d):\n%s\nwant:\n%s", n, got.String(), want.String())
	}
}

// TestAppendText: a hit's Line as its text has it (AppendText), made one
// line (OneLine), is the Line AppendLine appends, cut with … or not, its
// tabs and line breaks anywhere.
func TestAppendText(t *testing.T) {
	for _, text := range []string{"发展", "发\t展\n\r", "\t", "a\r\nb", "", "é\x00\x1b发展\xff"} {
		for _, cut := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
			h := &HitText{text: "前" + text + "后", from: len("前"), to: len("前" + text), lead: cut[0], trail: cut[1]}
			got := h.AppendText([]byte("x"))
			OneLine(got)
			if want := h.AppendLine([]byte("x")); string(got) != string(want) {
				t.Errorf("%q cut %v: %q, AppendLine %q", text, cut, got, want)
			}
		}
	}
}
