package shelf

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"syscall"

	"dubao/issue"
	"dubao/issue/decode"
	"dubao/issue/safefile"
	"dubao/issue/source"
)

// Reason says why a file of a shelf's folder is not on the shelf: a kind,
// and what the kind needs said (the kind of binary data, the size, the
// cause of a read error). It reads in English (String: dubao list and
// dubao json) and in Chinese (Chinese: the reader's panel of skipped
// files).
type Reason struct {
	Kind ReasonKind `json:"kind"`
	// Detail is what the kind needs said, in English: the kind of binary
	// data or of special file, the cause of a read error, the encoding's
	// name, the size (TooLarge: "" when unknown); the whole message for
	// ReasonOther.
	Detail string `json:"detail,omitempty"`
	// Zh is Detail in Chinese, when it is known.
	Zh string `json:"zh,omitempty"`
	// Limit is TooLarge's size limit.
	Limit string `json:"limit,omitempty"`
}

// ReasonKind is the kind of a Reason.
type ReasonKind uint8

// The kinds of Reason.
const (
	ReasonOther          ReasonKind = iota // another error: Detail is its message
	ReasonEmpty                            // an empty file
	ReasonSpecial                          // not a regular file; Detail: which kind
	ReasonLinkToFolder                     // a link to a folder, not followed
	ReasonPseudoFS                         // a pseudo file system, not walked
	ReasonOtherFS                          // another file system, not walked
	ReasonNotIssue                         // no masthead or date, and not mostly Chinese text
	ReasonBinary                           // not a text file (binary data)
	ReasonNotText                          // binary data of a kind: Detail
	ReasonNoArticles                       // no articles
	ReasonNotIssueFolder                   // a folder that is not one issue
	ReasonIsDir                            // a folder where a file was needed
	ReasonUnreadable                       // cannot read: Detail is the cause
	ReasonEncoding                         // an unknown encoding: Detail names it
	ReasonTooLarge                         // too large: Detail, Limit
	ReasonWebResource                      // a saved web page's resource: Detail is its folder
	ReasonWebScript                        // a web page's script or style sheet
	ReasonBug                              // dubao failed reading it (a panic): Detail is what panicked
)

// reasonText is the English and the Chinese of each kind with a fixed text.
var reasonText = map[ReasonKind][2]string{
	ReasonEmpty:          {"empty file", "空文件"},
	ReasonLinkToFolder:   {"link to a folder (not followed)", "指向文件夹的链接(不跟随)"},
	ReasonPseudoFS:       {"a pseudo file system (not walked)", "系统的虚拟文件系统(不进入)"},
	ReasonOtherFS:        {"another file system (not walked; --cross-filesystems walks it)", "另一个文件系统(不进入；加 --cross-filesystems 才进入)"},
	ReasonNotIssue:       {"no masthead or date, and not mostly Chinese text: not an issue", "没有报头、日期，正文也不以中文为主：不是报纸"},
	ReasonBinary:         {"not a text file (binary data)", "不是文本文件(二进制数据)"},
	ReasonNoArticles:     {"no articles", "没有文章"},
	ReasonNotIssueFolder: {"not a folder of one issue", "不是一期报纸的文件夹"},
	ReasonIsDir:          {"is a directory", "是文件夹"},
	ReasonWebScript:      {"a web page's script or style sheet", "网页的脚本或样式表"},
}

// String says the reason in English.
func (r Reason) String() string {
	if t, ok := reasonText[r.Kind]; ok {
		return t[0]
	}
	switch r.Kind {
	case ReasonSpecial:
		if r.Detail == "" {
			return "not a regular file"
		}
		return "not a regular file (" + r.Detail + ")"
	case ReasonNotText:
		return "not text: " + r.Detail
	case ReasonUnreadable:
		return "cannot read: " + r.Detail
	case ReasonEncoding:
		return "unknown encoding " + r.Detail
	case ReasonWebResource:
		return "a saved web page's resource (its " + r.Detail + " folder)"
	case ReasonBug:
		return "dubao failed reading it (a bug: " + r.Detail + ")"
	case ReasonTooLarge:
		switch {
		case r.Limit == "":
			return "too large"
		case r.Detail == "":
			return "too large (more than " + r.Limit + ", the limit)"
		}
		return "too large (" + r.Detail + ", the limit is " + r.Limit + ")"
	}
	return r.Detail
}

