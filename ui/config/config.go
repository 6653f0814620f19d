// Package config reads dubao's configuration file,
// $XDG_CONFIG_HOME/dubao/config.toml (~/.config/dubao/config.toml when
// XDG_CONFIG_HOME is not set): the reader's keys, its default reading
// measure, the style, the width of ambiguous characters and the script
// (繁简) text is shown in.
//
// A missing file means the defaults. A file that is not valid gives an
// error naming the file and the line, never a crash. Default returns the
// documented default file, which `dubao config --default` prints.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"

	"dubao/issue/safefile"
	"dubao/issue/script"
	"dubao/ui/styles"
)

// Measure limits: the reading measure is counted in 汉字 (two columns each).
const (
	DefaultMeasure = 40
	MinMeasure     = 10
	MaxMeasure     = 200
)

// Config is dubao's configuration.
type Config struct {
	// Style is the colour style: auto, dark, light or notty.
	Style styles.Mode
	// Measure is the default reading measure in 汉字: the article's text
	// column is at most 2×Measure columns wide.
	Measure int
	// AmbiguousWide counts East Asian Ambiguous characters as two columns.
	AmbiguousWide bool
	// Script is the conversion text is shown with (繁简): none, an OpenCC
	// conversion such as t2s, or auto-s / auto-t.
	Script script.Conversion
	// FullWidthPunct sets a source's half-width , ( ) ; : ? ! full width
	// between Chinese text when shown (punctuation = "full-width", the
	// default); "as-written" shows them as the source has them.
	FullWidthPunct bool
	// IndentOnly sets paragraphs as print does, each one's first line
	// indented by two 汉字 and no blank line between them (paragraphs =
	// "indent", the default); "spaced" adds a blank line between them.
	IndentOnly bool
	// Keys maps every action (see Actions) to its keys.
	Keys map[string][]string
	// Path is the file the configuration was read from; empty for the
	// defaults.
	Path string
}

// Defaults returns the configuration used when there is no file.
func Defaults() Config {
	c := Config{Style: styles.Auto, Measure: DefaultMeasure, FullWidthPunct: true, IndentOnly: true, Keys: map[string][]string{}}
	for _, a := range Actions() {
		c.Keys[a.Name] = slices.Clone(a.Keys)
	}
	return c
}

// Path returns where the configuration file lives:
// $XDG_CONFIG_HOME/dubao/config.toml, else ~/.config/dubao/config.toml.
func Path() (string, error) {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("config: no home directory: %w", err)
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "dubao", "config.toml"), nil
}

// Load reads the configuration file at Path; a missing file gives the
// defaults.
func Load() (Config, error) {
	p, err := Path()
	if err != nil {
		return Defaults(), err
	}
	return LoadFile(p)
}

// LoadFile reads the configuration file at path; a missing file gives the
// defaults. Only a regular file of at most safefile.MaxSmall bytes is
// read: a named pipe, a device (a link to /dev/zero) or a huge file is an
// error naming it, with the defaults.
func LoadFile(path string) (Config, error) {
	data, err := safefile.ReadSmall(path, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return Defaults(), nil
	}
	if err != nil {
		return Defaults(), fmt.Errorf("config: %w", err)
	}
	c, err := Parse(data, path)
	c.Path = path
	return c, err
}

// file is the shape of the configuration file.
type file struct {
	Style     *string             `toml:"style"`
	Measure   *int                `toml:"measure"`
	Ambiguous *string             `toml:"ambiguous"`
	Script    *string             `toml:"script"`
	Punct     *string             `toml:"punctuation"`
	Paras     *string             `toml:"paragraphs"`
	Keys      map[string][]string `toml:"keys"`
}

