package epaper

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"dubao/issue"
)

// File is one file of a saved day: its name (a path or an address, which
// resolves its links and may give its date) and its bytes.
type File struct {
	Name string
	Data []byte
}

// ReadDay reads the saved pages of one day — layout and article pages,
// as `wget -r` mirrors them or as saved one by one — as one issue: the
// pages in order with their names, the articles of each page in the
// order its layout page lists them (articles no layout page lists after
// them, by file name), the paper and the date from the pages, continued
// articles stitched and an article stored whole on two pages kept once
// (see issue.Issue.Assemble). An article a layout page lists but whose
// page was not saved keeps its title; a page of which only the layout page
// was saved has its titles only (Section.TitlesOnly). Other pages (the
// site's home page, a page of no known shape) are left out. encoding
// forces the character encoding when not empty.
func ReadDay(files []File, encoding string) (*issue.Issue, error) {
	type article struct {
		a        issue.Article
		page     int
		pageName string
		key      string
		name     string
	}
	var arts []*article
	layouts := map[int]*Page{}
	links := map[string]listed{} // by article file name: the layout page listing it
	is := &issue.Issue{}
	encodings := map[string]bool{}
	for _, f := range files {
		d, err := load(f.Data, f.Name, encoding)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		p := d.inspect(false)
		if p.Kind == Other {
			continue
		}
		if !encodings[d.enc] {
			encodings[d.enc] = true
			is.Encoding = joinEncoding(is.Encoding, d.enc)
		}
		is.Invalid += d.invalid
		fill(&is.Paper, p.Paper)
		fill(&is.Date, p.Date)
		switch p.Kind {
		case Layout:
			if p.Number == 0 || layouts[p.Number] != nil {
				continue
			}
			layouts[p.Number] = p
			for i, l := range p.Articles {
				k := baseName(l.URL)
				if _, seen := links[k]; !seen {
					links[k] = listed{page: p.Number, order: i, title: l.Title}
				}
			}
		case Article:
			arts = append(arts, &article{a: d.article(), page: p.Number, pageName: p.Name, key: baseName(f.Name), name: f.Name})
		}
	}
	// Pages: those of the layout pages and of the articles.
	var pages []int
	for n := range layouts {
		pages = append(pages, n)
	}
	saved := map[string]bool{}
	for _, a := range arts {
		saved[a.key] = true
		if l, ok := links[a.key]; ok {
			a.page = l.page
		}
		if !slices.Contains(pages, a.page) {
			pages = append(pages, a.page)
		}
	}
	slices.Sort(pages)
	if len(pages) > 0 && pages[0] == 0 {
		pages = append(pages[1:], 0) // articles of no known page last
	}
	order := func(a *article) (int, int) {
		if l, ok := links[a.key]; ok {
			return l.order, 0
		}
		return 1 << 30, fileNumber(a.key)
	}
	for _, n := range pages {
		sec := issue.Section{Page: n}
		var mine []*article
		for _, a := range arts {
			if a.page == n {
				mine = append(mine, a)
				fill(&sec.Name, a.pageName)
			}
		}
		slices.SortStableFunc(mine, func(a, b *article) int {
			ao, an := order(a)
			bo, bn := order(b)
			if c := cmp.Compare(ao, bo); c != 0 {
				return c
			}
			if c := cmp.Compare(an, bn); c != 0 {
				return c
			}
			return cmp.Compare(a.name, b.name)
		})
		if lp := layouts[n]; lp != nil {
			if lp.Name != "" {
				sec.Name = lp.Name
			}
			// Articles listed but not saved keep their titles, in place.
			var out []issue.Article
			i := 0
			for _, l := range lp.Articles {
				k := baseName(l.URL)
				if links[k].page != n {
					continue
				}
				if saved[k] {
					for i < len(mine) && order2(links, mine[i].key, n) <= links[k].order {
						out = append(out, mine[i].a)
						i++
					}
					continue
				}
				if l.Title != "" {
					out = append(out, issue.Article{Title: l.Title, Paragraphs: []string{}, Jumps: []issue.Jump{}})
				}
			}
			for ; i < len(mine); i++ {
				out = append(out, mine[i].a)
			}
			sec.Articles = out
			sec.TitlesOnly = len(mine) == 0
		} else {
			for _, a := range mine {
				sec.Articles = append(sec.Articles, a.a)
			}
		}
		is.Pages = max(is.Pages, n)
		is.Sections = append(is.Sections, sec)
	}
	for n := range layouts {
		for _, l := range layouts[n].Pages {
			is.Pages = max(is.Pages, l.Page)
		}
	}
	is.Assemble()
	if is.Count() == 0 {
		return nil, ErrNoArticle
	}
	return is, nil
}

// listed is an article's place on the layout page that lists it.
type listed struct {
	page, order int
	title       string
}

// order2 is the place of the article file key in the layout of page n
// (past every place when that layout does not list it).
func order2(links map[string]listed, key string, n int) int {
	if l, ok := links[key]; ok && l.page == n {
		return l.order
	}
	return 1 << 30
}

// joinEncoding adds an encoding's name to a list of them (GB18030+UTF-8).
func joinEncoding(list, enc string) string {
	if list == "" {
		return enc
	}
	return list + "+" + enc
}

var lastNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+)\D*$`) })

// fileNumber is the last number in a file name (content_123.htm → 123),
// to order article pages no layout page lists.
func fileNumber(name string) int {
	if m := lastNumber().FindStringSubmatch(name); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}
