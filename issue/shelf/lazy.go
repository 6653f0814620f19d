package shelf

import (
	"context"
	"time"

	"dubao/issue"
)

// Update is what ScanLazy sends as it indexes a shelf in the background.
type Update struct {
	// Shelf is the shelf with what is indexed so far: a new Shelf, which
	// replaces the one before. Entries indexed since then have lost
	// Pending and gained their paper, date, pages and articles.
	Shelf *Shelf
	// Done is the number of files (or archive folders) indexed so far, out
	// of Total.
	Done, Total int
	// Final is set on the last update, after which the channel is closed:
	// the index is complete (Shelf.Pending is 0) and saved in the cache,
	// or Err says why it stopped.
	Final bool
	// Err is the error of a cancelled ctx, on the final update.
	Err error
}

// Keyed returns the shelf s with the content key of every issue (see
// Entry.Key): s itself when each has one, else the shelf scanned again
// without Options.NoKey, which reads the files whose sums the index lacks
// (a hash, not a parse) and keeps the sums in the index.
func (s *Shelf) Keyed(ctx context.Context) (*Shelf, error) {
	for _, e := range s.Issues {
		if e.Key == "" {
			opt := s.opt
			opt.NoKey = false
			return Scan(ctx, s.Dir, opt)
		}
	}
	return s, nil
}

// Indexing tunes ScanLazy.
const (
	// syncIndexLimit is the number of files to index that ScanLazy reads
	// before it returns, as Scan does: a folder of a few files (one
	// issue's pages) is read in well under a second, and is then known
	// to hold one issue or several.
	syncIndexLimit = 64
	// updateEvery is how often ScanLazy sends a new shelf while indexing.
	updateEvery = 400 * time.Millisecond
)

// ScanLazy is Scan for a reader that must show the shelf at once. It walks
// dir and returns the shelf as the walk, the file names and the cache make
// it: the files not indexed yet are issues dated by their names and marked
// Pending (files whose names hold no date are left out until indexed). It
// indexes them in the background, newest first, and sends on the channel
// a new shelf at most every 0.4 seconds (updateEvery), then a final one when
// the index is complete and saved; then it closes the channel.
//
// When little or nothing is left to index, ScanLazy indexes it before it
// returns and the channel is nil: the shelf is complete.
//
// Cancel ctx to stop the indexing: what was indexed is saved, and a final
// update with Err is sent if the receiver is still reading. The receiver
// must read the channel until it is closed, or cancel ctx.
func ScanLazy(ctx context.Context, dir string, opt Options) (*Shelf, <-chan Update, error) {
	s, updates, _, err := scanLazy(ctx, dir, opt, false)
	return s, updates, err
}

// scanLazy is ScanLazy; with keep, a shelf indexed before it returns
// comes with the issues parsed while indexing a folder of a few files
// (see scan.indexAll).
func scanLazy(ctx context.Context, dir string, opt Options, keep bool) (*Shelf, <-chan Update, map[string]*issue.Issue, error) {
	sc, err := prepare(ctx, dir, opt)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(sc.todo) <= syncIndexLimit {
		s, kept, err := sc.indexAll(ctx, keep, false)
		return s, nil, kept, err
	}
	first := sc.build() // before the indexing changes the records
	out := make(chan Update)
	go sc.index(ctx, out)
	return first, out, nil, nil
}

// index indexes what is left in the background and sends the updates (see
// ScanLazy). The records are only touched by the goroutine that collects
// the workers' results; a sender goroutine hands the latest update to the
// receiver, so that a slow receiver never holds up the indexing, and an
// update it has not taken yet is replaced by a newer one.
func (sc *scan) index(ctx context.Context, out chan<- Update) {
	latest := make(chan Update, 1)
	put := func(u Update) {
		select {
		case <-latest: // not taken yet: replaced
		default:
		}
		latest <- u
	}
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		defer close(out)
		for u := range latest {
			select {
			case out <- u:
			case <-ctx.Done():
				if u.Final {
					// Last chance for a receiver still reading.
					select {
					case out <- u:
					default:
					}
				}
			}
		}
	}()
	total := len(sc.todo)
	last := time.Now()
	err := analyzeAll(ctx, sc.units, sc.todo, sc.opt, func(i int, r *record, done int) {
		sc.records[i] = r
		if sc.opt.Progress != nil {
			sc.opt.Progress(done, total)
		}
		if done < total && time.Since(last) >= updateEvery {
			put(Update{Shelf: sc.build(), Done: done, Total: total})
			last = time.Now()
		}
	})
	sc.save()
	done := 0
	for _, i := range sc.todo {
		if sc.records[i] != nil {
			done++
		}
	}
	put(Update{Shelf: sc.build(), Done: done, Total: total, Final: true, Err: err})
	close(latest)
	<-sent
}
