package cli

import (
	"path"
	"path/filepath"
	"slices"
	"strings"

	"dubao/issue/shelf"
	"dubao/issue/textsafe"
)

// How a DATE argument picks an issue of a shelf, and the names dubao gives
// the issues in its messages and completions. An issue is named on the
// shelf (in the reader's shelf view) by its paper or, when its masthead
// gives none, by the base name of its file or of the folder of its files
// (ui/names.go); each of those names picks it here too.

// fileLabel is the name the shelf shows for an issue whose paper is not
// known: the base name of its file (without the extension) or of the
// folder of its files, as ui/names.go names it — "noname" for
// "misc/noname.md", "rmrb" for the folder "real/rmrb", "2019.10.02" for
// the file "2019.10.02" (a number is no extension).
func fileLabel(e *shelf.Entry) string { return textsafe.Line(shelf.BaseName(e.Path())) }

// shownName is the name the shelf shows for an issue: its paper, else its
// fileLabel.
func shownName(e *shelf.Entry) string { return textsafe.Line(e.Label()) }

// selectMatch is how findIssues matched a selector.
type selectMatch int

const (
	matchNone selectMatch = iota
	matchDateOrPath
	matchName
)

// findIssues returns the issues of s that sel picks, newest first, and how
// it matched them. In order, sel is
//   - a path (as `dubao list` prints it) or a date, with a paper's name or
//     part of it beside the date if any ("青溪日报 2024-03-08"): see
//     shelf.Lookup;
//   - a name alone: part of a paper's name ("青溪日报"), or the name the
//     shelf shows for an issue without one ("noname"), which is also the
//     base name of any issue's file or folder;
//   - a date and such a name ("2024-03-07 noname");
//   - a folder above one issue's files (the day's folder that dubao get
//     prints, whose layout and article pages lie in the site's folders
//     under it), as a path in the shelf or from where dubao runs.
func findIssues(s *shelf.Shelf, sel string) ([]*shelf.Entry, selectMatch) {
	sel = strings.TrimSpace(sel)
	if sel == "" {
		return nil, matchNone
	}
	// A path as `dubao list` prints it, quoted (see quoteName): the name
	// it stands for, with its GB18030 mark if any.
	if found, how := findIssuesPlain(s, sel); how != matchNone {
		return found, how
	}
	if base, mark := strings.CutSuffix(sel, shelf.GB18030Mark); strings.ContainsAny(base, `'"\`) {
		if name, err := unquoteName(base); err == nil && name != base {
			if mark {
				name += shelf.GB18030Mark
			}
			return findIssuesPlain(s, name)
		}
	}
	return nil, matchNone
}

// findIssuesPlain is findIssues for sel unquoted.
func findIssuesPlain(s *shelf.Shelf, sel string) ([]*shelf.Entry, selectMatch) {
	if found := s.Lookup(sel); len(found) > 0 {
		return found, matchDateOrPath
	}
	if found := underFolder(s, sel); len(found) > 0 {
		return found, matchDateOrPath
	}
	var found []*shelf.Entry
	for _, e := range s.Issues {
		if e.Paper != "" && strings.Contains(e.Paper, sel) || fileLabel(e) == sel {
			found = append(found, e)
		}
	}
	if len(found) > 0 {
		return found, matchName
	}
	// A date and a name: what is left of sel without the name must be a
	// date (or path) that picks the issue. Lookups are few (one per
	// distinct rest), so that a large shelf stays quick.
	lookups := map[string][]*shelf.Entry{}
	for _, e := range s.Issues {
		for _, name := range []string{e.Paper, fileLabel(e)} {
			i := strings.Index(sel, name)
			if name == "" || i < 0 {
				continue
			}
			rest := strings.Trim(sel[:i]+sel[i+len(name):], " \t-_/·")
			if rest == "" {
				continue
			}
			byRest, ok := lookups[rest]
			if !ok {
				byRest = s.Lookup(rest)
				lookups[rest] = byRest
			}
			if slices.Contains(byRest, e) {
				found = append(found, e)
				break
			}
		}
	}
	if len(found) > 0 {
		return found, matchDateOrPath
	}
	return nil, matchNone
}

// underFolder returns the issues of s whose files all lie under the folder
// dir: a path in s, or one from where dubao runs that leads into s.
func underFolder(s *shelf.Shelf, dir string) []*shelf.Entry {
	if !filepath.IsAbs(dir) {
		if found := underShelfFolder(s, dir); len(found) > 0 {
			return found
		}
	}
	root, err := filepath.Abs(s.Dir)
	if err != nil {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return nil
	}
	return underShelfFolder(s, rel)
}

// underShelfFolder is underFolder for a path in s.
func underShelfFolder(s *shelf.Shelf, dir string) []*shelf.Entry {
	dir = path.Clean(filepath.ToSlash(dir))
	if dir == "." || dir == ".." || path.IsAbs(dir) || strings.HasPrefix(dir, "../") {
		return nil
	}
	var out []*shelf.Entry
	for _, e := range s.Issues {
		under := len(e.Files) > 0
		for _, f := range e.Files {
			under = under && strings.HasPrefix(f.Path, dir+"/")
		}
		if under {
			out = append(out, e)
		}
	}
	return out
}

// picksOnly reports whether sel picks e and no other issue of s.
func picksOnly(s *shelf.Shelf, sel string, e *shelf.Entry) bool {
	found, _ := findIssues(s, sel)
	return len(found) == 1 && found[0] == e
}

// issueName names the issue e of s for an error message by what picks it
// as a DATE argument: "青溪日报 2024-03-08" for an issue with a paper,
// "2024-03-07 noname" for one without, or its path when neither is unique.
func issueName(s *shelf.Shelf, e *shelf.Entry) string {
	name := e.Date + " " + fileLabel(e)
	if e.Paper != "" {
		name = e.Paper + " " + e.Date
	}
	if picksOnly(s, name, e) {
		return name
	}
	return quoteName(entryPath(e))
}

// issueNames lists issues of s for an error message, each by a name that
// picks it (issueName): "青溪日报 2024-03-09; 青溪日报 2024-03-08".
func issueNames(s *shelf.Shelf, es []*shelf.Entry) string {
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = issueName(s, e)
	}
	return strings.Join(names, "; ")
}

// isDigits reports whether s is made of ASCII digits only.
func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
