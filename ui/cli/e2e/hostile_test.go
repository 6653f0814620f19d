//go:build unix

package e2e

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"dubao/issue"
)

// The hostile corpus: testdata/hostile holds files that attack a terminal
// through the text of an issue, files with broken bytes, and files that
// are not issues at all. They are generated from the table below (go test
// ./ui/cli/e2e -run TestHostileCorpus -write-hostile rewrites them), so
// that each file's bytes can be read here in Go's escapes; TestHostileCorpus
// fails when the folder and the table differ.
//
// File names: a name starting with "bad-" is a file dubao must refuse
// with one line on stderr; every other file must open. The tests of the
// parser (issue/hostile_test.go) and of the reader (ui/hostile_test.go)
// read the folder with the same convention.

var writeHostile = flag.Bool("write-hostile", false, "rewrite testdata/hostile from the table in hostile_test.go")

// hostileTemplate is a small fictional issue with a slot {X} in every
// place text can be: the masthead, a page name, a kicker, a title, a
// subtitle, a byline, paragraphs, a crosshead, a quote, list items, table
// cells (header and body), an image's alt text and caption, jump lines. A
// slot always sits between two Han characters, so that a payload cut short
// (an unterminated escape sequence) cannot take a neighbouring ASCII byte
// with it.
const hostileTemplate = `白沙晚报{X}社出版

2024年3月8日 星期五 第5678号 今日二版

# 第一版 要闻{X}速览

### 春{X}耕时节
## 白沙河两岸{X}油菜花开
#### 沿河十{X}二个村迎来赏花客

本报讯(记者 周{X}小川)3月7日,白沙河两岸的油菜花进入盛花期,{X}沿河步道上游人如织。

附近的村民在路边摆起小摊,卖自家做的米糕{X}和腌菜,一个上午能卖出几十份。

**赏花{X}提示**

> 周末人多,建议错峰{X}出行。

- 北岸步道:适合{X}步行
- 南岸观景台:适合拍{X}照

| 地点{X}名称 | 花期 |
| --- | --- |
| 北岸{X}步道 | 3月上旬 |
| 南岸 | 3月{X}中旬 |

![油菜{X}花田](flowers.png)

图为白沙河北岸的油菜花田。{X}记者 周小川 摄

河道管理部门提醒,近期将进行清{X}淤作业,请游客注意安全。(下转第二{X}版)

## 老街{X}茶馆重新开张

本报讯(记者 林{X}雨)修缮一新的老街茶馆3月6日重新开张,{X}老茶客们又能在这里听书喝茶了。

茶馆的木门窗按老样子重新做过,柜台后面挂着一排铜壶,墙上贴着几十年前的价目表,一碗大碗茶当年只卖两分钱。

开张当天,说书人讲了一段家乡的旧事,台下坐满了街坊邻居,有人特地带着孙子来听,说要让孩子知道老街从前的样子。

茶馆负责人说,今后每周六下午都有评书和曲艺表演,平日里也欢迎附近的老人来坐坐,喝茶聊天不限时间。

# 第二版 城市{X}生活

## 白沙河两岸油菜花开

(上接第一版)游客们纷纷表示,明年还要{X}再来。

沿河的几家农家乐这个周末都已订满,不少店主临时在院子里加了桌椅,还请来亲戚帮忙洗菜端盘子。

## 社区图书角添了{X}新书

本报讯 城东社区图书角本周新到图书三百余册,{X}其中一半是儿童绘本。

图书角由居民捐赠的旧书架改成,每天早八点到晚八点开放,借书只需登记姓名和门牌号,不收任何费用。
`

// fill returns the template with its slots filled in turn by payloads
// (the i-th slot gets payloads[i mod len(payloads)]).
func fill(payloads ...string) string {
	parts := strings.Split(hostileTemplate, "{X}")
	var b strings.Builder
	for i, p := range parts {
		b.WriteString(p)
		if i < len(parts)-1 {
			b.WriteString(payloads[i%len(payloads)])
		}
	}
	return b.String()
}

// hostileCase is one file of the corpus.
type hostileCase struct {
	name string
	data []byte
	// clean, when set, is what the file must read as: the same issue
	// with the attack taken out (or replaced by what it becomes, a line
	// break for a line separator, U+FFFD for a bad byte). The JSON of the
	// two must be the same but for the encoding and the count of bad bytes.
	clean []byte
	// want are the words the one error line must hold besides the file
	// name, for a file that must be refused ("bad-…").
	want []string
}

