package shelf

import (
	"fmt"
	"strings"
	"testing"
	"time"
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

// TestValidDate: validDate says of every day-like string what reading it
// with time.Parse and writing it back says.
func TestValidDate(t *testing.T) {
	want := func(s string) bool {
		d, err := time.Parse(time.DateOnly, s)
		return err == nil && d.Format(time.DateOnly) == s
	}
	var cases []string
	for _, y := range []string{"0000", "0001", "1900", "1999", "2000", "2023", "2024", "2100", "9999", "20a4", "-202", "+202", " 202"} {
		for m := -1; m <= 13; m++ {
			for d := -1; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%s-%02d-%02d", y, m, d), fmt.Sprintf("%s-%d-%d", y, m, d))
			}
		}
	}
	cases = append(cases, "", "2024-03-08 ", "2024/03/08", "2024-03-0８", "2024-03-08\x00", "20240308", "2024-003-8", "2024-03-+8", "2024-+3-08")
	for _, s := range cases {
		if got := validDate(s); got != want(s) {
			t.Errorf("validDate(%q) = %v, time.Parse says %v", s, got, want(s))
		}
	}
}

// TestCleanTextASCII: cleanText passes printable ASCII at once and asks
// textsafe of the rest, as before.
func TestCleanTextASCII(t *testing.T) {
	for _, c := range []struct {
		s    string
		max  int
		want bool
	}{
		{"2024/03/2024-03-08.md", 100, true},
		{"2024/03/2024-03-08.md", 5, false},
		{"", 0, true},
		{"星河日报", 100, true},
		{"a\tb", 100, false},
		{"a\x7fb", 100, false},
		{"ab\xff", 100, false},
		{"星河\u202e日报", 100, false},
		{"path/\ufeffx", 100, false},
		{"a\u00a0b", 100, true},
	} {
		if got := cleanText(c.s, c.max); got != c.want {
			t.Errorf("cleanText(%q, %d) = %v, want %v", c.s, c.max, got, c.want)
		}
	}
}
