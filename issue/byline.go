package issue

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// splitLeadByline splits a byline or dateline off the start of a first
// paragraph:
//
//   - 本报讯(记者 …), 衡阳日报讯(全媒体记者 陈润), 晚报讯（记者 郑一帆）: a
//     name ending in 报/社/台/网 followed by 讯 and an optional bracketed
//     list of reporters;
//   - 新华社北京12月20日电, 本报北京10月1日电\u00a0\u00a0(记者…), 据新华社电:
//     an agency or paper, place and date, then 电, with the same optional
//     brackets; 新华社电 and 本报电 without place and date;
//   - either in black lenticular brackets: 【新华社延安十二日电】.
//
// The text after it, spaces trimmed, is returned as rest. ok is false when
// p does not start with a byline.
func splitLeadByline(p string) (byline, rest string, ok bool) {
	if inner, found := strings.CutPrefix(p, "【"); found {
		// 【新华社延安十二日电】: the dateline in black lenticular brackets.
		end := leadBylineEnd(inner)
		if end <= 0 || !strings.HasPrefix(inner[end:], "】") {
			return "", p, false
		}
		end += len("【") + len("】")
		return p[:end], trimLeftSpace(p[end:]), true
	}
	end := leadBylineEnd(p)
	if end <= 0 {
		return "", p, false
	}
	// An optional bracketed group of reporters right after, possibly after
	// spaces: 新华社北京9月30日电  (记者 …).
	after := trimLeftSpace(p[end:])
	if g := bracketGroup(after); g > 0 && !strings.Contains(after[:g], "。") && runeLen(after[:g]) <= 80 {
		end = len(p) - len(after) + g
	}
	// A colon after 本报讯 belongs to it.
	if r := firstRune(p[end:]); r == '：' || r == ':' {
		end += utf8.RuneLen(r)
	}
	return trimRightSpace(p[:end]), trimLeftSpace(p[end:]), true
}

// leadBylineEnd returns the end of the 讯/电 word of a leading byline, or 0.
func leadBylineEnd(p string) int {
	// 讯 within the first 16 characters, after a paper's or agency's name.
	window := p
	if len(window) > 16*3 {
		window = window[:16*3]
	}
	i := strings.Index(window, "讯")
	if i < 0 {
		i = strings.Index(window, "訊")
	}
	if i > 0 {
		name := strings.TrimPrefix(p[:i], "据")
		if n := runeLen(name); n >= 2 && n <= 14 && allHan(name) {
			switch lastRune(name) {
			case '报', '報', '社', '台', '网', '網', '刊':
				return i + len("讯")
			}
		}
	}
	return leadDatelineEnd(p)
}

// leadDatelineEnd returns the end of the 电 of a leading dateline, or 0.
func leadDatelineEnd(p string) int {
	// 电 within the first 32 characters, after a date or an agency.
	window := p
	if len(window) > 32*3 {
		window = window[:32*3]
	}
	i := strings.Index(window, "电")
	if i < 0 {
		i = strings.Index(window, "電")
	}
	if i <= 0 {
		return 0
	}
	head := p[:i]
	if strings.ContainsAny(head, "，,。、；;：: \u00a0\u3000（(") {
		return 0
	}
	agency := false
	for _, a := range []string{"社", "报", "報", "网", "網", "台"} {
		if j := strings.Index(head, a); j >= 0 && runeLen(head[:j]) <= 8 {
			agency = true
			break
		}
	}
	if !agency {
		return 0
	}
	switch last := lastRune(head); {
	case last == '日' || last == '专':
		// 新华社北京12月20日电, 新华社专电
	case strings.HasPrefix(head, "据") && runeLen(head) <= 8:
		// 据新华社电
	case agencyOnly(head) && spaceOrBracketAfter(p[i+len("电"):]):
		// 新华社电  （记者赵洪南）…, 本报电  …: no place, no date; a
		// space or a bracket after 电 tells it from 本报电视台.
	default:
		return 0
	}
	return i + len("电") // 电 and 電 have the same length in UTF-8
}

// agencyOnly reports the name of an agency or a paper and nothing else:
// 新华社, 本报, 中新社.
func agencyOnly(s string) bool {
	n := runeLen(s)
	if n < 2 || n > 8 || !allHan(s) {
		return false
	}
	switch lastRune(s) {
	case '社', '报', '報', '台', '网', '網':
		return true
	}
	return false
}

// spaceOrBracketAfter reports text that starts with a space or an opening
// bracket.
func spaceOrBracketAfter(s string) bool {
	r := firstRune(s)
	return isSpaceRune(r) || r == '（' || r == '('
}

// allHan reports whether s is only Chinese characters.
func allHan(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return s != ""
}

// bracketGroup returns the length of the bracketed group s starts with
// ((…) or （…）), or 0.
func bracketGroup(s string) int {
	var closer string
	switch {
	case strings.HasPrefix(s, "("):
		closer = ")"
	case strings.HasPrefix(s, "（"):
		closer = "）"
	default:
		return 0
	}
	i := strings.Index(s, closer)
	if i < 0 {
		// Mixed brackets: (… ）
		alt := "）"
		if closer == "）" {
			alt = ")"
		}
		i = strings.Index(s, alt)
		if i < 0 {
			return 0
		}
		closer = alt
	}
	return i + len(closer)
}

// bylineMarks open a standalone byline in supplements: □ 李晓梅.
const bylineMarks = "□■◇◆○●☆★"

