package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"dubao/issue/benchkit"
)

// row is one row of the table: what is measured, the commands run (the
// first is dubao), and how their samples become lines of the table.
type row struct {
	id, what string
	// skip says why the row is not run ("" runs it).
	skip  string
	cmds  []command
	extra []string // other commands the row runs, for the list
	// lines turns the samples of the rounds (by command) into the table's
	// lines; measure, when set, replaces running cmds.
	lines   func(s [][]sample) []line
	measure func(opt options, progress func(string)) ([]line, error)
}

// line is one measure of a row: min, median and max over the rounds.
type line struct {
	measure, min, median, max, target string
}

// rowIDs lists the rows in table order.
func rowIDs() []string {
	return []string{"list", "json", "reader", "cat", "parse", "shelf", "search-common", "search-medium", "startup"}
}

// pickRows parses -rows.
func pickRows(s string) (map[string]bool, error) {
	want := map[string]bool{}
	if s == "" {
		for _, id := range rowIDs() {
			want[id] = true
		}
		return want, nil
	}
	for id := range strings.SplitSeq(s, ",") {
		id = strings.TrimSpace(id)
		if !slices.Contains(rowIDs(), id) {
			return nil, fmt.Errorf("-rows: no row %q (rows: %s)", id, strings.Join(rowIDs(), ", "))
		}
		want[id] = true
	}
	return want, nil
}

