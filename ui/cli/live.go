package cli

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"dubao/issue"
	"dubao/issue/fetch"
	"dubao/issue/shelf"
)

// reloadEvery is the shortest time between two readings of a day being
// fetched: the reader's headlines fill in at this pace.
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
	// the words of the status line; the last has done set. It is closed
	// after it, or when stop is called.
	updates chan liveUpdate
	// done is closed when the fetch has ended; res and err are then set.
	done chan struct{}
	res  *fetch.Result
	err  error

	cancel context.CancelFunc
	quit   chan struct{}
	once   sync.Once
}

// liveUpdate is the day read again while it is fetched.
type liveUpdate struct {
	issue  *issue.Issue
	key    string // shelf.Key of the issue
	status string // 正在下载 7/20版 · 63篇, then what the fetch did
	done   bool   // the fetch has ended: the last update
	// arrived is when the newest file it holds arrived.
	arrived time.Time
}

// startLive starts fetching the day p in the background.
func (r *runner) startLive(ctx context.Context, p dayPlan, g getFlags) *liveDay {
	ctx, cancel := context.WithCancel(ctx)
	l := &liveDay{
		dir:     p.dir,
		first:   make(chan struct{}),
		updates: make(chan liveUpdate, 1),
		done:    make(chan struct{}),
		cancel:  cancel,
		quit:    make(chan struct{}),
	}
	var (
		mu         sync.Mutex
		latest     fetch.Progress
		latestAt   time.Time
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
			latest, latestAt = pr, now
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
		for {
			finished := false
			select {
			case <-changed:
			case <-l.done:
				finished = true
			case <-l.quit:
				return
			}
			if wait := reloadEvery - time.Since(last); !finished && wait > 0 {
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
			pr, at := latest, latestAt
			mu.Unlock()
			u := liveUpdate{status: fetchStatus(pr), arrived: at, done: finished}
			if finished && l.res != nil {
				u.status = doneStatus(l.res)
			}
			if loaded, err := shelf.Load(p.dir, r.shelfOptions()); err == nil {
				u.issue, u.key = loaded.Issue, loaded.Key
			}
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

// fetchStatus is the status line of a day being fetched.
func fetchStatus(p fetch.Progress) string { return Status(p) }

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