// hostileCases is the table the corpus is generated from.
func hostileCases() []hostileCase {
	var cs []hostileCase
	// attack adds a file whose slots get the hostile payloads; the clean
	// twin gets clean[i] for payload i (one clean form for all, or one
	// each).
	attack := func(name string, hostile []string, clean ...string) {
		c := make([]string, len(hostile))
		for i := range c {
			if len(clean) == 1 {
				c[i] = clean[0]
			} else {
				c[i] = clean[i]
			}
		}
		cs = append(cs, hostileCase{name: name, data: []byte(fill(hostile...)), clean: []byte(fill(c...))})
	}
	// only adds a file that must open, with no clean twin: what it holds
	// (zero-width and combining characters) stays.
	only := func(name, data string) { cs = append(cs, hostileCase{name: name, data: []byte(data)}) }
	bad := func(name string, data []byte, want ...string) {
		cs = append(cs, hostileCase{name: "bad-" + name, data: data, want: want})
	}

	// Escape sequences: CSI (erase, colours, alternate screen, cursor
	// report and window report queries that make the terminal answer),
	// OSC (clipboard write and read, window and icon title, palette,
	// background query, hyperlinks, iTerm2 file transfer), DCS (termcap
	// query, sixel, status string request, tmux passthrough), SOS, PM,
	// APC, and the short ESC sequences (reset, cursor save/restore,
	// line-drawing charset, screen alignment fill).
	attack("csi.md", []string{"\x1b[2J", "\x1b[31m", "\x1b[?1049h", "\x1b[6n", "\x1b[1;31;4;5;7m", "\x1b[38;2;255;0;0m",
		"\x1b[10000A", "\x1b[H\x1b[K", "\x1b[0m", "\x1b[>c", "\x1b[21t", "\x1b[?25l", "\x1b[", "\x1b[?1000h\x1b[?1006h"}, "")
	attack("osc52-clipboard.md", []string{"\x1b]52;c;ZWNobyBoYWNrZWQ=\x07", "\x1b]52;p;aGk=\x1b\\", "\x1b]52;c;?\x07", "\x1b]52;;\x07"}, "")
	attack("osc-title.md", []string{"\x1b]0;pwned\x07", "\x1b]2;标题\x1b\\", "\x1b]1;icon\x07", "\x1b]4;1;rgb:ff/00/00\x07",
		"\x1b]11;?\x07", "\x1b]7;file:///etc\x07", "\x1b]1337;File=name=eA==;inline=1:aGk=\x07"}, "")
	attack("osc8-hyperlink.md", []string{"\x1b]8;;https://example.com/\x1b\\", "\x1b]8;;\x1b\\", "\x1b]8;id=1;file:///etc/passwd\x07"}, "")
	attack("dcs-sos-pm-apc.md", []string{"\x1bP+q544e\x1b\\", "\x1bPq#0;2;0;0;0#0~~@@vv@@~~\x1b\\", "\x1bP$qm\x1b\\",
		"\x1bPtmux;\x1b\x1b]0;x\x07\x1b\\", "\x1bX sos \x1b\\", "\x1b^ pm \x1b\\", "\x1b_ apc \x1b\\"}, "")
	// A control string never terminated: it ends at the end of its line,
	// which goes with it (a terminal would have swallowed it too), but
	// no further.
	only("unterminated.md", fill("\x1b]0;", "\x1bP", "\x1b_", "\u009d", "\x1b]52;c;", ""))
	attack("esc-short.md", []string{"\x1bc", "\x1b7", "\x1b8", "\x1b(0", "\x1b#8", "\x1bD", "\x1bM", "\x1b=", "\x1b>",
		"\x1bN", "\x1b%G", "\x1b", "\x1b\x1b\x1b"}, "")
	// C1 controls written as characters (U+0080–U+009F in UTF-8): CSI,
	// OSC and DCS with their string terminator, and single controls.
	attack("c1-utf8.md", []string{"\u009b2J", "\u009b31m", "\u009d0;pwned\u009c", "\u009d52;c;aGk=\u0007", "\u0090q\u009c",
		"\u0098sos\u009c", "\u009e\u009c", "\u009f\u009c", "\u0084", "\u008d", "\u0096", "\u0080", "\u009c"}, "")
	// C1 controls as raw bytes in a UTF-8 file: invalid UTF-8, each
	// becomes U+FFFD, and the bytes after it are text.
	attack("c1-raw-bytes.md", []string{"\x9b2J", "\x9b31m", "\x9d0;x\x9c", "\x90", "\x85", "\x80"},
		"\ufffd2J", "\ufffd31m", "\ufffd0;x\ufffd", "\ufffd", "\ufffd", "\ufffd")
	attack("c0-controls.md", []string{"\x00", "\x01", "\x02", "\x03", "\x04", "\x05", "\x06", "\x07", "\x08", "\x0e", "\x0f",
		"\x10", "\x11", "\x12", "\x13", "\x14", "\x15", "\x16", "\x17", "\x18", "\x19", "\x1a", "\x1c", "\x1d", "\x1e", "\x1f", "\x7f"}, "")
	attack("nul.md", []string{"\x00"}, "")
	attack("bel-backspace.md", []string{"\x07", "\x08\x08\x08假", "\x07\x07\x07", "\x08"}, "", "假", "", "")
	// A carriage return alone would send the cursor back over the line
	// on a terminal: it is a line break. So are NEL, the Unicode line
	// and paragraph separators, VT and FF; a tab is a space.
	attack("cr-overwrite.md", []string{"\r假新闻"}, "\n假新闻")
	attack("line-separators.md", []string{"\u0085", "\u2028", "\u2029", "\v", "\f"}, "\n")
	attack("tabs.md", []string{"\t", "\t\t"}, " ", "  ")
	// Bidirectional embeddings, overrides, isolates and marks (Trojan
	// Source): removed, so they cannot reorder what the screen shows.
	attack("bidi.md", []string{"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
		"\u200e", "\u200f", "\u061c", "\u202e\u2066"}, "")
	// Zero-width and combining characters are text: they stay, and
	// must not break width accounting. U+FEFF is removed.
	only("zero-width.md", fill("\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufe0f", "\u180e", "\u034f", "\ufeff", "\u200b\u200b\u200b"))
	only("combining.md", fill("e\u0301", "\u0301\u0301\u0301", "a"+zalgo(40), "\u20dd", "汉\u0332", "\u3099", zalgo(120)))
	only("widths.md", fill("👨\u200d👩\u200d👧\u200d👦", "🇨🇳", "🇦", "👍🏽", "〽️", "⌚\ufe0e", "𠀀", "\ue000", "\U000e0001",
		"\ufff9注\ufffb", "ᄀ\u1161", "\u115f", "\u3164", "ｗｉｄｅ", "“…—·”", "\uffff", "\U0010ffff", "ด้้้้้้้", "\u0bcd",
		strings.Repeat("x", 300), "https://example.com/"+strings.Repeat("a/", 100), strings.Repeat("9", 120)))
	// Bad bytes: invalid UTF-8 everywhere (lone continuation bytes,
	// overlong forms, surrogates, code points past U+10FFFF, cut
	// sequences), and a multi-byte character cut by the end of the file.
	attack("invalid-utf8.md", []string{"\xff", "\xfe", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe4\xb8", "\x80",
		"\xf8\x88\x80\x80\x80", "\xc3"}, "\ufffd")
	cs = append(cs,
		hostileCase{name: "truncated-eof.md", data: []byte(fill("") + "最后一个字\xe4\xb8"), clean: []byte(fill("") + "最后一个字\ufffd")},
		hostileCase{name: "truncated-eof-4byte.md", data: []byte(fill("") + "表情\xf0\x9f\x98"), clean: []byte(fill("") + "表情\ufffd")},
	)
	// Other encodings: UTF-16 without a byte order mark (read by its
	// shape), and escape sequences that only appear once the bytes are
	// decoded (UTF-16 with BOM, GB18030).
	plain := fill("")
	cs = append(cs,
		hostileCase{name: "utf16le-nobom.txt", data: utf16Bytes(plain, xunicode.LittleEndian, false), clean: []byte(plain)},
		hostileCase{name: "utf16be-nobom.txt", data: utf16Bytes(plain, xunicode.BigEndian, false), clean: []byte(plain)},
	)
	encAttack := []string{"\x1b[2J", "\x1b]52;c;aGk=\x07", "\u009b31m", "\u202e", "\x07", "\x1b]0;x\x1b\\"}
	cs = append(cs,
		hostileCase{name: "utf16le-bom-escapes.txt", data: utf16Bytes(fill(encAttack...), xunicode.LittleEndian, true), clean: []byte(plain)},
		hostileCase{name: "gb18030-escapes.txt", data: gb18030Bytes(fill(encAttack...)), clean: []byte(plain)},
	)
	// Structure gone wrong: huge and negative numbers, deep nesting and
	// markup never closed, front matter never closed, a thousand
	// articles, words longer than any line.
	only("numbers.md", numbersIssue)
	only("markup.md", markupIssue())
	only("frontmatter-unclosed.md", "---\ntitle: 没有结束的前置元数据\nauthor: 周小川\n\n## 白沙河两岸油菜花开\n\n本报讯 白沙河两岸的油菜花进入盛花期。\n")
	only("many-articles.md", manyArticles(500))
	only("long-words.md", "## 很长的词\n\n"+strings.Repeat("supercalifragilistic", 250)+"\n\n"+strings.Repeat("油菜花", 1000)+
		"\n\n"+strings.Repeat("1234567890", 200)+"\n\n| "+strings.Repeat("宽", 500)+" | "+strings.Repeat("w", 800)+" |\n| - | - |\n| 1 | 2 |\n")

	// Files that are not issues.
	bad("empty.md", nil, "empty")
	bad("blank.txt", []byte("\n\n   \r\n\u3000\u3000\n\t\n\r\n"), "no articles")
	bad("only-bom.md", []byte("\xef\xbb\xbf"), "no articles")
	bad("only-escapes.md", []byte("\x1b[2J\x1b]0;pwned\x07\n\x1b[31m\n\u202e\u2066\n\x07\x08\n"), "no articles")
	bad("png.png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"), noise(1, 200)...), "PNG")
	bad("zip.zip", append([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), noise(2, 200)...), "ZIP")
	bad("elf", append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00"), noise(3, 200)...), "ELF")
	bad("gzip.gz", append([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), noise(4, 200)...), "gzip")
	bad("pdf.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "PDF")
	bad("random.bin", noise(5, 2048), "binary")
	bad("nul.txt", []byte("## 标题\n\n"+strings.Repeat("\x00", 200)+"正文。\n"), "binary")
	return cs
}

// zalgo returns n combining marks.
func zalgo(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteRune(rune(0x300 + i%0x70))
	}
	return b.String()
}

