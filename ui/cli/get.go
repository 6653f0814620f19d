package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dubao/issue/fetch"
)

// getFlags are the flags of dubao get, and those of dubao URL.
type getFlags struct {
	into    string // the folder to save into, instead of the shelf
	date    string // another day of the same paper, YYYY-MM-DD
	days    int    // the days up to the date
	images  bool
	jobs    int
	refresh bool
	quiet   bool
}

// addGetFlags adds the flags of fetching a day to c (the --days and -q of
// get only when all is set).
func (g *getFlags) add(c *cobra.Command, all bool) {
	f := c.Flags()
	f.StringVar(&g.into, "into", "", "save the day in `DIR` instead of the shelf of fetched papers")
	f.StringVar(&g.date, "date", "", "fetch another day of the same paper: `YYYY-MM-DD` (the date in the address is rewritten)")
	f.BoolVar(&g.images, "images", false, "fetch the pages' images too")
	f.IntVar(&g.jobs, "jobs", fetch.DefaultJobs, fmt.Sprintf("requests at a time to the site (1 to %d)", fetch.MaxJobs))
	f.BoolVar(&g.refresh, "refresh", false, "fetch again the pages already saved (asking the site whether they changed)")
	if all {
		f.IntVar(&g.days, "days", 1, "fetch the `N` days up to the date (days without a paper are skipped)")
		f.BoolVarP(&g.quiet, "quiet", "q", false, "print only the folders of the days, and errors")
	}
}

// getCommand is dubao get URL.
func (r *runner) getCommand() *cobra.Command {
	var g getFlags
	c := &cobra.Command{
		Use:   "get URL",
		Short: "Fetch a day of an e-paper (数字报) site into the shelf",
		Long: `dubao get URL fetches one day of an e-paper (数字报) site: URL is any layout
(版面) or article page of the day. dubao walks every layout page of that day
and every article page they link — nothing else of the site, nothing of
another day or site — and saves them as files under
$XDG_DATA_HOME/dubao/papers/PAPER/YYYY-MM-DD/ (~/.local/share/dubao/papers
without XDG_DATA_HOME), keeping the site's paths, or under --into DIR. The
folder reads as one issue: 'dubao FOLDER', and 'dubao' or 'dubao shelf'
show the fetched papers by date.

It prints the day's folder on stdout and a summary on stderr (pages,
articles, size, time), with a progress bar when stderr is a terminal.
Pages that cannot be fetched are named in the summary, the status is then
1, and 'dubao get URL' again fetches only what is missing.

dubao is a careful crawler: at most 4 requests at a time (--jobs) with a
pause between them, a User-Agent naming dubao, robots.txt honoured, 15 s
per request, retries with backoff on server errors and 429 Retry-After,
redirects followed only within the site, 20 MB per page at most.`,
		Example: `  dubao get https://paper.people.com.cn/rmrb/pc/layout/202608/03/node_01.html
  dubao get --date 2026-08-01 http://epaper.example.cn/html/2026-08/03/node_1.htm
  dubao get --days 7 -q URL          # the week up to the day of URL`,
		Args: r.argRange(1, 1),
		RunE: r.runE(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			_, err := r.get(ctx, cmd, args[0], g, r.stdout)
			return err
		}),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	g.add(c, true)
	return c
}

// isWebAddress reports whether arg is an http or https address.
func isWebAddress(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// dayPlan is one day to fetch: its start address, its scope and folder.
type dayPlan struct {
	start string
	scope fetch.Scope
	dir   string
}

// plan returns the days that address and the flags name, oldest first.
func (r *runner) plan(cmd *cobra.Command, address string, g getFlags) ([]dayPlan, error) {
	u, err := url.Parse(address)
	if err != nil || !isWebAddress(address) || u.Host == "" {
		return nil, usagef(cmd.CommandPath(), "%q is not a web address (http:// or https://)", address)
	}
	scope, err := fetch.ScopeOf(u)
	if err != nil {
		return nil, &usageError{cmd: cmd.CommandPath(), err: err, noHint: true}
	}
	if g.jobs < 1 || g.jobs > fetch.MaxJobs {
		return nil, usagef(cmd.CommandPath(), "--jobs %d: from 1 to %d requests at a time", g.jobs, fetch.MaxJobs)
	}
	if g.days < 1 || g.days > 366 {
		return nil, usagef(cmd.CommandPath(), "--days %d: from 1 to 366", g.days)
	}
	last := scope.Day
	if g.date != "" {
		d, err := time.Parse("2006-01-02", g.date)
		if err != nil {
			return nil, usagef(cmd.CommandPath(), "--date %q: want YYYY-MM-DD", g.date)
		}
		last = d
	}
	var out []dayPlan
	for i := g.days - 1; i >= 0; i-- {
		day := last.AddDate(0, 0, -i)
		v, err := fetch.On(u, day)
		if err != nil {
			return nil, err
		}
		s, err := fetch.ScopeOf(v)
		if err != nil {
			return nil, err
		}
		dir, err := r.dayDir(s, g)
		if err != nil {
			return nil, err
		}
		out = append(out, dayPlan{start: v.String(), scope: s, dir: dir})
	}
	return out, nil
}

// dayDir is the folder a day is saved in: --into DIR (DIR/YYYY-MM-DD for
// several days), else PAPERS/PAPER/YYYY-MM-DD.
func (r *runner) dayDir(s fetch.Scope, g getFlags) (string, error) {
	if g.into != "" {
		if g.days > 1 {
			return filepath.Join(g.into, s.Date()), nil
		}
		return g.into, nil
	}
	papers, err := r.papersDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(papers, s.Paper(), s.Date()), nil
}

// papersDir is the shelf of fetched papers: $XDG_DATA_HOME/dubao/papers,
// or ~/.local/share/dubao/papers.
func (r *runner) papersDir() (string, error) {
	if d := r.app.getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "dubao", "papers"), nil
	}
	if home := r.app.getenv("HOME"); filepath.IsAbs(home) {
		return filepath.Join(home, ".local", "share", "dubao", "papers"), nil
	}
	return "", errors.New("no folder for fetched papers: set HOME or XDG_DATA_HOME, or use --into DIR")
}

