package shelf

import (
	"context"
	"hash/crc32"
	"runtime"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"dubao/issue/search"
)

// slowLines is testLines whose issues take their time: the first hit of
// each issue waits a while that depends on the issue (in a synctest
// bubble, on the fake clock), so that the workers finish the issues out
// of order; started counts the issues begun.
type slowLines struct {
	testLines
	started *atomic.Int64
}

func (l slowLines) AppendHit(b []byte, h *HitText) []byte {
	if h.First {
		l.started.Add(1)
		wait := crc32.ChecksumIEEE([]byte(h.Entry.Files[0].Path)) % 7
		time.Sleep(time.Duration(wait) * time.Millisecond)
	}
	return l.testLines.AppendHit(b, h)
}

// TestSearchWindow: the workers take the issues in turn without anyone
// handing them out (Shelf.search), and the batches still come in shelf
// order, every issue once, with the lines a single worker makes, however
// the issues finish; the workers run no further ahead of the consumer
// than the search's window and its channel; a search cancelled while its
// workers wait, or ended by its limit, leaves no goroutine behind (the
// synctest bubble would not end); more workers than issues end too.
func TestSearchWindow(t *testing.T) {
	c := smallConfig()
	c.Days, c.IssueBytes = 120, 3_000 // more issues than the window and the channel
	c.NeedleEvery = 1                 // a hit in every issue
	dir, _ := generated(t, c)
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := search.New(c.Needle)
	one := SearchOptions{Workers: 1, Lines: func() LineMaker { return testLines{} }}
	var want []string
	synctest.Test(t, func(t *testing.T) { // a search that hangs fails at once
		for _, b := range collect(t, s, c.Needle, one) {
			want = append(want, string(b.Lines))
		}
	})
	if len(want) != len(s.Issues) || len(s.Issues) <= searchWindow*3+searchAhead {
		t.Fatalf("%d batches of %d issues: the shelf must be larger than the window and the channel", len(want), len(s.Issues))
	}
	for _, workers := range []int{2, 3, 5} {
		synctest.Test(t, func(t *testing.T) {
			var started atomic.Int64
			opt := SearchOptions{Workers: workers, Lines: func() LineMaker { return slowLines{started: &started} }}
			ch := s.Search(context.Background(), q, opt)
			time.Sleep(time.Minute) // on the fake clock: the issues' waits are over
			synctest.Wait()         // the workers are as far ahead as they may go
			ahead := int(started.Load())
			if limit := searchWindow*workers + cap(ch); ahead > limit || ahead < cap(ch) {
				t.Errorf("%d workers: %d issues begun before the first batch was read, want %d to %d", workers, ahead, cap(ch), limit)
			}
			i := 0
			for b := range ch {
				switch {
				case i >= len(s.Issues):
					t.Fatalf("%d workers: batch %d of %d issues", workers, i+1, len(s.Issues))
				case b.Entry != s.Issues[i] || b.Done != i+1 || b.Total != len(s.Issues):
					t.Fatalf("%d workers: batch %d is %s (%d of %d), want %s", workers, i, b.Entry.Name(), b.Done, b.Total, s.Issues[i].Name())
				case string(b.Lines) != want[i]:
					t.Fatalf("%d workers: batch %d (%s): lines %q, want %q", workers, i, b.Entry.Name(), b.Lines, want[i])
				}
				b.Release()
				i++
			}
			if i != len(s.Issues) {
				t.Errorf("%d workers: %d batches, want %d", workers, i, len(s.Issues))
			}
		})
	}
	synctest.Test(t, func(t *testing.T) {
		// Cancelled while the workers wait for the consumer.
		ctx, cancel := context.WithCancel(context.Background())
		var started atomic.Int64
		ch := s.Search(ctx, q, SearchOptions{Workers: 3, Lines: func() LineMaker { return slowLines{started: &started} }})
		time.Sleep(time.Minute)
		synctest.Wait()
		<-ch
		cancel()
		for range ch {
		}
		// Ended by its limit, the workers running ahead.
		var hits int
		for b := range s.Search(context.Background(), q, SearchOptions{Workers: 3, Limit: 10}) {
			hits += len(b.Hits)
			if b.Limited && hits != 10 {
				t.Errorf("limited at %d hits, want 10", hits)
			}
		}
		// More workers than issues.
		two := &Shelf{Dir: s.Dir, Issues: s.Issues[:2], opt: s.opt}
		if n := len(collect(t, two, c.Needle, SearchOptions{Workers: 8})); n != 2 {
			t.Errorf("8 workers, 2 issues: %d batches", n)
		}
	})
}

// countLines is testLines that counts the issues begun.
type countLines struct {
	testLines
	started *atomic.Int64
}

func (l countLines) AppendHit(b []byte, h *HitText) []byte {
	if h.First {
		l.started.Add(1)
	}
	return l.testLines.AppendHit(b, h)
}

// TestSearchFirstBatchAtOnce: the first batch with lines reaches the
// consumer as soon as its issue is done, not once the workers have
// filled the window — on one P (where the loop and the consumer run
// only when the worker lets them, as on two cores busy with two
// workers), the worker has begun one issue when the first batch comes,
// not the window's searchWindow.
func TestSearchFirstBatchAtOnce(t *testing.T) {
	c := smallConfig()
	c.NeedleEvery = 1
	dir, _ := generated(t, c)
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for range 3 {
		var started atomic.Int64
		ctx, cancel := context.WithCancel(context.Background())
		ch := s.Search(ctx, search.New(c.Needle), SearchOptions{Workers: 1, Lines: func() LineMaker { return countLines{started: &started} }})
		b := <-ch
		n := started.Load()
		cancel()
		for range ch {
		}
		if b.NLines == 0 || n > 2 {
			t.Fatalf("the first batch (%d lines) came with %d issues begun, want 1 (2 at most)", b.NLines, n)
		}
	}
}
