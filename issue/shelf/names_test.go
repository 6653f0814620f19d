package shelf

import (
	"fmt"
	"strconv"
	"testing"
)

func TestDateFromName(t *testing.T) {
	for _, tc := range []struct{ rel, want string }{
		{"2024-03-08.md", "2024-03-08"},
		{"2024_3_8.txt", "2024-03-08"},
		{"2024.03.08 星河日报.md", "2024-03-08"},
		{"星河日报2024年3月8日.txt", "2024-03-08"},
		{"星河日报二〇二四年三月八日.txt", "2024-03-08"}, // issue.FindDate's forms
		{"2024 年 03 月 08 号.md", "2024-03-08"},
		{"星河日报2024年2月30日 2024-03-09.md", "2024-03-09"}, // no such day: the next date
		{"20240308.txt", "2024-03-08"},
		{"paper-20240308-a.txt", "2024-03-08"},
		{"20191002-03-02.txt", "2019-10-02"},
		{"2024-03-08/01.md", "2024-03-08"},
		{"2024/03/08/01.md", "2024-03-08"},
		{"archive/2024/2024-03-08/pages/01.md", "2024-03-08"},
		{"2024-02-30.md", ""},    // no such day
		{"2024-13-01.md", ""},    // no such month
		{"123202403089.txt", ""}, // digits run on: not a date
		{"notes.md", ""},         // none
		{"2024/notes.md", ""},    // a year is not a date
		{"1899-01-01.md", ""},    // out of range
		{"2023-12-21 (1).md", "2023-12-21"},
	} {
		if got := dateFromName(tc.rel); got != tc.want {
			t.Errorf("dateFromName(%q) = %q, want %q", tc.rel, got, tc.want)
		}
	}
}

func TestPageFromName(t *testing.T) {
	for _, tc := range []struct {
		rel       string
		page, seq int
	}{
		{"2024-03-08/01.md", 1, 0},
		{"2024-03-08/12.txt", 12, 0},
		{"2024-03-08/02版.md", 2, 0},
		{"2024-03-08/第三版.txt", 3, 0},
		{"2024-03-08/第12版 体育.txt", 12, 0},
		{"2024-03-08/A2.md", 2, 0},
		{"2024-03-08/page-7.md", 7, 0},
		{"2024-03-08/p3.md", 3, 0},
		{"2024-03-08-04.md", 4, 0},
		{"20240308_05.txt", 5, 0},
		{"20191002-03-02.txt", 3, 2},
		{"2024年3月8日-05.md", 5, 0}, // the closing 日 is part of the date
		{"二〇二四年三月八日 第06版.md", 6, 0},
		{"2024-03-08.md", 0, 0},
		{"people-daily-2019-10-02.md", 0, 0},
		{"notes.md", 0, 0},
		{"2024.md", 0, 0},
		{"00.md", 0, 0},
	} {
		page, seq := pageFromName(tc.rel)
		if page != tc.page || seq != tc.seq {
			t.Errorf("pageFromName(%q) = %d, %d; want %d, %d", tc.rel, page, seq, tc.page, tc.seq)
		}
	}
}

func TestParseOrdinal(t *testing.T) {
	for s, want := range map[string]int{"3": 3, "03": 3, "三": 3, "十": 10, "十二": 12, "二十": 20, "二十四": 24, "一百零二": 102, "甲": 0} {
		if got := parseOrdinal(s); got != want {
			t.Errorf("parseOrdinal(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestLabel(t *testing.T) {
	for _, tc := range []struct {
		e    Entry
		want string
	}{
		{Entry{Paper: "青溪日报", Files: []File{{Path: "2024/x.md"}}}, "青溪日报"},
		{Entry{Files: []File{{Path: "misc/noname.md"}}}, "noname"},
		{Entry{Files: []File{{Path: "real/rmrb/20191002-01-01.txt"}, {Path: "real/rmrb/20191002-02-01.txt"}}}, "rmrb"},
		{Entry{Files: []File{{Path: "2019.10.02"}}}, "2019.10.02"},
		// A shelf's paths have slashes: a backslash is part of a name
		// (issue #18, item 19: "2024-05-01 a\b.md" is not "b").
		{Entry{Files: []File{{Path: `win\dir\a.txt`}}}, `win\dir\a`},
		{Entry{Files: []File{{Path: "2024/2024-05-01 a\\b.md"}}}, `2024-05-01 a\b`},
		// GB18030 names (a Windows zip unpacked on Linux): decoded, marked.
		{Entry{Files: []File{{Path: "\xb1\xa8\xd6\xbd/\xc7\xe0\xcf\xaa.md"}}}, "青溪" + GB18030Mark},
		{Entry{Files: []File{{Path: "bad\xff.md"}}}, "bad\xff"},
		{Entry{}, ""},
	} {
		if got := tc.e.Label(); got != tc.want {
			t.Errorf("Label(%v) = %q, want %q", tc.e.Files, got, tc.want)
		}
	}
}

// TestShortNumber: the names of one to four digits read as the whole
// pageFromName reads them.
func TestShortNumber(t *testing.T) {
	for n := range 10000 {
		for _, base := range []string{strconv.Itoa(n), fmt.Sprintf("%02d", n), fmt.Sprintf("%03d", n), fmt.Sprintf("%04d", n)} {
			got, ok := shortNumber(base)
			if !ok {
				t.Fatalf("shortNumber(%q): not read", base)
			}
			want, _ := pageFromBase(base)
			if got != want {
				t.Errorf("shortNumber(%q) = %d, pageFromName's expressions give %d", base, got, want)
			}
		}
	}
	for _, base := range []string{"", "12345", "1a", "a1", "１"} {
		if _, ok := shortNumber(base); ok {
			t.Errorf("shortNumber(%q) read it", base)
		}
	}
}

// TestDashedDate: a name of the shape YYYY-MM-DD, a date or not, gives
// pageFromName no page, as its expressions would.
func TestDashedDate(t *testing.T) {
	for _, base := range []string{"2024-03-08", "2024-02-30", "2023-02-29", "0000-00-00", "9999-99-99", "1900-01-01", "2024-13-01", "0123-04-05"} {
		if !dashedDate(base) {
			t.Fatalf("dashedDate(%q) = false", base)
		}
		if p, s := pageFromBase(base); p != 0 || s != 0 {
			t.Errorf("pageFromBase(%q) = %d, %d, not 0, 0", base, p, s)
		}
	}
	for _, base := range []string{"2024-03-8", "2024/03/08", "2024-03-08a", "２024-03-08", "2024-0３-08"} {
		if dashedDate(base) {
			t.Errorf("dashedDate(%q) = true", base)
		}
	}
}
