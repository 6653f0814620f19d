//go:build !amd64

package decode

// hasAVX2 is false: no vector scan on this architecture (see
// scan_amd64.go).
const hasAVX2 = false

// plainRun returns i: no vector scan on this architecture.
func plainRun(data []byte, i int) int { return i }
