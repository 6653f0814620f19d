package issue

import (
	"strings"
	"unicode/utf8"
)

// parsePageLine recognises a line that starts a page (版面) and returns its
// number (0 if it has none) and name: 第二版 综合新闻, 第3版:经济, 第01版：要闻,
// 03版 经济, 02版, A2 要闻, 第A02版 国际. The name is at most 16 characters
// and the line holds nothing else.
func parsePageLine(s string) (page int, name string, ok bool) {
	return pageLine(s, pageLineForm)
}

// parsePageHeading recognises a heading that starts a page: as
// parsePageLine, but the name may be anything (the heading is markup
// already), of any length after a page spelled out in full and a
// separator (第3版 …, the form WriteMarkdown writes), and a backslash in front of it keeps
// the characters that follow from being read as separators.
func parsePageHeading(s string) (page int, name string, ok bool) {
	return pageLine(s, pageHeadingForm)
}

// ParsePageLabel reads a page label that a source already marks as one
// (an e-paper layout page's 版面 name or enpproperty nodename, a feed
// item's category, an e-book's section) and returns the page's number and
// name. It takes the forms of a page line in a text issue — 第01版：要闻,
// 01版:要闻, 第01版 要闻, 第十二版, A01版：要闻 (page 1), 第０３版：经济 — with
// these differences: spaces may stand around the number (第 12 版), 版 is
// required, runs of ASCII spaces, tabs and line breaks count as one
// space, the name may be any text of up to 40 characters, a name must be
// set off from 版 by a space or a separator (01版权所有 is no label), and
// page 0 is no page.
func ParsePageLabel(s string) (page int, name string, ok bool) {
	page, name, ok = pageLine(strings.Join(strings.FieldsFunc(s, isASCIISpaceRune), " "), pageLabelForm)
	if !ok || page == 0 {
		return 0, "", false
	}
	return page, name, true
}

// isASCIISpaceRune reports an ASCII space, tab or line break.
func isASCIISpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// pageForm is the kind of text pageLine reads.
type pageForm int

const (
	pageLineForm    pageForm = iota // a line of a text issue
	pageHeadingForm                 // a Markdown heading
	pageLabelForm                   // a label marked as one by its source
)

// maxPageLine is the longest, in bytes, that a page line may be: a
// longer line is prose (a label and a heading 第3版 … excepted).
const maxPageLine = 96

// pageLine implements parsePageLine, parsePageHeading and ParsePageLabel.
func pageLine(s string, form pageForm) (page int, name string, ok bool) {
	label := form == pageLabelForm
	s = trimLeftSpace(s)
	// Most lines are not page lines, and say so in their first character
	// (the end of a long line is a cache miss away).
	if !mayStartPage(s, label) {
		return 0, "", false
	}
	s = trimRightSpace(s)
	// A line over maxPageLine bytes is prose, but for a label, and a
	// heading that spells its page out in full before a separator
	// (第3版 …): the writer's form of a page whose name is long (see
	// sectionLabel).
	long := len(s) > maxPageLine
	if s == "" || long && form == pageLineForm {
		return 0, "", false
	}
	rest := s
	hasDi := strings.HasPrefix(rest, "第")
	if long && form == pageHeadingForm && !hasDi {
		return 0, "", false
	}
	if hasDi {
		rest = rest[len("第"):]
		if label {
			rest = trimLeftSpace(rest)
		}
	}
	letter := false
	if rest != "" && (rest[0] >= 'A' && rest[0] <= 'Z' || label && rest[0] >= 'a' && rest[0] <= 'z') {
		letter = true
		rest = rest[1:]
	}
	end := 0
	for end < len(rest) {
		r, n := utf8.DecodeRuneInString(rest[end:])
		if !isPageDigit(r) {
			break
		}
		end += n
	}
	if end == 0 {
		return 0, "", false
	}
	n, isNum := parseNumber(rest[:end])
	if !isNum || n > 999 {
		return 0, "", false
	}
	rest = rest[end:]
	if label {
		rest = trimLeftSpace(rest)
	}
	hasBan := strings.HasPrefix(rest, "版")
	if hasBan {
		rest = rest[len("版"):]
		rest = strings.TrimPrefix(rest, "面")
	} else if !letter || label || long {
		return 0, "", false
	}
	sep := false
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune(" :：·・—-|｜\u3000\u00a0", r) {
			break
		}
		sep = true
		rest = rest[size:]
	}
	name = trimSpace(rest)
	if !hasBan && (name == "" || !sep) || long && !sep {
		return 0, "", false
	}
	switch form {
	case pageHeadingForm:
		if len(name) > 1 && name[0] == '\\' {
			name = name[1:]
		}
		return n, name, true
	case pageLabelForm:
		if name != "" && !sep || runeLen(name) > 40 {
			return 0, "", false
		}
		return n, name, true
	}
	if runeLen(name) > 16 || strings.ContainsAny(name, "，,。；;！？!?“”\"《（(") || isSentenceEnd(lastRune(name)) {
		return 0, "", false
	}
	if name != "" && !isHan(firstRune(name)) {
		return 0, "", false
	}
	return n, name, true
}

