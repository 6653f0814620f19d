package common

import (
	"strings"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/issue/textsafe"
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
