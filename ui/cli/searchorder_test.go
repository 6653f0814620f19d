package cli

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"dubao/issue/script"
	"dubao/issue/search"
	"dubao/issue/shelf"
)

// TestSearchErrorAfterEarlierLines: on a terminal, stdout and stderr are
// one screen; the message about an issue that cannot be read comes after
// the lines of the issues searched before it, not ahead of them while
// those still sit in stdout's buffer.
func TestSearchErrorAfterEarlierLines(t *testing.T) {
	dir := t.TempDir()
	// The newer issue has more matches than stdout's buffer holds: its
	// lines reach the screen while it is written (slowly, see
	// slowScreen), and the older issue's error is queued by then.
	newer := strings.Repeat(twoArticles, 1000)
	for date, text := range map[string]string{"2024-03-09": newer, "2024-03-08": twoArticles} {
		if err := os.WriteFile(filepath.Join(dir, date+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := shelf.Scan(context.Background(), dir, shelf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The older issue goes away once the shelf is walked: it cannot be
	// read when it is searched.
	if err := os.Remove(filepath.Join(dir, "2024-03-08.md")); err != nil {
		t.Fatal(err)
	}
	screen := &slowScreen{} // stdout and stderr, one terminal
	r := &runner{stdout: screen, stderr: screen, root: &cobra.Command{Use: "dubao"}}
	out := bufio.NewWriterSize(r.stdout, 64<<10)
	n, err := r.searchShelf(context.Background(), out, s, search.New("春耕"), script.None)
	if err == nil {
		err = out.Flush()
	}
	if err != nil || n != 2000 {
		t.Fatalf("searchShelf: %d lines, %v; want 2000 lines", n, err)
	}
	lines := strings.Split(strings.TrimSuffix(screen.String(), "\n"), "\n")
	if len(lines) != n+1 {
		t.Fatalf("%d lines, want the %d results and the message", len(lines), n)
	}
	for i, line := range lines[:n] {
		if !strings.HasPrefix(line, "2024-03-09\t") {
			t.Fatalf("line %d is not a result of 2024-03-09 (the message came before it): %q", i+1, line)
		}
	}
	if last := lines[n]; !strings.HasPrefix(last, "dubao: ") || !strings.Contains(last, "2024-03-08.md") {
		t.Errorf("the last line is not the message about 2024-03-08.md: %q", last)
	}
}

// slowScreen is a terminal that takes its time over its first write.
type slowScreen struct {
	bytes.Buffer
	slowed bool
}

func (s *slowScreen) Write(p []byte) (int, error) {
	if !s.slowed {
		s.slowed = true
		time.Sleep(50 * time.Millisecond)
	}
	return s.Buffer.Write(p)
}
