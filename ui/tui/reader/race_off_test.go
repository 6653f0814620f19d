//go:build !race

package reader

// raceBuild: the test binary runs without the race detector.
const raceBuild = false
