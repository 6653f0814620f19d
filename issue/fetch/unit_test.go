package fetch

import (
	"errors"
	"net"
	"net/url"
	"testing"
	"time"
)

func TestFindDate(t *testing.T) {
	for _, tc := range []struct {
		path, token string
		start       int
	}{
		{"/rmrb/pc/layout/202608/03/node_01.html", "202608/03", 16},
		{"/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm", "2017-10/16", 11},
		{"/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm", "2017-10/16", 11},
		{"/html/2023-12/21/node_1.htm", "2023-12/21", 6},
		{"/epaper/20260803/page1.htm", "20260803", 8},
		{"/paper/2026-08-03/a.html", "2026-08-03", 7},
		{"/news/n_20260803_12.htm", "20260803", 8},
		{"/a/2026-08-03.htm", "2026-08-03", 3},
	} {
		d, ok := FindDate(tc.path)
		if !ok || d.Token() != tc.token || d.Start != tc.start || tc.path[d.Start:d.End] != tc.token {
			t.Errorf("FindDate(%q) = %+v %v, want %q at %d", tc.path, d, ok, tc.token, tc.start)
		}
	}
	for _, path := range []string{
		"/html/node_1.htm",
		"/html/2026-13/03/node_1.htm", // no 13th month
		"/html/2026-02/30/node_1.htm", // no 30 February
		"/html/202608031/a.htm",       // a longer number
		"/html/1900-01/01/a.htm",      // before any e-paper
		"/html/202608/03x/a.htm",
	} {
		if d, ok := FindDate(path); ok {
			t.Errorf("FindDate(%q) = %+v, want none", path, d)
		}
	}
}

