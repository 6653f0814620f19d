package decode

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"dubao/issue/textsafe"
)

const chinese = "青溪日报讯(记者 林晓帆)3月7日上午,全长38.6公里的青溪河生态廊道全线贯通。\n会议强调,要深入学习贯彻重要讲话精神,扎实打好今年收官战、谋好明年开局篇。\n"

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDetect(t *testing.T) {
	trad := "澄江時報 本報訊(記者 蔡佩君)省商務廳日前公布第三批特色商業街區名單,澄江河畔夜市榜上有名。\n這條長約800公尺的夜市聚集了120多個攤位,以蚵仔煎、米糕和手搖飲品聞名。\n"
	tests := []struct {
		name string
		data []byte
		want string
		text string
	}{
		{"utf8", []byte(chinese), UTF8, chinese},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, chinese...), UTF8BOM, chinese},
		{"gb18030", encode(t, simplifiedchinese.GB18030, chinese), GB18030, chinese},
		{"big5", encode(t, traditionalchinese.Big5, trad), Big5, trad},
		{"utf16le bom", append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), chinese)...), UTF16LE, chinese},
		{"utf16be bom", append([]byte{0xFE, 0xFF}, encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), chinese)...), UTF16BE, chinese},
		{"utf16le no bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), chinese), UTF16LE, chinese},
		{"utf16le no bom latin", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "Hello world, this is a plain English text.\n"), UTF16LE, "Hello world, this is a plain English text.\n"},
		{"ascii", []byte("plain text\n"), UTF8, "plain text\n"},
		// GB18030 where three of the four characters happen to be valid
		// UTF-8 sequences too.
		{"gb18030 short", encode(t, simplifiedchinese.GB18030, "编辑同志:\n"), GB18030, "编辑同志:\n"},
		{"big5 short", encode(t, traditionalchinese.Big5, "本報訊\n"), Big5, "本報訊\n"},
		{"empty", nil, UTF8, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Bytes(tt.data, "")
			if err != nil {
				t.Fatal(err)
			}
			if r.Encoding != tt.want {
				t.Errorf("encoding = %s, want %s", r.Encoding, tt.want)
			}
			if string(r.Text) != tt.text {
				t.Errorf("text = %q, want %q", r.Text, tt.text)
			}
			if r.Invalid != 0 {
				t.Errorf("invalid = %d", r.Invalid)
			}
		})
	}
}

func TestForcedEncoding(t *testing.T) {
	data := encode(t, simplifiedchinese.GBK, chinese)
	for _, name := range []string{"gbk", "GB18030", "gb2312"} {
		r, err := Bytes(data, name)
		if err != nil {
			t.Fatal(err)
		}
		if string(r.Text) != chinese {
			t.Errorf("%s: text = %q", name, r.Text)
		}
	}
	// Forcing UTF-8 on GBK bytes replaces them and counts them.
	r, err := Bytes(data, "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if r.Invalid == 0 || !utf8.Valid(r.Text) {
		t.Errorf("forced utf-8: invalid = %d, valid = %v", r.Invalid, utf8.Valid(r.Text))
	}
	if _, err := Bytes(data, "klingon-8"); !errors.Is(err, ErrEncoding) {
		t.Errorf("unknown encoding: err = %v", err)
	}
}

func TestInvalidUTF8(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		invalid int
	}{
		{"middle", chinese[:33] + "\xff" + chinese[33:], 1},
		{"truncated at end", chinese + "\xe4\xb8", 2},
		{"lone continuation", "\x80" + chinese, 1},
		// Short texts: too little for the scores, but the valid
		// multi-byte characters outnumber the bad sequences.
		{"short stray byte", "## 标题\xff\n\n正文\xe4\xb8。\n", 3},
		{"short truncated at end", "## 标题\n\n正文。\xe4\xb8", 2},
		{"short dropped byte", "中共青溪\xe5\xb8委员会主办\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Bytes([]byte(tt.data), "")
			if err != nil {
				t.Fatal(err)
			}
			if r.Encoding != UTF8 || r.Invalid != tt.invalid {
				t.Errorf("encoding %s invalid %d, want UTF-8 %d", r.Encoding, r.Invalid, tt.invalid)
			}
			if !utf8.Valid(r.Text) || !strings.Contains(string(r.Text), "\uFFFD") {
				t.Errorf("text not repaired: %q", r.Text)
			}
		})
	}
}

