package textsafe

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/issue/internal/issuegen"
)

func TestJSONSafe(t *testing.T) {
	v := map[string]string{"t": "a\u009bb\u202ec\x7fd\x1be\u3000f"}
	raw, _ := json.Marshal(v)
	safe := JSON(raw)
	for _, bad := range []string{"\u009b", "\u202e", "\x7f", "\x1b"} {
		if strings.Contains(string(safe), bad) {
			t.Errorf("%q left raw in %q", bad, safe)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(safe, &back); err != nil || back["t"] != v["t"] {
		t.Errorf("escaped JSON decodes to %q (%v), want %q", back["t"], err, v["t"])
	}
}

// TestJSONSuspect: every Unsafe character from DEL up starts with a byte
// jsonSuspect marks, so that JSON's fast scan never passes one by.
func TestJSONSuspect(t *testing.T) {
	for r := rune(0x7f); r <= 0x10ffff; r++ {
		if r >= 0xd800 && r <= 0xdfff || !Unsafe(r) {
			continue
		}
		if b := []byte(string(r)); !jsonSuspect[b[0]] {
			t.Errorf("%U starts with %#x, not marked", r, b[0])
		}
	}
}

// TestAppendJSONString: AppendJSONString writes what encoding/json (HTML
// left as it is) and then JSON write, for every character alone and
// between Chinese text, ASCII and punctuation (-short: the Basic
// Multilingual Plane), and for strings with invalid UTF-8, cut
// characters and every escape.
func TestAppendJSONString(t *testing.T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	want := func(s string) []byte {
		buf.Reset()
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		return JSON(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	check := func(s string) {
		t.Helper()
		if got, w := AppendJSONString(nil, s), want(s); !bytes.Equal(got, w) {
			t.Errorf("AppendJSONString(%q) = %s, want %s", s, got, w)
		}
	}
	long := strings.Repeat("正文，“ab”", 4)
	last := rune(utf8.MaxRune)
	if testing.Short() {
		last = 0xffff
	}
	for r := rune(0); r <= last; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		c := string(r)
		check("正文" + c + "“”")
		if r <= 0xffff || r%97 == 0 {
			// Long enough for the vectors (jsonPlainRun), at two places
			// of their blocks.
			check(long + c + long)
			check(long[3:] + "a" + c + long)
		}
		if r <= 0xffff { // four-byte characters are all decoded alike
			check(c)
			check("a" + c + "\u2028ab")
		}
	}
	for _, s := range []string{"", "a\"b\\c", "\n\t\r\b\f\x01\x1f\x7f", "\xff\xfe", "<b>&</b>", "正\xe4\xb8", "\xe4\xb8",
		"\xee\x80文", "\uffff\ue40c\ufeff", "\xed\xa0\x80", "\xe0\x80\x80", "\xe2\x80", "\xe2\x80\xa8\xe2", "，。“”—…（）",
		"\xef\xbb", "\xef\xbb\xbf\xef\xbb\xbf", "\xc2\x9b31m", "\u202e反\u2066"} {
		check(s)
		check(s + s + "尾")
		check(long + s + long + s + long)
	}
	// appended, not overwritten
	if got := string(AppendJSONString([]byte("x:"), "é")); got != `x:"é"` {
		t.Errorf("appended to x: %s", got)
	}
}

// FuzzAppendJSONString: AppendJSONString writes what encoding/json and
// JSON write, on inputs long enough for its vectors (jsonPlainRun).
func FuzzAppendJSONString(f *testing.F) {
	f.Add(strings.Repeat("正文，“ab”\n\"q\\·é", 6))
	f.Add(string(issuegen.Issue(1 << 10)))
	f.Add(strings.Repeat("文", 20) + "\u2028" + strings.Repeat("a", 40) + "\ufeff\x7f" + strings.Repeat("é", 30))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	f.Fuzz(func(t *testing.T, s string) {
		buf.Reset()
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := JSON(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if got := AppendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("AppendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// BenchmarkAppendJSONString measures AppendJSONString on the lines of a
// generated issue of 10 MB (Chinese text with ASCII numbers and markup):
//
//	go test ./issue/textsafe -run '^$' -bench AppendJSONString -count 5
func BenchmarkAppendJSONString(b *testing.B) {
	lines := strings.Split(string(issuegen.Issue(10<<20)), "\n")
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	b.SetBytes(int64(n))
	var out []byte
	for b.Loop() {
		for _, l := range lines {
			out = AppendJSONString(out[:0], l)
		}
	}
}
