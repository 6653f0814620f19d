// Package gcstart sets dubao's garbage collection percentage as the
// process starts, before the packages dubao imports initialize. Import it,
// for that effect alone, from main.
//
// Reading a shelf makes much short-lived garbage (every issue is parsed
// and dropped) over a small live heap, so the default GOGC=100 collects
// very often: 400 cut the CPU time of indexing a 3,650-issue shelf by
// about 20% and of searching it by 15% (issue/shelf benchmarks).
//
// It is set here, not in main, for start-up: the packages' initialization
// allocates about 6 MB (most of it the code highlighter's tables, which
// glamour imports), so at the default percentage the collector ran a
// whole cycle before main began, about a fifth of `dubao --version`'s CPU
// time. Go initializes packages in the order of their import paths, each
// as soon as its imports are: runtime/debug's path sorts after
// github.com/…, so a package importing it initializes after the
// highlighter. This package imports only os (initialized among the
// first) and reaches debug.SetGCPercent's runtime half by the name the
// runtime gives it for runtime/debug, so it runs before any package under
// github.com or golang.org. TestNoCollectionBeforeMain, in dubao's main
// package, holds that; TestPercent that the percentage is set.
package gcstart

import (
	"os"
	_ "unsafe" // for go:linkname
)

// Percent is the garbage collection percentage dubao runs with unless
// GOGC says otherwise.
const Percent = 400

// setGCPercent is what debug.SetGCPercent calls: the runtime defines it
// and pushes it to runtime/debug by this name (runtime/mgcpacer.go).
//
//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(percent int32) (previous int32)

func init() {
	if os.Getenv("GOGC") == "" {
		setGCPercent(Percent)
	}
}
