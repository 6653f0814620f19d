package common

import "testing"

// TestListGeom checks the layout of the reader at 70, 80, 120, 160 and 200
// columns, for the default measure (40 字) and a list whose widest row
// (a headline of 30 汉字 and its number and marks) is 66 columns: one pane
// below 80 columns; the list given the room the text does not need, up to
// its widest row; headlines of 30 汉字 whole from 160 columns; the text
// beside the list, not centred.
func TestListGeom(t *testing.T) {
	const measure, need, chrome = 40, 66, 6
	for _, tc := range []struct {
		w            int
		wide         bool
		listW, textW int
	}{
		{70, false, 70, 66},
		{79, false, 79, 75},
		{80, true, 24, 51},
		{120, true, 36, 79},
		{160, true, 66, 80},
		{200, true, 66, 80},
	} {
		g := NewListGeom(tc.w, 40, measure, need, chrome)
		if g.Wide != tc.wide || g.ListW != tc.listW || g.TextW != tc.textW {
			t.Errorf("%d columns: wide %v, list %d, text %d; want %v, %d, %d", tc.w, g.Wide, g.ListW, g.TextW, tc.wide, tc.listW, tc.textW)
		}
		if g.TextX != g.ArtX+textPad {
			t.Errorf("%d columns: the text starts at %d, not beside the list (%d)", tc.w, g.TextX, g.ArtX+textPad)
		}
		if g.ArtX+g.ArtW != tc.w || g.TextX+g.TextW > tc.w {
			t.Errorf("%d columns: the panes do not fit: article %d+%d, text %d+%d", tc.w, g.ArtX, g.ArtW, g.TextX, g.TextW)
		}
		t.Logf("%d columns: list %d, text %d at column %d, %d columns to its right", tc.w, g.ListW, g.TextW, g.TextX, tc.w-g.TextX-g.TextW)
	}
	// a wider measure at 160 columns still leaves 30 汉字 to the list
	if g := NewListGeom(160, 40, 60, need, chrome); g.ListW < need {
		t.Errorf("160 columns, measure 60: list %d, want %d", g.ListW, need)
	}
	// + stops where the text would push the list below its narrowest
	g := NewListGeom(100, 40, 20, need, chrome)
	if want := (100 - 30 - 1 - 2*textPad) / 2; g.Fit != want {
		t.Errorf("100 columns: the widest measure %d, want %d", g.Fit, want)
	}
}
