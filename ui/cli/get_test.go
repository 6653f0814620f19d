package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dubao/issue"
	"dubao/issue/fetch"
	"dubao/issue/fetch/fetchtest"
	"dubao/ui/tui"
)

var fetchDay = time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC)

// fetchSite serves a fictional 人民日报 day of 3 pages of 2 articles.
func fetchSite(t *testing.T) (*fetchtest.Site, string) {
	t.Helper()
	site := fetchtest.New(fetchtest.PeopleNew, fetchDay, 3, 2)
	srv := site.Serve(t)
	return site, srv.URL
}

// dataHome is an environment whose fetched papers go to a new folder.
func dataHome(t *testing.T) (App, string) {
	dir := t.TempDir()
	return App{Environ: []string{"TERM=dumb", "XDG_DATA_HOME=" + dir}}, filepath.Join(dir, "dubao", "papers")
}

// notDumb makes app's terminal one that takes escape sequences (a faked
// terminal with TERM=dumb is written to as a pipe).
func notDumb(app App) App {
	env := slices.Clone(app.Environ)
	for i, kv := range env {
		if strings.HasPrefix(kv, "TERM=") {
			env[i] = "TERM=xterm-256color"
		}
	}
	app.Environ = env
	return app
}

func TestGet(t *testing.T) {
	site, base := fetchSite(t)
	app, papers := dataHome(t)
	res := run(t, app, "", "get", base+site.Pages[1])
	wantDir := filepath.Join(papers, "127.0.0.1_"+strings.Split(base, ":")[2]+"_rmrb", "2026-08-03")
	if res.code != ExitOK || res.stdout != wantDir+"\n" {
		t.Fatalf("get: %d, stdout %q, stderr %q; want the folder %s", res.code, res.stdout, res.stderr, wantDir)
	}
	if !strings.HasPrefix(res.stderr, "人民日报 2026-08-03: 3版 · 6篇 · ") || strings.Count(res.stderr, "\n") != 1 {
		t.Errorf("summary %q", res.stderr)
	}
	for _, p := range append(append([]string(nil), site.Pages...), site.Articles...) {
		if _, err := os.Stat(filepath.Join(wantDir, filepath.FromSlash(p))); err != nil {
			t.Error(err)
		}
	}

	// -q: the folder only.
	res = run(t, app, "", "get", "-q", base+site.Pages[0])
	if res.code != ExitOK || res.stdout != wantDir+"\n" || res.stderr != "" {
		t.Errorf("get -q: %d, %q, %q", res.code, res.stdout, res.stderr)
	}
}

func TestGetErrors(t *testing.T) {
	site, base := fetchSite(t)
	app, _ := dataHome(t)
	into := t.TempDir()
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no such day", []string{"get", "--into", into, base + "/rmrb/pc/layout/202608/04/node_01.html"}, ExitError, "no paper that day (no such page (status 404))"},
		{"not an address", []string{"get", "paper.people.com.cn/rmrb"}, ExitUsage, "not a web address"},
		{"no date", []string{"get", base + "/rmrb/index.html"}, ExitUsage, "no date in the address"},
		{"too many jobs", []string{"get", "--jobs", "9", base + site.Pages[0]}, ExitUsage, "--jobs 9: from 1 to 4"},
		{"bad date", []string{"get", "--date", "3.8.2026", base + site.Pages[0]}, ExitUsage, "want YYYY-MM-DD"},
		{"no days", []string{"get", "--days", "0", base + site.Pages[0]}, ExitUsage, "--days 0"},
		{"URL and DATE", []string{base + site.Pages[0], "2026-08-03"}, ExitUsage, "no DATE after it"},
		{"nothing fetched", []string{"shelf"}, ExitError, "no papers fetched yet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, app, "", tc.args...)
			if res.code != tc.code || !strings.Contains(res.stderr, tc.stderr) || strings.Count(res.stderr, "\n") != 1 {
				t.Errorf("%q: %d %q; want %d and %q in one line", tc.args, res.code, res.stderr, tc.code, tc.stderr)
			}
		})
	}
}

func TestGetFailures(t *testing.T) {
	site, base := fetchSite(t)
	site.Fault(site.Articles[3], fetchtest.Fault{Fail: 99, Status: 404})
	app, _ := dataHome(t)
	into := t.TempDir()
	res := run(t, app, "", "get", "--into", into, base+site.Pages[0])
	if res.code != ExitError || res.stdout != into+"\n" {
		t.Fatalf("get with a page missing: %d, %q, %q", res.code, res.stdout, res.stderr)
	}
	lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "3版 · 5篇") || lines[1] != "第2版：1篇未能下载 (no such page (status 404))" ||
		!strings.Contains(lines[2], "1 files could not be fetched: 'dubao get ") {
		t.Errorf("summary %q", lines)
	}
	site.Fault(site.Articles[3], fetchtest.Fault{})
	site.Reset()
	res = run(t, app, "", "get", "--into", into, base+site.Pages[0])
	if res.code != ExitOK || len(site.Requests()) != 2 {
		t.Errorf("get again: %d %q, %d requests (want robots.txt and the missing page)", res.code, res.stderr, len(site.Requests()))
	}
}

