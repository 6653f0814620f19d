package shelf

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"dubao/issue"
	"dubao/issue/decode"
	"dubao/issue/source"
)

// TestReasons: the errors of reading a file become reasons that say the
// same in English as the error did (dubao list, dubao json), and say it
// in Chinese (the reader's panel of skipped files).
func TestReasons(t *testing.T) {
	const rel, abs = "2024/x.md", "/papers/2024/x.md"
	for _, tc := range []struct {
		err         error
		kind        ReasonKind
		english, zh string
	}{
		{source.ErrEmpty, ReasonEmpty, "empty file", "空文件"},
		{fmt.Errorf("%s: %w", rel, &source.NotTextError{Kind: "PDF document"}), ReasonNotText, "not text: PDF document", "不是文本：PDF 文档"},
		{&source.NotTextError{Kind: "some new format"}, ReasonNotText, "not text: some new format", "不是文本：some new format"},
		{&fs.PathError{Op: "open", Path: abs, Err: syscall.EACCES}, ReasonUnreadable, "cannot read: permission denied", "读不了：没有权限"},
		{&fs.PathError{Op: "open", Path: abs, Err: errors.New("odd")}, ReasonUnreadable, "cannot read: odd", "读不了：odd"},
		{&source.TooLargeError{Size: 80 << 20, Limit: 64 << 20}, ReasonTooLarge, "too large (80 MB, the limit is 64 MB)", "文件太大(80 MB,上限 64 MB)"},
		{&source.TooLargeError{Size: -1, Limit: 64 << 20}, ReasonTooLarge, "too large (more than 64 MB, the limit)", "文件太大(超过上限 64 MB)"},
		{fmt.Errorf("%s: %w", abs, issue.ErrBinary), ReasonBinary, "not a text file (binary data)", "不是文本文件(二进制数据)"},
		{fmt.Errorf("%s: %w", rel, issue.ErrNoArticles), ReasonNoArticles, "no articles", "没有文章"},
		{fmt.Errorf("%w in the folder (x)", issue.ErrNoArticles), ReasonOther, "no articles in the folder (x)", "no articles in the folder (x)"},
		{fmt.Errorf("%w %q", decode.ErrEncoding, "klingon"), ReasonEncoding, `unknown encoding "klingon"`, `无法识别的编码 "klingon"`},
		{errors.New("something else"), ReasonOther, "something else", "something else"},
	} {
		r := reasonOf(rel, abs, tc.err)
		if r.Kind != tc.kind || r.String() != tc.english || r.Chinese() != tc.zh {
			t.Errorf("%v: kind %d %q %q, want %d %q %q", tc.err, r.Kind, r.String(), r.Chinese(), tc.kind, tc.english, tc.zh)
		}
		if got := errorText(rel, abs, tc.err); tc.kind != ReasonUnreadable && got != tc.english {
			t.Errorf("the error said %q, the reason says %q", got, tc.english)
		}
	}
	for k, want := range map[ReasonKind][2]string{
		ReasonNotIssue: {"no masthead or date, and not mostly Chinese text: not an issue", "没有报头、日期，正文也不以中文为主：不是报纸"},
		ReasonOtherFS:  {"another file system (not walked; --cross-filesystems walks it)", "另一个文件系统(不进入；加 --cross-filesystems 才进入)"},
	} {
		if r := fixed(k); r.String() != want[0] || r.Chinese() != want[1] {
			t.Errorf("kind %d: %q %q", k, r.String(), r.Chinese())
		}
	}
	if r := special(fs.ModeNamedPipe); r.String() != "not a regular file (a named pipe)" || r.Chinese() != "不是普通文件(命名管道)" {
		t.Errorf("a pipe: %q %q", r.String(), r.Chinese())
	}
	// dubao json prints the reason in English
	out, err := json.Marshal(Skipped{Path: "a.png", Reason: reasonOf("a.png", "", &source.NotTextError{Kind: "PNG image"})})
	if err != nil || string(out) != `{"path":"a.png","reason":"not text: PNG image"}` {
		t.Errorf("json: %s %v", out, err)
	}
}
