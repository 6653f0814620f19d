//go:build !amd64 || purego

package vec

import "unsafe"

// hasAVX2 is false: no vectors on this architecture, or in a build with
// the purego tag, which leaves the assembly out (`go test -tags purego`
// tests the scalar paths alone).
const hasAVX2 = false

// index returns 0, false: no vectors here (see hasAVX2).
func (n *Needle3) index(s string) (int, bool) { return 0, false }

// indexAny returns done false: no vectors here (see hasAVX2).
func (s *Set) indexAny(str string) (i int, done bool) { return 0, false }

// unsafeString is b as a string, sharing its memory (only read).
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
