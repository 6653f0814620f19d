//go:build !amd64 || purego

package render

// hasAVX2 is false: no vectors on this architecture, or in a build with
// the purego tag, which leaves the assembly out.
const hasAVX2 = false

// plainRun returns i: no vectors here (see hasAVX2).
func plainRun(s string, i int) int { return i }

// cleanRun returns 0: no vectors here (see hasAVX2).
func cleanRun(s string) int { return 0 }
