//go:build !linux

package main

import "errors"

// runScreen needs Linux's pseudo-terminals.
func runScreen(c command) (sample, error) {
	return sample{}, errors.New("the first-screen rows need Linux")
}

// screenSupported reports whether runScreen works here.
const screenSupported = false
