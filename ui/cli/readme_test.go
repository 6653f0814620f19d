package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/ui/config"
	"dubao/ui/tui/common"
)

var update = flag.Bool("update", false, "rewrite the generated parts of README.md")

// readmeBlock returns the text between the marker lines <!-- name… --> and
// <!-- /name --> of readme, and its byte range.
func readmeBlock(t *testing.T, readme, name string) (block string, start, end int) {
	t.Helper()
	open := "<!-- " + name
	i := strings.Index(readme, open)
	if i < 0 {
		t.Fatalf("README.md has no %q marker", open)
	}
	start = i + strings.Index(readme[i:], "\n") + 1
	end = strings.Index(readme, "<!-- /"+name+" -->")
	if end < start {
		t.Fatalf("README.md has no closing <!-- /%s --> marker", name)
	}
	return readme[start:end], start, end
}

// keyTable is the README's key table: the bindings of the reader's help
// overlay (common.KeyMap.FullHelp) with their default keys, and the name of
// each configurable action in the configuration file.
func keyTable() string {
	names := map[string]string{} // help text → action name
	for _, a := range config.Actions() {
		names[a.Help] = a.Name
	}
	km := common.DefaultKeyMap()
	var b strings.Builder
	b.WriteString("| keys | 说明 | config name |\n|---|---|---|\n")
	for _, col := range km.FullHelp() {
		for _, bind := range col {
			var keys []string
			for _, k := range bind.Keys() {
				keys = append(keys, "`"+strings.ReplaceAll(k, "|", `\|`)+"`")
			}
			shown := strings.Join(keys, " ")
			if bind.Help() == km.Digits.Help() {
				shown = "`0`…`9` then `enter`"
			}
			name := "(fixed)"
			if n, ok := names[bind.Help().Desc]; ok {
				name = "`" + n + "`"
			}
			b.WriteString("| " + shown + " | " + bind.Help().Desc + " | " + name + " |\n")
		}
	}
	return b.String()
}

// shelfKeyTable is the README's table of the shelf's keys: the bindings
// of common.KeyMap.ShelfHelp, with what they do on the shelf.
func shelfKeyTable() string {
	var b strings.Builder
	b.WriteString("| keys | 书架上 |\n|---|---|\n")
	for _, bind := range common.DefaultKeyMap().ShelfHelp() {
		var keys []string
		for _, k := range bind.Keys() {
			keys = append(keys, "`"+strings.ReplaceAll(k, "|", `\|`)+"`")
		}
		b.WriteString("| " + strings.Join(keys, " ") + " | " + bind.Help().Desc + " |\n")
	}
	return b.String()
}

// TestReadmeKeys keeps the README's key tables equal to the key map and
// its help, so the two cannot drift apart.
func TestReadmeKeys(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	changed := false
	for _, block := range []struct {
		name string
		want string
	}{{"keys", keyTable()}, {"shelf-keys", shelfKeyTable()}} {
		got, start, end := readmeBlock(t, readme, block.name)
		if got == block.want {
			continue
		}
		if !*update {
			t.Fatalf("README.md's %s table is not the key map; run go test ./ui/cli -run TestReadmeKeys -update\nwant:\n%s", block.name, block.want)
		}
		readme = readme[:start] + block.want + readme[end:]
		changed = true
	}
	if !changed {
		return
	}
	if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
		t.Fatal(err)
	}
}
