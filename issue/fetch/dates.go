package fetch

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
)

// A dateForm is one way an e-paper address writes the day of its folder.
type dateForm struct {
	re     *regexp.Regexp // matches the date alone; groups year, month, day
	layout string         // the time layout that writes the same form
	inName bool           // the form may end inside a file name (2026-08-03.htm, _20260803_)
}

// dateForms returns the date forms of e-paper addresses, tried in this order at
// every position of the path: 202608/03 (人民日报 since 2024, 光明日报),
// 2026-08/03 (Founder, 人民日报 before 2024), 2026-08-03, 20260803.
var dateForms = sync.OnceValue(func() []dateForm {
	return []dateForm{
		{regexp.MustCompile(`^(\d{4})(\d{2})/(\d{2})`), "200601/02", false},
		{regexp.MustCompile(`^(\d{4})-(\d{2})/(\d{2})`), "2006-01/02", false},
		{regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`), "2006-01-02", true},
		{regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})`), "20060102", true},
	}
})

// DateInPath is the day an address's path names and where: the path
// p[Start:End] writes Day in the form Layout (a time layout).
type DateInPath struct {
	Day        time.Time // midnight UTC of the day
	Start, End int       // the date's bytes in the path
	Layout     string    // how the path writes it, as a time layout
}

// Token is the date as the path writes it ("202608/03").
func (d DateInPath) Token() string { return d.Day.Format(d.Layout) }

// FindDate finds the first date in an address's path (url.URL.Path): a
// form of dateForms that starts a path segment (or follows "_", "." or
// "-" in a file name, as in nw.D110000renmrb_20171016_1-01.htm), is not
// followed by another digit, and names a real day from 1946 to 2199.
func FindDate(path string) (DateInPath, bool) {
	for i := 0; i < len(path); i++ {
		if i > 0 && !isDateBoundary(path[i-1]) || path[i] < '1' || path[i] > '2' {
			continue
		}
		for _, f := range dateForms() {
			m := f.re.FindStringSubmatch(path[i:])
			if m == nil {
				continue
			}
			end := i + len(m[0])
			if end < len(path) {
				next := path[end]
				if next >= '0' && next <= '9' || !f.inName && next != '/' {
					continue
				}
			}
			day, ok := validDay(m[1], m[2], m[3])
			if !ok {
				continue
			}
			return DateInPath{Day: day, Start: i, End: end, Layout: f.layout}, true
		}
	}
	return DateInPath{}, false
}

// isDateBoundary reports whether a date may start after byte c.
func isDateBoundary(c byte) bool {
	return c == '/' || c == '_' || c == '.' || c == '-'
}

// validDay returns the day year-month-day when it exists.
func validDay(year, month, day string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", year+"-"+month+"-"+day)
	if err != nil || t.Year() < 1946 || t.Year() > 2199 {
		return time.Time{}, false
	}
	return t, true
}

// WithDate returns path with its date (the first FindDate finds) written
// as day in the same form, and the compact form of the old date after it
// (file names such as nw.D110000renmrb_20171016_1-01.htm) rewritten too.
func WithDate(path string, day time.Time) (string, error) {
	d, ok := FindDate(path)
	if !ok {
		return "", fmt.Errorf("%s: no date in the address to change", path)
	}
	rest := strings.ReplaceAll(path[d.End:], d.Day.Format("20060102"), day.Format("20060102"))
	return path[:d.Start] + day.Format(d.Layout) + rest, nil
}
