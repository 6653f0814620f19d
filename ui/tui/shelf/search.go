package shelf

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/search"
	"dubao/issue/shelf"
	"dubao/ui/tui/common"
)

// The shelf's search of every issue (/): results stream in as issues are
// searched, newest first; esc cancels; a new query cancels the search
// before it. The query is searched as it is typed, after a short pause.

// shelfSearchLimit is the number of results a search of the shelf keeps;
// it stops there.
const shelfSearchLimit = 2000

// searchPause is how long after the last key typed in the prompt the
// query is searched.
const searchPause = 300 * time.Millisecond

// batchWait is how long the results of a search are gathered into one
// message once the first has come.
const batchWait = 20 * time.Millisecond

// shelfSearch is the search of the shelf and its results.
type shelfSearch struct {
	query     string // the query whose results are shown; "" for none
	id        int    // number of the latest search started
	cancel    context.CancelFunc
	ch        <-chan shelf.Batch
	running   bool
	cancelled bool
	hits      []shelf.Hit
	found     int // issues with a hit
	done      int // issues searched
	total     int // issues to search
	errs      int // issues that could not be read
	limited   bool
	cur       int             // the selected hit
	rows      common.Scroller // the results rows shown (see hitRows)
	// hitRows are the rows of the results: an article's heading (date,
	// page, title) once, then a row for each of its hits; lineRow is the
	// row of each hit.
	hitRows []hitRow
	lineRow []int
	typed   int // number of the latest edit of the prompt
	started time.Time
	took    time.Duration // to the end of the search
}

// hitRow is a row of the search results: the heading of the article of
// hit, or the line of hit.
type hitRow struct {
	hit     int
	heading bool
}

// addHits adds the rows of the hits from index from on: a hit in another
// article than the one before it opens a heading.
func (f *shelfSearch) addHits(from int) {
	for i := from; i < len(f.hits); i++ {
		if i == 0 || !sameArticle(f.hits[i-1], f.hits[i]) {
			f.hitRows = append(f.hitRows, hitRow{hit: i, heading: true})
		}
		f.lineRow = append(f.lineRow, len(f.hitRows))
		f.hitRows = append(f.hitRows, hitRow{hit: i})
	}
}

// sameArticle reports whether two hits are in one article of one issue.
func sameArticle(a, b shelf.Hit) bool { return a.Entry == b.Entry && a.N == b.N }

// batchMsg carries results of the search numbered id; closed is set when
// the search has ended.
type batchMsg struct {
	id      int
	batches []shelf.Batch
	closed  bool
}

// RouteTo routes the message to the shelf, whatever page is shown.
func (batchMsg) RouteTo() common.PageID { return common.ShelfPage }

// searchTickMsg searches the prompt's query if no key was typed since
// edit number typed.
type searchTickMsg struct{ typed int }

// RouteTo routes the message to the shelf, whatever page is shown.
func (searchTickMsg) RouteTo() common.PageID { return common.ShelfPage }

// startSearch cancels the search running, if any, and searches the shelf
// for q; an empty q clears the results.
func (p *Page) startSearch(q string) tea.Cmd {
	p.StopSearch()
	f := &p.find
	f.id++
	q = strings.TrimSpace(q)
	query := search.New(q)
	if query.Empty() {
		p.clearSearch()
		return nil
	}
	p.lastQuery = q
	ctx, cancel := context.WithCancel(context.Background())
	f.query, f.cancel, f.running, f.cancelled = q, cancel, true, false
	f.hits, f.found, f.done, f.total, f.errs, f.limited = nil, 0, 0, len(p.s.Issues), 0, false
	f.hitRows, f.lineRow = nil, nil
	f.cur, f.rows, f.started, f.took = 0, common.Scroller{}, time.Now(), 0
	f.ch = p.s.Search(ctx, query, shelf.SearchOptions{Limit: shelfSearchLimit})
	return waitBatches(f.id, f.ch, p.batchMax)
}

// StopSearch cancels the search running, if any.
func (p *Page) StopSearch() {
	f := &p.find
	if f.cancel != nil {
		f.cancel()
		f.cancel = nil
	}
	if f.running {
		f.running, f.cancelled = false, true
		f.took = time.Since(f.started)
	}
}

// clearSearch cancels the search and goes back to the list of issues.
func (p *Page) clearSearch() {
	p.StopSearch()
	id, typed := p.find.id, p.find.typed
	p.find = shelfSearch{id: id, typed: typed}
	p.ensureVisible()
}

// batchMax is the most batches (issues searched) a message carries.
const batchMax = 1024

// waitBatches waits for the next results of search id: the first batch to
// come, and those that follow within batchWait (up to most), so that a
// fast search does not redraw the screen for every issue.
func waitBatches(id int, ch <-chan shelf.Batch, most int) tea.Cmd {
	return func() tea.Msg {
		b, ok := <-ch
		if !ok {
			return batchMsg{id: id, closed: true}
		}
		msg := batchMsg{id: id, batches: []shelf.Batch{b}}
		timer := time.NewTimer(batchWait)
		defer timer.Stop()
		for len(msg.batches) < most {
			select {
			case b, ok := <-ch:
				if !ok {
					msg.closed = true
					return msg
				}
				msg.batches = append(msg.batches, b)
			case <-timer.C:
				return msg
			}
		}
		return msg
	}
}

