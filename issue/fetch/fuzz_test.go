package fetch

import (
	"net/url"
	"path"
	"strings"
	"testing"
	"time"
)

// FuzzAddress checks, for any address, that where its file is saved stays
// inside the day's folder (a relative, clean path, no segment hidden or
// "..": a hostile link cannot write elsewhere), that the paper's folder
// name is one plain name, and that a date found in the path can be
// rewritten and found again.
func FuzzAddress(f *testing.F) {
	for _, s := range []string{
		"https://paper.people.com.cn/rmrb/pc/layout/202608/03/node_01.html",
		"http://epaper.example.cn/html/2023-12/21/content_5.htm?x=1#top",
		"http://h/../../etc/2026-08-03/passwd",
		"http://../x/2026-08-03/.dubao-get.json",
		"http://h/a/%2e%2e/%2E/b%5C..%5Cc/20260803/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := url.Parse(s)
		if err != nil {
			return
		}
		p := localPath(u)
		if p == "" || strings.HasPrefix(p, "/") || path.Clean(p) != p {
			t.Fatalf("localPath(%q) = %q: not a clean relative path", s, p)
		}
		for _, seg := range strings.Split(p, "/") {
			if seg == ".." || strings.HasPrefix(seg, ".") || strings.ContainsAny(seg, "\\\x00") {
				t.Fatalf("localPath(%q) = %q: segment %q", s, p, seg)
			}
		}
		d, ok := FindDate(u.Path)
		if !ok {
			return
		}
		if u.Path[d.Start:d.End] != d.Token() {
			t.Fatalf("FindDate(%q): %q at %d:%d, token %q", u.Path, u.Path[d.Start:d.End], d.Start, d.End, d.Token())
		}
		other := d.Day.AddDate(0, 0, 1)
		moved, err := WithDate(u.Path, other)
		if err != nil {
			t.Fatal(err)
		}
		if e, ok := FindDate(moved); !ok || !e.Day.Equal(other) || e.Start != d.Start {
			t.Fatalf("WithDate(%q, %s) = %q: found %+v", u.Path, other.Format(time.DateOnly), moved, e)
		}
		if sc, err := ScopeOf(u); err == nil {
			name := sc.Paper()
			if name == "" || name[0] == '.' || strings.ContainsAny(name, "/\\\x00") {
				t.Fatalf("Paper of %q = %q", s, name)
			}
		}
	})
}

// FuzzRobots checks that any robots.txt is read without a panic, and that
// robots.txt itself is always allowed.
func FuzzRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /private/\nAllow: /private/open/*.htm$\nCrawl-delay: 2\n", "/private/open/a.htm")
	f.Add("User-agent: dubao\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "/html/2026-08/03/node_1.htm")
	f.Add("Disallow: /*$*$\nUser-agent: *\nDisallow: ***\n", "/$")
	f.Fuzz(func(t *testing.T, txt, p string) {
		r := parseRobots([]byte(txt), "dubao")
		_ = r.allowed(p)
		if !r.allowed("/robots.txt") {
			t.Fatal("robots.txt forbidden")
		}
	})
}
