package issue

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileSeeds adds the files of testdata/hostile (the hostile corpus,
// see ui/cli/e2e/hostile_test.go) and the repository's samples to the
// seed corpus, each with a forced encoding or none.
func hostileSeeds(f *testing.F) {
	root := repoRoot(f)
	files, _ := filepath.Glob(filepath.Join(root, "testdata", "hostile", "*"))
	for _, rel := range []string{"sample.md", "gb18030.txt", "issues/big5.txt", "issues/utf16le-bom.md"} {
		files = append(files, filepath.Join(root, "testdata", rel))
	}
	if len(files) < 20 {
		f.Fatalf("testdata/hostile is missing (%d files)", len(files))
	}
	for i, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
		f.Add(data, uint8(i%len(fuzzEncodings)))
	}
}

// fuzzEncodings are the encodings FuzzHostile forces ("" detects).
var fuzzEncodings = []string{"", "utf-8", "gb18030", "big5", "utf-16le", "utf-16be", "utf-32le"}

// FuzzHostile checks decoding and parsing as a reader of hostile files
// needs them, for any bytes and any forced encoding: no panic; an error is
// one line that names the source and says that it is binary, empty or
// too large; no string of the model holds a character that can control a
// terminal (C0 and C1 controls, DEL, bidirectional controls, U+FEFF) or
// invalid UTF-8; and the model loses no text of the decoded input
// (checkLossless, on the parse without stitching).
func FuzzHostile(f *testing.F) {
	hostileSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, encoding uint8) {
		enc := fuzzEncodings[int(encoding)%len(fuzzEncodings)]
		opt := Options{Name: "fuzz.md", Encoding: enc, noStitch: true}
		is, err := ParseBytes(data, opt)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "fuzz.md: ") || strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("error %q is not one line naming the source", msg)
			}
			if !errors.Is(err, ErrBinary) && !errors.Is(err, ErrNoArticles) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if out := jsonOf(t, is); !terminalSafe(out) || strings.ContainsAny(out, "\u200e\u200f\u061c\ufeff") {
			t.Fatalf("characters that control a terminal in the model: %q", out)
		}
		for _, a := range is.Articles() {
			for _, p := range a.Pieces() {
				if !utf8.ValidString(p.Text) {
					t.Fatalf("article %d: invalid UTF-8 in %q", a.N, p.Text)
				}
			}
		}
		res, err := DecodeBytes(data, enc)
		if err != nil {
			t.Fatalf("parsed, but does not decode: %v", err)
		}
		if err := checkLossless(string(res.Text), is); err != nil {
			t.Fatalf("lossless (%q): %v", enc, err)
		}
	})
}