func TestGetDays(t *testing.T) {
	site, base := fetchSite(t)
	app, _ := dataHome(t)
	into := t.TempDir()
	// The address of another day, and --date naming the site's day.
	other := strings.Replace(site.Pages[0], "202608/03", "202607/15", 1)
	res := run(t, app, "", "get", "--into", into, "--date", "2026-08-03", base+other)
	if res.code != ExitOK || res.stdout != into+"\n" {
		t.Fatalf("--date: %d %q %q", res.code, res.stdout, res.stderr)
	}
	res = run(t, app, "", "get", "--into", into, "--days", "3", base+site.Pages[0])
	want := filepath.Join(into, "2026-08-03") + "\n"
	if res.code != ExitOK || res.stdout != want || !strings.Contains(res.stderr, "no paper on 2026-08-01, 2026-08-02: skipped") {
		t.Errorf("--days 3: %d %q %q", res.code, res.stdout, res.stderr)
	}
	res = run(t, app, "", "get", "--into", into, "--days", "2", "--date", "2026-07-31", base+site.Pages[0])
	if res.code != ExitError || !strings.Contains(res.stderr, "no paper on any of the 2 days") {
		t.Errorf("--days 2 without a paper: %d %q", res.code, res.stderr)
	}
}

func TestGetProgress(t *testing.T) {
	site, base := fetchSite(t)
	site.Latency = 60 * time.Millisecond
	app, _ := dataHome(t)
	var errb bytes.Buffer
	app.terminal = func(w io.Writer) (int, bool) { return 80, w == &errb }
	app = notDumb(app)
	var out bytes.Buffer
	code := app.Run(context.Background(), []string{"get", "--into", t.TempDir(), base + site.Pages[0]}, strings.NewReader(""), &out, &errb)
	if code != ExitOK {
		t.Fatalf("get: %d %q", code, errb.String())
	}
	s := errb.String()
	if !strings.Contains(s, "\r") || !strings.Contains(s, "正在下载 ") || !strings.Contains(s, "█") {
		t.Errorf("no progress bar on a terminal: %q", s)
	}
	if i := strings.LastIndex(s, "\r\x1b[K"); i < 0 || !strings.HasPrefix(s[i+4:], "人民日报 2026-08-03") {
		t.Errorf("the bar is not cleared before the summary: %q", s)
	}
}

func TestStatus(t *testing.T) {
	for _, tc := range []struct {
		done float64
		want string
	}{{0, "░░░░░░░░░░"}, {0.5, "█████░░░░░"}, {1, "██████████"}, {1.5, "██████████"}} {
		if got := bar(tc.done, 10); got != tc.want {
			t.Errorf("bar(%v) = %q, want %q", tc.done, got, tc.want)
		}
	}
}

func TestReadURL(t *testing.T) {
	site, base := fetchSite(t)
	site.Latency = 20 * time.Millisecond
	app, papers := dataHome(t)
	var (
		opened   string
		first    *issue.Issue
		arrivals []tui.Arrival
	)
	app.terminal = fakeTerminal(80)
	app = notDumb(app)
	app.runReader = func(_ context.Context, is *issue.Issue, opt tui.Options) error {
		opened, first, arrivals = opt.Name, is, nil
		if opt.Arrivals == nil {
			return nil
		}
		for a := range opt.Arrivals { // a reader open until the day is in
			arrivals = append(arrivals, a)
		}
		return nil
	}
	res := run(t, app, "", base+site.Pages[0])
	if res.code != ExitOK || !strings.HasPrefix(opened, papers) || first == nil {
		t.Fatalf("dubao URL: %d %q; opened %q", res.code, res.stderr, opened)
	}
	if len(arrivals) == 0 || !arrivals[len(arrivals)-1].Done || arrivals[len(arrivals)-1].Status != "已下载 3版 · 6篇" {
		t.Errorf("arrivals: %+v", arrivals)
	}
	if !strings.HasPrefix(res.stderr, "人民日报 2026-08-03: 3版 · 6篇") {
		t.Errorf("summary after the reader: %q", res.stderr)
	}
	// A day fetched whole opens without the network.
	site.Reset()
	opened = ""
	if res := run(t, app, "", base+site.Pages[2]); res.code != ExitOK || opened == "" || len(site.Requests()) != 0 {
		t.Errorf("dubao URL of a day on disk: %d %q, %d requests", res.code, res.stderr, len(site.Requests()))
	}
	// --refresh asks again.
	if res := run(t, app, "", "--refresh", base+site.Pages[2]); res.code != ExitOK || len(site.Requests()) == 0 {
		t.Errorf("dubao --refresh URL: %d %q, %d requests", res.code, res.stderr, len(site.Requests()))
	}
	// dubao alone, and dubao shelf, open the fetched papers.
	opened = ""
	if res := run(t, app, ""); res.code != ExitOK || opened != papers {
		t.Errorf("dubao: %d %q, opened %q, want %q", res.code, res.stderr, opened, papers)
	}
	opened = ""
	if res := run(t, app, "", "shelf"); res.code != ExitOK || opened != papers {
		t.Errorf("dubao shelf: %d %q, opened %q, want %q", res.code, res.stderr, opened, papers)
	}
}

