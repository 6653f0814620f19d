package cli

import (
	"runtime"
	"testing"
	"time"
)

// TestMemory (issue #18, items 7 and 9): the soft memory limit is sized
// from the input, never lowered, and raised to twice the live heap when a
// collection leaves a heap near it — never a limit the live heap cannot
// fit under (the death spiral of a million tiny articles under a fixed
// 256 MB).
func TestMemory(t *testing.T) {
	var set []int64
	live := int64(0)
	m := newMemory(func(n int64) { set = append(set, n) }, func() (int64, bool) { return live, true })
	if m.Limit() != memoryFloor {
		t.Fatalf("limit %d, want the floor %d", m.Limit(), memoryFloor)
	}
	m.Expect(10 << 20)
	if want := int64(memoryFloor + memoryPerByte*10<<20); m.Limit() != want {
		t.Errorf("a 10 MB input: limit %d MB, want %d MB", m.Limit()>>20, want>>20)
	}
	m.Expect(1 << 20)
	if m.Limit() != memoryFloor+memoryPerByte*10<<20 {
		t.Errorf("a smaller input lowered the limit to %d MB", m.Limit()>>20)
	}
	live = 50 << 20 // well under the limit: left alone
	m.afterGC()
	if m.Limit() != memoryFloor+memoryPerByte*10<<20 {
		t.Errorf("a small live heap changed the limit to %d MB", m.Limit()>>20)
	}
	live = 300 << 20 // a model larger than the input's share
	m.afterGC()
	if m.Limit() != 600<<20 {
		t.Errorf("a live heap of 300 MB: limit %d MB, want 600", m.Limit()>>20)
	}
	if last := set[len(set)-1]; last != m.Limit() {
		t.Errorf("the runtime's limit is %d, the governor's %d", last, m.Limit())
	}
}

// TestMemoryHearsCollections: the governor hears of every collection.
func TestMemorySmall(t *testing.T) {
	live := int64(0)
	m := newMemory(func(int64) {}, func() (int64, bool) { return live, true })
	m.Small(streamLimit)
	if m.Limit() != streamLimit {
		t.Fatalf("limit %d MB, want %d", m.Limit()>>20, streamLimit>>20)
	}
	live = 10 << 20 // a part and its records
	m.afterGC()
	if m.Limit() != streamLimit {
		t.Errorf("a small live heap changed the limit to %d MB", m.Limit()>>20)
	}
	live = streamLimit // a part that had to grow: never a death spiral
	m.afterGC()
	if m.Limit() != 2*streamLimit {
		t.Errorf("a live heap at the limit: limit %d MB, want %d", m.Limit()>>20, 2*streamLimit>>20)
	}
}

func TestMemoryHearsCollections(t *testing.T) {
	heard := make(chan struct{}, 100)
	m := newMemory(func(int64) {}, func() (int64, bool) {
		select {
		case heard <- struct{}{}:
		default: // the watch goes on after the test
		}
		return 0, false
	})
	m.watch()
	for range 3 {
		runtime.GC()
		select {
		case <-heard:
		case <-time.After(10 * time.Second):
			t.Fatal("a collection went unheard")
		}
	}
}
