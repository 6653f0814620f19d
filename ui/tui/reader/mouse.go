package reader

import (
	tea "charm.land/bubbletea/v2"

	"dubao/ui/tui/common"
)

// overList reports whether screen column x, line y is over the list pane.
func (r *Page) overList(x, y int) bool {
	if y < r.g.BodyY || y >= r.g.BodyY+r.g.BodyH {
		return false
	}
	if r.g.Wide {
		return x < r.g.ListW
	}
	return r.focus == focusList
}

// wheel scrolls the pane under the pointer.
func (r *Page) wheel(m tea.Mouse) {
	d := 0
	switch m.Button {
	case tea.MouseWheelDown:
		d = common.WheelLines
	case tea.MouseWheelUp:
		d = -common.WheelLines
	default:
		return
	}
	switch {
	case r.prompt != promptNone:
	case r.overlay == overlayOutput:
		r.output.Wheel(m, len(r.output.wrapped(r.outputWidth(), r.env.AmbWide)), max(r.g.BodyH-1, 1))
	case r.overlay == overlayHelp:
		r.help.Wheel(m, len(r.helpLines(max(r.width-2, 1))), r.g.BodyH)
	case r.overList(m.X, m.Y) && r.search.active():
		r.search.list.Wheel(m, len(r.search.rows), max(r.g.BodyH-1, 1)) // under the results' heading
	case r.overList(m.X, m.Y):
		r.list.Wheel(m, len(r.rows), r.g.BodyH)
	case m.Y >= r.g.BodyY && m.Y < r.g.BodyY+r.g.BodyH:
		r.scroll(d)
	}
}

// click selects the headline (or search result) under the pointer, or
// focuses the pane clicked.
func (r *Page) click(m tea.Mouse) {
	if m.Button != tea.MouseLeft || r.prompt != promptNone || r.overlay != overlayNone {
		return
	}
	if !r.overList(m.X, m.Y) {
		if m.Y >= r.g.BodyY && m.Y < r.g.BodyY+r.g.BodyH && r.Article() != nil {
			r.focus = focusArticle
		}
		return
	}
	n := m.Y - r.g.BodyY
	if r.search.active() {
		s := &r.search
		n += s.list.Top - 1 // the first line is the results heading
		if n < 0 || n >= len(s.rows) || s.rows[n].kind != rowMatch {
			return
		}
		s.cur = s.rows[n].match
		r.showMatch()
		if !r.g.Wide {
			r.focus = focusArticle
		}
		return
	}
	n += r.list.Top
	if n < 0 || n >= len(r.rows) || r.rows[n].kind == rowPage {
		return
	}
	r.show(r.rows[n].art)
	if r.g.Wide {
		r.focus = focusList
	} else {
		r.focus = focusArticle
	}
}

// promptKey handles a key while the bottom line asks for a query or a
// command. Enter searches or runs what was typed; in the search prompt,
// empty, it keeps the search shown, and ↑ brings back the last query, as
// in the shelf's.
func (r *Page) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	search := r.prompt == promptSearch
	last := ""
	if search {
		last = r.lastQuery
	}
	res, cmd := r.input.Key(msg, &r.keys, last)
	switch res {
	case common.PromptDone:
		r.prompt = promptNone
		value := r.input.Value()
		if !search {
			return r.runPipe(value)
		}
		return r.searchEntered(value)
	case common.PromptCancelled:
		r.prompt = promptNone
		if search && r.search.typed {
			r.searchGen.Add(1) // stop the one running
			r.clearSearch()    // esc: what was typed is dropped
		}
	case common.PromptEdited:
		if search {
			r.search.typed = true
			return tea.Batch(cmd, r.searchTyped())
		}
	}
	return cmd
}
