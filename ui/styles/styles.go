// Package styles holds every style dubao draws with: the roles of article
// text (kicker, title, byline, jump lines, search matches, …) and the
// chrome of the reader (masthead, headline list, status line, help).
//
// Styles are values built by a constructor — New for a coloured palette
// that works on a dark or a light background, NoColor for NO_COLOR and
// Plain for output without any escape sequence — never package variables.
package styles

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
)

// Mode names a style choice as given on the command line or in the
// config file.
type Mode string

// The style modes.
const (
	Auto  Mode = "auto"  // detect the terminal background
	Dark  Mode = "dark"  // colours for a dark background
	Light Mode = "light" // colours for a light background
	NoTTY Mode = "notty" // no colours: no escape sequences in printed text, only attributes in the reader
)

// ParseMode checks a style name ("auto", "dark", "light", "notty"; empty
// means auto).
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return Auto, nil
	case Auto, Dark, Light, NoTTY:
		return m, nil
	}
	return "", fmt.Errorf("unknown style %q (want auto, dark, light or notty)", s)
}

// Styles is the complete set of styles of dubao.
type Styles struct {
	// Name is "dark", "light", "nocolor" or "plain".
	Name string
	// Plain is true when nothing may be styled at all (the notty style).
	Plain bool

	// Article text.
	Kicker    lipgloss.Style // 引题, above the title
	Title     lipgloss.Style // 主题
	Subtitle  lipgloss.Style // 副题
	Byline    lipgloss.Style // 本报讯…, 新华社…电
	Body      lipgloss.Style // paragraphs
	Jump      lipgloss.Style // (下转第七版): a link to another page
	Heading   lipgloss.Style // a crosshead inside the body
	Quote     lipgloss.Style // block quote text
	Item      lipgloss.Style // list item text
	Caption   lipgloss.Style // image caption
	Image     lipgloss.Style // the image placeholder
	Marker    lipgloss.Style // decorations: bullets, quote bars, cut marks
	Match     lipgloss.Style // a search match
	MatchCur  lipgloss.Style // the current search match
	Separator lipgloss.Style // the rule between the list and the article

	// Code blocks, by the kind of token (highlighted through glamour);
	// text that is none of these is drawn as Code.
	Code        lipgloss.Style // code: a code span, or a code block's plain text
	CodeKeyword lipgloss.Style // a keyword (func, if, return)
	CodeString  lipgloss.Style // a string or character literal
	CodeNumber  lipgloss.Style // a number
	CodeComment lipgloss.Style // a comment
	CodeName    lipgloss.Style // a function, a type, a tag

	// Structure of web and archive bodies (issue kinds of the same names).
	Attribution lipgloss.Style // who said a quote: ——习近平, set apart
	Credit      lipgloss.Style // a photo or layout credit: 本报记者  李  舸摄
	EndByline   lipgloss.Style // a byline ending the article or a part: （记者 …）

	// Reader chrome.
	Masthead     lipgloss.Style // the masthead bar
	PageHeader   lipgloss.Style // a page (版) header in the headline list
	Number       lipgloss.Style // a headline number
	Headline     lipgloss.Style // a headline
	ListKicker   lipgloss.Style // a kicker in the headline list
	Selected     lipgloss.Style // the selected headline, list focused
	SelectedBlur lipgloss.Style // the selected headline, article focused
	Status       lipgloss.Style // the status line
	StatusKey    lipgloss.Style // emphasised status text (版 3/8)
	StatusError  lipgloss.Style // an error message in the status line
	StatusInfo   lipgloss.Style // an information message in the status line
	Prompt       lipgloss.Style // the prompt of / and |
	HelpKey      lipgloss.Style // a key in the help overlay
	HelpDesc     lipgloss.Style // its description
	HelpTitle    lipgloss.Style // a heading in the help overlay
	ErrorTitle   lipgloss.Style // the title of the error view
	// PaneTitle marks the pane that has the keys (its heading or rule);
	// PaneTitleBlur the other one.
	PaneTitle     lipgloss.Style
	PaneTitleBlur lipgloss.Style
}

// ForMode returns the styles for a mode. Auto uses isDark (the detected
// background); NO_COLOR (noColor) turns a coloured palette into NoColor.
func ForMode(m Mode, isDark, noColor bool) Styles {
	switch m {
	case NoTTY:
		return Plain()
	case Dark:
		isDark = true
	case Light:
		isDark = false
	}
	if noColor {
		return NoColor()
	}
	return New(isDark)
}

