package source

import (
	"bytes"
	"dubao/issue"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// randomBytes returns n pseudo-random bytes.
func randomBytes(seed uint64, n int) []byte {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// TestSniffRandomBytes: bytes with no signature and no NUL (random,
// compressed or encrypted data) are binary, while text with a few stray
// controls, and UTF-16 without a byte order mark, are text.
func TestSniffRandomBytes(t *testing.T) {
	for seed := range uint64(20) {
		for _, n := range []int{512, 2048, SniffSize} {
			b := randomBytes(seed, n)
			if kind := SniffBinary(b); kind == "" {
				t.Errorf("%d random bytes (seed %d) sniffed as text", n, seed)
			}
			// Without any NUL byte too.
			b = bytes.ReplaceAll(b, []byte{0}, []byte{1})
			if kind := SniffBinary(b); kind == "" {
				t.Errorf("%d random bytes without NUL (seed %d) sniffed as text", n, seed)
			}
		}
	}
	// about one control byte in a hundred, as in testdata/hostile
	text := strings.Repeat("## 标题\x07\n\n本报讯 正文\x00里有一两个控制字符,也有\x1b[31m转义序列\x1b[0m。附近的村民在路边摆起小摊,卖自家做的米糕和腌菜。\n\n", 20)
	if kind := SniffBinary([]byte(text)); kind != "" {
		t.Errorf("text with a few controls sniffed as %s", kind)
	}
	short := "## 标题\x1b]0;owned\x07一\x1b[2J二\n\n正文\x00有\x08控制符\x07。\n"
	if kind := SniffBinary([]byte(short)); kind != "" {
		t.Errorf("a short text with a few controls sniffed as %s", kind)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(strings.Repeat("本报讯 城东社区图书角本周新到图书三百余册,其中一半是儿童绘本。\n", 40)))
	if err != nil {
		t.Fatal(err)
	}
	if controlBytes(u16)*100 <= len(u16)*maxControlPercent {
		t.Fatalf("the UTF-16 sample has few control bytes: the test means nothing")
	}
	if kind := SniffBinary(u16); kind != "" {
		t.Errorf("UTF-16LE Chinese text without BOM sniffed as %s", kind)
	}
}

// TestReadDevices: files without a size — a device, a pipe — are read,
// but a device of endless zeros or random bytes is refused after its
// first bytes, and an endless stream of text at the size limit.
func TestReadDevices(t *testing.T) {
	for _, dev := range []string{"/dev/zero", "/dev/urandom"} {
		if _, err := os.Stat(dev); err != nil {
			t.Logf("no %s here: %v", dev, err)
			continue
		}
		_, err := ReadText(dev, 0, issue.MaxSize)
		if err == nil || !strings.Contains(err.Error(), "not text") {
			t.Errorf("%s: %v, want not text", dev, err)
		}
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		if _, err := ReadText("/dev/null", 0, issue.MaxSize); !errors.Is(err, ErrEmpty) {
			t.Errorf("/dev/null: %v, want %v", err, ErrEmpty)
		}
	}
}

// endless is an endless reader of text.
type endless struct{ line []byte }

func (e endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], e.line)
	}
	return n, nil
}

// TestReadAllLimit: a stream is read up to the limit and refused past it
// with ErrTooLarge; binary data is refused after its first bytes.
func TestReadAllLimit(t *testing.T) {
	const limit = 1 << 20
	_, err := ReadAll(endless{[]byte("正文,没有尽头的一行。\n")}, limit)
	if !errors.Is(err, issue.ErrTooLarge) || !strings.Contains(err.Error(), "1 MB") {
		t.Errorf("endless text: %v, want too large, naming the limit", err)
	}
	text := strings.Repeat("## 标题\n\n正文。\n\n", 1000)
	for _, n := range []int{0, 1, SniffSize - 1, SniffSize, SniffSize + 1, len(text)} {
		got, err := ReadAll(strings.NewReader(text[:n]), limit)
		if err != nil || string(got) != text[:n] {
			t.Errorf("ReadAll of %d bytes: %d bytes, %v", n, len(got), err)
		}
	}
	exact := bytes.Repeat([]byte("a"), limit)
	if got, err := ReadAll(bytes.NewReader(exact), limit); err != nil || len(got) != limit {
		t.Errorf("ReadAll of exactly the limit: %d bytes, %v", len(got), err)
	}
	if _, err := ReadAll(bytes.NewReader(append(exact, 'b')), limit); !errors.Is(err, issue.ErrTooLarge) {
		t.Errorf("ReadAll of one byte past the limit: %v, want too large", err)
	}
	_, err = ReadAll(io.MultiReader(bytes.NewReader(randomBytes(1, 3*SniffSize)), endless{[]byte{0}}), limit)
	if err == nil || !strings.Contains(err.Error(), "not text") {
		t.Errorf("endless random bytes: %v, want not text", err)
	}
}

