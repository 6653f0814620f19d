package issue

import (
	"strings"
	"testing"
)

// Tests of the defects found reading real archives (issue #13), each on a
// fixture of our own with the shape of the real data.

// TestGB18030ParagraphMark: FD A3 (U+E40C) separates paragraphs, decoded
// without damage (item 1).
func TestGB18030ParagraphMark(t *testing.T) {
	path := samplePath(t, "issues/gb18030-pua.txt")
	is := mustOpen(t, path, Options{})
	if is.Encoding != "GB18030" || is.Invalid != 0 {
		t.Errorf("encoding %s, %d invalid", is.Encoding, is.Invalid)
	}
	a := is.Articles()[0]
	if len(a.Paragraphs) != 3 {
		t.Fatalf("%d paragraphs, want 3: %q", len(a.Paragraphs), a.Paragraphs)
	}
	for _, p := range a.Paragraphs {
		if strings.ContainsAny(p, "\ufffd\ue40c") {
			t.Errorf("paragraph %q", p)
		}
	}
	if err := checkLossless(decoded(t, path), is); err != nil {
		t.Error(err)
	}
}
