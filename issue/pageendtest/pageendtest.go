// Package pageendtest puts test texts at the very end of readable memory, so
// that code reading past the end of a slice or string faults instead of
// reading the bytes that happen to follow (what the vector scans must
// never do).
package pageendtest

// Size is the longest text the function New returns takes.
const Size = 4096
