package render

import "sync"

// lru keeps the values made last for up to size keys, the least recently
// used dropped first: the renderer's caches of work that a layout at
// another width, with other colours or other options does again. It is
// safe for concurrent use.
type lru[K comparable, V any] struct {
	size  int
	mu    sync.Mutex
	m     map[K]V
	order []K // least recently used first
}

// get returns the value of k, made by make on first use. make runs
// outside the lock (it takes long): two callers may make the same value
// at once, and the one kept first is returned to both.
func (c *lru[K, V]) get(k K, make func() V) V {
	c.mu.Lock()
	if v, ok := c.m[k]; ok {
		c.touch(k)
		c.mu.Unlock()
		return v
	}
	c.mu.Unlock()
	v := make()
	c.mu.Lock()
	defer c.mu.Unlock()
	if kept, ok := c.m[k]; ok {
		c.touch(k)
		return kept
	}
	if c.m == nil {
		c.m = map[K]V{}
	}
	if len(c.order) > 0 && len(c.order) >= c.size {
		delete(c.m, c.order[0])
		c.order = append(c.order[:0], c.order[1:]...)
	}
	c.m[k] = v
	c.order = append(c.order, k)
	return v
}

// touch makes k, which is kept, the most recently used key.
func (c *lru[K, V]) touch(k K) {
	for i, o := range c.order {
		if o == k {
			copy(c.order[i:], c.order[i+1:])
			c.order[len(c.order)-1] = k
			return
		}
	}
}

// reset drops every value.
func (c *lru[K, V]) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m, c.order = nil, nil
}
