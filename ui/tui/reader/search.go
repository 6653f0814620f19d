package reader

import (
	"fmt"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/search"
	"dubao/issue/textsafe"
	"dubao/ui/render"
	"dubao/ui/tui/common"
)

// searchState is the search of the whole issue: its matches, the current
// one, and the results list.
type searchState struct {
	query   string // the query whose matches are shown; "" when none
	running string // a query being searched
	id      int    // number of the latest search started
	matches []search.Match
	cur     int // index of the current match
	rows    []resultRow
	list    common.Scroller // the rows of the results list shown

	// note is what the open / prompt says of the query typed so far:
	// 搜索中…, 3处, 没有找到 (search as you type).
	note string
	// typed is set when the query of the / prompt open was searched as
	// typed: esc then drops the search.
	typed bool
	// limited is set when the search kept only maxMatches matches.
	limited bool

	marksFor  int // article number the cached marks are for
	marksCur  int // the current match when they were made
	marksHave bool
	markCache []render.Mark
}

// resultRow is a row of the results list.
type resultRow struct {
	kind  rowKind // rowPage, rowTitle, or rowMatch
	sec   int
	art   int // index in Page.arts
	match int // index in matches (rowMatch), count (rowPage, rowTitle)
}

// rowMatch is a row showing one match in context.
const rowMatch rowKind = 10

func (s *searchState) active() bool { return s.query != "" }

// status is the search part of the status line: /query 3/17.
func (s *searchState) status() string {
	return fmt.Sprintf("/%s %d/%d", textsafe.Line(s.query), s.cur+1, len(s.matches))
}

// searchDoneMsg carries the matches of a search; limited is set when
// there were more than maxMatches.
type searchDoneMsg struct {
	from    *Page // the reader that searched
	id      int
	query   string
	matches []search.Match
	limited bool
}

// maxMatches is the most matches a search of the issue keeps: a frequent
// character has millions in a huge issue, which would only fill the
// memory (some 80 bytes each with their rows in the results list).
const maxMatches = 10000

// startSearch searches the whole issue for q in the background (enter in
// the / prompt, or a query typed so far: see searchTyped). A search
// started later makes the one running stop.
func (r *Page) startSearch(q string) tea.Cmd {
	q = strings.TrimSpace(q)
	if q == "" {
		r.clearSearch()
		return nil
	}
	if r.prompt != promptSearch {
		r.lastQuery = q
		r.note.Set("搜索中…")
	}
	r.search.id++
	id, arts := r.search.id, r.arts
	r.search.running, r.search.note = q, "搜索中…"
	gen := &r.searchGen
	gen.Store(int64(id))
	return func() tea.Msg {
		stale := func() bool { return gen.Load() != int64(id) }
		matches, limited := findMatches(arts, q, stale)
		return searchDoneMsg{from: r, id: id, query: q, matches: matches, limited: limited}
	}
}

// searchTyped searches the query typed so far in the / prompt (search as
// you type): its matches are shown as they are found, the prompt staying
// open; a query that finds nothing clears the matches shown before, and
// an empty one the search.
func (r *Page) searchTyped() tea.Cmd {
	q := strings.TrimSpace(r.input.Value())
	switch {
	case q == "":
		r.searchGen.Add(1) // stop the one running
		r.clearSearch()
		return nil
	case q == r.search.running || q == r.search.query && r.search.running == "":
		return nil
	}
	return r.startSearch(q)
}

// searchEntered ends the / prompt with enter on q: the results of q when
// they are shown already (typed), else q searched; the article then gets
// the keys, at the current match.
func (r *Page) searchEntered(q string) tea.Cmd {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	r.lastQuery = q
	switch {
	case q == r.search.running:
		r.note.Set("搜索中…")
		return nil // searchDone finishes it, the prompt closed
	case q == r.search.query:
		r.focus = focusArticle
		r.showMatch()
		r.syncKeys()
		if r.search.limited {
			r.note.Set(fmt.Sprintf("匹配太多，只列出前%d处", maxMatches))
		}
		return nil
	}
	return r.startSearch(q)
}

