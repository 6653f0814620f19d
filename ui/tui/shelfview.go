package tui

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"dubao/issue/shelf"
	"dubao/ui/render"
)

// View draws the shelf: its header, the list of issues (or the search
// results, the panel of skipped files, the help) and the status line.
func (p *shelfPage) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	lines := make([]string, 0, p.height)
	if p.g.mastH > 0 {
		lines = append(lines, p.headerView())
	}
	var body []string
	switch {
	case p.help:
		body = helpOverlay(helpColumns(p.keys.ShelfHelp(), max(p.width-2, 1), p.st, p.ambWide),
			p.helpTop, p.width, p.g.bodyH, p.st, p.ambWide)
	case p.panel:
		body = p.panelView()
	case p.find.query != "":
		body = p.resultsView()
	default:
		body = p.listView()
	}
	lines = append(lines, body...)
	if p.g.statusH > 0 {
		lines = append(lines, p.statusView())
	}
	return strings.Join(lines, "\n")
}

// headerView draws the header bar: 书架 · papers · 3650期 · 2014年1月—2023年12月.
func (p *shelfPage) headerView() string {
	parts := []string{"书架", render.Clean(p.shelfName())}
	n := len(p.s.Issues)
	parts = append(parts, fmt.Sprintf("%d期", n))
	if n > 0 {
		first, last := p.s.Issues[n-1].Date, p.s.Issues[0].Date
		if span := monthSpan(first, last); span != "" {
			parts = append(parts, span)
		}
	}
	text := truncate(" "+strings.Join(parts, " · "), p.width, p.ambWide)
	return p.st.Masthead.Render(pad(text, p.width, p.ambWide))
}

