package render

import "dubao/issue/utf8vec"

// hasAVX2 reports whether utf8vec.HanRun (hasRisky's vectors) and
// cleanRun read with vectors (when not, they return where they start):
// utf8vec.Vectors.
var hasAVX2 = utf8vec.Vectors()

// cleanRun returns the character boundary j up to which s[:j] is, as
// vectors read it 32 bytes at a time, only characters lineClean passes
// (utf8vec.CleanRun); 0 without vectors or with fewer than 34 bytes.
func cleanRun(s string) int { return utf8vec.CleanRun(s, 0) }
