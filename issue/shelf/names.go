package shelf

import (
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"dubao/issue"
	"dubao/issue/textsafe"
)

// Page numbers in file and folder names: 01.md, 02版.md, 第三版.txt, A2.md,
// page-3.md, and the web archive's YYYYMMDD-PP-NN.txt. (Dates in names —
// 2024-03-08, 2024_03_08, 2024.3.8, 2024年3月8日, 20240308, 2024/03/08/ of
// folders — are read by issue.FindDate.)
// They are compiled on first use, not at start-up: every command would pay
// for them.
var names = sync.OnceValue(func() *nameForms {
	f := &nameForms{
		archiveName:    regexp.MustCompile(`^((?:19|20)[0-9]{6})-([0-9]{2})-([0-9]{2})$`),
		pageOrdinal:    regexp.MustCompile(`第([0-9]{1,3}|[一二三四五六七八九十百〇零]{1,5})版`),
		pageNumber:     regexp.MustCompile(`(?i)^[-_ .]*(?:[a-d]|p|pg|page|版)?[-_ ]?0*([1-9][0-9]{0,2})(?:版)?$`),
		pageFolderName: regexp.MustCompile(`^(?:第([0-9一二三四五六七八九十百零〇]{1,6})版|([0-9]{1,3}))(?:[-_ .·]+(.*)|$|([^0-9].*))?$`),
	}
	return f
})

// nameForms are the regular expressions of names (see names).
type nameForms struct {
	archiveName, pageOrdinal, pageNumber *regexp.Regexp
	// pageFolderName matches the name of a page folder: 01-要闻, 18_副刊,
	// 第3版 经济; groups: the 第N版 number, the leading number, the name
	// after a separator, the name right after the number.
	pageFolderName *regexp.Regexp
}

// dateFromName finds a calendar date in a slash-separated relative path,
// looking at the file's own name first, then at its folders from the
// nearest up. It returns "" when there is none.
func dateFromName(rel string) string {
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if d := findDate(base); d != "" {
		return d
	}
	dir := path.Dir(rel)
	for dir != "." && dir != "/" && dir != "" {
		if d := findDate(path.Base(dir)); d != "" {
			return d
		}
		dir = path.Dir(dir)
	}
	// Dates spread over folders: 2024/03/08/01.md.
	if d := findDate(path.Dir(rel)); d != "" {
		return d
	}
	return ""
}

// findDate returns the first valid date written in s, as YYYY-MM-DD.
func findDate(s string) string {
	d, _, _ := issue.FindDate(s, issue.AnyDate)
	return d
}

// pageFromName returns the page number that a file's name gives, with the
// date part removed (2024-03-08-02.md → 2), or 0. seq orders files of the
// same page (the article number NN of YYYYMMDD-PP-NN.txt).
func pageFromName(rel string) (page, seq int) {
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if n, ok := shortNumber(base); ok {
		// 01.md, the usual page file: what the expressions below make
		// of it, without them.
		return n, 0
	}
	if dashedDate(base) {
		// 2024-03-08.md, the usual issue file: a date (or digits no page
		// number reads from), no page.
		return 0, 0
	}
	return pageFromBase(base)
}

// dashedDate reports whether base has the shape of a date written
// YYYY-MM-DD (any digits).
func dashedDate(base string) bool {
	if len(base) != len("2006-01-02") || base[4] != '-' || base[7] != '-' {
		return false
	}
	for i := 0; i < len(base); i++ {
		if i != 4 && i != 7 && (base[i] < '0' || base[i] > '9') {
			return false
		}
	}
	return true
}

// pageFromBase is pageFromName of a file whose name without its extension
// is base.
func pageFromBase(base string) (page, seq int) {
	// (The checks before each expression are what it needs to match.)
	if len(base) == len("YYYYMMDD-PP-NN") && base[8] == '-' {
		if m := names().archiveName.FindStringSubmatch(base); m != nil {
			p, _ := strconv.Atoi(m[2])
			s, _ := strconv.Atoi(m[3])
			return p, s
		}
	}
	if strings.Contains(base, "版") {
		if m := names().pageOrdinal.FindStringSubmatch(base); m != nil {
			return parseOrdinal(m[1]), 0
		}
	}
	rest := base
	if d, start, end := issue.FindDate(rest, issue.AnyDate); d != "" {
		rest = rest[:start] + " " + rest[end:]
	}
	rest = strings.TrimSpace(rest)
	if rest == "" || !strings.ContainsAny(rest, "123456789") {
		return 0, 0
	}
	if m := names().pageNumber.FindStringSubmatch(rest); m != nil {
		p, _ := strconv.Atoi(m[1])
		return p, 0
	}
	return 0, 0
}