// slowDay makes every page of site but the first answer only after a
// minute (or when its request is cancelled): a fetch of the day cannot end
// before it is stopped, however loaded the machine. back undoes it.
func slowDay(site *fetchtest.Site) (back func()) {
	rest := slices.Concat(site.Pages[1:], site.Articles)
	for _, p := range rest {
		site.Fault(p, fetchtest.Fault{Slow: time.Minute})
	}
	return func() {
		for _, p := range rest {
			site.Fault(p, fetchtest.Fault{})
		}
	}
}

// Leaving the reader before the day is in stops the fetch; the next dubao
// URL fetches the rest.
func TestReadURLLeftEarly(t *testing.T) {
	site, base := fetchSite(t)
	back := slowDay(site)
	app, _ := dataHome(t)
	app.terminal = fakeTerminal(80)
	app = notDumb(app)
	app.runReader = func(context.Context, *issue.Issue, tui.Options) error { return nil } // q at once
	res := run(t, app, "", base+site.Pages[0])
	if res.code != ExitOK || !strings.Contains(res.stderr, "the fetch was stopped (1版 · 0篇 in)") {
		t.Fatalf("dubao URL left early: %d %q", res.code, res.stderr)
	}
	back()
	var last tui.Arrival
	app.runReader = func(_ context.Context, _ *issue.Issue, opt tui.Options) error {
		for a := range opt.Arrivals {
			last = a
		}
		return nil
	}
	res = run(t, app, "", base+site.Pages[0])
	if res.code != ExitOK || !last.Done || last.Status != "已下载 3版 · 6篇" {
		t.Errorf("dubao URL again: %d %q, last arrival %+v", res.code, res.stderr, last)
	}
	// A day that does not exist: one line, exit 1, no reader.
	res = run(t, app, "", base+"/rmrb/pc/layout/202608/04/node_01.html")
	if res.code != ExitError || !strings.Contains(res.stderr, "no paper that day") || strings.Count(res.stderr, "\n") != 1 {
		t.Errorf("dubao URL of no day: %d %q", res.code, res.stderr)
	}
}