// mayStartPage reports whether s starts with a character that may start
// a page line: 第, a capital letter (a small one too in a label) or a page
// digit (see isPageDigit). It runs on every paragraph: every character it
// takes other than ASCII is encoded in three bytes, which it decodes
// itself (utf8.DecodeRuneInString's call for a character that is not
// ASCII was a hot spot of the shelf's indexing); a decoding that the
// UTF-8 rules refuse (an overlong form: below U+0800) starts no page, as
// the U+FFFD that DecodeRuneInString gives for it would not.
func mayStartPage(s string, label bool) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c < utf8.RuneSelf {
		return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || label && c >= 'a' && c <= 'z'
	}
	if c&0xF0 != 0xE0 || len(s) < 3 || s[1]&0xC0 != 0x80 || s[2]&0xC0 != 0x80 {
		return false
	}
	r := rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	return r >= 0x800 && (r == '第' || isPageDigit(r))
}

// isPageDigit reports a character of a page number: an ASCII or
// full-width digit, or a Chinese numeral below 万.
//
// It runs on the first character of every paragraph and heading (see
// mayStartPage), where a switch over the 33 Chinese numerals, a
// search of mispredicted branches over random Han characters, was a hot
// spot: a numeral is found in pageNumerals, by a hash that sends each of
// them to a slot of its own. TestIsPageDigit checks it against
// chineseDigit and chineseUnit for every character, and prints the table
// anew when they change.
func isPageDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	if r >= '０' && r <= '９' {
		return true
	}
	return pageNumerals[pageNumeralSlot(r)] == r
}

// pageNumeralHash is the multiplier of pageNumeralSlot: the first odd
// number from 0x9E3779B1 (2³² over the golden ratio) that gives every
// numeral of pageNumerals a slot of its own.
const pageNumeralHash = 0x9e37b7c7

// pageNumeralSlot is the slot of r in pageNumerals: the top seven bits
// of r times pageNumeralHash (32 bits).
func pageNumeralSlot(r rune) uint32 { return uint32(r) * pageNumeralHash >> 25 }

// pageNumerals holds the Chinese numerals below 万 (chineseDigit and
// chineseUnit), each in its slot (pageNumeralSlot).
var pageNumerals = [128]rune{
	5: '壹', 7: '廿', 8: '四', 26: '柒', 28: '两', 29: '伍', 30: '十', 39: '拾', 44: '叁', 45: '贰', 53: '佰',
	57: '五', 58: '九', 60: '千', 64: '二', 65: '○', 66: '捌', 67: '兩', 68: '三', 70: 'Ｏ', 71: '百', 86: '肆',
	87: '零', 90: '卅', 94: '玖', 97: '八', 98: '〇', 102: '仟', 103: '陸', 106: '七', 116: '陆', 124: '一', 127: '六',
}

// readMasthead recognises the fields of one masthead line and stores them
// in is. It reports whether the line held at least one field.
func (is *Issue) readMasthead(s string) bool {
	s = trimSpace(s)
	if s == "" {
		return false
	}
	found := false
	set := func(dst *string, v string) {
		if v != "" {
			found = true
			if *dst == "" {
				*dst = v
			}
		}
	}
	if date, _, _ := FindDate(s, ChineseDate); date != "" {
		set(&is.Date, date)
		set(&is.Weekday, findWeekday(s))
	}
	if i := strings.Index(s, "农历"); i >= 0 {
		set(&is.Lunar, untilSpace(s[i:]))
	} else if i := strings.Index(s, "農曆"); i >= 0 {
		set(&is.Lunar, untilSpace(s[i:]))
	}
	set(&is.Website, findWebsite(s))
	set(&is.Serial, findSerial(s))
	if n, ok := findCount(s, []string{"今日", "本期", "今天", "共"}, "版"); ok {
		found = true
		if is.Pages == 0 {
			is.Pages = n
		}
	}
	if n, ok := findIssueNumber(s); ok {
		found = true
		if is.Number == 0 {
			is.Number = n
		}
	}
	if v, ok := labelled(s, "主管"); ok {
		set(&is.Supervisor, v)
	}
	if v, ok := labelled(s, "出版"); ok {
		if sp, ok := strings.CutSuffix(strings.TrimRight(v, "、 "), "主办"); ok {
			set(&is.Sponsor, trimSpace(sp))
			v = trimSpace(sp)
		}
		set(&is.Publisher, v)
	} else if v, ok := labelled(s, "主办"); ok {
		set(&is.Sponsor, v)
	}
	if isEnglishName(s) {
		set(&is.PaperEn, s)
	}
	if isPaperName(s) {
		set(&is.Paper, s)
	}
	return found
}

// numberBefore reads a number of at most three characters that s starts
// with and that unit follows.
func numberBefore(s, unit string) (int, string, bool) {
	i := strings.Index(s, unit)
	if i <= 0 || utf8.RuneCountInString(s[:i]) > 3 {
		return 0, s, false
	}
	n, ok := parseNumber(s[:i])
	return n, s[i+len(unit):], ok
}

