package issue

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden compares the JSON model of each sample with its golden file
// (testdata/TestGolden/NAME.golden; go test ./issue -run TestGolden -update
// rewrites them). The seed and the real archive folder are skipped when
// ../shared is absent; their text must never enter the repository, so
// their goldens hold the model's shape with every string replaced by its
// length and a hash (see redact).
func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		path   func(t *testing.T) string
		redact bool
	}{
		{"seed", func(t *testing.T) string { return seedPath(t) }, true},
		{"real-people-daily", func(t *testing.T) string { return realFolder(t) }, true},
		{"sample", func(t *testing.T) string { return samplePath(t, "sample.md") }, false},
		{"gb18030", func(t *testing.T) string { return samplePath(t, "gb18030.txt") }, false},
		{"big5", func(t *testing.T) string { return samplePath(t, "issues/big5.txt") }, false},
		{"utf16le-bom", func(t *testing.T) string { return samplePath(t, "issues/utf16le-bom.md") }, false},
		{"frontmatter", func(t *testing.T) string { return samplePath(t, "issues/frontmatter.md") }, false},
		{"note-inline", func(t *testing.T) string { return samplePath(t, "issues/note-inline.md") }, false},
		{"archive", func(t *testing.T) string { return samplePath(t, "issues/archive-20240601") }, false},
		{"archive-20250110", func(t *testing.T) string { return samplePath(t, "issues/archive-20250110") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := mustOpen(t, tt.path(t), Options{Name: tt.name})
			out := jsonOf(t, is)
			if tt.redact {
				out = redact(t, out)
			}
			golden.RequireEqual(t, out)
		})
	}
}

// redact replaces every string of a JSON document, except the few that are
// dubao's own vocabulary (jump directions, block kinds, encodings), by its
// length in characters and a hash of it: the golden file pins the parse
// down without holding a sentence of the source.
func redact(t testing.TB, doc string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	var walk func(key string, v any) any
	walk = func(key string, v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				v[k] = walk(k, x)
			}
			return v
		case []any:
			for i, x := range v {
				v[i] = walk(key, x)
			}
			return v
		case string:
			switch key {
			case "dir", "kind", "encoding", "date", "marker":
				return v
			}
			h := fnv.New32a()
			h.Write([]byte(v))
			return fmt.Sprintf("%d字 %08x", runeLen(v), h.Sum32())
		}
		return v
	}
	out, err := json.MarshalIndent(walk("", v), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out) + "\n"
}
