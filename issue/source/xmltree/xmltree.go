// Package xmltree reads the XML documents of the web formats — news feeds,
// and an EPUB's container, package document and table of contents — as a
// generic tree of elements (Node), leniently, as they are found in the
// wild: decoded to UTF-8 first (package charset, whatever the document
// declares), HTML's named entities known, not strict about unclosed or
// stray tags, and the character references to control characters (&#27;)
// that XML forbids and a terminal must never see dropped rather than the
// whole document refused.
package xmltree

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"dubao/issue/source/charset"
)

// Node is an element of an XML document, kept generic: the formats tell
// their elements apart by their names.
type Node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Inner   string     `xml:",innerxml"` // its content as written, markup and all
	Nodes   []Node     `xml:",any"`
}

// Child returns the first child named local (in any namespace), or nil.
func (n *Node) Child(local string) *Node {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local {
			return &n.Nodes[i]
		}
	}
	return nil
}

// ChildNS returns the first child named local in the namespace space, or
// nil.
func (n *Node) ChildNS(space, local string) *Node {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local && n.Nodes[i].XMLName.Space == space {
			return &n.Nodes[i]
		}
	}
	return nil
}

// Children returns the children named local (in any namespace).
func (n *Node) Children(local string) []*Node {
	var out []*Node
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local {
			out = append(out, &n.Nodes[i])
		}
	}
	return out
}

// ChildText returns the text of the child named local ("" when absent).
func (n *Node) ChildText(local string) string {
	if c := n.Child(local); c != nil {
		return c.Text
	}
	return ""
}

// Attr returns the value of the attribute local (in any namespace), or
// "".
func (n *Node) Attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Parse decodes data to UTF-8 (see charset.Decode: the bytes win over a
// wrong declaration) and reads it (see Read). An error of the decoding is
// charset.Decode's.
func Parse(data []byte) (*Node, error) {
	res, err := charset.Decode(data, "")
	if err != nil {
		return nil, err
	}
	return Read(res.Text)
}

// Read reads the root element of text, UTF-8 whatever its declaration
// says. An error is one line.
func Read(text []byte) (*Node, error) {
	dec := xml.NewDecoder(bytes.NewReader(dropControlRefs(text)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root Node
	if err := dec.Decode(&root); err != nil {
		return nil, errors.New(strings.Join(strings.Fields(err.Error()), " "))
	}
	return &root, nil
}

// charRef matches a numeric character reference; compiled on first use,
// not at every start-up.
var charRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});`)
})

// dropControlRefs removes the character references to control characters
// (&#27;, &#x1b;) that XML forbids and a terminal must never see; the
// XML decoder would refuse the whole document for one of them.
func dropControlRefs(text []byte) []byte {
	if !bytes.Contains(text, []byte("&#")) {
		return text
	}
	return charRef().ReplaceAllFunc(text, func(ref []byte) []byte {
		s := string(ref[2 : len(ref)-1])
		var n uint64
		var err error
		if s[0] == 'x' || s[0] == 'X' {
			n, err = strconv.ParseUint(s[1:], 16, 32)
		} else {
			n, err = strconv.ParseUint(s, 10, 32)
		}
		if err != nil || n < 0x20 && n != '\t' && n != '\n' && n != '\r' || n == 0x7f || n > 0x10FFFF || n >= 0xD800 && n <= 0xDFFF {
			return nil
		}
		return ref
	})
}
