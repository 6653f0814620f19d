// Package utf8vec passes runs of UTF-8 text with the processor's vectors
// (AVX2 on amd64), 32 bytes at a time: the kernels behind textsafe's
// one-pass validation and cleaning (PlainRun), and the renderer's two
// width checks (CleanRun, HanRun). Each returns where it stopped, from
// where its caller reads on a character at a time; without vectors (other
// processors, or a build with the purego tag, which leaves the assembly
// out) each returns where it started, so that the caller's own loop does
// all the work: that loop is the kernel's twin, and the callers' fuzz
// targets (FuzzPlainRun, FuzzAppendJSONString, FuzzLineClean,
// FuzzHasRisky) hold each kernel to it.
//
// A kernel reads only the bytes of its text: it stops 34 bytes before the
// end at the latest (TestKernelsPageEnd puts texts at the end of readable
// memory).
package utf8vec

// ASCII is the ASCII PlainRun passes, each byte repeated for a vector:
// what is above 1F but three excluded bytes, and one kept byte.
type ASCII struct {
	ex   [3][32]byte
	keep [32]byte
}

// NewASCII returns the ASCII above 1F but the bytes of ex, and keep.
func NewASCII(ex [3]byte, keep byte) (a ASCII) {
	for k := range 32 {
		a.ex[0][k], a.ex[1][k], a.ex[2][k], a.keep[k] = ex[0], ex[1], ex[2], keep
	}
	return a
}
