package reader

import (
	"fmt"
	"strconv"
	"strings"

	"dubao/issue"
	"dubao/issue/textsafe"
	"dubao/ui/tui/common"
)

// rowKind says what a row of the headline list shows.
type rowKind uint8

const (
	rowPage  rowKind = iota // a page header: 第2版 城市
	rowTitle                // an article's number and title (and its kicker, dimmed, when there is room)
)

// row is one row of the headline list.
type row struct {
	kind rowKind
	sec  int // section index
	art  int // index in Page.arts
}

// buildRows lists the rows of the headline list: each page's header, then
// its articles, one row each, so that the list never starts in the middle
// of an article. A page that only
// repeats articles kept on an earlier page (Section.Repeats) has its
// header row too, which says where they are; it belongs to the article
// after it (or, at the end, the one before).
func buildRows(is *issue.Issue, arts []*issue.Article, sec []int) []row {
	var rows []row
	last := -1
	repeats := func(upTo, art int) {
		for s := last + 1; s < upTo && is != nil && s < len(is.Sections); s++ {
			if sc := is.Sections[s]; len(sc.Articles) == 0 && len(sc.Repeats) > 0 {
				rows = append(rows, row{kind: rowPage, sec: s, art: art})
			}
		}
	}
	for i := range arts {
		if sec[i] != last {
			repeats(sec[i], i)
			last = sec[i]
			rows = append(rows, row{kind: rowPage, sec: sec[i], art: i})
		}
		rows = append(rows, row{kind: rowTitle, sec: sec[i], art: i})
	}
	if is != nil && len(arts) > 0 {
		repeats(len(is.Sections), len(arts)-1)
	}
	return rows
}

// articleRows returns the first and last row of article i (its page header
// when it is the first of its page, its title).
func (r *Page) articleRows(i int) (first, last int) {
	first, last = -1, -1
	for n, rw := range r.rows {
		if rw.art != i {
			continue
		}
		if first < 0 {
			first = n
		}
		last = n
	}
	return first, last
}

// ensureListVisible scrolls the list so that the current article's rows
// are shown.
func (r *Page) ensureListVisible() {
	if r.search.active() {
		r.ensureResultVisible()
		return
	}
	first, last := r.articleRows(r.cur)
	if first < 0 && r.g.BodyH > 0 && len(r.rows) > 0 {
		return
	}
	r.list.Show(first, last, len(r.rows), r.g.BodyH)
}

// numberWidth is the width of the widest article number.
func (r *Page) numberWidth() int {
	w := 1
	for _, a := range r.arts {
		w = max(w, len(strconv.Itoa(a.N)))
	}
	return w
}

// listView draws the headline list: h lines of exactly w columns.
func (r *Page) listView(w, h int) []string {
	out := make([]string, 0, h)
	nw := r.numberWidth()
	st := r.env.St
	for n := r.list.Top; n < len(r.rows) && len(out) < h; n++ {
		rw := r.rows[n]
		var line string
		switch rw.kind {
		case rowPage:
			line = st.PageHeader.Render(common.Truncate(textsafe.Line(r.convert(common.PageName(r.is, rw.sec))), w, r.env.AmbWide))
		case rowTitle:
			line = r.headlineRow(n, w, nw)
		}
		out = append(out, line)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// headlineRow draws row n of the list, an article's title, in w columns:
// its number, its flag, the title, and — dimmed, after it — its kicker when
// there is room for more than a few characters of it; the title is what
// is kept whole, the kicker what is cut or left out:
//
//	1•青溪河生态廊道全线贯通
//	2•老街区“微改造” 今年惠及…       (narrow: no room for the kicker)
//	2•老街区“微改造” 今年惠及3000户  市政府常务会议研究部署
//
// The list is dimmed, but for the selected row, while the article pane
// has the keys, so that the pane with the keys shows.
func (r *Page) headlineRow(n, w, nw int) string {
	st := r.env.St
	rw := r.rows[n]
	num := fmt.Sprintf("%*d", nw, r.arts[rw.art].N)
	flag, read := r.flag(rw.art)
	mark := " "
	sel := rw.art == r.cur
	if sel {
		mark = "▌"
	}
	room := w - 1 - len(num) - common.StringWidth(flag, r.env.AmbWide)
	title := common.TruncateTitle(textsafe.Line(r.headline(rw.art)), room, r.env.AmbWide)
	kicker := ""
	if k := textsafe.Line(r.kicker(rw.art)); k != "" {
		if left := room - common.StringWidth(title, r.env.AmbWide) - kickerGap; left >= kickerMin {
			kicker = strings.Repeat(" ", kickerGap) + common.TruncateTitle(k, left, r.env.AmbWide)
		}
	}
	blur := r.focus != focusList && r.g.Wide
	switch {
	case sel && !blur:
		return st.Selected.Render(common.Pad(mark+num+flag+title+kicker, w, r.env.AmbWide))
	case sel:
		return st.SelectedBlur.Render(mark+num+flag+title) + st.ListKicker.Render(kicker)
	case read || blur:
		return mark + st.Number.Render(num+flag) + st.ListKicker.Render(title+kicker)
	}
	return mark + st.Number.Render(num) + st.StatusKey.Render(flag) + st.Headline.Render(title) + st.ListKicker.Render(kicker)
}

// kickerGap is the space between a title and its kicker in the list;
// kickerMin the least room (in columns) a kicker is shown in.
const (
	kickerGap = 2
	kickerMin = 8
)

// regeom lays the screen out again for the size, the measure and the
// headline list's widest row (see common.NewListGeom).
func (r *Page) regeom() {
	need, chrome := r.listNeed()
	r.g = common.NewListGeom(r.width, r.height, r.measure, need, chrome)
}

// listNeed returns the width of the headline list's widest row (the
// number, flag and title of an article; a page's name), and of the number
// and marks before a title.
func (r *Page) listNeed() (need, chrome int) {
	if len(r.arts) == 0 {
		return 0, 0
	}
	flag, _ := r.flag(0)
	chrome = 1 + r.numberWidth() + common.StringWidth(flag, r.env.AmbWide)
	for _, a := range r.arts {
		need = max(need, chrome+common.StringWidth(r.convert(a.Headline()), r.env.AmbWide))
	}
	return need, chrome
}

// flag returns the mark between an article's number and its title in the
// list — ★ bookmarked, • not read yet, else a space — and whether the
// article was read (its title is then dimmed). Without reading state
// every article is plain.
func (r *Page) flag(i int) (flag string, read bool) {
	if r.state == nil {
		return " ", false
	}
	read = !r.isUnread(i)
	switch {
	case r.isBookmarked(i):
		flag = "★"
	case !read:
		flag = "•"
	default:
		flag = " "
	}
	// the flag column is as wide as its widest mark
	if w := common.StringWidth("★", r.env.AmbWide); common.StringWidth(flag, r.env.AmbWide) < w {
		flag += strings.Repeat(" ", w-common.StringWidth(flag, r.env.AmbWide))
	}
	return flag, read
}
