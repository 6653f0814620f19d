package cli

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"dubao/issue/fetch"
	"dubao/ui/tui"
)

// livePlan is the plan of fetching the day of address into a new folder.
func livePlan(t *testing.T, address string) dayPlan {
	t.Helper()
	u, err := url.Parse(address)
	if err != nil {
		t.Fatal(err)
	}
	s, err := fetch.ScopeOf(u)
	if err != nil {
		t.Fatal(err)
	}
	return dayPlan{start: address, scope: s, dir: t.TempDir()}
}

func TestLiveDay(t *testing.T) {
	site, base := fetchSite(t)
	site.Latency = 30 * time.Millisecond
	r := &runner{app: App{Environ: []string{"TERM=dumb"}}}
	l := r.startLive(context.Background(), livePlan(t, base+site.Pages[0]), getFlags{jobs: 2})
	<-l.first
	if l.firstAt.IsZero() {
		t.Fatal("first page arrived at no time")
	}
	var got []tui.Arrival
	for u := range l.updates {
		got = append(got, u)
	}
	<-l.done
	if l.err != nil || len(got) == 0 {
		t.Fatalf("fetch: %v, %d updates", l.err, len(got))
	}
	last := got[len(got)-1]
	if !last.Done || last.Failed || last.Status != "已下载 3版 · 6篇" || last.Issue == nil || len(last.Issue.Articles()) != 6 || last.Key == "" {
		t.Errorf("last update: %+v", last)
	}
	for _, u := range got[:len(got)-1] {
		if u.Done || !strings.HasPrefix(u.Status, "正在下载 ") || u.Issue == nil || u.Key != "" {
			t.Errorf("update while fetching: %+v", u)
		}
	}
	l.stop()
}

func TestLiveDayStopped(t *testing.T) {
	site, base := fetchSite(t)
	slowDay(site) // the day cannot be in before the stop
	r := &runner{app: App{Environ: []string{"TERM=dumb"}}}
	l := r.startLive(context.Background(), livePlan(t, base+site.Pages[0]), getFlags{jobs: 1})
	<-l.first
	l.stop() // the reader is left before the day is in
	for range l.updates {
	}
	if !errors.Is(l.err, context.Canceled) || l.res == nil || l.res.Layouts != 1 {
		t.Errorf("a fetch stopped half way: %v, %+v", l.err, l.res)
	}
}

func TestLiveDayMissing(t *testing.T) {
	_, base := fetchSite(t)
	r := &runner{app: App{Environ: []string{"TERM=dumb"}}}
	l := r.startLive(context.Background(), livePlan(t, base+"/rmrb/pc/layout/202608/04/node_01.html"), getFlags{jobs: 1})
	<-l.first
	<-l.done
	if !l.firstAt.IsZero() || l.err == nil {
		t.Errorf("a day that does not exist: first page at %v, error %v", l.firstAt, l.err)
	}
	l.stop()
}
