package common

// NarrowWidth is the terminal width below which the reader shows one
// pane at a time.
const NarrowWidth = 70

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
// 汉字. Every width is at least 1 so that layout never divides by zero;
// the drawing code cuts what does not fit.
func NewGeom(w, h, measure int) Geom {
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
	if g.Wide {
		g.ListW = min(max(w*3/10, 24), 40)
		g.ArtX = g.ListW + 1 // a rule between the panes
		g.ArtW = w - g.ArtX
	} else {
		g.ListW, g.ArtX, g.ArtW = max(w, 1), 0, max(w, 1)
	}
	pad := 0
	switch {
	case g.ArtW >= 30:
		pad = 2
	case g.ArtW >= 8:
		pad = 1
	}
	avail := max(g.ArtW-2*pad, 1)
	g.Fit = max(avail/2, 1)
	g.TextW = min(avail, max(measure*2, 2))
	g.TextX = g.ArtX + pad + (avail-g.TextW)/2
	return g
}
