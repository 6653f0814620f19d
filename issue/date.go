package issue

import (
	"strings"
	"time"
	"unicode/utf8"
)

// DateForms selects the ways of writing a date that FindDate reads.
type DateForms uint8

const (
	// ChineseDate is a date written with 年, 月 and 日 (or 号):
	// 2026年8月3日, 2026 年 08 月 03 日, 2026年8月3号, ２０２６年８月３日,
	// 二〇二六年八月三日. The year has up to four ASCII, full-width or
	// Chinese digits and lies in 1800–2200; month and day have up to three
	// characters (十二, 廿八); spaces may stand around each number.
	ChineseDate DateForms = 1 << iota
	// SeparatedDate is a date of ASCII digits with separators: 2026-08-03,
	// 2026-8-3, 2026/08/03, 2026.8.3, 2026_08_03 (each separator one of
	// - / . _). The year is 19xx or 20xx, month and day have one or two
	// digits, and no digit stands right before or after the date.
	SeparatedDate
	// CompactDate is eight ASCII digits, YYYYMMDD: 20260803. The year is
	// 19xx or 20xx and no digit stands right before or after the date.
	CompactDate
	// AnyDate is every form.
	AnyDate = ChineseDate | SeparatedDate | CompactDate
)

// FindDate is the one reader of dates written in text (mastheads, file
// and folder names, page metadata, feed and e-book titles): it returns
// the first date of the calendar written in s in one of forms, as
// YYYY-MM-DD, and its byte range in s (from the year to the day, a
// closing 日 or 号 included); "" when there is none. The forms are tried
// in the order ChineseDate, SeparatedDate, CompactDate: a later form is
// looked for only when s holds no date of an earlier one. A written date
// that is not in the calendar (2026年2月31日, 2025-02-29) is passed over.
// Forms that belong to one format (a feed's RFC 822 pubDate, an e-paper
// address's /2026-08/03/) are read where that format is, and checked with
// CalendarDate.
func FindDate(s string, forms DateForms) (date string, start, end int) {
	if forms&ChineseDate != 0 {
		if date, start, end = findChineseDate(s); date != "" {
			return date, start, end
		}
	}
	if forms&SeparatedDate != 0 {
		if date, start, end = findDigitDate(s, true); date != "" {
			return date, start, end
		}
	}
	if forms&CompactDate != 0 {
		if date, start, end = findDigitDate(s, false); date != "" {
			return date, start, end
		}
	}
	return "", 0, 0
}

// CalendarDate returns year, month and day as YYYY-MM-DD when they make a
// day of the calendar in the years 1–9999, and "" otherwise (2026, 2, 31):
// every date read from text is checked here.
func CalendarDate(y, m, d int) string {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	return t.Format(time.DateOnly)
}

// findChineseDate finds the first ChineseDate of the calendar in s.
func findChineseDate(s string) (date string, start, end int) {
	for off := 0; ; {
		i := strings.Index(s[off:], "年")
		if i < 0 {
			return "", 0, 0
		}
		i += off
		off = i + len("年")
		// Up to four digits before 年, spaces between.
		start = len(trimRightDateSpace(s[:i]))
		digitsEnd := start
		for k := 0; k < 4 && start > 0; k++ {
			r, n := utf8.DecodeLastRuneInString(s[:start])
			if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || chineseDigit(r) >= 0) {
				break
			}
			start -= n
		}
		y, ok := parseNumber(s[start:digitsEnd])
		if !ok || y < 1800 || y > 2200 {
			continue
		}
		m, rest, ok := dateNumberBefore(s[off:], "月")
		if !ok {
			continue
		}
		d, after, ok := dateNumberBefore(rest, "日")
		if !ok {
			d, after, ok = dateNumberBefore(rest, "号")
		}
		if !ok {
			continue
		}
		if date = CalendarDate(y, m, d); date != "" {
			return date, start, len(s) - len(after)
		}
	}
}

// dateNumberBefore reads a number of at most three characters, spaces
// around it, that s starts with and that unit follows; rest is s after
// unit.
func dateNumberBefore(s, unit string) (n int, rest string, ok bool) {
	i := strings.Index(s, unit)
	if i <= 0 {
		return 0, s, false
	}
	num := trimRightDateSpace(strings.TrimLeftFunc(s[:i], isDateSpace))
	if utf8.RuneCountInString(num) > 3 {
		return 0, s, false
	}
	n, ok = parseNumber(num)
	return n, s[i+len(unit):], ok
}

// isDateSpace reports a space that may stand around the numbers of a
// ChineseDate.
func isDateSpace(r rune) bool { return isSpaceRune(r) || r == '\t' || r == '\r' }

// trimRightDateSpace trims the spaces (see isDateSpace) at the end of s.
func trimRightDateSpace(s string) string { return strings.TrimRightFunc(s, isDateSpace) }

// findDigitDate finds the first SeparatedDate (separated) or CompactDate
// of the calendar in s.
func findDigitDate(s string, separated bool) (date string, start, end int) {
	for i := 0; i+8 <= len(s); i++ {
		if !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') ||
			i > 0 && isASCIIDigit(s[i-1]) || !isASCIIDigit(s[i+2]) || !isASCIIDigit(s[i+3]) {
			continue
		}
		y := int(s[i]-'0')*1000 + int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
		var m, d int
		j := i + 4
		if separated {
			var ok bool
			if m, j, ok = separatedNumber(s, j); !ok {
				continue
			}
			if d, j, ok = separatedNumber(s, j); !ok {
				continue
			}
		} else {
			if !isASCIIDigit(s[j]) || !isASCIIDigit(s[j+1]) || !isASCIIDigit(s[j+2]) || !isASCIIDigit(s[j+3]) {
				continue
			}
			m = int(s[j]-'0')*10 + int(s[j+1]-'0')
			d = int(s[j+2]-'0')*10 + int(s[j+3]-'0')
			j += 4
		}
		if j < len(s) && isASCIIDigit(s[j]) {
			continue
		}
		if date = CalendarDate(y, m, d); date != "" {
			return date, i, j
		}
	}
	return "", 0, 0
}

// separatedNumber reads a separator (- / . _) at s[i] and the one or two
// ASCII digits after it, returning the number and the index after it.
func separatedNumber(s string, i int) (n, next int, ok bool) {
	if i >= len(s) || !strings.ContainsRune("-/._", rune(s[i])) {
		return 0, i, false
	}
	i++
	start := i
	for i < len(s) && i-start < 2 && isASCIIDigit(s[i]) {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, i, i > start
}