// noise returns n pseudo-random bytes, the same for the same seed.
func noise(seed uint64, n int) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// utf16Bytes encodes s as UTF-16, with or without a byte order mark.
func utf16Bytes(s string, order xunicode.Endianness, bom bool) []byte {
	policy := xunicode.IgnoreBOM
	if bom {
		policy = xunicode.UseBOM
	}
	b, err := xunicode.UTF16(order, policy).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// gb18030Bytes encodes s as GB18030.
func gb18030Bytes(s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// numbersIssue has numbers too large for any integer, negative pages,
// dates that do not exist and page counts in the billions.
const numbersIssue = `白沙晚报社出版

2024年13月45日 星期八 第99999999999999999999999号 今日九十九亿九千九百万版

# 第99999999999999999999版 要闻

## 标题一

本报讯 正文第一段。(下转第99999999999999999999版)

## 标题二

正文第二段。(上接第-1版)(详见第〇版)(下转第一百亿版)

# 第二千版

## 标题三

第-5版的正文。

# 第−3版 负数

## 标题四

页码是负数的版面。
`

// markupIssue nests quotes and lists thousands deep and leaves every kind
// of markup open.
func markupIssue() string {
	var b strings.Builder
	b.WriteString("## 嵌套很深的标题\n\n")
	b.WriteString(strings.Repeat("> ", 2000) + "引用的话\n\n")
	for i := range 100 {
		b.WriteString(strings.Repeat("  ", i) + "- 列表第" + fmt.Sprint(i) + "层\n")
	}
	b.WriteString("\n" + strings.Repeat("#", 300) + " 很多井号\n\n")
	b.WriteString(strings.Repeat("|", 500) + "\n\n")
	b.WriteString("| a | b | c |\n|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |\n\n")
	b.WriteString("**没有结束的粗体\n\n![没有结束的图片](\n\n<figure><figcaption>没有结束的图注\n\n")
	b.WriteString("`没有结束的代码\n\n[注1] 3*4米 <精选> #话题# \\# 不是标题\n\n")
	b.WriteString("## " + strings.Repeat("题", 3000) + "\n\n正文。\n")
	return b.String()
}

// manyArticles returns an issue of n one-line articles.
func manyArticles(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "## 第%d条短讯\n\n短讯正文%d。\n\n", i, i)
	}
	return b.String()
}