// shelfName is the base name of the shelf's folder.
func (p *shelfPage) shelfName() string {
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
func (p *shelfPage) listView() []string {
	h, w := p.g.bodyH, p.width
	out := make([]string, 0, h)
	if len(p.rows) == 0 && h > 0 {
		text := "书架上还没有报纸"
		switch {
		case p.index.running:
			text = "正在索引…"
		case len(p.s.Skipped) > 0:
			text = fmt.Sprintf("没有找到报纸：%d个文件不是报纸(s 查看)", len(p.s.Skipped))
		}
		out = append(out, " "+p.st.Kicker.Render(truncate(text, w-1, p.ambWide)))
	}
	sel := -1
	if p.sel >= 0 && p.sel < len(p.entries) {
		sel = p.entries[p.sel]
	}
	for r := p.top; r < len(p.rows) && len(out) < h; r++ {
		row := p.rows[r]
		if row.e == nil {
			head := fmt.Sprintf("%d年%d月", row.year, int(row.month))
			count := fmt.Sprintf(" · %d期", row.count)
			line := p.st.PageHeader.Render(truncate(head, w, p.ambWide))
			if stringWidth(head+count, p.ambWide) <= w {
				line += p.st.Kicker.Render(count)
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
//	▌ 08日 周五  星河日报   8版  64篇 ✓
//
// An issue not indexed yet shows its file instead of its paper. ✓ marks
// an issue with saved reading state.
func (p *shelfPage) entryLine(e *shelf.Entry, w int, sel bool) string {
	st := p.st
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
		pages = fmt.Sprintf("%d版", e.Pages)
		arts = fmt.Sprintf("%d篇", e.Articles)
	}
	seen := " "
	if p.seen[e.Key] && e.Key != "" {
		seen = "✓"
	}
	tail := fmt.Sprintf("  %4s %5s %s", pages, arts, seen)
	paperW := max(min(p.paperW, 20), 8)
	room := w - stringWidth(lead, p.ambWide) - stringWidth(tail, p.ambWide)
	if room < 4 { // narrow: drop the counts
		tail = " " + seen
		room = w - stringWidth(lead, p.ambWide) - 2
	}
	paperW = max(min(paperW, room), 0)
	paper, dim := entryLabel(e), e.Paper == ""
	paper = pad(truncate(paper, paperW, p.ambWide), paperW, p.ambWide)
	if sel {
		return st.Selected.Render(pad(truncate(lead+paper+tail, w, p.ambWide), w, p.ambWide))
	}
	lead = truncate(lead, w, p.ambWide)
	rest := truncate(paper+tail, w-stringWidth(lead, p.ambWide), p.ambWide)
	if dim {
		return st.Kicker.Render(lead + rest)
	}
	return st.Number.Render(lead) + st.Headline.Render(rest)
}

// panelView draws the panel of skipped files: a heading, then one line a
// file with the reason.
func (p *shelfPage) panelView() []string {
	h, w := p.g.bodyH, p.width
	out := make([]string, 0, h)
	sk := p.s.Skipped
	if h > 0 {
		head := fmt.Sprintf("跳过的文件 %d个(不是报纸)· s/esc 关闭", len(sk))
		out = append(out, p.st.HelpTitle.Render(truncate(head, w, p.ambWide)))
	}
	pathW := 0
	for _, s := range sk {
		pathW = max(pathW, stringWidth(render.Clean(s.Path), p.ambWide))
	}
	pathW = min(pathW, max(w/2, 8))
	for i := p.panelTop; i < len(sk) && len(out) < h; i++ {
		name := pad(truncate(render.Clean(sk[i].Path), pathW, p.ambWide), pathW, p.ambWide)
		line := " " + name + "  " + render.Clean(skipReason(sk[i].Reason))
		out = append(out, truncate(line, w, p.ambWide))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// resultsView draws the search results: a heading, then two rows a hit —
// date · page · title, and the matching line.
func (p *shelfPage) resultsView() []string {
	h, w := p.g.bodyH, p.width
	f := &p.find
	st := p.st
	out := make([]string, 0, h)
	if h > 0 {
		out = append(out, st.StatusKey.Render(truncate(p.resultsHeading(), w, p.ambWide)))
	}
	for row := f.top; row < 2*len(f.hits) && len(out) < h; row++ {
		i := row / 2
		hit := f.hits[i]
		sel := i == f.cur
		mark := "  "
		if sel {
			mark = "▌ "
		}
		if row%2 == 0 {
			out = append(out, p.hitTitle(hit, mark, w, sel))
			continue
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
func (p *shelfPage) resultsHeading() string {
	f := &p.find
	text := fmt.Sprintf("%s %d处 · %d期", quoted(f.query), len(f.hits), f.found)
	if f.limited {
		text = fmt.Sprintf("%s 前%d处 · %d期", quoted(f.query), len(f.hits), f.found)
	}
	switch {
	case f.running:
		text += fmt.Sprintf(" (已搜%d/%d期) · esc 取消", f.done, f.total)
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

// hitTitle draws the first row of a hit: 2024-03-08 · 3版 · 标题.
func (p *shelfPage) hitTitle(hit shelf.Hit, mark string, w int, sel bool) string {
	parts := []string{hit.Entry.Date}
	if p.papers > 1 && hit.Entry.Paper != "" {
		parts = append(parts, render.Clean(hit.Entry.Paper))
	}
	if hit.Page > 0 {
		parts = append(parts, fmt.Sprintf("%d版", hit.Page))
	}
	title := render.Clean(hit.Title)
	if title == "" {
		title = fmt.Sprintf("第%d篇", hit.N)
	}
	head := strings.Join(parts, " · ") + " · "
	if sel {
		return p.st.Selected.Render(pad(truncateTitle(mark+head+title, w, p.ambWide), w, p.ambWide))
	}
	head = truncate(mark+head, w, p.ambWide)
	title = truncateTitle(title, w-stringWidth(head, p.ambWide), p.ambWide)
	return p.st.Number.Render(head) + p.st.Headline.Render(title)
}

// hitLine draws the second row of a hit: the line around the match, the
// match highlighted and kept in view.
func (p *shelfPage) hitLine(hit shelf.Hit, mark string, w int, sel bool) string {
	st := p.st
	lead := "    "
	if sel {
		lead = mark + "  "
	}
	line := hit.Line
	a, b := min(max(hit.Match[0], 0), len(line)), min(max(hit.Match[1], 0), len(line))
	before, match, after := render.Clean(line[:a]), render.Clean(line[a:b]), render.Clean(line[b:])
	room := w - stringWidth(lead, p.ambWide)
	if room <= 0 {
		return truncate(lead, w, p.ambWide)
	}
	if hit.Title != "" && render.Clean(hit.Title) == before+match+after {
		// the match is in the title, which the row above shows whole
		before, after = "标题 ", ""
	}
	mw := min(stringWidth(match, p.ambWide), room)
	match = truncate(match, mw, p.ambWide)
	// keep up to a third of the room before the match, cut from the left
	// (more to keep a number, a word or a quotation whole)
	rest := room - mw
	aw := stringWidth(after, p.ambWide)
	bw := min(stringWidth(before, p.ambWide), max(rest/3, rest-aw))
	before = cutFront(before, bw, max(rest-min(aw, rest/3), bw), false, p.ambWide)
	bw = stringWidth(before, p.ambWide)
	after = cutBack(after, rest-bw, p.ambWide)
	if sel {
		return st.SelectedBlur.Render(lead) + before + st.MatchCur.Render(match) + after
	}
	return lead + st.Kicker.Render(before) + st.Match.Render(match) + st.Kicker.Render(after)
}

// statusView draws the status line: the prompt when it is open, else a
// message, or what the selected issue is; the indexing's progress and the
// help hint on the right.
func (p *shelfPage) statusView() string {
	w := p.width
	if p.prompt {
		return promptView(p.input, w)
	}
	right := "? 帮助"
	if p.index.running {
		right = fmt.Sprintf("索引中 %d/%d · ? 帮助", p.index.done, p.index.total)
	}
	rw := stringWidth(right, p.ambWide)
	room := w - rw - 2
	if room < 12 {
		room, right, rw = w, "", 0
	}
	var left string
	switch {
	case p.msg != "" && p.msgErr:
		left = p.st.StatusError.Render(truncate(render.Clean(p.msg), room, p.ambWide))
	case p.msg != "":
		left = p.st.StatusInfo.Render(truncate(render.Clean(p.msg), room, p.ambWide))
	default:
		left = p.st.Status.Render(truncate(p.statusText(), room, p.ambWide))
	}
	lw := stringWidth(ansi.Strip(left), p.ambWide)
	if right == "" || lw+rw+1 > w {
		return left
	}
	return left + strings.Repeat(" ", w-lw-rw) + p.st.Status.Render(right)
}

// statusText describes the selected issue (or hit): 2024年3月8日 星期五 ·
// 星河日报 · 第1234号 · 8版 · 64篇 · 2024/03/2024-03-08.md.
func (p *shelfPage) statusText() string {
	e := p.selected()
	if p.find.query != "" {
		e = nil
		if f := &p.find; f.cur < len(f.hits) {
			e = f.hits[f.cur].Entry
		}
	}
	if e == nil {
		if len(p.s.Skipped) > 0 {
			return fmt.Sprintf("跳过%d个文件(s 查看)", len(p.s.Skipped))
		}
		return ""
	}
	parts := []string{dateText(e.Date, e.Weekday)}
	if e.Paper != "" {
		parts = append(parts, render.Clean(e.Paper))
	}
	if e.Number > 0 {
		parts = append(parts, fmt.Sprintf("第%d号", e.Number))
	}
	if !e.Pending {
		parts = append(parts, fmt.Sprintf("%d版", e.Pages), fmt.Sprintf("%d篇", e.Articles))
	} else {
		parts = append(parts, "未索引")
	}
	where := e.Files[0].Path
	if len(e.Files) > 1 {
		where = path.Dir(where) + "/"
	}
	parts = append(parts, render.Clean(where))
	return strings.Join(parts, " · ")
}
