package source

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"

	"dubao/issue"
)

// signatures are the leading bytes of common binary formats found in
// folders of saved papers (scans, archives, office files), with what they
// are in English and in Chinese.
var signatures = [...]struct {
	magic    []byte
	kind, zh string
}{
	{[]byte("\x89PNG\r\n\x1a\n"), "PNG image", "PNG 图片"},
	{[]byte("\xff\xd8\xff"), "JPEG image", "JPEG 图片"},
	{[]byte("GIF87a"), "GIF image", "GIF 图片"},
	{[]byte("GIF89a"), "GIF image", "GIF 图片"},
	{[]byte("RIFF"), "RIFF media (WebP, WAV, AVI)", "RIFF 媒体文件(WebP、WAV、AVI)"},
	{[]byte("%PDF-"), "PDF document", "PDF 文档"},
	{[]byte("PK\x03\x04"), "ZIP archive (or an office document)", "ZIP 压缩包(或 Office 文档)"},
	{[]byte("PK\x05\x06"), "ZIP archive", "ZIP 压缩包"},
	{[]byte("\x1f\x8b"), "gzip archive", "gzip 压缩包"},
	{[]byte("\xfd7zXZ\x00"), "xz archive", "xz 压缩包"},
	{[]byte("7z\xbc\xaf\x27\x1c"), "7z archive", "7z 压缩包"},
	{[]byte("Rar!\x1a\x07"), "RAR archive", "RAR 压缩包"},
	{[]byte("\x7fELF"), "ELF executable", "ELF 可执行文件"},
	{[]byte("\xcf\xfa\xed\xfe"), "Mach-O executable", "Mach-O 可执行文件"},
	{[]byte("SQLite format 3\x00"), "SQLite database", "SQLite 数据库"},
	{[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "old office document", "旧版 Office 文档"},
	{[]byte("II*\x00"), "TIFF image", "TIFF 图片"},
	{[]byte("MM\x00*"), "TIFF image", "TIFF 图片"},
	{[]byte("OggS"), "Ogg media", "Ogg 媒体文件"},
	{[]byte("ID3"), "MP3 audio", "MP3 音频"},
}

// Kinds of binary data SniffBinary tells besides the signatures.
const (
	kindMP4    = "MP4/MOV media"
	kindBinary = "binary data"
)

// KindChinese says in Chinese what a kind of binary data SniffBinary
// tells is; a kind it does not tell is returned as it is.
func KindChinese(kind string) string {
	switch kind {
	case kindMP4:
		return "MP4/MOV 视频"
	case kindBinary:
		return "二进制数据"
	}
	for _, s := range signatures {
		if s.kind == kind {
			return s.zh
		}
	}
	return kind
}

// SniffBinary says what kind of binary file head starts, or "" when it may
// be text. UTF-16 text (with a byte-order mark) is text; for the rest, NUL
// bytes or many control bytes make it binary unless the parser's detection
// finds UTF-16 text without a byte-order mark: random or compressed bytes
// with no signature decode as some legacy Chinese encoding well enough to
// pass the parser's own check, but about one byte in ten of them is a
// control character, which text (even text with a few escape sequences
// or stray controls) is not.
//
// An EPUB is not binary here: dubao reads it (see IsEPUB).
func SniffBinary(head []byte) string {
	if IsEPUB(head) {
		return ""
	}
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return ""
	}
	for _, s := range signatures {
		if bytes.HasPrefix(head, s.magic) {
			return s.kind
		}
	}
	if len(head) >= 8 && string(head[4:8]) == "ftyp" {
		return kindMP4
	}
	controls := controlBytes(head)
	if bytes.IndexByte(head, 0) < 0 && controls*100 <= len(head)*maxControlPercent {
		return ""
	}
	res, err := issue.DecodeBytes(head[:len(head)&^1], "")
	switch {
	case errors.Is(err, issue.ErrBinary):
		return kindBinary
	case err == nil && strings.HasPrefix(res.Encoding, "UTF-16"):
		return ""
	case controls >= minControls && controls*100 > len(head)*maxControlPercent:
		return kindBinary
	}
	return ""
}

// A file that is not UTF-16 and holds more than maxControlPercent percent
// of control bytes (see controlBytes), and at least minControls of them, is
// binary. (A short text with a few stray controls is not.)
const (
	maxControlPercent = 3
	minControls       = 8
)

// controlBytes counts the C0 control bytes of b other than the white space
// of text files (tab, line feed, vertical tab, form feed, carriage return)
// and ESC.
//
// It reads eight bytes at a time and looks at the bytes one by one only
// in a word that holds a byte below 0x20 (the classic test: w - 0x20…20
// borrows into the top bit of the first such byte, and a byte with its
// top bit set is masked out by ^w), so that text, whose only such bytes
// are its line feeds, is sniffed at several times a byte a cycle: every
// file a shelf indexes is.
func controlBytes(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	n := 0
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b)
		if (w-0x20*ones)&^w&highs != 0 {
			n += controlBytesSlow(b[:8])
		}
		b = b[8:]
	}
	return n + controlBytesSlow(b)
}

// controlBytesSlow is controlBytes a byte at a time.
func controlBytesSlow(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x20 && (c < '\t' || c > '\r') && c != 0x1b {
			n++
		}
	}
	return n
}
