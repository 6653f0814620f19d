// Package htmltext takes text out of HTML: the text of a node, tidied
// and made safe for a terminal (Text, Clean), and an article body as
// paragraphs and blocks (Body). It also holds the small tree helpers the
// readers of web pages share (Walk, Find, Attr, …).
package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/issue/textsafe"
)

// Attr returns the value of n's attribute key ("" when absent).
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasClass reports whether n's class list holds c.
func HasClass(n *html.Node, c string) bool {
	for f := range strings.FieldsSeq(Attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// IsElem reports an element named name (its tag, lower-case).
func IsElem(n *html.Node, name string) bool {
	return n != nil && n.Type == html.ElementNode && n.Data == name
}

// Walk calls visit for n and every node under it in document order; when
// visit returns false the node's children are skipped. It uses no
// recursion, so that deeply nested markup cannot exhaust the stack.
func Walk(n *html.Node, visit func(*html.Node) bool) {
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

// WalkInOut walks n and every node under it in document order, calling
// enter at the start of a node and leave at its end; when enter returns
// false the node's children and its leave are skipped. It uses no
// recursion, as Walk.
func WalkInOut(n *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	if n == nil {
		return
	}
	for c := n; ; {
		descend := enter(c)
		if descend && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		if descend {
			leave(c)
		}
		for c != n && c.NextSibling == nil {
			c = c.Parent
			leave(c)
		}
		if c == n {
			return
		}
		c = c.NextSibling
	}
}

// Find returns the first node under n (n included) for which match holds.
func Find(n *html.Node, match func(*html.Node) bool) *html.Node {
	var out *html.Node
	Walk(n, func(c *html.Node) bool {
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

// FindAll returns every node under n (n included) for which match holds,
// in document order, not looking inside a node that matched.
func FindAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	Walk(n, func(c *html.Node) bool {
		if match(c) {
			out = append(out, c)
			return false
		}
		return true
	})
	return out
}

// ByID matches the element with the given id.
func ByID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && Attr(n, "id") == id }
}

// ByClass matches elements with the given tag ("" any) and class.
func ByClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && (tag == "" || n.Data == tag) && HasClass(n, class)
	}
}

// ByTag matches elements with the given tag.
func ByTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == tag }
}

// Hidden reports elements whose text is never shown: scripts, styles,
// forms and the like.
func Hidden(n *html.Node) bool {
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

// Invisible reports nodes whose text is never shown: those of Hidden, and
// elements styled display:none.
func Invisible(n *html.Node) bool {
	return Hidden(n) || n.Type == html.ElementNode && strings.Contains(strings.ReplaceAll(strings.ToLower(Attr(n, "style")), " ", ""), "display:none")
}

// Text returns the text under n, scripts and the like left out, with
// runs of white space made one space and <br> a space, trimmed.
func Text(n *html.Node) string {
	var b strings.Builder
	text(&b, n)
	return Squash(b.String())
}

// TextExcept is Text leaving out the nodes for which skip holds (and
// what lies under them).
func TextExcept(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	textExcept(&b, n, skip)
	return Squash(b.String())
}

// text writes the text under n to b, as Text finds it, untidied.
func text(b *strings.Builder, n *html.Node) { textExcept(b, n, nil) }

// textExcept writes the text under n to b, leaving out what skip holds
// for, untidied.
func textExcept(b *strings.Builder, n *html.Node, skip func(*html.Node) bool) {
	Walk(n, func(c *html.Node) bool {
		if c != n && (Invisible(c) || skip != nil && skip(c)) || n.Type == html.CommentNode {
			return false
		}
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case IsElem(c, "br"):
			b.WriteByte(' ')
		}
		return true
	})
}

// Squash tidies the white space of a short text (a title, a name, a
// link): a run of ASCII white space becomes one space, or nothing when it
// holds a line break between two wide characters (a line break of the
// markup inside Chinese text); no-break and ideographic spaces are kept
// as printed (张  洋); the ends are trimmed.
func Squash(s string) string {
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
		if run && b.Len() > 0 && !(newline && IsWide(last) && IsWide(r)) {
			b.WriteByte(' ')
		}
		run, newline = false, false
		b.WriteRune(r)
		last = r
	}
	return strings.TrimFunc(b.String(), IsSpace)
}

// needsSquash reports whether squash would change s.
func needsSquash(s string) bool {
	if s == "" {
		return false
	}
	if IsSpace(rune(s[0])) || IsSpace(rune(s[len(s)-1])) || strings.HasPrefix(s, "\u00a0") || strings.HasPrefix(s, "\u3000") ||
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

// IsSpace reports white space, the no-break and ideographic spaces
// included.
func IsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200B:
		return true
	}
	return false
}

// IsWide reports a character of Chinese text: Han, kana, full-width forms
// and CJK punctuation.
func IsWide(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F ||
		r >= 0xFF00 && r <= 0xFFEF || r >= 0x20000 && r <= 0x3FFFF
}

// FragmentText returns the text of an HTML fragment: tags left out,
// entities decoded, <br> a space.
func FragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return Squash(s)
	}
	nodes, err := ParseFragment(s)
	if err != nil {
		return Squash(s)
	}
	var b strings.Builder
	for _, n := range nodes {
		text(&b, n)
	}
	return Squash(b.String())
}

// Clean makes a short text (a title, a name) safe and tidy: control
// characters and escape sequences that entities may have brought in are
// removed (see textsafe.String) and white space is tidied (see Squash).
func Clean(s string) string {
	return Squash(textsafe.String(s))
}
