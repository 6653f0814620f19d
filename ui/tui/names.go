package tui

import (
	"strings"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/render"
)

// How an issue is named on screen: by its paper, or, when its masthead
// gives none, by the base name of its file (without the extension) or of
// the folder of its files — never by a full path.

// baseLabel is shelf.BaseName, made safe to draw.
func baseLabel(p string) string { return render.Clean(shelf.BaseName(p)) }

// issueLabel names an issue for the masthead and the window title: its
// paper, else the base name of where it was read from (pathName, or name
// when that is empty).
func issueLabel(is *issue.Issue, name, pathName string) string {
	if is != nil && is.Paper != "" {
		return render.Clean(is.Paper)
	}
	if pathName != "" {
		return baseLabel(pathName)
	}
	return baseLabel(name)
}

// windowTitle is the name of an issue for the window title and the
// reader's messages: "星河日报 2024-03-08", "widths 2024-03-08".
func windowTitle(is *issue.Issue, name, pathName string) string {
	label := issueLabel(is, name, pathName)
	if is != nil && is.Date != "" && !strings.Contains(label, is.Date) {
		return strings.TrimSpace(label + " " + render.Clean(is.Date))
	}
	return label
}

// entryLabel is what the shelf shows in the paper column (see
// shelf.Entry.Label), made safe to draw.
func entryLabel(e *shelf.Entry) string { return render.Clean(e.Label()) }
