//go:build !amd64

package vec

import "unsafe"

// hasAVX2 is false: no vectors on this architecture.
const hasAVX2 = false

// index returns 0, false: no vectors on this architecture (see
// vec_amd64.go).
func (n *Needle3) index(s string) (int, bool) { return 0, false }

// containsAny returns done false: no vectors on this architecture.
func (s *Set) containsAny(str string) (ok, done bool) { return false, false }

// unsafeString is b as a string, sharing its memory (only read).
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
