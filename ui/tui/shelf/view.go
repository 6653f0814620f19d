package shelf

import (
	"fmt"
	"path"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"dubao/issue/shelf"
	"dubao/issue/textsafe"
	"dubao/ui/tui/common"
)

// View draws the shelf: its header, the list of issues (or the search
// results, the panel of skipped files, the help) and the status line.
func (p *Page) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	lines := make([]string, 0, p.height)
	if p.g.MastH > 0 {
		lines = append(lines, p.headerView())
	}
	var body []string
	switch {
	case p.help:
		body = common.HelpOverlay(p.helpLines(), p.helpRows.Top, p.width, p.g.BodyH, &p.keys, p.env.St, p.env.AmbWide)
	case p.panel:
		body = p.panelView()
	case p.find.query != "":
		body = p.resultsView()
	default:
		body = p.listView()
		if p.listWidth() < p.width {
			body = p.besideList(body)
		}
	}
	lines = append(lines, body...)
	if p.g.StatusH > 0 {
		lines = append(lines, p.statusView())
	}
	return strings.Join(lines, "\n")
}

// headerView draws the header bar: 书架 · papers · 3650期 · 2014年1月—2023年12月.
func (p *Page) headerView() string {
	parts := []string{"书架", textsafe.Line(p.shelfName())}
	n := len(p.s.Issues)
	parts = append(parts, fmt.Sprintf("%d期", n))
	if n > 0 {
		first, last := p.s.Issues[n-1].Date, p.s.Issues[0].Date
		if span := monthSpan(first, last); span != "" {
			parts = append(parts, span)
		}
	}
	text := common.Truncate(" "+strings.Join(parts, " · "), p.width, p.env.AmbWide)
	return p.env.St.Masthead.Render(common.Pad(text, p.width, p.env.AmbWide))
}

