package issue

import (
	"strings"
)

// The 1946–2003 archive of a national daily in Markdown: one file per
// article,
//
//	### 引题  主题  副题
//
//	1946-05-15
//
//	第1版(要闻)
//
//	专栏：
//
//	    引题
//	    主题
//	    副题
//	    本报记者  某某
//
//	    【新华社延安十二日电】正文…
//
// the decks joined by two spaces after ###, the date, the page and its
// name, the column (专栏, often empty), then the decks again one per line,
// the author line and the paragraphs, indented by four spaces.

// oldArchiveHead reads the head of such a file: the ### line, the date,
// the page line and the column line, and returns them with the index of
// the first line after the head; ok is false for any other text.
func oldArchiveHead(lines []lineInfo) (h oldHead, next int, ok bool) {
	k := 0
	nextLine := func() (lineInfo, bool) {
		for k < len(lines) && lines[k].text() == "" {
			k++
		}
		if k == len(lines) {
			return lineInfo{}, false
		}
		k++
		return lines[k-1], true
	}
	l, ok := nextLine()
	if !ok || !strings.HasPrefix(l.raw, "### ") {
		return h, 0, false
	}
	h.decks = trimSpace(l.raw[4:])
	if l, ok = nextLine(); !ok || len(l.text()) != 10 {
		return h, 0, false
	}
	if date, _, _ := FindDate(l.text(), SeparatedDate); date != l.text() {
		return h, 0, false
	}
	h.date = l.text()
	if l, ok = nextLine(); !ok {
		return h, 0, false
	}
	rest, found := strings.CutPrefix(l.text(), "第")
	if !found {
		return h, 0, false
	}
	num, name, found := strings.Cut(rest, "版")
	page, isNum := parseNumber(num)
	if !found || !isNum || !(strings.HasPrefix(name, "(") || strings.HasPrefix(name, "（")) {
		return h, 0, false
	}
	name = strings.TrimPrefix(strings.TrimPrefix(name, "("), "（")
	name, found = strings.CutSuffix(name, ")")
	if !found {
		if name, found = strings.CutSuffix(name, "）"); !found {
			return h, 0, false
		}
	}
	h.page, h.name = page, trimSpace(name)
	save := k
	if l, ok = nextLine(); ok {
		if col, found := cutLabel(l.text(), "专栏"); found {
			h.column = col
			save = k
		}
	}
	return h, save, h.decks != ""
}

// oldHead is the head of a file of the 1946–2003 archive.
type oldHead struct {
	decks  string // the ### line: the decks joined by two spaces
	date   string
	page   int
	name   string // the page's name: 要闻
	column string // 专栏：…
}

// cutLabel reads "label：value" (or label:value) and returns the value.
func cutLabel(s, label string) (string, bool) {
	rest, ok := strings.CutPrefix(s, label)
	if !ok {
		return "", false
	}
	for _, colon := range []string{"：", ":"} {
		if v, ok := strings.CutPrefix(rest, colon); ok {
			return trimSpace(v), true
		}
	}
	return "", false
}

// parseOldArchive reads a file of the 1946–2003 archive (see
// oldArchiveHead) as an issue of one article, or returns nil for any
// other text.
func parseOldArchive(lines []lineInfo) *Issue {
	h, next, ok := oldArchiveHead(lines)
	if !ok {
		return nil
	}
	var body []string
	for _, l := range lines[next:] {
		if l.text() != "" {
			body = append(body, l.text())
		}
	}
	// The decks again, one per line, when they join to the ### line.
	var decks []string
	joined := ""
	for k, l := range body {
		if k > 0 {
			joined += "  "
		}
		joined += l
		if joined == h.decks {
			decks, body = body[:k+1], body[k+1:]
			break
		}
		if !strings.HasPrefix(h.decks, joined+"  ") {
			break
		}
	}
	if decks == nil {
		for _, d := range strings.Split(h.decks, "  ") {
			if d = trimSpace(d); d != "" {
				decks = append(decks, d)
			}
		}
	}
	var a Article
	switch n := len(decks); {
	case n == 1:
		a.Title = decks[0]
	case n == 2 && isSubtitleText(decks[1]):
		a.Title, a.Subtitle = decks[0], decks[1]
	case n == 2:
		a.Kicker, a.Title = decks[0], decks[1]
	default:
		a.Kicker, a.Title, a.Subtitle = decks[0], decks[1], strings.Join(decks[2:], "  ")
	}
	d := &draft{a: a, byHeader: true}
	if len(body) > 1 && isAuthorLine(body[0]) {
		// The author line is the byline; a dateline then stays in the
		// text (an article has one byline).
		d.a.Byline, body = body[0], body[1:]
	}
	for _, p := range body {
		d.addPara(p, nil, true)
	}
	finishArticle(d, true, true)
	sec := Section{Page: h.page, Name: h.name}
	is := &Issue{Date: h.date}
	// The column names the page when the page has no name (and a page
	// line can hold it), else stands above the title, else is kept with
	// the masthead.
	switch {
	case h.column == "":
	case sec.Name == "" && namesPageBack(sec.Page, h.column):
		sec.Name = h.column
	case d.a.Kicker == "":
		d.a.Kicker = h.column
	default:
		is.Masthead = []string{"专栏：" + h.column}
	}
	sec.Articles = []Article{d.a}
	is.Sections = []Section{sec}
	return is
}

// namesPageBack reports a name that the page line the Markdown writer
// makes of it (see sectionLabel) reads back with: not one too long for a
// page line (maxPageLine bytes, though a heading 第3版 … reads back
// with a longer name: a long column stays above the title, as before).
func namesPageBack(page int, name string) bool {
	label := sectionLabel(page, name)
	p, n, ok := parsePageHeading(label)
	return ok && p == max(page, 0) && n == name && len(label) <= maxPageLine
}

// isAuthorLine reports the line of an article's authors under its decks:
// short, no sentence punctuation, no dateline in brackets.
func isAuthorLine(s string) bool {
	return atMost(s, 40) && !strings.ContainsAny(s, "。！？!?；;，,：:") && !strings.HasPrefix(s, "【") &&
		!strings.HasPrefix(s, "（") && !strings.HasPrefix(s, "(")
}