// findMatches searches arts for q as search.Issue does, but keeps at most
// maxMatches; limited says that there were more. It stops early, with what
// it found, when stale reports that a newer search was started.
func findMatches(arts []*issue.Article, q string, stale func() bool) (matches []search.Match, limited bool) {
	query := search.New(q)
	for _, a := range arts {
		if stale != nil && stale() {
			break
		}
		ms := search.Article(a, query)
		if room := maxMatches - len(matches); len(ms) > room {
			ms, limited = ms[:room], true
		}
		matches = append(matches, ms...)
		if limited {
			break
		}
	}
	return matches, limited
}

// searchDone shows the results of a search, at the first match from the
// current article on.
func (r *Page) searchDone(msg searchDoneMsg) {
	if msg.from != r || msg.id != r.search.id {
		return // a newer search was started, or another reader's
	}
	r.search.running = ""
	if r.note.Text == "搜索中…" {
		r.note.Set("")
	}
	typing := r.prompt == promptSearch
	if len(msg.matches) == 0 { // the matches shown before are cleared
		id, typed := r.search.id, r.search.typed
		r.search = searchState{id: id, note: "没有找到", typed: typed}
		r.ensureListVisible()
		r.syncKeys()
		if !typing {
			r.note.Fail("没有找到" + common.Quoted(msg.query))
		}
		return
	}
	s := &r.search
	s.query, s.matches, s.cur, s.list, s.marksHave = msg.query, msg.matches, 0, common.Scroller{}, false
	s.note, s.limited = fmt.Sprintf("%d处", len(msg.matches)), msg.limited
	if msg.limited {
		s.note = fmt.Sprintf("超过%d处", maxMatches)
	}
	here := r.Article()
	for i, m := range s.matches {
		if here != nil && r.indexOf(m.N) >= r.cur {
			s.cur = i
			break
		}
	}
	r.buildResultRows()
	r.showMatch()
	if !typing {
		r.focus = focusArticle
	}
	r.syncKeys()
	if msg.limited && !typing {
		r.note.Set(fmt.Sprintf("匹配太多，只列出前%d处", maxMatches))
	}
}

// clearSearch ends the search.
func (r *Page) clearSearch() {
	id := r.search.id
	r.search = searchState{id: id}
	r.ensureListVisible()
	r.syncKeys()
}

// buildResultRows groups the matches by page and article.
func (r *Page) buildResultRows() {
	s := &r.search
	s.rows = s.rows[:0]
	lastSec, lastArt := -1, -1
	for i, m := range s.matches {
		ai := r.indexOf(m.N)
		if ai < 0 {
			continue
		}
		if sec := r.sec[ai]; sec != lastSec {
			lastSec = sec
			s.rows = append(s.rows, resultRow{kind: rowPage, sec: sec, art: ai})
		}
		if ai != lastArt {
			lastArt = ai
			s.rows = append(s.rows, resultRow{kind: rowTitle, sec: lastSec, art: ai})
		}
		s.rows = append(s.rows, resultRow{kind: rowMatch, sec: lastSec, art: ai, match: i})
	}
	r.countResultRows()
}

// countResultRows stores in each page and title row the number of
// matches under it.
func (r *Page) countResultRows() {
	s := &r.search
	page, title := -1, -1
	for i, rw := range s.rows {
		switch rw.kind {
		case rowPage:
			page = i
			s.rows[i].match = 0
		case rowTitle:
			title = i
			s.rows[i].match = 0
		default:
			s.rows[page].match++
			s.rows[title].match++
		}
	}
}

// nextMatch moves to the next (d = 1) or previous (d = −1) match, across
// articles, wrapping around.
func (r *Page) nextMatch(d int) {
	s := &r.search
	if len(s.matches) == 0 {
		return
	}
	n := s.cur + d
	switch {
	case n >= len(s.matches):
		n = 0
		r.note.Set("已回到第一处")
	case n < 0:
		n = len(s.matches) - 1
		r.note.Set("已回到最后一处")
	}
	s.cur = n
	r.showMatch()
}

