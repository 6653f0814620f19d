package render

import (
	"fmt"
	"image/color"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
	"github.com/alecthomas/chroma/v2"
	chromastyles "github.com/alecthomas/chroma/v2/styles"
	xansi "github.com/charmbracelet/x/ansi"

	"dubao/issue"
	"dubao/ui/styles"
)

// Fenced code is highlighted through glamour: the block is rendered as
// Markdown by glamour's code block renderer, which tokenises it with chroma
// in a chroma style made of dubao's code styles (Styles.CodeKeyword, …),
// and glamour's colours are laid onto the lines our layout broke the code
// into — the text, its line breaks and its positions stay ours (search,
// the reading position), the colours are glamour's. Code that glamour does
// not give back as it is (a tab expanded, a line wrapped) keeps the plain
// code style.

// codeTheme returns the name of the chroma style made of st's code styles,
// registered with chroma (once per palette); "" when st has no colours to
// give (the notty style).
func codeTheme(st styles.Styles) string {
	if st.Plain {
		return ""
	}
	entries := chroma.StyleEntries{
		chroma.Background:    "",
		chroma.Text:          chromaEntry(st.Code),
		chroma.Keyword:       chromaEntry(st.CodeKeyword),
		chroma.Name:          chromaEntry(st.Code),
		chroma.NameFunction:  chromaEntry(st.CodeName),
		chroma.NameClass:     chromaEntry(st.CodeName),
		chroma.NameTag:       chromaEntry(st.CodeName),
		chroma.NameBuiltin:   chromaEntry(st.CodeName),
		chroma.LiteralString: chromaEntry(st.CodeString),
		chroma.LiteralNumber: chromaEntry(st.CodeNumber),
		chroma.Comment:       chromaEntry(st.CodeComment),
		chroma.Operator:      chromaEntry(st.Code),
		chroma.Punctuation:   chromaEntry(st.Code),
	}
	var key strings.Builder
	for _, t := range []chroma.TokenType{chroma.Text, chroma.Keyword, chroma.NameFunction, chroma.LiteralString, chroma.LiteralNumber, chroma.Comment} {
		key.WriteString(entries[t] + "|")
	}
	themes.Lock()
	defer themes.Unlock()
	name, ok := themes.names[key.String()]
	if !ok {
		name = fmt.Sprintf("dubao-%d", len(themes.names)+1)
		chromastyles.Register(chroma.MustNewStyle(name, entries))
		themes.names[key.String()] = name
	}
	return name
}

// themes are the chroma styles registered, by their entries: chroma's
// registry is global, so a palette is registered once and under a name of
// its own (glamour's own Chroma setting registers its first palette only).
var themes = struct {
	sync.Mutex
	names map[string]string
}{names: map[string]string{}}

// chromaEntry writes a lipgloss style as a chroma style entry: its
// foreground colour and bold, italic and underline.
func chromaEntry(s lipgloss.Style) string {
	var parts []string
	if c := s.GetForeground(); !isNoColor(c) {
		r, g, b, _ := color.RGBAModel.Convert(c).RGBA()
		parts = append(parts, fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8))
	}
	for _, a := range []struct {
		set  bool
		name string
	}{{s.GetBold(), "bold"}, {s.GetItalic(), "italic"}, {s.GetUnderline(), "underline"}} {
		if a.set {
			parts = append(parts, a.name)
		}
	}
	return strings.Join(parts, " ")
}

// codeStyle is the glamour style that renders a code block in theme: no
// margins, nothing around the code.
func codeStyle(theme string) ansi.StyleConfig {
	var cfg ansi.StyleConfig
	zero := uint(0)
	cfg.Document.Margin = &zero
	cfg.CodeBlock.Margin = &zero
	cfg.CodeBlock.Theme = theme
	return cfg
}

// codeCacheSize bounds the number of highlighted code blocks a renderer
// keeps.
const codeCacheSize = 64

// codeKey is a code block and its language.
type codeKey struct{ code, lang string }

