package shelf

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"dubao/issue"
	"dubao/issue/source/epaper/epapertest"
)

// TestOpenPathParsesOnce: a folder of one issue — one file, a page per
// file, a web archive's article files, a saved e-paper day — opened
// without a cache is opened from the issues its scan parsed (openKept),
// not parsed again, and is the very issue, with the same key, that
// parsing its files anew (Shelf.Open) gives.
func TestOpenPathParsesOnce(t *testing.T) {
	mixed := mixedShelf(t)
	day := t.TempDir()
	writeDay(t, day, epapertest.Sample(epapertest.Founder))
	archive := writeShelf(t, []fixture{
		{path: "20240601-02-01.txt", content: archiveFile("", "湖区候鸟归来", "", "今年来湖区越冬的候鸟比去年多。", "观鸟的人也多了。")},
		{path: "20240601-01-02.txt", content: archiveFile("", "夜市重开", "——老街烟火气回来了", "周五晚上，老街夜市重新开张。")},
		{path: "20240601-01-01.txt", content: archiveFile("市政府召开常务会议", "部署夏季防汛工作", "", "会议要求各部门做好准备。")},
	})
	one := writeShelf(t, []fixture{{path: "2024-03-07.md", content: masthead("星河日报", "2024-03-07", 2) + page(1, "要闻", "河堤加固完工") + page(2, "城市", "公交线路调整")}})
	for name, dir := range map[string]string{
		"one file":   one,
		"page files": filepath.Join(mixed, "2024/2024-03-10"),
		"archive":    archive,
		"e-paper":    day,
	} {
		for _, lazy := range []bool{false, true} {
			ctx := context.Background()
			sc, err := prepare(ctx, dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var s *Shelf
			var kept map[string]*issue.Issue
			if lazy {
				s, _, kept, err = scanLazy(ctx, dir, Options{}, true)
			} else {
				s, kept, err = sc.indexAll(ctx, true, true)
			}
			if err != nil || len(s.Issues) != 1 {
				t.Fatalf("%s: %v, %d issues", name, err, len(s.Issues))
			}
			got := s.openKept(s.Issues[0], kept)
			if got == nil {
				t.Fatalf("%s (lazy %v): not opened from the scan's parse", name, lazy)
			}
			want, err := s.Open(s.Issues[0])
			if err != nil {
				t.Fatal(err)
			}
			if got.Key != want.Key || got.Key == "" || !reflect.DeepEqual(got.Issue, want.Issue) {
				t.Errorf("%s (lazy %v): key %s, want %s; issues equal %v", name, lazy, got.Key, want.Key, reflect.DeepEqual(got.Issue, want.Issue))
			}
			l, sh, err := OpenPath(ctx, dir, Options{})
			if err != nil || sh != nil || l.Key != want.Key || !reflect.DeepEqual(l.Issue, want.Issue) {
				t.Errorf("%s: OpenPath: %v, shelf %v", name, err, sh != nil)
			}
		}
	}
	// A shelf of several issues keeps nothing once it is grouped: Scan
	// keeps no parse at all.
	sc, err := prepare(context.Background(), mixed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, kept, err := sc.indexAll(context.Background(), false, false); err != nil || kept != nil {
		t.Errorf("Scan kept %d parses (%v)", len(kept), err)
	}
}