// showMatch shows the current match: its article, scrolled so that the
// match is in view.
func (r *Page) showMatch() {
	s := &r.search
	if s.cur < 0 || s.cur >= len(s.matches) {
		return
	}
	m := s.matches[s.cur]
	i := r.indexOf(m.N)
	if i < 0 {
		return
	}
	if i != r.cur || r.lay == nil {
		r.showAt(i, m.Pos())
	} else {
		loc := r.lay.LocOf(m.Pos())
		end := r.lay.Step(r.top, max(r.g.BodyH-1, 0))
		if loc.Before(r.top) || end.Before(loc) {
			r.top = r.clampTop(r.lay.Step(loc, -r.g.BodyH/3))
		}
	}
	r.ensureResultVisible()
}

// marks returns the matches in article a as marks for the renderer.
func (s *searchState) marks(a *issue.Article) []render.Mark {
	if a == nil || len(s.matches) == 0 {
		return nil
	}
	if s.marksHave && s.marksFor == a.N && s.marksCur == s.cur {
		return s.markCache
	}
	s.markCache = s.markCache[:0]
	for i, m := range s.matches {
		if m.N == a.N {
			s.markCache = append(s.markCache, render.Mark{Piece: m.Piece, Start: m.Start, End: m.End, Current: i == s.cur})
		}
	}
	render.SortMarks(s.markCache)
	s.marksFor, s.marksCur, s.marksHave = a.N, s.cur, true
	return s.markCache
}

// resultRowOf returns the row of match i, or −1.
func (s *searchState) resultRowOf(i int) int {
	for n, rw := range s.rows {
		if rw.kind == rowMatch && rw.match == i {
			return n
		}
	}
	return -1
}

// ensureResultVisible scrolls the results list to the current match (and
// its article's title when there is room).
func (r *Page) ensureResultVisible() {
	s := &r.search
	h := r.g.BodyH - 1 // under the results' heading
	n := s.resultRowOf(s.cur)
	if n < 0 || h <= 0 {
		return
	}
	first := n
	for first > 0 && s.rows[first-1].kind != rowMatch && n-first+1 < h {
		first--
	}
	s.list.Show(first, n, len(s.rows), h)
}

// resultKey handles the keys of the results list.
func (r *Page) resultKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	s := &r.search
	page := max(r.g.BodyH/2, 1)
	move := func(to int) {
		s.cur = min(max(to, 0), len(s.matches)-1)
		r.showMatch()
	}
	switch {
	case common.Matches(msg, k.Down):
		move(s.cur + 1)
	case common.Matches(msg, k.Up):
		move(s.cur - 1)
	case common.Matches(msg, k.PageDown, k.PageUp):
		r.pageFromList(common.Matches(msg, k.PageDown))
	case common.Matches(msg, k.HalfDown):
		move(s.cur + page)
	case common.Matches(msg, k.HalfUp):
		move(s.cur - page)
	case common.Matches(msg, k.Top):
		move(0)
	case common.Matches(msg, k.Bottom):
		move(len(s.matches) - 1)
	case common.Matches(msg, k.Open):
		r.focus = focusArticle
	}
	return nil
}

