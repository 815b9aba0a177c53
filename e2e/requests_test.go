package e2e

import "sync"

// syncStrings collects strings from several goroutines (an HTTP server's handlers).
type syncStrings struct {
	mu sync.Mutex
	s  []string
}

func (c *syncStrings) add(s string) {
	c.mu.Lock()
	c.s = append(c.s, s)
	c.mu.Unlock()
}

func (c *syncStrings) list() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.s...)
}
