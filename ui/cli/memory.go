package cli

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Memory is dubao's soft memory limit (debug.SetMemoryLimit), sized from
// what it reads and raised whenever the live heap must pass it.
//
// A fixed limit fails both ways: for an ordinary issue it lets the heap
// grow far past what the issue needs (a 10 MB issue is held in about
// twice its size, but the collector waits until the limit), and for an
// issue whose model is larger than the limit (a million tiny articles) the
// collector runs without end to stay under it, a death spiral: `list` of
// such an issue took 58 s instead of 3 with no limit. So the limit starts
// at what the input needs (Expect) and, after each collection, is raised
// to twice the live heap when that has come near it: the collector never
// works to keep a heap under a limit it cannot fit under.
type Memory struct {
	mu    sync.Mutex
	limit int64
	// set is debug.SetMemoryLimit and liveHeap reads the live heap's size
	// (runtime/metrics); tests stand in for both.
	set      func(int64)
	liveHeap func() (int64, bool)
}

// The sizes of the limit.
const (
	// memoryFloor is the limit before any input is known, and below
	// which it never goes: start-up, the sample, a shelf's index.
	memoryFloor = 64 << 20
	// memoryPerByte is the limit's share of each byte of input: an
	// ordinary issue's model and the parse's records take about twice
	// its size at their peak.
	memoryPerByte = 3
)

// NewMemory sets the soft memory limit to its floor and keeps it sized
// from then on (see Memory). Call it once, from main, when GOMEMLIMIT is
// not set.
func NewMemory() *Memory {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	m := newMemory(func(n int64) { debug.SetMemoryLimit(n) }, func() (int64, bool) {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0, false
		}
		return int64(sample[0].Value.Uint64()), true
	})
	m.watch()
	return m
}

// newMemory returns a Memory that sets the limit with set and reads the
// live heap with liveHeap, its limit at the floor.
func newMemory(set func(int64), liveHeap func() (int64, bool)) *Memory {
	m := &Memory{set: set, liveHeap: liveHeap}
	m.setLocked(memoryFloor)
	return m
}

// Expect sizes the limit for an input of n bytes about to be read (never
// lowering it).
func (m *Memory) Expect(n int64) {
	if m == nil || n <= 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if want := memoryFloor + memoryPerByte*n; want > m.limit {
		m.setLocked(want)
	}
}

// Small sets the limit to n, below the floor: for a read whose live heap
// stays small whatever the input's size (a streamed parse holds a part
// of it), so that its garbage is collected long before the floor. The
// limit is raised after a collection as ever, when the live heap must
// pass it.
func (m *Memory) Small(n int64) {
	if m == nil || n <= 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.setLocked(n)
}

// Limit returns the limit now.
func (m *Memory) Limit() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.limit
}

func (m *Memory) setLocked(n int64) {
	m.limit = n
	m.set(n)
}

// afterGC raises the limit to twice the live heap when the heap left by a
// collection has passed four fifths of it.
func (m *Memory) afterGC() {
	live, ok := m.liveHeap()
	if !ok {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if live*5 > m.limit*4 {
		m.setLocked(2 * live)
	}
}

// gcNote is an object whose cleanup runs after the collection that finds
// it unreachable: each one arms the next, so that Memory hears of every
// collection without polling.
type gcNote struct{ _ [16]byte }

// watch calls afterGC after each collection from now on.
func (m *Memory) watch() {
	n := &gcNote{}
	runtime.AddCleanup(n, func(m *Memory) {
		m.afterGC()
		m.watch()
	}, m)
}