// bylineWords open a standalone byline line: 本报记者 夏语冰, 文/图 …
var bylineWords = [...]string{
	"本報記者", "記者", "通訊員", "本报记者", "晚报记者", "新华社记者", "特约记者", "见习记者", "实习记者", "全媒体记者",
	"融媒体记者", "首席记者", "本报特约撰稿人", "本报通讯员", "记者", "通讯员", "撰文", "撰稿",
	"文/图", "文／图", "图/文", "图／文", "文|", "文｜", "文 |", "文：", "文:", "作者：", "作者:",
}

// isStandaloneByline reports a paragraph that is only a byline: □ 苏晚晴,
// 本报记者 夏语冰, 晚报记者 吴嘉禾, 文/图 本报记者 …. Photo credits (…摄) are
// not bylines.
func isStandaloneByline(p string) bool {
	if !atMost(p, 40) || atMost(p, 1) || strings.ContainsAny(p, "。！？!?，,；;") {
		return false
	}
	if r := lastRune(p); r == '摄' {
		return false
	}
	if r := firstRune(p); strings.ContainsRune(bylineMarks, r) {
		rest := trimLeftSpace(p[utf8.RuneLen(r):])
		m := runeLen(rest)
		return m >= 2 && m <= 24 && !strings.ContainsAny(rest, "：:“”\"《》")
	}
	for _, w := range bylineWords {
		if rest, ok := strings.CutPrefix(p, w); ok {
			if rest == "" {
				return false
			}
			r := firstRune(rest)
			return isSpaceRune(r) || isHan(r) || strings.ContainsRune("/／|｜:：", r) ||
				strings.HasSuffix(w, "|") || strings.HasSuffix(w, "｜") || strings.HasSuffix(w, "：") || strings.HasSuffix(w, ":")
		}
	}
	return false
}

// isClosingByline reports a last paragraph that is a byline in brackets:
// (新华社北京10月1日电 记者…), （本报记者  游  仪）, （倪光辉）, （倪光辉、刘侃）.
func isClosingByline(p string) bool {
	if !atMost(p, 300) {
		return false
	}
	g := bracketGroup(p)
	if g == 0 || g != len(p) {
		return false
	}
	open := utf8.RuneLen(firstRune(p))
	inner := trimSpace(p[open : len(p)-utf8.RuneLen(lastRune(p))])
	if inner == "" || strings.Contains(inner, "。") || strings.HasSuffix(inner, "版") {
		return false
	}
	for _, w := range [...]string{"日电", "专电", "记者", "通讯员", "综合", "整理", "撰稿", "供稿", "特约", "新华社电", "日電", "記者", "通訊員"} {
		if strings.Contains(inner, w) {
			return true
		}
	}
	// A bare name of two to four characters, with the spacing of print.
	name := strings.Map(func(r rune) rune {
		if isSpaceRune(r) {
			return -1
		}
		return r
	}, inner)
	switch name {
	case "完", "续", "待续", "未完待续", "上", "中", "下", "全文完", "节选", "摘编", "摘录", "有删节", "略", "资料图", "资料图片",
		"新华社发", "供图", "图片", "本报", "连载", "原载":
		return false
	}
	// Several names: （倪光辉、刘侃）, （李龙伊、蒋龙、赵英强）.
	for _, part := range strings.Split(name, "、") {
		if n := runeLen(part); n < 2 || n > 4 || !allHan(part) {
			return false
		}
	}
	return true
}

// isQuoteByline reports the text of a block quote right under a title that
// is a byline (Markdown exports write the byline as "> 本报记者 …"): short,
// without the end of a sentence.
func isQuoteByline(q string) bool {
	n := runeLen(q)
	return n >= 1 && n <= 120 && !strings.ContainsAny(q, "。！？!?\n")
}

// citation is where a note tool says an article was printed.
type citation struct {
	paper string // 人民日报
	date  string // YYYY-MM-DD
	page  int
}

// citationRE matches a note tool's source citation at the end of its "> "
// line: 《人民日报》（2025年01月02日第 01 版）, the byline before it.
var citationRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(.*?)[ \x{3000}\x{a0}]*《([^《》]{1,30})》[ \x{3000}\x{a0}]*[（(][ \x{3000}\x{a0}]*([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日[ \x{3000}\x{a0}]*第[ \x{3000}\x{a0}]*([0-9]{1,3})[ \x{3000}\x{a0}]*版[ \x{3000}\x{a0}]*[）)]$`)
})

// splitCitation splits a byline line that ends with a citation:
// 本报记者  张  洋《人民日报》（2025年01月02日第 01 版） is the byline
// 本报记者  张  洋 and the citation; 《人民日报》（2025年01月02日第 18 版)
// alone has no byline. The paper's name is trimmed of spaces, as the
// masthead's and the front matter's are: 《人民日报  》 names 人民日报.
func splitCitation(s string) (byline string, c citation, ok bool) {
	if !strings.Contains(s, "《") {
		return "", c, false
	}
	m := citationRE().FindStringSubmatch(s)
	if m == nil {
		return "", c, false
	}
	y, _ := strconv.Atoi(m[3])
	mo, _ := strconv.Atoi(m[4])
	d, _ := strconv.Atoi(m[5])
	page, _ := strconv.Atoi(m[6])
	date := CalendarDate(y, mo, d)
	if date == "" || page <= 0 {
		return "", c, false
	}
	return trimSpace(m[1]), citation{paper: trimSpace(m[2]), date: date, page: page}, true
}
