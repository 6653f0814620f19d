package fetch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"dubao/issue/safefile"
)

// crawler is one fetch of a day.
type crawler struct {
	opt    Options
	scope  Scope
	http   *client
	robots *robots
	start  *url.URL
	prev   *Manifest // what an earlier fetch of the day saved; never nil

	mu       sync.Mutex
	cond     *sync.Cond
	files    map[string]*File // by key
	queue    [3][]*File       // waiting, by kind: layouts, articles, images
	inFlight int
	seq      int
	limited  bool
	paper    string // the paper's name, as its pages say
	done     bool   // ctx done or the start page failed: no more work
	startErr error
	progress Progress
}

// queueOrder is the order the queues are served in: layout pages first (they
// name the day's pages and articles, and the reader shows their headlines),
// then articles, then images.
var queueOrder = [3]Kind{Layout, Article, Image}

// key identifies an address within the day: scheme and fragment left out.
func key(u *url.URL) string {
	return u.Host + u.EscapedPath() + "?" + u.RawQuery
}

// Day fetches the day of an e-paper that start (any layout or article page
// of it) belongs to into opt.Dir, and says what it did. It fails when start
// is not an e-paper day's address, when robots.txt forbids it or cannot be
// read, when the start page cannot be fetched (ErrNotFound for a day that
// does not exist), or when ctx is done; files that fail after it are
// counted in the result, which is then not Complete.
func Day(ctx context.Context, start string, opt Options) (*Result, error) {
	began := time.Now()
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(start)
	if err != nil {
		return nil, fmt.Errorf("%q: not an address: %w", start, err)
	}
	u.Fragment, u.RawFragment = "", ""
	scope, err := ScopeOf(u)
	if err != nil {
		return nil, err
	}
	c := &crawler{
		opt:   opt,
		scope: scope,
		start: u,
		files: map[string]*File{},
		prev:  readManifest(opt.Dir),
	}
	c.cond = sync.NewCond(&c.mu)
	c.http = newClient(opt, scope)
	res := &Result{Scope: scope, Dir: opt.Dir}
	defer func() { res.Elapsed = time.Since(began) }()

	if err := c.readRobots(ctx, u); err != nil {
		res.Requests = c.http.requests()
		return res, err
	}
	if c.robots.delay > 0 {
		// Crawl-delay is the wait between two requests to the site: one
		// worker, that waits that long (up to a limit) after each.
		c.opt.Jobs = 1
		c.opt.Pause = max(c.opt.Pause, min(c.robots.delay, maxCrawlDelay))
	}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return res, fmt.Errorf("fetch: %w", err)
	}
	removeLeftovers(opt.Dir, c.opt.Timeout, time.Now())
	kind, number := kindOf(u)
	first := c.add(u, kind, number)
	if first.Kind == Image {
		return res, fmt.Errorf("%s: an image, not a page of the day", u.Redacted())
	}
	c.run(ctx)
	c.fill(res)
	if err := writeManifest(opt.Dir, c.manifest(res)); err != nil && c.startErr == nil && ctx.Err() == nil {
		return res, err
	}
	switch {
	case c.startErr != nil:
		return res, c.startErr
	case ctx.Err() != nil:
		return res, ctx.Err()
	}
	return res, nil
}

// readRobots reads the site's robots.txt: missing (4xx) allows everything,
// a server error or no answer forbids everything (RFC 9309), and a start
// page it forbids ends the fetch.
func (c *crawler) readRobots(ctx context.Context, start *url.URL) error {
	ru := &url.URL{Scheme: start.Scheme, Host: start.Host, Path: "/robots.txt"}
	body, status, err := c.http.small(ctx, ru, maxRobots)
	switch {
	case err != nil && ctx.Err() != nil:
		return ctx.Err()
	case err != nil && unreachable(err):
		return fmt.Errorf("%s: cannot reach the site: %s", (&url.URL{Scheme: start.Scheme, Host: start.Host}).Redacted(), withoutRequest(err))
	case err != nil || status >= 500:
		why := fmt.Sprint(err)
		if err == nil {
			why = fmt.Sprintf("status %d", status)
		}
		return fmt.Errorf("%s: %s: dubao fetches nothing from a site whose robots.txt it cannot read", ru.Redacted(), why)
	case status >= 400:
		c.robots = &robots{}
	default:
		c.robots = parseRobots(body, userAgentProduct)
	}
	if !c.robots.allowed(start.EscapedPath() + query(start)) {
		return fmt.Errorf("%s: %w (%s)", start.Redacted(), ErrRobots, ru.Redacted())
	}
	return nil
}