// rows returns every row of the table.
func rows(env *environment) []row {
	const mib = 1 << 20
	var out []row
	add := func(r row) {
		if r.measure == nil && r.skip == "" {
			lines := r.lines
			cmds := r.cmds
			r.measure = func(opt options, progress func(string)) ([]line, error) {
				s, err := interleave(opt.runs, cmds, progress)
				if err != nil {
					return nil, err
				}
				return lines(s), nil
			}
		}
		out = append(out, r)
	}
	size50 := float64(50 * mib)
	missing := func(what, name string) string {
		if what == "" {
			return name + " is not installed"
		}
		return ""
	}

	add(row{
		id: "list", what: "`dubao list` on a 50 MB issue vs `md5sum`",
		skip: missing(env.md5sum, "md5sum"),
		cmds: []command{withRSSOn(env.dubaoCmd(env.cacheWarm, "list", env.issue50)), {label: "md5sum", argv: []string{env.md5sum, env.issue50}}},
		lines: func(s [][]sample) []line {
			return []line{
				ratioLine("cpu ratio", s[0], s[1], cpuOf, "≤ 2.5×"),
				ratioLine("wall ratio", s[0], s[1], wallOf, "≤ 2.5×"),
				rssLine("dubao peak RSS", s[0], size50, "≤ 1.5× the file"),
			}
		},
	})
	add(row{
		id: "json", what: "`dubao json` on the same vs `md5sum`",
		skip: missing(env.md5sum, "md5sum"),
		cmds: []command{withRSSOn(env.dubaoCmd(env.cacheWarm, "json", env.issue50)), {label: "md5sum", argv: []string{env.md5sum, env.issue50}}},
		lines: func(s [][]sample) []line {
			return []line{
				ratioLine("cpu ratio", s[0], s[1], cpuOf, "≤ 4×"),
				ratioLine("wall ratio", s[0], s[1], wallOf, "≤ 4×"),
				rssLine("dubao peak RSS", s[0], size50, "streamed"),
			}
		},
	})
	reader := row{
		id: "reader", what: "the reader on the 50 MB issue, first screen (100×30 terminal) vs `less`",
		skip: missing(env.less, "less"),
	}
	if !screenSupported {
		reader.skip = "needs Linux's pseudo-terminals"
	}
	if reader.skip == "" {
		d := env.dubaoCmd(env.cacheWarm, "--style", "dark", env.issue50)
		d.screen, d.rss = env.title50, true
		reader.cmds = []command{d, {label: "less", argv: []string{env.less, env.issue50}, screen: env.first50,
			env: []string{"HOME=" + env.home, "LESSOPEN=", "LESSCLOSE=", "LESS="}}}
		reader.lines = func(s [][]sample) []line {
			return []line{
				absLine("dubao: first screen", s[0], firstOf, msFormat, "≤ 250 ms"),
				absLine("less: first screen", s[1], firstOf, msFormat, ""),
				ratioLine("ratio", s[0], s[1], firstOf, ""),
				rssLine("dubao peak RSS", s[0], size50, ""),
			}
		}
	}
	add(reader)
	add(row{
		id: "cat", what: "`dubao cat --all --width 80` on a 5 MB issue vs glow",
		skip: missing(env.glow, "glow"),
		cmds: []command{withRSSOn(env.dubaoCmd(env.cacheWarm, "cat", "--all", "--width", "80", env.issue5)),
			{label: "glow", argv: []string{env.glow, "-w", "80", env.issue5}, env: []string{"HOME=" + env.home}, rss: true}},
		lines: func(s [][]sample) []line {
			return []line{
				ratioLine("wall ratio", s[0], s[1], wallOf, "≤ 0.02×"),
				ratioLine("cpu ratio", s[0], s[1], cpuOf, "≤ 0.02×"),
				ratioLine("peak RSS ratio", s[0], s[1], rssOf, ""),
			}
		},
	})
	add(row{
		id: "parse", what: "parse benchmark, 10 MB",
		extra: []string{"parse: `go test ./issue -run '^$' -bench '^BenchmarkParse$/^10MB$' -benchtime 5x -count RUNS -benchmem` (in the source tree)"},
		measure: func(opt options, _ func(string)) ([]line, error) {
			return parseBench(env.src, opt.runs)
		},
	})
	shelfRow := row{id: "shelf", what: "`dubao list SHELF`, 3,650 issues (530 MB)"}
	if env.shelf != "" {
		cold := env.dubaoCmd(env.cacheCold, "list", env.shelf)
		cold.rss, cold.note = true, "no index cached: its cache folder emptied before each run"
		cold.before = func() error { return os.RemoveAll(env.cacheCold) }
		warm := env.dubaoCmd(env.cacheWarm, "list", env.shelf)
		warm.note = "index cached"
		shelfRow.cmds = []command{cold, warm}
		shelfRow.lines = func(s [][]sample) []line {
			return []line{
				absLine("wall, no index cached", s[0], wallOf, msFormat, "≤ 1 s"),
				absLine("cpu, no index cached", s[0], cpuOf, msFormat, ""),
				absLine("wall, index cached", s[1], wallOf, msFormat, ""),
				rssLine("peak RSS, no index cached", s[0], 0, ""),
			}
		}
	}
	add(shelfRow)
	common := row{id: "search-common", what: "shelf search, a common word (发展, in every article)"}
	if env.shelf != "" {
		d := env.dubaoCmd(env.cacheWarm, "search", env.shelf, "发展")
		d.firstLine, d.rss = true, true
		common.cmds = []command{d}
		if env.rg != "" {
			common.cmds = append(common.cmds, command{label: "rg", argv: []string{env.rg, "-c", "发展", env.shelf}})
		}
		if env.grep != "" {
			common.cmds = append(common.cmds, command{label: "grep", argv: []string{env.grep, "-rn", "发展", env.shelf}})
		}
		common.lines = func(s [][]sample) []line {
			var out []line
			for i, c := range common.cmds[1:] {
				out = append(out, ratioLine("wall ratio vs "+c.label, s[0], s[i+1], wallOf, map[string]string{"rg": "≤ 2×"}[c.label]),
					ratioLine("cpu ratio vs "+c.label, s[0], s[i+1], cpuOf, ""))
			}
			return append(out,
				absLine("first result line", s[0], firstOf, msFormat, "≤ 50 ms"),
				rssLine("dubao peak RSS", s[0], 0, ""))
		}
	}
	add(common)
	medium := row{id: "search-medium", what: "shelf search, a medium word (云岭, in one issue of six) vs ripgrep",
		skip: missing(env.rg, "ripgrep")}
	if env.shelf != "" && medium.skip == "" {
		d := env.dubaoCmd(env.cacheWarm, "search", env.shelf, "云岭")
		d.firstLine, d.rss = true, true
		medium.cmds = []command{d, {label: "rg", argv: []string{env.rg, "-c", "云岭", env.shelf}}}
		medium.lines = func(s [][]sample) []line {
			return []line{
				ratioLine("wall ratio", s[0], s[1], wallOf, "≤ 2×"),
				ratioLine("cpu ratio", s[0], s[1], cpuOf, ""),
				absLine("first result line", s[0], firstOf, msFormat, "≤ 50 ms"),
				rssLine("dubao peak RSS", s[0], 0, ""),
			}
		}
	}
	add(medium)
	startup := row{id: "startup", what: "start-up, `dubao --version`"}
	startup.cmds = []command{env.dubaoCmd(env.cacheWarm, "--version"), {label: "hello", argv: []string{env.hello}}}
	if env.glow != "" {
		startup.cmds = append(startup.cmds, command{label: "glow", argv: []string{env.glow, "--version"}, env: []string{"HOME=" + env.home}})
	}
	startup.lines = func(s [][]sample) []line {
		out := []line{absLine("dubao cpu", s[0], cpuOf, msFormat, "")}
		if len(s) > 2 {
			out = append(out, ratioLine("cpu ratio vs glow --version", s[0], s[2], cpuOf, "≤ 1×"))
		}
		return append(out, ratioLine("cpu ratio vs a Go hello-world", s[0], s[1], cpuOf, ""))
	}
	add(startup)
	return out
}

