package common

// NarrowWidth is the terminal width below which the reader shows one
// pane at a time: below 80 columns two panes leave both cramped (a list of
// ten 汉字 beside a text of twenty).
const NarrowWidth = 80

// WholeHeadlines is the terminal width from which the headline list is
// given the room for headlines of up to HeadlineWhole 汉字 whole, the text
// beside it taking what is left when the measure does not fit.
const (
	WholeHeadlines = 160
	HeadlineWhole  = 30
)

// Geom is where things go on the screen for one terminal size.
type Geom struct {
	MastH   int  // masthead lines (0 or 1)
	BodyY   int  // first line of the panes
	BodyH   int  // lines of the panes
	StatusH int  // status lines (0 or 1)
	Wide    bool // list and article side by side
	ListW   int  // width of the list pane
	ArtX    int  // first column of the article pane
	ArtW    int  // width of the article pane
	TextX   int  // first column of the text, from the left of the screen
	TextW   int  // width of the text column
	Fit     int  // the widest reading measure the pane shows, in 汉字
}

// NewGeom lays out the screen for w×h cells and a reading measure in
// 汉字, with a list of the usual width (see NewListGeom).
func NewGeom(w, h, measure int) Geom {
	return NewListGeom(w, h, measure, 0, 0)
}

// NewListGeom lays out the screen for w×h cells, a reading measure in 汉字
// and a headline list whose widest row is listNeed columns (0: not known),
// of which chrome are the number and marks before the title. Every width
// is at least 1 so that layout never divides by zero; the drawing code
// cuts what does not fit.
//
// From NarrowWidth columns on, the list and the article are side by side:
// the list takes three tenths of the width (24 to 40 columns), and, when
// the text does not need the rest at the measure, what it does not need,
// up to the list's widest row; from WholeHeadlines columns it takes at
// least the room of a headline of HeadlineWhole 汉字 (or the widest row,
// if narrower), the text taking what is left. The text starts beside the
// list (after a margin), not centred in the room it does not use.
func NewListGeom(w, h, measure, listNeed, chrome int) Geom {
	var g Geom
	if h >= 2 {
		g.StatusH = 1
	}
	if h >= 5 {
		g.MastH = 1
	}
	g.BodyY = g.MastH
	g.BodyH = max(h-g.MastH-g.StatusH, 0)
	g.Wide = w >= NarrowWidth
	baseList := 0 // the list's width when the text takes all it can
	if g.Wide {
		listW := min(max(w*3/10, 24), 40)
		baseList = min(listW, w-1-minArticle)
		if w >= WholeHeadlines {
			baseList = min(max(baseList, min(listNeed, chrome+2*HeadlineWhole)), w-1-minArticle)
		}
		if listNeed > listW {
			spare := w - 1 - (max(measure, 1)*2 + 2*textPad)
			listW = max(listW, min(listNeed, spare))
			if w >= WholeHeadlines {
				listW = max(listW, min(listNeed, chrome+2*HeadlineWhole))
			}
		}
		g.ListW = min(listW, w-1-minArticle)
		g.ArtX = g.ListW + 1 // a rule between the panes
		g.ArtW = w - g.ArtX
	} else {
		g.ListW, g.ArtX, g.ArtW = max(w, 1), 0, max(w, 1)
	}
	pad := 0
	switch {
	case g.ArtW >= 30:
		pad = textPad
	case g.ArtW >= 8:
		pad = 1
	}
	avail := max(g.ArtW-2*pad, 1)
	// the widest measure: the text's room with the list at its narrowest
	// (the list takes only what the measure leaves)
	g.Fit = max(avail/2, 1)
	if g.Wide {
		g.Fit = max((w-baseList-1-2*pad)/2, 1)
	}
	g.TextW = min(avail, max(measure*2, 2))
	g.TextX = g.ArtX + pad
	return g
}

// textPad is the margin on each side of the text in the article pane.
const textPad = 2

// minArticle is the narrowest article pane beside the list.
const minArticle = 40
