package ui

import (
	"path"
	"strings"

	"dubao/issue"
	"dubao/issue/shelf"
	"dubao/ui/render"
)

// How an issue is named on screen: by its paper, or, when its masthead
// gives none, by the base name of its file (without the extension) or of
// the folder of its files — never by a full path.

// baseLabel returns the base name of a file or folder path without its
// extension and without a trailing slash: "widths" for
// "/work/testdata/hostile/widths.md", "people-daily-2019-10-02" for
// "/shared/real/people-daily-2019-10-02/". Both / and \ separate.
func baseLabel(p string) string {
	p = strings.TrimRight(strings.ReplaceAll(p, `\`, "/"), "/")
	if p == "" {
		return ""
	}
	base := path.Base(p)
	if ext := path.Ext(base); ext != "" && ext != base && !isDigits(ext[1:]) {
		base = strings.TrimSuffix(base, ext)
	}
	return render.Clean(base)
}

// isDigits reports whether s is made of ASCII digits only: "2019.10.02"
// keeps its ".02", which is no extension.
func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

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

// entryLabel is what the shelf shows in the paper column: the issue's
// paper, or, when it is not known (not indexed yet, or no masthead), the
// base name of its file, or of the folder of its files.
func entryLabel(e *shelf.Entry) string {
	if e.Paper != "" {
		return render.Clean(e.Paper)
	}
	p := e.Files[0].Path
	if len(e.Files) > 1 {
		p = path.Dir(p)
	}
	return baseLabel(p)
}
