//go:build !unix

package safefile

import "time"

// Lock takes no lock where there is no flock: writers that lock to keep
// two files in step (a state save, a search's cache) may then race.
func Lock(string, time.Duration) (func(), error) { return func() {}, nil }
