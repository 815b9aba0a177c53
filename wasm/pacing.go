package main

import "time"

// The page's render pacing, in plain Go so it is tested natively (pacing_test.go); pace.go
// applies it to worker reports.
//
// A render costs a few milliseconds of the main thread (3.8 ms at 64 blocks), so rendering
// every worker report would be affordable but pointless, and on a slow machine would drop
// frames. Paced renders come at most one per gap: minRenderGap, or renderShare times the
// latest render's cost when that is more, so rendering keeps to about a tenth of the main
// thread. The worker reports every ~75 ms (worker/cadence.go), so on a normal machine a new
// report is waiting at every slot and the page shows 1/minRenderGap ≈ 11 updates a second.
const (
	minRenderGap = 90 * time.Millisecond
	renderShare  = 10
)

// renderGap is the least spacing of paced renders after a render that cost cost.
func renderGap(cost time.Duration) time.Duration { return max(minRenderGap, renderShare*cost) }

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
