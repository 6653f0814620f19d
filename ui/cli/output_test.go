package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSafeText checks the last guard before stdout on any input: the plain
// text has no escape character, no control character but tab and newline,
// no bidi control, no trailing space and is valid UTF-8; the styled text
// keeps only SGR and OSC 8 sequences; both are unchanged by a second pass;
// and JSON text escaped by jsonSafe still decodes to the same string.
func FuzzSafeText(f *testing.F) {
	for _, s := range []string{
		"青溪日报\n第二行 \n",
		"\x1b[1;31m题\x1b[0m\x1b]0;evil\x07\x1b]52;c;eA==\x1b\\",
		"\x1b]8;;http://x\x1b\\链\x1b]8;;\x1b\\",
		"a\u009b31mb\u202ec\u2066d\x00e\x7f\xff\xe4\xb8",
		"\x1b[", "\x1b]", "\x1bP", "\x1b", " \n \n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain := safeText(s, false)
		if !utf8.ValidString(plain) {
			t.Fatalf("plain output is not UTF-8: %q", plain)
		}
		for i, line := range strings.Split(plain, "\n") {
			if strings.HasSuffix(line, " ") {
				t.Fatalf("plain line %d ends in a space: %q", i, line)
			}
		}
		for _, r := range plain {
			if r == 0x1b || isUnsafeRune(r) {
				t.Fatalf("plain output holds %U: %q", r, plain)
			}
		}
		if again := safeText(plain, false); again != plain {
			t.Fatalf("plain pass is not idempotent: %q → %q", plain, again)
		}

		styled := safeText(s, true)
		for i := 0; i < len(styled); {
			if styled[i] == 0x1b {
				n, keep := escapeSequence(styled[i:])
				if !keep {
					t.Fatalf("styled output keeps sequence %q", styled[i:i+n])
				}
				i += n
				continue
			}
			r, size := utf8.DecodeRuneInString(styled[i:])
			if isUnsafeRune(r) || r == utf8.RuneError && size == 1 {
				t.Fatalf("styled output holds %U: %q", r, styled)
			}
			i += size
		}
		if again := safeText(styled, true); again != styled {
			t.Fatalf("styled pass is not idempotent: %q → %q", styled, again)
		}

		raw, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back, want string
		_ = json.Unmarshal(raw, &want)
		if err := json.Unmarshal(jsonSafe(raw), &back); err != nil || back != want {
			t.Fatalf("jsonSafe changed the string: %q → %q (%v)", want, back, err)
		}
	})
}