func TestSniffBinary(t *testing.T) {
	for _, tc := range []struct {
		head string
		want bool
	}{
		{"\x89PNG\r\n\x1a\n\x00\x00", true},
		{"%PDF-1.7\n", true},
		{"PK\x03\x04rest", true},
		{"\x7fELF\x02\x01", true},
		{"\x00\x00\x00\x18ftypmp42", true},
		{"bin\x00\x01\x02\x00\x00\x00data\x00\x00", true},
		{"#\x00#\x00 \x00t\x00i\x00t\x00l\x00e\x00\n\x00\n\x00t\x00e\x00x\x00t\x00\n\x00", false}, // UTF-16LE without BOM
		{"\xff\xfe\x1fu\x00N", false}, // UTF-16LE with BOM
		{"\xfe\xff\x4e\x00", false},   // UTF-16BE with BOM
		{"## 标题\n\n正文。", false},
		{"\xd0\xc7\xba\xd3\xc8\xd5\xb1\xa8", false}, // GB18030 text
		{"", false},
	} {
		if got := SniffBinary([]byte(tc.head)) != ""; got != tc.want {
			t.Errorf("SniffBinary(%q) binary = %v, want %v", tc.head, got, tc.want)
		}
	}
}

// TestControlBytes compares controlBytes, eight bytes at a time, with
// counting a byte at a time: every byte value at every place of texts of
// every length up to 24 bytes, and random bytes.
func TestControlBytes(t *testing.T) {
	base := []byte("日报第一版ab\n\tc\r\n" + "０１")
	for n := 0; n <= 24; n++ {
		for at := 0; at < n; at++ {
			for c := 0; c < 256; c++ {
				b := append([]byte(nil), base[:min(n, len(base))]...)
				for len(b) < n {
					b = append(b, 'x')
				}
				b[at] = byte(c)
				if got, want := controlBytes(b), controlBytesSlow(b); got != want {
					t.Fatalf("controlBytes(% x) = %d, want %d", b, got, want)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		b := make([]byte, rng.IntN(300))
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(2) == 0 {
				b[i] = byte(rng.IntN(0x30))
			}
		}
		if got, want := controlBytes(b), controlBytesSlow(b); got != want {
			t.Fatalf("controlBytes(% x) = %d, want %d", b, got, want)
		}
	}
}

// TestReadRegular: a file read whole in one read (readRegular, on Linux)
// gives what readAny, which reads any file, gives — the same bytes, the
// same error — whatever the file is and whatever size it was said to
// have: the size it has, less (it grew), more (it shrank), none; empty,
// a directory, a named pipe, missing.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := strings.Repeat("本报讯 城东社区图书角本周新到图书三百余册。\n", 500)
	file, empty := write("a.md", text), write("empty.md", "")
	fifo := dir + "/fifo"
	if err := mkfifo(fifo); err != nil {
		t.Logf("no named pipe: %v", err)
		fifo = ""
	}
	n := int64(len(text))
	cases := []struct {
		name string
		size int64
	}{
		{file, n}, {file, n - 1}, {file, 10}, {file, n + 1}, {file, 2 * n}, {file, 0},
		{empty, 0}, {empty, 5}, {dir, 0}, {dir, 4096}, {dir + "/missing", 10}, {fifo, 0}, {fifo, 10},
	}
	var b Buffers
	for _, c := range cases {
		if c.name == "" {
			continue
		}
		want, wantErr := readAny(nil, c.name, c.size, issue.MaxSize, false)
		got, err := b.Read(0, c.name, c.size)
		if !bytes.Equal(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Errorf("%s said to be %d bytes: %d bytes, %v; readAny gives %d bytes, %v", c.name, c.size, len(got), err, len(want), wantErr)
		}
	}
	if data, ok := readRegular(nil, file, n); runtime.GOOS == "linux" && (!ok || string(data) != text) {
		t.Errorf("readRegular of a file of the size said: %d bytes, %v", len(data), ok)
	}
}