// unreachable reports an error of the network below HTTP: a name that
// does not resolve, a connection refused or reset, no route to the host.
func unreachable(err error) bool {
	var (
		op  *net.OpError
		dns *net.DNSError
	)
	return errors.As(err, &dns) || errors.As(err, &op)
}

// withoutRequest is the text of err without the request that failed
// (Get "http://…/robots.txt": …), which says nothing to a reader.
func withoutRequest(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return strings.Replace(err.Error(), ue.Error(), ue.Err.Error(), 1)
	}
	return err.Error()
}

// query is the query of u with its "?", or "".
func query(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// add registers the address u, found as a link to a file of kind (as far as
// known: a page's kind is known once it is read), and queues it unless robots.txt forbids it (then it has failed
// with ErrRobots); it returns the day's file for it.
func (c *crawler) add(u *url.URL, kind Kind, number int) *File {
	k := key(u)
	if f := c.files[k]; f != nil {
		return f
	}
	f := &File{URL: u.String(), Path: localPath(u), Kind: kind, Number: number, seq: c.seq}
	c.seq++
	c.files[k] = f
	c.countKnown(kind, 1)
	if !c.robots.allowed(u.EscapedPath() + query(u)) {
		f.Err, f.done = ErrRobots, true
		c.progress.Failed++
		return f
	}
	c.queue[slot(kind)] = append(c.queue[slot(kind)], f)
	c.cond.Signal()
	return f
}

// slot is the queue index of a kind.
func slot(k Kind) int {
	for i, q := range queueOrder {
		if q == k {
			return i
		}
	}
	return 1
}

// countKnown adds n to the files known of kind.
func (c *crawler) countKnown(kind Kind, n int) {
	switch kind {
	case Layout:
		c.progress.Layouts += n
	case Image:
		c.progress.Images += n
	default:
		c.progress.Articles += n
	}
}

// next waits for a file to fetch and takes it; nil when there is no more
// work. Called with c.mu held.
func (c *crawler) next() *File {
	for {
		if c.done {
			return nil
		}
		for i := range c.queue {
			if q := c.queue[i]; len(q) > 0 {
				if i == 0 {
					// Layout pages in page order, as far as known.
					sort.SliceStable(q, func(a, b int) bool { return pageBefore(q[a], q[b]) })
				}
				f := q[0]
				c.queue[i] = q[1:]
				c.inFlight++
				return f
			}
		}
		if c.inFlight == 0 {
			c.done = true
			c.cond.Broadcast()
			return nil
		}
		c.cond.Wait()
	}
}

// pageBefore orders layout pages by number, then as found.
func pageBefore(a, b *File) bool {
	if (a.Number == 0) != (b.Number == 0) {
		return a.Number != 0
	}
	if a.Number != b.Number {
		return a.Number < b.Number
	}
	return a.seq < b.seq
}

// run fetches the day with opt.Jobs workers until nothing is left.
func (c *crawler) run(ctx context.Context) {
	stop := context.AfterFunc(ctx, func() {
		c.mu.Lock()
		c.done = true
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	defer stop()
	var wg sync.WaitGroup
	for range c.opt.Jobs {
		wg.Go(func() { c.work(ctx) })
	}
	wg.Wait()
}

// work is one worker: it takes files from the queues, gets them, and
// queues the links they have, until nothing is left.
func (c *crawler) work(ctx context.Context) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		f := c.next()
		if f == nil {
			return
		}
		c.mu.Unlock()
		began := time.Now()
		page, requested, err := c.get(ctx, f)
		if d := c.pause(time.Since(began)); requested && d > 0 {
			_ = c.opt.sleep(ctx.Done(), d)
		}
		c.mu.Lock()
		c.inFlight--
		c.finish(ctx, f, page, err)
	}
}

// pause is the wait of a worker after a request that took took: the
// pause of the options, or, when the site answers slowly (a second or
// more: it may be struggling), as long as the answer took, up to
// maxSlowPause.
func (c *crawler) pause(took time.Duration) time.Duration {
	if took >= time.Second && c.opt.Pause > 0 {
		return max(c.opt.Pause, min(took, maxSlowPause))
	}
	return c.opt.Pause
}

// finish records the outcome of getting f and queues its links. Called
// with c.mu held.
func (c *crawler) finish(ctx context.Context, f *File, page seen, err error) {
	defer c.cond.Broadcast()
	if err != nil && ctx.Err() != nil {
		return // interrupted: neither saved nor failed
	}
	f.Err, f.done = err, true
	isStart := f.seq == 0
	if err != nil {
		c.progress.Failed++
		if isStart {
			c.startErr = err
			c.done = true
			return
		}
	} else {
		if page.kind != f.Kind {
			// What the page is, now that it is read.
			c.countKnown(f.Kind, -1)
			c.countKnown(page.kind, 1)
			f.Kind = page.kind
		}
		if page.number > 0 {
			f.Number = page.number
		}
		if c.paper == "" {
			c.paper = page.paper
		}
		c.progress.Bytes += f.Size
		switch f.Kind {
		case Layout:
			c.progress.LayoutsDone++
		case Image:
			c.progress.ImagesDone++
		default:
			c.progress.ArticlesDone++
		}
	}
	for _, l := range page.links {
		c.follow(l)
	}
	if c.opt.Progress != nil {
		p := c.progress
		p.Last = *f
		c.opt.Progress(p)
	}
}

// follow queues a link of a page when it is a file of the day: in the
// scope, a page (or an image, with Options.Images), allowed by robots.txt
// (a forbidden page is counted as failed with ErrRobots), within the limit
// of files.
func (c *crawler) follow(l link) {
	u := l.url
	if !c.scope.Contains(u) {
		return
	}
	image := l.kind == Image || isImage(u.Path)
	switch {
	case image && !c.opt.Images:
		return
	case !image && !isPage(u):
		return
	}
	if c.files[key(u)] != nil {
		return
	}
	if len(c.files) >= c.opt.MaxPages {
		c.limited = true
		return
	}
	kind, number := l.kind, l.number
	if image {
		kind = Image
	}
	c.add(u, kind, number)
}

// get gets one file: from the site, or from the folder when an earlier
// fetch saved it (and Refresh is not set), and returns the links of a page.
// requested says whether the site was asked.
func (c *crawler) get(ctx context.Context, f *File) (page seen, requested bool, err error) {
	u, _ := url.Parse(f.URL)
	dest := filepath.Join(c.opt.Dir, filepath.FromSlash(f.Path))
	info, statErr := os.Stat(dest)
	have := statErr == nil && info.Mode().IsRegular()
	prev := c.prev.Files[f.URL]
	if have && !c.opt.Refresh {
		f.Size = info.Size()
		f.saved = validators{ETag: prev.ETag, Modified: prev.Modified}
		return c.read(f, dest, u), false, nil
	}
	var v validators
	if have {
		v = validators{ETag: prev.ETag, Modified: prev.Modified}
	}
	got, err := c.http.save(ctx, u, f.Kind, v, dest)
	if err != nil {
		return seen{}, true, err
	}
	f.Size, f.saved = got.size, got.validators
	f.Fetched = !got.notModified
	base := got.final
	if base == nil {
		base = u
	}
	return c.read(f, dest, base), true, nil
}

// read reads the saved page f (at dest, from the address base): what it
// is and its links. An image has none. The page kept from an earlier fetch
// (the site said it is not modified) is read only when it is still a
// regular file within the size limit of a page.
func (c *crawler) read(f *File, dest string, base *url.URL) seen {
	if f.Kind == Image {
		return seen{kind: Image}
	}
	data, err := safefile.ReadSmall(dest, c.opt.MaxPage)
	if err != nil {
		return seen{kind: f.Kind, number: f.Number}
	}
	return inspect(data, base, f.Kind, f.Number)
}

// fill writes the crawl's outcome into res.
func (c *crawler) fill(res *Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	files := make([]*File, 0, len(c.files))
	for _, f := range c.files {
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool {
		a, b := files[i], files[j]
		if (a.Kind == Layout) != (b.Kind == Layout) {
			return a.Kind == Layout
		}
		if a.Kind == Layout {
			return pageBefore(a, b)
		}
		return a.seq < b.seq
	})
	res.Files = make([]File, len(files))
	for i, f := range files {
		res.Files[i] = *f
		switch {
		case f.Err != nil:
			res.Failed++
		case !f.done:
			// never got to (interrupted): neither saved nor failed
		case f.Kind == Layout:
			res.Layouts++
		case f.Kind == Image:
			res.Images++
		default:
			res.Articles++
		}
		if f.done && f.Err == nil {
			res.Bytes += f.Size
		}
		if f.Fetched {
			res.Fetched++
		}
	}
	res.First = res.Files[0]
	for _, f := range res.Files {
		if f.Kind == Layout && f.done && f.Err == nil {
			res.First = f
			break
		}
	}
	res.Requests = c.http.requests()
	res.Limited = c.limited
	res.Paper = c.paper
}

// manifest is what the day's folder keeps of the fetch res.
func (c *crawler) manifest(res *Result) *Manifest {
	m := &Manifest{
		Start:    c.start.String(),
		Date:     c.scope.Date(),
		Complete: res.Complete() && c.startErr == nil && len(c.queue[0])+len(c.queue[1])+len(c.queue[2]) == 0 && c.inFlight == 0 && c.allDone(),
		Fetched:  time.Now().UTC(),
		Files:    map[string]ManifestFile{},
	}
	if res.First.done && res.First.Err == nil {
		m.First = res.First.Path
	}
	for _, f := range res.Files {
		if !f.done {
			continue
		}
		m.Files[f.URL] = ManifestFile{
			Path: f.Path, Kind: f.Kind.String(), Number: f.Number,
			ETag: f.saved.ETag, Modified: f.saved.Modified, Error: errorText(f.Err),
		}
	}
	return m
}

// allDone reports whether every file known was saved or has failed.
func (c *crawler) allDone() bool {
	for _, f := range c.files {
		if !f.done {
			return false
		}
	}
	return true
}

// errorText is the text of a file's error for the manifest.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// leftoverAge is how long a temporary file must have gone unwritten before
// removeLeftovers takes it for the leftover of a killed fetch. A fetch that
// is alive writes its temporary files as the answer's bytes arrive and
// renames them within its request timeout (15 s by default), so another
// fetch of the same day running at the same time keeps its files.
const leftoverAge = 10 * time.Minute

// removeLeftovers removes the temporary files an earlier fetch of the day
// left when it was killed outright (hidden .NAME.DIGITS.tmp files of
// safefile, unwritten for leftoverAge or longer — or for twice the request
// timeout when that is longer: the shelf never reads them, but they take
// room).
func removeLeftovers(dir string, timeout time.Duration, now time.Time) {
	age := max(leftoverAge, 2*timeout)
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !safefile.IsTemp(d.Name()) {
			return nil
		}
		if info, err := d.Info(); err == nil && now.Sub(info.ModTime()) >= age {
			_ = os.Remove(path)
		}
		return nil
	})
}
