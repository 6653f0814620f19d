package common

import tea "charm.land/bubbletea/v2"

// WheelLines is how far one notch of the mouse wheel scrolls.
const WheelLines = 3

// Scroller is the first line shown (Top) of n lines in a window of h
// lines: a list, the help, the output of a command. Every way it moves
// keeps the window inside the lines — Top from 0 to the top that shows the
// last line at the bottom — so that no page clamps by hand.
type Scroller struct {
	Top int
}

// Last returns the last top of n lines in a window of h: the top that
// shows the last line at the bottom (0 when they all fit).
func Last(n, h int) int { return max(n-h, 0) }

// Clamp keeps the window inside the lines.
func (s *Scroller) Clamp(n, h int) {
	s.Top = min(max(s.Top, 0), Last(n, h))
}

// Scroll moves the window by d lines (down when positive).
func (s *Scroller) Scroll(d, n, h int) {
	s.Top += d
	s.Clamp(n, h)
}

// Wheel scrolls by a notch of the mouse wheel, reporting whether m is a
// wheel motion.
func (s *Scroller) Wheel(m tea.Mouse, n, h int) bool {
	switch m.Button {
	case tea.MouseWheelDown:
		s.Scroll(WheelLines, n, h)
	case tea.MouseWheelUp:
		s.Scroll(-WheelLines, n, h)
	default:
		return false
	}
	return true
}

// Show scrolls as little as needed to show lines first to last; when they
// do not all fit, last wins (the lines an item ends with: a title below
// its kicker and header). With last before first it only keeps the window
// inside the lines. With no room, or no lines, Top is 0.
func (s *Scroller) Show(first, last, n, h int) {
	if h <= 0 || n == 0 {
		s.Top = 0
		return
	}
	if first <= last && first < s.Top {
		s.Top = first
	}
	if first <= last && last >= s.Top+h {
		s.Top = last - h + 1
	}
	s.Clamp(n, h)
}

// Key scrolls text (help, output, a panel) of n lines in a window of h by
// a movement key — j/k a line, space/b a window less a line, d/u half a
// window, g/G the ends — and reports whether msg was one.
func (s *Scroller) Key(msg tea.KeyPressMsg, k *KeyMap, n, h int) bool {
	h = max(h, 1)
	top, ok := Step(msg, k, s.Top, max(h-1, 1), max(h/2, 1), Last(n, h))
	if ok {
		s.Top = top
		s.Clamp(n, h)
	}
	return ok
}
