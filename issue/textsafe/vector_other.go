//go:build !amd64

package textsafe

// Vectors reports false: no vector scan on this architecture (see
// vector_amd64.go).
func Vectors() bool { return false }

// PlainRun returns i: no vector scan on this architecture.
func PlainRun(b []byte, i int) int { return i }

// jsonPlainRun returns i: no vector scan on this architecture.
func jsonPlainRun(s string, i int) int { return i }
