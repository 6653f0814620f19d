//go:build !amd64 || purego

package utf8vec

// Vectors reports false: no vectors on this architecture, or in a build
// with the purego tag (`go test -tags purego` tests the callers' own
// loops alone, as on other processors).
func Vectors() bool { return false }

// PlainRun returns i: no vectors here (see Vectors).
func PlainRun(s string, i int, set *ASCII) int { return i }

// CleanRun returns i: no vectors here (see Vectors).
func CleanRun(s string, i int) int { return i }

// HanRun returns i: no vectors here (see Vectors).
func HanRun(s string, i int) int { return i }
