package reader

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"dubao/issue"
	"dubao/issue/textsafe"
	"dubao/ui/tui/common"
)

// View draws the reader: masthead, panes (or an overlay), status line.
func (r *Page) View() string {
	g := r.g
	if r.width <= 0 || r.height <= 0 {
		return ""
	}
	lines := make([]string, 0, r.height)
	if g.MastH > 0 {
		lines = append(lines, r.mastheadView())
	}
	lines = append(lines, r.bodyView()...)
	if g.StatusH > 0 {
		lines = append(lines, r.statusView())
	}
	return strings.Join(lines, "\n")
}

// bodyView draws the panes or the overlay covering them: bodyH lines.
func (r *Page) bodyView() []string {
	g := r.g
	switch r.overlay {
	case overlayHelp:
		return r.helpView(r.width, g.BodyH)
	case overlayOutput:
		return r.outputView(r.width, g.BodyH)
	}
	if !g.Wide {
		if r.focus == focusList {
			return r.leftView(r.width, g.BodyH)
		}
		return r.articleView()
	}
	left := r.leftView(g.ListW, g.BodyH)
	right := r.articleView()
	rule := r.env.St.Separator.Render("│")
	out := make([]string, g.BodyH)
	for i := range out {
		out[i] = common.Pad(left[i], g.ListW, r.env.AmbWide) + rule + right[i]
	}
	return out
}

// leftView draws the headline list, or the search results when a search
// is active.
func (r *Page) leftView(w, h int) []string {
	if r.search.active() {
		return r.resultsView(w, h)
	}
	return r.listView(w, h)
}

// articleView draws the article pane: bodyH lines, each starting at the
// pane's left edge (the text column's margin as spaces).
func (r *Page) articleView() []string {
	g := r.g
	out := make([]string, 0, g.BodyH)
	margin := strings.Repeat(" ", g.TextX-g.ArtX)
	if r.lay != nil {
		marks := r.lay.Marks(r.search.marks(r.Article()))
		for _, ln := range r.lay.Lines(r.top, g.BodyH) {
			if ln.Text == "" {
				out = append(out, "")
				continue
			}
			out = append(out, margin+r.env.Rnd.Line(ln, marks))
		}
	} else if g.BodyH > 0 {
		out = append(out, margin+r.env.St.Kicker.Render("本期没有文章"))
	}
	for len(out) < g.BodyH {
		out = append(out, "")
	}
	return out
}

// mastheadView draws the masthead bar: 衡阳日报 · 2023年12月21日 星期四 ·
// 第18730号 · 8版. The paper (or, without one, the base name of the
// issue's file) and the date are kept longest: when the bar is too narrow
// the issue number goes first, then the page count.
func (r *Page) mastheadView() string {
	is := r.is
	var parts []part
	if paper := common.IssueLabel(is, r.name, r.path); paper != "" {
		parts = append(parts, part{r.convert(paper), 0})
	}
	date, weekday := is.Date, is.Weekday
	if date == "" && r.entry != nil { // the shelf's date, from the file's name
		date, weekday = r.entry.Date, r.entry.Weekday
	}
	if d := common.DateText(date, weekday); d != "" {
		parts = append(parts, part{textsafe.Line(d), 0})
	}
	if is.Number > 0 {
		parts = append(parts, part{fmt.Sprintf("第%d号", is.Number), 2})
	}
	if p := pagesText(is); p != "" {
		parts = append(parts, part{p, 1})
	}
	text := common.Truncate(" "+fitParts(parts, 2, r.width-1, r.env.AmbWide), r.width, r.env.AmbWide)
	return r.env.St.Masthead.Render(common.Pad(text, r.width, r.env.AmbWide))
}

// part is a part of the masthead or the status line.
type part struct {
	text string
	need int // lower is kept longer
}

