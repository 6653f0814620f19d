package fetch

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"
)

// Scope is the part of a site that holds one day of one paper: the pages
// on the same host, under the same paper root, whose path holds the same
// day written the same way. 人民日报's layout pages
// (/rmrb/pc/layout/202608/03/) and article pages (/rmrb/pc/content/202608/03/)
// are both in the scope of either; the day before, another paper of the
// same host, and the rest of the web are not.
type Scope struct {
	// Host is the site's host (with its port, if any), lower case.
	Host string
	// Root is the path before the date folder without its last folder
	// ("/rmrb/pc/" for /rmrb/pc/layout/202608/03/), or "/".
	Root string
	// Day is the day, at midnight UTC.
	Day time.Time
	// Layout is how the paths write the day, as a time layout ("200601/02").
	Layout string
}

// ScopeOf returns the scope of the day that the address u is a page of.
// The address must be http or https and name a day in its path.
func ScopeOf(u *url.URL) (Scope, error) {
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return Scope{}, fmt.Errorf("%s: not a web address (http:// or https://)", u.Redacted())
	}
	d, ok := FindDate(u.Path)
	if !ok {
		return Scope{}, fmt.Errorf("%s: no date in the address: dubao gets the days of e-papers whose addresses name the day (…/2026-08/03/node_1.htm)", u.Redacted())
	}
	return Scope{Host: strings.ToLower(u.Host), Root: rootOf(u.Path[:d.Start]), Day: d.Day, Layout: d.Layout}, nil
}

// rootOf is the paper root of the path before a date folder: that path
// without its last folder, as e-papers keep layout and article pages in
// sibling folders (layout/, content/, html/).
func rootOf(prefix string) string {
	dir := strings.Trim(prefix, "/")
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return "/" + dir[:i] + "/"
	}
	return "/"
}

// Contains reports whether the address u is in the scope: the same host
// (http or https), under the root, naming the same day in the same form.
func (s Scope) Contains(u *url.URL) bool {
	if u.Scheme != "http" && u.Scheme != "https" || strings.ToLower(u.Host) != s.Host {
		return false
	}
	p := path.Clean("/" + u.Path)
	if !strings.HasPrefix(p, s.Root) {
		return false
	}
	d, ok := FindDate(p)
	return ok && d.Day.Equal(s.Day) && d.Layout == s.Layout
}

// Date is the scope's day as YYYY-MM-DD.
func (s Scope) Date() string { return s.Day.Format("2006-01-02") }

// Paper is the name of the folder that keeps the paper's days: the host
// and the first folder of the root ("paper.people.com.cn_rmrb"), with
// characters that a file name should not hold replaced by "_", and a "_"
// before a name that would start with "." (a host such as "..").
func (s Scope) Paper() string {
	name := s.Host
	if first, _, _ := strings.Cut(strings.Trim(s.Root, "/"), "/"); first != "" {
		name += "_" + first
	}
	name = strings.Map(func(r rune) rune {
		if r == ':' || r == '\\' || r == '/' || r < ' ' || r == 0x7f {
			return '_'
		}
		return r
	}, name)
	if name == "" || name[0] == '.' {
		name = "_" + name // never hidden, never "." or ".."
	}
	return name
}

// On returns the address u (a page of the scope's day) rewritten to the
// same page of another day: the date in its path changed (see WithDate).
func On(u *url.URL, day time.Time) (*url.URL, error) {
	p, err := WithDate(u.Path, day)
	if err != nil {
		return nil, err
	}
	v := *u
	v.Path, v.RawPath = p, ""
	return &v, nil
}
