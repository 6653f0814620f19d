package shelf

import (
	"encoding/json"
	"errors"
	"fmt"
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

// detach makes the strings of r its own: a reason made from an error may
// quote the bytes of a file, whose buffer is reused (see analyze).
func (r *Reason) detach() {
	if r != nil {
		r.Detail, r.Zh, r.Limit = strings.Clone(r.Detail), strings.Clone(r.Zh), strings.Clone(r.Limit)
	}
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

// reasonForms is the English and the Chinese of each kind that says a
// detail, %s standing for it.
var reasonForms = map[ReasonKind][2]string{
	ReasonSpecial:     {"not a regular file (%s)", "不是普通文件(%s)"},
	ReasonNotText:     {"not text: %s", "不是文本：%s"},
	ReasonUnreadable:  {"cannot read: %s", "读不了：%s"},
	ReasonEncoding:    {"unknown encoding %s", "无法识别的编码 %s"},
	ReasonWebResource: {"a saved web page's resource (its %s folder)", "保存的网页的附属文件(在 %s 文件夹中)"},
	ReasonBug:         {"dubao failed reading it (a bug: %s)", "读取时出错(dubao 的缺陷：%s)"},
}

// tooLargeForms is the English and the Chinese of ReasonTooLarge: with
// no limit known, with the limit (%s), with the size and the limit.
var tooLargeForms = [3][2]string{
	{"too large", "文件太大"},
	{"too large (more than %s, the limit)", "文件太大(超过上限 %s)"},
	{"too large (%s, the limit is %s)", "文件太大(%s,上限 %s)"},
}

// String says the reason in English.
func (r Reason) String() string { return r.say(0, r.Detail) }

// Chinese says the reason in Chinese. What the kind needs said is in
// Chinese when it is known (Zh), else as the source said it.
func (r Reason) Chinese() string {
	detail := r.Zh
	if detail == "" {
		detail = r.Detail
	}
	return r.say(1, detail)
}

// say says the reason in language lang (0 English, 1 Chinese), with
// detail in that language.
func (r Reason) say(lang int, detail string) string {
	if t, ok := reasonText[r.Kind]; ok {
		return t[lang]
	}
	switch r.Kind {
	case ReasonTooLarge:
		switch {
		case r.Limit == "":
			return tooLargeForms[0][lang]
		case r.Detail == "":
			return fmt.Sprintf(tooLargeForms[1][lang], r.Limit)
		}
		return fmt.Sprintf(tooLargeForms[2][lang], r.Detail, r.Limit)
	case ReasonSpecial:
		if detail == "" { // the kind of special file is not known
			return strings.TrimSpace(strings.TrimSuffix(reasonForms[r.Kind][lang], "(%s)"))
		}
	}
	if f, ok := reasonForms[r.Kind]; ok {
		return fmt.Sprintf(f[lang], detail)
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
