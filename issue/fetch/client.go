package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"dubao/issue/safefile"
	"dubao/issue/source"
)

// client makes the crawler's requests: one at a time per call, with the
// User-Agent, the timeout, the retries and the redirect policy.
type client struct {
	http  *http.Client
	opt   Options
	scope Scope
	count atomic.Int64 // requests made
}

// newClient returns the client of a crawl of scope.
func newClient(opt Options, scope Scope) *client {
	var hc http.Client
	if opt.Client != nil {
		hc = *opt.Client
	} else {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxConnsPerHost = MaxJobs
		t.MaxIdleConnsPerHost = MaxJobs
		hc.Transport = t
	}
	c := &client{opt: opt, scope: scope}
	hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		c.count.Add(1)
		if strings.ToLower(req.URL.Host) != scope.Host {
			return permanent(fmt.Errorf("redirected off the site, to %s", req.URL.Redacted()))
		}
		for _, v := range via {
			if v.URL.String() == req.URL.String() {
				return permanent(fmt.Errorf("redirect loop at %s", req.URL.Redacted()))
			}
		}
		if len(via) >= maxRedirects {
			return permanent(fmt.Errorf("more than %d redirects", maxRedirects))
		}
		return nil
	}
	c.http = &hc
	return c
}

// requests is the number of requests made.
func (c *client) requests() int { return int(c.count.Load()) }

// validators are what a saved page's response said to ask whether it
// changed since.
type validators struct {
	ETag, Modified string
}

// fetched is what getting one file did.
type fetched struct {
	size        int64
	notModified bool     // 304: the saved file is current
	final       *url.URL // the address answered, after redirects
	validators
}

// permanentError is an error that trying again would not change.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

func permanent(err error) error { return &permanentError{err} }

// statusError is a response that is no page: a status other than 2xx.
type statusError struct {
	code       int
	retryAfter time.Duration // from a Retry-After header; -1 without
}

func (e *statusError) Error() string {
	return fmt.Sprintf("status %d %s", e.code, http.StatusText(e.code))
}

// retryable reports whether a failed try may succeed later, and how long
// the site asks to wait first (-1: it does not say).
func retryable(err error) (bool, time.Duration) {
	var pe *permanentError
	if errors.As(err, &pe) {
		return false, -1
	}
	var se *statusError
	if errors.As(err, &se) {
		ok := se.code >= 500 || se.code == http.StatusTooManyRequests || se.code == http.StatusRequestTimeout
		return ok, se.retryAfter
	}
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return false, -1 // no such host: a mistyped address does not come right by waiting
	}
	return true, -1 // a network error, a timeout, a body cut short
}

// retry calls try until it succeeds, fails for good, or the retries are
// used up, waiting between tries: what Retry-After asks, else a backoff
// doubled each time, with jitter.
func (c *client) retry(ctx context.Context, u *url.URL, try func(ctx context.Context) error) error {
	for attempt := 0; ; attempt++ {
		err := c.once(ctx, try)
		switch {
		case err == nil:
			// Done, even when ctx was cancelled meanwhile: the file is
			// saved, and is counted as such.
			return nil
		case ctx.Err() != nil:
			return ctx.Err()
		}
		ok, wait := retryable(err)
		if !ok || attempt >= c.opt.Retries {
			if attempt > 0 && ok {
				return fmt.Errorf("%w (after %d tries)", err, attempt+1)
			}
			return err
		}
		if wait > MaxRetryAfter {
			return fmt.Errorf("%w (the site asks to come back in %s)", err, wait.Round(time.Second))
		}
		if wait < 0 {
			wait = c.opt.Backoff << attempt
			wait += time.Duration(rand.Int64N(int64(wait)/4 + 1))
		}
		if err := c.opt.sleep(ctx.Done(), wait); err != nil {
			return ctx.Err()
		}
	}
}

// once runs one try with the per-request timeout.
func (c *client) once(ctx context.Context, try func(ctx context.Context) error) error {
	tctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	err := try(tctx)
	if err != nil && errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return fmt.Errorf("no answer within %s", c.opt.Timeout)
	}
	return err
}