// highlightedCode returns code, in language lang, as glamour highlights it
// with the renderer's code styles: one styled string a line of code, or
// nil when glamour's lines are not the code's (see the comment above).
// Highlighting does not depend on the width (about 3 ms for 30 lines), so
// the blocks highlighted last are kept for the layouts at other widths.
// The result must not be modified.
func (r *Renderer) highlightedCode(code, lang string) []string {
	if r.codeTheme == "" || code == "" {
		return nil
	}
	return r.code.get(codeKey{code, lang}, func() []string { return r.highlight(code, lang) })
}

// highlight is highlightedCode without the cache.
func (r *Renderer) highlight(code, lang string) []string {
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	md := fence + strings.Map(func(r rune) rune {
		if r == '`' || r == '\n' {
			return -1
		}
		return r
	}, lang) + "\n" + code + "\n" + fence + "\n"
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(codeStyle(r.codeTheme)), glamour.WithWordWrap(0),
		glamour.WithChromaFormatter("terminal16m")) // our palette as it is: the terminal's profile downsamples it
	if err != nil {
		return nil
	}
	out, err := tr.Render(md)
	if err != nil {
		return nil
	}
	lines := strings.Split(out, "\n")
	// glamour sets a block apart with blank lines: the code's lines are
	// the run that starts with its first one
	src := strings.Split(code, "\n")
	start := 0
	for start < len(lines) && strings.TrimRight(xansi.Strip(lines[start]), " ") != strings.TrimRight(src[0], " ") {
		start++
	}
	if start+len(src) > len(lines) {
		return nil
	}
	lines = lines[start : start+len(src)]
	for i, s := range lines {
		if strings.TrimRight(xansi.Strip(s), " ") != strings.TrimRight(src[i], " ") {
			return nil
		}
	}
	return lines
}

// highlightCode gives the lines ls of code piece p (laid out by layRun,
// its marker first) glamour's colours: each line's styled form is its
// marker in the marker style, then its part of a line of code as glamour
// drew it.
func (l *Layout) highlightCode(p int, ls []Line) {
	if l.r == nil || l.opt.Plain {
		return
	}
	piece := l.pieces[p]
	lang := ""
	if piece.Block >= 0 && piece.Block < len(l.article.Blocks) {
		lang = l.article.Blocks[piece.Block].Lang
	}
	hl := l.r.highlightedCode(piece.Text, lang)
	if hl == nil {
		return
	}
	// where each line of code starts in the piece's text
	starts := []int{0}
	for i, c := range []byte(piece.Text) {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	for k := range ls {
		ln := &ls[k]
		var b strings.Builder
		ok := true
		for _, s := range ln.Spans {
			text := ln.Text[s.Start:s.End]
			if s.Piece != p {
				write(&b, l.r.sgr[s.Role], text)
				continue
			}
			row := 0
			for row+1 < len(starts) && starts[row+1] <= s.Offset {
				row++
			}
			col := s.Offset - starts[row]
			part, found := sliceStyled(hl[row], col, col+len(text))
			if !found {
				ok = false
				break
			}
			b.WriteString(part)
		}
		if ok {
			ln.styled = b.String()
		}
	}
}

// sliceStyled returns bytes [from, to) of the text of styled (a line with
// SGR sequences), with the sequences in effect at from before it and a
// reset after it; found is false when styled's text is shorter than to.
func sliceStyled(styled string, from, to int) (string, bool) {
	toks, ok := sgrTokens(styled)
	if !ok {
		return "", false
	}
	var state []string
	var b strings.Builder
	pos, open := 0, false
	for _, t := range toks {
		if t.esc {
			if isReset(t.s) {
				state = state[:0]
			} else {
				state = append(state, t.s)
			}
			if pos >= from && pos < to {
				b.WriteString(t.s)
				open = !isReset(t.s) || open
			}
			continue
		}
		if pos >= to {
			break
		}
		if pos == from {
			for _, s := range state {
				b.WriteString(s)
			}
			open = len(state) > 0
		}
		if pos >= from {
			b.WriteString(t.s)
		}
		pos += len(t.s)
	}
	if pos < to {
		return "", false
	}
	if open {
		b.WriteString("\x1b[0m")
	}
	return b.String(), true
}

// codePiece returns the piece of unit u when it is a code block's, or −1.
func (l *Layout) codePiece(u *unit) int {
	if u.kind == unitText && u.first < len(l.pieces) && l.pieces[u.first].Kind == issue.PieceCode {
		return u.first
	}
	return -1
}