// hostileDir is testdata/hostile.
func hostileDir() string { return filepath.Join(root, "testdata", "hostile") }

// TestHostileCorpus checks that testdata/hostile holds exactly the files
// of the table (or rewrites them with -write-hostile).
func TestHostileCorpus(t *testing.T) {
	cases := hostileCases()
	dir := hostileDir()
	if *writeHostile {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if err := os.WriteFile(filepath.Join(dir, c.name), c.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (go test ./ui/cli/e2e -run TestHostileCorpus -write-hostile writes it)", err)
	}
	var onDisk, inTable []string
	for _, e := range entries {
		onDisk = append(onDisk, e.Name())
	}
	total := 0
	for _, c := range cases {
		inTable = append(inTable, c.name)
		data, err := os.ReadFile(filepath.Join(dir, c.name))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !bytes.Equal(data, c.data) {
			t.Errorf("%s differs from the table (-write-hostile rewrites it)", c.name)
		}
		if strings.HasPrefix(c.name, "bad-") != (c.want != nil) {
			t.Errorf("%s: only bad- files have an expected error", c.name)
		}
		total += len(data)
	}
	slices.Sort(inTable)
	if !slices.Equal(onDisk, inTable) {
		t.Errorf("testdata/hostile holds %q, the table %q", onDisk, inTable)
	}
	if total > 256<<10 {
		t.Errorf("the corpus is %d KB: keep checked-in files small", total>>10)
	}
}

// TestHostileFiles runs every command on every file of the corpus, from
// the file and from stdin. A bad file gives exit status 1, nothing on
// stdout and one line on stderr that names it and says what is wrong.
// Any other file gives exit status 0 and output in which no byte can
// control a terminal, a model (json) without any such character, the
// same model as its clean twin, and all of its text in cat's output, in
// order.
func TestHostileFiles(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(hostileDir(), c.name)
			if c.want != nil {
				for _, args := range [][]string{{"list", file}, {"json", file}, {"cat", file, "1"}, {"cat", "--all", file}, {file}} {
					dubao(t, nil, args...).failed(t, fmt.Sprint(args), 1, append([]string{file}, c.want...)...)
				}
				for _, args := range [][]string{{"list", "-"}, {"cat", "--all", "-"}} {
					dubao(t, bytes.NewReader(c.data), args...).failed(t, fmt.Sprint(args)+" < "+c.name, 1, append([]string{"stdin"}, c.want...)...)
				}
				return
			}
			res := dubao(t, nil, "json", file)
			warn := res.stderr != ""
			js := succeeded(t, res, "json", file, warn)
			checkJSONSafe(t, js)
			is := decodeIssue(t, js)
			if warn != (is.Invalid > 0) {
				t.Errorf("json: %d invalid byte sequences, and stderr %q", is.Invalid, res.stderr)
			}
			for _, args := range [][]string{{"list", file}, {"cat", "--all", file}, {"cat", "--width", "12", "--all", file},
				{"cat", "--format", "markdown", "--all", file}, {"cat", file, "1"}, {file}} {
				out := succeeded(t, dubao(t, nil, args...), fmt.Sprint(args), file, warn)
				checkPlain(t, fmt.Sprint(args), out)
			}
			rows := parseList(t, "list", succeeded(t, dubao(t, nil, "list", file), "list", file, warn))
			if len(rows) != is.Count() {
				t.Errorf("list shows %d articles, json %d", len(rows), is.Count())
			}
			for _, w := range []string{"", "12"} {
				args := []string{"cat", "--all", file}
				if w != "" {
					args = []string{"cat", "--width", w, "--all", file}
				}
				checkAllText(t, fmt.Sprint(args), is, succeeded(t, dubao(t, nil, args...), fmt.Sprint(args), file, warn))
			}
			// From stdin, the same.
			if got := succeeded(t, dubao(t, bytes.NewReader(c.data), "json", "-"), "json -", "stdin", warn); got != js {
				t.Errorf("json - differs from json FILE")
			}
			// The clean twin reads the same.
			if c.clean != nil {
				twin := filepath.Join(t.TempDir(), "clean"+filepath.Ext(c.name))
				if err := os.WriteFile(twin, c.clean, 0o644); err != nil {
					t.Fatal(err)
				}
				want := succeeded(t, dubao(t, nil, "json", twin), "json clean twin", twin, false)
				if a, b := comparableJSON(t, js), comparableJSON(t, want); a != b {
					t.Errorf("%s does not read as its clean twin:\n%s", c.name, firstDifference(b, a))
				}
			}
			// Markdown written by cat reads back as the same issue.
			md := succeeded(t, dubao(t, nil, "cat", "--format", "markdown", "--all", file), "cat markdown", file, warn)
			back := succeeded(t, dubao(t, strings.NewReader(md), "json", "-"), "json of cat's markdown", "stdin", false)
			if a, b := articlesJSON(t, back), articlesJSON(t, js); a != b {
				t.Errorf("the markdown cat writes does not read back as the same articles:\n%s", firstDifference(b, a))
			}
		})
	}
}