// request sends a GET for u and returns the response of a 2xx or 304
// status; anything else is an error.
func (c *client) request(ctx context.Context, u *url.URL, v validators) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, permanent(err)
	}
	req.Header.Set("User-Agent", c.opt.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.Modified != "" {
		req.Header.Set("If-Modified-Since", v.Modified)
	}
	c.count.Add(1)
	resp, err := c.http.Do(req)
	if err != nil {
		var pe *permanentError
		if errors.As(err, &pe) {
			return nil, pe
		}
		return nil, err
	}
	code := resp.StatusCode
	switch {
	case code >= 200 && code < 300, code == http.StatusNotModified && (v != validators{}):
		return resp, nil
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
	if code == http.StatusNotFound || code == http.StatusGone {
		return nil, permanent(fmt.Errorf("%w (status %d)", ErrNotFound, code))
	}
	return nil, &statusError{code: code, retryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date; -1
// when there is none or it cannot be read.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return -1
	}
	if s, err := strconv.Atoi(h); err == nil {
		return time.Duration(max(s, 0)) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0)
	}
	return -1
}

// small gets a small file (robots.txt) whole, up to limit bytes, and its
// status: 4xx statuses are answers here, not errors.
func (c *client) small(ctx context.Context, u *url.URL, limit int64) ([]byte, int, error) {
	var (
		body   []byte
		status int
	)
	err := c.retry(ctx, u, func(ctx context.Context) error {
		resp, err := c.request(ctx, u, validators{})
		var se *statusError
		switch {
		case errors.Is(err, ErrNotFound):
			status = http.StatusNotFound
			return nil
		case errors.As(err, &se) && se.code < 500 && se.code != http.StatusTooManyRequests:
			status = se.code
			return nil
		case err != nil:
			return err
		}
		defer resp.Body.Close()
		status = resp.StatusCode
		body, err = io.ReadAll(io.LimitReader(resp.Body, limit))
		return err
	})
	return body, status, err
}

// save gets the file u into dest, replacing it atomically: the body goes
// to a temporary file beside dest, renamed to dest once whole and checked
// (within the size limit; a page must be a web page, not a PDF or other
// binary file). A 304 answer to the validators v leaves dest as it is.
func (c *client) save(ctx context.Context, u *url.URL, kind Kind, v validators, dest string) (fetched, error) {
	var got fetched
	err := c.retry(ctx, u, func(ctx context.Context) error {
		resp, err := c.request(ctx, u, v)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		got = fetched{final: resp.Request.URL}
		if resp.StatusCode == http.StatusNotModified {
			got.notModified = true
			got.validators = v
			if info, err := os.Stat(dest); err == nil {
				got.size = info.Size()
			}
			return nil
		}
		if resp.ContentLength > c.opt.MaxPage {
			return permanent(fmt.Errorf("%w: %s, more than the limit of %s", ErrTooLarge, FormatBytes(resp.ContentLength), FormatBytes(c.opt.MaxPage)))
		}
		n, err := c.write(resp, kind, dest)
		if err != nil {
			return err
		}
		got.size = n
		got.validators = validators{ETag: resp.Header.Get("ETag"), Modified: resp.Header.Get("Last-Modified")}
		return nil
	})
	return got, err
}

// write streams the body of resp into dest through a temporary file.
func (c *client) write(resp *http.Response, kind Kind, dest string) (int64, error) {
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, permanent(err)
	}
	tmp, err := safefile.Create(dest)
	if err != nil {
		return 0, permanent(err)
	}
	defer tmp.Abort() // after Commit, there is nothing to drop
	head := &headWriter{max: 1024}
	n, err := io.Copy(io.MultiWriter(tmp, head), io.LimitReader(resp.Body, c.opt.MaxPage+1))
	switch {
	case err != nil:
		return 0, fmt.Errorf("reading the answer: %w", err)
	case n > c.opt.MaxPage:
		return 0, permanent(fmt.Errorf("%w: more than the limit of %s", ErrTooLarge, FormatBytes(c.opt.MaxPage)))
	}
	if kind != Image {
		if what := notPage(resp.Header.Get("Content-Type"), head.buf.Bytes()); what != "" {
			return 0, permanent(fmt.Errorf("%w: %s", ErrNotPage, what))
		}
	}
	if err := tmp.Commit(); err != nil {
		return 0, permanent(err)
	}
	return n, nil
}

// notPage says what a page's answer is when it is not a web page (a PDF,
// an image, other binary data), or "".
func notPage(contentType string, head []byte) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")) || mt == "application/pdf":
		return "a PDF"
	case strings.HasPrefix(mt, "image/"), strings.HasPrefix(mt, "audio/"), strings.HasPrefix(mt, "video/"):
		return mt
	}
	if what := source.SniffBinary(head); what != "" {
		return what
	}
	return ""
}

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	buf bytes.Buffer
	max int
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - w.buf.Len(); room > 0 {
		w.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// FormatBytes writes a number of bytes for people: 20 MB, 312 KB, 87 B.
func FormatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
