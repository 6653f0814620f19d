package cli

import (
	"math/rand/v2"
	"testing"

	"dubao/issue/textsafe"
)

func TestShellEscape(t *testing.T) {
	for name, want := range map[string]string{
		"plain.md":      "plain.md",
		"2024/03/08.md": "2024/03/08.md",
		"青溪日报.md":       "青溪日报.md",
		"space name.md": "'space name.md'",
		"it's.md":       `'it'\''s.md'`,
		"$HOME":         "'$HOME'",
		`a\b.md`:        `'a\b.md'`,
		"tab\there":     `'tab'$'\t''here'`,
		"new\nline":     `'new'$'\n''line'`,
		"esc\x1b[31m":   `'esc'$'\033''[31m'`,
		"bad\xff\xfe":   `'bad'$'\377'$'\376'`,
		"\x1b":          `$'\033'`,
		"c1\u009bx":     `'c1'$'\302\233''x'`,
		"bidi\u202e.md": `'bidi'$'\342\200\256''.md'`,
		"~home":         "'~home'",
		"":              "''",
		"it's\ta":       `'it'\''s'$'\t''a'`,
	} {
		if got := shellEscape(name); got != want {
			t.Errorf("shellEscape(%q) = %s, want %s", name, got, want)
		}
	}
}

// TestQuoteRoundTrip: every name, whatever its bytes, comes back from its
// quoted form, which is always safe to print.
func TestQuoteRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 19))
	alphabet := []string{"a", "报", " ", "'", `"`, `\`, "$", "\t", "\n", "\x1b", "\xff", "\u202e", "\u009b", "~", "-", "/", "纸", "\x00", "$'", "''"}
	for range 5000 {
		var name string
		for range rng.IntN(12) {
			name += alphabet[rng.IntN(len(alphabet))]
		}
		q := shellEscape(name)
		if textsafe.Line(q) != q {
			t.Fatalf("shellEscape(%q) = %q is not safe to print", name, q)
		}
		back, err := unquoteName(q)
		if err != nil || back != name {
			t.Fatalf("unquoteName(shellEscape(%q) = %s) = %q, %v", name, q, back, err)
		}
	}
}

func TestUnquoteName(t *testing.T) {
	for in, want := range map[string]string{
		`'a b'`:                   "a b",
		`"a \"b\" \$x"`:           `a "b" $x`,
		`a\ b`:                    "a b",
		`$'\e[31m\x41\u62a5\101'`: "\x1b[31mA报A",
		`'it'\''s'`:               "it's",
	} {
		if got, err := unquoteName(in); err != nil || got != want {
			t.Errorf("unquoteName(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{`'open`, `"open`, `$'open`} {
		if _, err := unquoteName(bad); err == nil {
			t.Errorf("unquoteName(%s): no error", bad)
		}
	}
}