// succeeded fails the test unless the run exited 0 with nothing on
// stderr — or, with warn (damaged text), exited 1 after printing its
// output, with exactly one line on stderr that names the file and tells of
// the invalid bytes. It returns stdout.
func succeeded(t *testing.T, r result, what, name string, warn bool) string {
	t.Helper()
	if want := map[bool]int{false: 0, true: 1}[warn]; r.code != want {
		t.Fatalf("%s: exit %d, want %d, stderr %q", what, r.code, want, r.stderr)
	}
	switch {
	case !warn && r.stderr != "":
		t.Errorf("%s: stderr %q, want nothing", what, r.stderr)
	case warn && (strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "dubao: ") || !strings.Contains(r.stderr, name) ||
		!strings.Contains(r.stderr, ": damaged text: ") || !strings.Contains(r.stderr, "invalid byte")):
		t.Errorf("%s: stderr %q, want one line warning of the invalid bytes of %s", what, r.stderr, name)
	case strings.ContainsAny(r.stderr, "\x1b\x07\x00") || strings.Contains(r.stderr, "goroutine "):
		t.Errorf("%s: stderr %q", what, r.stderr)
	}
	return r.stdout
}

// unsafeRune reports a character that must not be in the model nor in
// anything dubao prints: C0 controls but newline (and tab in output),
// DEL, C1 controls, the bidirectional controls, and U+FEFF.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 && r != '\n', r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

