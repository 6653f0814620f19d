package issue

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"dubao/issue/internal/issuegen"
)

// streamed parses data with Stream in parts of partSize bytes and returns
// the issue its emits make up, how many emits there were, and its error.
// With finalHead, each emit's head must be the last one's.
func streamed(data []byte, partSize int, finalHead bool) (*Issue, int, error) {
	var is *Issue
	var heads []Issue
	calls := 0
	opt := StreamOptions{Name: "in", PartSize: partSize, FinalHead: finalHead}
	err := Stream(context.Background(), bytes.NewReader(data), int64(len(data)), opt, func(head *Issue, secs []Section, last bool) error {
		calls++
		if is == nil {
			is = &Issue{}
		}
		heads = append(heads, *head)
		sections := is.Sections
		*is = *head
		is.Sections = append(sections, secs...)
		if last && is.Sections == nil {
			is.Sections = []Section{}
		}
		return nil
	})
	if err == nil && finalHead {
		for i, h := range heads {
			if h.Sections = nil; !reflect.DeepEqual(h, heads[len(heads)-1]) {
				return is, calls, fmt.Errorf("emit %d of %d: head %+v, the last is %+v", i, len(heads), h, heads[len(heads)-1])
			}
		}
	}
	return is, calls, err
}

// streamedJSON parses data with Stream in parts of partSize bytes, its
// buffers reused (StreamOptions.Reuse), and returns the JSON of each
// section as emit gets it, then of the last head.
func streamedJSON(data []byte, partSize int) (string, error) {
	var b strings.Builder
	var head []byte
	opt := StreamOptions{Name: "in", PartSize: partSize, FinalHead: true, Reuse: true}
	err := Stream(context.Background(), bytes.NewReader(data), int64(len(data)), opt, func(h *Issue, secs []Section, last bool) error {
		for _, sec := range secs {
			j, err := json.Marshal(sec)
			if err != nil {
				return err
			}
			b.Write(j)
		}
		hh := *h
		hh.Sections = nil
		var err error
		head, err = json.Marshal(hh)
		return err
	})
	b.Write(head)
	return b.String(), err
}

// wantJSON is what streamedJSON returns for the issue is.
func wantJSON(is *Issue) string {
	var b strings.Builder
	for _, sec := range is.Sections {
		j, _ := json.Marshal(sec)
		b.Write(j)
	}
	h := *is
	h.Sections = nil
	j, _ := json.Marshal(h)
	b.Write(j)
	return b.String()
}

// compareStream checks that Stream reads data as ParseOwned does, in parts
// of each size, with FinalHead and without; it returns how many parses
// were cut in more than one part.
func compareStream(t *testing.T, name string, data []byte, sizes ...int) int {
	t.Helper()
	want, werr := ParseOwned(bytes.Clone(data), Options{Name: "in"})
	cut := 0
	for _, size := range sizes {
		for _, finalHead := range []bool{false, true} {
			got, calls, err := streamed(data, size, finalHead)
			switch {
			case errors.Is(err, ErrNotStreamed):
				if calls > 0 {
					t.Errorf("%s (parts of %d): ErrNotStreamed after %d emits", name, size, calls)
				}
				return 0
			case werr != nil || err != nil:
				if fmt.Sprint(err) != fmt.Sprint(werr) {
					t.Errorf("%s (parts of %d, final head %v): error %v, the whole parse's %v", name, size, finalHead, err, werr)
				}
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (parts of %d, final head %v): the streamed parse differs from the whole parse%s", name, size, finalHead, streamDiff(got, want))
			}
			if calls > 1 {
				cut++
			}
		}
		// Buffers reused: each section's JSON as it is emitted.
		if werr != nil {
			continue
		}
		if got, err := streamedJSON(data, size); err != nil {
			t.Errorf("%s (parts of %d, buffers reused): %v", name, size, err)
		} else if got != wantJSON(want) {
			t.Errorf("%s (parts of %d, buffers reused): the sections' JSON differs from the whole parse's", name, size)
		}
	}
	return cut
}

// streamDiff names the first article or field where got and want differ.
func streamDiff(got, want *Issue) string {
	g, w := *got, *want
	g.Sections, w.Sections = nil, nil
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf(": head %+v, want %+v", g, w)
	}
	if len(got.Sections) != len(want.Sections) {
		return fmt.Sprintf(": %d sections, want %d", len(got.Sections), len(want.Sections))
	}
	for s := range got.Sections {
		gs, ws := got.Sections[s], want.Sections[s]
		if len(gs.Articles) != len(ws.Articles) {
			return fmt.Sprintf(": section %d (page %d): %d articles, want %d", s, ws.Page, len(gs.Articles), len(ws.Articles))
		}
		for a := range gs.Articles {
			if !reflect.DeepEqual(gs.Articles[a], ws.Articles[a]) {
				return fmt.Sprintf(": article %d: %+v\nwant %+v", ws.Articles[a].N, gs.Articles[a], ws.Articles[a])
			}
		}
		gs.Articles, ws.Articles = nil, nil
		if !reflect.DeepEqual(gs, ws) {
			return fmt.Sprintf(": section %d: %+v, want %+v", s, gs, ws)
		}
	}
	return ""
}

