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
	NoTTY Mode = "notty" // no escape sequences at all
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

// New returns the coloured styles for a dark (isDark) or light background.
func New(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	var (
		dim     = ld(c("#6c6c6c"), c("#8f8f8f"))
		soft    = ld(c("#3a3a3a"), c("#c6c6c6"))
		red     = ld(c("#b3261e"), c("#ff6f61"))
		link    = ld(c("#1d5fb4"), c("#7fb2ff"))
		selBg   = ld(c("#dcdcdc"), c("#3a3a3a"))
		matchBg = ld(c("#ffe58a"), c("#6b5a00"))
		curBg   = ld(c("#ff9e3d"), c("#c25e00"))
		white   = c("#ffffff")
		black   = c("#000000")
	)
	s := Styles{Name: "dark"}
	if !isDark {
		s.Name = "light"
	}
	st := lipgloss.NewStyle
	s.Kicker = st().Foreground(dim)
	s.Title = st().Bold(true)
	s.Subtitle = st().Foreground(soft)
	s.Byline = st().Bold(true)
	s.Body = st()
	s.Jump = st().Foreground(link).Underline(true)
	s.Heading = st().Bold(true).Foreground(red)
	s.Quote = st().Foreground(soft).Italic(true)
	s.Item = st()
	s.Caption = st().Foreground(dim).Italic(true)
	s.Image = st().Foreground(dim)
	s.Marker = st().Foreground(dim)
	s.Match = st().Background(matchBg).Foreground(ld(black, white))
	s.MatchCur = st().Background(curBg).Foreground(ld(black, white)).Bold(true)
	s.Separator = st().Foreground(ld(c("#c8c8c8"), c("#4a4a4a")))

	s.Masthead = st().Bold(true).Foreground(white).Background(red)
	s.PageHeader = st().Bold(true).Foreground(red)
	s.Number = st().Foreground(dim)
	s.Headline = st()
	s.ListKicker = st().Foreground(dim)
	s.Selected = st().Bold(true).Background(selBg)
	s.SelectedBlur = st().Bold(true).Foreground(red)
	s.Status = st().Foreground(soft)
	s.StatusKey = st().Bold(true)
	s.StatusError = st().Bold(true).Foreground(red)
	s.StatusInfo = st().Foreground(link)
	s.Prompt = st().Bold(true).Foreground(red)
	s.HelpKey = st().Bold(true)
	s.HelpDesc = st().Foreground(dim)
	s.HelpTitle = st().Bold(true).Foreground(red)
	s.ErrorTitle = st().Bold(true).Foreground(red)
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
	s.Quote = st().Italic(true)
	s.Item = st()
	s.Caption = st().Italic(true)
	s.Image = st().Faint(true)
	s.Marker = st().Faint(true)
	s.Match = st().Underline(true)
	s.MatchCur = st().Reverse(true)
	s.Separator = st()

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
	return s
}

// Plain returns styles that add no escape sequence at all (the notty
// style): every style is empty.
func Plain() Styles {
	return Styles{Name: "plain", Plain: true}
}
