package epaper

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attr returns the value of n's attribute key ("" when absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClass reports whether n's class list holds c.
func hasClass(n *html.Node, c string) bool {
	for f := range strings.FieldsSeq(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// isElem reports an element named name (its tag, lower-case).
func isElem(n *html.Node, name string) bool {
	return n != nil && n.Type == html.ElementNode && n.Data == name
}

// walk calls visit for n and every node under it in document order; when
// visit returns false the node's children are skipped. It uses no
// recursion, so that deeply nested markup cannot exhaust the stack.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if n == nil {
		return
	}
	for c := n; c != nil; {
		descend := visit(c)
		if descend && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		for c != n && c.NextSibling == nil {
			c = c.Parent
		}
		if c == n {
			return
		}
		c = c.NextSibling
	}
}

// find returns the first node under n (n included) for which match holds.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	var out *html.Node
	walk(n, func(c *html.Node) bool {
		if out != nil {
			return false
		}
		if match(c) {
			out = c
			return false
		}
		return true
	})
	return out
}

// findAll returns every node under n (n included) for which match holds,
// in document order, not looking inside a node that matched.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) bool {
		if match(c) {
			out = append(out, c)
			return false
		}
		return true
	})
	return out
}

// byID matches the element with the given id.
func byID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && attr(n, "id") == id }
}

// byClass matches elements with the given tag ("" any) and class.
func byClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && (tag == "" || n.Data == tag) && hasClass(n, class)
	}
}

// byTag matches elements with the given tag.
func byTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == tag }
}

// hidden reports elements whose text is never shown: scripts, styles,
// forms and the like.
func hidden(n *html.Node) bool {
	if n.Type == html.CommentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Embed,
		atom.Svg, atom.Math, atom.Select, atom.Textarea, atom.Button, atom.Input, atom.Head, atom.Title:
		return true
	}
	return false
}

// textOf returns the text under n, scripts and the like left out, with
// runs of white space made one space and <br> a space, trimmed.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c != n && hidden(c) {
			return false
		}
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case isElem(c, "br"):
			b.WriteByte(' ')
		}
		return true
	})
	return squash(b.String())
}

// squash tidies the white space of a short text (a title, a name, a
// link): a run of ASCII white space becomes one space, or nothing when it
// holds a line break between two wide characters (a line break of the
// markup inside Chinese text); no-break and ideographic spaces are kept
// as printed (张  洋); the ends are trimmed.
func squash(s string) string {
	if !needsSquash(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	run, newline := false, false
	var last rune
	for _, r := range s {
		if isASCIISpace(r) {
			run = true
			newline = newline || r == '\n' || r == '\r'
			continue
		}
		if run && b.Len() > 0 && !(newline && isWide(last) && isWide(r)) {
			b.WriteByte(' ')
		}
		run, newline = false, false
		b.WriteRune(r)
		last = r
	}
	return strings.TrimFunc(b.String(), isSpaceRune)
}

// needsSquash reports whether squash would change s.
func needsSquash(s string) bool {
	if s == "" {
		return false
	}
	if isSpaceRune(rune(s[0])) || isSpaceRune(rune(s[len(s)-1])) || strings.HasPrefix(s, "\u00a0") || strings.HasPrefix(s, "\u3000") ||
		strings.HasSuffix(s, "\u00a0") || strings.HasSuffix(s, "\u3000") {
		return true
	}
	prev := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
		if sp && (prev || c != ' ') {
			return true
		}
		prev = sp
	}
	return false
}

// isASCIISpace reports the white space of markup.
func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// isSpaceRune reports white space, the no-break and ideographic spaces
// included.
func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200B:
		return true
	}
	return false
}

// isWide reports a character of Chinese text: Han, kana, full-width forms
// and CJK punctuation.
func isWide(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F ||
		r >= 0xFF00 && r <= 0xFFEF || r >= 0x20000 && r <= 0x3FFFF
}
