package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"dubao/issue"
	"dubao/issue/script"
)

// scriptChoices are the words --script takes.
var scriptChoices = append([]string{"none"}, script.Names()...)

// scriptFlag returns the conversion --script names, and whether the flag
// was given on the command line.
func (r *runner) scriptFlag(cmd *cobra.Command) (script.Conversion, bool) {
	if !cmd.Flags().Changed("script") {
		return script.None, false
	}
	c, err := script.Parse(r.flags.script.value)
	if err != nil { // the choice flag let only known names through
		return script.None, false
	}
	return c, true
}

// converterFor returns the converter that shows is in the script c asks
// for: auto-s and auto-t are resolved by the script of is. It returns nil
// (show as written) for none.
func converterFor(c script.Conversion, is *issue.Issue) (*script.Converter, error) {
	if c.Auto() {
		c = c.ResolveCounts(script.CountIssue(is))
	}
	return loadConverter(c)
}

// converterForText is converterFor for lines of text of one issue (a
// shelf's search hits, its paper names), auto resolved by their script.
func converterForText(c script.Conversion, texts ...string) (*script.Converter, error) {
	if c.Auto() {
		var n script.Counts
		for _, t := range texts {
			if n.Add(t) {
				break
			}
		}
		c = c.ResolveCounts(n)
	}
	return loadConverter(c)
}

// loadConverter loads the converter of c (nil for none).
func loadConverter(c script.Conversion) (*script.Converter, error) {
	cv, err := script.Load(c)
	if err != nil {
		return nil, fmt.Errorf("--script %s: %w", c, err)
	}
	return cv, nil
}
