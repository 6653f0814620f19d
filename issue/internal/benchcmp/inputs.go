package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"dubao/issue/benchkit"
	"dubao/issue/internal/issuegen"
	"dubao/issue/shelf/shelftest"
)

// environment is what the rows run: the programs and the inputs.
type environment struct {
	src   string // the source tree (absolute)
	rev   string // its commit
	dubao string // the binary measured
	hello string // a Go hello-world, the floor of a Go program's start-up
	// References; "" when not installed.
	md5sum, less, glow, rg, grep string

	issue50, issue5 string // generated issues
	title50         string // the title of the 50 MB issue's first article
	first50         string // the first line of the 50 MB issue
	shelf           string // the generated shelf
	home            string // dubao's HOME
	cacheCold       string // XDG_CACHE_HOME emptied before each cold run
	cacheWarm       string // XDG_CACHE_HOME holding the shelf's index
}

// prepare builds dubao and the hello-world, generates the inputs the
// wanted rows need, and finds the reference programs.
func prepare(opt options, want map[string]bool, progress func(string)) (*environment, error) {
	src, err := filepath.Abs(opt.src)
	if err != nil {
		return nil, err
	}
	work, err := filepath.Abs(opt.work)
	if err != nil {
		return nil, err
	}
	env := &environment{src: src, rev: benchkit.GitRev(src)}
	if opt.bin != "" {
		if env.dubao, err = filepath.Abs(opt.bin); err != nil {
			return nil, err
		}
		env.rev = filepath.Base(opt.bin) + " (built from " + env.rev + ")"
	} else {
		env.dubao = filepath.Join(work, "bin", "dubao")
		fmt.Fprintf(os.Stderr, "benchcmp: building dubao from %s (%s)…\n", src, env.rev)
		cmd := exec.Command("go", "build", "-o", env.dubao, ".")
		cmd.Dir, cmd.Stderr = src, os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go build in %s: %w", src, err)
		}
	}
	if env.hello, err = buildHello(filepath.Join(work, "hello")); err != nil {
		return nil, err
	}
	for _, name := range []string{"md5sum", "less", "glow", "rg", "grep"} {
		path, err := exec.LookPath(name)
		if err != nil && name == "glow" {
			// go install puts it here, which PATH may not hold.
			if gopath, gerr := exec.Command("go", "env", "GOPATH").Output(); gerr == nil {
				p := filepath.Join(strings.TrimSpace(string(gopath)), "bin", "glow")
				if _, serr := os.Stat(p); serr == nil {
					path, err = p, nil
				}
			}
		}
		if err != nil {
			continue
		}
		switch name {
		case "md5sum":
			env.md5sum = path
		case "less":
			env.less = path
		case "glow":
			env.glow = path
		case "rg":
			env.rg = path
		case "grep":
			env.grep = path
		}
	}
	env.home = filepath.Join(work, "home")
	env.cacheCold = filepath.Join(work, "cache-cold")
	env.cacheWarm = filepath.Join(work, "cache-warm")
	for _, d := range []string{env.home, env.cacheWarm} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	if want["list"] || want["json"] || want["reader"] {
		env.issue50 = filepath.Join(work, "issue-50MB.md")
		data, err := ensureIssue(env.issue50, 50<<20)
		if err != nil {
			return nil, err
		}
		env.title50, env.first50 = firstTitle(data), firstLine(data)
	}
	if want["cat"] {
		env.issue5 = filepath.Join(work, "issue-5MB.md")
		if _, err := ensureIssue(env.issue5, 5<<20); err != nil {
			return nil, err
		}
	}
	if want["shelf"] || want["search-common"] || want["search-medium"] {
		env.shelf = filepath.Join(work, "shelf")
		start := time.Now()
		st, generated, err := shelftest.Ensure(env.shelf, shelftest.DefaultConfig())
		if err != nil {
			return nil, fmt.Errorf("shelf: %w", err)
		}
		if generated {
			fmt.Fprintf(os.Stderr, "benchcmp: generated the shelf: %d issues, %d files, %.0f MB in %v\n",
				st.Issues, st.Files, float64(st.Bytes)/1e6, time.Since(start).Round(time.Second))
		}
		progress("indexing the shelf once for the warm runs")
		if _, err := run(env.dubaoCmd(env.cacheWarm, "list", env.shelf)); err != nil {
			return nil, err
		}
	}
	return env, nil
}

// dubaoCmd is dubao run with args, with its own HOME and XDG folders and
// the cache folder given.
func (env *environment) dubaoCmd(cache string, args ...string) command {
	return command{
		label: "dubao",
		argv:  append([]string{env.dubao}, args...),
		env: []string{
			"HOME=" + env.home,
			"XDG_CACHE_HOME=" + cache,
			"XDG_STATE_HOME=" + filepath.Join(env.home, "state"),
			"XDG_CONFIG_HOME=" + filepath.Join(env.home, "config"),
		},
	}
}

// shorten writes the paths of the inputs and programs in a command line
// by their names.
func (env *environment) shorten(s string) string {
	for _, p := range [][2]string{
		{env.issue50, "ISSUE50"}, {env.issue5, "ISSUE5"}, {env.shelf, "SHELF"},
		{env.dubao, "dubao"}, {env.hello, "hello"}, {env.glow, "glow"},
		{env.md5sum, "md5sum"}, {env.less, "less"}, {env.rg, "rg"}, {env.grep, "grep"},
	} {
		if p[0] != "" {
			s = strings.ReplaceAll(s, p[0], p[1])
		}
	}
	return s
}

// ensureIssue writes a generated issue of about size bytes to path
// unless it is there, and returns its bytes.
func ensureIssue(path string, size int) ([]byte, error) {
	data := issuegen.Issue(size)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return data, nil
	}
	return data, os.WriteFile(path, data, 0o644)
}

// firstTitle returns the title of the first article of a generated
// issue: what the reader's first screen shows.
func firstTitle(data []byte) string {
	for line := range strings.Lines(string(data)) {
		if t, ok := strings.CutPrefix(line, "## "); ok {
			return strings.TrimSpace(t)
		}
	}
	return ""
}

// firstLine returns the first line of data.
func firstLine(data []byte) string {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	return string(line)
}

// buildHello builds a Go program that prints a line: the floor of a Go
// program's start-up.
func buildHello(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	files := map[string]string{
		"go.mod":  "module hello\n\ngo 1.26\n",
		"main.go": "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return "", err
		}
	}
	bin := filepath.Join(dir, "hello")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir, cmd.Stderr = dir, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build hello: %w", err)
	}
	return bin, nil
}
