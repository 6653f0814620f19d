// Package fetchtest serves fictional e-paper sites on the loopback for the
// tests and benchmarks of fetching: one day of a paper shaped like 人民日报
// (the layout since 2024 and the one before) or like a paper of the Founder
// (方正) system, with faults to inject per page (slow answers, server
// errors then success, 429 with Retry-After, bodies cut short, redirect
// loops, a PDF where a page should be, a huge page) and a robots.txt.
// Nothing here reaches the internet.
package fetchtest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// System is the kind of e-paper site a fixture imitates.
type System int

// The systems.
const (
	// PeopleNew is 人民日报 since 2024-12: /rmrb/pc/layout/YYYYMM/DD/node_NN.html,
	// articles /rmrb/pc/content/YYYYMM/DD/content_N.html, UTF-8.
	PeopleNew System = iota
	// PeopleOld is 人民日报 before: /rmrb/html/YYYY-MM/DD/nbs.D110000renmrb_NN.htm,
	// articles nw.D110000renmrb_YYYYMMDD_N-NN.htm beside them, UTF-8.
	PeopleOld
	// Founder is a city daily of the Founder system: /html/YYYY-MM/DD/node_N.htm,
	// articles content_N.htm beside them, GB2312 (as GBK bytes).
	Founder
)

// String names the system, for test names.
func (s System) String() string {
	return [...]string{"人民日报 (2024-)", "人民日报 (-2024)", "Founder"}[s]
}

// Page is one file the site serves.
type Page struct {
	Body        []byte
	ContentType string
	// ETag and Modified are sent with the page, and answered with 304
	// when a request names them.
	ETag, Modified string
	// Chunked sends the page without a Content-Length.
	Chunked bool
}

// Fault is what goes wrong when a path is asked for.
type Fault struct {
	// Fail is the number of first tries answered with Status (500 when
	// 0) before the page is served.
	Fail   int
	Status int
	// RetryAfter is the Retry-After header sent with the failures.
	RetryAfter string
	// Slow delays the answer of the first Fail tries (all tries when
	// Fail is 0).
	Slow time.Duration
	// Truncate sends, on the first Fail tries, a Content-Length of the
	// whole page but only half of it.
	Truncate bool
	// Redirect answers with a redirect to this address (every try).
	Redirect string
}

// Request is a request the site was sent.
type Request struct {
	Path      string
	UserAgent string
	IfNone    string // If-None-Match
	IfSince   string // If-Modified-Since
	At        time.Time
}

// Site is a fictional e-paper site: its files by path, with faults.
type Site struct {
	// Day is the day the site has; Pages and Articles list the paths of
	// its layout and article pages, in order.
	Day      time.Time
	System   System
	Pages    []string
	Articles []string
	// Robots is the text of /robots.txt; empty for a 404.
	Robots string
	// Latency is added to every answer.
	Latency time.Duration

	mu       sync.Mutex
	files    map[string]Page
	faults   map[string]Fault
	tries    map[string]int
	requests []Request
	inFlight int
	peak     int
}

// New returns the site of one day of a paper of system with pages layout
// pages of perPage articles each.
func New(system System, day time.Time, pages, perPage int) *Site {
	s := &Site{Day: day, System: system, files: map[string]Page{}, faults: map[string]Fault{}, tries: map[string]int{}}
	for p := 1; p <= pages; p++ {
		s.Pages = append(s.Pages, s.layoutPath(p))
		for a := 1; a <= perPage; a++ {
			s.Articles = append(s.Articles, s.articlePath(p, a, perPage))
		}
	}
	for p := 1; p <= pages; p++ {
		s.Set(s.imagePath(p), Page{Body: jpeg, ContentType: "image/jpeg"})
		s.Set(s.layoutPath(p), s.page(s.layoutHTML(p, pages, perPage)))
		for a := 1; a <= perPage; a++ {
			s.Set(s.articlePath(p, a, perPage), s.page(s.articleHTML(p, a, perPage)))
		}
	}
	return s
}

