package fetch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dubao/issue/fetch/fetchtest"
	"dubao/issue/safefile"
)

var day = time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC)

// waits records the waits of a crawl instead of waiting.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(done <-chan struct{}, d time.Duration) error {
	w.mu.Lock()
	w.d = append(w.d, d)
	w.mu.Unlock()
	select {
	case <-done:
		return errors.New("interrupted")
	default:
		return nil
	}
}

func (w *waits) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}

// testOptions are quick options for a test: no pause, waits recorded,
// a short timeout.
func testOptions(t *testing.T) (Options, *waits) {
	w := &waits{}
	return Options{Dir: t.TempDir(), Pause: -1, Timeout: 2 * time.Second, Version: "v9.9.9", sleep: w.sleep}, w
}

// fetchSite fetches the day of site from its page at path.
func fetchSite(t *testing.T, url string, opt Options) (*Result, error) {
	t.Helper()
	return Day(context.Background(), url, opt)
}

// checkSaved checks that every page of the site is saved, byte for byte,
// at its path under dir.
func checkSaved(t *testing.T, site *fetchtest.Site, dir string) {
	t.Helper()
	for _, p := range append(append([]string(nil), site.Pages...), site.Articles...) {
		want, _ := site.Get(p)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s not saved: %v", p, err)
			continue
		}
		if !bytes.Equal(got, want.Body) {
			t.Errorf("%s saved as %d bytes, the site has %d", p, len(got), len(want.Body))
		}
	}
}

// leftovers lists the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && safefile.IsTemp(d.Name()) {
			out = append(out, path)
		}
		return nil
	})
	return out
}

func TestDaySystems(t *testing.T) {
	for _, tc := range []struct {
		system fetchtest.System
		start  func(*fetchtest.Site) string // the page the fetch starts from
	}{
		{fetchtest.PeopleNew, func(s *fetchtest.Site) string { return s.Pages[0] }},
		{fetchtest.PeopleNew, func(s *fetchtest.Site) string { return s.Articles[13] }}, // an article of page 4
		{fetchtest.PeopleOld, func(s *fetchtest.Site) string { return s.Articles[7] }},  // an article of page 2
		{fetchtest.Founder, func(s *fetchtest.Site) string { return s.Pages[3] }},
	} {
		t.Run(tc.system.String()+" from "+path.Base(tc.start(fetchtest.New(tc.system, day, 5, 4))), func(t *testing.T) {
			site := fetchtest.New(tc.system, day, 5, 4)
			srv := site.Serve(t)
			opt, _ := testOptions(t)
			res, err := fetchSite(t, srv.URL+tc.start(site), opt)
			if err != nil {
				t.Fatal(err)
			}
			checkSaved(t, site, opt.Dir)
			if res.Layouts != 5 || res.Articles != 20 || res.Failed != 0 || !res.Complete() {
				t.Errorf("result: %d pages, %d articles, %d failed, complete %v; want 5, 20, 0, true", res.Layouts, res.Articles, res.Failed, res.Complete())
			}
			if res.First.Path != strings.TrimPrefix(site.Pages[0], "/") || res.First.Number != 1 {
				t.Errorf("first page %q (%d), want %q", res.First.Path, res.First.Number, site.Pages[0])
			}
			reqs := site.Requests()
			if reqs[0].Path != "/robots.txt" {
				t.Errorf("first request %s, want /robots.txt", reqs[0].Path)
			}
			want := map[string]bool{"/robots.txt": true}
			for _, p := range append(append([]string(nil), site.Pages...), site.Articles...) {
				want[p] = true
			}
			seen := map[string]int{}
			for _, r := range reqs {
				seen[r.Path]++
				if !want[r.Path] {
					t.Errorf("requested %s: not a page of the day", r.Path)
				}
				if !strings.HasPrefix(r.UserAgent, "dubao/v9.9.9 ") {
					t.Errorf("User-Agent %q", r.UserAgent)
				}
			}
			for p, n := range seen {
				if n > 1 {
					t.Errorf("%s requested %d times", p, n)
				}
			}
			m, err := ReadManifest(opt.Dir)
			if err != nil || !m.Complete || len(m.Files) != 25 || m.Date != "2026-08-03" || m.First != res.First.Path {
				t.Errorf("manifest %+v, %v", m, err)
			}
			if l := leftovers(t, opt.Dir); l != nil {
				t.Errorf("temporary files left: %q", l)
			}
		})
	}
}

