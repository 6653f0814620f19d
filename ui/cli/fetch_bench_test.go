package cli

import (
	"context"
	"sort"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/fetch/fetchtest"
	"dubao/ui/tui"
)

// BenchmarkFirstPage measures dubao URL on a day of 20 pages and 120
// articles served with 50 ms of latency per request: the time from the
// arrival of the day's first page to the reader's first frame showing it
// (the issue's measure: within 300 ms), and the whole day.
//
//	go test ./ui/cli -run '^$' -bench FirstPage -benchtime 5x
func BenchmarkFirstPage(b *testing.B) {
	site := fetchtest.New(fetchtest.PeopleNew, fetchDay, 20, 6)
	site.Latency = 50 * time.Millisecond
	srv := site.Serve(b)
	var shown, whole []time.Duration
	for b.Loop() {
		app := App{Environ: []string{"TERM=dumb", "XDG_DATA_HOME=" + b.TempDir()}, terminal: fakeTerminal(100)}
		var arrived, began time.Time
		app.arrived = func(t time.Time) { arrived = t }
		app.runReader = func(_ context.Context, is *issue.Issue, opt tui.Options) error {
			m := tui.New(is, opt)
			m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			_ = m.View()
			shown = append(shown, time.Since(arrived))
			for range opt.Arrivals {
			}
			whole = append(whole, time.Since(began))
			return nil
		}
		began = time.Now()
		if res := run(b, app, "", srv.URL+site.Pages[0]); res.code != ExitOK {
			b.Fatalf("dubao URL: %d %q", res.code, res.stderr)
		}
	}
	report := func(d []time.Duration, name string) {
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		b.ReportMetric(float64(d[0].Milliseconds()), name+"-min-ms")
		b.ReportMetric(float64(d[len(d)/2].Milliseconds()), name+"-median-ms")
		b.ReportMetric(float64(d[len(d)-1].Milliseconds()), name+"-max-ms")
	}
	report(shown, "first-page")
	report(whole, "day")
}
