package shelf

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/text/encoding/unicode"

	"dubao/issue"
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
		for _, n := range []int{512, 2048, sniffSize} {
			b := randomBytes(seed, n)
			if kind := sniffBinary(b); kind == "" {
				t.Errorf("%d random bytes (seed %d) sniffed as text", n, seed)
			}
			// Without any NUL byte too.
			b = bytes.ReplaceAll(b, []byte{0}, []byte{1})
			if kind := sniffBinary(b); kind == "" {
				t.Errorf("%d random bytes without NUL (seed %d) sniffed as text", n, seed)
			}
		}
	}
	// about one control byte in a hundred, as in testdata/hostile
	text := strings.Repeat("## 标题\x07\n\n本报讯 正文\x00里有一两个控制字符,也有\x1b[31m转义序列\x1b[0m。附近的村民在路边摆起小摊,卖自家做的米糕和腌菜。\n\n", 20)
	if kind := sniffBinary([]byte(text)); kind != "" {
		t.Errorf("text with a few controls sniffed as %s", kind)
	}
	short := "## 标题\x1b]0;owned\x07一\x1b[2J二\n\n正文\x00有\x08控制符\x07。\n"
	if kind := sniffBinary([]byte(short)); kind != "" {
		t.Errorf("a short text with a few controls sniffed as %s", kind)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(strings.Repeat("本报讯 城东社区图书角本周新到图书三百余册,其中一半是儿童绘本。\n", 40)))
	if err != nil {
		t.Fatal(err)
	}
	if controlBytes(u16)*100 <= len(u16)*maxControlPercent {
		t.Fatalf("the UTF-16 sample has few control bytes: the test means nothing")
	}
	if kind := sniffBinary(u16); kind != "" {
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
		_, err := readText(dev, 0, issue.MaxSize)
		if err == nil || !strings.Contains(err.Error(), "not text") {
			t.Errorf("%s: %v, want not text", dev, err)
		}
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		if _, err := readText("/dev/null", 0, issue.MaxSize); !errors.Is(err, errEmpty) {
			t.Errorf("/dev/null: %v, want %v", err, errEmpty)
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
	for _, n := range []int{0, 1, sniffSize - 1, sniffSize, sniffSize + 1, len(text)} {
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
	_, err = ReadAll(io.MultiReader(bytes.NewReader(randomBytes(1, 3*sniffSize)), endless{[]byte{0}}), limit)
	if err == nil || !strings.Contains(err.Error(), "not text") {
		t.Errorf("endless random bytes: %v, want not text", err)
	}
}

// TestSizeLimit: a file larger than the limit is refused before it is
// read, with a message that gives both sizes; Options.MaxBytes sets the
// limit, and 0 means issue.MaxSize. A sparse file larger than
// issue.MaxSize is refused without reading it.
func TestSizeLimit(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "issue.md")
	text := "## 标题\n\n" + strings.Repeat("正文,一段很长的文字。", 60000) + "\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(file, Options{}); err != nil {
		t.Fatalf("the default limit refuses a %d-byte file: %v", len(text), err)
	}
	_, err := Load(file, Options{MaxBytes: 1 << 20})
	if !errors.Is(err, issue.ErrTooLarge) || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "the limit is 1 MB") {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := LoadBytes("stdin", []byte(text), Options{MaxBytes: 1 << 20}); !errors.Is(err, issue.ErrTooLarge) {
		t.Errorf("LoadBytes over the limit: %v", err)
	}

	sparse := filepath.Join(dir, "sparse.md")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(issue.MaxSize + 1); err != nil {
		f.Close()
		t.Skipf("no sparse file of %d bytes here: %v", issue.MaxSize+1, err)
	}
	f.Close()
	_, err = Load(sparse, Options{})
	if !errors.Is(err, issue.ErrTooLarge) || !strings.Contains(err.Error(), "the limit is 1024 MB") {
		t.Errorf("a file past issue.MaxSize: %v", err)
	}
	// On a shelf, it is skipped with that reason.
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sk := range s.Skipped {
		if sk.Path == "sparse.md" && strings.Contains(sk.Reason, "too large") {
			found = true
		}
	}
	if !found {
		t.Errorf("the shelf does not skip the file that is too large: %+v", s.Skipped)
	}
}

// TestLoadKeepsNoCopy: an issue loaded from a file shares the memory of
// what was read (the parser is handed the buffer), so a large issue is
// not held twice.
func TestLoadKeepsNoCopy(t *testing.T) {
	text := []byte("## 标题\n\n" + strings.Repeat("正文,一段很长的文字。", 1000) + "\n")
	l, err := LoadBytes("stdin", text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := l.Issue.Articles()[0].Paragraphs[0]
	start := uintptr(unsafe.Pointer(unsafe.SliceData(text)))
	at := uintptr(unsafe.Pointer(unsafe.StringData(p)))
	if at < start || at >= start+uintptr(len(text)) {
		t.Errorf("the paragraph is a copy, not a part of the bytes read")
	}
}