// checkJSONSafe checks the JSON output: no raw control byte (JSON has
// them only escaped), and, once decoded, no string of the model holding
// a character that controls a terminal — not even escaped.
func checkJSONSafe(t *testing.T, js string) {
	t.Helper()
	if !utf8.ValidString(js) {
		t.Errorf("json output is not UTF-8")
	}
	for _, r := range js {
		if unsafeRune(r) {
			t.Errorf("json output holds raw %U", r)
			break
		}
	}
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatalf("json output does not parse: %v", err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case string:
			for _, r := range v {
				if unsafeRune(r) || r == '\n' {
					t.Errorf("the model holds %U at %s: %q", r, path, v)
					return
				}
			}
		case float64:
			// (a stitched jump's para and offset are −1 by design)
			if v < 0 && !strings.HasSuffix(path, ".para") && !strings.HasSuffix(path, ".offset") {
				t.Errorf("the model holds a negative number at %s: %v", path, v)
			}
		case []any:
			for i, e := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		case map[string]any:
			for k, e := range v {
				walk(path+"."+k, e)
			}
		}
	}
	walk("", v)
}

// decodeIssue decodes dubao's JSON into the model.
func decodeIssue(t *testing.T, js string) *issue.Issue {
	t.Helper()
	var is issue.Issue
	if err := json.Unmarshal([]byte(js), &is); err != nil {
		t.Fatalf("json output does not decode into issue.Issue: %v", err)
	}
	return &is
}

// checkAllText checks that every non-space character of every article's
// pieces appears in out, in order. Punctuation set full width for reading
// (，for , between Chinese text, at a width) counts as the source's mark.
func checkAllText(t *testing.T, what string, is *issue.Issue, out string) {
	t.Helper()
	have := []rune(nonSpace(out))
	i := 0
	for _, a := range is.Articles() {
		for _, p := range a.Pieces() {
			for _, r := range nonSpace(p.Text) {
				for i < len(have) && have[i] != r && halfPunct[have[i]] != r {
					i++
				}
				if i == len(have) {
					t.Errorf("%s: article %d %s: %q (of %q) is not in the output after what came before", what, a.N, kindName(p.Kind), r, clip(p.Text))
					return
				}
				i++
			}
		}
	}
}

// halfPunct maps the full-width marks cat sets for reading to the source's.
var halfPunct = map[rune]rune{'，': ',', '（': '(', '）': ')', '；': ';', '：': ':', '？': '?', '！': '!'}

func kindName(k issue.PieceKind) string {
	return [...]string{"kicker", "title", "subtitle", "byline", "paragraph", "heading", "quote", "item", "cell", "image", "caption", "jump"}[k]
}

