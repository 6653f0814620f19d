package tui

import (
	"fmt"
	"strings"
	"testing"

	"dubao/ui/tui/common"
)

// TestErrorPagePaths (issue #18, item 21): the error page names the file
// whole whatever the length of the folders before it — a long path is
// shortened in its middle, never broken inside the file's name — so that
// what it shows does not depend on where the files are (a test passed or
// failed by the length of the checkout's path).
func TestErrorPagePaths(t *testing.T) {
	const file = "bad-blank.txt"
	for _, size := range [][2]int{{60, 15}, {100, 30}, {40, 12}} {
		for n := 0; n <= 120; n++ {
			path := "/" + strings.Repeat("d", n) + "/testdata/hostile/" + file
			m := newModel(t, sample(t), size[0], size[1])
			send(m, common.ErrorMsg{Name: path, Err: fmt.Errorf("%s: not a text file (blank)", path)})
			sc := screen(m)
			if strings.Count(sc, file) < 2 {
				t.Fatalf("%dx%d, a path of %d bytes: the file's name is not whole in the title and the message:\n%s", size[0], size[1], len(path), sc)
			}
		}
	}
}