// TestGetInterrupted: ctrl+c in the middle of a fetch keeps what was
// saved, says how much and where, and how to fetch the rest, as dubao URL
// left early does; status 130. Run waits for the fetch to end, however
// long it takes to stop: nothing is written into the folder after it has
// returned.
func TestGetInterrupted(t *testing.T) {
	site := fetchtest.New(fetchtest.PeopleNew, fetchDay, 3, 2)
	slowDay(site)
	// interrupt serves the site for one get, on an address of its own,
	// and interrupts the get when the site is asked for another page than
	// the first: the first is saved by then (its links are followed once
	// it is), nothing else is. (A request an earlier get cancelled may
	// still come in to its own server: it cannot interrupt this get.)
	interrupt := func() (context.Context, string) {
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if req.URL.Path != site.Pages[0] && req.URL.Path != "/robots.txt" {
				cancel()
			}
			site.ServeHTTP(w, req)
		}))
		t.Cleanup(srv.Close)
		return ctx, srv.URL
	}
	app, _ := dataHome(t)
	// Run gives up on an interrupted command at once (unless it is one
	// to wait for): get, not waited for, would say nothing yet.
	app.grace = time.Nanosecond
	into := t.TempDir()
	var out, errb bytes.Buffer
	ctx, base := interrupt()
	code := app.Run(ctx, []string{"get", "--into", into, base + site.Pages[0]}, strings.NewReader(""), &out, &errb)
	if code != ExitInterrupted {
		t.Fatalf("get interrupted: %d %q", code, errb.String())
	}
	want := " in " + into + "): 'dubao get " + base + site.Pages[0] + "' again fetches the rest\n"
	if !strings.HasPrefix(errb.String(), "dubao: the fetch was stopped (1版 · 0篇") || !strings.HasSuffix(errb.String(), want) || strings.Count(errb.String(), "\n") != 1 {
		t.Errorf("interrupted get says %q, want a line of 1版 · 0篇 ending %q", errb.String(), want)
	}
	// The manifest is written (the last thing a fetch writes): the next
	// get fetches what is missing.
	if m, err := fetch.ReadManifest(into); err != nil || m.Complete || len(m.Files) != 1 {
		t.Errorf("manifest of the interrupted get: %+v, %v; want the first page alone", m, err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"dubao", "get", "http://a.example/html/2026-08/03/node_1.htm"}, "'dubao get http://a.example/html/2026-08/03/node_1.htm'"},
		{[]string{"dubao", "http://a.example/node.htm?d=2026-08-03&p=1"}, "dubao 'http://a.example/node.htm?d=2026-08-03&p=1'"},
	} {
		if got := commandLine(tc.args...); got != tc.want {
			t.Errorf("commandLine(%q) = %s, want %s", tc.args, got, tc.want)
		}
	}
	// -q: nothing said.
	errb.Reset()
	into = t.TempDir()
	ctx, base = interrupt()
	code = app.Run(ctx, []string{"get", "-q", "--into", into, base + site.Pages[0]}, strings.NewReader(""), &out, &errb)
	if code != ExitInterrupted || errb.Len() != 0 {
		t.Errorf("get -q interrupted: %d %q", code, errb.String())
	}
	if m, err := fetch.ReadManifest(into); err != nil || len(m.Files) != 1 {
		t.Errorf("manifest of the interrupted get -q: %+v, %v; want the first page alone", m, err)
	}
}

// An interrupt while the reader shows a day being fetched (dubao URL):
// the reader ends, and Run waits for the fetch to stop and say what it
// kept; nothing is written into the shelf after Run has returned.
func TestReadURLInterrupted(t *testing.T) {
	site, base := fetchSite(t)
	slowDay(site)
	app, papers := dataHome(t)
	app.terminal = fakeTerminal(80)
	app = notDumb(app)
	app.grace = time.Nanosecond // Run gives up at once on what it does not wait for
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	app.runReader = func(ctx context.Context, _ *issue.Issue, _ tui.Options) error {
		cancel() // ctrl+c, which the reader hands back
		return ctx.Err()
	}
	var out, errb bytes.Buffer
	code := app.Run(ctx, []string{base + site.Pages[0]}, strings.NewReader(""), &out, &errb)
	if code != ExitInterrupted || !strings.HasPrefix(errb.String(), "dubao: the fetch was stopped (1版 · 0篇 in): ") || strings.Count(errb.String(), "\n") != 1 {
		t.Errorf("dubao URL interrupted: %d %q", code, errb.String())
	}
	dirs, _ := filepath.Glob(filepath.Join(papers, "*", "2026-08-03"))
	if len(dirs) != 1 {
		t.Fatalf("the day's folder: %q", dirs)
	}
	if m, err := fetch.ReadManifest(dirs[0]); err != nil || m.Complete || len(m.Files) != 1 {
		t.Errorf("manifest of the interrupted fetch: %+v, %v; want the first page alone", m, err)
	}
}

// TestPickFetchedDay: the folder dubao get prints for a day picks that
// day's issue on the shelf of fetched papers — as printed, and relative to
// the shelf — though the issue's own path is the site's layout folder
// inside it.
func TestPickFetchedDay(t *testing.T) {
	site, base := fetchSite(t)
	app, papers := dataHome(t)
	res := run(t, app, "", "get", "-q", base+site.Pages[0])
	day := strings.TrimSpace(res.stdout)
	if res.code != ExitOK || !strings.HasPrefix(day, papers) {
		t.Fatalf("get: %d %q %q", res.code, res.stdout, res.stderr)
	}
	want := run(t, app, "", "list", day).stdout
	rel, err := filepath.Rel(papers, day)
	if err != nil {
		t.Fatal(err)
	}
	for _, issues := range []int{1, 2} {
		if issues == 2 { // a shelf of two issues
			sample, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample.md"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(papers, "2024-03-08.md"), sample, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, sel := range []string{day, rel, rel + "/"} {
			if got := run(t, app, "", "list", papers, sel); got.code != ExitOK || got.stdout != want || want == "" {
				t.Errorf("%d issues: list %s %s: %d %q %q, want %q", issues, papers, sel, got.code, got.stdout, got.stderr, want)
			}
		}
		if got := run(t, app, "", "list", papers, filepath.Dir(papers)); got.code != ExitError {
			t.Errorf("%d issues: a folder above the shelf picks %q", issues, got.stdout)
		}
	}
}