// shortNumber reads a name of one to four ASCII digits as pageFromName
// reads it: the number when it has one to three digits after its leading
// zeros (007, 0123), else 0 (000, 2024); ok is false for any other name.
func shortNumber(base string) (n int, ok bool) {
	if len(base) == 0 || len(base) > 4 {
		return 0, false
	}
	for i := 0; i < len(base); i++ {
		if base[i] < '0' || base[i] > '9' {
			return 0, false
		}
	}
	digits := strings.TrimLeft(base, "0")
	if len(digits) == 0 || len(digits) > 3 {
		return 0, true
	}
	n, _ = strconv.Atoi(digits)
	return n, true
}

// parseOrdinal reads 3, 03, 三, 十二, 二十 or 一百零二 as a number; 0 if it
// cannot.
func parseOrdinal(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digit := map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			n += cur * 100
			cur = 0
		default:
			d, ok := digit[r]
			if !ok {
				return 0
			}
			cur = d
		}
	}
	return n + cur
}

// Path is where the issue is read from, relative to the shelf: its file,
// or the folder of its files when it has several.
func (e *Entry) Path() string {
	if len(e.Files) == 1 {
		return e.Files[0].Path
	}
	if len(e.Files) == 0 {
		return ""
	}
	return path.Dir(e.Files[0].Path)
}

// Label names the issue for people: its paper, or, when that is not known
// (not indexed yet, or no masthead), BaseName of its Path. Interfaces show
// it and take it back as a selector, so both must use this one rule.
func (e *Entry) Label() string {
	if e.Paper != "" {
		return e.Paper
	}
	return BaseName(e.Path())
}

// BaseName returns the base name of a file or folder path without its
// extension and without a trailing slash: "widths" for
// "/work/testdata/hostile/widths.md", "people-daily-2019-10-02" for
// "real/people-daily-2019-10-02/". A name such as 2019.10.02 keeps its
// ".02", which is no extension. Only the system's separators separate: a
// backslash is part of a name on Unix ("a\b.md" is "a\b"). A name that
// is GB18030 rather than UTF-8 is shown decoded, marked (see ShowPath).
func BaseName(p string) string {
	shown, decoded := ShowPath(filepath.ToSlash(p))
	p = strings.TrimRight(shown, "/")
	if p == "" {
		return ""
	}
	base := path.Base(p)
	if ext := path.Ext(base); ext != "" && ext != base && !allDigits(ext[1:]) {
		base = strings.TrimSuffix(base, ext)
	}
	if decoded {
		base += GB18030Mark
	}
	return base
}

// GB18030Mark follows a name shown decoded from GB18030 (see ShowPath).
const GB18030Mark = " (GB18030)"

// ShowPath returns the path p (with slashes) as dubao shows it: each part
// that is not UTF-8 but reads as GB18030 — Chinese names of files unpacked
// on Linux from an archive made on Windows — decoded, and whether any
// was. Such a path is shown followed by GB18030Mark, and that form picks
// its issue (see Lookup, MatchPath).
func ShowPath(p string) (string, bool) {
	if utf8.ValidString(p) {
		return p, false
	}
	parts := strings.Split(p, "/")
	decoded := false
	for i, part := range parts {
		if utf8.ValidString(part) {
			continue
		}
		if s, ok := fromGB18030(part); ok {
			parts[i], decoded = s, true
		}
	}
	return strings.Join(parts, "/"), decoded
}

// fromGB18030 decodes the name s from GB18030 when it is GB18030 through
// and through: it decodes without a replacement character or a control,
// to at least one Han character, and encodes back to the same bytes.
func fromGB18030(s string) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().String(s)
	if err != nil || strings.ContainsRune(out, utf8.RuneError) || !utf8.ValidString(out) {
		return "", false
	}
	han := false
	for _, r := range out {
		if textsafe.Unsafe(r) {
			return "", false
		}
		han = han || unicode.Is(unicode.Han, r)
	}
	back, err := simplifiedchinese.GB18030.NewEncoder().String(out)
	if err != nil || back != s || !han {
		return "", false
	}
	return out, true
}

// MatchPath reports whether sel names the file or folder path p (with
// slashes, relative to the shelf): p itself, or p as ShowPath shows it,
// with or without its GB18030Mark.
func MatchPath(sel, p string) bool {
	if sel == p {
		return true
	}
	shown, decoded := ShowPath(p)
	if !decoded {
		return false
	}
	return sel == shown || sel == shown+GB18030Mark
}

// allDigits reports whether s is made of ASCII digits only.
func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
