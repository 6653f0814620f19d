package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"dubao/issue/textsafe"
	"dubao/ui/styles"
	"dubao/ui/tui/common"
	"dubao/ui/wrap"
)

// errorPage says that a file could not be opened; any key leaves it.
type errorPage struct {
	msg    common.ErrorMsg
	keys   common.KeyMap
	st     styles.Styles
	width  int
	height int
}

func newErrorPage(msg common.ErrorMsg, keys common.KeyMap, st styles.Styles, w, h int) *errorPage {
	return &errorPage{msg: msg, keys: keys, st: st, width: w, height: h}
}

// Update leaves the page on any key.
func (p *errorPage) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case common.SizeMsg:
		p.width, p.height = msg.Width, msg.Height
	case common.StylesMsg:
		p.st = msg.Styles
	case tea.KeyPressMsg:
		if common.Matches(msg, p.keys.Interrupt) {
			return p, tea.Interrupt
		}
		return p, func() tea.Msg { return leaveErrorMsg{} }
	}
	return p, nil
}

// View draws the error: a title, the message wrapped, and a hint.
func (p *errorPage) View() string {
	w := max(p.width-2, 1)
	name := p.msg.Name
	if name == "" {
		name = "输入"
	}
	// The file is named by a path shortened in its middle when it does
	// not fit, never broken inside the file's name (common.ShortPath).
	const title = "无法打开 "
	lines := []string{"", " " + p.st.ErrorTitle.Render(wrap.Truncate(title+common.ShortPath(name, w-wrap.StringWidth(title, false)), w, false)), ""}
	text := "(未知错误)"
	if p.msg.Err != nil {
		text = textsafe.Line(p.msg.Err.Error())
		if safe := textsafe.Line(p.msg.Name); safe != "" && strings.Contains(text, safe) {
			// The path and the ':' after it on one line.
			text = strings.ReplaceAll(text, safe, common.ShortPath(safe, w-1))
		}
	}
	for _, l := range wrap.Lines(text, wrap.Options{Width: w}) {
		lines = append(lines, " "+l.Text(text))
	}
	lines = append(lines, "", " "+p.st.Status.Render(wrap.Truncate("按任意键返回", w, false)))
	if len(lines) > p.height {
		lines = lines[:max(p.height, 0)]
	}
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n"
		}
		out += l
	}
	return out
}
