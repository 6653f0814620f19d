package common

import (
	"fmt"
	"strconv"
	"strings"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/issue/textsafe"
	"dubao/ui/wrap"
)

// How an issue is named on screen: by its paper, or, when its masthead
// gives none, by the base name of its file (without the extension) or of
// the folder of its files — never by a full path.

// BaseLabel is shelf.BaseName, made safe to draw.
func BaseLabel(p string) string { return textsafe.Line(shelf.BaseName(p)) }

// IssueLabel names an issue for the masthead and the window title: its
// paper, else the base name of where it was read from (pathName, or name
// when that is empty).
func IssueLabel(is *issue.Issue, name, pathName string) string {
	if is != nil && is.Paper != "" {
		return textsafe.Line(is.Paper)
	}
	if pathName != "" {
		return BaseLabel(pathName)
	}
	return BaseLabel(name)
}

// WindowTitle is the name of an issue for the window title and the
// reader's messages: "星河日报 2024-03-08", "widths 2024-03-08".
func WindowTitle(is *issue.Issue, name, pathName string) string {
	label := IssueLabel(is, name, pathName)
	if is != nil && is.Date != "" && !strings.Contains(label, is.Date) {
		return strings.TrimSpace(label + " " + textsafe.Line(is.Date))
	}
	return label
}

// EntryLabel is what the shelf shows in the paper column (see
// shelf.Entry.Label), made safe to draw.
func EntryLabel(e *shelf.Entry) string { return textsafe.Line(e.Label()) }

// ShortPath returns the path p, made safe to draw, in at most width
// columns: as it is when it fits, else with folders of its middle left out
// ("/home/…/hostile/bad-blank.txt") — never cut inside the file's name,
// which is kept whole when it fits (else it is shortened in its middle).
// A path never breaks across lines where ShortPath has laid it out.
func ShortPath(p string, width int) string {
	p = textsafe.Line(p)
	if wrap.StringWidth(p, false) <= width || width <= 0 {
		return p
	}
	parts := strings.Split(p, "/")
	file := parts[len(parts)-1]
	const ell = "…"
	if wrap.StringWidth(ell+"/"+file, false) > width {
		return middle(file, width)
	}
	// Keep the file, then as many folders before it as fit, and the
	// path's first folder when there is room for it too.
	tail := file
	for i := len(parts) - 2; i >= 1; i-- {
		next := parts[i] + "/" + tail
		if wrap.StringWidth(ell+"/"+next, false) > width {
			break
		}
		tail = next
	}
	head := parts[0] + "/"
	if parts[0] == "" && len(parts) > 2 {
		head = "/" + parts[1] + "/"
	}
	if out := head + ell + "/" + tail; wrap.StringWidth(out, false) <= width {
		return out
	}
	return ell + "/" + tail
}

// middle shortens s to width columns by leaving out its middle.
func middle(s string, width int) string {
	r := []rune(s)
	if width <= 1 || len(r) < 2 {
		return wrap.Truncate(s, width, false)
	}
	head, tail := []rune{}, []rune{}
	for i, j := 0, len(r)-1; i <= j; {
		if next := string(head) + string(r[i]) + "…" + string(tail); len(head) <= len(tail) && wrap.StringWidth(next, false) <= width {
			head = append(head, r[i])
			i++
			continue
		}
		if next := string(head) + "…" + string(r[j]) + string(tail); wrap.StringWidth(next, false) <= width {
			tail = append([]rune{r[j]}, tail...)
			j--
			continue
		}
		break
	}
	return string(head) + "…" + string(tail)
}

// PageName names section s of is wherever a page is named (the reader's
// headline list, the shelf's front page): "第2版 城市", "第3版 广告",
// "第1版 要闻（仅标题）" for a page of which the source gave only the
// titles (an e-paper layout page read alone), "第5版 见第1版《…》" for a
// page that repeats an article, "版次不详" when the page is not known
// (never a number made up).
func PageName(is *issue.Issue, s int) string {
	if s < 0 || s >= len(is.Sections) {
		return ""
	}
	sec := is.Sections[s]
	name := sec.Name
	if sec.TitlesOnly {
		name += "（仅标题）"
	}
	if sec.Ad && name == "" {
		name = "广告"
	}
	if len(sec.Articles) == 0 && len(sec.Repeats) > 0 {
		var see []string
		for _, r := range sec.Repeats {
			if r.Page > 0 {
				see = append(see, fmt.Sprintf("见第%d版《%s》", r.Page, r.Title))
			} else {
				see = append(see, fmt.Sprintf("见《%s》", r.Title))
			}
		}
		name = strings.TrimSpace(name + " " + strings.Join(see, "、"))
	}
	switch {
	case sec.Page <= 0 && name != "":
		return name
	case name == "":
		return PageNumber(sec.Page)
	}
	return PageNumber(sec.Page) + " " + name
}

// PageNumber names a page by its number: 第18版, or 版次不详 when the
// number is not known (0), never a number made up.
func PageNumber(page int) string {
	if page <= 0 {
		return "版次不详"
	}
	return "第" + strconv.Itoa(page) + "版"
}