func TestBinary(t *testing.T) {
	elf := append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...)
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0x10, 0x80, 0xff}, 100)...)
	zip := append([]byte("PK\x03\x04"), bytes.Repeat([]byte("abc\x00"), 50)...)
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i*i*31)
	}
	for name, data := range map[string][]byte{"random 512": randomBytes(512, 1), "random 64k": randomBytes(64<<10, 2), "elf": elf, "png": png, "zip": zip, "nul-heavy": bytes.Repeat([]byte{'a', 0, 0, 0}, 100), "random": random} {
		if _, err := Bytes(data, ""); !errors.Is(err, ErrBinary) {
			t.Errorf("%s: err = %v, want ErrBinary", name, err)
		}
	}
	// A few NULs in a text are control characters, not a binary file.
	r, err := Bytes([]byte("标题\x00一\n正文\x00。\n"), "")
	if err != nil || string(r.Text) != "标题一\n正文。\n" {
		t.Errorf("text with NUL: %q, %v", r.Text, err)
	}
}

// randomBytes returns n pseudo-random bytes.
func randomBytes(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// TestLooksRandom: random bytes are refused whatever their length; a text
// with as many control characters is not, because one encoding reads it
// cleanly.
func TestLooksRandom(t *testing.T) {
	for seed := range uint64(50) {
		for _, n := range []int{300, 1000, 5000} {
			b := randomBytes(n, seed)
			if _, err := Bytes(b, ""); !errors.Is(err, ErrBinary) {
				t.Errorf("%d random bytes (seed %d): err = %v, want ErrBinary", n, seed, err)
			}
		}
	}
	// One control byte in twenty, in valid UTF-8 and in GB18030 text.
	var sb strings.Builder
	for sb.Len() < 4000 {
		sb.WriteString("青溪日报讯\a记者林晓帆\b生态廊道全线贯通\x01")
	}
	controls := sb.String()
	for name, data := range map[string][]byte{"utf-8": []byte(controls), "gb18030": encode(t, simplifiedchinese.GB18030, controls)} {
		r, err := Bytes(append(data, 0xFF), "")
		if err != nil {
			t.Errorf("%s text with controls: %v", name, err)
			continue
		}
		if !strings.HasPrefix(string(r.Text), "青溪日报讯记者") {
			t.Errorf("%s text with controls read as %s: %.40q", name, r.Encoding, r.Text)
		}
	}
}

// terminalSafe reports whether s holds no byte that can control a terminal.
func terminalSafe(s string) bool {
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0:
			return false
		case r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
			return false
		}
	}
	return true
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(chinese))
	f.Add([]byte("a\x1b]52;c;x\x07b\x1b[31mc\u009b1m"))
	f.Add(append([]byte{0xFF, 0xFE}, "a\x00b\x00"...))
	f.Add([]byte("\xb0\xa1\xb0\xa2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The one-pass scan says what validation and textsafe say.
		if valid, clean := scanUTF8(data); valid != utf8.Valid(data) {
			t.Fatalf("%q: scanUTF8 valid %v", data, valid)
		} else if want := textsafe.FirstChange(data); valid && clean != want {
			t.Fatalf("%q: scanUTF8 clean at %d, want %d", data, clean, want)
		}
		r, err := Bytes(data, "")
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !utf8.Valid(r.Text) {
			t.Fatalf("invalid UTF-8 out: %q", r.Text)
		}
		if !terminalSafe(string(r.Text)) {
			t.Fatalf("control characters left: %q", r.Text)
		}
		if again, n := textsafe.Bytes(r.Text); n != 0 || !bytes.Equal(again, r.Text) {
			t.Fatalf("sanitize not idempotent: %q → %q", r.Text, again)
		}
	})
}

