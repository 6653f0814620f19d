package tui

// narrowWidth is the terminal width below which the reader shows one
// pane at a time.
const narrowWidth = 70

// geom is where things go on the screen for one terminal size.
type geom struct {
	mastH   int  // masthead lines (0 or 1)
	bodyY   int  // first line of the panes
	bodyH   int  // lines of the panes
	statusH int  // status lines (0 or 1)
	wide    bool // list and article side by side
	listW   int  // width of the list pane
	artX    int  // first column of the article pane
	artW    int  // width of the article pane
	textX   int  // first column of the text, from the left of the screen
	textW   int  // width of the text column
	fit     int  // the widest reading measure the pane shows, in 汉字
}

// computeGeom lays out the screen for w×h cells and a reading measure in
// 汉字. Every width is at least 1 so that layout never divides by zero;
// the drawing code cuts what does not fit.
func computeGeom(w, h, measure int) geom {
	var g geom
	if h >= 2 {
		g.statusH = 1
	}
	if h >= 5 {
		g.mastH = 1
	}
	g.bodyY = g.mastH
	g.bodyH = max(h-g.mastH-g.statusH, 0)
	g.wide = w >= narrowWidth
	if g.wide {
		g.listW = min(max(w*3/10, 24), 40)
		g.artX = g.listW + 1 // a rule between the panes
		g.artW = w - g.artX
	} else {
		g.listW, g.artX, g.artW = max(w, 1), 0, max(w, 1)
	}
	pad := 0
	switch {
	case g.artW >= 30:
		pad = 2
	case g.artW >= 8:
		pad = 1
	}
	avail := max(g.artW-2*pad, 1)
	g.fit = max(avail/2, 1)
	g.textW = min(avail, max(measure*2, 2))
	g.textX = g.artX + pad + (avail-g.textW)/2
	return g
}
