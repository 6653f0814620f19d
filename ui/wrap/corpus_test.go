package wrap

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// repoRoot returns the directory holding go.mod, walking up from the
// package directory.
func repoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the package directory")
		}
		dir = parent
	}
}

// findShared returns ../shared/rel from the repo root and whether it exists
// (the shared corpus lives beside the repo, not in it).
func findShared(tb testing.TB, rel string) (string, bool) {
	tb.Helper()
	p := filepath.Join(repoRoot(tb), "..", "shared", rel)
	_, err := os.Stat(p)
	return p, err == nil
}

// skipNoShared skips the test because ../shared/rel is absent.
func skipNoShared(tb testing.TB, rel string) {
	tb.Helper()
	tb.Skipf("skipping: ../shared/%s not found (a fresh clone has no shared corpus)", rel)
}

// paragraphs returns the non-empty lines of text, without line terminators.
func paragraphs(text string) []string {
	var ps []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) != "" {
			ps = append(ps, line)
		}
	}
	return ps
}

const (
	seedFile = "seed/000_f6fea3e315053468.txt"
	realDir  = "real/people-daily-2019-10-02"
)

// seedParagraphs returns the paragraphs (non-empty lines) of the sample
// issue, skipping the test when it is absent.
func seedParagraphs(tb testing.TB) []string {
	tb.Helper()
	ps, ok := readSeed(tb)
	if !ok {
		skipNoShared(tb, seedFile)
	}
	return ps
}

// readSeed returns the paragraphs of the sample issue, if present.
func readSeed(tb testing.TB) ([]string, bool) {
	tb.Helper()
	p, ok := findShared(tb, seedFile)
	if !ok {
		return nil, false
	}
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return paragraphs(string(data)), true
}

// realParagraphs returns every paragraph line of the real national daily,
// skipping the test when it is absent.
func realParagraphs(tb testing.TB) []string {
	tb.Helper()
	ps, ok := readReal(tb)
	if !ok {
		skipNoShared(tb, realDir)
	}
	return ps
}

// readReal returns every paragraph line of the real national daily, if
// present.
func readReal(tb testing.TB) ([]string, bool) {
	tb.Helper()
	dir, ok := findShared(tb, realDir)
	if !ok {
		return nil, false
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no articles in %s: %v", dir, err)
	}
	var ps []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		ps = append(ps, paragraphs(string(data))...)
	}
	return ps, true
}

// sampleParagraphs returns the paragraphs of the repo's own sample issues
// (testdata/*.md, testdata/*.txt and below testdata/issues), decoding UTF-16
// (with BOM), Big5 (a file named *big5*) and GB18030 files. It returns
// nothing when there are none yet.
func sampleParagraphs(tb testing.TB) []string {
	tb.Helper()
	root := filepath.Join(repoRoot(tb), "testdata")
	var files []string
	for _, pat := range []string{"*.md", "*.txt", "issues/*.md", "issues/*.txt", "issues/*/*.md", "issues/*/*.txt"} {
		m, _ := filepath.Glob(filepath.Join(root, pat))
		files = append(files, m...)
	}
	sort.Strings(files)
	var ps []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		if strings.Contains(strings.ToLower(filepath.Base(f)), "big5") {
			out, _, err := transform.Bytes(traditionalchinese.Big5.NewDecoder(), data)
			if err != nil {
				tb.Fatalf("%s: %v", f, err)
			}
			data = out
		}
		if text, ok := decodeSample(data); ok {
			ps = append(ps, paragraphs(text)...)
		}
	}
	return ps
}

// decodeSample decodes a sample file as UTF-8, UTF-16 with a byte-order
// mark, or GB18030, whichever fits.
func decodeSample(data []byte) (string, bool) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		out, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data)
		return string(out), err == nil && utf8.Valid(out)
	}
	if utf8.Valid(data) {
		return string(data), true
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}