func BenchmarkDecodeUTF8(b *testing.B) {
	data := []byte(strings.Repeat(chinese, 20000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeGB18030(b *testing.B) {
	data, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(strings.Repeat(chinese, 20000)))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGB18030UserDefined: the user-defined areas of GB18030 (AAA1–AFFE,
// F8A1–FEFE, A140–A7A0) decode to the private use characters iconv gives,
// not to U+FFFD; U+E40C, the paragraph mark of a widely used news
// corpus, becomes a line break; and private use characters do not make
// GB18030 text read as Big5 (issue #13, item 1).
func TestGB18030UserDefined(t *testing.T) {
	gb := func(s string) []byte {
		out, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	var mark []byte
	mark = append(mark, gb("你好")...)
	mark = append(mark, 0xFD, 0xA3)
	mark = append(mark, gb("世界")...)
	for _, tt := range []struct {
		name, enc string
		data      []byte
		want      string
	}{
		{"paragraph mark detected", "", mark, "你好\n世界"},
		{"paragraph mark forced", "gb18030", mark, "你好\n世界"},
		{"paragraph mark gbk", "gbk", mark, "你好\n世界"},
		{"area 1", "gb18030", []byte{0xAA, 0xA1, 0xAF, 0xFE}, "\ue000\ue233"},
		{"area 2", "gb18030", []byte{0xF8, 0xA1, 0xFE, 0xFE}, "\ue234\ue4c5"},
		{"area 3", "gb18030", []byte{0xA1, 0x40, 0xA1, 0x80, 0xA7, 0xA0}, "\ue4c6\ue505\ue765"},
		{"utf-8 mark", "", []byte("第一段。\ue40c第二段。"), "第一段。\n第二段。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Bytes(tt.data, tt.enc)
			if err != nil {
				t.Fatal(err)
			}
			if string(r.Text) != tt.want || r.Invalid != 0 {
				t.Errorf("%s: %q (%d invalid), want %q", r.Encoding, r.Text, r.Invalid, tt.want)
			}
			if tt.enc == "" && tt.name != "utf-8 mark" && r.Encoding != GB18030 {
				t.Errorf("detected as %s, want GB18030", r.Encoding)
			}
		})
	}
}

// TestBytesOwned: valid UTF-8 to clean is cleaned in the buffer itself,
// to what Bytes gives; invalid UTF-8 and other encodings are decoded into
// a new buffer as Bytes does.
func TestBytesOwned(t *testing.T) {
	crlf := strings.ReplaceAll(chinese, "\n", "\r\n") + "\t\x1b[31m末\u2028"
	gb := encode(t, simplifiedchinese.GB18030, crlf)
	for _, c := range []struct {
		name, enc string
		data      []byte
		shared    bool
	}{
		{"crlf", "", []byte(crlf), true},
		{"crlf forced", "utf-8", []byte(crlf), true},
		{"clean", "", []byte(chinese), true},
		{"invalid", "", []byte(crlf + "\xff"), false},
		{"gb18030", "", gb, false},
	} {
		want, err := Bytes(bytes.Clone(c.data), c.enc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := BytesOwned(c.data, c.enc)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Text) != string(want.Text) || got.Removed != want.Removed || got.Encoding != want.Encoding || got.Invalid != want.Invalid {
			t.Errorf("%s: %q (%d removed), want %q (%d)", c.name, got.Text, got.Removed, want.Text, want.Removed)
		}
		if got.Shared != c.shared {
			t.Errorf("%s: shared %v, want %v", c.name, got.Shared, c.shared)
		}
	}
}

// TestVerbatimCRLF checks VerbatimCRLF against Bytes: where it holds,
// Bytes returns the text with each CRLF made LF, and the carriage returns
// it counts are those taken out.
func TestVerbatimCRLF(t *testing.T) {
	for _, tc := range []struct {
		in  string
		ok  bool
		crs int
	}{
		{"甲\n乙\n", true, 0},
		{"甲\r\n乙\r\n", true, 2},
		{"# 第1版\r\n\r\n正文。\n混合\r\n", true, 3},
		{"甲\r乙\n", false, 0},        // a lone CR is a line break of its own
		{"甲\r\n乙\r", false, 0},      // its line feed may follow in the next part
		{"甲\r\r\n", false, 0},       // a CR before a CR
		{"甲\r\n\t乙\r\n", false, 0},  // a tab changes
		{"甲\r\n\xff\r\n", false, 0}, // invalid
		{"\ufeff甲\r\n", false, 0},   // a byte order mark
	} {
		ok, crs := VerbatimCRLF([]byte(tc.in), true)
		if ok != tc.ok || crs != tc.crs {
			t.Errorf("VerbatimCRLF(%q) = %v, %d; want %v, %d", tc.in, ok, crs, tc.ok, tc.crs)
		}
		res, err := Bytes([]byte(tc.in), "")
		lf := strings.ReplaceAll(tc.in, "\r\n", "\n")
		if same := err == nil && res.Encoding == UTF8 && string(res.Text) == lf && !strings.HasSuffix(tc.in, "\r"); tc.ok != same {
			t.Errorf("%q: VerbatimCRLF %v, but Bytes gives %q (%s, %v)", tc.in, tc.ok, res.Text, res.Encoding, err)
		}
	}
}
