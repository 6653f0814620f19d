package cli

import (
	"fmt"
	"strconv"
	"strings"

	"dubao/ui/styles"
)

// choiceFlag is a flag value that must be one of a fixed set of words.
type choiceFlag struct {
	value   string
	choices []string
}

func newChoice(def string, choices ...string) *choiceFlag {
	return &choiceFlag{value: def, choices: choices}
}

func (c *choiceFlag) String() string { return c.value }
func (c *choiceFlag) Type() string   { return strings.Join(c.choices, "|") }

func (c *choiceFlag) Set(s string) error {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, ch := range c.choices {
		if s == ch {
			c.value = s
			return nil
		}
	}
	return fmt.Errorf("want one of %s", strings.Join(c.choices, ", "))
}

// widthFlag is --width: a number of columns, 0 for no wrapping, or unset.
type widthFlag struct {
	n    int
	set  bool
	auto bool // "auto": the width of the terminal dubao runs in (see App.autoWidth)
}

func (w *widthFlag) String() string {
	switch {
	case w.auto:
		return "auto"
	case !w.set:
		return ""
	}
	return strconv.Itoa(w.n)
}

func (w *widthFlag) Type() string { return "N|auto" }

func (w *widthFlag) Set(s string) error {
	s = strings.TrimSpace(s)
	if s == "auto" {
		w.n, w.set, w.auto = 0, true, true
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("want a number of columns (0 for no wrapping) or auto (the terminal's width)")
	}
	w.n, w.set, w.auto = n, true, false
	return nil
}

// The word lists of the flags.
var (
	styleChoices     = []string{string(styles.Auto), string(styles.Dark), string(styles.Light), string(styles.NoTTY)}
	ambiguousChoices = []string{"narrow", "wide"}
	formatChoices    = []string{"text", "markdown"}
)

// globalFlags are the flags every command takes.
type globalFlags struct {
	style     *choiceFlag // auto|dark|light|notty
	ambiguous *choiceFlag // narrow|wide
	encoding  string      // forced source encoding, "" to detect
	crossFS   bool        // a shelf's walk crosses into other file systems
	format    string      // forced source format, "" to detect
	script    *choiceFlag // none|s2t|t2s|…|auto-s|auto-t: the script text is shown in
}

// styleMode returns the style mode chosen with --style.
func (g *globalFlags) styleMode() styles.Mode {
	m, err := styles.ParseMode(g.style.value)
	if err != nil {
		return styles.Auto
	}
	return m
}

// ambiguousWide reports whether East Asian Ambiguous characters are two
// columns wide (--ambiguous wide).
func (g *globalFlags) ambiguousWide() bool { return g.ambiguous.value == "wide" }
