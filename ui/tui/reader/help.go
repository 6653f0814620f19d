package reader

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/ui/tui/common"
)

// helpEntries returns the bindings the help lists: over the output of a |
// command, the keys of that view; else every binding of the key map's
// full help, in order — those that do nothing at the moment (disabled)
// too, shown dimmed.
func (r *Page) helpEntries() []key.Binding {
	if r.helpOver == overlayOutput {
		return r.outputHelp()
	}
	var out []key.Binding
	for _, col := range r.keys.FullHelp() {
		out = append(out, col...)
	}
	return out
}

// helpLines lays the help out in as many columns as fit in w.
func (r *Page) helpLines(w int) []string {
	return common.HelpColumns(r.helpEntries(), w, r.env.St, r.env.AmbWide)
}

// helpView draws the help overlay: h lines of at most w columns.
func (r *Page) helpView(w, h int) []string {
	return r.help.View(r.helpLines(max(w-2, 1)), w, h, &r.keys, r.env.St, r.env.AmbWide)
}

// helpKey scrolls or closes the help overlay.
func (r *Page) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	if !r.help.Key(msg, &r.keys, len(r.helpLines(max(r.width-2, 1))), r.g.BodyH) { // ?, esc, q or any other key closes the help
		r.overlay, r.helpOver = r.helpOver, overlayNone
	}
	return nil
}