// nonSpace returns s without white space.
func nonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// comparableJSON returns the JSON of an issue without what may differ
// between a file and its clean twin: the encoding and the count of
// invalid bytes; runs of U+FFFD become one (a decoder may replace a bad
// sequence by one or by one per byte).
func comparableJSON(t *testing.T, js string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatal(err)
	}
	delete(v, "encoding")
	delete(v, "invalid")
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for strings.Contains(s, "\ufffd\ufffd") {
		s = strings.ReplaceAll(s, "\ufffd\ufffd", "\ufffd")
	}
	return s
}

// articlesJSON returns the JSON of the articles of an issue (numbers,
// headings, byline, paragraphs, blocks), for comparing an issue with the
// one its Markdown reads back as.
func articlesJSON(t *testing.T, js string) string {
	t.Helper()
	is := decodeIssue(t, js)
	type art struct {
		Kicker, Title, Subtitle, Byline string
		Paragraphs                      []string
		Blocks                          []issue.Block
	}
	var out []art
	for _, a := range is.Articles() {
		out = append(out, art{a.Kicker, a.Title, a.Subtitle, a.Byline, a.Paragraphs, a.Blocks})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// firstDifference shows where two texts first differ.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want %q\n  got %q", i+1, w, g)
		}
	}
	return "(equal)"
}

