package issue_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/issue"
)

// This file tests the parser on the hostile corpus of testdata/hostile
// (written by ui/cli/e2e/hostile_test.go): a file whose name starts with
// "bad-" must be refused with a one-line error that names it; any other
// must parse into a model in which no string holds a character that can
// control a terminal.

// hostileDir returns testdata/hostile, above the package folder.
func hostileDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "hostile")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test folder")
		}
		dir = parent
	}
}

// unsafeRune reports a character that must not be in the model: a C0
// control (a line break neither: strings of the model are single lines
// or paragraphs), DEL, a C1 control, a bidirectional control, U+FEFF.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

// checkModel fails for a string of the model that is not valid UTF-8 or
// holds an unsafe character.
func checkModel(t *testing.T, is *issue.Issue) {
	t.Helper()
	data, err := json.Marshal(is)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case string:
			for _, r := range v {
				if unsafeRune(r) {
					t.Errorf("the model holds %U at %s: %q", r, path, v)
					return
				}
			}
		case []any:
			for _, e := range v {
				walk(path+"[]", e)
			}
		case map[string]any:
			for k, e := range v {
				walk(path+"."+k, e)
			}
		}
	}
	walk("", v)
	// encoding/json replaces invalid UTF-8: look at the strings themselves.
	for _, a := range is.Articles() {
		for _, p := range a.Pieces() {
			if !utf8.ValidString(p.Text) {
				t.Errorf("article %d: a piece is not valid UTF-8: %q", a.N, p.Text)
			}
		}
	}
}

func TestHostileCorpus(t *testing.T) {
	dir := hostileDir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			is, err := issue.ParseBytes(data, issue.Options{Name: name})
			if strings.HasPrefix(name, "bad-") {
				switch {
				case err == nil:
					t.Fatalf("a bad file parses: %d articles", is.Count())
				case !strings.HasPrefix(err.Error(), name+": ") || strings.ContainsAny(err.Error(), "\n\r"):
					t.Errorf("error %q is not one line naming the file", err)
				case !errors.Is(err, issue.ErrBinary) && !errors.Is(err, issue.ErrNoArticles):
					t.Errorf("error %q is neither ErrBinary nor ErrNoArticles", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("does not parse: %v", err)
			}
			checkModel(t, is)
			for _, enc := range []string{"utf-8", "gb18030", "big5", "utf-16le", "utf-16be"} {
				// Forced the wrong way, still nothing unsafe (or an error).
				if is, err := issue.ParseBytes(data, issue.Options{Name: name, Encoding: enc}); err == nil {
					checkModel(t, is)
				}
			}
		})
	}
}

// TestRandomBytesAreBinary: random bytes (compressed or encrypted data,
// anything without a known signature) are binary, not a damaged issue in
// some legacy encoding: about one byte in ten of random data is a C0
// control, which no text has, and every candidate encoding reads them
// with many invalid sequences (decode.looksRandom). Checking only for a
// quarter of the characters invalid, or for many NUL and control bytes,
// let most of them through as GB18030 with a few hundred U+FFFD.
func TestRandomBytesAreBinary(t *testing.T) {
	passed := 0
	for seed := range uint64(10) {
		for _, n := range []int{512, 2048, 64 << 10} {
			rng := rand.New(rand.NewPCG(seed, 99))
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(rng.Uint32())
			}
			is, err := issue.ParseBytes(b, issue.Options{Name: "random.bin"})
			if !errors.Is(err, issue.ErrBinary) {
				passed++
				if passed <= 3 {
					enc := ""
					if is != nil {
						enc = is.Encoding
					}
					t.Errorf("%d random bytes (seed %d): %v, read as %s; want %v", n, seed, err, enc, issue.ErrBinary)
				}
			}
		}
	}
	if passed > 0 {
		t.Errorf("%d of 30 random inputs were not refused as binary", passed)
	}
}

// TestShortDamagedUTF8: a short UTF-8 file with a few bad bytes (a stray
// byte, a character cut short) is UTF-8 with those bytes replaced, not
// GB18030 mojibake — which replaces as many bytes and garbles the rest.
func TestShortDamagedUTF8(t *testing.T) {
	for _, src := range []string{
		"## 标题\xff\n\n正文\xe4\xb8。\n",
		"## 标题\n\n正文。\xe4\xb8",
	} {
		is, err := issue.ParseBytes([]byte(src), issue.Options{Name: "short.md"})
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if a := is.Articles()[0]; is.Encoding != "UTF-8" || !strings.HasPrefix(a.Title, "标题") {
			t.Errorf("%q: read as %s, title %q; want UTF-8, 标题", src, is.Encoding, a.Title)
		}
	}
}
