package epaper

import "testing"

// TestDates reads dates from addresses, text and metadata; a day that is
// not in the calendar is no date.
func TestDates(t *testing.T) {
	tests := []struct {
		read func(string) string
		name string
		in   string
		want string
	}{
		{dateFromURL, "url", "http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm", "2017-10-16"},
		{dateFromURL, "url", "paper.people.com.cn/rmrb/pc/content/202608/03/content_1.html", "2026-08-03"},
		{dateFromURL, "url", `C:\saved\nw.D110000renmrb_20260803_2-05.htm`, "2026-08-03"},
		{dateFromURL, "url", "/html/2026-02/31/content_1.htm", ""},
		{dateFromURL, "url", "/pc/content/202602/30/content_1.html", ""},
		{dateFromURL, "url", "nw.D110000renmrb_20260231_1-01.htm", ""},
		{dateFromURL, "url", "/html/2026-02/31/x/2026-02/28/content_1.htm", "2026-02-28"},
		{dateFromURL, "url", "content_1.htm", ""},
		{dateFromText, "text", "《人民日报》（2026年8月3日 第 01 版）", "2026-08-03"},
		{dateFromText, "text", "2026 年 8 月 3 日", "2026-08-03"},
		{dateFromText, "text", "2026年2月31日", ""},
		{dateFromText, "text", "2026年2月31日 2026年2月28日", "2026-02-28"},
		{dateFromText, "text", "2025年2月29日", ""},
		{dateFromText, "text", "2024年2月29日", "2024-02-29"},
		{dateFromISO, "iso", "2026-08-03 00:00:00", "2026-08-03"},
		{dateFromISO, "iso", " 2026-8-3", "2026-08-03"},
		{dateFromISO, "iso", "2026-02-31", ""},
		{dateFromISO, "iso", "2026-04-31 08:00", ""},
		{dateFromISO, "iso", "on 2026-08-03", ""},
	}
	for _, tt := range tests {
		if got := tt.read(tt.in); got != tt.want {
			t.Errorf("date from %s %q = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