// streamInputs returns the text inputs the streamed parse is checked on:
// every file under testdata/ and issue/testdata (the fuzz corpus's inputs
// among them), and ../shared/real and ../shared/seed when present.
func streamInputs(t *testing.T) map[string][]byte {
	root := repoRoot(t)
	in := map[string][]byte{}
	walk := func(dir string) {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil || len(data) > 8<<20 {
				return nil
			}
			if rest, ok := bytes.CutPrefix(data, []byte("go test fuzz v1\n")); ok {
				// A fuzz corpus entry: its []byte or string argument.
				for _, line := range strings.Split(string(rest), "\n") {
					for _, pre := range []string{"[]byte(", "string("} {
						if s, ok := strings.CutPrefix(line, pre); ok {
							if u, err := strconv.Unquote(strings.TrimSuffix(s, ")")); err == nil {
								data = []byte(u)
							}
						}
					}
				}
			}
			rel, _ := filepath.Rel(root, p)
			in[rel] = data
			return nil
		})
	}
	walk(filepath.Join(root, "testdata"))
	walk(filepath.Join(root, "issue", "testdata"))
	walk(filepath.Join(root, "ui", "cli", "testdata"))
	for _, shared := range []string{"real", "seed"} {
		dir := filepath.Join(root, "..", "shared", shared)
		if _, err := os.Stat(dir); err != nil {
			t.Logf("../shared/%s is absent: its issues are not checked", shared)
			continue
		}
		walk(dir)
	}
	return in
}

// TestStreamMatchesParse checks that Stream reads every sample as Parse
// does, in parts small enough to be cut before every page heading, and
// in larger ones; generated issues too, and the samples run together
// (several issues' pages, jump lines that point across them).
func TestStreamMatchesParse(t *testing.T) {
	in := streamInputs(t)
	if len(in) < 30 {
		t.Fatalf("only %d inputs", len(in))
	}
	cut, crlfStreamed := 0, 0
	var all []byte
	for name, data := range in {
		cut += compareStream(t, name, data, 1, 100, 1000, 64<<10)
		// With CRLF lines (LF lines for those that have CRLF ones),
		// which are streamed as their LF lines are.
		other, kind := crlf(data), "CRLF"
		if bytes.Equal(other, data) {
			other, kind = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), "LF"
		}
		if streams(data) != streams(other) {
			t.Errorf("%s: streamed %v, with %s lines %v", name, streams(data), kind, streams(other))
		}
		if streams(other) && bytes.Contains(other, []byte("\r\n")) {
			crlfStreamed++
		}
		cut += compareStream(t, name+" with "+kind+" lines", other, 1, 1000)
		// The issue written as Markdown: page headings, stitched jump
		// lines' comments, escapes, whatever the sample was.
		if is, err := ParseBytes(data, Options{Name: name}); err == nil {
			var md bytes.Buffer
			if err := WriteMarkdown(&md, is); err == nil {
				cut += compareStream(t, name+" as Markdown", md.Bytes(), 1, 1000)
			}
		}
		if !bytes.HasSuffix(data, []byte("\n")) {
			data = append(bytes.Clone(data), '\n')
		}
		all = append(all, data...)
	}
	sizes := []int{1, 4 << 10}
	if testing.Short() {
		sizes = sizes[1:]
	}
	cut += compareStream(t, "all samples", all, sizes...)
	for _, n := range []int{20 << 10, 300 << 10} {
		cut += compareStream(t, fmt.Sprintf("generated %d bytes", n), issuegen.Issue(n), 1, 8<<10)
	}
	t.Logf("%d parses cut into parts; %d inputs with CRLF lines streamed", cut, crlfStreamed)
	if cut < 100 || crlfStreamed < 30 {
		t.Errorf("only %d parses were cut into parts, %d inputs with CRLF lines streamed", cut, crlfStreamed)
	}
}