// fitParts joins parts with " · ", leaving out those that are needed
// least (highest need, from maxNeed down) until the line fits in room
// columns; the parts of need 0 are always kept.
func fitParts(parts []part, maxNeed, room int, ambWide bool) string {
	join := func(need int) string {
		var keep []string
		for _, p := range parts {
			if p.need <= need {
				keep = append(keep, p.text)
			}
		}
		return strings.Join(keep, " · ")
	}
	for need := maxNeed; need > 0; need-- {
		if t := join(need); common.StringWidth(t, ambWide) <= room {
			return t
		}
	}
	return join(0)
}

// pagesText is the masthead's page count: the pages the issue has (8版),
// and, when the masthead counts more pages than the file holds, both:
// 本期8版(此处1版). An issue of one page whose count is not known names
// that page (第18版), or says 版次不详 when the page is not known either.
func pagesText(is *issue.Issue) string {
	have := len(is.Sections)
	switch {
	case is.Pages > have && have > 0:
		return fmt.Sprintf("本期%d版(此处%d版)", is.Pages, have)
	case is.Pages > 0:
		return fmt.Sprintf("%d版", is.Pages)
	case have == 1:
		return common.PageNumber(is.Sections[0].Page)
	case have > 0:
		return fmt.Sprintf("%d版", have)
	}
	return ""
}

// statusView draws the status line, or the prompt when one is open.
func (r *Page) statusView() string {
	if r.prompt != promptNone {
		// the / prompt says what the query typed so far finds
		note := ""
		if r.prompt == promptSearch && r.search.typed {
			note = r.search.note
		}
		nw := common.StringWidth(note, r.env.AmbWide)
		if note == "" || r.width < nw+12 {
			return r.input.View(r.width)
		}
		left := common.Pad(r.input.View(r.width-nw-1), r.width-nw, r.env.AmbWide)
		st := r.env.St.Status
		if note == "没有找到" {
			st = r.env.St.StatusError
		}
		return left + st.Render(note)
	}
	return common.StatusLine(r.env.St, r.env.AmbWide, r.width, r.note, common.Hint("帮助", r.keys.Help),
		func(room int) (string, lipgloss.Style) {
			if r.digits != "" {
				return "跳到第" + r.digits + "篇(" + common.Hint("确定", r.keys.Confirm) + ")", r.env.St.StatusKey
			}
			return r.statusText(room), r.env.St.Status
		})
}

// statusText is the reading status, as much of it as fits in room
// columns: 版 3/8 · 篇 2/7 · 42% · /搜索 3/17 · 1234字 约3分钟 · GB18030.
// The least needed parts are left out first.
func (r *Page) statusText(room int) string {
	a := r.Article()
	if a == nil && r.arriving != "" {
		return r.arriving
	}
	if a == nil {
		return "本期没有文章"
	}
	var parts []part
	if r.arriving != "" {
		parts = append(parts, part{r.arriving, 0})
	}
	s := r.sec[r.cur]
	parts = append(parts, part{pageStatus(r.is, s), 0})
	parts = append(parts, part{fmt.Sprintf("篇 %d/%d", r.cur-r.firstOfSection(s)+1, r.secLen[s]), 1})
	pct := 100
	if !r.atEnd() {
		pct = int(r.lay.Fraction(r.top) * 100)
	}
	parts = append(parts, part{fmt.Sprintf("%d%%", pct), 0})
	if r.search.active() {
		parts = append(parts, part{r.search.status(), 0})
	}
	if mark := r.scriptStatus(); mark != "" {
		parts = append(parts, part{mark, 1})
	}
	if r.state != nil {
		if n := r.unreadCount(); n > 0 {
			parts = append(parts, part{fmt.Sprintf("未读%d篇", n), 3})
		}
	}
	if n := r.chars(r.cur); n >= 0 && hasBody(r.arts[r.cur]) {
		parts = append(parts, part{fmt.Sprintf("%d字 约%d分钟", n, max((n+readingSpeed/2)/readingSpeed, 1)), 3})
	}
	if enc := r.is.Encoding; enc != "" && !strings.EqualFold(enc, "UTF-8") {
		parts = append(parts, part{textsafe.Line(enc), 2})
	}
	if r.is.Invalid > 0 {
		parts = append(parts, part{fmt.Sprintf("%d处乱码", r.is.Invalid), 2})
	}
	return fitParts(parts, 3, room, r.env.AmbWide)
}

