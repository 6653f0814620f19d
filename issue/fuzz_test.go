package issue

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the repo's own samples and small hand-made inputs (never
// the text of ../shared, so that a crasher written to testdata cannot
// carry it into the repository).
func fuzzSeeds(f *testing.F) {
	for _, rel := range []string{"sample.md", "gb18030.txt", "issues/big5.txt", "issues/utf16le-bom.md", "issues/frontmatter.md",
		"issues/note-inline.md", "issues/note-citation.md", "issues/rmrb-1946/1946-05-15_冀中军民合力修堤.md"} {
		data, err := os.ReadFile(samplePath(f, rel))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"## 标题\n\n正文,说到一半,(下转第二版)\n\n# 第二版\n\n## 标题\n\n(上接第一版)另一半。\n",
		"### 引题\n## 主题\n#### 副题\n> 本报讯(记者 甲)\n正文。\n",
		"标题\n　　本报讯 正文第一段，没有结束\n继续的部分。\n",
		"---\ntitle: 题\nauthor: 者\n---\n正文。\n",
		"| a | b |\n| - | - |\n| 1 | 2 |\n\n- 一\n- 二\n\n![图](x.png)\n\n图为示例。\n",
		"第一版 要闻\n\n第二版\n\n广告\n",
		"## \x1b[31m红\x1b[0m\n\n\u202e正文\x07。\n",
		"# 第0版\n\n##\n\n**小标题**\n\n\\# 不是标题\n",
		"## 题\n\n**强调**与*斜体*、`代码`和[链接](http://x.y/a_b)，\\*星号\\*。\n\n- 一\n  - 二\n\n■ 要点\n\n```go\nx := 1\n```\n",
		"# 第1版\n\n<!-- dubao:repeat 2 \"题\" -->\n\n## 题\n\n正文。\n\n<!-- dubao:photo_credit -->\n本报记者  甲摄\n",
	} {
		f.Add([]byte(s))
	}
}

// FuzzParse checks, for any input: no panic; an error is one line and says
// the input is binary or holds no article; no control character reaches
// the model; the model loses no text (checkLossless, on the parse without
// stitching); and the Markdown dubao writes for the issue parses back to
// the same model.
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		is, err := ParseBytes(data, Options{Name: "fuzz", noStitch: true})
		if err != nil {
			if !errors.Is(err, ErrNoArticles) && !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error: %v", err)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("error of more than one line: %q", err)
			}
			return
		}
		out := jsonOf(t, is)
		if !terminalSafe(out) {
			t.Fatalf("control characters in the model: %q", out)
		}
		res, _ := DecodeBytes(data, "")
		if err := checkLossless(string(res.Text), is); err != nil {
			t.Fatalf("lossless: %v", err)
		}
		stitched, err := ParseBytes(data, Options{Name: "fuzz"})
		if err != nil {
			t.Fatalf("stitched parse failed: %v", err)
		}
		var buf bytes.Buffer
		if err := WriteMarkdown(&buf, stitched); err != nil {
			t.Fatal(err)
		}
		back, err := ParseBytes(buf.Bytes(), Options{Name: "markdown"})
		if err != nil {
			t.Fatalf("written markdown does not parse: %v\n%s", err, buf.String())
		}
		if got, want := comparable(t, back), comparable(t, stitched); got != want {
			t.Fatalf("round trip changed the model:\n%s\nmarkdown:\n%s", firstDiff(want, got), buf.String())
		}
		// Each article the outline says reads alone reads alone as the
		// whole parse read it (a shelf search parses only those).
		checkOutline(t, "fuzz", string(res.Text))
	})
}

// terminalSafe reports text with no character that can control a
// terminal (JSON escapes them as \u00XX, so look for those too).
func terminalSafe(s string) bool {
	for _, esc := range []string{`\u001b`, `\u0007`, `\u0000`} {
		if jsonEscapes(s, esc) {
			return false
		}
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == utf8.RuneError:
		case r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0:
			return false
		case r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
			return false
		}
	}
	return true
}

// jsonEscapes reports whether s holds the JSON escape esc itself: its
// backslash not the second of an escaped backslash (\\u0000 is the text
// \u0000, which is harmless).
func jsonEscapes(s, esc string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], esc)
		if i < 0 {
			return false
		}
		i += off
		n := 0
		for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return true
		}
		off = i + 1
	}
}

// TestJSONEscapes: terminalSafe's look for \u00XX in JSON does not take
// an escaped backslash before u00XX for the escape.
func TestJSONEscapes(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{`"a\u0000b"`, true},
		{`"a\\u0000b"`, false},
		{`"a\\\u0000b"`, true},
		{`"\\u0000 \u0000"`, true},
		{`"\\u0000 \\u0000"`, false},
		{`"u0000"`, false},
	} {
		if got := jsonEscapes(tc.s, `\u0000`); got != tc.want {
			t.Errorf("jsonEscapes(%s) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