// crlf returns data with CRLF lines: each '\n' not after a '\r' made
// "\r\n".
func crlf(data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/16)
	for i, c := range data {
		if c == '\n' && (i == 0 || data[i-1] != '\r') {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	return out
}

// streams reports whether Stream reads data in parts (else it returns
// ErrNotStreamed).
func streams(data []byte) bool {
	err := Stream(context.Background(), bytes.NewReader(data), int64(len(data)), StreamOptions{Name: "in", PartSize: 1}, func(*Issue, []Section, bool) error { return nil })
	return !errors.Is(err, ErrNotStreamed)
}

// streamSeeds are hand-made issues whose parse depends on what crosses
// the places Stream cuts at: jump lines onwards and back (forward,
// backward, in chains, split by markup or a line break), pages read
// twice, plain page lines, a code block or a comment open across a page
// heading, headings of a level met only late, indented paragraphs, a page 0
// that a later citation gives its page.
var streamSeeds = []string{
	"中共青溪市委员会主办\n\n2024年3月8日 星期五\n\n# 第1版 要闻\n\n## 春耕\n\n本报讯(记者 甲)正文,说到一半,(下转第2版)\n\n## 茶园\n\n正文。\n\n# 第2版 要闻\n\n## 春耕\n\n(上接第1版)另一半。\n\n## 其他\n\n正文。(下转第3版)\n\n# 第3版\n\n(上接第2版)后面的。(下转第4版)\n\n# 第4版\n\n(上接第3版)结尾。\n",
	"# 第1版\n\n## 甲\n\n正文。\n\n# 第2版\n\n(上接第3版)前接的。\n\n# 第3版\n\n## 乙\n\n正文,(下转第2版)\n\n# 第4版\n\n## 丙\n\n正文。\n",
	"# 第1版\n\n## 题\n\n正文(下转**第3版**)\n\n# 第2版\n\n## 丁\n\n正文(下\n转第3版)\n\n# 第3版\n\n(上接第1版)续。\n\n# 第3版\n\n(上接第2版)又续。\n",
	"一版 要闻\n\n春耕\n\n本报讯 正文第一段,没有结束(下转第二版)\n\n二版 经济\n\n(上接第一版)另一半。\n\n三版\n\n茶园\n\n正文。\n",
	"# 第1版\n\n## 题\n\n```\n代码\n\n# 第2版\n\n代码\n```\n\n正文。\n\n# 第3版\n\n<!-- 注释\n\n# 第4版\n\n正文。\n",
	// A page line of page 0 given its page by the first citation, in a later part: the jump to it waits.
	"星河日报\n\n2024年3月8日 星期五\n\n# 第1版 要闻\n\n## 春耕\n\n正文说到一半，(下转第2版)\n\n# 第0版 综合\n\n## 春耕\n\n> 《星河日报》（2024年03月08日第 02 版）\n\n（上接第1版）另一半。\n",
	"# 第1版\n\n## 题\n\n正文(下转第2版)\n\n# 第2版\n\n<!-- dubao:repeat 1 \"题\" -->\n\n(上接第1版)续。\n\n# 第3版\n\n## 乙\n\n正文。\n\n# 第4版\n\n#### 很深的标题\n\n正文。\n\n# 不是版面的一级标题\n\n正文。\n",
	"一版 要闻\n\n春耕\n\n　　本报讯 正文第一段,没有结束(下转第二版)\n\n二版 经济\n\n　　(上接第一版)另一半。\n\n三版\n\n茶园\n\n　　正文。\n",
	"# 第1版\n\n## 题\n\n　　正文很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n\n# 第2版\n\n## 乙\n\n正文很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n\n　　缩进的很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n",
	// The first part's long paragraphs indented, the whole text's not.
	"# 第1版\n\n## 题\n\n　　缩进的很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n\n# 第2版\n\n## 乙\n\n不缩进的很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n\n也不缩进的很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n",
}

// FuzzStream checks that Stream reads any input as Parse does, cut in
// parts of one byte (before every page heading it may cut at) and of 64,
// and that its first pass sees what the whole parse finds (checkFirstPass):
// each input as it is and with CRLF lines.
func FuzzStream(f *testing.F) {
	data, err := os.ReadFile(samplePath(f, "sample.md"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(crlf(data))
	for _, s := range append(streamSeeds, firstPassSeeds...) {
		f.Add([]byte(s))
		f.Add(crlf([]byte(s)))
	}
	// Carriage returns that are not a CRLF line's: read whole.
	f.Add([]byte("# 第1版\r\n\r\n## 甲\r正文。\r\n"))
	f.Add([]byte("# 第1版\r\n\r\n## 甲\r\n\r\n正文。\r"))
	f.Fuzz(func(t *testing.T, data []byte) {
		compareStream(t, "input", data, 1, 64)
		checkFirstPass(t, "input", data, 1)
		// With CRLF lines.
		if c := crlf(data); len(c) > len(data) {
			compareStream(t, "input with CRLF lines", c, 1, 64)
			checkFirstPass(t, "input with CRLF lines", c, 1)
		}
	})
}

// TestStreamSeeds checks the hand-made seeds, and that those that can be
// cut are: not the headings of a level first met late (6) nor the
// indented paragraphs met late (7, 8, 9), which the first part cannot decide.
func TestStreamSeeds(t *testing.T) {
	for i, s := range streamSeeds {
		cut := compareStream(t, fmt.Sprint("seed ", i), []byte(s), 1, 16, 64) > 0
		if want := i < 6; cut != want {
			t.Errorf("seed %d: cut %v, want %v", i, cut, want)
		}
	}
}

// cancelReader is a ReaderAt that calls cancel at its read number at
// (counted from 1), after reading, and counts the reads after that.
type cancelReader struct {
	r           *bytes.Reader
	at, n, late int
	cancel      func()
}

func (c *cancelReader) ReadAt(p []byte, off int64) (int, error) {
	if c.at > 0 && c.n >= c.at {
		c.late++
	}
	n, err := c.r.ReadAt(p, off)
	if c.n++; c.n == c.at {
		c.cancel()
	}
	return n, err
}

// TestStreamCancel: a done context stops Stream with ctx.Err(), nothing
// more is read and emit is not called after it: done before Stream
// starts, during the first pass (at its second read), during the second
// (at the third part's read) and in the first emit.
func TestStreamCancel(t *testing.T) {
	data := issuegen.Issue(256 << 10)
	opt := StreamOptions{Name: "in", PartSize: 8 << 10}
	calls := 0
	err := Stream(t.Context(), bytes.NewReader(data), int64(len(data)), opt, func(*Issue, []Section, bool) error {
		calls++
		return nil
	})
	if err != nil || calls < 4 {
		t.Fatalf("not cancelled: %d calls of emit, error %v; want 4 or more, nil", calls, err)
	}
	firstPass := (len(data) + 64<<10 - 1) / (64 << 10) // the first pass's reads
	for _, c := range []struct {
		name     string
		readAt   int // cancel at this read (0: before Stream)
		emitAt   int // or at this call of emit
		maxCalls int
	}{
		{"before", 0, 0, 0},
		{"first pass", 2, 0, 0},
		{"second pass", firstPass + 3, 0, 2},
		{"emit", 0, 1, 1},
	} {
		ctx, cancel := context.WithCancel(t.Context())
		r := &cancelReader{r: bytes.NewReader(data), at: c.readAt, cancel: cancel}
		if c.readAt == 0 && c.emitAt == 0 {
			cancel()
		}
		n, after := 0, 0
		err := Stream(ctx, r, int64(len(data)), opt, func(*Issue, []Section, bool) error {
			if ctx.Err() != nil {
				after++
			}
			if n++; n == c.emitAt {
				cancel()
			}
			return nil
		})
		if err != context.Canceled || after > 0 || n > c.maxCalls || r.late > 0 {
			t.Errorf("%s: error %v, emit called %d times (%d after the cancel), %d reads after it; want %v, at most %d, none after", c.name, err, n, after, r.late, context.Canceled, c.maxCalls)
		}
		cancel()
	}
}

// failReader is a ReaderAt whose read number at (counted from 1) and
// every read after it fail.
type failReader struct {
	r     *bytes.Reader
	at, n int
}

var errDiskGone = errors.New("disk gone")

func (f *failReader) ReadAt(p []byte, off int64) (int, error) {
	if f.n++; f.n >= f.at {
		return 0, errDiskGone
	}
	return f.r.ReadAt(p, off)
}

// TestStreamReadError: a read error in the first pass or midway through
// the second stops Stream with the error (naming the input) and emit is
// not called after it.
func TestStreamReadError(t *testing.T) {
	data := issuegen.Issue(256 << 10)
	opt := StreamOptions{Name: "in", PartSize: 8 << 10}
	firstPass := (len(data) + 64<<10 - 1) / (64 << 10)
	for _, at := range []int{1, 2, firstPass + 1, firstPass + 3} {
		r := &failReader{r: bytes.NewReader(data), at: at}
		after := 0
		err := Stream(t.Context(), r, int64(len(data)), opt, func(*Issue, []Section, bool) error {
			if r.n >= r.at {
				after++
			}
			return nil
		})
		if !errors.Is(err, errDiskGone) || !strings.HasPrefix(err.Error(), "read in: ") || after > 0 {
			t.Errorf("failing at read %d: error %v, emit called %d times after; want read in: %v, none", at, err, after, errDiskGone)
		}
	}
}
