// Package charset decodes web documents (HTML pages, feeds, EPUB chapters)
// to UTF-8: it reads the encoding a document declares — a byte-order
// mark, <meta charset>, <meta http-equiv="Content-Type">, or the XML
// declaration — and decodes with it, except that the bytes win when the
// declaration is wrong (many Chinese pages declare GB2312 and are UTF-8)
// and that a document that declares nothing, or a Latin encoding, has its
// encoding detected as for text files (see package decode).
package charset

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"dubao/issue/decode"
)

// headSize is how much of a document is searched for a declaration.
const headSize = 4096

// Declared returns the encoding a document declares in its first bytes,
// lower-cased ("utf-8", "gb2312", "big5", …), or "" when it declares none.
// A byte-order mark declares UTF-8 or UTF-16.
//
// It does not use golang.org/x/net/html/charset, whose meta prescan is
// not exported: DetermineEncoding cannot say that a document declares
// nothing (it falls back to windows-1252, or to UTF-8 for valid UTF-8,
// with the same certain=false as a <meta> declaration), reads no XML
// declaration (the encoding="gb2312" of the GB2312 and Big5 feeds), gives
// the WHATWG name in place of the label (gbk for gb2312) and reads only
// the first 1024 bytes, where Chinese pages' long heads put <meta> later.
func Declared(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return "utf-8"
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return "utf-16le"
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return "utf-16be"
	}
	head := data[:min(len(data), headSize)]
	lower := asciiLower(head)
	if bytes.HasPrefix(bytes.TrimLeft(lower, " \t\r\n"), []byte("<?xml")) {
		end := bytes.Index(lower, []byte("?>"))
		if end > 0 {
			if v := attrValue(lower[:end], "encoding"); v != "" {
				return v
			}
		}
	}
	// <meta charset="x"> and <meta http-equiv=… content="text/html; charset=x">
	for off := 0; ; {
		i := bytes.Index(lower[off:], []byte("<meta"))
		if i < 0 {
			break
		}
		start := off + i
		end := bytes.IndexByte(lower[start:], '>')
		if end < 0 {
			break
		}
		tag := lower[start : start+end]
		off = start + end
		if v := attrValue(tag, "charset"); v != "" {
			return v
		}
		if !bytes.Contains(tag, []byte("http-equiv")) {
			continue
		}
		content := attrValue(tag, "content")
		if j := strings.Index(content, "charset="); j >= 0 {
			v := content[j+len("charset="):]
			if k := strings.IndexAny(v, "\"'; \t\r\n/"); k >= 0 {
				v = v[:k]
			}
			if v != "" {
				return v
			}
		}
	}
	return ""
}

// asciiLower returns a copy of b with its ASCII letters in lower case
// (other bytes as they are: a declaration is ASCII).
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// attrValue returns the value of the attribute name in the lower-cased
// text of a tag: name="v", name='v' or name=v.
func attrValue(tag []byte, name string) string {
	for off := 0; off < len(tag); {
		i := bytes.Index(tag[off:], []byte(name))
		if i < 0 {
			return ""
		}
		at := off + i
		off = at + len(name)
		if at > 0 && !isSpace(tag[at-1]) {
			continue // part of another name (http-equiv's content, x-charset)
		}
		rest := bytes.TrimLeft(tag[off:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '=' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n")
		if len(rest) == 0 {
			return ""
		}
		if q := rest[0]; q == '"' || q == '\'' {
			if k := bytes.IndexByte(rest[1:], q); k >= 0 {
				return strings.TrimSpace(string(rest[1 : 1+k]))
			}
			return ""
		}
		k := bytes.IndexAny(rest, " \t\r\n/>\"'")
		if k < 0 {
			k = len(rest)
		}
		return string(rest[:k])
	}
	return ""
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' }

// Decode decodes a web document to clean UTF-8 (see decode.Bytes): with
// the encoding forced when forced is not empty; otherwise a byte-order
// mark decides, then a declared Chinese or Unicode encoding unless the
// bytes are valid UTF-8 (which wins over a wrong declaration), then
// detection.
func Decode(data []byte, forced string) (decode.Result, error) {
	if forced != "" {
		return decode.Bytes(data, forced)
	}
	declared := Declared(data)
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")), bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decode.Bytes(data, "")
	case (declared == "" || strings.HasPrefix(declared, "utf-8") || declared == "utf8") && utf8.Valid(data) && bytes.IndexByte(data, 0) < 0:
		return decode.Bytes(data, "utf-8") // spares detection
	case declared == "", strings.HasPrefix(declared, "utf-8"), declared == "utf8":
		return decode.Bytes(data, "")
	case !trusted(declared):
		return decode.Bytes(data, "")
	case utf8.Valid(data):
		return decode.Bytes(data, "utf-8")
	}
	name := declared
	switch name {
	case "gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "csgb2312", "hz-gb-2312":
		name = "gb18030" // a superset: characters beyond GB2312 are common
	case "big5-hkscs", "x-x-big5", "cn-big5", "csbig5":
		name = "big5"
	}
	res, err := decode.Bytes(data, name)
	if err != nil {
		return decode.Bytes(data, "")
	}
	return res, nil
}

// trusted reports an encoding whose declaration is believed when the bytes
// are not UTF-8: Chinese, Japanese and Korean encodings and UTF-16. A
// Latin one (windows-1252, iso-8859-1) on a Chinese page is a template's
// default and is left to detection.
func trusted(name string) bool {
	for _, p := range []string{"gb", "big5", "euc-", "shift_jis", "iso-2022", "utf-16", "hz-", "x-gbk", "cp936", "cp950", "ks_c", "x-x-big5", "cn-big5", "csbig5", "csgb"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
