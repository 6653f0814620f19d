package issue

import "testing"

// TestFindDate reads the forms of FindDate and passes over what is no day
// of the calendar.
func TestFindDate(t *testing.T) {
	tests := []struct {
		in         string
		forms      DateForms
		want       string
		start, end int
	}{
		{"2026年8月3日", AnyDate, "2026-08-03", 0, 15},
		{"今天是2026年08月03日星期一", ChineseDate, "2026-08-03", 9, 26},
		{"2026 年 8 月 3 日", ChineseDate, "2026-08-03", 0, 20},
		{"2026年8月3号", ChineseDate, "2026-08-03", 0, 15},
		{"２０２６年８月３日", ChineseDate, "2026-08-03", 0, 27},
		{"二〇二六年八月三日", ChineseDate, "2026-08-03", 0, 27},
		{"2026年2月31日", AnyDate, "", 0, 0},
		{"2026年2月31日 2026年2月28日", ChineseDate, "2026-02-28", 17, 33},
		{"1799年1月1日", ChineseDate, "", 0, 0},
		{"2026年8月", ChineseDate, "", 0, 0},
		{"2026-08-03", AnyDate, "2026-08-03", 0, 10},
		{"2026-8-3", SeparatedDate, "2026-08-03", 0, 8},
		{"a/2026/08/03/b", SeparatedDate, "2026-08-03", 2, 12},
		{"2026.8.3", SeparatedDate, "2026-08-03", 0, 8},
		{"人民日报_2026_08_03.md", SeparatedDate, "2026-08-03", 13, 23},
		{"2026-08-03T08:00:00Z", SeparatedDate, "2026-08-03", 0, 10},
		{"2026-02-29", SeparatedDate, "", 0, 0},
		{"2024-02-29", SeparatedDate, "2024-02-29", 0, 10},
		{"12026-08-03", SeparatedDate, "", 0, 0},
		{"2026-08-031", SeparatedDate, "", 0, 0},
		{"1850-08-03", SeparatedDate, "", 0, 0},
		{"20260803", AnyDate, "2026-08-03", 0, 8},
		{"nw_20171016_1-01", CompactDate, "2017-10-16", 3, 11},
		{"202608031", CompactDate, "", 0, 0},
		{"20260231", CompactDate, "", 0, 0},
		{"20260803", ChineseDate | SeparatedDate, "", 0, 0},
		// The forms are tried in order, not by place.
		{"20260801 2026-08-02 2026年8月3日", AnyDate, "2026-08-03", 20, 35},
		{"20260801 2026-08-02", AnyDate, "2026-08-02", 9, 19},
		{"", AnyDate, "", 0, 0},
	}
	for _, tt := range tests {
		date, start, end := FindDate(tt.in, tt.forms)
		if date != tt.want || start != tt.start || end != tt.end {
			t.Errorf("FindDate(%q, %b) = %q, %d, %d; want %q, %d, %d", tt.in, tt.forms, date, start, end, tt.want, tt.start, tt.end)
		}
	}
}

// TestCalendarDate checks days against the calendar.
func TestCalendarDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2026, 8, 3, "2026-08-03"},
		{2024, 2, 29, "2024-02-29"},
		{2026, 2, 29, ""},
		{2026, 2, 31, ""},
		{2026, 4, 31, ""},
		{2026, 13, 1, ""},
		{2026, 0, 1, ""},
		{2026, 1, 0, ""},
		{0, 1, 1, ""},
		{1900, 2, 29, ""},
		{2000, 2, 29, "2000-02-29"},
	}
	for _, tt := range tests {
		if got := CalendarDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("CalendarDate(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}
