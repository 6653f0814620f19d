package epaper

import (
	"dubao/issue"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The address shapes of e-paper pages, by the base name of the file.
var (
	// Article pages: content_123.htm (Founder, 人民日报 since 2024-12,
	// 光明日报), nw.D110000renmrb_20171016_1-01.htm (人民日报 before).
	articleName = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(content_\d+(_\d+)?\.s?html?|nw\.d\d+[a-z]*_\d{8}_\d+-\d+\.s?html?)$`)
	})
	// Layout pages: node_2.htm, nbs.D110000renmrb_01.htm.
	layoutName = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(node_\d+\.s?html?|nbs\.d\d+[a-z]*_(\d+)\.s?html?)$`)
	})
	// nw.D110000renmrb_20171016_1-01.htm: the page is the last number.
	oldArticlePage = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)_\d{8}_\d+-(\d+)\.s?html?$`) })
)

// IsArticleName reports whether a file name or address has the shape of an
// e-paper article page (content_123.htm, nw.D110000renmrb_20171016_1-01.htm).
func IsArticleName(name string) bool {
	b := baseName(name)
	return (hasPrefixFold(b, "content_") || hasPrefixFold(b, "nw.")) && articleName().MatchString(b)
}

// IsLayoutName reports whether a file name or address has the shape of an
// e-paper layout page (node_2.htm, nbs.D110000renmrb_01.htm).
func IsLayoutName(name string) bool {
	b := baseName(name)
	return (hasPrefixFold(b, "node_") || hasPrefixFold(b, "nbs.")) && layoutName().MatchString(b)
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// baseName returns the last element of a path or address, without a query
// or fragment.
func baseName(name string) string {
	if i := strings.IndexAny(name, "?#"); i >= 0 {
		name = name[:i]
	}
	name = strings.ReplaceAll(name, "\\", "/")
	return path.Base(name)
}

// pageFromName returns the page number a file name gives: the PP of
// nbs.D110000renmrb_PP.htm and of nw.D110000renmrb_YYYYMMDD_N-PP.htm; 0
// for other names (node_N numbers are not pages).
func pageFromName(name string) int {
	b := baseName(name)
	if m := oldArticlePage().FindStringSubmatch(b); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	if m := layoutName().FindStringSubmatch(b); m != nil && m[2] != "" {
		n, _ := strconv.Atoi(m[2])
		return n
	}
	return 0
}

// Dates in addresses, the forms of e-paper sites: /2017-10/16/,
// /202608/03/ (other dates are read by issue.FindDate).
var (
	urlDateDash  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)-(\d\d)/(\d\d)(?:/|$)`) })
	urlDateSplit = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)(\d\d)/(\d\d)(?:/|$)`) })
)

// dateFromURL returns the issue date an address or path gives, as
// YYYY-MM-DD, or "": /2017-10/16/, /202608/03/, then eight digits
// (_20171016_, /20260803/).
func dateFromURL(s string) string {
	s = strings.ReplaceAll(s, "\\", "/")
	for _, re := range []*regexp.Regexp{urlDateDash(), urlDateSplit()} {
		for _, m := range re.FindAllStringSubmatch(s, -1) {
			if d := ymd(m[1], m[2], m[3]); d != "" {
				return d
			}
		}
	}
	d, _, _ := issue.FindDate(s, issue.CompactDate)
	return d
}

// dateFromText returns the first date written 2026年8月3日 in s, or "".
func dateFromText(s string) string {
	d, _, _ := issue.FindDate(s, issue.ChineseDate)
	return d
}

// dateFromISO reads a date that starts s: 2026-08-03 00:00:00.
func dateFromISO(s string) string {
	if d, start, _ := issue.FindDate(strings.TrimSpace(s), issue.SeparatedDate); start == 0 {
		return d
	}
	return ""
}

// ymd reads the digits of a date of the calendar as YYYY-MM-DD; "" when
// they are not one.
func ymd(y, m, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	return issue.CalendarDate(yi, mi, di)
}

// paperFromTitle finds a paper's name in a page's <title> or a similar
// line: 人民日报-人民网 → 人民日报, 衡阳日报数字报 → 衡阳日报,
// 光明日报电子版 → 光明日报.
func paperFromTitle(s string) string {
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("-_|—–·:：,，()（）[]【】 \u00a0\u3000", r)
	}) {
		part = strings.Trim(part, "《》")
		for _, suffix := range []string{"数字报刊", "数字报", "电子版", "电子报", "数字版", "网络版", "多媒体数字报刊", "平台"} {
			part = strings.TrimSuffix(part, suffix)
		}
		n := utf8.RuneCountInString(part)
		if n >= 3 && n <= 12 && (strings.HasSuffix(part, "报") || strings.HasSuffix(part, "報")) &&
			!strings.Contains(part, "版") && !strings.ContainsAny(part, "0123456789") {
			return part
		}
	}
	return ""
}

// paperQuoted finds a paper named in book-title marks with its date:
// 《人民日报》（2026年08月03日 第 01 版）.
var paperQuoted = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`《([^《》]{2,12}[报報])》\s*[（(]\s*((?:19|20)\d\d\s*年[^）)]*)[）)]`)
})

// papers known by their address.
var paperHosts = []struct{ pattern, name string }{
	{"paper.people.com.cn/rmrb", "人民日报"},
	{"renmrb", "人民日报"},
	{"epaper.gmw.cn/gmrb", "光明日报"},
}

// paperFromURL names the paper an address belongs to, when it is known.
func paperFromURL(s string) string {
	for _, p := range paperHosts {
		if strings.Contains(s, p.pattern) {
			return p.name
		}
	}
	return ""
}

// DayKey tells which saved day a page file belongs to by its path: the
// pages of one paper and date share the key, in whichever folders a
// mirror keeps them (paper.people.com.cn/rmrb/pc/layout/202608/03/ and
// …/content/202608/03/ are one day); pages with no date in their path
// are a day per folder. ok is false for a file whose name is not an
// e-paper page's (see IsArticleName, IsLayoutName).
func DayKey(p string) (key string, ok bool) {
	p = strings.ReplaceAll(p, "\\", "/")
	if !IsArticleName(p) && !IsLayoutName(p) {
		return "", false
	}
	dir := path.Dir(p)
	for _, re := range []*regexp.Regexp{urlDateDash(), urlDateSplit()} {
		for _, m := range re.FindAllStringSubmatchIndex(dir+"/", -1) {
			date := ymd(dir[m[2]:m[3]], dir[m[4]:m[5]], dir[m[6]:m[7]])
			if date == "" {
				continue
			}
			prefix := strings.TrimSuffix(dir[:m[0]], "/")
			for {
				i := strings.LastIndexByte(prefix, '/')
				last := prefix[i+1:]
				if last != "layout" && last != "content" && last != "html" && last != "pc" && last != "node" {
					break
				}
				prefix = prefix[:max(i, 0)]
			}
			return prefix + "|" + date, true
		}
	}
	return dir, true
}
