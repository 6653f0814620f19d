package shelf

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/shelf"
	"dubao/issue/textsafe"
	"dubao/ui/tui/common"
)

// On a wide screen the shelf shows, beside its list, the front page of the
// issue selected: the name of its first page and its headlines, read in
// the background once the selection has rested on the issue (frontPause)
// and kept (up to frontKeep issues).

// frontMin is the screen width from which the front page is shown beside
// the list.
const frontMin = 120

// frontKeep is how many issues' front pages the shelf keeps.
const frontKeep = 256

// front is the front page of an issue as the shelf shows it.
type front struct {
	loading bool
	err     bool
	page    string   // 第1版 要闻
	titles  []string // its headlines, in order
	more    int      // articles on the other pages
}

// frontPause is how long the selection rests on an issue before its front
// page is read: holding j or k reads none of the issues passed over.
const frontPause = 150 * time.Millisecond

// frontRead is the reading of front pages: like the shelf's search, a
// read waits for a pause in moving (frontTickMsg, numbered), and a new one
// cancels the one before it.
type frontRead struct {
	pause  time.Duration // frontPause; 0 in tests
	id     int           // number of the latest wait for a pause
	wait   *shelf.Entry  // the issue waited for; nil when none
	cancel context.CancelFunc
	// open reads an issue; nil for the shelf's Open (tests count reads).
	open func(*shelf.Entry) (*shelf.Loaded, error)
}

// frontTickMsg reads the front page of the issue waited for, if the wait
// numbered id is still the latest.
type frontTickMsg struct{ id int }

// RouteTo routes the message to the shelf, whatever page is shown.
func (frontTickMsg) RouteTo() common.PageID { return common.ShelfPage }

// frontMsg carries the front page of an entry, read in the background;
// cancelled is set when it was not read, its reading cancelled before it
// started.
type frontMsg struct {
	e         *shelf.Entry
	f         front
	cancelled bool
}

// RouteTo routes the message to the shelf, whatever page is shown.
func (frontMsg) RouteTo() common.PageID { return common.ShelfPage }

// listWidth is the width of the list of issues: the whole screen, or,
// beside the front page, 45% of it (56 to 70 columns).
func (p *Page) listWidth() int {
	if p.width < frontMin || p.g.BodyH < 3 {
		return p.width
	}
	return min(max(p.width*45/100, 56), 70)
}

// frontWanted returns the issue selected when its front page is shown
// beside the list and not read (nor being read) yet; nil otherwise.
func (p *Page) frontWanted() *shelf.Entry {
	e := p.Selected()
	if p.listWidth() == p.width || e == nil || e.Pending || p.find.query != "" {
		return nil
	}
	if _, ok := p.fronts[e]; ok {
		return nil
	}
	return e
}

// wantFront waits for a pause before reading the front page of the issue
// selected, when it is wanted (frontWanted) and not waited for already.
func (p *Page) wantFront() tea.Cmd {
	r := &p.frontRead
	e := p.frontWanted()
	if e == nil || e == r.wait {
		if e == nil {
			r.wait = nil
		}
		return nil
	}
	r.id++
	r.wait = e
	id := r.id
	return tea.Tick(r.pause, func(time.Time) tea.Msg { return frontTickMsg{id} })
}

// frontTick starts reading the front page of the issue waited for when the
// selection has rested on it since; the reading before, if any, is
// cancelled.
func (p *Page) frontTick(msg frontTickMsg) tea.Cmd {
	r := &p.frontRead
	if msg.id != r.id || r.wait == nil || r.wait != p.frontWanted() {
		return nil // moved on since
	}
	e := r.wait
	r.wait = nil
	if r.cancel != nil {
		r.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	if len(p.fronts) >= frontKeep {
		clear(p.fronts)
	}
	p.fronts[e] = front{loading: true}
	open, conv := r.open, p.env.Script
	if open == nil {
		open = p.s.Open
	}
	return func() tea.Msg {
		if ctx.Err() != nil {
			return frontMsg{e: e, cancelled: true}
		}
		l, err := open(e)
		if err != nil || l.Issue == nil {
			return frontMsg{e: e, f: front{err: true}}
		}
		return frontMsg{e: e, f: frontOf(l.Issue, conv)}
	}
}

// gotFront keeps a front page read; one whose reading was cancelled is
// forgotten, to be read when the issue is selected again.
func (p *Page) gotFront(msg frontMsg) {
	f, asked := p.fronts[msg.e]
	switch {
	case !asked:
	case msg.cancelled:
		if f.loading {
			delete(p.fronts, msg.e)
		}
	default:
		p.fronts[msg.e] = msg.f
	}
}

// frontOf returns the front page of is, its text in the script c (auto-s
// and auto-t resolved by the issue's own).
func frontOf(is *issue.Issue, c script.Conversion) front {
	var f front
	if c.Auto() {
		c = c.Resolve(script.DetectIssue(is))
	}
	cv, _ := script.Load(c)
	for s, sec := range is.Sections {
		if len(sec.Articles) == 0 {
			continue
		}
		if f.page == "" {
			f.page = cv.Convert(common.PageName(is, s))
			for _, a := range sec.Articles {
				f.titles = append(f.titles, cv.Convert(a.Headline()))
			}
			continue
		}
		f.more += len(sec.Articles)
	}
	return f
}

// frontView draws the front page of the issue selected: h lines of at
// most w columns.
func (p *Page) frontView(w, h int) []string {
	st := p.env.St
	out := make([]string, 0, h)
	e := p.Selected()
	f, ok := p.fronts[e]
	switch {
	case e == nil:
	case e.Pending || !ok || f.loading:
		out = append(out, st.Kicker.Render(common.Truncate("读取中…", w, p.env.AmbWide)))
	case f.err:
		out = append(out, st.StatusError.Render(common.Truncate("读不了这一期("+common.Hint("看原因", p.keys.Open)+")", w, p.env.AmbWide)))
	default:
		out = append(out, st.PageHeader.Render(common.Truncate(textsafe.Line(f.page), w, p.env.AmbWide)))
		for i, t := range f.titles {
			if len(out) == h-1 && i < len(f.titles)-1 { // the last line says what is left
				out = append(out, st.Kicker.Render(common.Truncate(fmt.Sprintf("…还有%d篇", len(f.titles)-i+f.more), w, p.env.AmbWide)))
				break
			}
			out = append(out, st.Headline.Render(common.TruncateTitle(textsafe.Line(t), w, p.env.AmbWide)))
		}
		if f.more > 0 && len(out) < h {
			out = append(out, st.Kicker.Render(common.Truncate(fmt.Sprintf("其他版面%d篇", f.more), w, p.env.AmbWide)))
		}
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// besideList draws the list's lines beside the front page, with a rule
// between them.
func (p *Page) besideList(list []string) []string {
	lw := p.listWidth()
	fw := p.width - lw - 3 // a rule and a margin each side
	front := p.frontView(fw, len(list))
	rule := p.env.St.Separator.Render("│")
	out := make([]string, len(list))
	for i, l := range list {
		out[i] = common.Pad(l, lw, p.env.AmbWide) + " " + rule + " " + front[i]
	}
	return out
}
