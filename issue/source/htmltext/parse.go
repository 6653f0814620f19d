package htmltext

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth is the nesting kept when a page nests its elements deeper than
// the HTML parser reads (512): the tags past it are dropped, their text
// kept.
const maxDepth = 256

// Parse parses an HTML document. A document nested too deeply for the
// parser (a hostile page of a million <div>s) is read with its deepest
// tags dropped and its text kept.
func Parse(text []byte) (*html.Node, error) {
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil && strings.Contains(err.Error(), "open stack") {
		root, err = html.Parse(bytes.NewReader(Flatten(text, maxDepth)))
	}
	return root, err
}

// ParseFragment parses a fragment of a body (a feed item's description),
// as Parse does.
func ParseFragment(s string) ([]*html.Node, error) {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil && strings.Contains(err.Error(), "open stack") {
		nodes, err = html.ParseFragment(bytes.NewReader(Flatten([]byte(s), maxDepth)), ctx)
	}
	return nodes, err
}

// Flatten drops the start and end tags of elements nested deeper than
// depth, keeping everything else (text, comments, scripts) as it is.
func Flatten(text []byte, depth int) []byte {
	z := html.NewTokenizer(bytes.NewReader(text))
	var out bytes.Buffer
	out.Grow(len(text))
	open := 0
	dropped := map[string]int{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken:
			name, _ := z.TagName()
			if isVoid(string(name)) {
				break
			}
			if open >= depth {
				dropped[string(name)]++
				continue
			}
			open++
		case html.EndTagToken:
			name, _ := z.TagName()
			if n := dropped[string(name)]; n > 0 {
				dropped[string(name)] = n - 1
				continue
			}
			open = max(open-1, 0)
		}
		out.Write(z.Raw())
	}
}

// isVoid reports the elements that have no end tag.
func isVoid(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen":
		return true
	}
	return false
}