// ForBackground returns the styles for a mode and the terminal's
// background as far as it is known: auto with a background not known
// (known false: the terminal did not answer) gets the Fallback palette,
// which reads on both, unless NO_COLOR (noColor) asks for none; every
// other choice is ForMode's.
func ForBackground(m Mode, isDark, known, noColor bool) Styles {
	if m == Auto && !known && !noColor {
		return Fallback()
	}
	return ForMode(m, isDark, noColor)
}

// New returns the coloured styles for a dark (isDark) or light background,
// as the terminal answered the background query.
func New(isDark bool) Styles {
	if isDark {
		return build("dark", darkPalette)
	}
	return build("light", lightPalette)
}

// Fallback returns the coloured styles for a terminal whose background is
// not known (it did not answer the query, as tmux 3.3 and GNU screen do
// not): every colour reads on a white and on a black background alike —
// text at least 4.5:1, marks at least 3:1 against both (mid-tones of a
// narrow band of lightness) — and the selection is reverse video, whatever
// the terminal's own colours.
func Fallback() Styles {
	return build("fallback", fallbackPalette)
}

// palette is the colours of one style set. A colour left nil (selBg)
// means the selection is reverse video.
type palette struct {
	dim     color.Color // secondary text: kickers, numbers, captions
	soft    color.Color // quieter text than the body: subtitles, quotes; nil: the terminal's own
	accent  color.Color // page headers, crossheads, the prompt, errors
	link    color.Color // jump lines, links, information
	rule    color.Color // the rule between the panes, bullets, frames
	selBg   color.Color // the selected headline's background; nil: reverse video
	matchBg color.Color // a search match's background (text black)
	curBg   color.Color // the current match's background (text black)
	mastBg  color.Color // the masthead bar (text white)
}

var (
	// lightPalette is for a light background (checked against white).
	lightPalette = palette{
		dim: c("#6c6c6c"), soft: c("#3a3a3a"), accent: c("#b3261e"), link: c("#1d5fb4"), rule: c("#8c8c8c"),
		selBg: c("#dcdcdc"), matchBg: c("#ffe58a"), curBg: c("#ff9e3d"), mastBg: c("#b3261e"),
	}
	// darkPalette is for a dark background (checked against black).
	darkPalette = palette{
		dim: c("#8f8f8f"), soft: c("#c6c6c6"), accent: c("#ff6f61"), link: c("#7fb2ff"), rule: c("#666666"),
		selBg: c("#3a3a3a"), matchBg: c("#ffd24d"), curBg: c("#ff9e3d"), mastBg: c("#c62828"),
	}
	// fallbackPalette reads on both (checked against white and black).
	fallbackPalette = palette{
		dim: c("#767676"), accent: c("#dd3328"), link: c("#1f75d3"), rule: c("#8c8c8c"),
		matchBg: c("#ffd24d"), curBg: c("#ff9e3d"), mastBg: c("#b3261e"),
	}
)

// c is a colour given in hex.
func c(hex string) color.Color { return lipgloss.Color(hex) }

