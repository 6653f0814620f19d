package issue

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// PLACEHOLDER (replaced by the real parser, issue #2): a minimal reader of
// "## title" + paragraphs so that other packages can be developed against
// the API below.

// Options tune how an issue is read.
type Options struct {
	// Name names the source in error messages (a file name, or "stdin").
	Name string
	// Encoding forces the character encoding of the source ("gb18030",
	// "utf-8", "utf-16le", "big5", …); empty detects it.
	Encoding string
}

// ErrNoArticles is returned (wrapped with the source name) for input that
// holds no article.
var ErrNoArticles = errors.New("no articles")

// Parse reads one issue from r.
func Parse(r io.Reader, opt Options) (*Issue, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", opt.Name, err)
	}
	is := &Issue{Encoding: "UTF-8", Sections: []Section{{Page: 1}}}
	sec := &is.Sections[0]
	var cur *Article
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
		case strings.HasPrefix(line, "## "):
			sec.Articles = append(sec.Articles, Article{N: len(sec.Articles) + 1, Title: strings.TrimSpace(line[3:])})
			cur = &sec.Articles[len(sec.Articles)-1]
		case cur != nil:
			cur.Paragraphs = append(cur.Paragraphs, line)
		}
	}
	if len(sec.Articles) == 0 {
		return nil, fmt.Errorf("%s: %w", opt.Name, ErrNoArticles)
	}
	return is, nil
}
