package xmltree

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestRead(t *testing.T) {
	root, err := Read([]byte(`<?xml version="1.0"?>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>青溪&nbsp;日报&#27;[2J</title>
<item id="a"><title>一</title><content:encoded><![CDATA[<p>正文</p>]]></content:encoded></item>
<item id="b"><title>二&#x1B;&#x4e8c;</title><br></item>
</channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	ch := root.Child("channel")
	if ch == nil || root.XMLName.Local != "rss" {
		t.Fatalf("root %q, channel %v", root.XMLName.Local, ch)
	}
	if got := ch.ChildText("title"); got != "青溪\u00a0日报[2J" {
		t.Errorf("title %q: an entity of HTML read, a reference to ESC dropped", got)
	}
	items := ch.Children("item")
	if len(items) != 2 || items[0].Attr("id") != "a" || items[1].Attr("id") != "b" {
		t.Fatalf("items %+v", items)
	}
	if got := items[1].ChildText("title"); got != "二二" {
		t.Errorf("second title %q", got)
	}
	if c := items[0].ChildNS("http://purl.org/rss/1.0/modules/content/", "encoded"); c == nil || c.Text != "<p>正文</p>" {
		t.Errorf("content:encoded %+v", c)
	}
	if items[0].ChildNS("other", "encoded") != nil || items[0].Child("none") != nil || items[0].ChildText("none") != "" || items[0].Attr("none") != "" {
		t.Error("something absent is found")
	}
	if _, err := Read([]byte("<rss><channel>\n<item>")); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("a document cut short: %v", err)
	}
}

// TestParse: the bytes are decoded first, as declared when they are not
// UTF-8.
func TestParse(t *testing.T) {
	gb, err := simplifiedchinese.GBK.NewEncoder().String(`<?xml version="1.0" encoding="gb2312"?><package><title>人民日报</title></package>`)
	if err != nil {
		t.Fatal(err)
	}
	root, err := Parse([]byte(gb))
	if err != nil || root.ChildText("title") != "人民日报" {
		t.Errorf("GB2312: %v %+v", err, root)
	}
}