// gotBatches adds the results of a batch message, and waits for more.
func (p *Page) gotBatches(msg batchMsg) tea.Cmd {
	f := &p.find
	if msg.id != f.id || !f.running {
		return nil // an older search, or one cancelled
	}
	for _, b := range msg.batches {
		f.done, f.total = b.Done, b.Total
		if b.Err != nil {
			f.errs++
		}
		if len(b.Hits) > 0 {
			f.found++
		}
		from := len(f.hits)
		f.hits = append(f.hits, b.Hits...)
		f.addHits(from)
		f.limited = f.limited || b.Limited
	}
	if msg.closed {
		f.running = false
		f.took = time.Since(f.started)
		if f.cancel != nil {
			f.cancel()
			f.cancel = nil
		}
		p.syncKeys()
		return nil
	}
	return waitBatches(f.id, f.ch, p.batchMax)
}

// searchTick searches the prompt's query after a pause in typing.
func (p *Page) searchTick(msg searchTickMsg) tea.Cmd {
	if !p.input.IsOpen() || msg.typed != p.find.typed {
		return nil
	}
	q := strings.TrimSpace(p.input.Value())
	if q == p.find.query && (p.find.running || !p.find.cancelled) {
		return nil
	}
	return p.startSearch(q)
}

// promptKey handles a key while the search prompt is open: enter searches
// (if the query changed; an empty prompt keeps the results shown) and
// moves to the results, esc cancels the search and closes the prompt, ↑
// brings back the last query, other keys edit the query, which is
// searched after a pause.
func (p *Page) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := p.input.Key(msg, &p.keys, p.lastQuery)
	switch res {
	case common.PromptDone:
		q := strings.TrimSpace(p.input.Value())
		if q == "" && p.find.query != "" || q == p.find.query && (p.find.running || !p.find.cancelled) {
			return nil
		}
		return p.startSearch(q)
	case common.PromptCancelled:
		p.cancelSearch()
		return nil
	case common.PromptEdited:
		return tea.Batch(cmd, p.searchLater())
	}
	return cmd
}

// SetSearchPause sets how long after the last key typed in the prompt the
// query is searched (0.3 s unless set).
func (p *Page) SetSearchPause(d time.Duration) { p.searchPause = d }

// searchLater searches the prompt's query after a pause, unless it is
// edited again before.
func (p *Page) searchLater() tea.Cmd {
	p.find.typed++
	typed := p.find.typed
	return tea.Tick(p.searchPause, func(time.Time) tea.Msg { return searchTickMsg{typed} })
}

// cancelSearch stops the search running and keeps what it found; with
// nothing found it goes back to the list.
func (p *Page) cancelSearch() {
	f := &p.find
	if !f.running {
		if len(f.hits) == 0 {
			p.clearSearch()
		}
		return
	}
	p.StopSearch()
	if len(f.hits) == 0 {
		p.clearSearch()
		p.note.Set("搜索已取消")
		return
	}
	p.note.Set("搜索已取消")
}

// resultKey handles the keys of the results list.
func (p *Page) resultKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &p.keys
	f := &p.find
	page := max((p.g.BodyH-1)/2, 1)
	if next, ok := common.Step(msg, k, f.cur, page, max(page/2, 1), len(f.hits)-1); ok {
		p.moveHit(next)
		return nil
	}
	switch {
	case common.Matches(msg, k.Open):
		return p.openHit()
	case common.Matches(msg, k.Back):
		if f.running {
			p.cancelSearch()
		} else {
			p.clearSearch()
		}
	}
	return nil
}

// moveHit selects hit i.
func (p *Page) moveHit(i int) {
	f := &p.find
	if len(f.hits) == 0 {
		return
	}
	f.cur = min(max(i, 0), len(f.hits)-1)
	p.ensureHitVisible()
}

// ensureHitVisible scrolls the results to the selected hit, with its
// article's heading when it is the article's first hit. The first line of
// the body is the results' heading.
func (p *Page) ensureHitVisible() {
	f := &p.find
	if f.cur < 0 || f.cur >= len(f.lineRow) {
		return
	}
	last := f.lineRow[f.cur]
	first := last
	if first > 0 && f.hitRows[first-1].heading {
		first--
	}
	f.rows.Show(first, last, len(f.hitRows), p.g.BodyH-1)
}

// openHit opens the selected hit's article at its match.
func (p *Page) openHit() tea.Cmd {
	f := &p.find
	if f.cur < 0 || f.cur >= len(f.hits) {
		return nil
	}
	h := f.hits[f.cur]
	return p.open(h.Entry, h.N, h.Pos, f.query)
}
