package styles

import (
	"image/color"
	"math"
	"reflect"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours (1 to 21).
func contrast(a, b color.Color) float64 {
	x, y := luminance(a), luminance(b)
	if x < y {
		x, y = y, x
	}
	return (x + 0.05) / (y + 0.05)
}

// marks are the styles that draw marks, not text (the rule between the
// panes): 3:1 is enough for them.
var marks = map[string]bool{"Separator": true}

var (
	white = lipgloss.Color("#ffffff")
	black = lipgloss.Color("#000000")
)

// set reports whether a style colour is set.
func set(c color.Color) bool {
	_, none := c.(lipgloss.NoColor)
	return c != nil && !none
}

// pair is a style's text colour and what it is read against.
type pair struct {
	name   string
	fg, bg color.Color
}

// pairs returns, for each style of s that sets a colour, the colour of
// its text and the colour behind it on a terminal of background bg whose
// own text is fg: the style's colours where it sets them, swapped by
// reverse video. A style that sets a background but leaves its text the
// terminal's colour is an error when that colour is unknown (fg nil: the
// fallback palette).
func pairs(t *testing.T, s Styles, fg, bg color.Color) []pair {
	var out []pair
	v := reflect.ValueOf(s)
	for i := range v.NumField() {
		st, ok := v.Field(i).Interface().(lipgloss.Style)
		if !ok {
			continue
		}
		name := v.Type().Field(i).Name
		f, b := st.GetForeground(), st.GetBackground()
		if !set(f) && !set(b) {
			continue // the terminal's own colours, swapped or not
		}
		if !set(f) {
			f = fg
		}
		if !set(b) {
			b = bg
		}
		if st.GetReverse() {
			f, b = b, f
		}
		if f == nil {
			t.Errorf("%s: %s sets a background but leaves its text the terminal's unknown colour", s.Name, name)
			continue
		}
		out = append(out, pair{name, f, b})
	}
	return out
}

// TestContrast checks every colour pair of every palette: text at least
// 4.5:1 and marks at least 3:1 — the light palette against white, the
// dark one against black, and the fallback (no answer to the background
// query) against both. The lowest ratios are logged.
func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		st  Styles
		bgs []color.Color
	}{
		{New(false), []color.Color{white}},
		{New(true), []color.Color{black}},
		{Fallback(), []color.Color{white, black}},
		{Fallback().FewColors(), []color.Color{white, black}},
	} {
		minText, minMark := 21.0, 21.0
		for _, bg := range tc.bgs {
			var fg color.Color // the terminal's text: unknown in the fallback
			if len(tc.bgs) == 1 {
				fg = white
				if bg == white {
					fg = black
				}
			}
			for _, p := range pairs(t, tc.st, fg, bg) {
				r := contrast(p.fg, p.bg)
				need := 4.5
				if marks[p.name] {
					need, minMark = 3, min(minMark, r)
				} else {
					minText = min(minText, r)
				}
				if r < need {
					t.Errorf("%s on %v: %s is %.2f:1, want at least %.1f:1", tc.st.Name, bg, p.name, r, need)
				}
				// a coloured background must stand out from the page too
				if set(p.bg) && p.bg != bg && !strings.HasPrefix(p.name, "Match") && !strings.HasPrefix(p.name, "Masthead") {
					if r := contrast(p.bg, bg); r < 1.2 {
						t.Errorf("%s on %v: %s's background is %.2f:1 against the page", tc.st.Name, bg, p.name, r)
					}
				}
			}
		}
		t.Logf("%s: text at least %.2f:1, marks at least %.2f:1", tc.st.Name, minText, minMark)
	}
}

// TestMastheadBar checks that the masthead bar itself (not only its text)
// shows against the page: at least 3:1, as a mark.
func TestMastheadBar(t *testing.T) {
	for _, tc := range []struct {
		st  Styles
		bgs []color.Color
	}{
		{New(false), []color.Color{white}},
		{New(true), []color.Color{black}},
		{Fallback(), []color.Color{white, black}},
	} {
		for _, bg := range tc.bgs {
			if r := contrast(tc.st.Masthead.GetBackground(), bg); r < 3 {
				t.Errorf("%s: the masthead bar is %.2f:1 against %v", tc.st.Name, r, bg)
			}
		}
	}
}

// TestFewColorsSelection checks that on 16 colours the selection is
// reverse video, never a background colour the terminal may draw as its
// own black.
func TestFewColorsSelection(t *testing.T) {
	for _, s := range []Styles{New(true), New(false), Fallback()} {
		f := s.FewColors()
		if !f.Selected.GetReverse() || set(f.Selected.GetBackground()) {
			t.Errorf("%s on 16 colours: the selection is not reverse video", s.Name)
		}
		for _, st := range []lipgloss.Style{f.Match, f.MatchCur, f.Masthead} {
			if set(st.GetBackground()) {
				t.Errorf("%s on 16 colours: a style keeps a background colour", s.Name)
			}
		}
	}
	if s := Fallback(); !s.Selected.GetReverse() {
		t.Error("the fallback palette's selection is not reverse video")
	}
}