// pageStatus is the page part of the status line for section s: its
// place among the pages the issue holds (版 2/3), which never contradicts
// [ and ]; with the printed page number when that differs (第5版 2/3).
func pageStatus(is *issue.Issue, s int) string {
	n := len(is.Sections)
	if pg := is.Sections[s].Page; pg > 0 && pg != s+1 {
		return fmt.Sprintf("第%d版 %d/%d", pg, s+1, n)
	}
	return fmt.Sprintf("版 %d/%d", s+1, n)
}

// readingSpeed is the reading speed of Chinese text, in characters per
// minute, for the estimated reading time.
const readingSpeed = 400

// chars returns the number of characters (not spaces) of article i, or
// −1 while a long article is still being counted in the background
// (Init).
func (r *Page) chars(i int) int {
	if r.charCount == nil {
		r.charCount = make([]int, len(r.arts))
		for j := range r.charCount {
			r.charCount[j] = -1
		}
	}
	if r.charCount[i] < 0 && (r.counted || articleBytes(r.arts[i]) < syncCountLimit) {
		r.charCount[i] = charCount(r.arts[i])
	}
	return r.charCount[i]
}

// hasBody reports whether a has text beyond its headline: an article
// known by its title alone (a layout page read without its article pages)
// has nothing to read, so no reading time.
func hasBody(a *issue.Article) bool { return len(a.Paragraphs) > 0 || len(a.Blocks) > 0 }

// syncCountLimit is the size of article text counted when it is shown;
// longer ones are counted in the background.
const syncCountLimit = 32 << 10

// countsMsg carries the character counts of an issue's articles.
type countsMsg struct {
	is     *issue.Issue
	counts []int
}

// Init counts the characters of every article in the background.
func (r *Page) Init() tea.Cmd {
	return tea.Batch(r.countChars(), r.detectScript())
}

// countChars counts the characters of every article in the background.
func (r *Page) countChars() tea.Cmd {
	is, arts := r.is, r.arts
	return func() tea.Msg {
		counts := make([]int, len(arts))
		for i, a := range arts {
			counts[i] = charCount(a)
		}
		return countsMsg{is: is, counts: counts}
	}
}

// articleBytes is the size of an article's text.
func articleBytes(a *issue.Article) int {
	n := len(a.Kicker) + len(a.Title) + len(a.Subtitle) + len(a.Byline)
	for _, p := range a.Paragraphs {
		n += len(p)
	}
	return n
}

// charCount is an article's 字数 as Chinese word processors count it:
// each Chinese character or punctuation mark is one, each run of Latin
// letters or digits (a word or a number such as 2,861.3) is one, and
// spaces and combining marks count nothing.
func charCount(a *issue.Article) int {
	n := 0
	for _, p := range a.Pieces() {
		n += countText(p.Text)
	}
	return n
}

// countText is charCount for one piece of text.
func countText(s string) int {
	n := 0
	inWord := false
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf && (r >= '0' && r <= '9' || r|0x20 >= 'a' && r|0x20 <= 'z'),
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r):
			if !inWord {
				n++
			}
			inWord = true
		case inWord && (r == '.' || r == ',' || r == '\'' || r == '-') && i+1 < len(s) && isWordByte(s[i+1]):
			// inside a number or word: 2,861.3, don't, e-mail
		case unicode.IsSpace(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
			inWord = inWord && unicode.Is(unicode.Mn, r)
		default:
			n++
			inWord = false
		}
	}
	return n
}

// isCJK reports a Han, kana or Hangul character (each one 字).
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isWordByte reports an ASCII letter or digit.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}
