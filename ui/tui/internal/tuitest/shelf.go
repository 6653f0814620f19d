package tuitest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dubao/issue/shelf"
	"dubao/issue/shelf/shelftest"
)

// ShelfConfig is the generated paper of the test shelf: 45 days of a
// two-page daily from 2024-01-20 (so three months), every seventh day kept
// as page files, the needle 蓝鲸 every tenth day.
func ShelfConfig() shelftest.Config {
	c := shelftest.DefaultConfig()
	c.First = time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)
	c.Days, c.Pages, c.IssueBytes = 45, 2, 3000
	c.PerPageEvery, c.NeedleEvery = 7, 10
	return c
}

// OtherPaper is an issue of another paper, on a day of the generated one.
const OtherPaper = `晨风报

2024年2月10日 星期六

第88号

# 第一版 要闻

## 湖区候鸟归来

本报讯 湖区今天迎来第一批候鸟。

## 蓝鲸模型进校园

本报讯 一座蓝鲸模型在小学展出。
`

// ShelfDir writes the test shelf under a folder named papers: the
// generated daily, another paper's issue and three files that are not
// issues.
func ShelfDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "papers")
	if _, err := shelftest.Generate(dir, ShelfConfig()); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"晨风报/2024-02-10.md": OtherPaper,
		"scans/p1.png":      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"notes/empty.txt":   "",
		"notes/data.bin":    "abc\x00\x01\x02def",
	} {
		name = filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ScanShelf scans dir completely.
func ScanShelf(t testing.TB, dir string) *shelf.Shelf {
	t.Helper()
	s, err := shelf.Scan(context.Background(), dir, shelf.Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