// get fetches the days that address and g name, prints each day's folder
// on out and, unless quiet, a summary on stderr; it returns the folders
// fetched (days without a paper left out). An interrupted Run waits for
// it: the fetch's workers write into the day's folder until their requests
// are cancelled, and the folder's manifest and what was kept come after.
func (r *runner) get(ctx context.Context, cmd *cobra.Command, address string, g getFlags, out io.Writer) ([]string, error) {
	release, ok := r.waited.hold()
	if !ok {
		return nil, ctx.Err()
	}
	defer release()
	plans, err := r.plan(cmd, address, g)
	if err != nil {
		return nil, err
	}
	var (
		dirs       []string
		incomplete int
		missing    []string
	)
	for _, p := range plans {
		res, err := r.fetchDay(ctx, p, g)
		switch {
		case errors.Is(err, fetch.ErrNotFound) && len(plans) > 1:
			missing = append(missing, p.scope.Date())
			continue
		case errors.Is(err, fetch.ErrNotFound):
			return dirs, dayError(p, err)
		case isInterrupt(err) && res != nil && res.Layouts+res.Articles+res.Images > 0 && !g.quiet:
			// ctrl+c: what was saved is kept, and the way to go on
			fmt.Fprintf(r.stderr, "%s: the fetch was stopped (%s in %s): %s again fetches the rest\n",
				r.root.Name(), savedCount(res), safeText(p.dir, false), commandLine(r.root.Name(), "get", address))
			return dirs, err
		case err != nil:
			return dirs, err
		}
		dirs = append(dirs, p.dir)
		if _, err := fmt.Fprintln(out, p.dir); err != nil {
			return dirs, err
		}
		if !g.quiet {
			r.summary(res)
		}
		if !res.Complete() {
			incomplete += res.Failed
		}
	}
	if len(missing) > 0 && !g.quiet {
		fmt.Fprintf(r.stderr, "no paper on %s: skipped\n", strings.Join(missing, ", "))
	}
	switch {
	case len(dirs) == 0:
		return nil, fmt.Errorf("%s: no paper on any of the %d days", address, len(plans))
	case incomplete > 0:
		return dirs, fmt.Errorf("%d files could not be fetched: 'dubao get %s' again fetches what is missing", incomplete, address)
	}
	return dirs, nil
}

// commandLine is a command to give the reader, its arguments quoted as a
// shell takes them, in single quotes as messages set commands when no
// argument needed quoting: 'dubao get http://…/node_1.htm', or
// dubao get 'http://…/node.htm?id=1'.
func commandLine(args ...string) string {
	for i, a := range args {
		args[i] = shellEscape(a)
	}
	line := strings.Join(args, " ")
	if strings.ContainsAny(line, `'$`) {
		return line
	}
	return "'" + line + "'"
}

// savedCount says how much of a day a fetch saved: 7版 · 63篇.
func savedCount(res *fetch.Result) string {
	s := fmt.Sprintf("%d版 · %d篇", res.Layouts, res.Articles)
	if res.Images > 0 {
		s += fmt.Sprintf(" · %d张图", res.Images)
	}
	return s
}

