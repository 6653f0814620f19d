package render

import (
	"slices"
	"sync"
	"testing"
)

// TestLRU: the least recently used key is dropped first, a value is made
// once while it is kept, and callers that make the same value at once get
// the one kept.
func TestLRU(t *testing.T) {
	c := lru[string, int]{size: 3}
	made := 0
	get := func(k string) int {
		return c.get(k, func() int { made++; return len(k) * 10 })
	}
	for _, k := range []string{"a", "bb", "ccc", "a", "dddd"} { // a used again: bb is the oldest
		get(k)
	}
	if want := []string{"ccc", "a", "dddd"}; !slices.Equal(c.order, want) {
		t.Errorf("kept %v, want %v", c.order, want)
	}
	if made != 4 {
		t.Errorf("made %d values for 4 keys", made)
	}
	if v := get("bb"); v != 20 || made != 5 {
		t.Errorf("a dropped key: %d, made %d", v, made)
	}
	c.reset()
	if len(c.m) != 0 || len(c.order) != 0 {
		t.Errorf("reset keeps %v", c.order)
	}

	// at once
	var wg sync.WaitGroup
	start := make(chan struct{})
	got := make([]*int, 8)
	p := lru[int, *int]{size: 2}
	for i := range got {
		wg.Go(func() {
			<-start
			got[i] = p.get(1, func() *int { return new(int) })
		})
	}
	close(start)
	wg.Wait()
	for _, g := range got[1:] {
		if g != got[0] {
			t.Fatal("callers of the same key got different values")
		}
	}
}
