package gcstart

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestPercent checks that the percentage is in force once the packages
// are initialized, as debug.SetGCPercent sees it.
func TestPercent(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: the runtime's percentage is GOGC's")
	}
	got := debug.SetGCPercent(100)
	debug.SetGCPercent(got)
	if got != Percent {
		t.Errorf("garbage collection percentage after init = %d, want %d", got, Percent)
	}
}
