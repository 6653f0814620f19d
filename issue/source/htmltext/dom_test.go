package htmltext

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestWalkInOut: enter and leave in document order, a node whose enter
// says false neither entered below nor left, and the walk stays under the
// node it starts from.
func TestWalkInOut(t *testing.T) {
	nodes := parse(t, `<div><p>一<b>二</b></p><ul><li>三</li></ul><p></p></div><p>四</p>`)
	var got []string
	WalkInOut(nodes[0], func(n *html.Node) bool {
		if n.Type == html.TextNode {
			got = append(got, n.Data)
			return false
		}
		got = append(got, "<"+n.Data)
		return n.Data != "ul"
	}, func(n *html.Node) {
		got = append(got, n.Data+">")
	})
	want := "<div <p 一 <b 二 b> p> <ul <p p> div>"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("walk %q, want %q", s, want)
	}
	WalkInOut(nil, nil, nil) // nothing to walk
}