// build returns the styles of a palette.
func build(name string, p palette) Styles {
	white, black := c("#ffffff"), c("#000000")
	s := Styles{Name: name}
	st := lipgloss.NewStyle
	soft := st()
	if p.soft != nil {
		soft = soft.Foreground(p.soft)
	}
	s.Kicker = st().Foreground(p.dim)
	s.Title = st().Bold(true).Foreground(p.accent) // above the crossheads in weight
	s.Subtitle = soft
	s.Byline = st().Bold(true)
	s.Body = st()
	s.Jump = st().Foreground(p.link).Underline(true)
	s.Heading = st().Bold(true)
	s.Quote = soft
	s.Item = st()
	s.Caption = st().Foreground(p.dim)
	s.Image = st().Foreground(p.dim)
	s.Marker = st().Foreground(p.dim) // bullets, but also the cut mark and the jump lines of a seam: text
	s.Match = st().Background(p.matchBg).Foreground(black)
	s.MatchCur = st().Background(p.curBg).Foreground(black).Bold(true)
	s.Separator = st().Foreground(p.rule)
	s.Code = soft
	s.CodeKeyword = st().Foreground(p.accent)
	s.CodeString = st().Foreground(p.link)
	s.CodeNumber = st().Foreground(p.accent)
	s.CodeComment = st().Foreground(p.dim).Italic(true)
	s.CodeName = st().Bold(true)
	s.Attribution = st().Foreground(p.dim)
	s.Credit = st().Foreground(p.dim)
	s.EndByline = st().Foreground(p.dim)

	s.Masthead = st().Bold(true).Foreground(white).Background(p.mastBg)
	s.PageHeader = st().Bold(true).Foreground(p.accent)
	s.Number = st().Foreground(p.dim)
	s.Headline = st()
	s.ListKicker = st().Foreground(p.dim)
	if p.selBg != nil {
		s.Selected = st().Bold(true).Background(p.selBg)
	} else {
		s.Selected = st().Bold(true).Reverse(true)
	}
	s.SelectedBlur = st().Bold(true).Foreground(p.accent)
	s.Status = st().Foreground(p.dim)
	s.StatusKey = st().Bold(true)
	s.StatusError = st().Bold(true).Foreground(p.accent)
	s.StatusInfo = st().Foreground(p.link)
	s.Prompt = st().Bold(true).Foreground(p.accent)
	s.HelpKey = st().Bold(true)
	s.HelpDesc = st().Foreground(p.dim)
	s.HelpTitle = st().Bold(true).Foreground(p.accent)
	s.ErrorTitle = st().Bold(true).Foreground(p.accent)
	s.PaneTitle = st().Bold(true).Foreground(p.accent)
	s.PaneTitleBlur = st().Foreground(p.dim)
	return s
}

// FewColors returns s for a terminal of 16 colours or fewer, where a
// colour is whatever the terminal's theme makes of the nearest of its 16
// (a dark grey background often becomes an invisible black): the
// selection and search matches are drawn with reverse video and
// underlines instead of background colours. Styles without colour are
// returned as they are.
func (s Styles) FewColors() Styles {
	if s.Plain || s.Name == "nocolor" {
		return s
	}
	st := lipgloss.NewStyle
	s.Selected = st().Bold(true).Reverse(true)
	s.Match = st().Underline(true).Bold(true)
	s.MatchCur = st().Reverse(true).Bold(true)
	s.Masthead = st().Bold(true).Reverse(true)
	s.Name += "-16"
	return s
}

// NoColor returns styles that use attributes (bold, underline, reverse)
// but no colour, for NO_COLOR.
func NoColor() Styles {
	st := lipgloss.NewStyle
	s := Styles{Name: "nocolor"}
	s.Kicker = st().Faint(true)
	s.Title = st().Bold(true)
	s.Subtitle = st()
	s.Byline = st().Bold(true)
	s.Body = st()
	s.Jump = st().Underline(true)
	s.Heading = st().Bold(true)
	s.Quote = st()
	s.Item = st()
	s.Caption = st().Faint(true)
	s.Image = st().Faint(true)
	s.Marker = st().Faint(true)
	s.Match = st().Underline(true)
	s.MatchCur = st().Reverse(true)
	s.Separator = st()
	s.CodeKeyword = st().Bold(true)
	s.CodeComment = st().Faint(true)
	s.Attribution = st().Faint(true)
	s.Credit = st().Faint(true)
	s.EndByline = st().Faint(true)

	s.Masthead = st().Bold(true).Reverse(true)
	s.PageHeader = st().Bold(true)
	s.Number = st().Faint(true)
	s.Headline = st()
	s.ListKicker = st().Faint(true)
	s.Selected = st().Reverse(true)
	s.SelectedBlur = st().Bold(true).Underline(true)
	s.Status = st()
	s.StatusKey = st().Bold(true)
	s.StatusError = st().Bold(true)
	s.StatusInfo = st()
	s.Prompt = st().Bold(true)
	s.HelpKey = st().Bold(true)
	s.HelpDesc = st()
	s.HelpTitle = st().Bold(true)
	s.ErrorTitle = st().Bold(true)
	s.PaneTitle = st().Bold(true).Reverse(true)
	s.PaneTitleBlur = st().Faint(true)
	return s
}

// Plain returns styles that add no escape sequence at all (the notty
// style): every style is empty.
func Plain() Styles {
	return Styles{Name: "plain", Plain: true}
}