// findWeekday finds 星期四 or 周四 in s.
func findWeekday(s string) string {
	for _, p := range []string{"星期", "礼拜", "周"} {
		if i := strings.Index(s, p); i >= 0 {
			r := firstRune(s[i+len(p):])
			if strings.ContainsRune("一二三四五六日天", r) {
				return s[i : i+len(p)+utf8.RuneLen(r)]
			}
		}
	}
	return ""
}

// untilSpace returns s up to its first space.
func untilSpace(s string) string {
	for i, r := range s {
		if isSpaceRune(r) {
			return s[:i]
		}
	}
	return s
}

// findWebsite finds a website: 官方网站:衡阳全搜索网, 网址：www.…, or an address.
func findWebsite(s string) string {
	for _, label := range []string{"官方网站", "网站", "网址", "網址", "網站"} {
		if i := strings.Index(s, label); i >= 0 {
			v := trimLeftSpace(s[i+len(label):])
			v = strings.TrimLeft(v, ":：")
			if v = untilSpace(trimLeftSpace(v)); v != "" {
				return v
			}
		}
	}
	for _, tok := range strings.Fields(s) {
		if strings.HasPrefix(tok, "http://") || strings.HasPrefix(tok, "https://") || strings.HasPrefix(tok, "www.") {
			return tok
		}
	}
	return ""
}

// findSerial finds a serial number such as CN 43-0004 or CN43-0004/Z.
func findSerial(s string) string {
	i := strings.Index(s, "CN")
	if i < 0 {
		return ""
	}
	j := i + 2
	for j < len(s) && s[j] == ' ' {
		j++
	}
	k := j
	for k < len(s) && (isASCIIDigit(s[k]) || s[k] == '-' || s[k] == '/' || s[k] >= 'A' && s[k] <= 'Z') {
		k++
	}
	code := s[j:k]
	if len(code) < 4 || !strings.Contains(code, "-") || !isASCIIDigit(code[0]) {
		return ""
	}
	return s[i:k]
}

// findCount finds prefix + number + unit (今日八版) and returns the number.
func findCount(s string, prefixes []string, unit string) (int, bool) {
	for _, p := range prefixes {
		for off := 0; ; {
			i := strings.Index(s[off:], p)
			if i < 0 {
				break
			}
			off += i + len(p)
			if n, _, ok := numberBefore(s[off:], unit); ok && n > 0 {
				return n, true
			}
		}
	}
	return 0, false
}

// findIssueNumber finds the issue number: 第18730号, 第8127期, 总第…期.
func findIssueNumber(s string) (int, bool) {
	best, found := 0, false
	for off := 0; ; {
		i := strings.Index(s[off:], "第")
		if i < 0 {
			return best, found
		}
		off += i + len("第")
		rest := s[off:]
		end := 0
		for end < len(rest) && end < 24 {
			r, n := utf8.DecodeRuneInString(rest[end:])
			if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || chineseDigit(r) >= 0 || chineseUnit(r) > 0) {
				break
			}
			end += n
		}
		if end == 0 {
			continue
		}
		after := rest[end:]
		if !strings.HasPrefix(after, "号") && !strings.HasPrefix(after, "期") && !strings.HasPrefix(after, "號") {
			continue
		}
		if n, ok := parseNumber(rest[:end]); ok {
			// Prefer 总第…期 (the running number) when both are printed.
			if !found || strings.HasSuffix(s[:off-len("第")], "总") {
				best, found = n, true
			}
		}
	}
}

// labelled reads "X主管" or "主管单位：X" (label = 主管) and returns X.
func labelled(s, label string) (string, bool) {
	if runeLen(s) > 48 {
		return "", false
	}
	if v, ok := strings.CutSuffix(s, label); ok {
		v = trimSpace(v)
		return v, v != ""
	}
	if _, v, ok := strings.Cut(s, label+"单位"); ok {
		v = trimSpace(strings.TrimLeft(trimSpace(v), ":："))
		return v, v != ""
	}
	return "", false
}

// isEnglishName reports a line such as HENGYANG DAILY.
func isEnglishName(s string) bool {
	if len(s) < 5 || len(s) > 48 {
		return false
	}
	upper, lower := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		case c == ' ' || c == '&' || c == '-' || c == '.' || c == '\'':
		default:
			return false
		}
	}
	return upper >= 4 && upper >= 4*lower && strings.Contains(s, " ")
}

// maxPaperName is the most characters a paper's name has (isPaperName).
const maxPaperName = 12

// isPaperName reports a line that names a paper: 衡阳日报, 南屏晚报, 澄江時報.
func isPaperName(s string) bool {
	n := runeLen(s)
	if n < 3 || n > maxPaperName {
		return false
	}
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	r := lastRune(s)
	return r == '报' || r == '報' || r == '刊'
}

// paperFromByline derives a paper's name from a byline such as 衡阳日报讯
// (全媒体记者 陈润).
func paperFromByline(b string) string {
	i := strings.Index(b, "讯")
	if i < 0 {
		return ""
	}
	p := b[:i]
	if p == "本报" || p == "晚报" || !isPaperName(p) {
		return ""
	}
	return p
}
