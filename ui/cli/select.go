package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dubao/issue"
	"dubao/issue/search"
)

// errNoTitle is the error of a TEXT that no title contains.
var errNoTitle = errors.New("no title contains")

// pick returns the article that sel names in is: sel is either an article
// number (as `dubao list` prints it) or text that its title contains (its
// headline, for an untitled article: see issue.Article.Headline). Text
// is matched the way the reader's search matches: full-width and half-width
// forms alike, Latin letters in any case, spaces ignored. A title equal to
// the text wins over titles that only contain it; when several titles
// contain it the error lists them with their numbers. name names the source
// in error messages.
func pick(is *issue.Issue, sel, name string) (*issue.Article, error) {
	if n, ok := articleNumber(sel); ok {
		if a, _ := is.Article(n); a != nil {
			return a, nil
		}
		return nil, fmt.Errorf("%s: no article %d (the issue has %s)", name, n, countArticles(is.Count()))
	}
	q := search.New(sel)
	if q.Empty() {
		return nil, fmt.Errorf("%s: no article number or title text given", name)
	}
	var found []*issue.Article
	for _, a := range is.Articles() {
		title := a.Headline()
		start, end := q.Index(title, 0)
		if start < 0 {
			continue
		}
		if start == 0 && strings.TrimSpace(title[end:]) == "" {
			return a, nil // the whole title
		}
		found = append(found, a)
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("%s: %w %q (try 'dubao list')", name, errNoTitle, sel)
	case 1:
		return found[0], nil
	}
	list := make([]string, len(found))
	for i, a := range found {
		list[i] = fmt.Sprintf("%d %s", a.N, oneLine(a.Headline()))
	}
	return nil, fmt.Errorf("%s: %d titles contain %q, pick one by number: %s",
		name, len(found), sel, strings.Join(list, "; "))
}

// articleNumber reports whether s is an article number: decimal digits,
// ASCII or full-width (３).
func articleNumber(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		default:
			return 0, false
		}
	}
	n, err := strconv.Atoi(b.String())
	if err != nil {
		return 0, false
	}
	return n, true
}

// countArticles says how many articles there are, in words.
func countArticles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", n)
}
