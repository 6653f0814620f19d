package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/ui/styles"
	"dubao/ui/wrap"
)

// helpEntries returns the bindings the help lists: over the output of a |
// command, the keys of that view; else every binding of the key map's
// full help, in order — those that do nothing at the moment (disabled)
// too, shown dimmed.
func (r *Reader) helpEntries() []key.Binding {
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
func (r *Reader) helpLines(w int) []string {
	return helpColumns(r.helpEntries(), w, r.st, r.ambWide)
}

// helpColumns lays out the help of entries in as many columns (at most
// three) as fit in w; a disabled entry (a key that does nothing at the
// moment) is dimmed. When not even one column of aligned keys and
// descriptions fits, see helpNarrow.
func helpColumns(entries []key.Binding, w int, st styles.Styles, ambWide bool) []string {
	kw, dw := 0, 0
	for _, b := range entries {
		kw = max(kw, stringWidth(b.Help().Key, ambWide))
		dw = max(dw, stringWidth(b.Help().Desc, ambWide))
	}
	draw := func(b key.Binding, k, d string) string {
		if !b.Enabled() {
			return st.Kicker.Render(k + d)
		}
		return st.HelpKey.Render(k) + st.HelpDesc.Render(d)
	}
	if kw+2+dw > w {
		return helpNarrow(entries, w, st, ambWide)
	}
	colW := kw + 2 + dw + 4
	cols := max(min(w/max(colW, 1), 3), 1)
	rows := (len(entries) + cols - 1) / cols
	out := make([]string, 0, rows)
	for i := range rows {
		var line strings.Builder
		for c := range cols {
			n := c*rows + i
			if n >= len(entries) {
				break
			}
			h := entries[n].Help()
			cell := draw(entries[n], pad(h.Key, kw, ambWide), "  "+h.Desc)
			if c < cols-1 {
				cell = pad(cell, colW, ambWide)
			}
			line.WriteString(cell)
		}
		out = append(out, line.String())
	}
	return out
}

// helpNarrow lays out the help of entries for a width too narrow for
// aligned columns: an entry that fits is one line, key and description;
// else the key is a line of its own and the description follows on lines
// indented by two columns, wrapped by the Chinese line breaker, so that
// no description is cut.
func helpNarrow(entries []key.Binding, w int, st styles.Styles, ambWide bool) []string {
	w = max(w, 1)
	lines := func(text string, width int) []string {
		var out []string
		for _, l := range wrap.Lines(text, wrap.Options{Width: width, AmbiguousWide: ambWide}) {
			out = append(out, truncate(l.Text(text), width, ambWide))
		}
		return out
	}
	var out []string
	for _, b := range entries {
		keyStyle, descStyle := st.HelpKey, st.HelpDesc
		if !b.Enabled() {
			keyStyle, descStyle = st.Kicker, st.Kicker
		}
		h := b.Help()
		if stringWidth(h.Key, ambWide)+1+stringWidth(h.Desc, ambWide) <= w {
			out = append(out, keyStyle.Render(h.Key)+descStyle.Render(" "+h.Desc))
			continue
		}
		for _, l := range lines(h.Key, w) {
			out = append(out, keyStyle.Render(l))
		}
		indent := "  "
		if w < 6 {
			indent = ""
		}
		for _, l := range lines(h.Desc, w-len(indent)) {
			out = append(out, indent+descStyle.Render(l))
		}
	}
	return out
}

// helpView draws the help overlay: h lines of at most w columns.
func (r *Reader) helpView(w, h int) []string {
	return helpOverlay(r.helpLines(max(w-2, 1)), r.helpTop, w, h, r.st, r.ambWide)
}

// helpOverlay draws help lines from top on as an overlay of h lines of at
// most w columns, under a title: the longest of its titles that fits, so
// that how to close the help always shows.
func helpOverlay(body []string, top, w, h int, st styles.Styles, ambWide bool) []string {
	out := make([]string, 0, h)
	if h > 0 {
		titles := [...]string{"按键 · j/k 滚动 · ?/esc 关闭", "按键 · ?/esc 关闭", "?/esc 关闭", "? 关闭", "?"}
		title := titles[len(titles)-1]
		for _, t := range titles {
			if stringWidth(t, ambWide) <= w {
				title = t
				break
			}
		}
		out = append(out, st.HelpTitle.Render(truncate(title, w, ambWide)))
	}
	for i := top; i < len(body) && len(out) < h; i++ {
		out = append(out, truncateANSI(" "+body[i], w))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// helpKey scrolls or closes the help overlay.
func (r *Reader) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	top, scrolled := helpScroll(msg, r.keys, r.helpTop, len(r.helpLines(max(r.width-2, 1))), r.g.bodyH)
	r.helpTop = top
	if !scrolled { // ?, esc, q or any other key closes the help
		r.overlay, r.helpOver = r.helpOver, overlayNone
	}
	return nil
}

// helpScroll answers a key pressed over a help overlay of n lines under
// its title, in a body of h lines, whose first line shown is top: j/k,
// space/b, d/u and g/G scroll it, and it returns the new top; any other
// key closes the help, which scrolled reports as false. The reader, the
// shelf and the bookmarks list share it, so their helps scroll alike.
func helpScroll(msg tea.KeyPressMsg, k *KeyMap, top, n, h int) (newTop int, scrolled bool) {
	last := max(n-(h-1), 0)
	page := max(h-2, 1)
	top, scrolled = scrollStep(msg, k, top, page, page, last)
	return min(max(top, 0), last), scrolled
}