// fetchDay fetches one day, with a progress bar on a terminal's stderr.
func (r *runner) fetchDay(ctx context.Context, p dayPlan, g getFlags) (*fetch.Result, error) {
	opt := fetch.Options{
		Dir: p.dir, Jobs: g.jobs, Images: g.images, Refresh: g.refresh,
		Version: r.app.version(),
	}
	if !g.quiet {
		if prog := r.app.newProgress(r.stderr, "", 0); prog != nil {
			opt.Progress = prog.fetching
			defer prog.done()
		}
	}
	return fetch.Day(ctx, p.start, opt)
}

// summary prints what fetching a day did on stderr: the paper, the date,
// the pages, articles, size and time, and which pages and articles could
// not be fetched, by page.
func (r *runner) summary(res *fetch.Result) {
	name := res.Paper
	if name == "" {
		name = res.Scope.Paper()
	}
	fmt.Fprintf(r.stderr, "%s %s: %d版 · %d篇 · %s · %.1f s\n", safeText(name, false), res.Scope.Date(),
		res.Layouts, res.Articles, fetch.FormatBytes(res.Bytes), res.Elapsed.Seconds())
	for _, line := range failures(res) {
		fmt.Fprintln(r.stderr, line)
	}
	if res.Limited {
		fmt.Fprintln(r.stderr, "the day has more files than dubao fetches of one day: only the first were fetched")
	}
}

// failures describes the files of res that could not be fetched, one line
// per page: 第5版：2篇未能下载 (status 503 Service Unavailable).
func failures(res *fetch.Result) []string {
	type group struct {
		layout   bool
		articles int
		images   int
		why      string
	}
	byPage := map[int]*group{}
	for _, f := range res.Files {
		if f.Err == nil {
			continue
		}
		g := byPage[f.Number]
		if g == nil {
			g = &group{why: f.Err.Error()}
			byPage[f.Number] = g
		}
		switch f.Kind {
		case fetch.Layout:
			g.layout = true
		case fetch.Image:
			g.images++
		default:
			g.articles++
		}
	}
	pages := make([]int, 0, len(byPage))
	for n := range byPage {
		pages = append(pages, n)
	}
	sort.Ints(pages)
	var out []string
	for _, n := range pages {
		g := byPage[n]
		where := fmt.Sprintf("第%d版", n)
		if n == 0 {
			where = "版次不明"
		}
		var what []string
		if g.layout {
			what = append(what, "版面页")
		}
		if g.articles > 0 {
			what = append(what, fmt.Sprintf("%d篇", g.articles))
		}
		if g.images > 0 {
			what = append(what, fmt.Sprintf("%d张图", g.images))
		}
		out = append(out, fmt.Sprintf("%s：%s未能下载 (%s)", where, strings.Join(what, "、"), oneLine(g.why)))
	}
	return out
}

// fetchForReading gets the day of address for the reader: the folder of
// a complete day already saved at once, without the network (unless
// --refresh), else the day fetched first.
func (r *runner) fetchForReading(ctx context.Context, cmd *cobra.Command, address string, g getFlags) (string, error) {
	g.days = 1
	plans, err := r.plan(cmd, address, g)
	if err != nil {
		return "", err
	}
	p := plans[0]
	if m, err := fetch.ReadManifest(p.dir); err == nil && m.Complete && !g.refresh {
		return p.dir, nil
	}
	g.quiet = false
	dirs, err := r.get(ctx, cmd, address, g, io.Discard)
	if len(dirs) == 0 {
		return "", err
	}
	if err != nil {
		// Open what could be fetched; the summary named what is missing.
		fmt.Fprintf(r.stderr, "%s: %v\n", r.root.Name(), oneLine(err.Error()))
	}
	return dirs[0], nil
}

// papersExist reports whether the shelf of fetched papers has any paper.
func (r *runner) papersExist() (string, bool) {
	dir, err := r.papersDir()
	if err != nil {
		return "", false
	}
	entries, err := os.ReadDir(dir)
	return dir, err == nil && len(entries) > 0
}

// shelfCommand is dubao shelf: the fetched papers.
func (r *runner) shelfCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "shelf",
		Short: "Show the papers fetched with 'dubao get', by date",
		Long: `dubao shelf opens the shelf of the papers fetched with 'dubao get' (kept
under $XDG_DATA_HOME/dubao/papers, or ~/.local/share/dubao/papers), by date,
like any folder of issues; when stdout is not a terminal it lists them
as 'dubao list FOLDER' does. 'dubao' alone opens it too, once a paper has
been fetched.`,
		Args: r.maxArgs(0),
		RunE: r.runE(func(ctx context.Context, cmd *cobra.Command, _ []string) error {
			dir, ok := r.papersExist()
			if !ok {
				return fmt.Errorf("no papers fetched yet: 'dubao get URL' fetches a day of an e-paper")
			}
			return r.read(ctx, cmd, []string{dir})
		}),
	}
}
