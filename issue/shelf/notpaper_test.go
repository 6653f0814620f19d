package shelf

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestNotPapersSkipped: on a shelf a text file needs a masthead, a date, a
// known archive name or mostly Chinese text to be an issue: a Go source
// with Chinese comments and /etc/passwd are skipped as not issues, while a
// Chinese note, a dated file and an archive-named file stay; a file given
// alone still opens (Load).
func TestNotPapersSkipped(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.go": "package main\n\n// 读报：一个终端里的报纸阅读器\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n" +
			"// main prints the arguments, one a line, and exits with status 1 when there are none.\n" +
			"func main() {\n\tif len(os.Args) < 2 {\n\t\tos.Exit(1)\n\t}\n\tfor _, a := range os.Args[1:] {\n\t\tfmt.Println(a)\n\t}\n}\n",
		"passwd":             "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
		"notes.md":           "# 说明\n\n这是一个说明文件，讲一讲这个文件夹里放的是什么。\n",
		"2024-03-08.md":      "# 晨风报\n\n## 标题\n\nEnglish only body text here.\n",
		"20191002-01-01.txt": "Some text in an archive file, mostly English.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Scan(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	skipped := map[string]ReasonKind{}
	for _, sk := range s.Skipped {
		skipped[filepath.Base(sk.Path)] = sk.Reason.Kind
	}
	for _, name := range []string{"main.go", "passwd"} {
		if k, ok := skipped[name]; !ok || k != ReasonNotIssue {
			t.Errorf("%s: skipped %v (kind %d), want not an issue", name, ok, k)
		}
	}
	for _, name := range []string{"notes.md", "2024-03-08.md", "20191002-01-01.txt"} {
		if _, ok := skipped[name]; ok {
			t.Errorf("%s skipped: %v", name, skipped[name])
		}
	}
	if l, err := Load(filepath.Join(dir, "main.go"), Options{}); err != nil || l.Issue == nil {
		t.Errorf("a Go source given alone does not open: %v", err)
	}
}
