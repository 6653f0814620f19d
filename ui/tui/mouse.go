package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// wheelLines is how far one wheel notch scrolls.
const wheelLines = 3

// overList reports whether screen column x, line y is over the list pane.
func (r *Reader) overList(x, y int) bool {
	if y < r.g.bodyY || y >= r.g.bodyY+r.g.bodyH {
		return false
	}
	if r.g.wide {
		return x < r.g.listW
	}
	return r.focus == focusList
}

// wheel scrolls the pane under the pointer.
func (r *Reader) wheel(m tea.Mouse) {
	d := 0
	switch m.Button {
	case tea.MouseWheelDown:
		d = wheelLines
	case tea.MouseWheelUp:
		d = -wheelLines
	default:
		return
	}
	switch {
	case r.prompt != promptNone:
	case r.overlay == overlayOutput:
		r.output.top = min(max(r.output.top+d, 0), r.outputLast())
	case r.overlay == overlayHelp:
		r.helpTop = min(max(r.helpTop+d, 0), max(len(r.helpLines(max(r.width-2, 1)))-(r.g.bodyH-1), 0))
	case r.overList(m.X, m.Y):
		if r.search.active() {
			s := &r.search
			s.top = min(max(s.top+d, 0), max(len(s.rows)-r.g.bodyH, 0))
		} else {
			r.listTop = min(max(r.listTop+d, 0), max(len(r.rows)-r.g.bodyH, 0))
		}
	case m.Y >= r.g.bodyY && m.Y < r.g.bodyY+r.g.bodyH:
		r.scroll(d)
	}
}

// click selects the headline (or search result) under the pointer, or
// focuses the pane clicked.
func (r *Reader) click(m tea.Mouse) {
	if m.Button != tea.MouseLeft || r.prompt != promptNone || r.overlay != overlayNone {
		return
	}
	if !r.overList(m.X, m.Y) {
		if m.Y >= r.g.bodyY && m.Y < r.g.bodyY+r.g.bodyH && r.article() != nil {
			r.focus = focusArticle
		}
		return
	}
	n := m.Y - r.g.bodyY
	if r.search.active() {
		s := &r.search
		n += s.top - 1 // the first line is the results heading
		if n < 0 || n >= len(s.rows) || s.rows[n].kind != rowMatch {
			return
		}
		s.cur = s.rows[n].match
		r.showMatch()
		if !r.g.wide {
			r.focus = focusArticle
		}
		return
	}
	n += r.listTop
	if n < 0 || n >= len(r.rows) || r.rows[n].kind == rowPage {
		return
	}
	r.show(r.rows[n].art)
	if r.g.wide {
		r.focus = focusList
	} else {
		r.focus = focusArticle
	}
}

// promptKey handles a key while the bottom line asks for a query or a
// command. Enter searches or runs what was typed; in the search prompt,
// empty, it keeps the search shown, and ↑ brings back the last query, as
// in the shelf's.
func (r *Reader) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	search := r.prompt == promptSearch
	switch {
	case key.Matches(msg, k.Confirm):
		value := r.input.Value()
		r.prompt = promptNone
		r.input.Blur()
		if !search {
			return r.runPipe(value)
		}
		if strings.TrimSpace(value) == "" {
			return nil // esc clears the search
		}
		return r.startSearch(value)
	case search && msg.String() == "up" && r.lastQuery != "" && r.input.Value() != r.lastQuery:
		r.input.SetValue(r.lastQuery)
		r.input.CursorEnd()
		return nil
	case key.Matches(msg, k.Cancel):
		r.prompt = promptNone
		r.input.Blur()
		return nil
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	return cmd
}
