// Package e2e holds the end-to-end tests of the dubao command: they build
// the binary once and run every command against the repository's sample
// issues (and the shared seed issue when ../shared exists), checking exit
// codes, what goes to stdout and to stderr, and clean piping.
package e2e