// resultsView draws the results list: h lines of w columns.
func (r *Page) resultsView(w, h int) []string {
	s := &r.search
	st := r.env.St
	out := make([]string, 0, h)
	if h > 0 {
		head := fmt.Sprintf("%s %d处", common.Quoted(s.query), len(s.matches))
		out = append(out, st.StatusKey.Render(common.Truncate(head, w, r.env.AmbWide)))
	}
	nw := r.numberWidth()
	pieces := map[int][]issue.Piece{}
	for n := s.list.Top; n < len(s.rows) && len(out) < h; n++ {
		rw := s.rows[n]
		var line string
		switch rw.kind {
		case rowPage:
			line = st.PageHeader.Render(common.Truncate(fmt.Sprintf("%s (%d)", textsafe.Line(r.convert(common.PageName(r.is, rw.sec))), rw.match), w, r.env.AmbWide))
		case rowTitle:
			a := r.arts[rw.art]
			num := fmt.Sprintf(" %*d ", nw, a.N)
			line = st.Number.Render(num) + st.Headline.Render(common.TruncateTitle(textsafe.Line(r.headline(rw.art)), w-len(num), r.env.AmbWide))
		case rowMatch:
			a := r.arts[rw.art]
			ps, ok := pieces[rw.art]
			if !ok {
				ps = a.Pieces()
				pieces[rw.art] = ps
			}
			sps, m := r.shownMatch(rw.art, ps, s.matches[rw.match])
			line = r.snippet(sps, m, w, rw.match == s.cur)
		}
		out = append(out, line)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// snippetBack is how many characters before a match the results list
// looks at for its context.
const snippetBack = 24

// snippet draws one match in context, w columns wide: about six
// characters before the match, and what follows it.
func (r *Page) snippet(ps []issue.Piece, m search.Match, w int, sel bool) string {
	st := r.env.St
	lead := "   "
	if sel {
		lead = " ▌ "
	}
	if m.Piece < 0 || m.Piece >= len(ps) {
		return lead
	}
	text := ps[m.Piece].Text
	start, end := min(max(m.Start, 0), len(text)), min(max(m.End, 0), len(text))
	if m.Kind == issue.PieceTitle {
		return r.titleSnippet(lead, textsafe.Line(text[start:end]), w, sel)
	}
	room := w - len(lead)
	match := textsafe.Line(text[start:end])
	mw := min(common.StringWidth(match, r.env.AmbWide), room)
	match = common.Truncate(match, mw, r.env.AmbWide)
	// about six characters before the match, more to keep a number, a
	// word or a quotation whole
	b := start
	for n := 0; n < snippetBack && b > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:b])
		b -= size
	}
	before := textsafe.Line(strings.ReplaceAll(text[b:start], "\n", " "))
	rest := max(room-mw, 0)
	before = common.CutFront(before, min(13, rest*2/3), rest*3/4, b > 0, r.env.AmbWide)
	bw := common.StringWidth(before, r.env.AmbWide)
	// only what can show: a long piece (a paragraph of a megabyte) is not
	// cleaned whole for every row drawn
	after := textsafe.Line(strings.ReplaceAll(common.RunePrefix(text[end:], 8*max(room, 0)+16), "\n", " "))
	after = common.CutBack(after, room-bw-mw, r.env.AmbWide)
	line := lead + before + st.Match.Render(match) + after
	if sel && r.focus == focusList {
		return st.Selected.Render(common.Pad(lead+before, 0, r.env.AmbWide)) + st.MatchCur.Render(match) + st.Selected.Render(common.Pad(after, room-bw-mw, r.env.AmbWide))
	}
	if sel {
		return st.SelectedBlur.Render(lead) + before + st.MatchCur.Render(match) + after
	}
	return line
}

// titleSnippet draws a match in the title, which the row above shows
// whole: "标题" and the match, w columns wide.
func (r *Page) titleSnippet(lead, match string, w int, sel bool) string {
	st := r.env.St
	label := "标题 "
	room := w - len(lead)
	label = common.Truncate(label, room, r.env.AmbWide)
	match = common.Truncate(match, room-common.StringWidth(label, r.env.AmbWide), r.env.AmbWide)
	switch {
	case sel && r.focus == focusList:
		rest := room - common.StringWidth(label, r.env.AmbWide) - common.StringWidth(match, r.env.AmbWide)
		return st.Selected.Render(lead+label) + st.MatchCur.Render(match) + st.Selected.Render(strings.Repeat(" ", max(rest, 0)))
	case sel:
		return st.SelectedBlur.Render(lead) + st.Kicker.Render(label) + st.MatchCur.Render(match)
	}
	return lead + st.Kicker.Render(label) + st.Match.Render(match)
}
