package common

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/issue/textsafe"
	"dubao/ui/styles"
)

// Status is the message a page's status line shows until the next key.
type Status struct {
	Text string
	Err  bool // an error: drawn as one
}

// Set shows text as information.
func (s *Status) Set(text string) { *s = Status{Text: text} }

// Fail shows text as an error.
func (s *Status) Fail(text string) { *s = Status{Text: text, Err: true} }

// minStatusRoom is the fewest columns the left of a status line keeps:
// below it the hint on the right is left out.
const minStatusRoom = 12

// StatusLine draws a page's status line, w columns: on the left the
// message, or when there is none what idle gives for the room left (its
// text, plain, and its style); on the right the hint (? 帮助), in the
// status style, when both fit.
func StatusLine(st styles.Styles, ambWide bool, w int, msg Status, right string, idle func(room int) (string, lipgloss.Style)) string {
	rw := StringWidth(right, ambWide)
	room := w - rw - 2
	if right == "" || room < minStatusRoom { // too narrow for the hint
		room, right, rw = w, "", 0
	}
	var left string
	switch {
	case msg.Text != "" && msg.Err:
		left = st.StatusError.Render(Truncate(textsafe.Line(msg.Text), room, ambWide))
	case msg.Text != "":
		left = st.StatusInfo.Render(Truncate(textsafe.Line(msg.Text), room, ambWide))
	default:
		text, style := idle(room)
		left = style.Render(Truncate(text, room, ambWide))
	}
	lw := StringWidth(ansi.Strip(left), ambWide)
	if right == "" || lw+rw+1 > w {
		return left
	}
	return left + strings.Repeat(" ", w-lw-rw) + st.Status.Render(right)
}
