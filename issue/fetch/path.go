package fetch

import (
	"net/url"
	"path"
	"strings"
)

// localPath is where the file of address u is saved, relative to the
// day's folder, with slashes: its path on the site, cleaned ("/rmrb/pc/
// layout/202608/03/node_01.html"), "index.html" for a folder's address, the
// query (rare on e-papers) kept escaped in the name. A name that is not a
// plain file name (one starting with "." — hidden, as dubao's own files
// are —, or holding a backslash or a NUL) is kept escaped.
func localPath(u *url.URL) string {
	p := path.Clean("/" + u.Path)
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	if strings.HasSuffix(u.Path, "/") || p == "/" {
		segs = append(segs, "index.html")
	}
	out := segs[:0]
	for _, s := range segs {
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, ".") || strings.ContainsAny(s, "\\\x00") {
			s = url.PathEscape(s)
			if s[0] == '.' {
				s = "%2E" + s[1:]
			}
		}
		out = append(out, s)
	}
	if u.RawQuery != "" && len(out) > 0 {
		out[len(out)-1] += "%3F" + url.PathEscape(u.RawQuery)
	}
	return strings.Join(out, "/")
}