// withRSSOn returns c measuring its peak resident set.
func withRSSOn(c command) command {
	c.rss = true
	return c
}

func wallOf(s sample) float64  { return s.wall.Seconds() }
func cpuOf(s sample) float64   { return s.cpu.Seconds() }
func firstOf(s sample) float64 { return s.first.Seconds() }
func rssOf(s sample) float64   { return float64(s.rss) }

// ratioLine is the ratio a/b of each round.
func ratioLine(measure string, a, b []sample, f func(sample) float64, target string) line {
	var v []float64
	for i := range min(len(a), len(b)) {
		if d := f(b[i]); d > 0 {
			v = append(v, f(a[i])/d)
		}
	}
	return summary(measure, v, func(x float64) string {
		switch {
		case x < 0.1:
			return strconv.FormatFloat(x, 'f', 3, 64) + "×"
		case x < 10:
			return strconv.FormatFloat(x, 'f', 2, 64) + "×"
		}
		return strconv.FormatFloat(x, 'f', 1, 64) + "×"
	}, target)
}

// absLine is a measure of one command.
func absLine(measure string, a []sample, f func(sample) float64, format func(float64) string, target string) line {
	var v []float64
	for _, s := range a {
		v = append(v, f(s))
	}
	return summary(measure, v, format, target)
}

// rssLine is the peak resident set of one command, in MiB, and as a
// multiple of size when size is not 0.
func rssLine(measure string, a []sample, size float64, target string) line {
	return absLine(measure, a, rssOf, func(x float64) string {
		s := strconv.FormatFloat(x/(1<<20), 'f', 0, 64) + " MiB"
		if size > 0 {
			s += fmt.Sprintf(" (%.2f×)", x/size)
		}
		return s
	}, target)
}

// msFormat writes seconds as milliseconds (or seconds past 10 s).
func msFormat(x float64) string {
	if x >= 10 {
		return strconv.FormatFloat(x, 'f', 1, 64) + " s"
	}
	return strconv.FormatFloat(x*1000, 'f', 0, 64) + " ms"
}

// summary is the min, median and max of v.
func summary(measure string, v []float64, format func(float64) string, target string) line {
	l := line{measure: measure, target: target, min: "–", median: "–", max: "–"}
	if lo, med, hi, ok := benchkit.Spread(v); ok {
		l.min, l.median, l.max = format(lo), format(med), format(hi)
	}
	return l
}

// benchLine matches a line of go test -bench -benchmem output.
var benchLine = regexp.MustCompile(`^BenchmarkParse/10MB\S*\s+\d+\s+([\d.]+) ns/op\s+([\d.]+) MB/s\s+(\d+) B/op\s+(\d+) allocs/op`)

// parseBench runs the parse benchmark of the source tree runs times and
// reports its throughput and allocations.
func parseBench(src string, runs int) ([]line, error) {
	cmd := exec.Command("go", "test", "./issue", "-run", "^$", "-bench", "^BenchmarkParse$/^10MB$",
		"-benchtime", "5x", "-count", strconv.Itoa(runs), "-benchmem")
	cmd.Dir = src
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -bench: %w\n%s", err, out)
	}
	var mbs, bytes, allocs []float64
	for l := range strings.Lines(string(out)) {
		m := benchLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		for i, dst := range []*[]float64{&mbs, &bytes, &allocs} {
			x, _ := strconv.ParseFloat(m[i+2], 64)
			*dst = append(*dst, x)
		}
	}
	if len(mbs) == 0 {
		return nil, fmt.Errorf("no benchmark result in %v of output:\n%s", time.Since(start).Round(time.Second), out)
	}
	return []line{
		summary("MB/s", mbs, func(x float64) string { return strconv.FormatFloat(x, 'f', 0, 64) }, "≥ 300"),
		summary("allocations", allocs, func(x float64) string { return strconv.FormatFloat(x, 'f', 0, 64) }, "≤ 20,000"),
		summary("MB allocated", bytes, func(x float64) string { return strconv.FormatFloat(x/1e6, 'f', 1, 64) }, ""),
	}, nil
}
