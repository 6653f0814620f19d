package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"dubao/issue/benchkit"
	"dubao/issue/source"
	"dubao/ui/state"
)

// soakDays is the number of issues of the soak's shelf.
const soakDays = 30

// soakIssue is the text of the soak shelf's issue of March day, 2024: five
// articles on one page.
func soakIssue(day int) string {
	t := time.Date(2024, 3, day, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	fmt.Fprintf(&b, "星河日报\n\n星河市委主管主办\n\n2024年3月%d日 星期%s\n\n今日1版\n\n第%d号\n\n# 第1版 要闻\n\n",
		day, strings.Split("日 一 二 三 四 五 六", " ")[t.Weekday()], 12000+day)
	for k := 1; k <= 5; k++ {
		fmt.Fprintf(&b, "## %s\n\n本报讯 %d日，全市各项工作有序推进，记者在现场看到一派繁忙景象。\n\n据介绍，今年将继续推进这项工作。\n\n", soakTitle(day, k), day)
	}
	return b.String()
}

// soakTitle is the title of article k of the issue of day.
func soakTitle(day, k int) string { return fmt.Sprintf("三月%d日第%d篇稿件", day, k) }

// soakBookmark is a bookmark the soak made, and whether it should be there.
type soakBookmark struct {
	key string
	n   int
}

// soakCounts are what the soak found.
type soakCounts struct {
	sessions, panics, badExits, wrongIssues, unsaved, stuck int
	lost, resurrected                                       int
	readerMarks, otherMarks, rewrites                       int
	took                                                    []float64
}

// soakRow runs the soak and writes its figures.
func (b *bench) soakRow(w io.Writer) error {
	c, err := b.soak()
	if err == errNoTmux {
		fmt.Fprintln(w, "| soak | skipped: tmux is not installed | | | |")
		return nil
	}
	if err != nil {
		return err
	}
	row(w, "soak", fmt.Sprintf("%d reader sessions on a shelf of %d issues while another process rewrote its files %d times and added %d bookmarks; seconds a session",
		c.sessions, soakDays, c.rewrites, c.otherMarks), c.took, "%.2f")
	fmt.Fprintf(w, "| soak | panics %d · exits other than 0 %d · sessions stuck %d · wrong issues shown %d · saves that failed %d · bookmarks lost %d of %d (and %d removed ones back) | | | |\n",
		c.panics, c.badExits, c.stuck, c.wrongIssues, c.unsaved, c.lost, c.readerMarks+c.otherMarks, c.resurrected)
	return nil
}

var (
	selectedDay = regexp.MustCompile(`▌ (\d\d)日`)
	markAdded   = regexp.MustCompile(`第(\d+)篇已加书签`)
	markDropped = regexp.MustCompile(`第(\d+)篇的书签已删除`)
)

// soak opens and closes the reader opt.soak times on a shelf while
// another process (a goroutine of this one: not dubao) rewrites the
// shelf's files — the same bytes under a new inode (cp -p), new times
// (touch) — and adds bookmarks to the reading state through its lock, as
// a second dubao would. Each session picks an issue on the shelf, checks
// that the reader shows that issue, toggles the bookmark of one of its
// first three articles and quits. At the end every bookmark either side
// made must be in the state, and none removed.
func (b *bench) soak() (*soakCounts, error) {
	dir := filepath.Join(b.opt.work, "soak")
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	shelfDir := filepath.Join(dir, "shelf")
	if err := os.MkdirAll(shelfDir, 0o755); err != nil {
		return nil, err
	}
	keys := map[int]string{}
	for day := 1; day <= soakDays; day++ {
		text := soakIssue(day)
		keys[day] = source.Key([]byte(text))
		if err := os.WriteFile(soakFile(shelfDir, day), []byte(text), 0o644); err != nil {
			return nil, err
		}
	}
	env := []string{"XDG_CONFIG_HOME=" + dir + "/config", "XDG_STATE_HOME=" + dir + "/state", "XDG_CACHE_HOME=" + dir + "/cache", "TERM=xterm-256color"}
	store := state.Open(filepath.Join(dir, "state", "dubao"))

	var mu sync.Mutex
	c := &soakCounts{}
	want := map[soakBookmark]bool{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { b.soakOther(shelfDir, store, keys, stop, &mu, c, want) })

	rng := rand.New(rand.NewPCG(18, 200))
	var sessionErr error
	for i := 0; i < b.opt.soak && sessionErr == nil; i++ {
		sessionErr = b.soakSession(i, rng, shelfDir, env, keys, &mu, c, want)
	}
	close(stop)
	wg.Wait()
	if sessionErr != nil {
		return nil, sessionErr
	}
	// Every bookmark made is there; every one removed is not.
	for m, on := range want {
		st, err := store.Load(m.key)
		if err != nil {
			return nil, err
		}
		switch has := st.IsBookmarked(m.n); {
		case on && !has:
			c.lost++
			b.log("lost: %s article %d", m.key[:8], m.n)
		case !on && has:
			c.resurrected++
		}
	}
	return c, nil
}

// soakFile is the shelf file of the issue of day.
func soakFile(dir string, day int) string {
	return filepath.Join(dir, fmt.Sprintf("2024-03-%02d.md", day))
}

// soakSession is one reader session of the soak.
func (b *bench) soakSession(i int, rng *rand.Rand, shelfDir string, env []string, keys map[int]string,
	mu *sync.Mutex, c *soakCounts, want map[soakBookmark]bool) error {
	start := time.Now()
	t, err := newTerm(env, benchkit.ShellQuote(b.dubao)+" "+benchkit.ShellQuote(shelfDir))
	if err != nil {
		return err
	}
	defer t.close()
	mu.Lock()
	c.sessions++
	mu.Unlock()
	stuck := func(what string, err error) {
		mu.Lock()
		c.stuck++
		mu.Unlock()
		b.log("session %d: %s: %v", i, what, err)
	}
	if _, _, err := t.waitFor("书架", 30*time.Second); err != nil {
		stuck("shelf", err)
		return nil
	}
	for range rng.IntN(soakDays) {
		t.keys("j")
	}
	time.Sleep(50 * time.Millisecond)
	sc := t.screen()
	m := selectedDay.FindStringSubmatch(sc)
	if m == nil {
		stuck("selection", fmt.Errorf("no selected issue:\n%s", sc))
		return nil
	}
	day, _ := strconv.Atoi(m[1])
	t.keys("Enter")
	if _, _, err := t.waitFor("第1版 要闻", 30*time.Second); err != nil {
		stuck("open", err)
		return nil
	}
	sc = t.screen()
	if !strings.Contains(sc, fmt.Sprintf("2024年3月%d日", day)) {
		mu.Lock()
		c.wrongIssues++
		mu.Unlock()
		b.log("session %d: the shelf's 3月%d日 opened as:\n%s", i, day, sc)
	}
	k := 1 + rng.IntN(3)
	t.keys(strconv.Itoa(k))
	time.Sleep(30 * time.Millisecond)
	t.keys("Enter")
	time.Sleep(50 * time.Millisecond)
	t.keys("m")
	sc, _, err = t.waitFor("书签", 10*time.Second)
	switch {
	case err != nil:
		stuck("bookmark", err)
	case strings.Contains(sc, "没能保存") || strings.Contains(sc, "not saved"):
		mu.Lock()
		c.unsaved++
		mu.Unlock()
	default:
		on, mm := true, markAdded.FindStringSubmatch(sc)
		if mm == nil {
			on, mm = false, markDropped.FindStringSubmatch(sc)
		}
		if mm != nil {
			n, _ := strconv.Atoi(mm[1])
			mu.Lock()
			want[soakBookmark{keys[day], n}] = on
			c.readerMarks++
			mu.Unlock()
		}
	}
	t.keys("q")
	sc, _, err = t.waitFor("[exit=", 30*time.Second)
	if err != nil {
		stuck("quit", err)
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(sc, "[exit=0]") {
		c.badExits++
		b.log("session %d ended:\n%s", i, sc)
	}
	if strings.Contains(sc, "panic") || strings.Contains(sc, "goroutine ") {
		c.panics++
	}
	c.took = append(c.took, time.Since(start).Seconds())
	return nil
}

// soakOther is the other process of the soak: it rewrites the shelf's
// files and adds bookmarks to articles 4 and 5 of its issues until stop.
func (b *bench) soakOther(shelfDir string, store *state.Store, keys map[int]string, stop <-chan struct{},
	mu *sync.Mutex, c *soakCounts, want map[soakBookmark]bool) {
	rng := rand.New(rand.NewPCG(18, 14))
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Duration(10+rng.IntN(30)) * time.Millisecond):
		}
		day := 1 + rng.IntN(soakDays)
		name := soakFile(shelfDir, day)
		switch rng.IntN(4) {
		case 0: // cp -p: the same bytes in a new file, renamed over, the old times kept
			info, err := os.Stat(name)
			if err != nil {
				continue
			}
			tmp := name + ".new"
			if os.WriteFile(tmp, []byte(soakIssue(day)), 0o644) == nil && os.Rename(tmp, name) == nil {
				_ = os.Chtimes(name, info.ModTime(), info.ModTime())
			}
			mu.Lock()
			c.rewrites++
			mu.Unlock()
		case 1: // touch
			now := time.Now()
			_ = os.Chtimes(name, now, now)
			mu.Lock()
			c.rewrites++
			mu.Unlock()
		default: // a bookmark, as another dubao saves it
			n := 4 + rng.IntN(2)
			st, err := store.Load(keys[day])
			if err != nil || st.IsBookmarked(n) {
				continue
			}
			st.ToggleBookmark(n, soakTitle(day, n), time.Now())
			if store.Save(st) == nil {
				mu.Lock()
				want[soakBookmark{keys[day], n}] = true
				c.otherMarks++
				mu.Unlock()
			}
		}
	}
}
