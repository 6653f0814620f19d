package common

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/issue/textsafe"
	"dubao/ui/wrap"
)

// Truncate cuts plain text s to w columns with "…", never inside a
// character.
func Truncate(s string, w int, ambWide bool) string {
	return wrap.Truncate(s, w, ambWide)
}

// Pad fills plain or styled s with spaces to w columns.
func Pad(s string, w int, ambWide bool) string {
	sw := wrap.StringWidth(ansi.Strip(s), ambWide)
	if sw >= w {
		return s
	}
	return s + strings.Repeat(" ", w-sw)
}

// TruncateANSI cuts styled s to w columns.
func TruncateANSI(s string, w int) string {
	return ansi.Truncate(s, max(w, 0), "")
}

// StringWidth is the display width of plain s.
func StringWidth(s string, ambWide bool) int {
	return wrap.StringWidth(s, ambWide)
}

// Fit cuts content to at most height lines of at most width columns: the
// last guard that nothing drawn is wider or taller than the terminal.
func Fit(content string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(content, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > width {
			lines[i] = TruncateANSI(l, width)
		}
	}
	return strings.Join(lines, "\n")
}

// Quoted writes a query for a heading or a message: in “” unless it has
// quotation marks of its own (“"微改造"” reads badly).
func Quoted(q string) string {
	q = textsafe.Line(q)
	if strings.ContainsAny(q, "\"'“”‘’「」『』") {
		return q
	}
	return "“" + q + "”"
}

// DateText writes an ISO date the Chinese way with its weekday:
// 2023年12月21日 星期四. The weekday is computed when the issue lacks it.
func DateText(date, weekday string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return strings.TrimSpace(date + " " + weekday)
	}
	if weekday == "" {
		weekday = "星期" + string([]rune("日一二三四五六")[t.Weekday()])
	}
	return fmt.Sprintf("%d年%d月%d日 %s", t.Year(), int(t.Month()), t.Day(), weekday)
}

// RunePrefix returns the first n bytes of s, or fewer, so as not to cut a
// character.
func RunePrefix(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
