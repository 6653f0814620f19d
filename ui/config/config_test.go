package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dubao/issue/script"
	"dubao/ui/styles"
)

func TestDefaultParsesToDefaults(t *testing.T) {
	c, err := Parse([]byte(Default()), "default")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, Defaults()) {
		t.Errorf("Default() parses to %+v, want %+v", c, Defaults())
	}
	for _, a := range Actions() {
		if !strings.Contains(Default(), "\n"+a.Name+" = ") {
			t.Errorf("Default() does not document %s", a.Name)
		}
	}
}

func TestParse(t *testing.T) {
	c, err := Parse([]byte(`
style = "light"
measure = 36
ambiguous = "wide"
script = "auto-s"

[keys]
down = ["x", "ctrl+n"]
quit = ["Q"]
`), "c.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Style != styles.Light || c.Measure != 36 || !c.AmbiguousWide || c.Script != script.AutoS {
		t.Errorf("settings: %+v", c)
	}
	if got := c.Keys[ActDown]; !reflect.DeepEqual(got, []string{"x", "ctrl+n"}) {
		t.Errorf("down keys %v", got)
	}
	if got := c.Keys[ActUp]; !reflect.DeepEqual(got, []string{"k", "up"}) {
		t.Errorf("up keys lost their default: %v", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"syntax", "style = \"dark\"\nmeasure = = 3\n", "c.toml:2:"},
		{"type", "style = \"dark\"\n\nmeasure = \"wide\"\n", "c.toml:3:"},
		{"unknown setting", "\ncolour = \"red\"\n", `c.toml:2: unknown setting "colour"`},
		{"bad style", "style = \"pink\"\n", `c.toml:1: unknown style "pink"`},
		{"measure range", "# x\nmeasure = 5\n", "c.toml:2: measure 5 is out of range"},
		{"ambiguous", "ambiguous = \"maybe\"\n", "c.toml:1: ambiguous must be"},
		{"script", "\nscript = \"s2j\"\n", `c.toml:2: unknown script conversion "s2j"`},
		{"script type", "script = 1\n", "c.toml:1: script must be a string"},
		{"unknown action", "[keys]\ndown = [\"j\"]\nfly = [\"f\"]\n", `c.toml:3: unknown action "fly"`},
		{"bad key", "[keys]\n\nup = [\"ctlr+k\"]\n", `c.toml:3: up: unknown modifier "ctlr"`},
		{"unknown named key", "[keys]\nup = [\"pageup\"]\n", `c.toml:2: up: unknown key "pageup"`},
		{"no key", "[keys]\nup = []\n", `c.toml:2: action "up" has no key`},
		{"blank key", "[keys]\nup = [\" \"]\n", `c.toml:2: up: a blank key`},
		{"twice", "[keys]\nsearch = [\"j\"]\n", `c.toml:2: key "j" is bound to both down and search`},
		{"dotted", "keys.up = [\"ctlr+k\"]\n", `c.toml:1: up: unknown modifier`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse([]byte(tc.text), "c.toml")
			if err == nil {
				t.Fatalf("no error")
			}
			if !strings.HasPrefix(err.Error(), tc.want) && !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
			if !reflect.DeepEqual(c, Defaults()) {
				t.Errorf("an invalid config does not give the defaults")
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	p, err := Path()
	if err != nil || p != filepath.Join(dir, "dubao", "config.toml") {
		t.Fatalf("Path() = %q, %v", p, err)
	}
	c, err := Load()
	if err != nil || !reflect.DeepEqual(c, Defaults()) {
		t.Errorf("missing file: %+v, %v", c, err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("measure = 30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err = Load()
	if err != nil || c.Measure != 30 || c.Path != p {
		t.Errorf("Load: %+v, %v", c, err)
	}
	if err := os.WriteFile(p, []byte("measure = 3000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err = Load(); err == nil || !strings.HasPrefix(err.Error(), p+":1: ") {
		t.Errorf("invalid file: %v", err)
	}
	// a directory where the file should be
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(p, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err = Load(); err == nil {
		t.Errorf("a directory as config gives no error")
	}
	// XDG_CONFIG_HOME must be absolute; otherwise ~/.config
	t.Setenv("XDG_CONFIG_HOME", "relative")
	t.Setenv("HOME", dir)
	if p, _ := Path(); p != filepath.Join(dir, ".config", "dubao", "config.toml") {
		t.Errorf("relative XDG_CONFIG_HOME: %q", p)
	}
}

func TestCheckKey(t *testing.T) {
	for _, k := range []string{"j", "G", "?", "+", "中", "ctrl+d", "alt+shift+x", "pgdown", "f12", "space", "esc"} {
		if err := checkKey(k); err != nil {
			t.Errorf("checkKey(%q): %v", k, err)
		}
	}
	for _, k := range []string{"", " ", "jk", "ctrl+", "hyperspace", "ctrl+pageup", "meta+f13"} {
		if err := checkKey(k); err == nil {
			t.Errorf("checkKey(%q) accepted", k)
		}
	}
}

// TestTypesetting: punctuation and paragraphs default to full-width and
// indent-only; "as-written" and "spaced" turn them off; other values are
// errors naming the line.
func TestTypesetting(t *testing.T) {
	d := Defaults()
	if !d.FullWidthPunct || !d.IndentOnly {
		t.Errorf("defaults: full-width %v, indent only %v", d.FullWidthPunct, d.IndentOnly)
	}
	c, err := Parse([]byte("punctuation = \"as-written\"\nparagraphs = \"spaced\"\n"), "c.toml")
	if err != nil || c.FullWidthPunct || c.IndentOnly {
		t.Errorf("as-written, spaced: %+v, %v", c, err)
	}
	for _, bad := range []string{"punctuation = \"half\"\n", "\nparagraphs = \"blank\"\n"} {
		if _, err := Parse([]byte(bad), "c.toml"); err == nil || !strings.Contains(err.Error(), "c.toml:") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// TestTwoWordSettings: each setting that says one of two words takes
// both, whatever the default, and names both when given another.
func TestTwoWordSettings(t *testing.T) {
	for _, tc := range []struct {
		text string
		get  func(Config) bool
		want bool
		err  string
	}{
		{`ambiguous = "narrow"`, func(c Config) bool { return c.AmbiguousWide }, false, ""},
		{`ambiguous = "wide"`, func(c Config) bool { return c.AmbiguousWide }, true, ""},
		{`ambiguous = "Wide"`, nil, false, `c.toml:1: ambiguous must be "narrow" or "wide", not "Wide"`},
		{`punctuation = "full-width"`, func(c Config) bool { return c.FullWidthPunct }, true, ""},
		{`punctuation = "as-written"`, func(c Config) bool { return c.FullWidthPunct }, false, ""},
		{`punctuation = ""`, nil, false, `c.toml:1: punctuation must be "full-width" or "as-written", not ""`},
		{`paragraphs = "indent"`, func(c Config) bool { return c.IndentOnly }, true, ""},
		{`paragraphs = "spaced"`, func(c Config) bool { return c.IndentOnly }, false, ""},
		{`paragraphs = "wide"`, nil, false, `c.toml:1: paragraphs must be "indent" or "spaced", not "wide"`},
	} {
		c, err := Parse([]byte(tc.text+"\n"), "c.toml")
		switch {
		case tc.err != "" && (err == nil || err.Error() != tc.err):
			t.Errorf("%s: error %v, want %s", tc.text, err, tc.err)
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.text, err)
		case tc.err == "" && tc.get(c) != tc.want:
			t.Errorf("%s: sets %v, want %v", tc.text, tc.get(c), tc.want)
		}
	}
}