// page wraps an HTML text as the site serves it: in GBK bytes for the
// Founder system, else UTF-8, with an ETag and a modification time.
func (s *Site) page(text string) Page {
	ct := "text/html; charset=utf-8"
	body := []byte(text)
	if s.System == Founder {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes(body)
		if err == nil {
			body = b
		}
		ct = "text/html" // the page's meta says gb2312
	}
	return Page{Body: body, ContentType: ct, ETag: fmt.Sprintf(`"%x-%d"`, len(body), len(s.files)),
		Modified: s.Day.Add(5 * time.Hour).UTC().Format(http.TimeFormat)}
}

// Set serves p at path.
func (s *Site) Set(path string, p Page) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[path] = p
}

// Get returns the page at path.
func (s *Site) Get(path string) (Page, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.files[path]
	return p, ok
}

// Remove stops serving path (404).
func (s *Site) Remove(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.files, path)
}

// Fault makes path fail as f says, its tries counted from now.
func (s *Site) Fault(path string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[path] = f
	s.tries[path] = 0
}

// Requests returns the requests the site was sent, in order.
func (s *Site) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// PeakInFlight is the most requests the site was answering at once.
func (s *Site) PeakInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak
}

// Reset forgets the requests and tries counted so far.
func (s *Site) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.peak = nil, 0
	clear(s.tries)
}

// Serve starts the site on the loopback; it stops with the test.
func (s *Site) Serve(t interface{ Cleanup(func()) }) *httptest.Server {
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

// ServeHTTP answers a request.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, Request{Path: r.URL.Path, UserAgent: r.UserAgent(),
		IfNone: r.Header.Get("If-None-Match"), IfSince: r.Header.Get("If-Modified-Since"), At: time.Now()})
	s.inFlight++
	s.peak = max(s.peak, s.inFlight)
	f, faulty := s.faults[r.URL.Path]
	s.tries[r.URL.Path]++
	try := s.tries[r.URL.Path]
	page, ok := s.files[r.URL.Path]
	robots := s.Robots
	latency := s.Latency
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	wait := latency
	if faulty && f.Slow > 0 && (f.Fail == 0 || try <= f.Fail) {
		wait += f.Slow
	}
	if wait > 0 {
		select {
		case <-time.After(wait):
		case <-r.Context().Done():
			return
		}
	}
	if faulty {
		if f.Redirect != "" {
			http.Redirect(w, r, f.Redirect, http.StatusFound)
			return
		}
		if try <= f.Fail && !f.Truncate && f.Slow == 0 {
			if f.RetryAfter != "" {
				w.Header().Set("Retry-After", f.RetryAfter)
			}
			status := f.Status
			if status == 0 {
				status = http.StatusInternalServerError
			}
			http.Error(w, http.StatusText(status), status)
			return
		}
		if try <= f.Fail && f.Truncate && ok {
			w.Header().Set("Content-Length", strconv.Itoa(len(page.Body)))
			_, _ = w.Write(page.Body[:len(page.Body)/2])
			return // the server closes the connection short of the length
		}
	}
	if r.URL.Path == "/robots.txt" {
		if robots == "" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte(robots))
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	if page.ETag != "" && r.Header.Get("If-None-Match") == page.ETag ||
		page.ETag == "" && page.Modified != "" && r.Header.Get("If-Modified-Since") == page.Modified {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if page.ETag != "" {
		w.Header().Set("ETag", page.ETag)
	}
	if page.Modified != "" {
		w.Header().Set("Last-Modified", page.Modified)
	}
	if page.ContentType != "" {
		w.Header().Set("Content-Type", page.ContentType)
	}
	if !page.Chunked {
		w.Header().Set("Content-Length", strconv.Itoa(len(page.Body)))
	}
	_, _ = w.Write(page.Body)
}

// Huge is a page of n bytes of HTML, made when served would be too slow
// to keep: the body is built once.
func Huge(n int) Page {
	var b strings.Builder
	b.Grow(n)
	b.WriteString("<html><body>")
	for b.Len() < n-20 {
		b.WriteString("<p>大报小报，一版一版。</p>\n")
	}
	return Page{Body: []byte(b.String()), ContentType: "text/html; charset=utf-8", Chunked: true}
}

// jpeg is a tiny picture's bytes (a JPEG's signature and end).
var jpeg = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")

// PDF is a small PDF file.
func PDF() Page {
	return Page{Body: []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), ContentType: "application/pdf"}
}
