package shelf

import (
	"strings"
	"testing"
)

// TestPlausibleText: a cached record's text must be what the model may
// hold (textsafe), else the file is indexed again.
func TestPlausibleText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paper string
		want  bool
	}{
		{"plain", "星河日报", true},
		{"C0 control", "星河\x1b[2J日报", false},
		{"C1 control", "星河\u009b日报", false},
		{"DEL", "星河\x7f日报", false},
		{"bidi override", "星河\u202e日报", false},
		{"bidi isolate", "星河\u2066日报", false},
		{"byte order mark", "\ufeff星河日报", false},
		{"invalid UTF-8", "星河\xff日报", false},
		{"too long", strings.Repeat("报", maxRecordText/3+1), false},
	} {
		r := &record{Path: "2024-03-08.md", Files: []fileRec{{Path: "2024-03-08.md", Size: 100}}, Paper: tc.paper, Articles: 1}
		if got := plausible(r); got != tc.want {
			t.Errorf("%s: plausible(paper %q) = %v, want %v", tc.name, tc.paper, got, tc.want)
		}
	}
}
