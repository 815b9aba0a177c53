package main

import "time"

// The page's render pacing, in plain Go so it is tested natively (pacing_test.go); pace.go
// applies it to worker reports.
//
// A render costs a few milliseconds of the main thread (3.8 ms at 64 blocks), so rendering
// every worker report would be affordable but pointless, and on a slow machine would drop
// frames. Paced renders come at most one per gap: minRenderGap, or renderShare times what a
// render costs (renderCosts) when that is more, so rendering keeps to about a tenth of the
// main thread. The worker reports every ~75 ms (worker/cadence.go), so on a normal machine a new
// report is waiting at every slot and the page shows 1/minRenderGap ≈ 11 updates a second.
const (
	minRenderGap = 90 * time.Millisecond
	renderShare  = 10
)

// renderGap is the least spacing of paced renders that cost cost each.
func renderGap(cost time.Duration) time.Duration { return max(minRenderGap, renderShare*cost) }

// renderCosts estimates what a render costs the page from the latest few: the least of them.
// A render's wall time also holds whatever else the machine did meanwhile (on a shared or
// busy machine, while the worker trains, renders measured 12–14 ms against 4–5 ms paused);
// counting those stalls as the page's own cost would slow the updates for what rendering
// less does not cure. A machine slow throughout (a phone) is slow in every render, and the
// least is then as large as the rest.
type renderCosts struct {
	latest [8]time.Duration
	n      int
}

func (c *renderCosts) add(cost time.Duration) {
	c.latest[c.n%len(c.latest)] = cost
	c.n++
}

// estimate is the least of the latest renders' costs, 0 before the first.
func (c *renderCosts) estimate() time.Duration {
	known := c.latest[:min(c.n, len(c.latest))]
	if len(known) == 0 {
		return 0
	}
	least := known[0]
	for _, d := range known[1:] {
		least = min(least, d)
	}
	return least
}

// renderSchedule holds the slot of the next paced render. Slots are a gap apart from the
// previous slot, not from when the render actually ran: a timer that fires late (the main
// thread was busy) shortens the next wait instead of pushing every later render back, so
// renders keep to one a gap on average rather than one per gap plus the delays, which had
// kept a 100 ms gap to 7–8.5 renders a second. A render at most half a gap early is allowed
// for the same reason; after a quiet spell the first change renders at once.
type renderSchedule struct {
	next time.Time // the earliest time the next paced render may run
}

// wait is how long a change arriving at now waits for its render: 0 means render now.
func (s *renderSchedule) wait(now time.Time) time.Duration {
	return max(s.next.Sub(now), 0)
}

// rendered records a render at now with the gap then in force. A render before the slot (an
// urgent one: the run stopped or failed) leaves the slot where it was.
func (s *renderSchedule) rendered(now time.Time, gap time.Duration) {
	if now.Before(s.next) {
		return
	}
	slot := s.next
	if early := now.Add(-gap / 2); slot.Before(early) {
		slot = early
	}
	s.next = slot.Add(gap)
}
