//go:build unix

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestVersionOfBuild checks what the README says --version prints: for a
// binary built from a git checkout, the pseudo-version of its commit
// (v0.0.0-TIME-REVISION, +dirty for changes not committed); for go run,
// which stamps no commit, "devel". The build is made with -buildvcs=true,
// so that a GOFLAGS=-buildvcs=false in the environment does not hide the
// commit.
func TestVersionOfBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dubao twice more")
	}
	if fi, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skipf("%s is not a git checkout: %v", root, err)
	} else if !fi.IsDir() {
		// go build stamps the revision only where .git is a folder: a
		// linked worktree (.git a file) builds as "devel".
		t.Skipf("%s is a git worktree: go build does not stamp its revision", root)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	head := func() string {
		cmd := exec.Command("git", "rev-parse", "HEAD")
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			t.Skipf("git rev-parse HEAD: %v", err)
		}
		return strings.TrimSpace(string(out))
	}
	before := head()
	bin := filepath.Join(t.TempDir(), "dubao")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".")
	build.Dir, build.Env = root, goEnv
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -buildvcs=true: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("dubao --version: %v", err)
	}
	m := regexp.MustCompile(`^dubao v0\.0\.0-[0-9]{14}-([0-9a-f]{12})(\+dirty)?\n$`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("dubao --version of a git checkout build: %q, want dubao v0.0.0-TIME-REVISION", out)
	}
	if after := head(); m[1] != before[:12] && m[1] != after[:12] {
		t.Errorf("dubao --version names commit %s, HEAD is %s", m[1], after)
	}

	run := exec.Command("go", "run", ".", "--version")
	run.Dir, run.Env = root, goEnv
	if out, err := run.Output(); err != nil || string(out) != "dubao devel\n" {
		t.Errorf("go run . --version: %v, %q; want \"dubao devel\\n\"", err, out)
	}
}
