package cli

import (
	"strings"
	"testing"
)

// TestFrom: the input's format is told by its content, --from forces
// one, and an unknown one is a usage error.
func TestFrom(t *testing.T) {
	page := writeFile(t, "page.txt", `<!DOCTYPE html><html><head><title>青州日报</title></head><body>`+
		`<div class="article"><h3>秋收一线</h3><h1>青禾镇的秋粮进仓了</h1><div id="ozoom"><p>　　清晨六点，粮站已经排起了长队。</p></div></div></body></html>`)
	if r := run(t, App{}, "", "list", page); r.code != ExitOK || r.stdout != "1\t0\t青禾镇的秋粮进仓了\n" {
		t.Errorf("list of a page: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, App{}, "", "--from", "html", "cat", page, "1"); r.code != ExitOK || !strings.Contains(r.stdout, "清晨六点，粮站已经排起了长队。") || strings.Contains(r.stdout, "<") {
		t.Errorf("cat --from html: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, App{}, "", "--from", "text", "list", page); r.code != ExitOK || !strings.Contains(r.stdout, "<") {
		t.Errorf("list --from text reads the markup as text: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, App{}, "", "--from", "pdf", "list", page); r.code != ExitUsage || !strings.Contains(r.stderr, "text, html, feed, epub") {
		t.Errorf("--from pdf: %d %q", r.code, r.stderr)
	}
	sitemap := writeFile(t, "sitemap.xml", `<?xml version="1.0"?><urlset><url><loc>http://a.example/</loc></url></urlset>`)
	if r := run(t, App{}, "", "list", sitemap); r.code != ExitError || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "not a news feed") {
		t.Errorf("a sitemap: %d %q", r.code, r.stderr)
	}
	if r := run(t, App{}, `<rss version="2.0"><channel><title>青州日报</title><item><title>古桥</title><description>修缮记。</description></item></channel></rss>`, "cat", "-", "1"); r.code != ExitOK || !strings.Contains(r.stdout, "修缮记。") {
		t.Errorf("a feed on stdin: %d %q %q", r.code, r.stdout, r.stderr)
	}
}