// TestHostileShelf opens testdata/hostile as a folder: a shelf of the files
// that open, the bad ones skipped with their reason — all of it clean.
func TestHostileShelf(t *testing.T) {
	dir := hostileDir()
	list := dubao(t, nil, "list", dir)
	if list.code != 0 {
		t.Fatalf("list %s: exit %d, %s", dir, list.code, list.stderr)
	}
	checkPlain(t, "list FOLDER", list.stdout)
	bad := 0
	for _, c := range hostileCases() {
		if c.want != nil {
			bad++
		}
	}
	if want := fmt.Sprintf("%d files are not issues", bad); strings.Count(list.stderr, "\n") != 1 || !strings.Contains(list.stderr, want) {
		t.Errorf("list FOLDER: stderr %q, want one line saying %q", list.stderr, want)
	}
	js := dubao(t, nil, "json", dir).ok(t, "json FOLDER")
	checkJSONSafe(t, js.stdout)
	var shelf struct {
		Skipped []struct{ Path, Reason string }
	}
	if err := json.Unmarshal([]byte(js.stdout), &shelf); err != nil {
		t.Fatal(err)
	}
	if len(shelf.Skipped) != bad {
		t.Errorf("json FOLDER skips %d files, want the %d bad ones: %+v", len(shelf.Skipped), bad, shelf.Skipped)
	}
	for _, s := range shelf.Skipped {
		if !strings.HasPrefix(s.Path, "bad-") || s.Reason == "" {
			t.Errorf("skipped %q (%q)", s.Path, s.Reason)
		}
	}
	// A folder of only bad files holds no issue.
	only := t.TempDir()
	for _, c := range hostileCases() {
		if c.want != nil {
			if err := os.WriteFile(filepath.Join(only, c.name), c.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, args := range [][]string{{"list", only}, {"cat", "--all", only}, {"json", only}, {only}} {
		dubao(t, nil, args...).failed(t, fmt.Sprint(args), 1, only, "no articles in the folder")
	}
}

// TestDevicesAndPipes reads files that have no size: endless zeros and
// random bytes are refused as binary as soon as their first bytes are
// read, /dev/null is empty, and a named pipe is read to its end.
func TestDevicesAndPipes(t *testing.T) {
	for dev, want := range map[string]string{"/dev/zero": "binary", "/dev/urandom": "binary", "/dev/null": "empty"} {
		if _, err := os.Stat(dev); err != nil {
			continue
		}
		for _, args := range [][]string{{"list", dev}, {"cat", "--all", dev}, {"json", dev}, {dev}} {
			dubao(t, nil, args...).failed(t, fmt.Sprint(args), 1, dev, want)
		}
	}
	for _, want := range []string{"binary", "empty input"} {
		in, err := os.Open(map[string]string{"binary": "/dev/urandom", "empty input": "/dev/null"}[want])
		if err != nil {
			continue
		}
		dubao(t, in, "list", "-").failed(t, "list - < device", 1, "stdin", want)
		in.Close()
	}
	fifo := filepath.Join(t.TempDir(), "issue.fifo")
	if err := syscallMkfifo(fifo); err != nil {
		t.Skipf("no named pipe: %v", err)
	}
	// The writer is there before dubao opens the pipe, as dubao does not
	// wait for one (TestFIFONoWriter): a reader that never reads lets it
	// open without waiting.
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer w.Close()
		_, _ = w.WriteString(fill(""))
	}()
	res := dubao(t, nil, "list", fifo).ok(t, "list FIFO")
	if n := len(parseList(t, "list FIFO", res.stdout)); n < 2 {
		t.Errorf("list FIFO: %d articles", n)
	}
}

// TestTooLarge: a file over the size limit (1 GiB) is refused with its
// size and the limit, before it is read — a sparse file of the size costs
// nothing to make, and dubao's memory stays small.
func TestTooLarge(t *testing.T) {
	file := filepath.Join(t.TempDir(), "huge.md")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(issue.MaxSize + 1<<20); err != nil {
		f.Close()
		t.Skipf("no sparse file here: %v", err)
	}
	f.Close()
	for _, args := range [][]string{{"list", file}, {"cat", "--all", file}, {"json", file}, {file}} {
		res, rss := dubaoRSS(t, nil, args...)
		res.failed(t, fmt.Sprint(args), 1, file, "too large", "1025 MB", "the limit is 1024 MB")
		if rss > 100<<20 {
			t.Errorf("%v: peak memory %d MB: the file was read", args, rss>>20)
		}
	}
}

// TestHostileInTerminal runs the reader on the attack files in a real
// terminal (tmux), through their articles: the window title stays the
// one dubao sets, the clipboard gets nothing (tmux takes OSC 52 into a
// paste buffer with set-clipboard on), and the screen holds no text of an
// escape sequence. First, the same files are shown raw with cat, to prove
// that the terminal would obey them.
func TestHostileInTerminal(t *testing.T) {
	attacks := []string{"osc-title.md", "osc52-clipboard.md", "csi.md", "dcs-sos-pm-apc.md", "c1-utf8.md", "esc-short.md", "bidi.md", "unterminated.md"}
	state := func(p *pane) (title, buffers string) {
		return strings.TrimSpace(p.tmux("display-message", "-p", "#{pane_title}")), p.tmux("list-buffers")
	}
	t.Run("control: cat obeys them", func(t *testing.T) {
		p := newPane(t, 100, 30, "sleep 0.5; cat "+shellQuote(filepath.Join(hostileDir(), "osc52-clipboard.md"))+" "+shellQuote(filepath.Join(hostileDir(), "osc-title.md")))
		p.tmux("set-option", "-s", "set-clipboard", "on")
		p.waitFor("[exit=0]")
		title, buffers := state(p)
		if !strings.Contains(title, "pwned") && !strings.Contains(title, "标题") || buffers == "" {
			t.Fatalf("the terminal does not obey the attacks (title %q, buffers %q): this test would prove nothing", title, buffers)
		}
		t.Logf("cat: the title became %q, the clipboard got %q", title, strings.TrimSpace(buffers))
	})
	for _, name := range attacks {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(hostileDir(), name)
			p := newPane(t, 100, 30, "sleep 0.5; "+shellQuote(binary)+" --no-state "+shellQuote(file))
			p.tmux("set-option", "-s", "set-clipboard", "on")
			p.waitFor("? 帮助")
			for _, k := range []string{"Enter", "G", "J", "G", "J", "G", "J", "G", "?", "Escape", "Escape", "K", "g"} {
				p.keys(k)
				time.Sleep(50 * time.Millisecond)
			}
			screen := p.screen(true)
			p.keys("q")
			p.waitFor("[exit=0]")
			title, buffers := state(p)
			if strings.Contains(title, "pwned") || strings.Contains(title, "标题") && !strings.HasPrefix(title, "dubao") {
				t.Errorf("the window title was set by the file: %q", title)
			}
			if buffers != "" {
				t.Errorf("the clipboard was written: %q", buffers)
			}
			for _, bad := range []string{"pwned", "52;", "ZWNobyBoYWNrZWQ", "aGk=", "544e", "tmux;", "rgb:ff", "1337"} {
				if strings.Contains(screen, bad) {
					t.Errorf("the screen shows %q, a part of an escape sequence:\n%s", bad, screen)
				}
			}
			for i := 0; i < len(screen); i++ {
				if screen[i] == 0x1b && sgrLength(screen[i:]) == 0 {
					t.Errorf("the screen holds an escape sequence that is not SGR: %q", screen[i:min(len(screen), i+16)])
					break
				}
			}
		})
	}
}

// sgrLength returns the length of the SGR sequence s starts with, or 0.
func sgrLength(s string) int {
	if !strings.HasPrefix(s, "\x1b[") {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ';', c == ':':
		case c == 'm':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}
