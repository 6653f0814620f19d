// Package fetch gets one day of an e-paper (数字报) site: every layout page
// (版面) of the day and every article page they link, saved as files under
// a folder that keeps the site's paths, so that the folder is a saved day
// that reads as one issue.
//
// It crawls carefully: only the day's pages of the same site (see Scope),
// at most four requests at a time with a pause between them, a User-Agent
// naming dubao, robots.txt honoured, conditional requests on refresh,
// timeouts, retries with backoff on server errors, 429 and network errors,
// redirects followed within the site, a size limit per page, and files
// written atomically, so that an interrupted fetch never leaves half a
// page. A later fetch of the same day fetches only what is missing.
package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Defaults of Options.
const (
	DefaultJobs      = 4                     // requests at a time
	MaxJobs          = 4                     // the most requests at a time to one site
	DefaultPause     = 10 * time.Millisecond // after each request, per worker; longer after slow answers
	maxSlowPause     = 5 * time.Second
	DefaultTimeout   = 15 * time.Second // per request, body included
	DefaultRetries   = 3                // after the first try
	DefaultBackoff   = time.Second      // the wait before the first retry, doubled after
	DefaultMaxPage   = 20 << 20         // bytes of one page or image
	DefaultMaxPages  = 2000             // files of one day
	MaxRetryAfter    = time.Minute      // the longest Retry-After waited for
	maxCrawlDelay    = 10 * time.Second // the longest robots.txt Crawl-delay honoured
	maxRedirects     = 10
	manifestName     = ".dubao-get.json"
	userAgentProduct = "dubao"
)

// Options say how a day is fetched. The zero value of a field is its
// default.
type Options struct {
	// Dir is the folder the day's files are saved in (required).
	Dir string
	// Jobs is the number of requests at a time (1 to MaxJobs).
	Jobs int
	// Pause is the wait of each worker between two requests (as long
	// as the last answer took, up to 5 s, when it took a second or
	// more); negative for none.
	Pause time.Duration
	// Timeout is the time one request (with its body) may take.
	Timeout time.Duration
	// Retries is how often a request is tried again; negative for none.
	Retries int
	// Backoff is the wait before the first retry, doubled for each next.
	Backoff time.Duration
	// MaxPage is the size limit of one file, in bytes.
	MaxPage int64
	// MaxPages is the most files one day may have.
	MaxPages int
	// Images fetches the images of the day's pages too.
	Images bool
	// Refresh fetches again the pages already saved (asking the site
	// whether they changed: If-None-Match, If-Modified-Since).
	Refresh bool
	// Version is dubao's version, for the User-Agent.
	Version string
	// Client makes the requests; nil for a client of its own. Its
	// redirect policy is replaced by the crawler's.
	Client *http.Client
	// Progress, when set, is told how the fetch goes after every file
	// (calls never overlap).
	Progress func(Progress)

	// sleep waits for d or until ctx is done; nil is a timer. Tests
	// record the waits instead.
	sleep func(done <-chan struct{}, d time.Duration) error
}

// userAgent is the User-Agent header dubao's requests carry.
func (o Options) userAgent() string {
	v := o.Version
	if v == "" {
		v = "devel"
	}
	return fmt.Sprintf("%s/%s (terminal newspaper reader; one day at a time)", userAgentProduct, v)
}

// withDefaults returns o with the zero fields set to their defaults.
func (o Options) withDefaults() (Options, error) {
	switch {
	case o.Dir == "":
		return o, errors.New("fetch: no folder to save the day in")
	case o.Jobs < 0 || o.Jobs > MaxJobs:
		return o, fmt.Errorf("fetch: %d requests at a time: from 1 to %d", o.Jobs, MaxJobs)
	}
	if o.Jobs == 0 {
		o.Jobs = DefaultJobs
	}
	if o.Pause == 0 {
		o.Pause = DefaultPause
	}
	o.Pause = max(o.Pause, 0)
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	}
	o.Retries = max(o.Retries, 0)
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxPage <= 0 {
		o.MaxPage = DefaultMaxPage
	}
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultMaxPages
	}
	if o.sleep == nil {
		o.sleep = sleep
	}
	return o, nil
}

// sleep waits for d, or until done is closed.
func sleep(done <-chan struct{}, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-done:
		return errors.New("interrupted")
	}
}

// Progress is how a fetch goes: the files known and done of each kind.
type Progress struct {
	Layouts, LayoutsDone   int
	Articles, ArticlesDone int
	Images, ImagesDone     int
	// Failed counts the files that could not be fetched.
	Failed int
	// Bytes is the size of the files saved so far (or found saved).
	Bytes int64
	// Last is the file just done.
	Last File
}

// File is one file of a day: a page or an image, fetched or not.
type File struct {
	// URL is its address.
	URL string
	// Path is where it is saved, relative to the day's folder, with
	// slashes.
	Path string
	// Kind is what it is; Number the number of a layout page (from the
	// page, or its name: node_03.htm is 3), or of the page an article is
	// on, as far as known; 0 when not.
	Kind   Kind
	Number int
	// Size is its size in bytes, once saved.
	Size int64
	// Err says why it could not be fetched; nil once saved. Forbidden by
	// robots.txt is an error too (ErrRobots).
	Err error
	// Fetched is set when this run fetched it (not found saved, nor
	// unchanged since).
	Fetched bool
	// seq is the order it was found in; done is set once it is saved or
	// has failed; saved are the validators of its answer.
	seq   int
	done  bool
	saved validators
}

// Errors of a fetch.
var (
	// ErrNotFound is the error of a start page the site does not have
	// (404, 410): the day does not exist.
	ErrNotFound = errors.New("no such page")
	// ErrRobots is the error of a page that robots.txt forbids dubao.
	ErrRobots = errors.New("forbidden by the site's robots.txt")
	// ErrTooLarge is the error of a file larger than Options.MaxPage.
	ErrTooLarge = errors.New("too large")
	// ErrNotPage is the error of a page address that gives something
	// else (a PDF, an image).
	ErrNotPage = errors.New("not a web page")
)

// Result is what a fetch of a day did.
type Result struct {
	// Scope is the day and the part of the site that holds it.
	Scope Scope
	// Dir is the folder the day is saved in.
	Dir string
	// Paper is the paper's name as its pages say it (人民日报), or "".
	Paper string
	// First is the day's first layout page (the lowest page number), or
	// the start page when no layout page was found.
	First File
	// Files are the day's files, layout pages first, in page order, then
	// the rest in the order found.
	Files []File
	// Layouts, Articles, Images and Failed count the files saved of
	// each kind, and those that could not be.
	Layouts, Articles, Images, Failed int
	// Requests is the number of requests made (robots.txt, retries and
	// redirects included); Fetched the files fetched and saved by them.
	Requests, Fetched int
	// Bytes is the size of all the day's files saved.
	Bytes int64
	// Elapsed is how long the fetch took.
	Elapsed time.Duration
	// Limited is set when the day had more files than Options.MaxPages.
	Limited bool
}

// Complete reports whether every file of the day is saved.
func (r *Result) Complete() bool { return r.Failed == 0 && !r.Limited }
