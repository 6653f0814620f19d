package shelf

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"dubao/issue/source"
)

// TestIndexSummaryMatchesParse checks that what indexing a file records
// (analyze, which reads the summary of a text file: see
// source.Summarize) is what the whole parse of the file gives, on the
// repo's samples and on a generated shelf (issues in one file and in page
// files). issue's TestSummaryCorpus and FuzzSummary check the summary
// itself on every sample and on any input.
func TestIndexSummaryMatchesParse(t *testing.T) {
	gen, _ := generated(t, smallConfig())
	for _, dir := range []string{filepath.Join("..", "..", "testdata"), gen} {
		w, err := walk(context.Background(), dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var bufs source.Buffers
		checked := 0
		for _, u := range w.units() {
			if u.folder || u.day || u.keep {
				continue
			}
			got := analyze(u, Options{NoKey: true}, &bufs)
			want := analyze(u, Options{NoKey: true}, nil) // read whole
			want.parsed = nil
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: indexed as\n%+v\nwant (the whole parse's)\n%+v", u.rel, got, want)
			}
			checked++
		}
		if checked < 20 {
			t.Errorf("%s: only %d files checked", dir, checked)
		}
	}
}