func TestDayImages(t *testing.T) {
	site := fetchtest.New(fetchtest.PeopleNew, day, 3, 2)
	srv := site.Serve(t)
	opt, _ := testOptions(t)
	opt.Images = true
	res, err := fetchSite(t, srv.URL+site.Pages[0], opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Images != 3 || res.Layouts != 3 || res.Articles != 6 {
		t.Errorf("%d images, %d pages, %d articles; want 3, 3, 6", res.Images, res.Layouts, res.Articles)
	}
	if _, err := os.Stat(filepath.Join(opt.Dir, "rmrb/pc/pic/202608/03/p02.jpg")); err != nil {
		t.Error(err)
	}
}

func TestDayAgain(t *testing.T) {
	site := fetchtest.New(fetchtest.Founder, day, 4, 3)
	srv := site.Serve(t)
	opt, _ := testOptions(t)
	if _, err := fetchSite(t, srv.URL+site.Pages[0], opt); err != nil {
		t.Fatal(err)
	}

	// A second fetch asks the site for nothing but robots.txt.
	site.Reset()
	res, err := fetchSite(t, srv.URL+site.Pages[0], opt)
	if err != nil {
		t.Fatal(err)
	}
	if r := site.Requests(); len(r) != 1 || res.Fetched != 0 || !res.Complete() || res.Layouts != 4 || res.Articles != 12 {
		t.Errorf("second fetch: %d requests, %d fetched, %d pages, %d articles", len(r), res.Fetched, res.Layouts, res.Articles)
	}

	// A refresh asks for every page with its validators; unchanged pages
	// answer 304 and stay; a changed one is fetched again.
	site.Reset()
	changed, _ := site.Get(site.Articles[2])
	changed.Body = append([]byte("<!-- corrected -->"), changed.Body...)
	changed.ETag = `"new"`
	site.Set(site.Articles[2], changed)
	opt.Refresh = true
	res, err = fetchSite(t, srv.URL+site.Pages[0], opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Fetched != 1 || !res.Complete() {
		t.Errorf("refresh fetched %d pages, complete %v; want 1, true", res.Fetched, res.Complete())
	}
	for _, r := range site.Requests()[1:] {
		if r.IfNone == "" || r.IfSince == "" {
			t.Errorf("refresh of %s without If-None-Match/If-Modified-Since", r.Path)
		}
	}
	checkSaved(t, site, opt.Dir)
}

func TestDayFaults(t *testing.T) {
	huge := fetchtest.Huge(50 << 20)
	for _, tc := range []struct {
		name   string
		fault  fetchtest.Fault
		page   *fetchtest.Page // served instead of the article
		saved  bool            // the article ends saved
		errHas string          // its error says
		waits  []time.Duration // the waits before retries (jitter aside)
		// timeout is the time per request (2 s when 0: the machine may
		// be loaded; a slow answer's case sets less); retries replaces
		// the default.
		timeout time.Duration
		retries int
	}{
		{name: "500 then success", fault: fetchtest.Fault{Fail: 2}, saved: true, waits: []time.Duration{time.Second, 2 * time.Second}},
		{name: "503 always", fault: fetchtest.Fault{Fail: 99, Status: 503}, errHas: "status 503 Service Unavailable (after 4 tries)",
			waits: []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}},
		{name: "429 Retry-After", fault: fetchtest.Fault{Fail: 1, Status: 429, RetryAfter: "7"}, saved: true, waits: []time.Duration{7 * time.Second}},
		{name: "429 Retry-After too long", fault: fetchtest.Fault{Fail: 1, Status: 429, RetryAfter: "3600"}, errHas: "come back in 1h0m0s"},
		{name: "403 not retried", fault: fetchtest.Fault{Fail: 5, Status: 403}, errHas: "status 403 Forbidden"},
		{name: "truncated then whole", fault: fetchtest.Fault{Fail: 1, Truncate: true}, saved: true, waits: []time.Duration{time.Second}},
		{name: "truncated always", fault: fetchtest.Fault{Fail: 99, Truncate: true}, errHas: "unexpected EOF", waits: []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}},
		{name: "slow then quick", fault: fetchtest.Fault{Fail: 1, Slow: 5 * time.Second}, saved: true, waits: []time.Duration{time.Second}, timeout: 500 * time.Millisecond},
		{name: "slow past the timeout", fault: fetchtest.Fault{Slow: 5 * time.Second}, errHas: "no answer within 500ms (after 2 tries)", waits: []time.Duration{time.Second},
			timeout: 500 * time.Millisecond, retries: 1},
		{name: "slow within the timeout", fault: fetchtest.Fault{Slow: 50 * time.Millisecond}, saved: true},
		{name: "redirect within the site", fault: fetchtest.Fault{Redirect: "moved.htm"}, saved: true},
		{name: "redirect loop", fault: fetchtest.Fault{Redirect: "loop.htm"}, errHas: "redirect loop"},
		{name: "redirect off the site", fault: fetchtest.Fault{Redirect: "http://example.org/x.htm"}, errHas: "redirected off the site"},
		{name: "a PDF", page: ptr(fetchtest.PDF()), errHas: "not a web page: a PDF"},
		{name: "50 MB without a length", page: &huge, errHas: "too large: more than the limit of 20.0 MB"},
		{name: "50 MB with its length", page: &fetchtest.Page{Body: huge.Body, ContentType: "text/html"}, errHas: "too large: 50.0 MB"},
		{name: "gone", page: &fetchtest.Page{}, errHas: "no such page (status 404)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := fetchtest.New(fetchtest.PeopleNew, day, 2, 3)
			srv := site.Serve(t)
			target := site.Articles[4]
			switch {
			case tc.page != nil && tc.page.Body == nil:
				site.Remove(target)
			case tc.page != nil:
				site.Set(target, *tc.page)
			}
			if tc.fault.Redirect == "moved.htm" {
				moved := strings.Replace(target, "content_", "moved_", 1)
				p, _ := site.Get(target)
				site.Set(moved, p)
				tc.fault.Redirect = moved
			}
			if tc.fault.Redirect == "loop.htm" {
				loop := strings.Replace(target, "content_", "loop_", 1)
				site.Fault(target, fetchtest.Fault{Redirect: loop})
				site.Fault(loop, fetchtest.Fault{Redirect: target})
			} else {
				site.Fault(target, tc.fault)
			}
			opt, w := testOptions(t)
			if tc.timeout > 0 {
				opt.Timeout = tc.timeout
			}
			if tc.retries > 0 {
				opt.Retries = tc.retries
			}
			res, err := fetchSite(t, srv.URL+site.Pages[0], opt)
			if err != nil {
				t.Fatal(err)
			}
			var f File
			for _, g := range res.Files {
				if strings.HasSuffix(g.URL, target) {
					f = g
				}
			}
			_, statErr := os.Stat(filepath.Join(opt.Dir, filepath.FromSlash(target)))
			if saved := statErr == nil; saved != tc.saved || (f.Err == nil) != tc.saved {
				t.Errorf("saved %v (error %v), want %v", saved, f.Err, tc.saved)
			}
			if tc.errHas != "" && (f.Err == nil || !strings.Contains(f.Err.Error(), tc.errHas)) {
				t.Errorf("error %v, want it to say %q", f.Err, tc.errHas)
			}
			if res.Layouts != 2 || res.Articles+res.Failed != 6 || res.Complete() == (tc.errHas != "") {
				t.Errorf("%d pages, %d articles, %d failed, complete %v", res.Layouts, res.Articles, res.Failed, res.Complete())
			}
			got := w.all()
			if len(got) != len(tc.waits) {
				t.Fatalf("waits %v, want %v", got, tc.waits)
			}
			for i, d := range got {
				if d < tc.waits[i] || d > tc.waits[i]*5/4+time.Millisecond {
					t.Errorf("wait %d: %v, want %v (+ up to a quarter)", i, d, tc.waits[i])
				}
			}
			if l := leftovers(t, opt.Dir); l != nil {
				t.Errorf("temporary files left: %q", l)
			}
			m, _ := ReadManifest(opt.Dir)
			if m == nil || m.Complete == (tc.errHas != "") {
				t.Errorf("manifest complete: %v", m != nil && m.Complete)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestDayFailedFetchedLater(t *testing.T) {
	site := fetchtest.New(fetchtest.PeopleOld, day, 3, 3)
	srv := site.Serve(t)
	site.Fault(site.Articles[1], fetchtest.Fault{Fail: 99, Status: 502})
	site.Fault(site.Articles[5], fetchtest.Fault{Fail: 99, Status: 500})
	opt, _ := testOptions(t)
	opt.Retries = -1
	res, err := fetchSite(t, srv.URL+site.Pages[0], opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed != 2 || res.Complete() {
		t.Fatalf("%d failed, complete %v; want 2, false", res.Failed, res.Complete())
	}
	site.Fault(site.Articles[1], fetchtest.Fault{})
	site.Fault(site.Articles[5], fetchtest.Fault{})
	site.Reset()
	res, err = fetchSite(t, srv.URL+site.Pages[0], opt)
	if err != nil {
		t.Fatal(err)
	}
	var asked []string
	for _, r := range site.Requests() {
		asked = append(asked, r.Path)
	}
	if want := []string{"/robots.txt", site.Articles[1], site.Articles[5]}; strings.Join(asked, " ") != strings.Join(want, " ") &&
		strings.Join(asked, " ") != strings.Join([]string{want[0], want[2], want[1]}, " ") {
		t.Errorf("second fetch asked for %q, want %q", asked, want)
	}
	if !res.Complete() || res.Fetched != 2 {
		t.Errorf("second fetch: complete %v, fetched %d", res.Complete(), res.Fetched)
	}
	checkSaved(t, site, opt.Dir)
}

func TestDayRobots(t *testing.T) {
	site := fetchtest.New(fetchtest.PeopleNew, day, 2, 3)
	srv := site.Serve(t)
	site.Robots = "User-agent: *\nDisallow: /rmrb/pc/content/\n"
	opt, _ := testOptions(t)
	res, err := fetchSite(t, srv.URL+site.Pages[0], opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range site.Requests() {
		if strings.Contains(r.Path, "/content/") {
			t.Errorf("requested %s, which robots.txt forbids", r.Path)
		}
	}
	if res.Layouts != 2 || res.Articles != 0 || res.Failed != 6 {
		t.Errorf("%d pages, %d articles, %d failed; want 2, 0, 6", res.Layouts, res.Articles, res.Failed)
	}
	for _, f := range res.Files {
		if f.Kind == Article && !errors.Is(f.Err, ErrRobots) {
			t.Errorf("%s: %v, want ErrRobots", f.URL, f.Err)
		}
	}

	site.Robots = "User-agent: *\nDisallow: /\n"
	opt.Dir = t.TempDir()
	if _, err := fetchSite(t, srv.URL+site.Pages[0], opt); !errors.Is(err, ErrRobots) {
		t.Errorf("robots.txt forbidding all: %v", err)
	}
	site.Fault("/robots.txt", fetchtest.Fault{Fail: 99, Status: 500})
	if _, err := fetchSite(t, srv.URL+site.Pages[0], opt); err == nil || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("robots.txt failing: %v", err)
	}
	site.Robots = "User-agent: *\nCrawl-delay: 3\n"
	site.Fault("/robots.txt", fetchtest.Fault{})
	site.Reset()
	opt.Dir = t.TempDir()
	w := &waits{}
	opt.sleep = w.sleep
	if _, err := fetchSite(t, srv.URL+site.Pages[0], opt); err != nil {
		t.Fatal(err)
	}
	if got := w.all(); len(got) != 8 || got[0] != 3*time.Second || site.PeakInFlight() != 1 {
		t.Errorf("Crawl-delay 3: waits %v, %d at once; want 8 of 3s, 1", got, site.PeakInFlight())
	}
}

func TestDayNotFound(t *testing.T) {
	site := fetchtest.New(fetchtest.Founder, day, 2, 2)
	srv := site.Serve(t)
	opt, _ := testOptions(t)
	_, err := fetchSite(t, srv.URL+"/html/2026-08/04/node_1.htm", opt)
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("a day that does not exist: %v, want ErrNotFound", err)
	}
	if _, err := fetchSite(t, srv.URL+"/html/node_1.htm", opt); err == nil || !strings.Contains(err.Error(), "no date") {
		t.Errorf("an address without a date: %v", err)
	}
}

func TestDayConcurrency(t *testing.T) {
	site := fetchtest.New(fetchtest.PeopleNew, day, 4, 6)
	site.Latency = 30 * time.Millisecond
	srv := site.Serve(t)
	for _, jobs := range []int{1, 2, 4} {
		site.Reset()
		opt, _ := testOptions(t)
		opt.Jobs = jobs
		if _, err := fetchSite(t, srv.URL+site.Pages[0], opt); err != nil {
			t.Fatal(err)
		}
		if got := site.PeakInFlight(); got > jobs || jobs > 1 && got < 2 {
			t.Errorf("--jobs %d: %d requests at once", jobs, got)
		}
	}
	opt, _ := testOptions(t)
	opt.Jobs = 5
	if _, err := fetchSite(t, srv.URL+site.Pages[0], opt); err == nil {
		t.Error("5 jobs: no error")
	}
}

func TestDayInterrupted(t *testing.T) {
	site := fetchtest.New(fetchtest.PeopleNew, day, 4, 5)
	site.Latency = 10 * time.Millisecond
	srv := site.Serve(t)
	// The big page is cut when the fetch is: no half of it may stay.
	site.Set(site.Articles[3], fetchtest.Page{Body: fetchtest.Huge(2 << 20).Body, ContentType: "text/html", Chunked: true})
	site.Fault(site.Articles[3], fetchtest.Fault{Slow: 50 * time.Millisecond})
	opt, _ := testOptions(t)
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	opt.Progress = func(p Progress) {
		if p.ArticlesDone >= 3 {
			once.Do(cancel)
		}
	}
	res, err := Day(ctx, srv.URL+site.Pages[0], opt)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted fetch: %v", err)
	}
	if res.Complete() && res.Articles == 20 {
		t.Error("interrupted fetch complete")
	}
	if l := leftovers(t, opt.Dir); l != nil {
		t.Errorf("temporary files left: %q", l)
	}
	if m, err := ReadManifest(opt.Dir); err != nil || m.Complete {
		t.Errorf("manifest after an interrupt: %+v, %v", m, err)
	}
	opt.Progress = nil
	// A fetch killed outright leaves its temporary files: the next removes
	// them once they are old enough (TestRemoveLeftoversSparesLiveFetches).
	stale, err := safefile.Create(filepath.Join(opt.Dir, "rmrb", "content_1.html"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stale.Abort)
	if _, err := stale.Write([]byte("<p>half a pa")); err != nil {
		t.Fatal(err)
	}
	l := leftovers(t, opt.Dir)
	if len(l) != 1 {
		t.Fatalf("a fetch killed outright leaves %q, want its temporary file", l)
	}
	// ... killed an hour ago: a file written now may be another fetch's.
	hourAgo := time.Now().Add(-time.Hour)
	if err := os.Chtimes(l[0], hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}
	res, err = fetchSite(t, srv.URL+site.Pages[0], opt)
	if err != nil || !res.Complete() {
		t.Fatalf("fetch after an interrupt: %v, complete %v", err, res != nil && res.Complete())
	}
	checkSaved(t, site, opt.Dir)
	if l := leftovers(t, opt.Dir); l != nil {
		t.Errorf("temporary files left: %q", l)
	}
}

// cancelAtEnd is a transport that cancels the fetch when the body of the
// page at path has been read to its end: the page is then whole, and
// saved, though the fetch is interrupted.
type cancelAtEnd struct {
	path   string
	cancel context.CancelFunc
}

func (c cancelAtEnd) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil && req.URL.Path == c.path {
		resp.Body = &endHook{ReadCloser: resp.Body, end: c.cancel}
	}
	return resp, err
}

// endHook calls end when its body returns io.EOF.
type endHook struct {
	io.ReadCloser
	end func()
}

func (h *endHook) Read(p []byte) (int, error) {
	n, err := h.ReadCloser.Read(p)
	if err == io.EOF {
		h.end()
	}
	return n, err
}

// A page saved whole as the fetch is interrupted is saved: counted, and
// in the manifest, not dropped as if it had never come.
func TestDayInterruptedAsSaved(t *testing.T) {
	site := fetchtest.New(fetchtest.PeopleNew, day, 2, 2)
	srv := site.Serve(t)
	opt, _ := testOptions(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opt.Client = &http.Client{Transport: cancelAtEnd{path: site.Pages[0], cancel: cancel}}
	res, err := Day(ctx, srv.URL+site.Pages[0], opt)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted fetch: %v", err)
	}
	if res.Layouts != 1 || res.Articles != 0 || res.Failed != 0 || res.First.Path != strings.TrimPrefix(site.Pages[0], "/") {
		t.Errorf("interrupted as the first page was saved: %d版 %d篇, %d failed, first %q; want the first page saved", res.Layouts, res.Articles, res.Failed, res.First.Path)
	}
	m, err := ReadManifest(opt.Dir)
	if err != nil || m.Complete || m.First != res.First.Path || len(m.Files) != 1 {
		t.Errorf("manifest %+v, %v: want the first page alone, not complete", m, err)
	}
	if l := leftovers(t, opt.Dir); l != nil {
		t.Errorf("temporary files left: %q", l)
	}
}

// An unknown site: no layout markup dubao knows; the day's linked pages
// are fetched all the same (the scope decides), nothing else.
func TestDayUnknownSite(t *testing.T) {
	site := fetchtest.New(fetchtest.Founder, day, 1, 1)
	page := func(body string) fetchtest.Page {
		return fetchtest.Page{Body: []byte("<html><body>" + body + "</body></html>"), ContentType: "text/html; charset=utf-8"}
	}
	site.Set("/news/2026-08-03/index.html", page(`<a href="a1.html">一</a> <a href="sub/a2.html">二</a>
		<a href="/news/2026-08-02/index.html">昨天</a> <a href="http://example.org/">外站</a> <a href="/about.html">关于</a>`))
	site.Set("/news/2026-08-03/a1.html", page(`<h1>一</h1><p>正文。</p><a href="index.html">返回</a>`))
	site.Set("/news/2026-08-03/sub/a2.html", page(`<h1>二</h1><p>正文。</p><a href="../a1.html">上一篇</a>`))
	srv := site.Serve(t)
	opt, _ := testOptions(t)
	res, err := fetchSite(t, srv.URL+"/news/2026-08-03/index.html", opt)
	if err != nil {
		t.Fatal(err)
	}
	var asked []string
	for _, r := range site.Requests() {
		asked = append(asked, r.Path)
	}
	if len(asked) != 4 || res.Articles != 3 || res.Failed != 0 {
		t.Errorf("asked for %q; %d articles, %d failed", asked, res.Articles, res.Failed)
	}
}

// TestSiteUnreachable: a site that does not answer at all (connection
// refused) is said to be unreachable, after the retries, rather than to
// have a robots.txt dubao cannot read.
func TestSiteUnreachable(t *testing.T) {
	srv := fetchtest.New(fetchtest.Founder, day, 1, 1).Serve(t)
	addr := srv.URL
	srv.Close()
	opt, w := testOptions(t)
	_, err := fetchSite(t, addr+"/html/2026-08/03/node_1.htm", opt)
	if err == nil || !strings.HasPrefix(err.Error(), addr+": cannot reach the site: ") || !strings.Contains(err.Error(), "refused") ||
		strings.Contains(err.Error(), "robots") || strings.Contains(err.Error(), "Get ") {
		t.Errorf("unreachable site: %v", err)
	}
	if len(w.all()) != 3 {
		t.Errorf("waits %v, want the 3 retries", w.all())
	}
}

// TestRemoveLeftoversSparesLiveFetches: the temporary files a fetch is
// writing now (another fetch of the same day) stay; those unwritten for
// longer than leftoverAge, or twice the timeout when that is longer, go.
func TestRemoveLeftoversSparesLiveFetches(t *testing.T) {
	now := time.Date(2026, 12, 6, 3, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		age     time.Duration
		timeout time.Duration
		removed bool
	}{
		{"being written", time.Second, 15 * time.Second, false},
		{"a minute old", time.Minute, 15 * time.Second, false},
		{"just under the age", leftoverAge - time.Second, 15 * time.Second, false},
		{"at the age", leftoverAge, 15 * time.Second, true},
		{"a day old", 24 * time.Hour, 15 * time.Second, true},
		{"old but a long timeout", leftoverAge + time.Minute, 10 * time.Minute, false},
		{"older than twice a long timeout", 21 * time.Minute, 10 * time.Minute, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			sub := filepath.Join(dir, "nw.20261206")
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			tmp := filepath.Join(sub, ".page.html.123456.tmp")
			kept := filepath.Join(sub, "page.html")
			for _, p := range []string{tmp, kept} {
				if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.Chtimes(p, now.Add(-tc.age), now.Add(-tc.age)); err != nil {
					t.Fatal(err)
				}
			}
			removeLeftovers(dir, tc.timeout, now)
			_, err := os.Stat(tmp)
			if gone := os.IsNotExist(err); gone != tc.removed {
				t.Errorf("temporary file %s removed %v, want %v (err %v)", tc.name, gone, tc.removed, err)
			}
			if _, err := os.Stat(kept); err != nil {
				t.Errorf("a saved page was touched: %v", err)
			}
		})
	}
}
