package common

import (
	"dubao/issue/script"
	"dubao/ui/render"
	"dubao/ui/state"
	"dubao/ui/styles"
)

// Env is what the root model shares with its pages: read-only settings,
// and the one way to save reading state. A page keeps its own copy (and its
// own copy of Keys), and takes new styles from StylesMsg.
type Env struct {
	Keys    KeyMap
	St      styles.Styles
	Rnd     *render.Renderer
	Measure int // the configured reading measure, in 汉字 (= restores it)
	Current int // the reading measure to start with (kept across issues)
	AmbWide bool
	// Script is how the text is shown (繁简): the configured conversion
	// (config script, --script), or the one chosen with the reader's key
	// for the issue before, which the next issue starts with.
	Script script.Conversion
	// FullWidthPunct and IndentOnly are how text is set (config
	// punctuation and paragraphs; see render.Options).
	FullWidthPunct, IndentOnly bool
	// Save writes an issue's reading state in the background; it returns
	// a message for the status line when saving fails (once).
	Save func(*state.Issue) string
	// SaveNow writes an issue's reading state at once, for what the user
	// asked to keep (a bookmark): it returns "" when it is kept, else
	// why not — the change then lasts for this session only.
	SaveNow func(*state.Issue) string
}

// SetStyles changes the styles, and the renderer that draws with them.
func (e *Env) SetStyles(st styles.Styles) {
	e.St = st
	e.Rnd = render.New(st)
}