// shelfName is the base name of the shelf's folder.
func (p *Page) shelfName() string {
	return path.Base(strings.ReplaceAll(strings.TrimRight(p.s.Dir, `/\`), `\`, "/"))
}

// monthSpan writes the months from date a to date b: 2014年1月—2023年12月.
func monthSpan(a, b string) string {
	ta, errA := time.Parse(time.DateOnly, a)
	tb, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return ""
	}
	if ta.Year() == tb.Year() && ta.Month() == tb.Month() {
		return fmt.Sprintf("%d年%d月", ta.Year(), int(ta.Month()))
	}
	return fmt.Sprintf("%d年%d月—%d年%d月", ta.Year(), int(ta.Month()), tb.Year(), int(tb.Month()))
}

// listView draws the list of issues: bodyH lines.
func (p *Page) listView() []string {
	h, w := p.g.BodyH, p.listWidth()
	out := make([]string, 0, h)
	if len(p.rows) == 0 && h > 0 {
		text := "书架上还没有报纸"
		switch {
		case p.index.running:
			text = "正在索引…"
		case len(p.s.Skipped) > 0:
			text = fmt.Sprintf("没有找到报纸：%d个文件不是报纸(%s)", len(p.s.Skipped), common.Hint("查看", p.keys.Skipped))
		}
		out = append(out, " "+p.env.St.Kicker.Render(common.Truncate(text, w-1, p.env.AmbWide)))
	}
	sel := -1
	if p.sel >= 0 && p.sel < len(p.entries) {
		sel = p.entries[p.sel]
	}
	for r := p.list.Top; r < len(p.rows) && len(out) < h; r++ {
		row := p.rows[r]
		if row.e == nil {
			head := fmt.Sprintf("%d年%d月", row.year, int(row.month))
			count := fmt.Sprintf(" · %d期", row.count)
			line := p.env.St.PageHeader.Render(common.Truncate(head, w, p.env.AmbWide))
			if common.StringWidth(head+count, p.env.AmbWide) <= w {
				line += p.env.St.Kicker.Render(count)
			}
			out = append(out, line)
			continue
		}
		out = append(out, p.entryLine(row.e, w, r == sel))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// entryLine draws one issue of the list in w columns:
//
//	▌ 08日 周五  星河日报   8版  64篇 未读12
//	  07日 周四  星河日报   8版  60篇 ✓
//
// An issue not indexed yet shows its file instead of its paper. An issue
// opened before shows how many of its articles are unread, ✓ when none.
func (p *Page) entryLine(e *shelf.Entry, w int, sel bool) string {
	st := p.env.St
	day, weekday := "", ""
	if t, err := time.Parse(time.DateOnly, e.Date); err == nil {
		day = fmt.Sprintf("%02d日", t.Day())
		weekday = "周" + string([]rune("日一二三四五六")[t.Weekday()])
	}
	mark := " "
	if sel {
		mark = "▌"
	}
	lead := mark + " " + day + " " + weekday + "  "
	pages, arts := "…", ""
	if !e.Pending {
		pages = pagesLabel(e)
		arts = fmt.Sprintf("%d篇", e.Articles)
	}
	seen := p.unreadMark(e)
	tail := fmt.Sprintf("  %4s %5s %s", pages, arts, seen)
	paperW := max(min(p.paperW, 20), 8)
	room := w - common.StringWidth(lead, p.env.AmbWide) - common.StringWidth(tail, p.env.AmbWide)
	if room < 4 { // narrow: drop the counts
		tail = " " + seen
		room = w - common.StringWidth(lead, p.env.AmbWide) - 2
	}
	paperW = max(min(paperW, room), 0)
	paper, dim := common.EntryLabel(e), e.Paper == ""
	paper = common.Pad(common.Truncate(paper, paperW, p.env.AmbWide), paperW, p.env.AmbWide)
	if sel {
		return st.Selected.Render(common.Pad(common.Truncate(lead+paper+tail, w, p.env.AmbWide), w, p.env.AmbWide))
	}
	lead = common.Truncate(lead, w, p.env.AmbWide)
	rest := common.Truncate(paper+tail, w-common.StringWidth(lead, p.env.AmbWide), p.env.AmbWide)
	if dim {
		return st.Kicker.Render(lead + rest)
	}
	return st.Number.Render(lead) + st.Headline.Render(rest)
}

// unreadMark is what the list shows of an issue's reading: nothing for an
// issue never opened (or while its count is being read), 未读N for one
// partly read, ✓ for one read through; as wide as the widest of the
// column.
func (p *Page) unreadMark(e *shelf.Entry) string {
	const w = 7 // 未读999
	mark := ""
	if e.Key != "" && p.seen[e.Key] {
		n, ok := p.readN[e.Key]
		switch {
		case !ok && p.counting:
		case ok && !e.Pending && e.Articles > n:
			mark = fmt.Sprintf("未读%d", e.Articles-n)
		default:
			mark = "✓"
		}
	}
	return common.Pad(mark, w, p.env.AmbWide)
}

// panelView draws the panel of skipped files: a heading, then one line a
// file with the reason.
func (p *Page) panelView() []string {
	h, w := p.g.BodyH, p.width
	out := make([]string, 0, h)
	sk := p.s.Skipped
	if h > 0 {
		head := fmt.Sprintf("跳过的文件 %d个(不是报纸)· %s", len(sk), common.Hint("关闭", p.keys.Skipped, p.keys.Back))
		out = append(out, p.env.St.HelpTitle.Render(common.Truncate(head, w, p.env.AmbWide)))
	}
	pathW := 0
	for _, s := range sk {
		pathW = max(pathW, common.StringWidth(textsafe.Line(s.Path), p.env.AmbWide))
	}
	pathW = min(pathW, max(w/2, 8))
	for i := p.panelRows.Top; i < len(sk) && len(out) < h; i++ {
		name := common.Pad(common.Truncate(textsafe.Line(sk[i].Path), pathW, p.env.AmbWide), pathW, p.env.AmbWide)
		line := " " + name + "  " + textsafe.Line(sk[i].Reason.Chinese())
		out = append(out, common.Truncate(line, w, p.env.AmbWide))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// resultsView draws the search results: a heading, then each article with
// hits once — date · page · title — and under it a row for each hit, the
// line around the match.
func (p *Page) resultsView() []string {
	h, w := p.g.BodyH, p.width
	f := &p.find
	st := p.env.St
	out := make([]string, 0, h)
	if h > 0 {
		out = append(out, st.StatusKey.Render(common.Truncate(p.resultsHeading(), w, p.env.AmbWide)))
	}
	for row := f.rows.Top; row < len(f.hitRows) && len(out) < h; row++ {
		hr := f.hitRows[row]
		cv := p.converter(f.hits[hr.hit])
		hit := shownHit(f.hits[hr.hit], cv)
		if hr.heading {
			// marked when the selected hit is in this article
			sel := f.cur >= 0 && f.cur < len(f.hits) && sameArticle(f.hits[f.cur], f.hits[hr.hit])
			mark := "  "
			if sel {
				mark = "▌ "
			}
			out = append(out, p.hitTitle(hit, cv.Convert(hit.Entry.Paper), mark, w, sel))
			continue
		}
		sel := hr.hit == f.cur
		mark := "  "
		if sel {
			mark = "▌ "
		}
		out = append(out, p.hitLine(hit, mark, w, sel))
	}
	if len(f.hits) == 0 && len(out) < h {
		text := "没有找到"
		if f.running {
			text = "正在搜索…"
		}
		out = append(out, "  "+st.Kicker.Render(text))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// resultsHeading says what the search found so far: the matches, the
// issues they are in and the issues searched —
// “蓝鲸” 37处 · 5期 (已搜1200/3650期) while searching,
// “蓝鲸” 37处 · 5期 (已搜3650期) · 1.9秒 when done,
// “亿元” 前2000处 · 84期 (结果太多，搜了84/1500期后停止) · 0.4秒 when it
// stopped at shelfSearchLimit.
func (p *Page) resultsHeading() string {
	f := &p.find
	text := fmt.Sprintf("%s %d处 · %d期", common.Quoted(f.query), len(f.hits), f.found)
	if f.limited {
		text = fmt.Sprintf("%s 前%d处 · %d期", common.Quoted(f.query), len(f.hits), f.found)
	}
	switch {
	case f.running:
		text += fmt.Sprintf(" (已搜%d/%d期) · %s", f.done, f.total, common.Hint("取消", p.keys.Back))
	case f.cancelled:
		text += fmt.Sprintf(" (已取消，搜了%d/%d期)", f.done, f.total)
	case f.limited:
		text += fmt.Sprintf(" (结果太多，搜了%d/%d期后停止) · %s", f.done, f.total, duration(f.took))
	default:
		text += fmt.Sprintf(" (已搜%d期) · %s", f.total, duration(f.took))
	}
	if f.errs > 0 {
		text += fmt.Sprintf(" · %d期读不了", f.errs)
	}
	return text
}

// duration writes d for people: 40毫秒, 1.9秒.
func duration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d毫秒", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f秒", d.Seconds())
}

// hitTitle draws the first row of a hit: 2024-03-08 · 3版 · 标题, with
// the name of the hit's paper as shown.
func (p *Page) hitTitle(hit shelf.Hit, paper, mark string, w int, sel bool) string {
	parts := []string{hit.Entry.Date}
	if p.papers > 1 && paper != "" {
		parts = append(parts, textsafe.Line(paper))
	}
	if hit.Page > 0 {
		parts = append(parts, fmt.Sprintf("%d版", hit.Page))
	}
	title := textsafe.Line(hit.Title)
	if title == "" {
		title = fmt.Sprintf("第%d篇", hit.N)
	}
	head := strings.Join(parts, " · ") + " · "
	if sel {
		return p.env.St.Selected.Render(common.Pad(common.TruncateTitle(mark+head+title, w, p.env.AmbWide), w, p.env.AmbWide))
	}
	head = common.Truncate(mark+head, w, p.env.AmbWide)
	title = common.TruncateTitle(title, w-common.StringWidth(head, p.env.AmbWide), p.env.AmbWide)
	return p.env.St.Number.Render(head) + p.env.St.Headline.Render(title)
}

// hitLine draws the second row of a hit: the line around the match, the
// match highlighted and kept in view.
func (p *Page) hitLine(hit shelf.Hit, mark string, w int, sel bool) string {
	st := p.env.St
	lead := "    "
	if sel {
		lead = mark + "  "
	}
	line := hit.Line
	a, b := min(max(hit.Match[0], 0), len(line)), min(max(hit.Match[1], 0), len(line))
	before, match, after := textsafe.Line(line[:a]), textsafe.Line(line[a:b]), textsafe.Line(line[b:])
	room := w - common.StringWidth(lead, p.env.AmbWide)
	if room <= 0 {
		return common.Truncate(lead, w, p.env.AmbWide)
	}
	if hit.Title != "" && textsafe.Line(hit.Title) == before+match+after {
		// the match is in the title, which the row above shows whole
		before, after = "标题 ", ""
	}
	mw := min(common.StringWidth(match, p.env.AmbWide), room)
	match = common.Truncate(match, mw, p.env.AmbWide)
	// keep up to a third of the room before the match, cut from the left
	// (more to keep a number, a word or a quotation whole)
	rest := room - mw
	aw := common.StringWidth(after, p.env.AmbWide)
	bw := min(common.StringWidth(before, p.env.AmbWide), max(rest/3, rest-aw))
	before = common.CutFront(before, bw, max(rest-min(aw, rest/3), bw), false, p.env.AmbWide)
	bw = common.StringWidth(before, p.env.AmbWide)
	after = common.CutBack(after, rest-bw, p.env.AmbWide)
	if sel {
		return st.SelectedBlur.Render(lead) + before + st.MatchCur.Render(match) + after
	}
	return lead + st.Kicker.Render(before) + st.Match.Render(match) + st.Kicker.Render(after)
}

// statusView draws the status line: the prompt when it is open, else a
// message, or what the selected issue is; the indexing's progress and the
// help hint on the right.
func (p *Page) statusView() string {
	if p.input.IsOpen() {
		return p.input.View(p.width)
	}
	right := common.Hint("帮助", p.keys.Help)
	if p.index.running {
		right = fmt.Sprintf("索引中 %d/%d · %s", p.index.done, p.index.total, right)
	}
	return common.StatusLine(p.env.St, p.env.AmbWide, p.width, p.note, right,
		func(int) (string, lipgloss.Style) { return p.statusText(), p.env.St.Status })
}

// statusText describes the selected issue (or hit): 2024年3月8日 星期五 ·
// 星河日报 · 第1234号 · 8版 · 64篇 · 2024/03/2024-03-08.md.
func (p *Page) statusText() string {
	e := p.Selected()
	if p.find.query != "" {
		e = nil
		if f := &p.find; f.cur < len(f.hits) {
			e = f.hits[f.cur].Entry
		}
	}
	if e == nil {
		if len(p.s.Skipped) > 0 {
			return fmt.Sprintf("跳过%d个文件(%s)", len(p.s.Skipped), common.Hint("查看", p.keys.Skipped))
		}
		return ""
	}
	parts := []string{common.DateText(e.Date, e.Weekday)}
	if e.Paper != "" {
		parts = append(parts, textsafe.Line(e.Paper))
	}
	if e.Number > 0 {
		parts = append(parts, fmt.Sprintf("第%d号", e.Number))
	}
	if !e.Pending {
		parts = append(parts, pagesLabel(e), fmt.Sprintf("%d篇", e.Articles))
	} else {
		parts = append(parts, "未索引")
	}
	where := e.Files[0].Path
	if len(e.Files) > 1 {
		where = path.Dir(where) + "/"
	}
	parts = append(parts, textsafe.Line(where))
	return strings.Join(parts, " · ")
}

// pagesLabel is an issue's page count on the shelf (4版); an issue of one
// file and one page names its page (第18版), or says 版次不详 when it is
// not known, rather than count it as 1版.
func pagesLabel(e *shelf.Entry) string {
	if e.Pages <= 1 && len(e.Files) == 1 {
		return common.PageNumber(e.Files[0].Page)
	}
	return fmt.Sprintf("%d版", e.Pages)
}
