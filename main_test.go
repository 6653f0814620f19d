package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNoCollectionBeforeMain runs this test binary, which initializes
// the packages dubao's main imports, with the runtime tracing each
// package's initialization and each garbage collection: gcstart must
// initialize before the code highlighter (chroma, through glamour), the
// bulk of start-up's allocation, and no collection may run before main.
// The same run at GOGC=100 shows that initialization allocates enough to
// collect at the default percentage, so the check can fail.
func TestNoCollectionBeforeMain(t *testing.T) {
	if testing.Short() {
		t.Skip("starts this test binary twice")
	}
	trace := func(gogc string) []string {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GODEBUG=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Env = append(cmd.Env, "GODEBUG=inittrace=1,gctrace=1")
		if gogc != "" {
			cmd.Env = append(cmd.Env, "GOGC="+gogc)
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", cmd, err, out)
		}
		return strings.Split(string(out), "\n")
	}
	// before returns the collections traced before the last package's
	// initialization, and the lines at which gcstart and chroma's lexers
	// initialized (-1 when absent).
	before := func(lines []string) (gcs []string, gcstart, chroma int) {
		gcstart, chroma, last := -1, -1, -1
		for i, l := range lines {
			switch {
			case strings.HasPrefix(l, "init dubao/ui/cli/gcstart "):
				gcstart = i
			case strings.HasPrefix(l, "init github.com/alecthomas/chroma/v2/lexers "):
				chroma = i
			}
			if strings.HasPrefix(l, "init ") {
				last = i
			}
		}
		for _, l := range lines[:last+1] {
			if strings.HasPrefix(l, "gc ") {
				gcs = append(gcs, l)
			}
		}
		return gcs, gcstart, chroma
	}

	if gcs, _, _ := before(trace("100")); len(gcs) == 0 {
		t.Skip("initialization no longer collects at GOGC=100: nothing for gcstart to prevent")
	}
	gcs, gcstart, chroma := before(trace(""))
	if gcstart < 0 || chroma < 0 {
		t.Fatalf("no initialization traced for gcstart (line %d) or chroma's lexers (line %d)", gcstart, chroma)
	}
	if gcstart > chroma {
		t.Errorf("gcstart initialized after chroma's lexers (trace lines %d, %d)", gcstart, chroma)
	}
	if len(gcs) > 0 {
		t.Errorf("%d collections before main, want none:\n%s", len(gcs), strings.Join(gcs, "\n"))
	}
}
