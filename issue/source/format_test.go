package source

import (
	"errors"
	"testing"
)

func TestSniff(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# 青州日报\n\n正文", FormatText},
		{"<!DOCTYPE html><html><body>x</body></html>", FormatHTML},
		{"\xef\xbb\xbf  <html lang=zh>", FormatHTML},
		{"<!-- saved from url=(0050)http://a/ -->\n<html>", FormatHTML},
		{"<meta charset=utf-8><title>x</title>", FormatHTML},
		{`<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel>`, FormatFeed},
		{`<?xml version="1.0"?><!-- c --><rdf:RDF xmlns:rdf="x">`, FormatFeed},
		{`<feed xmlns="http://www.w3.org/2005/Atom">`, FormatFeed},
		{`<?xml version="1.0"?><urlset><url/></urlset>`, "xml"},
		{`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, FormatHTML},
		{"<figure><img src=a.jpg></figure>\n\n正文", FormatText},
		{"PK\x03\x04" + string(make([]byte, 26)) + "mimetypeapplication/epub+zip", FormatEPUB},
		{"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", FormatHTML},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%.40q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseRefusesOtherXML(t *testing.T) {
	_, err := Parse("sitemap.xml", []byte(`<?xml version="1.0"?><urlset><url><loc>http://a.example/</loc></url></urlset>`), Options{})
	if !errors.Is(err, ErrUnknownXML) {
		t.Errorf("err = %v, want ErrUnknownXML", err)
	}
	if err := CheckFormat("pdf"); !errors.Is(err, ErrFormat) {
		t.Errorf("CheckFormat(pdf) = %v", err)
	}
	if err := CheckFormat("HTML"); err != nil {
		t.Errorf("CheckFormat(HTML) = %v", err)
	}
}
