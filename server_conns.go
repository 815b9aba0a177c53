package main

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Server timeouts. A slow client still gets main.wasm (about 1 MB brotli, 6 MB raw) within
// WriteTimeout; a connection that says nothing for IdleTimeout is closed.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 2 * time.Minute
	idleTimeout       = 30 * time.Second
)

// maxConns bounds the connections kept open. Timeouts alone let thousands of idle keep-alive
// connections pile up faster than they expire, until the process runs out of file
// descriptors and a new visitor waits (20,000 did it); past the bound, the connection that
// has waited longest without a request in flight is closed to make room.
const maxConns = 1024

// newConnGuard keeps at most limit connections open.
func newConnGuard(limit int) *connGuard {
	return &connGuard{limit: limit, waiting: map[net.Conn]uint64{}, closing: map[net.Conn]bool{}}
}

// newServer is the site's http.Server: timeouts, and the connections g allows.
func newServer(h http.Handler, g *connGuard) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ConnState:         g.track,
	}
}

// connGuard counts the open connections and knows which have no request in flight (new or
// idle), in the order they started waiting.
type connGuard struct {
	mu      sync.Mutex
	limit   int
	open    int
	seq     uint64
	waiting map[net.Conn]uint64 // since when (a sequence number), for the oldest-first choice
	closing map[net.Conn]bool   // closed by shed, not yet reported closed by the server
}

func (g *connGuard) track(c net.Conn, state http.ConnState) {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch state {
	case http.StateNew:
		g.open++
		g.shed(c)
		g.wait(c)
	case http.StateIdle:
		g.wait(c)
	case http.StateActive:
		delete(g.waiting, c)
	case http.StateClosed, http.StateHijacked:
		delete(g.waiting, c)
		delete(g.closing, c)
		g.open--
	}
}

func (g *connGuard) wait(c net.Conn) {
	g.seq++
	g.waiting[c] = g.seq
}

// shed closes waiting connections, oldest first, until the open ones (fresh included) fit
// the limit. Closing makes the server's read fail, and it reports StateClosed later.
func (g *connGuard) shed(fresh net.Conn) {
	for over := g.open - len(g.closing) - g.limit; over > 0 && len(g.waiting) > 0; over-- {
		var oldest net.Conn
		var since uint64
		for c, s := range g.waiting {
			if c != fresh && (oldest == nil || s < since) {
				oldest, since = c, s
			}
		}
		if oldest == nil {
			return
		}
		delete(g.waiting, oldest)
		g.closing[oldest] = true
		oldest.Close()
	}
}

// live is how many connections are open and not being closed.
func (g *connGuard) live() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.open - len(g.closing)
}
