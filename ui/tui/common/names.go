package common

import (
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
