//go:build race

package reader

// raceBuild: the test binary runs under the race detector, where
// sync.Pool drops what is put in it at random (fmt's printers among it),
// so allocation counts vary from run to run.
const raceBuild = true
