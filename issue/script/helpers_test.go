package script

import (
	"os"
	"path/filepath"
	"testing"
)

// sampleText returns a file of the repository's testdata: sample.md (a
// fictional Simplified issue) or hk-sample.md (a fictional Hong Kong one).
func sampleText(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
