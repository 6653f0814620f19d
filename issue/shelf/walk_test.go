package shelf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestWalkMatchesWalkDir: the walk, with its folders shared among
// goroutines, finds what a walk with filepath.WalkDir finds, in the same
// order: every file, every entry skipped and why, the folders that hold
// something besides files.
func TestWalkMatchesWalkDir(t *testing.T) {
	var files []fixture
	for y := 2020; y <= 2023; y++ {
		for m := 1; m <= 3; m++ {
			for d := 1; d <= 4; d++ {
				date := fmt.Sprintf("%d-%02d-%02d", y, m, d)
				files = append(files, fixture{path: fmt.Sprintf("%d/%02d/%s.md", y, m, date), content: "x"})
			}
			files = append(files, fixture{path: fmt.Sprintf("%d/%02d/%d-%02d-09/01.md", y, m, y, m), content: "x"},
				fixture{path: fmt.Sprintf("%d/%02d/%d-%02d-09/02.md", y, m, y, m), content: "x"},
				fixture{path: fmt.Sprintf("%d/%02d/.hidden.md", y, m), content: "x"},
				fixture{path: fmt.Sprintf("%d/.cache/%02d.md", y, m), content: "x"})
		}
	}
	files = append(files, fixture{path: "a.md", content: "x"}, fixture{path: "z/deep/er/still/deeper/f.md", content: "x"})
	dir := writeShelf(t, files)
	for _, link := range []struct{ from, to string }{
		{"2021/02/dangling.md", "gone.md"},
		{"2021/link-to-folder", filepath.Join(dir, "2022")},
		{"2022/03/link.md", filepath.Join(dir, "a.md")},
	} {
		if err := os.Symlink(link.to, filepath.Join(dir, link.from)); err != nil {
			t.Fatal(err)
		}
	}
	mkfifo(t, filepath.Join(dir, "2023", "01", "pipe"))
	for _, d := range []string{dir, mixedShelf(t)} {
		root, err := filepath.EvalSymlinks(d)
		if err != nil {
			t.Fatal(err)
		}
		want, err := walkReference(context.Background(), root, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(want.files) < 2 || len(want.skipped) < 1 {
			t.Fatalf("the reference walk found %d files and skipped %d", len(want.files), len(want.skipped))
		}
		for _, workers := range []int{1, 2, 3, 8} {
			for range 3 {
				var folders, files int
				got, err := walk(context.Background(), root, Options{Workers: workers, Walking: func(d, f int) { folders, files = d, f }})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%d workers: the walk found\n%+v\nfilepath.WalkDir\n%+v", workers, got, want)
				}
				if files != len(want.files) || folders == 0 {
					t.Errorf("%d workers: progress at the end: %d folders, %d files; want %d files", workers, folders, files, len(want.files))
				}
			}
		}
	}
}

// TestWalkCancelled: a cancelled walk ends with the context's error.
func TestWalkCancelled(t *testing.T) {
	dir := mixedShelf(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, workers := range []int{1, 2} {
		if _, err := walk(ctx, dir, Options{Workers: workers}); err != context.Canceled {
			t.Errorf("%d workers: %v, want %v", workers, err, context.Canceled)
		}
	}
}
