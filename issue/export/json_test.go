package export

import (
	"bytes"
	"path/filepath"
	"testing"

	"dubao/issue"
	"dubao/issue/internal/issuegen"
	"dubao/issue/shelf"
)

// TestIssueJSONStreams: IssueJSON, which writes an issue article by
// article, writes exactly what encoding it whole (JSON) writes — on
// the samples, on the hostile corpus, and on issues with ad pages (no
// articles), an empty page and no page at all.
func TestIssueJSONStreams(t *testing.T) {
	issues := map[string]*issue.Issue{
		"no sections": {Paper: "空报"},
		"ad and empty pages": {Paper: "广告报", Sections: []issue.Section{
			{Page: 1, Name: "要闻", Articles: []issue.Article{{N: 1, Title: "题", Paragraphs: []string{"正文\u009b。"}}}},
			{Page: 2, Ad: true},
			{Page: 3, Name: "空", Articles: []issue.Article{}},
			{Page: 4, Articles: []issue.Article{{N: 2, Title: "<b>&</b>", Paragraphs: []string{"\u202e反"}, Blocks: []issue.Block{{Kind: issue.BlockTable, Rows: [][]string{{"a"}}}}}}},
		}},
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "issues", "*"))
	paths = append(append(paths, filepath.Join("..", "..", "testdata", "sample.md")), more...)
	for _, p := range paths {
		if l, err := shelf.Load(p, shelf.Options{}); err == nil {
			issues[p] = l.Issue
		}
	}
	if len(issues) < 30 {
		t.Fatalf("only %d issues", len(issues))
	}
	for name, is := range issues {
		var whole, streamed bytes.Buffer
		if err := JSON(&whole, is); err != nil {
			t.Fatal(err)
		}
		if err := IssueJSON(&streamed, is); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if whole.String() != streamed.String() {
			t.Errorf("%s: the streamed JSON differs:\n%s\nwant\n%s", name, streamed.String(), whole.String())
		}
	}
}

// BenchmarkIssueJSON writes the JSON of a generated issue of 2 MB (dubao
// json's work after the parse), most of it Chinese prose quoted by
// textsafe.AppendJSONString.
func BenchmarkIssueJSON(b *testing.B) {
	is, err := issue.ParseBytes(issuegen.Issue(2<<20), issue.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	if err := IssueJSON(&out, is); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(out.Len()))
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if err := IssueJSON(&out, is); err != nil {
			b.Fatal(err)
		}
	}
}
