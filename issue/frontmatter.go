package issue

import (
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"dubao/issue/textsafe"
)

// frontMatter holds the YAML front matter of a Markdown export: the fields
// note-taking tools write for one article (title, date, section,
// section_name, author) and the masthead fields WriteMarkdown writes.
type frontMatter struct {
	found   bool
	title   string
	author  string
	page    int
	section string
}

// maxFrontMatter bounds the front matter read: a longer block is text.
const maxFrontMatter = 200

// frontMatter reads YAML front matter at the start of lines and returns
// the index of the first line after it (0 when there is none). A block
// that is not valid YAML mapping is left as text.
func (p *parser) frontMatter(lines []lineInfo) int {
	if len(lines) == 0 || lines[0].raw != "---" {
		return 0
	}
	end := -1
	for i := 1; i < len(lines) && i <= maxFrontMatter; i++ {
		if lines[i].raw == "---" || lines[i].raw == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return 0
	}
	var src strings.Builder
	for _, l := range lines[1:end] {
		src.WriteString(l.raw)
		src.WriteByte('\n')
	}
	m, ok := yamlMap(src.String())
	if !ok {
		return 0
	}
	is := p.is
	fm := &p.fm
	fm.found = true
	// Scalars are read as written: YAML would turn a title such as
	// 2024-3-8 into a time and 1e3 into a number, and change its text.
	// YAML's escapes ("\e[31m", "\x9b", "\u202e") are decoded after the
	// text was cleaned: each value is cleaned again on its way into the
	// model (textsafe.String).
	str := func(keys ...string) string {
		for _, k := range keys {
			if v, ok := m[k]; ok && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				return trimSpace(textsafe.String(v.Value))
			}
		}
		return ""
	}
	num := func(keys ...string) int {
		s := str(keys...)
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
		if n, ok := parseNumber(s); ok {
			return n
		}
		return 0
	}
	is.Paper = str("paper", "newspaper", "source")
	is.PaperEn = str("paper_en")
	if d := str("date"); d != "" {
		var probe Issue
		if t, err := time.Parse(time.DateOnly, d); err == nil {
			// The form WriteMarkdown writes, of any year it may have
			// read (a citation's 0001年 among them): FindDate looks
			// for years 19xx and 20xx only.
			is.Date = t.Format(time.DateOnly)
		} else if date, start, _ := FindDate(d, SeparatedDate); date != "" && start == 0 {
			is.Date = date
		} else if probe.readMasthead(d) && probe.Date != "" {
			is.Date = probe.Date
		}
	}
	is.Weekday = str("weekday")
	is.Lunar = str("lunar")
	is.Number = num("number", "issue")
	is.Pages = num("pages")
	is.Serial = str("serial")
	is.Website = str("website")
	is.Supervisor = str("supervisor")
	is.Sponsor = str("sponsor")
	is.Publisher = str("publisher")
	if list, ok := m["masthead"]; ok && list.Kind == yaml.SequenceNode {
		for _, v := range list.Content {
			if line := trimSpace(textsafe.String(v.Value)); v.Kind == yaml.ScalarNode && v.Tag != "!!null" && line != "" {
				is.Masthead = append(is.Masthead, line)
			}
		}
	}
	fm.title = str("title")
	fm.author = str("author", "byline")
	sec := str("section")
	fm.section = str("section_name")
	if page, name, ok := parsePageLine(sec); ok {
		fm.page = page
		if fm.section == "" {
			fm.section = name
		}
	} else if n, ok := parseNumber(sec); ok {
		fm.page = n
	} else if fm.section == "" {
		fm.section = sec
	}
	if is.Paper != "" || is.Date != "" || is.Number != 0 {
		p.hasMast = true
	}
	return end + 1
}

// yamlMap decodes a YAML mapping, recovering from any failure of the
// decoder on hostile input.
func yamlMap(src string) (m map[string]yaml.Node, ok bool) {
	defer func() {
		if recover() != nil {
			m, ok = nil, false
		}
	}()
	if err := yaml.Unmarshal([]byte(src), &m); err != nil || m == nil {
		return nil, false
	}
	return m, true
}

// frontMatterTitle gives the first article the title of the front matter
// when the text has none, before the articles are finished: the article
// then reads as one under its title (a "> " line under it is its byline),
// as the Markdown dubao writes for it does.
func (p *parser) frontMatterTitle() {
	if !p.fm.found || p.fm.title == "" {
		return
	}
	for _, s := range p.secs {
		if len(s.arts) == 0 {
			continue
		}
		if d := s.arts[0]; d.a.Title == "" {
			d.a.Title, d.byHeader = p.fm.title, true
		}
		return
	}
}

// applyFrontMatter gives the first article the title and author of the
// front matter when the text has none (an author only to a titled
// article), and the first section its page.
func (p *parser) applyFrontMatter() {
	fm := &p.fm
	if !fm.found {
		return
	}
	if fm.title != "" || fm.author != "" {
		for _, s := range p.secs {
			if len(s.arts) == 0 {
				continue
			}
			a := &s.arts[0].a
			if a.Title == "" {
				a.Title = fm.title
			}
			if a.Byline == "" && fm.author != "" && a.Title != "" {
				a.Byline = fm.author
			}
			break
		}
	}
	if (fm.page != 0 || fm.section != "") && len(p.secs) > 0 && p.secs[0].implicit {
		p.secs[0].sec.Page, p.secs[0].sec.Name = fm.page, fm.section
		p.secs[0].implicit = false
	}
}

// applyCitation gives the issue the paper and the date, and the first
// section the page, of the first article's citation (see splitCitation)
// when the front matter did not. It reports whether an article has a
// citation.
func (p *parser) applyCitation() bool {
	for _, s := range p.secs {
		for _, d := range s.arts {
			c := d.cite
			if c == nil {
				continue
			}
			if p.is.Paper == "" {
				p.is.Paper = c.paper
			}
			if p.is.Date == "" {
				p.is.Date = c.date
			}
			if s.sec.Page == 0 {
				s.sec.Page = c.page
				s.implicit = false
			}
			return true
		}
	}
	return false
}
