package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"dubao/ui/config"
)

// configCommand is `dubao config`.
func (r *runner) configCommand() *cobra.Command {
	var def bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show where the configuration file is, or print the default one",
		Long: `dubao config prints the path of dubao's configuration file,
$XDG_CONFIG_HOME/dubao/config.toml (~/.config/dubao/config.toml when
XDG_CONFIG_HOME is not set), and checks the file: when it is not valid it
says where, as every command does (exit status 1). With --default it
prints the default configuration instead, every setting documented: the
style, the reading measure, the width of ambiguous characters, the script
(繁简) text is shown in and the reader's keys. A missing file means the
defaults; --style, --ambiguous and --script on the command line win over
the file.`,
		Example: `  dubao config --default
  mkdir -p "$(dirname "$(dubao config)")" && dubao config --default > "$(dubao config)"`,
		Args: r.maxArgs(0),
		RunE: r.runE(func(context.Context, *cobra.Command, []string) error {
			if def {
				_, err := io.WriteString(r.stdout, config.Default())
				return err
			}
			p, err := config.Path()
			if err != nil {
				return err
			}
			if _, err = fmt.Fprintln(r.stdout, safeText(p, false)); err != nil {
				return err
			}
			_, err = config.Load()
			return err
		}),
	}
	cmd.Flags().BoolVar(&def, "default", false, "print the default configuration file")
	return cmd
}

// settings returns the settings of a run: the configuration file, then
// the --style, --ambiguous and --script flags given on the command line.
func (r *runner) settings(cmd *cobra.Command) (config.Config, error) {
	cfg, err := config.Load()
	if err != nil {
		return cfg, err
	}
	if cmd.Flags().Changed("style") {
		cfg.Style = r.flags.styleMode()
	}
	if cmd.Flags().Changed("ambiguous") {
		cfg.AmbiguousWide = r.flags.ambiguousWide()
	}
	if c, ok := r.scriptFlag(cmd); ok {
		cfg.Script = c
	}
	return cfg, nil
}
