package shelf

import (
	"regexp"
	"strings"
)

// The shelf (issue/shelf) says in English why it skipped a file
// (Skipped.Reason, also written to its cache and to `dubao list`); the
// reader's panel of skipped files says it in Chinese. skipReason maps the
// reasons the shelf gives; one it does not know is shown as it is.

// skipReasons are the shelf's fixed reasons, in Chinese.
var skipReasons = map[string]string{
	"empty file":                                                     "空文件",
	"not a regular file":                                             "不是普通文件",
	"not a regular file (a named pipe)":                              "不是普通文件(命名管道)",
	"not a regular file (a character device)":                        "不是普通文件(字符设备)",
	"not a regular file (a block device)":                            "不是普通文件(块设备)",
	"not a regular file (a socket)":                                  "不是普通文件(套接字)",
	"not a regular file (a special file)":                            "不是普通文件(特殊文件)",
	"a pseudo file system (not walked)":                              "系统的虚拟文件系统(不进入)",
	"another file system (not walked; --cross-filesystems walks it)": "另一个文件系统(不进入；加 --cross-filesystems 才进入)",
	"link to a folder (not followed)":                                "指向文件夹的链接(不跟随)",
	"no masthead, date or Chinese text: not an issue":                "没有报头、日期，也没有中文：不是报纸",
	"not a text file (binary data)":                                  "不是文本文件(二进制数据)",
	"no articles":                                                    "没有文章",
	"not a folder of one issue":                                      "不是一期报纸的文件夹",
	"is a directory":                                                 "是文件夹",
}

// binaryKinds are the kinds of binary file the shelf recognises
// ("not text: PDF document"), in Chinese.
var binaryKinds = map[string]string{
	"PNG image":                           "PNG 图片",
	"JPEG image":                          "JPEG 图片",
	"GIF image":                           "GIF 图片",
	"TIFF image":                          "TIFF 图片",
	"RIFF media (WebP, WAV, AVI)":         "RIFF 媒体文件(WebP、WAV、AVI)",
	"PDF document":                        "PDF 文档",
	"ZIP archive (or an office document)": "ZIP 压缩包(或 Office 文档)",
	"ZIP archive":                         "ZIP 压缩包",
	"gzip archive":                        "gzip 压缩包",
	"xz archive":                          "xz 压缩包",
	"7z archive":                          "7z 压缩包",
	"RAR archive":                         "RAR 压缩包",
	"ELF executable":                      "ELF 可执行文件",
	"Mach-O executable":                   "Mach-O 可执行文件",
	"SQLite database":                     "SQLite 数据库",
	"old office document":                 "旧版 Office 文档",
	"Ogg media":                           "Ogg 媒体文件",
	"MP3 audio":                           "MP3 音频",
	"MP4/MOV media":                       "MP4/MOV 视频",
	"binary data":                         "二进制数据",
}

// readErrors are common causes of "cannot read: …", in Chinese.
var readErrors = map[string]string{
	"permission denied":         "没有权限",
	"no such file or directory": "文件不存在",
	"is a directory":            "是文件夹",
	"input/output error":        "输入/输出错误",
}

// tooLargeReason matches the shelf's "too large" reasons and their sizes.
var tooLargeReason = regexp.MustCompile(`^too large(?: \((?:more than (.+), the limit|(.+), the limit is (.+))\))?$`)

// skipReason says in Chinese why the shelf skipped a file.
func skipReason(reason string) string {
	if zh, ok := skipReasons[reason]; ok {
		return zh
	}
	if kind, ok := strings.CutPrefix(reason, "not text: "); ok {
		if zh, ok := binaryKinds[kind]; ok {
			return "不是文本：" + zh
		}
		return "不是文本：" + kind
	}
	if cause, ok := strings.CutPrefix(reason, "cannot read: "); ok {
		if zh, ok := readErrors[cause]; ok {
			cause = zh
		}
		return "读不了：" + cause
	}
	if name, ok := strings.CutPrefix(reason, "unknown encoding "); ok {
		return "无法识别的编码 " + name
	}
	if m := tooLargeReason.FindStringSubmatch(reason); m != nil {
		switch {
		case m[1] != "":
			return "文件太大(超过上限 " + m[1] + ")"
		case m[2] != "":
			return "文件太大(" + m[2] + ",上限 " + m[3] + ")"
		}
		return "文件太大"
	}
	return reason
}
