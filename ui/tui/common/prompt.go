package common

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"dubao/issue/textsafe"
	"dubao/ui/styles"
)

// Prompt is the line at the bottom of a page that asks for a query or a
// command: a text input with the page's styles, which shows the terminal's
// own cursor (so that an input method places its candidate window at the
// text) and never draws what could control the terminal.
type Prompt struct {
	input textinput.Model
	open  bool
}

// NewPrompt returns a closed prompt drawn with st.
func NewPrompt(st styles.Styles) Prompt {
	p := Prompt{input: textinput.New()}
	p.input.SetVirtualCursor(false)
	p.SetStyles(st)
	return p
}

// SetStyles draws the prompt with st.
func (p *Prompt) SetStyles(st styles.Styles) {
	s := p.input.Styles()
	for _, ss := range []*textinput.StyleState{&s.Focused, &s.Blurred} {
		ss.Prompt = st.Prompt
		ss.Text = st.Body
		ss.Placeholder = st.Kicker
	}
	p.input.SetStyles(s)
}

// SetWidth fits the prompt to a terminal w columns wide.
func (p *Prompt) SetWidth(w int) { p.input.SetWidth(max(w-4, 1)) }

// Open opens the prompt, empty, with its prompt text and a placeholder
// (what to type), and returns the command that starts its cursor.
func (p *Prompt) Open(prompt, placeholder string) tea.Cmd {
	p.open = true
	p.input.Prompt = prompt
	p.input.Placeholder = placeholder
	p.input.SetValue("")
	return p.input.Focus()
}

// Close closes the prompt.
func (p *Prompt) Close() {
	p.open = false
	p.input.Blur()
}

// IsOpen reports whether the prompt is open.
func (p *Prompt) IsOpen() bool { return p.open }

// Value returns what was typed.
func (p *Prompt) Value() string { return p.input.Value() }

// SetValue puts text in the prompt, its cursor at the end.
func (p *Prompt) SetValue(text string) {
	p.input.SetValue(text)
	p.input.CursorEnd()
}

// Prompt returns the prompt text ("/", "| ").
func (p *Prompt) Prompt() string { return p.input.Prompt }

// PromptResult says what a key did to the prompt.
type PromptResult uint8

// What a key did to the prompt.
const (
	PromptKept      PromptResult = iota // the text is unchanged (a cursor motion)
	PromptEdited                        // the text changed
	PromptDone                          // enter: the prompt is closed, Value is the answer
	PromptCancelled                     // esc: the prompt is closed
)

// Key handles a key while the prompt is open: enter answers, esc cancels
// (both close the prompt), ↑ brings back last (the last query, when not
// empty and not what is typed), and other keys edit the text.
func (p *Prompt) Key(msg tea.KeyPressMsg, k *KeyMap, last string) (PromptResult, tea.Cmd) {
	switch {
	case Matches(msg, k.Confirm):
		p.Close()
		return PromptDone, nil
	case msg.String() == "up" && last != "" && p.input.Value() != last:
		p.input.SetValue(last)
		p.input.CursorEnd()
		return PromptEdited, nil
	case Matches(msg, k.Cancel):
		p.Close()
		return PromptCancelled, nil
	}
	return p.Update(msg)
}

// Update gives the text input a message other than a key (a paste, its
// cursor's blink).
func (p *Prompt) Update(msg tea.Msg) (PromptResult, tea.Cmd) {
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		return PromptEdited, cmd
	}
	return PromptKept, cmd
}

// View draws the prompt cut to w columns, without the characters that
// could control the terminal but the input's own styling. bubbles'
// textinput measures its placeholder in columns but cuts it in runes, so
// that a Chinese placeholder comes out followed by NUL characters, one per
// column too many; and it keeps the bidirectional controls of pasted text.
func (p *Prompt) View(w int) string {
	return TruncateANSI(strings.Map(func(r rune) rune {
		if r != 0x1b && textsafe.Line(string(r)) == "" {
			return -1
		}
		return r
	}, p.input.View()), w)
}

// Cursor returns the terminal cursor at the insertion point of the prompt
// on the last line of a w×h screen.
func (p *Prompt) Cursor(w, h int, ambWide bool) *tea.Cursor {
	runes := []rune(p.input.Value())
	pos := min(max(p.input.Position(), 0), len(runes))
	x := StringWidth(p.input.Prompt, ambWide) + StringWidth(string(runes[:pos]), ambWide)
	return tea.NewCursor(min(x, max(w-1, 0)), h-1)
}
