package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/ui/styles"
	"dubao/ui/wrap"
)

// HelpColumns lays out the help of entries in as many columns (at most
// three) as fit in w; a disabled entry (a key that does nothing at the
// moment, such as < and > for a file that is not on a shelf) is left out.
// When not even one column of aligned keys and descriptions fits, see
// helpNarrow.
func HelpColumns(entries []key.Binding, w int, st styles.Styles, ambWide bool) []string {
	entries = Enabled(entries)
	kw, dw := 0, 0
	for _, b := range entries {
		kw = max(kw, StringWidth(b.Help().Key, ambWide))
		dw = max(dw, StringWidth(b.Help().Desc, ambWide))
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
			cell := st.HelpKey.Render(Pad(h.Key, kw, ambWide)) + st.HelpDesc.Render("  "+h.Desc)
			if c < cols-1 {
				cell = Pad(cell, colW, ambWide)
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
			out = append(out, Truncate(l.Text(text), width, ambWide))
		}
		return out
	}
	var out []string
	for _, b := range entries {
		keyStyle, descStyle := st.HelpKey, st.HelpDesc
		h := b.Help()
		if StringWidth(h.Key, ambWide)+1+StringWidth(h.Desc, ambWide) <= w {
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

// Enabled returns the entries that do something at the moment (enabled),
// in order: what the help lists.
func Enabled(entries []key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(entries))
	for _, b := range entries {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// HelpOverlay draws help lines from top on as an overlay of h lines of at
// most w columns, under a title: the longest of its titles that fits, so
// that how to close the help (with the keys of k) always shows.
func HelpOverlay(body []string, top, w, h int, k *KeyMap, st styles.Styles, ambWide bool) []string {
	out := make([]string, 0, h)
	if h > 0 {
		closing := Hint("关闭", k.Help, k.Cancel)
		titles := [...]string{"按键 · " + Hint("滚动", k.Down, k.Up) + " · " + closing, "按键 · " + closing, closing,
			Hint("关闭", k.Help), firstKeys(k.Help)}
		title := titles[len(titles)-1]
		for _, t := range titles {
			if StringWidth(t, ambWide) <= w {
				title = t
				break
			}
		}
		out = append(out, st.HelpTitle.Render(Truncate(title, w, ambWide)))
	}
	for i := top; i < len(body) && len(out) < h; i++ {
		out = append(out, TruncateANSI(" "+body[i], w))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// Help is a page's help overlay: the help's lines under a title, in a
// body of h lines (the title and h−1 lines of help), scrolled.
type Help struct {
	Scroller
}

// rows is the number of lines of help a body of h lines shows.
func helpRows(h int) int { return max(h-1, 1) }

// Key scrolls help of n lines in a body of h by a movement key — j/k a
// line, space/b and d/u a window less a line (the help is glanced over, not
// read on), g/G the ends — and reports whether msg was one: any other key
// closes the help.
func (hp *Help) Key(msg tea.KeyPressMsg, k *KeyMap, n, h int) bool {
	rows := helpRows(h)
	page := max(rows-1, 1)
	top, ok := Step(msg, k, hp.Top, page, page, Last(n, rows))
	if ok {
		hp.Top = top
		hp.Clamp(n, rows)
	}
	return ok
}

// Wheel scrolls help of n lines in a body of h by a notch of the wheel.
func (hp *Help) Wheel(m tea.Mouse, n, h int) { hp.Scroller.Wheel(m, n, helpRows(h)) }

// View draws the help's lines as an overlay of h lines of at most w
// columns (see HelpOverlay).
func (hp *Help) View(lines []string, w, h int, k *KeyMap, st styles.Styles, ambWide bool) []string {
	return HelpOverlay(lines, hp.Top, w, h, k, st, ambWide)
}
