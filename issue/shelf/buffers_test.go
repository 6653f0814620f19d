package shelf

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"dubao/issue/source"
)

// TestAnalyzeReusedBuffer: the units of a scan are read one after another
// into one buffer (source.Buffers), each overwriting the last; what each
// record holds must not share those bytes — its paper, date and weekday,
// and a skip's reason, are those of a unit read into a buffer of its own,
// after every other unit was read.
func TestAnalyzeReusedBuffer(t *testing.T) {
	// The largest first: the later files are read into its buffer.
	files := []fixture{
		{path: "2024-03-08.md", content: masthead("星河日报", "2024-03-08", 2) + page(1, "要闻", "春耕备耕忙", "河边步道开放") +
			page(2, "经济", strings.Repeat("新的工厂", 3), "港口")},
		{path: "2024-03-09.md", content: masthead("青溪晚报", "2024-03-09", 1) + page(1, "要闻", "雨后")},
		{path: "notes.txt", content: strings.Repeat("plain English notes, no date, no Chinese.\n", 4)},
		{path: "2024-03-10.md", content: masthead("山城商报", "2024-03-10", 1) + page(1, "本地", "桥")},
	}
	dir := writeShelf(t, files)
	sc, err := prepare(context.Background(), dir, Options{CacheDir: t.TempDir(), NoKey: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.units) != len(files) {
		t.Fatalf("%d units, want %d", len(sc.units), len(files))
	}
	var bufs source.Buffers
	var got []*record
	for _, u := range sc.units {
		got = append(got, analyze(u, Options{NoKey: true}, &bufs))
	}
	skipped := 0
	for i, u := range sc.units {
		want := analyze(u, Options{NoKey: true}, nil)
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%s read into the reused buffer:\n%+v\nwant\n%+v", u.rel, got[i], want)
		}
		if want.Skip != nil {
			skipped++
		} else if want.Paper == "" || want.Date == "" || want.Weekday == "" {
			t.Errorf("%s: paper %q, date %q, weekday %q: the test reads no masthead", u.rel, want.Paper, want.Date, want.Weekday)
		}
	}
	if skipped != 1 {
		t.Errorf("%d units skipped, want the notes", skipped)
	}
}
