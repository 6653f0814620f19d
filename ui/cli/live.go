package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"dubao/issue/fetch"
	"dubao/issue/shelf"
	"dubao/ui/config"
	"dubao/ui/tui"
)

// reloadEvery is the shortest time between two readings of a day being
// fetched: the reader's headlines fill in at this pace (or slower: at
// least three times as long as the last reading took).
const reloadEvery = 300 * time.Millisecond

// liveDay is a day being fetched for the reader (dubao URL): the fetch
// runs in the background, and the day's folder is read again as its
// pages arrive.
type liveDay struct {
	dir string
	// first is closed once the first page is saved, or the fetch ended
	// without one; firstAt is when that page arrived.
	first   chan struct{}
	firstAt time.Time
	// updates are the day read again with what has arrived, each with
	// the words of the status line; the last is Done. It is closed after
	// it, or when stop is called.
	updates chan tui.Arrival
	// done is closed when the fetch has ended; res and err are then set.
	done chan struct{}
	res  *fetch.Result
	err  error

	cancel context.CancelFunc
	quit   chan struct{}
	once   sync.Once
}

// startLive starts fetching the day p in the background.
func (r *runner) startLive(ctx context.Context, p dayPlan, g getFlags) *liveDay {
	ctx, cancel := context.WithCancel(ctx)
	l := &liveDay{
		dir:     p.dir,
		first:   make(chan struct{}),
		updates: make(chan tui.Arrival, 1),
		done:    make(chan struct{}),
		cancel:  cancel,
		quit:    make(chan struct{}),
	}
	var (
		mu         sync.Mutex
		latest     fetch.Progress
		firstOnce  sync.Once
		changed    = make(chan struct{}, 1)
		closeFirst = func() { firstOnce.Do(func() { close(l.first) }) }
	)
	opt := fetch.Options{
		Dir: p.dir, Jobs: g.jobs, Images: g.images, Refresh: g.refresh,
		Version: r.app.version(),
		Progress: func(pr fetch.Progress) {
			now := time.Now()
			mu.Lock()
			latest = pr
			if pr.Last.Err == nil && l.firstAt.IsZero() {
				l.firstAt = now
			}
			mu.Unlock()
			if pr.Last.Err == nil {
				closeFirst()
			}
			select {
			case changed <- struct{}{}:
			default:
			}
		},
	}
	go func() {
		l.res, l.err = fetch.Day(ctx, p.start, opt)
		closeFirst()
		close(l.done)
	}()
	go func() {
		defer close(l.updates)
		<-l.first
		var last time.Time
		gap := reloadEvery
		for {
			finished := false
			select {
			case <-changed:
			case <-l.done:
				finished = true
			case <-l.quit:
				return
			}
			if wait := gap - time.Since(last); !finished && wait > 0 {
				select {
				case <-time.After(wait):
				case <-l.done:
					finished = true
				case <-l.quit:
					return
				}
			}
			last = time.Now()
			mu.Lock()
			pr := latest
			mu.Unlock()
			u := tui.Arrival{Status: Status(pr), Done: finished}
			if finished && l.res != nil {
				u.Status, u.Failed = doneStatus(l.res), !l.res.Complete()
			}
			if finished && l.err != nil {
				u.Status, u.Failed = "下载中断："+oneLine(l.err.Error()), true
			}
			loaded, err := shelf.Load(p.dir, r.shelfOptions())
			if err == nil {
				u.Issue = loaded.Issue
				if finished {
					u.Key = loaded.Key
				}
			}
			// Reading the day takes longer as it grows: leave the fetch
			// most of the time (two cores may be all there is).
			gap = max(reloadEvery, 3*time.Since(last))
			select {
			case l.updates <- u:
			case <-l.quit:
				return
			}
			if finished {
				return
			}
		}
	}()
	return l
}

// stop ends the fetch (when the reader is left before it is done) and
// the readings, and waits for the fetch to end.
func (l *liveDay) stop() {
	l.once.Do(func() {
		l.cancel()
		close(l.quit)
	})
	<-l.done
}

// doneStatus is the status line of a day fetched: 已下载 20版 · 120篇, or
// what could not be fetched.
func doneStatus(res *fetch.Result) string {
	if lines := failures(res); len(lines) > 0 {
		s, _, _ := strings.Cut(lines[0], " (") // the reason is in the summary
		if len(lines) > 1 {
			s += fmt.Sprintf(" …（共%d个文件）", res.Failed)
		}
		return s
	}
	return fmt.Sprintf("已下载 %d版 · %d篇", res.Layouts, res.Articles)
}

// readArriving is dubao URL on a terminal: the reader opens on the day as
// soon as its first page is in, and the rest fills in while it arrives
// (see startLive); a day already fetched whole opens at once, without the
// network (unless --refresh). Leaving the reader before the day is in
// stops the fetch; the summary is printed once the reader is gone.
func (r *runner) readArriving(ctx context.Context, cmd *cobra.Command, address string, cfg config.Config) error {
	g := r.urlFlags
	g.days = 1
	plans, err := r.plan(cmd, address, g)
	if err != nil {
		return err
	}
	p := plans[0]
	if m, err := fetch.ReadManifest(p.dir); err == nil && m.Complete && !g.refresh {
		return r.readFolder(ctx, p.dir, cfg)
	}
	// An interrupted Run waits for the fetch to end (l.stop) and for the
	// summary, as it does for get.
	release, ok := r.waited.hold()
	if !ok {
		return ctx.Err()
	}
	defer release()
	l := r.startLive(ctx, p, g)
	defer l.stop()
	select {
	case <-l.first:
	case <-ctx.Done():
		return ctx.Err()
	}
	if l.firstAt.IsZero() { // no page came: the day does not exist, or the site said no
		<-l.done
		return dayError(p, l.err)
	}
	loaded, err := shelf.Load(p.dir, r.shelfOptions())
	if err != nil {
		// The first page alone does not read as an issue: wait for the
		// rest.
		<-l.done
		if loaded, err = shelf.Load(p.dir, r.shelfOptions()); err != nil {
			return err
		}
	}
	opt := r.readerOptions(cfg, input{name: p.dir, issue: loaded.Issue, path: absPath(p.dir)})
	opt.Arrivals = l.updates
	if r.app.arrived != nil {
		r.app.arrived(l.firstAt)
	}
	err = r.app.reader(ctx, loaded.Issue, opt)
	l.stop()
	switch {
	case l.res != nil && l.err == nil:
		r.summary(l.res)
	case l.res != nil && errors.Is(l.err, context.Canceled):
		fmt.Fprintf(r.stderr, "%s: the fetch was stopped (%s in): %s again fetches the rest\n",
			r.root.Name(), savedCount(l.res), commandLine(r.root.Name(), address))
	case l.err != nil && err == nil:
		err = l.err
	}
	return err
}

// dayError is the error of a day that could not be fetched: one line, with
// "no paper that day" for a day the site does not have.
func dayError(p dayPlan, err error) error {
	if errors.Is(err, fetch.ErrNotFound) {
		return fmt.Errorf("%s: no paper that day (%v)", p.start, errors.Unwrap(err))
	}
	return err
}
