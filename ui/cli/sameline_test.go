package cli

import (
	"strings"
	"testing"
)

// TestSameLine: two LINEs as hits gave them are the same line when they
// are once their tabs, line feeds and carriage returns are spaces
// (shelf.OneLine), and only then — a space-like byte against any other
// byte is a difference.
func TestSameLine(t *testing.T) {
	spaces := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	lines := []string{"发 展", "发\t展", "发\n展", "发\r展", "发a展", "发\x00展", "发展 ", "发展\t", "发展a", "\t\n\r", "   ", "abc"}
	for _, a := range lines {
		for _, b := range lines {
			if len(a) != len(b) {
				continue
			}
			if got, want := sameLine([]byte(a), []byte(b)), spaces.Replace(a) == spaces.Replace(b); got != want {
				t.Errorf("sameLine(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