// Chinese says the reason in Chinese. What the kind needs said is in
// Chinese when it is known (Zh), else as the source said it.
func (r Reason) Chinese() string {
	if t, ok := reasonText[r.Kind]; ok {
		return t[1]
	}
	detail := r.Zh
	if detail == "" {
		detail = r.Detail
	}
	switch r.Kind {
	case ReasonSpecial:
		if detail == "" {
			return "不是普通文件"
		}
		return "不是普通文件(" + detail + ")"
	case ReasonNotText:
		return "不是文本：" + detail
	case ReasonUnreadable:
		return "读不了：" + detail
	case ReasonEncoding:
		return "无法识别的编码 " + detail
	case ReasonWebResource:
		return "保存的网页的附属文件(在 " + detail + " 文件夹中)"
	case ReasonBug:
		return "读取时出错(dubao 的缺陷：" + detail + ")"
	case ReasonTooLarge:
		switch {
		case r.Limit == "":
			return "文件太大"
		case r.Detail == "":
			return "文件太大(超过上限 " + r.Limit + ")"
		}
		return "文件太大(" + r.Detail + ",上限 " + r.Limit + ")"
	}
	return r.Detail
}

// fixed returns the Reason of a kind with a fixed text.
func fixed(k ReasonKind) Reason { return Reason{Kind: k} }

// special returns the Reason of a file that is not a regular one.
func special(mode fs.FileMode) Reason {
	return Reason{Kind: ReasonSpecial, Detail: safefile.Kind(mode), Zh: safefile.KindChinese(mode)}
}

// readErrors are the causes of a read error said in Chinese.
var readErrors = []struct {
	err error
	zh  string
}{
	{fs.ErrPermission, "没有权限"},
	{fs.ErrNotExist, "文件不存在"},
	{syscall.EISDIR, "是文件夹"},
	{syscall.EIO, "输入/输出错误"},
	{safefile.ErrNotRegular, "不是普通文件"},
	{safefile.ErrTooLarge, "文件太大"},
}

// unreadable is the Reason of a file that cannot be read for cause (an
// error without the file's name).
func unreadable(cause error) Reason {
	r := Reason{Kind: ReasonUnreadable, Detail: cause.Error()}
	for _, c := range readErrors {
		if errors.Is(cause, c.err) {
			r.Zh = c.zh
			break
		}
	}
	return r
}

// reasonOf turns an error about a unit (rel, at abs) into a Reason: its
// kind told by the error's type, its detail without the names the error
// may start with.
func reasonOf(rel, abs string, err error) Reason {
	var pe *fs.PathError
	var tl *source.TooLargeError
	var nt *source.NotTextError
	switch {
	case errors.As(err, &pe):
		return unreadable(pe.Err)
	case errors.As(err, &tl):
		r := Reason{Kind: ReasonTooLarge, Limit: source.Megabytes(tl.Limit)}
		if tl.Size >= 0 {
			r.Detail = source.Megabytes(tl.Size)
		}
		return r
	case errors.As(err, &nt):
		return Reason{Kind: ReasonNotText, Detail: nt.Kind, Zh: source.KindChinese(nt.Kind)}
	case errors.Is(err, source.ErrEmpty):
		return fixed(ReasonEmpty)
	case errors.Is(err, issue.ErrBinary):
		return fixed(ReasonBinary)
	case errors.Is(err, issue.ErrNoArticles) && errorText(rel, abs, err) == issue.ErrNoArticles.Error():
		return fixed(ReasonNoArticles)
	case errors.Is(err, issue.ErrNotIssueFolder) && errorText(rel, abs, err) == issue.ErrNotIssueFolder.Error():
		return fixed(ReasonNotIssueFolder)
	case errors.Is(err, decode.ErrEncoding):
		name, _ := strings.CutPrefix(errorText(rel, abs, err), decode.ErrEncoding.Error()+" ")
		return Reason{Kind: ReasonEncoding, Detail: name}
	}
	return Reason{Kind: ReasonOther, Detail: errorText(rel, abs, err)}
}

// errorText is err's message without the names rel and abs it may start
// with.
func errorText(rel, abs string, err error) string {
	msg := err.Error()
	for _, name := range []string{rel, abs} {
		msg = strings.TrimPrefix(msg, name+": ")
	}
	return msg
}

// MarshalJSON writes a skipped file as dubao json prints it: its path and
// its reason in English.
func (s Skipped) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Path   string `json:"path"`
		Reason string `json:"reason"`
	}{s.Path, s.Reason.String()})
}
