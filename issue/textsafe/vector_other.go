//go:build !amd64 || purego

package textsafe

// Vectors reports false: no vector scan on this architecture, or in a
// build with the purego tag (see vector_amd64.go).
func Vectors() bool { return false }

// PlainRun returns i: no vector scan here (see Vectors).
func PlainRun(b []byte, i int) int { return i }

// jsonPlainRun returns i: no vector scan here (see Vectors).
func jsonPlainRun(s string, i int) int { return i }

// linePlainRun returns i: no vector scan here (see Vectors).
func linePlainRun(s string, i int) int { return i }