func TestWithDate(t *testing.T) {
	day := time.Date(2026, 1, 9, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ in, want string }{
		{"/rmrb/pc/layout/202608/03/node_01.html", "/rmrb/pc/layout/202601/09/node_01.html"},
		{"/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm", "/rmrb/html/2026-01/09/nw.D110000renmrb_20260109_1-01.htm"},
		{"/epaper/20260803/page1.htm", "/epaper/20260109/page1.htm"},
		{"/paper/2026-08-03/a.html", "/paper/2026-01-09/a.html"},
	} {
		got, err := WithDate(tc.in, day)
		if err != nil || got != tc.want {
			t.Errorf("WithDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := WithDate("/html/node_1.htm", day); err == nil {
		t.Error("WithDate of a path without a date: no error")
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestScope(t *testing.T) {
	for _, tc := range []struct {
		start, root, paper string
		in, out            []string
	}{
		{
			start: "https://paper.people.com.cn/rmrb/pc/layout/202608/03/node_01.html",
			root:  "/rmrb/pc/", paper: "paper.people.com.cn_rmrb",
			in: []string{
				"https://paper.people.com.cn/rmrb/pc/content/202608/03/content_30001.html",
				"http://PAPER.people.com.cn/rmrb/pc/layout/202608/03/node_02.html",
				"https://paper.people.com.cn/rmrb/pc/pic/202608/03/p1.jpg",
			},
			out: []string{
				"https://paper.people.com.cn/rmrb/pc/layout/202608/02/node_01.html", // the day before
				"https://paper.people.com.cn/rmrbhwb/pc/layout/202608/03/node_01.html",
				"https://www.people.com.cn/rmrb/pc/layout/202608/03/node_01.html",
				"https://paper.people.com.cn/rmrb/pc/layout/2026-08/03/node_01.html", // another form
				"https://paper.people.com.cn/rmrb/pc/layout/202608/03/../../202608/02/node_01.html",
				"ftp://paper.people.com.cn/rmrb/pc/layout/202608/03/node_01.html",
				"javascript:void(0)",
				"mailto:a@paper.people.com.cn",
			},
		},
		{
			start: "http://127.0.0.1:8080/html/2023-12/21/content_5.htm",
			root:  "/", paper: "127.0.0.1_8080",
			in:  []string{"http://127.0.0.1:8080/html/2023-12/21/node_1.htm", "http://127.0.0.1:8080/images/2023-12/21/p1.jpg"},
			out: []string{"http://127.0.0.1:8081/html/2023-12/21/node_1.htm", "http://127.0.0.1:8080/html/2023-12/22/node_1.htm"},
		},
	} {
		s, err := ScopeOf(mustURL(t, tc.start))
		if err != nil {
			t.Fatal(err)
		}
		if s.Root != tc.root || s.Paper() != tc.paper {
			t.Errorf("ScopeOf(%s) = root %q paper %q, want %q %q", tc.start, s.Root, s.Paper(), tc.root, tc.paper)
		}
		for _, in := range tc.in {
			if !s.Contains(mustURL(t, in)) {
				t.Errorf("scope of %s leaves out %s", tc.start, in)
			}
		}
		for _, out := range tc.out {
			if s.Contains(mustURL(t, out)) {
				t.Errorf("scope of %s holds %s", tc.start, out)
			}
		}
	}
	for _, bad := range []string{"file:///html/2023-12/21/a.htm", "http://example.org/news/today.htm", "/html/2023-12/21/a.htm"} {
		if _, err := ScopeOf(mustURL(t, bad)); err == nil {
			t.Errorf("ScopeOf(%q): no error", bad)
		}
	}
}

func TestLocalPath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://h/rmrb/pc/layout/202608/03/node_01.html", "rmrb/pc/layout/202608/03/node_01.html"},
		{"http://h/html/2023-12/21/", "html/2023-12/21/index.html"},
		{"http://h/", "index.html"},
		{"http://h/a/../../b/./c.htm", "b/c.htm"},
		{"http://h/a/.hidden.htm", "a/%2Ehidden.htm"},
		{"http://h/a/b%5Cc.htm", "a/b%5Cc.htm"},
		{"http://h/a/show.aspx?id=3&p=1", "a/show.aspx%3Fid=3&p=1"},
		{"http://h/a/版面.htm", "a/版面.htm"},
	} {
		if got := localPath(mustURL(t, tc.in)); got != tc.want {
			t.Errorf("localPath(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRobots(t *testing.T) {
	const txt = `# the site's rules
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open/
Disallow: /*.pdf$
Disallow: /search

User-agent: DUBAO
User-agent: other
Disallow: /rmrb/html/
Allow: /rmrb/html/2017-10/
Crawl-delay: 2
`
	r := parseRobots([]byte(txt), "dubao")
	for path, want := range map[string]bool{
		"/rmrb/pc/layout/202608/03/node_01.html":         true,
		"/rmrb/html/2016-01/01/nbs.D110000renmrb_01.htm": false,
		"/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm": true,
		"/private/x.htm": true, // dubao's own group replaces the * group
		"/robots.txt":    true,
	} {
		if got := r.allowed(path); got != want {
			t.Errorf("dubao: allowed(%q) = %v, want %v", path, got, want)
		}
	}
	if r.delay != 2*time.Second {
		t.Errorf("crawl-delay %v, want 2s", r.delay)
	}
	star := parseRobots([]byte(txt), "someone")
	for path, want := range map[string]bool{
		"/private/x.htm":         false,
		"/private/open/x.htm":    true,
		"/page/01.pdf":           false,
		"/page/01.pdf.htm":       true,
		"/search?q=1":            false,
		"/html/2023-12/21/a.htm": true,
	} {
		if got := star.allowed(path); got != want {
			t.Errorf("*: allowed(%q) = %v, want %v", path, got, want)
		}
	}
	if none := parseRobots(nil, "dubao"); !none.allowed("/anything") {
		t.Error("an empty robots.txt forbids")
	}
	all := parseRobots([]byte("User-agent: *\nDisallow: /\n"), "dubao")
	if all.allowed("/html/2023-12/21/a.htm") || !all.allowed("/robots.txt") {
		t.Error("Disallow: / does not forbid everything but robots.txt")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 8, 3, 8, 0, 0, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"":                              -1,
		"3":                             3 * time.Second,
		"-5":                            0,
		"soon":                          -1,
		"Mon, 03 Aug 2026 08:00:30 GMT": 30 * time.Second,
		"Mon, 03 Aug 2026 07:00:00 GMT": 0,
	} {
		if got := retryAfter(h, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestPause(t *testing.T) {
	c := &crawler{opt: Options{Pause: 10 * time.Millisecond}}
	for took, want := range map[time.Duration]time.Duration{
		5 * time.Millisecond:   10 * time.Millisecond,
		900 * time.Millisecond: 10 * time.Millisecond,
		2 * time.Second:        2 * time.Second, // a slow site is eased
		time.Minute:            maxSlowPause,
	} {
		if got := c.pause(took); got != want {
			t.Errorf("pause after %v: %v, want %v", took, got, want)
		}
	}
	if none := (&crawler{}).pause(time.Minute); none != 0 {
		t.Errorf("no pause set: %v", none)
	}
}

// TestRetryableNoSuchHost: a host name that does not exist is not asked
// again (a mistyped address), a refused connection or a host name the
// resolver could not look up this time is.
func TestRetryableNoSuchHost(t *testing.T) {
	get := func(err error) error { return &url.Error{Op: "Get", URL: "http://x.example/robots.txt", Err: err} }
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{get(&net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "x.example", IsNotFound: true}}), false},
		{get(&net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "server misbehaving", Name: "x.example", IsTemporary: true}}), true},
		{get(&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}), true},
	} {
		if got, _ := retryable(tc.err); got != tc.want {
			t.Errorf("retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}