// Parse reads a configuration from data; name names it in errors
// ("NAME:LINE: what is wrong"). Settings that are absent keep their
// defaults. On error the defaults are returned with it.
func Parse(data []byte, name string) (Config, error) {
	c := Defaults()
	var f file
	// A byte order mark (editors on Windows write one) is not a setting.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Defaults(), decodeError(name, err)
	}
	bad := func(table, key, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, lineOf(data, table, key), fmt.Sprintf(format, args...))
	}
	if f.Style != nil {
		m, err := styles.ParseMode(*f.Style)
		if err != nil {
			return Defaults(), bad("", "style", "%v", err)
		}
		c.Style = m
	}
	if f.Measure != nil {
		if *f.Measure < MinMeasure || *f.Measure > MaxMeasure {
			return Defaults(), bad("", "measure", "measure %d is out of range (%d to %d 字)", *f.Measure, MinMeasure, MaxMeasure)
		}
		c.Measure = *f.Measure
	}
	// The settings that say one of two words.
	for _, o := range []struct {
		v             *string
		key           string
		first, second string
		firstSets     bool // what first sets *set to; second sets the opposite
		set           *bool
	}{
		{f.Ambiguous, "ambiguous", "narrow", "wide", false, &c.AmbiguousWide},
		{f.Punct, "punctuation", "full-width", "as-written", true, &c.FullWidthPunct},
		{f.Paras, "paragraphs", "indent", "spaced", true, &c.IndentOnly},
	} {
		if o.v == nil {
			continue
		}
		switch *o.v {
		case o.first:
			*o.set = o.firstSets
		case o.second:
			*o.set = !o.firstSets
		default:
			return Defaults(), bad("", o.key, "%s must be %q or %q, not %q", o.key, o.first, o.second, *o.v)
		}
	}
	if f.Script != nil {
		sc, err := script.Parse(*f.Script)
		if err != nil {
			return Defaults(), bad("", "script", "%v", err)
		}
		c.Script = sc
	}
	// Keys: check every action and key, then look for a key bound twice.
	names := make([]string, 0, len(f.Keys))
	for action := range f.Keys {
		names = append(names, action)
	}
	slices.Sort(names)
	for _, action := range names {
		keys := f.Keys[action]
		if _, ok := c.Keys[action]; !ok {
			return Defaults(), bad("keys", action, "unknown action %q (see dubao config --default)", action)
		}
		if len(keys) == 0 {
			return Defaults(), bad("keys", action, "action %q has no key", action)
		}
		for _, k := range keys {
			if err := checkKey(k); err != nil {
				return Defaults(), bad("keys", action, "%s: %v", action, err)
			}
			if why := reserved(k); why != "" {
				return Defaults(), bad("keys", action, "key %q of %s can never be used: %s", k, action, why)
			}
		}
		c.Keys[action] = slices.Clone(keys)
	}
	owner := map[string]string{}
	for _, a := range Actions() {
		for _, k := range c.Keys[a.Name] {
			if prev, ok := owner[k]; ok {
				where := a.Name
				if _, set := f.Keys[where]; !set {
					where = prev
				}
				return Defaults(), bad("keys", where, "key %q is bound to both %s and %s", k, prev, a.Name)
			}
			owner[k] = a.Name
		}
	}
	return c, nil
}

// decodeError turns a TOML error into "NAME:LINE: message".
func decodeError(name string, err error) error {
	var se *toml.StrictMissingError
	if errors.As(err, &se) && len(se.Errors) > 0 {
		e := se.Errors[0]
		row, _ := e.Position()
		return fmt.Errorf("%s:%d: unknown setting %q", name, row, strings.Join(e.Key(), "."))
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		if key := de.Key(); len(key) > 0 && strings.Contains(de.Error(), "cannot decode") {
			want := "a string"
			switch {
			case key[0] == "measure":
				want = "a whole number"
			case key[0] == "keys" && len(key) == 1:
				want = "a table: [keys]"
			case key[0] == "keys":
				want = `a list of keys such as ["j", "down"]`
			}
			return fmt.Errorf("%s:%d: %s must be %s", name, row, strings.Join(key, "."), want)
		}
		return fmt.Errorf("%s:%d: %s", name, row, strings.TrimPrefix(de.Error(), "toml: "))
	}
	return fmt.Errorf("%s: %w", name, err)
}

// tableLine and keyLine match a TOML table header and a key's line, for
// lineOf; compiled on first use (a config error), not at every start-up.
var (
	tableLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]`) })
	keyLine   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*"?([^"=\s]+)"?\s*=`) })
)

// lineOf returns the 1-based line that sets key in table ("" for the top
// level), or 0 when it cannot be found.
func lineOf(data []byte, table, key string) int {
	cur := ""
	for i, line := range strings.Split(string(data), "\n") {
		if m := tableLine().FindStringSubmatch(line); m != nil {
			cur = m[1]
			continue
		}
		m := keyLine().FindStringSubmatch(line)
		if m == nil {
			continue
		}
		k := m[1]
		if cur == table && k == key || cur == "" && table != "" && k == table+"."+key {
			return i + 1
		}
	}
	return 0
}

// reserved returns why the key k can never be bound to an action (the
// reader takes it first, whatever the configuration says), or "".
func reserved(k string) string {
	switch {
	case len(k) == 1 && '0' <= k[0] && k[0] <= '9':
		return "digits jump to headline N"
	case k == "ctrl+c":
		return "ctrl+c always quits"
	}
	return ""
}

// namedKeys are the key names (besides single characters) that bubbletea
// reports and a binding may use.
var namedKeys = []string{
	"up", "down", "left", "right", "home", "end", "pgup", "pgdown",
	"enter", "tab", "backspace", "esc", "space", "delete", "insert",
	"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12",
}

var modifiers = []string{"ctrl", "alt", "shift", "meta", "super", "hyper"}

// checkKey reports whether k names a key as bubbletea writes it: a single
// character, or a named key, optionally after modifiers ("ctrl+d").
func checkKey(k string) error {
	if k == "" {
		return errors.New("empty key name")
	}
	if len([]rune(k)) == 1 {
		if strings.TrimSpace(k) == "" {
			return errors.New(`a blank key: write "space"`)
		}
		return nil
	}
	parts := strings.Split(k, "+")
	base := parts[len(parts)-1]
	for _, m := range parts[:len(parts)-1] {
		if !slices.Contains(modifiers, m) {
			return fmt.Errorf("unknown modifier %q in key %q", m, k)
		}
	}
	if len([]rune(base)) == 1 || slices.Contains(namedKeys, base) {
		return nil
	}
	return fmt.Errorf("unknown key %q", k)
}
