package fetch

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// robots is what a site's robots.txt says to one crawler (RFC 9309): the
// rules of the groups that name its product token, or else of the groups
// for "*", and the Crawl-delay of those groups, if any.
type robots struct {
	rules []robotsRule
	delay time.Duration
	// all is set when the whole site is off limits whatever the rules
	// say (robots.txt could not be read because of a server error).
	all bool
}

// A robotsRule is one Allow or Disallow line.
type robotsRule struct {
	allow   bool
	pattern string // a path pattern with * and a final $
}

// maxRobots is how much of a robots.txt is read (RFC 9309 asks for at
// least 500 KiB).
const maxRobots = 512 << 10

// parseRobots reads a robots.txt for the crawler whose product token is
// agent ("dubao").
func parseRobots(data []byte, agent string) *robots {
	if len(data) > maxRobots {
		data = data[:maxRobots]
	}
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var (
		groups  []*group
		cur     *group
		inRules bool
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxRobots)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if cur == nil || inRules {
				cur = &group{}
				groups = append(groups, cur)
				inRules = false
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
		case "allow", "disallow":
			if cur == nil {
				continue
			}
			inRules = true
			if value != "" {
				cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
			}
		case "crawl-delay":
			if cur == nil {
				continue
			}
			inRules = true
			if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 {
				cur.delay = time.Duration(min(s, 3600) * float64(time.Second)) // no overflow
			}
		}
	}
	r := &robots{}
	agent = strings.ToLower(agent)
	for _, want := range []string{agent, "*"} {
		for _, g := range groups {
			for _, a := range g.agents {
				if a == want {
					r.rules = append(r.rules, g.rules...)
					r.delay = max(r.delay, g.delay)
					break
				}
			}
		}
		if len(r.rules) > 0 || r.delay > 0 {
			break
		}
	}
	return r
}

// allowed reports whether the crawler may fetch the path (with its
// query): the longest matching rule decides, Allow winning a tie; no
// matching rule allows.
func (r *robots) allowed(path string) bool {
	if r == nil {
		return true
	}
	if r.all {
		return false
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch reports whether path starts with pattern, where * in the
// pattern matches any run of bytes and a final $ the end of the path.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, part := range parts[1:] {
		if anchored && i == len(parts)-2 {
			return strings.HasSuffix(rest, part)
		}
		j := strings.Index(rest, part)
		if j < 0 {
			return false
		}
		rest = rest[j+len(part):]
	}
	return !anchored || rest == ""
}
